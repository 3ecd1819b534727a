import { TaxStatus } from '../../domain/customers/customer.entity';
import { checkTax, requireEmail } from '../../domain/customers/customer.service';
import { requireCleanText } from '../../domain/external-ids/external-id-input';
import { CustomerMetadata, parseMetadata } from '../../domain/segments/customer-segment-fields';
import { requireCurrency } from '../../domain/shared/validate';
import { Decimal } from '../../pricing/decimal';
import { addressSchema, type Address } from '../../domain/customers/address';
import { storableAddressSchema } from '../../domain/customers/customer-address';
import { checkVatId } from '../../domain/customers/vat-id';
import { parseInput } from '../../domain/shared/input-schema';
import { ImportRejection } from '../import-rejection';
import { customerDiscount, MappedDiscount } from './map-discount';
import { stableId } from './stable-id';
import { DEFAULT_PAYMENT_TERMS, MAX_PAYMENT_TERMS_DAYS, type PaymentTerms } from '../../domain/payments/payment-terms';
import { StripeCustomer, toDate } from '../stripe/stripe-objects';

/**
 * What the dump says of a customer elsewhere, gathered in a first pass over its subscriptions
 * and open invoices: Stripe keeps tax rates and payment terms on subscriptions, Tariff on the
 * customer, so they must agree there to come over.
 */
export interface CustomerFacts {
  /** Currencies of its subscriptions and open invoices (Stripe's customer.currency may be unset). */
  currencies: Set<string>;
  /** The exclusive tax percentages of its live subscriptions (`default_tax_rates`), one entry per subscription. */
  taxPercentages: (number | null)[];
  /** Why its subscriptions' taxes cannot be one customer rate, when they cannot. */
  taxProblem: string | null;
  /** `days_until_due` of its subscriptions sent as invoices. */
  daysUntilDue: Set<number>;
}

export function emptyFacts(): CustomerFacts {
  return { currencies: new Set(), taxPercentages: [], taxProblem: null, daysUntilDue: new Set() };
}

export interface MappedCustomer {
  stripeId: string;
  id: string;
  name: string;
  email: string;
  currency: string;
  taxStatus: TaxStatus;
  taxRate: Decimal | null;
  paymentTermsDays: number;
  /** Stripe has no end-of-month terms: false, unless the seller's default terms (given to a customer without any) are. */
  paymentTermsEndOfMonth: boolean;
  billingAddress: Address | null;
  vatId: string | null;
  /** Stripe's metadata as it is: flat strings, within Tariff's limits (the same as Stripe's). */
  metadata: CustomerMetadata;
  /** Its discount, not yet checked against the imported coupons (import-customers.ts does). */
  discount: MappedDiscount | null;
  createdAt: Date | null;
}

/**
 * A Stripe customer as a Tariff customer, validated as createCustomer validates one. Tax:
 * `tax_exempt: exempt` → EXEMPT, `reverse` → REVERSE_CHARGE, `none` → TAXABLE at the rate its
 * subscriptions charge, or EXEMPT when they charge none (Stripe then charged no tax either).
 */
export function mapCustomer(
  customer: StripeCustomer,
  facts: CustomerFacts,
  defaultTerms: PaymentTerms = DEFAULT_PAYMENT_TERMS,
): MappedCustomer {
  if (customer.test_clock !== null && customer.test_clock !== undefined)
    throw new ImportRejection('test_clock: a customer on a Stripe test clock is test data');
  if (customer.balance !== undefined && customer.balance !== 0) {
    throw new ImportRejection(
      `balance: ${customer.balance} (a credit or debit carried to the next invoice); Tariff keeps no customer balance: settle it in Stripe first`,
    );
  }
  if (customer.email === null) throw new ImportRejection('email: missing; Tariff sends invoices to it');
  const email = requireEmail(customer.email, 'email');
  const name = requireCleanText(customer.name ?? customer.email, 'name');
  const currency = currencyOf(customer, facts);
  const { taxStatus, taxRate } = taxOf(customer, facts);
  const { billingAddress, vatId } = legalIdentityOf(customer);
  return {
    stripeId: customer.id,
    id: stableId('customer', customer.id),
    name,
    email,
    currency,
    taxStatus,
    taxRate: checkTax(taxStatus, taxRate),
    ...termsOf(facts, defaultTerms),
    billingAddress,
    vatId,
    metadata: parseMetadata(customer.metadata ?? {}, 'metadata'),
    discount: customerDiscount(customer),
    createdAt: customer.created === undefined ? null : toDate(customer.created),
  };
}

