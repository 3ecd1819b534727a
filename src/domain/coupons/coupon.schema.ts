import { z } from 'zod';
import { minorUnits } from '../../pricing/currency';
import { HUNDRED, ZERO } from '../../pricing/decimal';
import { atMost, code, currency, decimal, storableDate, text, unique } from '../shared/input-schema';
import { CouponDuration } from './coupon.entity';

const MAX_PRICE_CODES = 100;
/** A hundred years: longer is a typo, and the end must stay a date PostgreSQL can store. */
const MAX_DURATION_MONTHS = 1200;

const redemptionLimit = z
  .number()
  .int({ error: 'must be a whole number of at least 1' })
  .min(1, { error: 'must be a whole number of at least 1' })
  .nullish()
  .transform((v) => v ?? null);

/** A storable date after `now`, or null. */
function future(now: Date) {
  return storableDate
    .refine((at) => at.getTime() > now.getTime(), { error: 'must be in the future' })
    .nullish()
    .transform((v) => v ?? null);
}

const priceCodes = atMost(code, MAX_PRICE_CODES)
  .refine((codes) => codes.length > 0, { error: 'name at least one price, or leave it out for every price', abort: true })
  .check(
    unique<string>(
      (c) => c,
      (c) => `price '${c.slice(0, 100)}' appears twice`,
    ),
  );

/**
 * createCoupon's input, checked without the database (the prices named are the service's to
 * find). Exactly one of percent off (0 < p ≤ 100) and amount off (> 0, in a currency, at most
 * its minor unit); durationInMonths with REPEATING only.
 */
export function createCouponSchema(now: Date) {
  return z
    .object({
      code,
      name: text()
        .nullish()
        .transform((v) => v ?? null),
      percentOff: decimal.nullish().transform((v) => v ?? null),
      amountOff: decimal.nullish().transform((v) => v ?? null),
      currency: z
        .string()
        .nullish()
        .transform((v) => v ?? null),
      duration: z.enum(CouponDuration),
      durationInMonths: z
        .number()
        .nullish()
        .transform((v) => v ?? null),
      appliesToPriceCodes: priceCodes.nullish().transform((v) => v ?? null),
      maxRedemptions: redemptionLimit,
      redeemBy: future(now),
    })
    .transform((input, ctx) => {
      const fail = (field: string, message: string) => {
        ctx.issues.push({ code: 'custom', input: input[field as keyof typeof input], path: [field], message });
        return z.NEVER;
      };
      const { percentOff, amountOff } = input;
      if ((percentOff === null) === (amountOff === null))
        return fail('percentOff', 'give percentOff or amountOff (with its currency), exactly one');
      let terms: { percentOff: typeof percentOff; amountOff: typeof amountOff; currency: string | null };
      if (percentOff !== null) {
        if (input.currency !== null) return fail('currency', 'a currency goes with amountOff only');
        if (percentOff.lte(ZERO) || percentOff.gt(HUNDRED)) return fail('percentOff', 'percentOff must be greater than 0 and at most 100');
        terms = { percentOff, amountOff: null, currency: null };
      } else {
        if (input.currency === null) return fail('currency', 'amountOff needs the currency it is in');
        const parsed = currency.safeParse(input.currency);
        if (!parsed.success) return fail('currency', parsed.error.issues[0].message);
        if (amountOff!.lte(ZERO)) return fail('amountOff', 'amountOff must be greater than 0');
        const places = minorUnits(parsed.data);
        if (amountOff!.decimalPlaces() > places) return fail('amountOff', `${parsed.data} amounts have at most ${places} decimals`);
        terms = { percentOff: null, amountOff, currency: parsed.data };
      }
      const months = input.durationInMonths;
      if (input.duration !== CouponDuration.REPEATING) {
        if (months !== null) return fail('durationInMonths', 'durationInMonths goes with a REPEATING duration only');
      } else if (months === null || !Number.isInteger(months) || months < 1 || months > MAX_DURATION_MONTHS) {
        return fail('durationInMonths', `a REPEATING coupon lasts a whole number of months from 1 to ${MAX_DURATION_MONTHS}`);
      }
      return { ...input, ...terms, durationInMonths: months };
    });
}

/** createPromotionCode's fields that can be checked without the database. */
export function createPromotionCodeSchema(now: Date) {
  return z.object({ code, maxRedemptions: redemptionLimit, expiresAt: future(now) });
}
