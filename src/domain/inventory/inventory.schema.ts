import { z } from 'zod';
import type { Decimal } from '../../pricing/decimal';
import { sku } from '../catalog/catalog.schema';
import { atMost, decimal, storableDate, unique } from '../shared/input-schema';

const MAX_LEVELS = 1000;
const MAX_PLACES = 6;

/** A quantity in stock: zero or more, at most six decimals (a pack can be counted in parts). */
const available = decimal.refine((d: Decimal) => d.gte(0) && d.decimalPlaces() <= MAX_PLACES && d.lt('1e15'), {
  error: `available is a quantity from 0, with at most ${MAX_PLACES} decimals`,
});

export const inventoryLevelsSchema = z.object({
  levels: atMost(z.object({ sku, available }), MAX_LEVELS)
    .refine((l) => l.length > 0, { error: 'at least one level' })
    .check(
      unique(
        (l: { sku: string }) => l.sku,
        (l) => `SKU '${l.sku}' is listed twice`,
      ),
    ),
  asOf: storableDate.nullish(),
});
