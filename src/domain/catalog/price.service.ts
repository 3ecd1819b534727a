import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { parseRule, priceReferences, PriceSnapshot, validatePriceReferences } from '../../pricing/engine';
import { withPathPrefix } from '../../pricing/errors';
import { pricingRuleKinds } from '../../pricing/plugins';
import { authorize } from '../auth/actor';
import { ConflictError, InvalidInputError, NotFoundError } from '../errors';
import { afterCursor, Page, PageArgs, pageSize, toPage } from '../shared/pagination';
import type { BatchLoader } from '../shared/batch-loader';
import type { ServiceContext } from '../shared/service-context';

import { isId } from '../shared/ids';
import { parseInput } from '../shared/input-schema';
import { createPriceSchema } from './catalog.schema';
import { BillingInterval, Price, PriceStatus } from './price.entity';
import { loadPriceClosure, toSnapshot } from './price-snapshot';
import { Product } from './product.entity';

export interface RuleInput {
  kind: string;
  config: Record<string, unknown>;
}

export interface CreatePriceInput {
  code: string;
  productCode: string;
  currency: string;
  interval: BillingInterval;
  intervalCount?: number | null;
  rule: RuleInput;
}

export interface PriceFilter extends PageArgs {
  productCode?: string | null;
  currency?: string | null;
  interval?: BillingInterval | null;
  status?: PriceStatus | null;
}

export interface PricingRuleKind {
  kind: string;
  builtIn: boolean;
  configSchema: Record<string, unknown>;
}

export class PriceService {
  constructor(private readonly ctx: ServiceContext) {}

  /** Every kind a price may have: the built-in ones, then those of the pricing plugins loaded at start. */
  ruleKinds(): PricingRuleKind[] {
    authorize(this.ctx.actor, 'catalog:read');
    return pricingRuleKinds().map(({ kind, builtIn, configSchema }) => ({ kind, builtIn, configSchema }));
  }

  async create(input: CreatePriceInput): Promise<Price> {
    authorize(this.ctx.actor, 'catalog:write');
    const { code, currency, intervalCount } = parseInput(createPriceSchema, input, 'input');
    return this.writing(code, async (em) => {
      const product = await em.findOne(Product, { code: input.productCode });
      if (!product) throw new NotFoundError('product', input.productCode, 'input.productCode');
      if (await em.count(Price, { code })) {
        throw new ConflictError(`price '${code}' exists; updatePrice makes a new version of it`, { field: 'input.code' });
      }
      const snapshot = await this.validatedSnapshot(em, { code, currency, interval: input.interval, intervalCount, rule: input.rule });
      const price = em.create(Price, {
        code,
        version: 1,
        product,
        currency,
        interval: input.interval,
        intervalCount,
        ruleKind: snapshot.rule.kind,
        ruleConfig: input.rule.config,
        createdAt: this.ctx.clock.now(),
      });
      await em.flush();
      return price;
    });
  }

  /**
   * A new version with the given terms; the previous one stays for what was sold on it.
   * Currency and interval belong to the code: a different one is a different price.
   */
  async update(code: string, input: { rule: RuleInput }): Promise<Price> {
    authorize(this.ctx.actor, 'catalog:write');
    return this.writing(code, async (em) => {
      const current = await em.findOne(Price, { code, isCurrent: true }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!current) throw new NotFoundError('price', code, 'code');
      if (current.status === PriceStatus.ARCHIVED) throw new ConflictError(`price '${code}' is archived`);
      const snapshot = await this.validatedSnapshot(em, {
        code,
        currency: current.currency,
        interval: current.interval,
        intervalCount: current.intervalCount,
        rule: input.rule,
      });
      current.isCurrent = false;
      await em.flush(); // the partial unique index allows one current version at a time
      const next = em.create(Price, {
        code,
        version: current.version + 1,
        product: current.product,
        currency: current.currency,
        interval: current.interval,
        intervalCount: current.intervalCount,
        ruleKind: snapshot.rule.kind,
        ruleConfig: input.rule.config,
        createdAt: this.ctx.clock.now(),
      });
      await em.flush();
      return next;
    });
  }

