import { z } from 'zod';
import { atMost, code, email, text } from '../shared/input-schema';

const MAX_ADDRESS_LINES = 6;
const MAX_PRICE_CODES = 50;

/** Absent or null: kept. */
const kept = <T extends z.ZodType>(schema: T) => schema.nullish().transform((v) => v ?? undefined);

/**
 * updateSellerSettings' fields that can be checked without the database. `email` and `taxId`
 * are cleared by null, so null stays null there.
 */
export const updateSellerSettingsSchema = z.object({
  name: kept(text(200)),
  addressLines: kept(atMost(text(200), MAX_ADDRESS_LINES)),
  email: email.nullable().optional(),
  taxId: text(50).nullable().optional(),
  selfServicePriceCodes: kept(atMost(code, MAX_PRICE_CODES)),
});
