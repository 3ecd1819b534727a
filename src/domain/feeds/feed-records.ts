import { z } from 'zod';
import { Decimal, decimalStringProblem, parseDecimalString } from '../../pricing/decimal';

/** What a feed carries, one record a line (docs/feeds.md). */
export enum FeedType {
  /** PIM: products by their external id, through upsertProduct. */
  PRODUCT = 'PRODUCT',
  /** WMS: what the warehouse counts of a SKU, through setInventoryLevels. */
  STOCK = 'STOCK',
  /** WMS: what left the warehouse for an order, through recordShipment. */
  SHIPMENT = 'SHIPMENT',
}

/** How the records are written (docs/feeds.md, "Formats"). */
export enum FeedFormat {
  /** One JSON object per line. */
  JSONL = 'JSONL',
  /** A header row naming the fields, then a record per row; a shipment is its consecutive rows, one per line. */
  CSV = 'CSV',
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An ISO 8601 instant with its offset: a date alone would be read in whatever zone the sender is in. */
const instant = z.string().transform((v, ctx) => {
  const at = new Date(v);
  if (!ISO_INSTANT.test(v) || Number.isNaN(at.getTime())) {
    ctx.issues.push({ code: 'custom', input: v, message: 'must be an ISO 8601 instant with an offset, such as "2026-12-07T08:00:00Z"' });
    return z.NEVER;
  }
  return at;
});

/**
 * A quantity, exact: a decimal string ("12.5") or a whole JSON number (12). A JSON number with
 * decimals is refused, since a parser may already have rounded it: write it as a string.
 */
const quantity = z.union([z.string(), z.number()]).transform((v, ctx): Decimal => {
  if (typeof v === 'number') {
    if (Number.isSafeInteger(v)) return new Decimal(v);
    ctx.issues.push({ code: 'custom', input: v, message: 'must be a whole number, or a decimal written as a string ("2.5")' });
    return z.NEVER;
  }
  const problem = decimalStringProblem(v);
  if (problem) {
    ctx.issues.push({ code: 'custom', input: v, message: problem });
    return z.NEVER;
  }
  return parseDecimalString(v);
});

const optionalText = z.string().nullish();

/** PIM: as upsertProduct's input, the external id split into its system (else the feed's) and id. */
export const productRecordSchema = z.strictObject({
  system: optionalText,
  externalId: z.string(),
  code: z.string(),
  name: z.string(),
  kind: optionalText,
  sku: optionalText,
  stockPolicy: optionalText,
});

/** WMS: a SKU's count, the product named by its SKU or by its external id (exactly one). */
export const stockRecordSchema = z
  .strictObject({
    sku: optionalText,
    system: optionalText,
    productExternalId: optionalText,
    available: quantity,
    asOf: instant.nullish(),
  })
  .check((ctx) => {
    const bySku = ctx.value.sku != null;
    const byId = ctx.value.productExternalId != null;
    if (bySku === byId) {
      ctx.issues.push({ code: 'custom', input: ctx.value, path: ['sku'], message: 'give either sku or productExternalId' });
    }
  });

/** WMS: a shipment of an order named by its number (ORD-…) or its id (exactly one). */
export const shipmentRecordSchema = z
  .strictObject({
    orderNumber: optionalText,
    orderId: optionalText,
    shipmentId: z.string(),
    carrier: optionalText,
    trackingNumber: optionalText,
    shippedAt: instant,
    lines: z.array(z.strictObject({ sku: z.string(), quantity })),
  })
  .check((ctx) => {
    if ((ctx.value.orderNumber != null) === (ctx.value.orderId != null)) {
      ctx.issues.push({ code: 'custom', input: ctx.value, path: ['orderNumber'], message: 'give either orderNumber or orderId' });
    }
  });

export type ProductRecord = z.output<typeof productRecordSchema>;
export type StockRecord = z.output<typeof stockRecordSchema>;
export type ShipmentRecord = z.output<typeof shipmentRecordSchema>;

export const recordSchemas = {
  [FeedType.PRODUCT]: productRecordSchema,
  [FeedType.STOCK]: stockRecordSchema,
  [FeedType.SHIPMENT]: shipmentRecordSchema,
} as const;
