import { z } from 'zod';
import { InvalidInputError } from '../errors';
import { externalIdSchema } from '../external-ids/external-id-input';
import { code, currency, text, wholeNumber } from '../shared/input-schema';
import { BillingInterval } from './price.entity';
import { ProductKind, StockPolicy } from './product-kind';

/** A warehouse article number: what ERPs and WMSs use, letters, digits and . _ - / (no spaces), 1 to 64. */
export const sku = z
  .string()
  .transform((v) => v.trim())
  .pipe(
    z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/, {
      error: 'a SKU is 1 to 64 letters, digits, ".", "_", "-" or "/", starting with a letter or digit',
    }),
  );

const goodsFields = {
  kind: z.enum(ProductKind).nullish(),
  sku: sku.nullish(),
  stockPolicy: z.enum(StockPolicy).nullish(),
};

export interface Goods {
  kind: ProductKind;
  sku: string | null;
  stockPolicy: StockPolicy | null;
}

/**
 * A product's kind and what goes with it (issue 17), from what is given over what it has (a new
 * product: SERVICE, nothing): absent or null keeps a field. A PHYSICAL product has a SKU and a
 * stock policy (BACKORDER unless given); a SERVICE has neither, so turning one into a service
 * drops both.
 */
export function productGoods(
  given: { kind?: ProductKind | null; sku?: string | null; stockPolicy?: StockPolicy | null },
  current: Goods | null,
): Goods {
  const kind = given.kind ?? current?.kind ?? ProductKind.SERVICE;
  if (kind === ProductKind.SERVICE) {
    if (given.sku != null) throw new InvalidInputError('input.sku', 'only a PHYSICAL product has a SKU');
    if (given.stockPolicy != null) throw new InvalidInputError('input.stockPolicy', 'only a PHYSICAL product has a stock policy');
    return { kind, sku: null, stockPolicy: null };
  }
  const skuValue = given.sku ?? current?.sku ?? null;
  if (skuValue === null) throw new InvalidInputError('input.sku', 'a PHYSICAL product needs a SKU');
  return { kind, sku: skuValue, stockPolicy: given.stockPolicy ?? current?.stockPolicy ?? StockPolicy.BACKORDER };
}

export const createProductSchema = z.object({ code, name: text(), ...goodsFields });

/** upsertProduct: the external id first, as the sync keys on it. */
export const upsertProductSchema = z.object({ externalId: externalIdSchema, code, name: text(), ...goodsFields });

const MAX_INTERVAL_COUNT = 36;

/** createPrice's fields that can be checked without the database; the rule's config is its own rule's to parse. */
export const createPriceSchema = z
  .object({
    code,
    currency,
    interval: z.enum(BillingInterval),
    intervalCount: wholeNumber(1, MAX_INTERVAL_COUNT, `intervalCount must be a whole number from 1 to ${MAX_INTERVAL_COUNT}`)
      .nullish()
      .transform((v) => v ?? 1),
  })
  .check((ctx) => {
    if (ctx.value.interval === BillingInterval.ONE_TIME && ctx.value.intervalCount !== 1) {
      ctx.issues.push({
        code: 'custom',
        input: ctx.value.intervalCount,
        path: ['intervalCount'],
        message: 'a ONE_TIME price has intervalCount 1',
      });
    }
  });
