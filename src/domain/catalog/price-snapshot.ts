import type { EntityManager } from '@mikro-orm/postgresql';
import { parseRule, priceReferences, PriceSnapshot } from '../../pricing/engine';
import { BillingInterval, Price, PriceStatus } from './price.entity';

/** What pricing needs of a stored price version: a Price entity, or a row read without one. */
export interface CatalogPrice {
  id: string;
  code: string;
  version: number;
  currency: string;
  interval: BillingInterval;
  intervalCount: number;
  ruleKind: string;
  ruleConfig: Record<string, unknown>;
  status: PriceStatus;
}

// Price versions never change once written, so their parsed rules can be kept by id.
const parsedById = new Map<string, PriceSnapshot>();
const CACHE_LIMIT = 10_000;

/** The engine's view of a stored price; the config was validated when the price was created. */
export function toSnapshot(price: CatalogPrice): PriceSnapshot {
  const cached = parsedById.get(price.id);
  if (cached) return cached;
  const snapshot: PriceSnapshot = {
    code: price.code,
    currency: price.currency,
    interval: price.interval,
    intervalCount: price.intervalCount,
    rule: parseRule(price.ruleKind, price.ruleConfig),
  };
  if (parsedById.size >= CACHE_LIMIT) parsedById.clear();
  parsedById.set(price.id, snapshot);
  return snapshot;
}

export async function findCurrentPrice(em: EntityManager, code: string): Promise<Price | null> {
  return em.findOne(Price, { code, isCurrent: true });
}

/** A price as `select id, code, version, currency, interval, interval_count, rule_kind, rule_config, status from price` reads it. */
export interface PriceRow {
  id: string;
  code: string;
  version: number;
  currency: string;
  interval: BillingInterval;
  interval_count: number;
  rule_kind: string;
  rule_config: Record<string, unknown>;
  status: PriceStatus;
}

/**
 * Current prices by code, following bundle references until closed, so the engine can resolve
 * every component without another query. Codes that do not exist are simply absent. Read as
 * plain rows: pricing only reads them, and hydrating entities was most of a quote's cost.
 */
export async function loadPriceClosure(em: EntityManager, codes: Iterable<string>): Promise<Map<string, CatalogPrice>> {
  const found = new Map<string, CatalogPrice>();
  const asked = new Set<string>();
  let wanted = [...new Set(codes)];
  while (wanted.length > 0) {
    wanted.forEach((c) => asked.add(c));
    const rows = await em.execute<PriceRow[]>(
      'select id, code, version, currency, interval, interval_count, rule_kind, rule_config, status from price where is_current and code in (?)',
      [wanted],
    );
    const next = new Set<string>();
    for (const row of rows) {
      const price = catalogPriceOf(row);
      found.set(price.code, price);
      for (const ref of priceReferences(toSnapshot(price))) {
        if (!asked.has(ref)) next.add(ref);
      }
    }
    wanted = [...next];
  }
  return found;
}

export function catalogPriceOf(row: PriceRow): CatalogPrice {
  return {
    id: row.id,
    code: row.code,
    version: row.version,
    currency: row.currency,
    interval: row.interval,
    intervalCount: row.interval_count,
    ruleKind: row.rule_kind,
    ruleConfig: row.rule_config,
    status: row.status,
  };
}