function currencyOf(customer: StripeCustomer, facts: CustomerFacts): string {
  if (customer.currency) return requireCurrency(customer.currency, 'currency');
  if (facts.currencies.size === 1) return requireCurrency([...facts.currencies][0], 'currency');
  if (facts.currencies.size > 1)
    throw new ImportRejection(`currency: unset, and its subscriptions and invoices use several (${[...facts.currencies].join(', ')})`);
  throw new ImportRejection('currency: unset, and no subscription or open invoice in the dump names one');
}

function taxOf(customer: StripeCustomer, facts: CustomerFacts): { taxStatus: TaxStatus; taxRate: Decimal | null } {
  const exempt = customer.tax_exempt ?? 'none';
  if (exempt === 'exempt') return { taxStatus: TaxStatus.EXEMPT, taxRate: null };
  if (exempt === 'reverse') return { taxStatus: TaxStatus.REVERSE_CHARGE, taxRate: null };
  if (exempt !== 'none') throw new ImportRejection(`tax_exempt: '${exempt}' is not supported`);
  if (facts.taxProblem) throw new ImportRejection(facts.taxProblem);
  const rates = new Set(facts.taxPercentages.map((p) => (p === null ? 'none' : String(p))));
  if (rates.size > 1) {
    throw new ImportRejection(
      `tax: its subscriptions charge different tax (${[...rates].join(', ')}); Tariff taxes a customer at one rate`,
    );
  }
  const only = facts.taxPercentages[0] ?? null;
  if (only === null || only === 0) return { taxStatus: TaxStatus.EXEMPT, taxRate: null };
  return { taxStatus: TaxStatus.TAXABLE, taxRate: new Decimal(String(only)) };
}

/** Its subscriptions' `days_until_due`; none: the seller's default terms, as createCustomer gives a customer without any. */
function termsOf(facts: CustomerFacts, defaultTerms: PaymentTerms): PaymentTerms {
  if (facts.daysUntilDue.size > 1) {
    throw new ImportRejection(
      `days_until_due: its subscriptions give different terms (${[...facts.daysUntilDue].join(', ')}); Tariff has one payment term per customer`,
    );
  }
  if (facts.daysUntilDue.size === 0) return { ...defaultTerms };
  const days = [...facts.daysUntilDue][0];
  if (days > MAX_PAYMENT_TERMS_DAYS)
    throw new ImportRejection(`days_until_due: ${days}; Tariff's payment terms are at most ${MAX_PAYMENT_TERMS_DAYS} days`);
  return { paymentTermsDays: days, paymentTermsEndOfMonth: false };
}

/**
 * Stripe's `address` and its first `eu_vat` tax id, checked as createCustomer checks them. An
 * address without a first line or a city is no postal address: it is left out, and only its
 * country (when a known one) checks the VAT id. A reverse-charge customer without a VAT id is
 * imported as it is, like the reverse-charge customers Tariff had before it required one.
 */
function legalIdentityOf(customer: StripeCustomer): { billingAddress: Address | null; vatId: string | null } {
  const a = customer.address;
  const billingAddress =
    a && a.line1 && a.city
      ? parseInput(
          storableAddressSchema,
          { line1: a.line1, line2: a.line2, city: a.city, postalCode: a.postal_code, region: a.state, country: a.country ?? '' },
          'address',
        )
      : null;
  const country = billingAddress?.country ?? (a?.country ? (addressSchema.shape.country.safeParse(a.country).data ?? null) : null);
  const taxId = customer.tax_ids?.data.find((t) => t.type === 'eu_vat');
  return { billingAddress, vatId: taxId ? checkVatId(taxId.value, country, 'tax_ids') : null };
}
