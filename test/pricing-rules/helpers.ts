import { Decimal, type PricingContext, type RuleResult } from '../../src/pricing';

/** A context for calling a rule directly; components are refused unless a pricer is given. */
export function ctxFor(
  minorUnits = 2,
  priceComponent: (code: string, quantity: Decimal) => RuleResult = (code) => {
    throw new Error(`unexpected component ${code}`);
  },
): PricingContext {
  return { currency: 'EUR', minorUnits, priceComponent };
}

export const q = (value: string | number): Decimal => new Decimal(value);
