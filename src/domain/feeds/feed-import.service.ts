import type { z } from 'zod';
import { authorize, type Permission } from '../auth/actor';
import type { ProductKind, StockPolicy } from '../catalog/product-kind';
import { ProductUpsertService } from '../catalog/product-upsert.service';
import { DomainError, type ErrorCode, InvalidInputError, NotFoundError } from '../errors';
import { ExternalIdService } from '../external-ids/external-id.service';
import { UpsertOutcome } from '../external-ids/upsert';
import { InventoryService } from '../inventory/inventory.service';
import { OrderFulfilmentService } from '../orders/order-fulfilment.service';
import { Order } from '../orders/order.entity';
import { Shipment } from '../orders/shipment.entity';
import { fieldPath, issuesOf } from '../shared/input-schema';
import type { ServiceContext } from '../shared/service-context';
import type { ParsedLine } from './feed-lines';
import { FeedType, ProductRecord, recordSchemas, ShipmentRecord, StockRecord } from './feed-records';

/** A record the feed could not apply: its line, the record's field at fault (when one is) and the typed error's code and message. */
export interface FeedRejection {
  line: number;
  field: string | null;
  code: ErrorCode;
  message: string;
  /** The error's machine-readable reason where it has one (SHIPMENT_MISMATCH, ORDER_NOT_SHIPPABLE), as in a mutation's extensions. */
  reason: string | null;
}

export interface FeedSummary {
  type: FeedType;
  /** Records that changed something (created + updated for products). */
  applied: number;
  created: number;
  updated: number;
  /** Records that said what Tariff already held: a replay. */
  unchanged: number;
  rejected: number;
  /** The first MAX_LISTED rejections, in line order (`rejected` counts them all). */
  rejections: FeedRejection[];
  elapsedMs: number;
}

export type FeedProgress = Omit<FeedSummary, 'rejections' | 'type'> & { done: number };

export interface FeedOptions {
  /** The external id system of records that name none (product feeds, stock by productExternalId). */
  system?: string | null;
  /** Called every `progressEvery` records and once at the end. */
  onProgress?: (p: FeedProgress) => void;
  progressEvery?: number;
  /** Milliseconds for elapsedMs (default performance.now), as billing runs take theirs. */
  timer?: () => number;
}

type Outcome = 'created' | 'updated' | 'unchanged';

const PERMISSIONS: Record<FeedType, Permission> = {
  [FeedType.PRODUCT]: 'catalog:write',
  [FeedType.STOCK]: 'inventory:write',
  [FeedType.SHIPMENT]: 'shipments:write',
};

export const MAX_LISTED_REJECTIONS = 1000;

/**
 * PIM and WMS feeds without a vendor (issue 20, docs/feeds.md): each record goes through the
 * service method the GraphQL API uses for it (upsertProduct, setInventoryLevels, recordShipment),
 * with the caller's authorization, that method's validation and its events, in a transaction of
 * its own, so a bad record is reported by its line and the rest still apply. Replays change
 * nothing: products are upserted by external id, a stock level that says what is stored writes
 * nothing, and a shipment id is recorded once.
 */
export class FeedImportService {
  constructor(private readonly ctx: ServiceContext) {}

  async import(type: FeedType, records: Iterable<ParsedLine> | AsyncIterable<ParsedLine>, options: FeedOptions = {}): Promise<FeedSummary> {
    authorize(this.ctx.actor, PERMISSIONS[type]);
    const timer = options.timer ?? (() => performance.now());
    const started = timer();
    const every = options.progressEvery ?? 500;
    const summary: FeedSummary = { type, applied: 0, created: 0, updated: 0, unchanged: 0, rejected: 0, rejections: [], elapsedMs: 0 };
    let done = 0;
    const report = () => {
      summary.elapsedMs = Math.round(timer() - started);
      const { rejections: _listed, type: _type, ...counts } = summary;
      options.onProgress?.({ ...counts, done });
    };
    for await (const raw of records) {
      const rejection = await this.applyLine(type, raw, options.system ?? null).then(
        (outcome) => {
          summary[outcome]++;
          if (outcome !== 'unchanged') summary.applied++;
          return null;
        },
        (err: unknown) => {
          // Anything but a typed error is a bug or the database gone: stop rather than refuse every line after it.
          if (!(err instanceof DomainError)) throw err;
          const reason = typeof err.details?.reason === 'string' ? err.details.reason : null;
          return { line: raw.line, field: recordField(type, err.field), code: err.code, message: err.message, reason };
        },
      );
      if (rejection) {
        summary.rejected++;
        if (summary.rejections.length < MAX_LISTED_REJECTIONS) summary.rejections.push(rejection);
      }
      done++;
      if (done % every === 0) report();
    }
    report();
    return summary;
  }

