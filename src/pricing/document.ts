import { amountOffLine, type CappedLine, type CouponTerms } from './coupon';
import { minorUnits, roundToScale } from './currency';
import { type Decimal, HUNDRED, ONE, ZERO, toEngineDecimal } from './decimal';
import { type ContractTerms, type PriceSnapshot, type PricedLine, type ResolvePrice, isContractInForce, priceLine } from './engine';
import { PricingInputError, withPathPrefix } from './errors';

export type TaxStatus = 'TAXABLE' | 'EXEMPT' | 'REVERSE_CHARGE';

export interface TaxTreatment {
  readonly status: TaxStatus;
  /** Percent (20 for 20 %); required when TAXABLE. */
  readonly ratePercent?: Decimal;
}

export interface DocumentInput {
  readonly currency: string;
  readonly lines: readonly { readonly price: PriceSnapshot; readonly quantity: Decimal }[];
  readonly contracts: readonly ContractTerms[];
  readonly at: Date;
  readonly tax: TaxTreatment;
  readonly resolvePrice: ResolvePrice;
  /**
   * Adds a true-up line per contract whose covered lines sum below its minimum commitment.
   * Only a document that bills a whole period (an invoice) should: a quote of a few lines
   * says nothing about the period. Default false.
   */
  readonly applyMinimumCommitments?: boolean;
  /**
   * The coupons in force (README, Coupons): percent off is a step of each line it applies to;
   * amount off adds a negative `discount` line after the others.
   */
  readonly coupons?: readonly CouponTerms[];
  /**
   * Lines priced elsewhere that the same invoice carries (prorations, adjustments): not
   * discounted and not part of this document's sums, but an amount off never takes the invoice
   * below zero with them.
   */
  readonly otherLines?: readonly { readonly amount: Decimal; readonly tax: Decimal }[];
}

export interface ChargeLine extends PricedLine {
  readonly kind: 'charge';
  readonly tax: Decimal;
}

/** The difference between a contract's minimum commitment and what its lines came to. */
export interface MinimumCommitmentLine extends Omit<PricedLine, 'priceCode' | 'contractCode'> {
  readonly kind: 'minimum_commitment';
  readonly priceCode: null;
  readonly contractCode: string;
  readonly tax: Decimal;
}

/** An amount-off coupon's line: negative, capped (coupon.ts), taxed as any line. */
export interface DiscountLine extends Omit<PricedLine, 'priceCode' | 'contractCode'> {
  readonly kind: 'discount';
  readonly priceCode: null;
  readonly contractCode?: undefined;
  readonly couponCode: string;
  readonly tax: Decimal;
}

export type DocumentLine = ChargeLine | MinimumCommitmentLine | DiscountLine;

export interface PricedDocument {
  readonly currency: string;
  readonly lines: readonly DocumentLine[];
  /** Σ rounded line amounts. */
  readonly subtotal: Decimal;
  /** Σ per-line taxes, each computed from the rounded line amount and rounded itself. */
  readonly tax: Decimal;
  /** subtotal + tax: adds up to the minor unit by construction. */
  readonly total: Decimal;
  readonly notes: readonly string[];
}

export const REVERSE_CHARGE_NOTE = 'Reverse charge: VAT to be accounted for by the recipient (Art. 196 Directive 2006/112/EC)';

function taxRate(tax: TaxTreatment): Decimal {
  if (tax.status === 'EXEMPT' || tax.status === 'REVERSE_CHARGE') return ZERO;
  if (tax.status !== 'TAXABLE') throw PricingInputError.at('tax.status', 'must be TAXABLE, EXEMPT or REVERSE_CHARGE');
  if (tax.ratePercent === undefined) throw PricingInputError.at('tax.ratePercent', 'is required when the customer is TAXABLE');
  const rate = toEngineDecimal(tax.ratePercent);
  if (!rate.isFinite() || rate.lt(ZERO) || rate.gt(HUNDRED)) {
    throw PricingInputError.at('tax.ratePercent', 'must be a percentage between 0 and 100');
  }
  return rate;
}

