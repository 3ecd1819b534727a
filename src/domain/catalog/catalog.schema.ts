import { z } from 'zod';
import { externalIdSchema } from '../external-ids/external-id-input';
import { code, currency, text, wholeNumber } from '../shared/input-schema';
import { BillingInterval } from './price.entity';

export const createProductSchema = z.object({ code, name: text() });

/** upsertProduct: the external id first, as the sync keys on it. */
export const upsertProductSchema = z.object({ externalId: externalIdSchema, code, name: text() });

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