  /** No new quote or subscription may use an archived price; what already uses it keeps it. */
  async archive(code: string): Promise<Price> {
    authorize(this.ctx.actor, 'catalog:write');
    return this.ctx.em.transactional(async (em) => {
      const current = await em.findOne(Price, { code, isCurrent: true }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!current) throw new NotFoundError('price', code, 'code');
      if (current.status === PriceStatus.ARCHIVED) throw new ConflictError(`price '${code}' is already archived`);
      current.status = PriceStatus.ARCHIVED;
      await em.flush();
      return current;
    });
  }

  async get(code: string, version?: number | null): Promise<Price | null> {
    authorize(this.ctx.actor, 'catalog:read');
    return this.ctx.em.findOne(Price, version ? { code, version } : { code, isCurrent: true });
  }

  /** As get(code): the current version, read through the caller's loader (by code). */
  async getBatched(code: string, loader: BatchLoader<Price>): Promise<Price | null> {
    authorize(this.ctx.actor, 'catalog:read');
    return loader.load(code);
  }

  /** One version by its id, read through the caller's loader (by id). */
  async getByIdBatched(id: string, loader: BatchLoader<Price>): Promise<Price | null> {
    authorize(this.ctx.actor, 'catalog:read');
    return isId(id) ? loader.load(id) : null;
  }

  async list(filter: PriceFilter): Promise<Page<Price>> {
    authorize(this.ctx.actor, 'catalog:read');
    const size = pageSize(filter.first);
    const where = {
      isCurrent: true,
      ...(filter.productCode ? { product: { code: filter.productCode } } : {}),
      ...(filter.currency ? { currency: filter.currency.toUpperCase() } : {}),
      ...(filter.interval ? { interval: filter.interval } : {}),
      ...(filter.status ? { status: filter.status } : {}),
      ...afterCursor(filter.after),
    };
    const rows = await this.ctx.em.find(Price, where, { orderBy: { createdAt: 'asc', id: 'asc' }, limit: size + 1 });
    return toPage(rows, size);
  }

  /** The rule parsed by its kind's schema, and every price it refers to checked (bundles). */
  private async validatedSnapshot(em: EntityManager, p: Omit<PriceSnapshot, 'rule'> & { rule: RuleInput }): Promise<PriceSnapshot> {
    const snapshot: PriceSnapshot = { ...p, rule: withPathPrefix('input', () => parseRule(p.rule.kind, p.rule.config)) };
    const refs = priceReferences(snapshot);
    if (refs.length === 0) return snapshot;
    const closure = await loadPriceClosure(em, refs);
    withPathPrefix('input', () => validatePriceReferences(snapshot, (c) => (closure.has(c) ? toSnapshot(closure.get(c)!) : undefined)));
    refs.forEach((ref, i) => {
      const component = closure.get(ref)!;
      const field = `input.rule.config.references[${i}]`;
      if (component.status === PriceStatus.ARCHIVED) throw new InvalidInputError(field, `price '${ref}' is archived`);
      if (component.interval !== p.interval || component.intervalCount !== p.intervalCount) {
        throw new InvalidInputError(
          field,
          `price '${ref}' bills every ${component.intervalCount} ${component.interval}, not every ${p.intervalCount} ${p.interval}`,
        );
      }
    });
    return snapshot;
  }

  private async writing(code: string, work: (em: EntityManager) => Promise<Price>): Promise<Price> {
    try {
      return await this.ctx.em.transactional(work);
    } catch (err) {
      if (err instanceof UniqueConstraintViolationException)
        throw new ConflictError(`price '${code}' was changed by another request; retry`, { field: 'input.code' });
      throw err;
    }
  }
}