  private async applyLine(type: FeedType, parsed: ParsedLine, system: string | null): Promise<Outcome> {
    if ('error' in parsed) throw new InvalidInputError(undefined, parsed.error);
    const result = (recordSchemas[type] as z.ZodType).safeParse(parsed.value);
    if (!result.success) throw recordError(result.error);
    // A context of its own per record: a refused record's half-loaded entities never reach the next.
    const ctx: ServiceContext = { ...this.ctx, em: this.ctx.em.fork() };
    if (type === FeedType.PRODUCT) return applyProduct(ctx, result.data as ProductRecord, system);
    if (type === FeedType.STOCK) return applyStock(ctx, result.data as StockRecord, system);
    return applyShipment(ctx, result.data as ShipmentRecord);
  }
}

/** The record's first problem at its field; a field the format does not know is named as the field (a typo, or a warehouse column: stock is one level per SKU). */
function recordError(error: z.ZodError): InvalidInputError {
  const issue = error.issues[0];
  if (issue.code === 'unrecognized_keys') {
    return new InvalidInputError(fieldPath(undefined, [...issue.path, issue.keys[0]]), `unknown field '${issue.keys[0]}'`);
  }
  const [first] = issuesOf(error, undefined, 1);
  return new InvalidInputError(first.field === '' ? undefined : first.field, first.message);
}

function systemOf(given: string | null | undefined, fallback: string | null): string {
  const system = given ?? fallback;
  if (system == null) throw new InvalidInputError('system', 'the external id system: give it in the record or for the whole feed');
  return system;
}

async function applyProduct(ctx: ServiceContext, r: ProductRecord, system: string | null): Promise<Outcome> {
  const { outcome } = await new ProductUpsertService(ctx).upsert({
    externalId: { system: systemOf(r.system, system), id: r.externalId },
    code: r.code,
    name: r.name,
    // Any text here: the upsert's own schema refuses what is not a kind or a policy, at input.kind or input.stockPolicy.
    kind: r.kind as ProductKind | null | undefined,
    sku: r.sku,
    stockPolicy: r.stockPolicy as StockPolicy | null | undefined,
  });
  if (outcome === UpsertOutcome.CREATED) return 'created';
  return outcome === UpsertOutcome.UPDATED ? 'updated' : 'unchanged';
}

async function applyStock(ctx: ServiceContext, r: StockRecord, system: string | null): Promise<Outcome> {
  let sku = r.sku;
  if (sku == null) {
    const id = r.productExternalId as string;
    const product = await new ExternalIdService(ctx).product(systemOf(r.system, system), id);
    if (!product) throw new NotFoundError('product with external id', id, 'productExternalId');
    if (product.sku === null) throw new InvalidInputError('productExternalId', `product '${product.code}' is a SERVICE: it has no stock`);
    sku = product.sku;
  }
  const changed = await new InventoryService(ctx).setLevels([{ sku, available: r.available }], r.asOf);
  return changed > 0 ? 'updated' : 'unchanged';
}

async function applyShipment(ctx: ServiceContext, r: ShipmentRecord): Promise<Outcome> {
  let orderId = r.orderId;
  if (orderId == null) {
    const number = (r.orderNumber as string).trim();
    const order = await ctx.em.findOne(Order, { number }, { fields: ['id'] });
    if (!order) throw new NotFoundError('order', number, 'orderNumber');
    orderId = order.id;
  }
  // Whether it was recorded before decides only what the summary says; recordShipment itself keeps a replay from shipping twice.
  const before = r.shipmentId.trim() !== '' && (await ctx.em.count(Shipment, { externalId: r.shipmentId.trim() })) > 0;
  await new OrderFulfilmentService(ctx).recordShipment({
    orderId,
    externalId: r.shipmentId,
    carrier: r.carrier,
    trackingNumber: r.trackingNumber,
    shippedAt: r.shippedAt,
    lines: r.lines,
  });
  return before ? 'unchanged' : 'created';
}

/** The service's field path (`input.lines[0].sku`, `levels[0].available`) as the record names the field. */
function recordField(type: FeedType, field: string | undefined): string | null {
  if (field === undefined || field === '') return null;
  if (type === FeedType.PRODUCT) {
    if (field === 'input.externalId.system') return 'system';
    if (field.startsWith('input.externalId')) return 'externalId';
  }
  if (type === FeedType.STOCK) {
    const level = /^levels\[0\]\.?(.*)$/.exec(field);
    if (level) return level[1] === '' ? null : level[1];
    if (field === 'levels') return null;
  }
  if (type === FeedType.SHIPMENT) {
    if (field === 'input.externalId') return 'shipmentId';
    if (field === 'input.orderId') return 'orderId';
  }
  return field.replace(/^input\.?/, '') || null;
}