/**
 * Tax on a line priced elsewhere (a proration), computed as a document's lines are: from the
 * rounded amount, itself rounded, so a document mixing both still adds up to the minor unit.
 */
export function lineTax(amount: Decimal, tax: TaxTreatment, currency: string): Decimal {
  const rate = taxRate(tax);
  return rate.isZero() ? ZERO : roundToScale(toEngineDecimal(amount).times(rate).div(HUNDRED), minorUnits(currency));
}

function trueUps(
  contracts: readonly ContractTerms[],
  at: Date,
  lines: readonly ChargeLine[],
  minor: number,
  rate: Decimal,
): MinimumCommitmentLine[] {
  const out: MinimumCommitmentLine[] = [];
  contracts.forEach((contract, i) => {
    if (contract.minimumCommitment === null || !isContractInForce(contract, at)) return;
    const minimum = roundToScale(toEngineDecimal(contract.minimumCommitment), minor);
    if (minimum.lt(ZERO)) throw PricingInputError.at(`contracts[${i}].minimumCommitment`, 'must be zero or more');
    const covered = lines.reduce((sum, line) => (line.contractCode === contract.code ? sum.plus(line.amount) : sum), ZERO);
    if (covered.gte(minimum)) return;
    const amount = minimum.minus(covered);
    out.push({
      kind: 'minimum_commitment',
      priceCode: null,
      contractCode: contract.code,
      quantity: ONE,
      amount,
      unroundedAmount: amount,
      steps: [
        `minimum commitment ${contract.code}: ${minimum.toFixed(minor)} − ${covered.toFixed(minor)} covered = ${amount.toFixed(minor)}`,
      ],
      tax: roundToScale(amount.times(rate).div(HUNDRED), minor),
    });
  });
  return out;
}

/**
 * Prices a quote or an invoice. Each line is rounded once; tax is computed per line from the
 * rounded amount and rounded per line; subtotal, tax and total add rounded amounts, so the
 * document adds up to the minor unit. Line issues carry `lines[i].` paths.
 */
export function priceDocument(input: DocumentInput): PricedDocument {
  const { currency, at } = input;
  const minor = minorUnits(currency, 'currency');
  const rate = taxRate(input.tax);
  const charges: ChargeLine[] = input.lines.map((line, i) =>
    withPathPrefix(`lines[${i}]`, (): ChargeLine => {
      const priced = priceLine({
        price: line.price,
        quantity: line.quantity,
        currency,
        contracts: input.contracts,
        at,
        resolvePrice: input.resolvePrice,
        coupons: input.coupons,
      });
      const tax = rate.isZero() ? ZERO : roundToScale(priced.amount.times(rate).div(HUNDRED), minor);
      return { ...priced, kind: 'charge', tax };
    }),
  );
  const lines: DocumentLine[] =
    input.applyMinimumCommitments === true ? [...charges, ...trueUps(input.contracts, at, charges, minor, rate)] : charges;
  lines.push(...discounts(input, lines, rate, minor));
  let subtotal = ZERO;
  let tax = ZERO;
  for (const line of lines) {
    subtotal = subtotal.plus(line.amount);
    tax = tax.plus(line.tax);
  }
  const notes = input.tax.status === 'REVERSE_CHARGE' ? [REVERSE_CHARGE_NOTE] : [];
  return { currency, lines, subtotal, tax, total: subtotal.plus(tax), notes };
}

function discounts(input: DocumentInput, priced: readonly DocumentLine[], rate: Decimal, minor: number): DiscountLine[] {
  const out: DiscountLine[] = [];
  const others: CappedLine[] = (input.otherLines ?? []).map((l) => ({ priceCode: null, amount: l.amount, tax: l.tax }));
  for (const coupon of input.coupons ?? []) {
    const line = withPathPrefix('coupons', () => amountOffLine(coupon, priced, [...others, ...out], rate, input.currency, minor));
    if (line === null) continue;
    out.push({
      kind: 'discount',
      priceCode: null,
      couponCode: line.couponCode,
      quantity: ONE,
      amount: line.amount,
      unroundedAmount: line.amount,
      steps: line.steps,
      tax: line.tax,
    });
  }
  return out;
}
