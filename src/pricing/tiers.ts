import { z } from 'zod';
import { Decimal, ZERO, formatAmount } from './decimal';
import { decimalField, nullableDecimalField, optionalDecimalField } from './validation';

/** A validated tier. `from` is the previous tier's `upTo` (0 for the first): it covers (from, upTo]. */
export interface Tier {
  readonly from: Decimal;
  readonly upTo: Decimal | null;
  readonly unitAmount: Decimal;
  readonly flatAmount: Decimal | null;
}

const tierSchema = z.strictObject({
  upTo: nullableDecimalField('positive', 'no ceiling'),
  unitAmount: decimalField('nonNegative'),
  flatAmount: optionalDecimalField('nonNegative'),
});

/**
 * PRICING.md: a tier list that is empty, unsorted, has a duplicate bound, or whose last tier
 * has a ceiling is rejected when the price is created. It is not sorted for the caller: an
 * unsorted list is more likely a typo in a bound than an intent.
 */
export const tiersSchema = z
  .array(tierSchema, { error: 'must be a list of tiers' })
  .min(1, { error: 'must contain at least one tier' })
  .superRefine((tiers, ctx) => {
    tiers.forEach((tier, i) => {
      const last = i === tiers.length - 1;
      const previous = i > 0 ? tiers[i - 1].upTo : null;
      if (tier.upTo === null) {
        if (!last) ctx.addIssue({ code: 'custom', path: [i, 'upTo'], message: 'only the last tier may have upTo: null' });
        return;
      }
      if (last) {
        ctx.addIssue({ code: 'custom', path: [i, 'upTo'], message: 'the last tier must have upTo: null (no ceiling)' });
      }
      if (previous !== null && tier.upTo.eq(previous)) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'upTo'],
          message: `duplicate bound: tier ${i - 1} already ends at ${previous.toFixed()}`,
        });
      } else if (previous !== null && tier.upTo.lt(previous)) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'upTo'],
          message: `tiers must be sorted by upTo ascending: ${tier.upTo.toFixed()} is below ${previous.toFixed()}`,
        });
      }
    });
  })
  .transform((tiers): readonly Tier[] =>
    Object.freeze(
      tiers.map((tier, i) =>
        Object.freeze({
          from: i === 0 ? ZERO : (tiers[i - 1].upTo ?? ZERO),
          upTo: tier.upTo,
          unitAmount: tier.unitAmount,
          flatAmount: tier.flatAmount ?? null,
        }),
      ),
    ),
  );

export interface TieredResult {
  amount: Decimal;
  /** "10 × 5.00 + 40 × 4.00 + 10 × 3.00 = 240.00" */
  explanation: string;
}

function term(units: Decimal, tier: Tier, minScale: number): string {
  const base = `${units.toFixed()} × ${formatAmount(tier.unitAmount, minScale)}`;
  return tier.flatAmount === null ? base : `${base} + ${formatAmount(tier.flatAmount, minScale)} flat`;
}

/**
 * Graduated: each unit is priced in the tier it falls in; a tier's flat amount is charged
 * once when any unit falls in it. Unrounded: rounding happens once, at the end of the line.
 */
export function priceGraduated(tiers: readonly Tier[], quantity: Decimal, minScale: number): TieredResult {
  let amount = ZERO;
  const terms: string[] = [];
  for (const tier of tiers) {
    if (quantity.lte(tier.from)) break;
    const top = tier.upTo !== null && tier.upTo.lt(quantity) ? tier.upTo : quantity;
    const units = top.minus(tier.from);
    amount = amount.plus(units.times(tier.unitAmount));
    if (tier.flatAmount !== null) amount = amount.plus(tier.flatAmount);
    terms.push(term(units, tier, minScale));
  }
  const lhs = terms.length === 0 ? '0 units' : terms.join(' + ');
  return { amount, explanation: `${lhs} = ${formatAmount(amount, minScale)}` };
}

/** The tier containing `quantity` (upTo is inclusive); the open last tier catches the rest. */
export function tierFor(tiers: readonly Tier[], quantity: Decimal): { tier: Tier; index: number } {
  for (let index = 0; index < tiers.length; index++) {
    const tier = tiers[index];
    if (tier.upTo === null || quantity.lte(tier.upTo)) return { tier, index };
  }
  // Unreachable for a parsed list (its last tier is open); kept total for the type checker.
  return { tier: tiers[tiers.length - 1], index: tiers.length - 1 };
}

/** Volume: the tier that contains q prices every unit. q = 0 prices to 0 (flat amount included). */
export function priceVolume(tiers: readonly Tier[], quantity: Decimal, minScale: number): TieredResult {
  if (quantity.isZero()) return { amount: ZERO, explanation: `0 units = ${formatAmount(ZERO, minScale)}` };
  const { tier, index } = tierFor(tiers, quantity);
  let amount = quantity.times(tier.unitAmount);
  if (tier.flatAmount !== null) amount = amount.plus(tier.flatAmount);
  const range = tier.upTo === null ? `above ${tier.from.toFixed()}` : `${tier.from.toFixed()} < q ≤ ${tier.upTo.toFixed()}`;
  return {
    amount,
    explanation: `${term(quantity, tier, minScale)} (tier ${index + 1}: ${range}) = ${formatAmount(amount, minScale)}`,
  };
}
