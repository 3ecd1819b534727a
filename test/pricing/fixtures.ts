import {
  type ContractTerms,
  Decimal,
  type PriceSnapshot,
  PricingInputError,
  type PricingIssue,
  type ResolvePrice,
  parseContractItem,
  parseRule,
} from '../../src/pricing';

export const d = (value: string | number): Decimal => new Decimal(value);

/** The tiers of PRICING.md's worked example. */
export const EXAMPLE_TIERS = [
  { upTo: 10, unitAmount: 5 },
  { upTo: 50, unitAmount: 4 },
  { upTo: null, unitAmount: 3 },
];

export function makePrice(code: string, kind: string, config: unknown, currency = 'EUR'): PriceSnapshot {
  return { code, currency, interval: 'MONTH', intervalCount: 1, rule: parseRule(kind, config) };
}

export function catalogOf(...prices: PriceSnapshot[]): ResolvePrice {
  const byCode = new Map(prices.map((p) => [p.code, p]));
  return (code) => byCode.get(code);
}

export function contract(
  code: string,
  items: { priceCode: string; kind: string; item: unknown }[],
  options: { startsAt?: Date; endsAt?: Date | null; minimumCommitment?: string } = {},
): ContractTerms {
  return {
    code,
    startsAt: options.startsAt ?? new Date('2026-01-01T00:00:00Z'),
    endsAt: options.endsAt === undefined ? null : options.endsAt,
    minimumCommitment: options.minimumCommitment === undefined ? null : d(options.minimumCommitment),
    items: items.map(({ priceCode, kind, item }) => ({ priceCode, ...parseContractItem(kind, item) })),
  };
}

/** The issues of the PricingInputError `fn` throws; fails the test when it throws nothing else. */
export function issuesOf(fn: () => unknown): PricingIssue[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof PricingInputError) return error.issues;
    throw error;
  }
  throw new Error('expected a PricingInputError, nothing was thrown');
}

export const pathsOf = (fn: () => unknown): string[] => issuesOf(fn).map((i) => i.path);
