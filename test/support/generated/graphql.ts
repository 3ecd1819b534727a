/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** A postal address; country is an ISO 3166-1 alpha-2 code ("DE"), in any case */
export type AddressInput = {
  city: string;
  country: string;
  line1: string;
  line2?: string | null | undefined;
  postalCode?: string | null | undefined;
  /** State, province or county, where the country uses one */
  region?: string | null | undefined;
};

/** subscriptionId or customerId; couponCode or promotionCode */
export type ApplyCouponInput = {
  couponCode?: string | null | undefined;
  /** The customer’s discount, for all its subscriptions (a subscription’s own one takes precedence) */
  customerId?: string | number | null | undefined;
  promotionCode?: string | null | undefined;
  /** The subscription's own discount */
  subscriptionId?: string | number | null | undefined;
};

export type AttachPaymentMethodInput = {
  customerId: string | number;
  /** When it stops working (a card's expiry), if known: after now; payment_method.expiring is signaled 30 days before */
  expiresAt?: string | null | undefined;
  /** Default true: charges use the new method */
  makeDefault?: boolean | null | undefined;
  /** sandbox or manual (or a gateway this server offers) */
  provider: string;
  /** The provider's reference of the method: a sandbox test token (pm_sandbox_ok, …), or for manual the bank reference customers quote */
  token: string;
};

export type CollectionMethod =
  | 'CHARGE_AUTOMATICALLY'
  | 'SEND_INVOICE';

export type ContractItemInput = {
  /** 0 to 100 */
  discountPercent?: string | null | undefined;
  /** A config of the price's rule kind */
  override?: Record<string, unknown> | null | undefined;
  priceCode: string;
};

/** ONCE: the first invoice after it is applied; REPEATING: invoices whose period starts within durationInMonths of applying it; FOREVER */
export type CouponDuration =
  | 'FOREVER'
  | 'ONCE'
  | 'REPEATING';

export type CreateApiKeyInput = {
  customerId?: string | number | null | undefined;
  name: string;
  role: Role;
};

export type CreateContractInput = {
  code: string;
  customerId: string | number;
  endsAt?: string | null | undefined;
  /** 1 to 100, one per price */
  items: Array<ContractItemInput>;
  minimumCommitment?: string | null | undefined;
  startsAt: string;
};

export type CreateCouponInput = {
  /** With its currency, at most its minor unit; or percentOff */
  amountOff?: string | null | undefined;
  /** Default: every price */
  appliesToPriceCodes?: Array<string> | null | undefined;
  code: string;
  currency?: string | null | undefined;
  duration: CouponDuration;
  /** REPEATING: 1 to 1200 */
  durationInMonths?: number | null | undefined;
  maxRedemptions?: number | null | undefined;
  name?: string | null | undefined;
  /** Greater than 0, at most 100; or amountOff */
  percentOff?: string | null | undefined;
  redeemBy?: string | null | undefined;
};

export type CreateCreditNoteInput = {
  invoiceId: string | number;
  /** None or empty: everything still creditable (a full credit note) */
  lines?: Array<CreditNoteLineInput> | null | undefined;
  reason?: string | null | undefined;
};

export type CreateCustomerInput = {
  billingAddress?: AddressInput | null | undefined;
  currency: string;
  email: string;
  /** At most 20; each unique per system */
  externalIds?: Array<ExternalIdInput> | null | undefined;
  invoiceDrafts?: boolean | null | undefined;
  /** At most 50 keys of at most 40 characters; values are strings (at most 500 characters), numbers, booleans or null */
  metadata?: Record<string, unknown> | null | undefined;
  name: string;
  /** Default 30; 0 to 365 */
  paymentTermsDays?: number | null | undefined;
  /** At most 20, each 1 to 64 letters, digits, spaces or _ . : / + # & - */
  tags?: Array<string> | null | undefined;
  /** Percent, required when TAXABLE */
  taxRate?: string | null | undefined;
  taxStatus: TaxStatus;
  /** The customer lives on this test clock (simulated time), for good */
  testClockId?: string | number | null | undefined;
  /** With its country's prefix (Greece: EL); format-checked for the billing address's country (no VIES lookup). Required when REVERSE_CHARGE */
  vatId?: string | null | undefined;
};

export type CreatePromotionCodeInput = {
  /** Stored upper-cased */
  code: string;
  couponCode: string;
  /** Only this customer may redeem it */
  customerId?: string | number | null | undefined;
  expiresAt?: string | null | undefined;
  maxRedemptions?: number | null | undefined;
};

export type CreateQuoteInput = {
  /** Default CHARGE_AUTOMATICALLY */
  collection?: CollectionMethod | null | undefined;
  /** A coupon the quote offers (or promotionCode): redeemed when it is sent */
  couponCode?: string | null | undefined;
  /** The customer's currency */
  currency: string;
  customerId: string | number;
  /** Recurring prices on one billing cycle: the subscription accepting creates */
  lines: Array<QuoteLineInput>;
  promotionCode?: string | null | undefined;
  /** 0 to 730; default 0 */
  trialDays?: number | null | undefined;
  /** In the future; default: the quote does not expire */
  validUntil?: string | null | undefined;
};

export type CreditNoteLineInput = {
  /** Before tax, in the currency’s minor unit; default: all that is left of the line */
  amount?: string | null | undefined;
  /** InvoiceLine.id; a line with a positive amount */
  invoiceLineId: string | number;
};

/** A segment: every criterion given must hold (README, Segments and lifecycle signals) */
export type CustomerFilter = {
  /** The currency of mrrMin and mrrMax; required with them */
  currency?: string | null | undefined;
  /** Current MRR in `currency` at most this */
  mrrMax?: string | null | undefined;
  /** Current MRR in `currency` at least this (the revenue ledger, rounded to the minor unit) */
  mrrMin?: string | null | undefined;
  /** Has a live subscription (not CANCELED; or in subscriptionStatus when given) with an item of one of these price codes */
  planPriceCodes?: Array<string> | null | undefined;
  /** Has a subscription in one of these statuses */
  subscriptionStatus?: Array<SubscriptionStatus> | null | undefined;
  /** Has every one of these tags */
  tags?: Array<string> | null | undefined;
  /** Whole days since the customer's first subscription started, at most */
  tenureMaxDays?: number | null | undefined;
  /** Whole days since the customer's first subscription started, at least */
  tenureMinDays?: number | null | undefined;
};

export type DunningFinalAction =
  | 'CANCEL_SUBSCRIPTION'
  | 'LEAVE_PAST_DUE'
  | 'MARK_UNCOLLECTIBLE';

export type ExternalIdInput = {
  id: string;
  /** The other system, e.g. SAP, SALESFORCE, STRIPE */
  system: string;
};

export type InvoiceStatus =
  | 'DRAFT'
  | 'OPEN'
  | 'PAID'
  | 'UNCOLLECTIBLE'
  | 'VOID';

export type PaymentAttemptKind =
  | 'CHARGE'
  | 'MANUAL'
  | 'REMINDER';

export type PreviewQuoteInput = {
  /** Which contracts are in force; default now */
  at?: string | null | undefined;
  /** Priced as the first invoice would be; nothing is redeemed */
  couponCode?: string | null | undefined;
  currency: string;
  /** Its contracts and tax apply when given */
  customerId?: string | number | null | undefined;
  lines: Array<QuoteLineInput>;
  promotionCode?: string | null | undefined;
};

export type PriceStatus =
  | 'ACTIVE'
  | 'ARCHIVED';

export type PricedLineKind =
  | 'CHARGE'
  | 'DISCOUNT'
  | 'MINIMUM_COMMITMENT';

export type QuoteLineInput = {
  priceCode: string;
  /** For a usage price, the usage to price */
  quantity: string;
};

/** EXPIRED: a DRAFT or SENT quote whose validUntil has passed */
export type QuoteStatus =
  | 'ACCEPTED'
  | 'DECLINED'
  | 'DRAFT'
  | 'EXPIRED'
  | 'SENT';

export type RecordPaymentInput = {
  /** Positive, at most what is still owed */
  amount: string;
  invoiceId: string | number;
  /** The bank reference: unique per invoice, so one transfer is never counted twice */
  reference: string;
};

export type Role =
  | 'ADMIN'
  | 'CUSTOMER'
  | 'PARTNER'
  | 'SALES'
  | 'SALES_MANAGER'
  | 'STOREFRONT';

export type SetDunningPolicyInput = {
  finalAction: DunningFinalAction;
  /** Default 0 */
  graceDays?: number | null | undefined;
  /** e.g. [1, 3, 5, 7]: ascending, 1 to 365, at most 10 */
  retryAfterDays: Array<number>;
};

export type SubscriptionStatus =
  | 'ACTIVE'
  | 'CANCELED'
  | 'INCOMPLETE'
  | 'PAST_DUE'
  | 'PAUSED'
  | 'TRIALING';

/** TAXABLE with a rate, EXEMPT, or REVERSE_CHARGE (B2B intra-EU) */
export type TaxStatus =
  | 'EXEMPT'
  | 'REVERSE_CHARGE'
  | 'TAXABLE';

/** READY, or ADVANCING while advanceTestClock bills its customers */
export type TestClockStatus =
  | 'ADVANCING'
  | 'READY';

/** Omitted fields are kept; the currency cannot change */
export type UpdateCustomerInput = {
  /** Replaces the address; null clears it */
  billingAddress?: AddressInput | null | undefined;
  email?: string | null | undefined;
  /** Replaces the whole set when given */
  externalIds?: Array<ExternalIdInput> | null | undefined;
  invoiceDrafts?: boolean | null | undefined;
  /** Replaces the whole object when given ({} clears it) */
  metadata?: Record<string, unknown> | null | undefined;
  name?: string | null | undefined;
  /** Applies to invoices finalized from now on */
  paymentTermsDays?: number | null | undefined;
  /** Replaces the whole set when given ([] clears it) */
  tags?: Array<string> | null | undefined;
  /** null clears it; leaving TAXABLE clears it too */
  taxRate?: string | null | undefined;
  taxStatus?: TaxStatus | null | undefined;
  /** null clears it (refused while REVERSE_CHARGE); checked against the billing country */
  vatId?: string | null | undefined;
};

/** For a DRAFT quote; omitted fields stay as they are */
export type UpdateQuoteInput = {
  collection?: CollectionMethod | null | undefined;
  /** Given (null too), it or promotionCode replaces the quote’s coupon */
  couponCode?: string | null | undefined;
  /** Replaces every line */
  lines?: Array<QuoteLineInput> | null | undefined;
  promotionCode?: string | null | undefined;
  trialDays?: number | null | undefined;
  /** null: the quote does not expire */
  validUntil?: string | null | undefined;
};

/** The customer's whole state in the syncing system, found by its id there */
export type UpsertCustomerInput = {
  /** Omitted or null: kept (none for a new customer) */
  billingAddress?: AddressInput | null | undefined;
  /** Can change only while the customer has no subscriptions, invoices, contracts or quotes */
  currency: string;
  email: string;
  /** Finds the customer; a new one is created with it */
  externalId: ExternalIdInput;
  /** Omitted: kept (false for a new customer) */
  invoiceDrafts?: boolean | null | undefined;
  /** Omitted: kept (none for a new customer); given: the whole object */
  metadata?: Record<string, unknown> | null | undefined;
  name: string;
  /** Omitted: kept (none for a new customer); given: the whole set */
  tags?: Array<string> | null | undefined;
  /** Percent, required when TAXABLE */
  taxRate?: string | null | undefined;
  taxStatus: TaxStatus;
  /** Omitted or null: kept (none for a new customer); format-checked for the billing country. Required when REVERSE_CHARGE */
  vatId?: string | null | undefined;
};

/** UNCHANGED: a replay; nothing was written */
export type UpsertOutcome =
  | 'CREATED'
  | 'UNCHANGED'
  | 'UPDATED';

export type CouponFieldsFragment = { id: string, code: string, name: string | null, percentOff: string | null, amountOff: string | null, currency: string | null, duration: CouponDuration, durationInMonths: number | null, appliesToPriceCodes: Array<string> | null, maxRedemptions: number | null, timesRedeemed: number, redeemBy: string | null };

export type CouponDiscountFieldsFragment = { id: string, startsAt: string | null, endsAt: string | null, endedAt: string | null, consumedAt: string | null, promotionCode: string | null, coupon: { code: string }, customer: { id: string }, subscription: { id: string } | null };

export type CouponsCreateCouponMutationVariables = Exact<{
  input: CreateCouponInput;
}>;


export type CouponsCreateCouponMutation = { createCoupon: { id: string, code: string, name: string | null, percentOff: string | null, amountOff: string | null, currency: string | null, duration: CouponDuration, durationInMonths: number | null, appliesToPriceCodes: Array<string> | null, maxRedemptions: number | null, timesRedeemed: number, redeemBy: string | null } };

export type CouponsCreatePromotionCodeMutationVariables = Exact<{
  input: CreatePromotionCodeInput;
}>;


export type CouponsCreatePromotionCodeMutation = { createPromotionCode: { id: string, code: string, maxRedemptions: number | null, timesRedeemed: number, expiresAt: string | null, coupon: { code: string }, customer: { id: string } | null } };

export type CouponsApplyCouponMutationVariables = Exact<{
  input: ApplyCouponInput;
}>;


export type CouponsApplyCouponMutation = { applyCoupon: { id: string, startsAt: string | null, endsAt: string | null, endedAt: string | null, consumedAt: string | null, promotionCode: string | null, coupon: { code: string }, customer: { id: string }, subscription: { id: string } | null } };

export type CouponsCreateApiKeyMutationVariables = Exact<{ [key: string]: never; }>;


export type CouponsCreateApiKeyMutation = { createApiKey: { secret: string } };

export type CouponsCreateApiKey2MutationVariables = Exact<{
  c: string | number;
}>;


export type CouponsCreateApiKey2Mutation = { createApiKey: { secret: string } };

export type CouponsCouponQueryVariables = Exact<{ [key: string]: never; }>;


export type CouponsCouponQuery = { coupon: { code: string } | null };

export type CouponsApplyCoupon2MutationVariables = Exact<{
  c: string | number;
}>;


export type CouponsApplyCoupon2Mutation = { applyCoupon: { id: string } };

export type CouponsCreateContractMutationVariables = Exact<{
  input: CreateContractInput;
}>;


export type CouponsCreateContractMutation = { createContract: { id: string } };

export type CouponsSubscriptionQueryVariables = Exact<{
  id: string | number;
}>;


export type CouponsSubscriptionQuery = { subscription: { discount: { id: string, startsAt: string | null, endsAt: string | null, endedAt: string | null, consumedAt: string | null, promotionCode: string | null, coupon: { code: string }, customer: { id: string }, subscription: { id: string } | null } | null } | null };

export type CouponsSubscription2QueryVariables = Exact<{
  id: string | number;
}>;


export type CouponsSubscription2Query = { subscription: { discount: { consumedAt: string | null } | null } | null };

export type CouponsSubscription3QueryVariables = Exact<{
  id: string | number;
}>;


export type CouponsSubscription3Query = { subscription: { discount: { endsAt: string | null } | null } | null };

export type CouponsCustomerQueryVariables = Exact<{
  id: string | number;
}>;


export type CouponsCustomerQuery = { customer: { discount: { id: string } | null } | null };

export type CouponsApplyCoupon3MutationVariables = Exact<{
  input: ApplyCouponInput;
}>;


export type CouponsApplyCoupon3Mutation = { applyCoupon: { id: string } };

export type CouponsChangeSubscriptionMutationVariables = Exact<{
  id: string | number;
}>;


export type CouponsChangeSubscriptionMutation = { changeSubscription: { id: string } };

export type CouponsChangeSubscription2MutationVariables = Exact<{
  id: string | number;
}>;


export type CouponsChangeSubscription2Mutation = { changeSubscription: { id: string } };

export type CouponsSubscription4QueryVariables = Exact<{
  id: string | number;
}>;


export type CouponsSubscription4Query = { subscription: { discount: { id: string } | null } | null };

export type CouponsRemoveDiscountMutationVariables = Exact<{
  id: string | number;
}>;


export type CouponsRemoveDiscountMutation = { removeDiscount: { endedAt: string | null } };

export type CouponsRemoveDiscount2MutationVariables = Exact<{
  id: string | number;
}>;


export type CouponsRemoveDiscount2Mutation = { removeDiscount: { id: string } };

export type CouponsPreviewQuoteQueryVariables = Exact<{
  input: PreviewQuoteInput;
}>;


export type CouponsPreviewQuoteQuery = { previewQuote: { subtotal: string, tax: string, total: string, lines: Array<{ kind: PricedLineKind, priceCode: string, amount: string, tax: string, couponCode: string | null, steps: Array<string> }> } };

export type CouponsAcceptQuoteMutationVariables = Exact<{
  id: string | number;
}>;


export type CouponsAcceptQuoteMutation = { acceptQuote: { id: string, discount: { startsAt: string | null, coupon: { code: string } } | null } };

export type CouponsApplyCoupon4MutationVariables = Exact<{
  c: string | number;
}>;


export type CouponsApplyCoupon4Mutation = { applyCoupon: { id: string } };

export type CouponsApplyCoupon5MutationVariables = Exact<{
  s: string | number;
}>;


export type CouponsApplyCoupon5Mutation = { applyCoupon: { id: string } };

export type CouponsRemoveDiscount3MutationVariables = Exact<{
  id: string | number;
}>;


export type CouponsRemoveDiscount3Mutation = { removeDiscount: { id: string } };

export type CouponsCreateQuoteMutationVariables = Exact<{
  input: CreateQuoteInput;
}>;


export type CouponsCreateQuoteMutation = { createQuote: { id: string } };

export type CouponsApplyCoupon6MutationVariables = Exact<{
  c: string | number;
}>;


export type CouponsApplyCoupon6Mutation = { applyCoupon: { id: string } };

export type CouponsSendQuoteMutationVariables = Exact<{
  id: string | number;
}>;


export type CouponsSendQuoteMutation = { sendQuote: { id: string } };

export type CouponsQuoteQueryVariables = Exact<{
  id: string | number;
}>;


export type CouponsQuoteQuery = { quote: { status: QuoteStatus, total: string | null } | null };

export type CouponsUpdateQuoteMutationVariables = Exact<{
  id: string | number;
}>;


export type CouponsUpdateQuoteMutation = { updateQuote: { id: string } };

export type CouponsSendQuote2MutationVariables = Exact<{
  id: string | number;
}>;


export type CouponsSendQuote2Mutation = { sendQuote: { status: QuoteStatus, total: string | null, coupon: { code: string } | null } };

export type CouponsCreateContract2MutationVariables = Exact<{
  input: CreateContractInput;
}>;


export type CouponsCreateContract2Mutation = { createContract: { id: string } };

export type CouponsApplyCoupon7MutationVariables = Exact<{
  c: string | number;
}>;


export type CouponsApplyCoupon7Mutation = { applyCoupon: { id: string } };

export type CouponsApplyCoupon8MutationVariables = Exact<{
  s: string | number;
}>;


export type CouponsApplyCoupon8Mutation = { applyCoupon: { id: string } };

export type CouponsApplyCoupon9MutationVariables = Exact<{
  c: string | number;
}>;


export type CouponsApplyCoupon9Mutation = { applyCoupon: { id: string } };

export type CreditNoteFieldsFragment = { id: string, number: string, currency: string, reason: string | null, subtotal: string, tax: string, total: string, createdAt: string, invoice: { id: string, amountCredited: string, amountDue: string }, customer: { id: string }, lines: Array<{ invoiceLineId: string, description: string, amount: string, tax: string }> };

export type CreditedInvoiceFieldsFragment = { id: string, number: string | null, status: InvoiceStatus, total: string, tax: string, amountDue: string, amountCredited: string, voidedAt: string | null, lines: Array<{ id: string, amount: string, tax: string, proration: boolean }>, creditNotes: Array<{ id: string, number: string, total: string, lines: Array<{ invoiceLineId: string, amount: string, tax: string }> }> };

export type CreditNotesCreateMutationVariables = Exact<{
  input: CreateCreditNoteInput;
}>;


export type CreditNotesCreateMutation = { createCreditNote: { id: string, number: string, currency: string, reason: string | null, subtotal: string, tax: string, total: string, createdAt: string, invoice: { id: string, amountCredited: string, amountDue: string }, customer: { id: string }, lines: Array<{ invoiceLineId: string, description: string, amount: string, tax: string }> } };

export type CreditNotesVoidInvoiceMutationVariables = Exact<{
  id: string | number;
}>;


export type CreditNotesVoidInvoiceMutation = { voidInvoice: { id: string, number: string | null, status: InvoiceStatus, total: string, tax: string, amountDue: string, amountCredited: string, voidedAt: string | null, lines: Array<{ id: string, amount: string, tax: string, proration: boolean }>, creditNotes: Array<{ id: string, number: string, total: string, lines: Array<{ invoiceLineId: string, amount: string, tax: string }> }> } };

export type CreditNotesInvoiceByIdQueryVariables = Exact<{
  id: string | number;
}>;


export type CreditNotesInvoiceByIdQuery = { invoice: { id: string, number: string | null, status: InvoiceStatus, total: string, tax: string, amountDue: string, amountCredited: string, voidedAt: string | null, lines: Array<{ id: string, amount: string, tax: string, proration: boolean }>, creditNotes: Array<{ id: string, number: string, total: string, lines: Array<{ invoiceLineId: string, amount: string, tax: string }> }> } | null };

export type CreditNotesNoteQueryVariables = Exact<{
  id: string | number;
}>;


export type CreditNotesNoteQuery = { creditNote: { id: string, number: string, currency: string, reason: string | null, subtotal: string, tax: string, total: string, createdAt: string, invoice: { id: string, amountCredited: string, amountDue: string }, customer: { id: string }, lines: Array<{ invoiceLineId: string, description: string, amount: string, tax: string }> } | null };

export type CreditNotesCreditNotesQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  customerId?: string | number | null | undefined;
  invoiceId?: string | number | null | undefined;
}>;


export type CreditNotesCreditNotesQuery = { creditNotes: { edges: Array<{ cursor: string, node: { id: string, number: string, customer: { id: string } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type CreditNotesCreateApiKeyMutationVariables = Exact<{
  input: CreateApiKeyInput;
}>;


export type CreditNotesCreateApiKeyMutation = { createApiKey: { secret: string } };

export type CreditNotesChangeSubscriptionMutationVariables = Exact<{
  id: string | number;
}>;


export type CreditNotesChangeSubscriptionMutation = { changeSubscription: { id: string } };

export type CreditNotesRunBillingMutationVariables = Exact<{
  at: string;
}>;


export type CreditNotesRunBillingMutation = { runBilling: { invoicesCreated: number } };

export type CreditNotesInvoiceQueryVariables = Exact<{
  id: string | number;
}>;


export type CreditNotesInvoiceQuery = { invoice: { creditNotes: Array<{ id: string }> } | null };

export type DunningInvoiceFieldsFragment = { id: string, number: string | null, status: InvoiceStatus, total: string, amountDue: string, amountPaid: string, amountRemaining: string, paidAt: string | null, dueAt: string | null, collectionMethod: CollectionMethod | null, nextPaymentAttemptAt: string | null, attempts: Array<{ kind: PaymentAttemptKind, step: number | null, at: string, amount: string, outcome: string, error: string | null, provider: string | null, providerReference: string | null }> };

export type DunningSubscriptionFieldsFragment = { status: SubscriptionStatus, version: number, history: Array<{ type: string }> };

export type DunningSetDunningPolicyMutationVariables = Exact<{
  input: SetDunningPolicyInput;
}>;


export type DunningSetDunningPolicyMutation = { setDunningPolicy: { retryAfterDays: Array<number> } };

export type DunningAttachPaymentMethodMutationVariables = Exact<{
  input: AttachPaymentMethodInput;
}>;


export type DunningAttachPaymentMethodMutation = { attachPaymentMethod: { id: string, provider: string, label: string, isDefault: boolean } };

export type DunningAdvanceTestClockMutationVariables = Exact<{
  id: string | number;
  to: string;
}>;


export type DunningAdvanceTestClockMutation = { advanceTestClock: { status: TestClockStatus } };

export type DunningInvoicesQueryVariables = Exact<{
  c?: string | number | null | undefined;
}>;


export type DunningInvoicesQuery = { invoices: { edges: Array<{ node: { periodStart: string | null, id: string, number: string | null, status: InvoiceStatus, total: string, amountDue: string, amountPaid: string, amountRemaining: string, paidAt: string | null, dueAt: string | null, collectionMethod: CollectionMethod | null, nextPaymentAttemptAt: string | null, attempts: Array<{ kind: PaymentAttemptKind, step: number | null, at: string, amount: string, outcome: string, error: string | null, provider: string | null, providerReference: string | null }> } }> } };

export type DunningSubscriptionQueryVariables = Exact<{
  id: string | number;
}>;


export type DunningSubscriptionQuery = { subscription: { status: SubscriptionStatus, version: number, history: Array<{ type: string }> } | null };

export type DunningPaymentMethodsQueryVariables = Exact<{
  c: string | number;
}>;


export type DunningPaymentMethodsQuery = { paymentMethods: Array<{ id: string }> };

export type DunningDetachPaymentMethodMutationVariables = Exact<{
  id: string | number;
}>;


export type DunningDetachPaymentMethodMutation = { detachPaymentMethod: { id: string } };

export type DunningPaymentMethods2QueryVariables = Exact<{
  c: string | number;
}>;


export type DunningPaymentMethods2Query = { paymentMethods: Array<{ id: string }> };

export type DunningVoidInvoiceMutationVariables = Exact<{
  id: string | number;
}>;


export type DunningVoidInvoiceMutation = { voidInvoice: { status: InvoiceStatus } };

export type DunningCreateCreditNoteMutationVariables = Exact<{
  id: string | number;
}>;


export type DunningCreateCreditNoteMutation = { createCreditNote: { total: string } };

export type DunningRecordPaymentMutationVariables = Exact<{
  input: RecordPaymentInput;
}>;


export type DunningRecordPaymentMutation = { recordPayment: { status: InvoiceStatus, amountPaid: string, amountRemaining: string, attempts: Array<{ kind: PaymentAttemptKind, amount: string, outcome: string, providerReference: string | null }> } };

export type DunningPaymentMethods3QueryVariables = Exact<{
  c: string | number;
}>;


export type DunningPaymentMethods3Query = { paymentMethods: Array<{ provider: string, label: string, isDefault: boolean }> };

export type DunningCustomerQueryVariables = Exact<{
  id: string | number;
}>;


export type DunningCustomerQuery = { customer: { testClock: { id: string } | null } | null };

export type DunningRecordPayment2MutationVariables = Exact<{
  input: RecordPaymentInput;
}>;


export type DunningRecordPayment2Mutation = { recordPayment: { status: InvoiceStatus } };

export type DunningCreateApiKeyMutationVariables = Exact<{ [key: string]: never; }>;


export type DunningCreateApiKeyMutation = { createApiKey: { secret: string } };

export type DunningVoidInvoice2MutationVariables = Exact<{
  id: string | number;
}>;


export type DunningVoidInvoice2Mutation = { voidInvoice: { status: InvoiceStatus } };

export type DunningVoidInvoice3MutationVariables = Exact<{
  id: string | number;
}>;


export type DunningVoidInvoice3Mutation = { voidInvoice: { status: InvoiceStatus } };

export type DunningSetDunningPolicy2MutationVariables = Exact<{
  input: SetDunningPolicyInput;
}>;


export type DunningSetDunningPolicy2Mutation = { setDunningPolicy: { retryAfterDays: Array<number> } };

export type QuoteFieldsFragment = { id: string, status: QuoteStatus, currency: string, validUntil: string | null, trialDays: number, collection: CollectionMethod, subtotal: string | null, tax: string | null, total: string | null, notes: Array<string> | null, sentAt: string | null, acceptedAt: string | null, declinedAt: string | null, createdAt: string, customer: { id: string }, lines: Array<{ priceCode: string, quantity: string, priceVersion: number | null, amount: string | null, tax: string | null, steps: Array<string> | null }>, subscription: { id: string, status: SubscriptionStatus } | null };

export type QuoteSubscriptionFieldsFragment = { id: string, status: SubscriptionStatus, collectionMethod: CollectionMethod, trialEnd: string | null, customer: { id: string }, items: Array<{ priceCode: string, quantity: string, price: { code: string, version: number } }> };

export type QuotesCreateQuoteMutationVariables = Exact<{
  input: CreateQuoteInput;
}>;


export type QuotesCreateQuoteMutation = { createQuote: { id: string, status: QuoteStatus, currency: string, validUntil: string | null, trialDays: number, collection: CollectionMethod, subtotal: string | null, tax: string | null, total: string | null, notes: Array<string> | null, sentAt: string | null, acceptedAt: string | null, declinedAt: string | null, createdAt: string, customer: { id: string }, lines: Array<{ priceCode: string, quantity: string, priceVersion: number | null, amount: string | null, tax: string | null, steps: Array<string> | null }>, subscription: { id: string, status: SubscriptionStatus } | null } };

export type QuotesUpdateQuoteMutationVariables = Exact<{
  id: string | number;
  input: UpdateQuoteInput;
}>;


export type QuotesUpdateQuoteMutation = { updateQuote: { id: string, status: QuoteStatus, currency: string, validUntil: string | null, trialDays: number, collection: CollectionMethod, subtotal: string | null, tax: string | null, total: string | null, notes: Array<string> | null, sentAt: string | null, acceptedAt: string | null, declinedAt: string | null, createdAt: string, customer: { id: string }, lines: Array<{ priceCode: string, quantity: string, priceVersion: number | null, amount: string | null, tax: string | null, steps: Array<string> | null }>, subscription: { id: string, status: SubscriptionStatus } | null } };

export type QuotesSendQuoteMutationVariables = Exact<{
  id: string | number;
}>;


export type QuotesSendQuoteMutation = { sendQuote: { id: string, status: QuoteStatus, currency: string, validUntil: string | null, trialDays: number, collection: CollectionMethod, subtotal: string | null, tax: string | null, total: string | null, notes: Array<string> | null, sentAt: string | null, acceptedAt: string | null, declinedAt: string | null, createdAt: string, customer: { id: string }, lines: Array<{ priceCode: string, quantity: string, priceVersion: number | null, amount: string | null, tax: string | null, steps: Array<string> | null }>, subscription: { id: string, status: SubscriptionStatus } | null } };

export type QuotesAcceptQuoteMutationVariables = Exact<{
  id: string | number;
}>;


export type QuotesAcceptQuoteMutation = { acceptQuote: { id: string, status: SubscriptionStatus, collectionMethod: CollectionMethod, trialEnd: string | null, customer: { id: string }, items: Array<{ priceCode: string, quantity: string, price: { code: string, version: number } }> } };

export type QuotesDeclineQuoteMutationVariables = Exact<{
  id: string | number;
}>;


export type QuotesDeclineQuoteMutation = { declineQuote: { id: string, status: QuoteStatus, currency: string, validUntil: string | null, trialDays: number, collection: CollectionMethod, subtotal: string | null, tax: string | null, total: string | null, notes: Array<string> | null, sentAt: string | null, acceptedAt: string | null, declinedAt: string | null, createdAt: string, customer: { id: string }, lines: Array<{ priceCode: string, quantity: string, priceVersion: number | null, amount: string | null, tax: string | null, steps: Array<string> | null }>, subscription: { id: string, status: SubscriptionStatus } | null } };

export type QuotesQuoteQueryVariables = Exact<{
  id: string | number;
}>;


export type QuotesQuoteQuery = { quote: { id: string, status: QuoteStatus, currency: string, validUntil: string | null, trialDays: number, collection: CollectionMethod, subtotal: string | null, tax: string | null, total: string | null, notes: Array<string> | null, sentAt: string | null, acceptedAt: string | null, declinedAt: string | null, createdAt: string, customer: { id: string }, lines: Array<{ priceCode: string, quantity: string, priceVersion: number | null, amount: string | null, tax: string | null, steps: Array<string> | null }>, subscription: { id: string, status: SubscriptionStatus } | null } | null };

export type QuotesCreateApiKeyMutationVariables = Exact<{
  role: Role;
  c?: string | number | null | undefined;
}>;


export type QuotesCreateApiKeyMutation = { createApiKey: { secret: string } };

export type QuotesSubscriptionsQueryVariables = Exact<{
  c?: string | number | null | undefined;
}>;


export type QuotesSubscriptionsQuery = { subscriptions: { edges: Array<{ node: { id: string } }> } };

export type QuotesArchivePriceMutationVariables = Exact<{ [key: string]: never; }>;


export type QuotesArchivePriceMutation = { archivePrice: { status: PriceStatus } };

export type QuotesCreateContractMutationVariables = Exact<{
  input: CreateContractInput;
}>;


export type QuotesCreateContractMutation = { createContract: { id: string } };

export type QuotesUpdatePriceMutationVariables = Exact<{ [key: string]: never; }>;


export type QuotesUpdatePriceMutation = { updatePrice: { version: number } };

export type QuotesUpdatePrice2MutationVariables = Exact<{ [key: string]: never; }>;


export type QuotesUpdatePrice2Mutation = { updatePrice: { version: number } };

export type QuotesUpdatePrice3MutationVariables = Exact<{ [key: string]: never; }>;


export type QuotesUpdatePrice3Mutation = { updatePrice: { version: number } };

export type QuotesUpdatePrice4MutationVariables = Exact<{ [key: string]: never; }>;


export type QuotesUpdatePrice4Mutation = { updatePrice: { version: number } };

export type QuotesQuotesQueryVariables = Exact<{
  c?: string | number | null | undefined;
  s?: QuoteStatus | null | undefined;
}>;


export type QuotesQuotesQuery = { quotes: { edges: Array<{ node: { id: string, status: QuoteStatus } }> } };

export type QuotesArchivePrice2MutationVariables = Exact<{ [key: string]: never; }>;


export type QuotesArchivePrice2Mutation = { archivePrice: { status: PriceStatus } };

export type QuotesQuotes2QueryVariables = Exact<{
  c?: string | number | null | undefined;
}>;


export type QuotesQuotes2Query = { quotes: { edges: Array<{ node: { id: string } }> } };

export type QuotesQuotes3QueryVariables = Exact<{
  c?: string | number | null | undefined;
  after?: string | null | undefined;
  s?: QuoteStatus | null | undefined;
}>;


export type QuotesQuotes3Query = { quotes: { edges: Array<{ cursor: string, node: { id: string, status: QuoteStatus } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type SegmentCustomerFieldsFragment = { id: string, name: string, tags: Array<string>, metadata: Record<string, unknown> };

export type SegmentsCreateCustomerMutationVariables = Exact<{
  input: CreateCustomerInput;
}>;


export type SegmentsCreateCustomerMutation = { createCustomer: { id: string, name: string, tags: Array<string>, metadata: Record<string, unknown> } };

export type SegmentsUpdateCustomerMutationVariables = Exact<{
  id: string | number;
  input: UpdateCustomerInput;
}>;


export type SegmentsUpdateCustomerMutation = { updateCustomer: { id: string, name: string, tags: Array<string>, metadata: Record<string, unknown> } };

export type SegmentsUpsertCustomerMutationVariables = Exact<{
  input: UpsertCustomerInput;
}>;


export type SegmentsUpsertCustomerMutation = { upsertCustomer: { outcome: UpsertOutcome, customer: { updatedAt: string, id: string, name: string, tags: Array<string>, metadata: Record<string, unknown> } } };

export type SegmentsCustomersQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  search?: string | null | undefined;
  filter?: CustomerFilter | null | undefined;
}>;


export type SegmentsCustomersQuery = { customers: { edges: Array<{ cursor: string, node: { id: string, name: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type SegmentsCreateApiKeyMutationVariables = Exact<{
  input: CreateApiKeyInput;
}>;


export type SegmentsCreateApiKeyMutation = { createApiKey: { secret: string } };

export type SegmentsCancelSubscriptionMutationVariables = Exact<{
  id: string | number;
}>;


export type SegmentsCancelSubscriptionMutation = { cancelSubscription: { status: SubscriptionStatus } };

export type SegmentsCreateTestClockMutationVariables = Exact<{
  at: string;
}>;


export type SegmentsCreateTestClockMutation = { createTestClock: { id: string } };

export type SegmentsCancelSubscription2MutationVariables = Exact<{
  id: string | number;
}>;


export type SegmentsCancelSubscription2Mutation = { cancelSubscription: { status: SubscriptionStatus } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const CouponFieldsFragmentDoc = new TypedDocumentString(`
    fragment CouponFields on Coupon {
  id
  code
  name
  percentOff
  amountOff
  currency
  duration
  durationInMonths
  appliesToPriceCodes
  maxRedemptions
  timesRedeemed
  redeemBy
}
    `, {"fragmentName":"CouponFields"}) as unknown as TypedDocumentString<CouponFieldsFragment, unknown>;
export const CouponDiscountFieldsFragmentDoc = new TypedDocumentString(`
    fragment CouponDiscountFields on Discount {
  id
  startsAt
  endsAt
  endedAt
  consumedAt
  promotionCode
  coupon {
    code
  }
  customer {
    id
  }
  subscription {
    id
  }
}
    `, {"fragmentName":"CouponDiscountFields"}) as unknown as TypedDocumentString<CouponDiscountFieldsFragment, unknown>;
export const CreditNoteFieldsFragmentDoc = new TypedDocumentString(`
    fragment CreditNoteFields on CreditNote {
  id
  number
  currency
  reason
  subtotal
  tax
  total
  createdAt
  invoice {
    id
    amountCredited
    amountDue
  }
  customer {
    id
  }
  lines {
    invoiceLineId
    description
    amount
    tax
  }
}
    `, {"fragmentName":"CreditNoteFields"}) as unknown as TypedDocumentString<CreditNoteFieldsFragment, unknown>;
export const CreditedInvoiceFieldsFragmentDoc = new TypedDocumentString(`
    fragment CreditedInvoiceFields on Invoice {
  id
  number
  status
  total
  tax
  amountDue
  amountCredited
  voidedAt
  lines {
    id
    amount
    tax
    proration
  }
  creditNotes {
    id
    number
    total
    lines {
      invoiceLineId
      amount
      tax
    }
  }
}
    `, {"fragmentName":"CreditedInvoiceFields"}) as unknown as TypedDocumentString<CreditedInvoiceFieldsFragment, unknown>;
export const DunningInvoiceFieldsFragmentDoc = new TypedDocumentString(`
    fragment DunningInvoiceFields on Invoice {
  id
  number
  status
  total
  amountDue
  amountPaid
  amountRemaining
  paidAt
  dueAt
  collectionMethod
  nextPaymentAttemptAt
  attempts {
    kind
    step
    at
    amount
    outcome
    error
    provider
    providerReference
  }
}
    `, {"fragmentName":"DunningInvoiceFields"}) as unknown as TypedDocumentString<DunningInvoiceFieldsFragment, unknown>;
export const DunningSubscriptionFieldsFragmentDoc = new TypedDocumentString(`
    fragment DunningSubscriptionFields on Subscription {
  status
  version
  history {
    type
  }
}
    `, {"fragmentName":"DunningSubscriptionFields"}) as unknown as TypedDocumentString<DunningSubscriptionFieldsFragment, unknown>;
export const QuoteFieldsFragmentDoc = new TypedDocumentString(`
    fragment QuoteFields on Quote {
  id
  status
  currency
  validUntil
  trialDays
  collection
  subtotal
  tax
  total
  notes
  sentAt
  acceptedAt
  declinedAt
  createdAt
  customer {
    id
  }
  lines {
    priceCode
    quantity
    priceVersion
    amount
    tax
    steps
  }
  subscription {
    id
    status
  }
}
    `, {"fragmentName":"QuoteFields"}) as unknown as TypedDocumentString<QuoteFieldsFragment, unknown>;
export const QuoteSubscriptionFieldsFragmentDoc = new TypedDocumentString(`
    fragment QuoteSubscriptionFields on Subscription {
  id
  status
  collectionMethod
  trialEnd
  customer {
    id
  }
  items {
    priceCode
    quantity
    price {
      code
      version
    }
  }
}
    `, {"fragmentName":"QuoteSubscriptionFields"}) as unknown as TypedDocumentString<QuoteSubscriptionFieldsFragment, unknown>;
export const SegmentCustomerFieldsFragmentDoc = new TypedDocumentString(`
    fragment SegmentCustomerFields on Customer {
  id
  name
  tags
  metadata
}
    `, {"fragmentName":"SegmentCustomerFields"}) as unknown as TypedDocumentString<SegmentCustomerFieldsFragment, unknown>;
export const CouponsCreateCouponDocument = new TypedDocumentString(`
    mutation CouponsCreateCoupon($input: CreateCouponInput!) {
  createCoupon(input: $input) {
    ...CouponFields
  }
}
    fragment CouponFields on Coupon {
  id
  code
  name
  percentOff
  amountOff
  currency
  duration
  durationInMonths
  appliesToPriceCodes
  maxRedemptions
  timesRedeemed
  redeemBy
}`) as unknown as TypedDocumentString<CouponsCreateCouponMutation, CouponsCreateCouponMutationVariables>;
export const CouponsCreatePromotionCodeDocument = new TypedDocumentString(`
    mutation CouponsCreatePromotionCode($input: CreatePromotionCodeInput!) {
  createPromotionCode(input: $input) {
    id
    code
    maxRedemptions
    timesRedeemed
    expiresAt
    coupon {
      code
    }
    customer {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<CouponsCreatePromotionCodeMutation, CouponsCreatePromotionCodeMutationVariables>;
export const CouponsApplyCouponDocument = new TypedDocumentString(`
    mutation CouponsApplyCoupon($input: ApplyCouponInput!) {
  applyCoupon(input: $input) {
    ...CouponDiscountFields
  }
}
    fragment CouponDiscountFields on Discount {
  id
  startsAt
  endsAt
  endedAt
  consumedAt
  promotionCode
  coupon {
    code
  }
  customer {
    id
  }
  subscription {
    id
  }
}`) as unknown as TypedDocumentString<CouponsApplyCouponMutation, CouponsApplyCouponMutationVariables>;
export const CouponsCreateApiKeyDocument = new TypedDocumentString(`
    mutation CouponsCreateApiKey {
  createApiKey(input: {role: SALES, name: "sales"}) {
    secret
  }
}
    `) as unknown as TypedDocumentString<CouponsCreateApiKeyMutation, CouponsCreateApiKeyMutationVariables>;
export const CouponsCreateApiKey2Document = new TypedDocumentString(`
    mutation CouponsCreateApiKey2($c: ID!) {
  createApiKey(input: {role: CUSTOMER, customerId: $c, name: "c"}) {
    secret
  }
}
    `) as unknown as TypedDocumentString<CouponsCreateApiKey2Mutation, CouponsCreateApiKey2MutationVariables>;
export const CouponsCouponDocument = new TypedDocumentString(`
    query CouponsCoupon {
  coupon(code: "SPRING20") {
    code
  }
}
    `) as unknown as TypedDocumentString<CouponsCouponQuery, CouponsCouponQueryVariables>;
export const CouponsApplyCoupon2Document = new TypedDocumentString(`
    mutation CouponsApplyCoupon2($c: ID!) {
  applyCoupon(input: {customerId: $c, couponCode: "BRIEF"}) {
    id
  }
}
    `) as unknown as TypedDocumentString<CouponsApplyCoupon2Mutation, CouponsApplyCoupon2MutationVariables>;
export const CouponsCreateContractDocument = new TypedDocumentString(`
    mutation CouponsCreateContract($input: CreateContractInput!) {
  createContract(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<CouponsCreateContractMutation, CouponsCreateContractMutationVariables>;
export const CouponsSubscriptionDocument = new TypedDocumentString(`
    query CouponsSubscription($id: ID!) {
  subscription(id: $id) {
    discount {
      ...CouponDiscountFields
    }
  }
}
    fragment CouponDiscountFields on Discount {
  id
  startsAt
  endsAt
  endedAt
  consumedAt
  promotionCode
  coupon {
    code
  }
  customer {
    id
  }
  subscription {
    id
  }
}`) as unknown as TypedDocumentString<CouponsSubscriptionQuery, CouponsSubscriptionQueryVariables>;
export const CouponsSubscription2Document = new TypedDocumentString(`
    query CouponsSubscription2($id: ID!) {
  subscription(id: $id) {
    discount {
      consumedAt
    }
  }
}
    `) as unknown as TypedDocumentString<CouponsSubscription2Query, CouponsSubscription2QueryVariables>;
export const CouponsSubscription3Document = new TypedDocumentString(`
    query CouponsSubscription3($id: ID!) {
  subscription(id: $id) {
    discount {
      endsAt
    }
  }
}
    `) as unknown as TypedDocumentString<CouponsSubscription3Query, CouponsSubscription3QueryVariables>;
export const CouponsCustomerDocument = new TypedDocumentString(`
    query CouponsCustomer($id: ID!) {
  customer(id: $id) {
    discount {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<CouponsCustomerQuery, CouponsCustomerQueryVariables>;
export const CouponsApplyCoupon3Document = new TypedDocumentString(`
    mutation CouponsApplyCoupon3($input: ApplyCouponInput!) {
  applyCoupon(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<CouponsApplyCoupon3Mutation, CouponsApplyCoupon3MutationVariables>;
export const CouponsChangeSubscriptionDocument = new TypedDocumentString(`
    mutation CouponsChangeSubscription($id: ID!) {
  changeSubscription(
    input: {id: $id, items: [{priceCode: "seat", quantity: "2"}]}
  ) {
    id
  }
}
    `) as unknown as TypedDocumentString<CouponsChangeSubscriptionMutation, CouponsChangeSubscriptionMutationVariables>;
export const CouponsChangeSubscription2Document = new TypedDocumentString(`
    mutation CouponsChangeSubscription2($id: ID!) {
  changeSubscription(
    input: {id: $id, items: [{priceCode: "seat", quantity: "4"}]}
  ) {
    id
  }
}
    `) as unknown as TypedDocumentString<CouponsChangeSubscription2Mutation, CouponsChangeSubscription2MutationVariables>;
export const CouponsSubscription4Document = new TypedDocumentString(`
    query CouponsSubscription4($id: ID!) {
  subscription(id: $id) {
    discount {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<CouponsSubscription4Query, CouponsSubscription4QueryVariables>;
export const CouponsRemoveDiscountDocument = new TypedDocumentString(`
    mutation CouponsRemoveDiscount($id: ID!) {
  removeDiscount(id: $id) {
    endedAt
  }
}
    `) as unknown as TypedDocumentString<CouponsRemoveDiscountMutation, CouponsRemoveDiscountMutationVariables>;
export const CouponsRemoveDiscount2Document = new TypedDocumentString(`
    mutation CouponsRemoveDiscount2($id: ID!) {
  removeDiscount(id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<CouponsRemoveDiscount2Mutation, CouponsRemoveDiscount2MutationVariables>;
export const CouponsPreviewQuoteDocument = new TypedDocumentString(`
    query CouponsPreviewQuote($input: PreviewQuoteInput!) {
  previewQuote(input: $input) {
    subtotal
    tax
    total
    lines {
      kind
      priceCode
      amount
      tax
      couponCode
      steps
    }
  }
}
    `) as unknown as TypedDocumentString<CouponsPreviewQuoteQuery, CouponsPreviewQuoteQueryVariables>;
export const CouponsAcceptQuoteDocument = new TypedDocumentString(`
    mutation CouponsAcceptQuote($id: ID!) {
  acceptQuote(id: $id) {
    id
    discount {
      coupon {
        code
      }
      startsAt
    }
  }
}
    `) as unknown as TypedDocumentString<CouponsAcceptQuoteMutation, CouponsAcceptQuoteMutationVariables>;
export const CouponsApplyCoupon4Document = new TypedDocumentString(`
    mutation CouponsApplyCoupon4($c: ID!) {
  applyCoupon(input: {customerId: $c, couponCode: "EV-REP"}) {
    id
  }
}
    `) as unknown as TypedDocumentString<CouponsApplyCoupon4Mutation, CouponsApplyCoupon4MutationVariables>;
export const CouponsApplyCoupon5Document = new TypedDocumentString(`
    mutation CouponsApplyCoupon5($s: ID!) {
  applyCoupon(input: {subscriptionId: $s, couponCode: "EV-REP"}) {
    id
  }
}
    `) as unknown as TypedDocumentString<CouponsApplyCoupon5Mutation, CouponsApplyCoupon5MutationVariables>;
export const CouponsRemoveDiscount3Document = new TypedDocumentString(`
    mutation CouponsRemoveDiscount3($id: ID!) {
  removeDiscount(id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<CouponsRemoveDiscount3Mutation, CouponsRemoveDiscount3MutationVariables>;
export const CouponsCreateQuoteDocument = new TypedDocumentString(`
    mutation CouponsCreateQuote($input: CreateQuoteInput!) {
  createQuote(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<CouponsCreateQuoteMutation, CouponsCreateQuoteMutationVariables>;
export const CouponsApplyCoupon6Document = new TypedDocumentString(`
    mutation CouponsApplyCoupon6($c: ID!) {
  applyCoupon(input: {customerId: $c, couponCode: "LAST-ONE"}) {
    id
  }
}
    `) as unknown as TypedDocumentString<CouponsApplyCoupon6Mutation, CouponsApplyCoupon6MutationVariables>;
export const CouponsSendQuoteDocument = new TypedDocumentString(`
    mutation CouponsSendQuote($id: ID!) {
  sendQuote(id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<CouponsSendQuoteMutation, CouponsSendQuoteMutationVariables>;
export const CouponsQuoteDocument = new TypedDocumentString(`
    query CouponsQuote($id: ID!) {
  quote(id: $id) {
    status
    total
  }
}
    `) as unknown as TypedDocumentString<CouponsQuoteQuery, CouponsQuoteQueryVariables>;
export const CouponsUpdateQuoteDocument = new TypedDocumentString(`
    mutation CouponsUpdateQuote($id: ID!) {
  updateQuote(id: $id, input: {couponCode: null}) {
    id
  }
}
    `) as unknown as TypedDocumentString<CouponsUpdateQuoteMutation, CouponsUpdateQuoteMutationVariables>;
export const CouponsSendQuote2Document = new TypedDocumentString(`
    mutation CouponsSendQuote2($id: ID!) {
  sendQuote(id: $id) {
    status
    total
    coupon {
      code
    }
  }
}
    `) as unknown as TypedDocumentString<CouponsSendQuote2Mutation, CouponsSendQuote2MutationVariables>;
export const CouponsCreateContract2Document = new TypedDocumentString(`
    mutation CouponsCreateContract2($input: CreateContractInput!) {
  createContract(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<CouponsCreateContract2Mutation, CouponsCreateContract2MutationVariables>;
export const CouponsApplyCoupon7Document = new TypedDocumentString(`
    mutation CouponsApplyCoupon7($c: ID!) {
  applyCoupon(input: {customerId: $c, couponCode: "B-REP"}) {
    id
  }
}
    `) as unknown as TypedDocumentString<CouponsApplyCoupon7Mutation, CouponsApplyCoupon7MutationVariables>;
export const CouponsApplyCoupon8Document = new TypedDocumentString(`
    mutation CouponsApplyCoupon8($s: ID!) {
  applyCoupon(input: {subscriptionId: $s, couponCode: "B-ONCE"}) {
    id
  }
}
    `) as unknown as TypedDocumentString<CouponsApplyCoupon8Mutation, CouponsApplyCoupon8MutationVariables>;
export const CouponsApplyCoupon9Document = new TypedDocumentString(`
    mutation CouponsApplyCoupon9($c: ID!) {
  applyCoupon(input: {customerId: $c, couponCode: "B-SHARED"}) {
    id
  }
}
    `) as unknown as TypedDocumentString<CouponsApplyCoupon9Mutation, CouponsApplyCoupon9MutationVariables>;
export const CreditNotesCreateDocument = new TypedDocumentString(`
    mutation CreditNotesCreate($input: CreateCreditNoteInput!) {
  createCreditNote(input: $input) {
    ...CreditNoteFields
  }
}
    fragment CreditNoteFields on CreditNote {
  id
  number
  currency
  reason
  subtotal
  tax
  total
  createdAt
  invoice {
    id
    amountCredited
    amountDue
  }
  customer {
    id
  }
  lines {
    invoiceLineId
    description
    amount
    tax
  }
}`) as unknown as TypedDocumentString<CreditNotesCreateMutation, CreditNotesCreateMutationVariables>;
export const CreditNotesVoidInvoiceDocument = new TypedDocumentString(`
    mutation CreditNotesVoidInvoice($id: ID!) {
  voidInvoice(id: $id) {
    ...CreditedInvoiceFields
  }
}
    fragment CreditedInvoiceFields on Invoice {
  id
  number
  status
  total
  tax
  amountDue
  amountCredited
  voidedAt
  lines {
    id
    amount
    tax
    proration
  }
  creditNotes {
    id
    number
    total
    lines {
      invoiceLineId
      amount
      tax
    }
  }
}`) as unknown as TypedDocumentString<CreditNotesVoidInvoiceMutation, CreditNotesVoidInvoiceMutationVariables>;
export const CreditNotesInvoiceByIdDocument = new TypedDocumentString(`
    query CreditNotesInvoiceById($id: ID!) {
  invoice(id: $id) {
    ...CreditedInvoiceFields
  }
}
    fragment CreditedInvoiceFields on Invoice {
  id
  number
  status
  total
  tax
  amountDue
  amountCredited
  voidedAt
  lines {
    id
    amount
    tax
    proration
  }
  creditNotes {
    id
    number
    total
    lines {
      invoiceLineId
      amount
      tax
    }
  }
}`) as unknown as TypedDocumentString<CreditNotesInvoiceByIdQuery, CreditNotesInvoiceByIdQueryVariables>;
export const CreditNotesNoteDocument = new TypedDocumentString(`
    query CreditNotesNote($id: ID!) {
  creditNote(id: $id) {
    ...CreditNoteFields
  }
}
    fragment CreditNoteFields on CreditNote {
  id
  number
  currency
  reason
  subtotal
  tax
  total
  createdAt
  invoice {
    id
    amountCredited
    amountDue
  }
  customer {
    id
  }
  lines {
    invoiceLineId
    description
    amount
    tax
  }
}`) as unknown as TypedDocumentString<CreditNotesNoteQuery, CreditNotesNoteQueryVariables>;
export const CreditNotesCreditNotesDocument = new TypedDocumentString(`
    query CreditNotesCreditNotes($first: Int, $after: String, $customerId: ID, $invoiceId: ID) {
  creditNotes(
    first: $first
    after: $after
    customerId: $customerId
    invoiceId: $invoiceId
  ) {
    edges {
      cursor
      node {
        id
        number
        customer {
          id
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<CreditNotesCreditNotesQuery, CreditNotesCreditNotesQueryVariables>;
export const CreditNotesCreateApiKeyDocument = new TypedDocumentString(`
    mutation CreditNotesCreateApiKey($input: CreateApiKeyInput!) {
  createApiKey(input: $input) {
    secret
  }
}
    `) as unknown as TypedDocumentString<CreditNotesCreateApiKeyMutation, CreditNotesCreateApiKeyMutationVariables>;
export const CreditNotesChangeSubscriptionDocument = new TypedDocumentString(`
    mutation CreditNotesChangeSubscription($id: ID!) {
  changeSubscription(
    input: {id: $id, prorationBehavior: ALWAYS_INVOICE, items: [{priceCode: "seat", quantity: "3"}]}
  ) {
    id
  }
}
    `) as unknown as TypedDocumentString<CreditNotesChangeSubscriptionMutation, CreditNotesChangeSubscriptionMutationVariables>;
export const CreditNotesRunBillingDocument = new TypedDocumentString(`
    mutation CreditNotesRunBilling($at: DateTime!) {
  runBilling(at: $at) {
    invoicesCreated
  }
}
    `) as unknown as TypedDocumentString<CreditNotesRunBillingMutation, CreditNotesRunBillingMutationVariables>;
export const CreditNotesInvoiceDocument = new TypedDocumentString(`
    query CreditNotesInvoice($id: ID!) {
  invoice(id: $id) {
    creditNotes {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<CreditNotesInvoiceQuery, CreditNotesInvoiceQueryVariables>;
export const DunningSetDunningPolicyDocument = new TypedDocumentString(`
    mutation DunningSetDunningPolicy($input: SetDunningPolicyInput!) {
  setDunningPolicy(input: $input) {
    retryAfterDays
  }
}
    `) as unknown as TypedDocumentString<DunningSetDunningPolicyMutation, DunningSetDunningPolicyMutationVariables>;
export const DunningAttachPaymentMethodDocument = new TypedDocumentString(`
    mutation DunningAttachPaymentMethod($input: AttachPaymentMethodInput!) {
  attachPaymentMethod(input: $input) {
    id
    provider
    label
    isDefault
  }
}
    `) as unknown as TypedDocumentString<DunningAttachPaymentMethodMutation, DunningAttachPaymentMethodMutationVariables>;
export const DunningAdvanceTestClockDocument = new TypedDocumentString(`
    mutation DunningAdvanceTestClock($id: ID!, $to: DateTime!) {
  advanceTestClock(id: $id, to: $to) {
    status
  }
}
    `) as unknown as TypedDocumentString<DunningAdvanceTestClockMutation, DunningAdvanceTestClockMutationVariables>;
export const DunningInvoicesDocument = new TypedDocumentString(`
    query DunningInvoices($c: ID) {
  invoices(customerId: $c, first: 10) {
    edges {
      node {
        ...DunningInvoiceFields
        periodStart
      }
    }
  }
}
    fragment DunningInvoiceFields on Invoice {
  id
  number
  status
  total
  amountDue
  amountPaid
  amountRemaining
  paidAt
  dueAt
  collectionMethod
  nextPaymentAttemptAt
  attempts {
    kind
    step
    at
    amount
    outcome
    error
    provider
    providerReference
  }
}`) as unknown as TypedDocumentString<DunningInvoicesQuery, DunningInvoicesQueryVariables>;
export const DunningSubscriptionDocument = new TypedDocumentString(`
    query DunningSubscription($id: ID!) {
  subscription(id: $id) {
    ...DunningSubscriptionFields
  }
}
    fragment DunningSubscriptionFields on Subscription {
  status
  version
  history {
    type
  }
}`) as unknown as TypedDocumentString<DunningSubscriptionQuery, DunningSubscriptionQueryVariables>;
export const DunningPaymentMethodsDocument = new TypedDocumentString(`
    query DunningPaymentMethods($c: ID!) {
  paymentMethods(customerId: $c) {
    id
  }
}
    `) as unknown as TypedDocumentString<DunningPaymentMethodsQuery, DunningPaymentMethodsQueryVariables>;
export const DunningDetachPaymentMethodDocument = new TypedDocumentString(`
    mutation DunningDetachPaymentMethod($id: ID!) {
  detachPaymentMethod(id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<DunningDetachPaymentMethodMutation, DunningDetachPaymentMethodMutationVariables>;
export const DunningPaymentMethods2Document = new TypedDocumentString(`
    query DunningPaymentMethods2($c: ID!) {
  paymentMethods(customerId: $c) {
    id
  }
}
    `) as unknown as TypedDocumentString<DunningPaymentMethods2Query, DunningPaymentMethods2QueryVariables>;
export const DunningVoidInvoiceDocument = new TypedDocumentString(`
    mutation DunningVoidInvoice($id: ID!) {
  voidInvoice(id: $id) {
    status
  }
}
    `) as unknown as TypedDocumentString<DunningVoidInvoiceMutation, DunningVoidInvoiceMutationVariables>;
export const DunningCreateCreditNoteDocument = new TypedDocumentString(`
    mutation DunningCreateCreditNote($id: ID!) {
  createCreditNote(input: {invoiceId: $id, reason: "goodwill"}) {
    total
  }
}
    `) as unknown as TypedDocumentString<DunningCreateCreditNoteMutation, DunningCreateCreditNoteMutationVariables>;
export const DunningRecordPaymentDocument = new TypedDocumentString(`
    mutation DunningRecordPayment($input: RecordPaymentInput!) {
  recordPayment(input: $input) {
    status
    amountPaid
    amountRemaining
    attempts {
      kind
      amount
      outcome
      providerReference
    }
  }
}
    `) as unknown as TypedDocumentString<DunningRecordPaymentMutation, DunningRecordPaymentMutationVariables>;
export const DunningPaymentMethods3Document = new TypedDocumentString(`
    query DunningPaymentMethods3($c: ID!) {
  paymentMethods(customerId: $c) {
    provider
    label
    isDefault
  }
}
    `) as unknown as TypedDocumentString<DunningPaymentMethods3Query, DunningPaymentMethods3QueryVariables>;
export const DunningCustomerDocument = new TypedDocumentString(`
    query DunningCustomer($id: ID!) {
  customer(id: $id) {
    testClock {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<DunningCustomerQuery, DunningCustomerQueryVariables>;
export const DunningRecordPayment2Document = new TypedDocumentString(`
    mutation DunningRecordPayment2($input: RecordPaymentInput!) {
  recordPayment(input: $input) {
    status
  }
}
    `) as unknown as TypedDocumentString<DunningRecordPayment2Mutation, DunningRecordPayment2MutationVariables>;
export const DunningCreateApiKeyDocument = new TypedDocumentString(`
    mutation DunningCreateApiKey {
  createApiKey(input: {role: SALES, name: "s"}) {
    secret
  }
}
    `) as unknown as TypedDocumentString<DunningCreateApiKeyMutation, DunningCreateApiKeyMutationVariables>;
export const DunningVoidInvoice2Document = new TypedDocumentString(`
    mutation DunningVoidInvoice2($id: ID!) {
  voidInvoice(id: $id) {
    status
  }
}
    `) as unknown as TypedDocumentString<DunningVoidInvoice2Mutation, DunningVoidInvoice2MutationVariables>;
export const DunningVoidInvoice3Document = new TypedDocumentString(`
    mutation DunningVoidInvoice3($id: ID!) {
  voidInvoice(id: $id) {
    status
  }
}
    `) as unknown as TypedDocumentString<DunningVoidInvoice3Mutation, DunningVoidInvoice3MutationVariables>;
export const DunningSetDunningPolicy2Document = new TypedDocumentString(`
    mutation DunningSetDunningPolicy2($input: SetDunningPolicyInput!) {
  setDunningPolicy(input: $input) {
    retryAfterDays
  }
}
    `) as unknown as TypedDocumentString<DunningSetDunningPolicy2Mutation, DunningSetDunningPolicy2MutationVariables>;
export const QuotesCreateQuoteDocument = new TypedDocumentString(`
    mutation QuotesCreateQuote($input: CreateQuoteInput!) {
  createQuote(input: $input) {
    ...QuoteFields
  }
}
    fragment QuoteFields on Quote {
  id
  status
  currency
  validUntil
  trialDays
  collection
  subtotal
  tax
  total
  notes
  sentAt
  acceptedAt
  declinedAt
  createdAt
  customer {
    id
  }
  lines {
    priceCode
    quantity
    priceVersion
    amount
    tax
    steps
  }
  subscription {
    id
    status
  }
}`) as unknown as TypedDocumentString<QuotesCreateQuoteMutation, QuotesCreateQuoteMutationVariables>;
export const QuotesUpdateQuoteDocument = new TypedDocumentString(`
    mutation QuotesUpdateQuote($id: ID!, $input: UpdateQuoteInput!) {
  updateQuote(id: $id, input: $input) {
    ...QuoteFields
  }
}
    fragment QuoteFields on Quote {
  id
  status
  currency
  validUntil
  trialDays
  collection
  subtotal
  tax
  total
  notes
  sentAt
  acceptedAt
  declinedAt
  createdAt
  customer {
    id
  }
  lines {
    priceCode
    quantity
    priceVersion
    amount
    tax
    steps
  }
  subscription {
    id
    status
  }
}`) as unknown as TypedDocumentString<QuotesUpdateQuoteMutation, QuotesUpdateQuoteMutationVariables>;
export const QuotesSendQuoteDocument = new TypedDocumentString(`
    mutation QuotesSendQuote($id: ID!) {
  sendQuote(id: $id) {
    ...QuoteFields
  }
}
    fragment QuoteFields on Quote {
  id
  status
  currency
  validUntil
  trialDays
  collection
  subtotal
  tax
  total
  notes
  sentAt
  acceptedAt
  declinedAt
  createdAt
  customer {
    id
  }
  lines {
    priceCode
    quantity
    priceVersion
    amount
    tax
    steps
  }
  subscription {
    id
    status
  }
}`) as unknown as TypedDocumentString<QuotesSendQuoteMutation, QuotesSendQuoteMutationVariables>;
export const QuotesAcceptQuoteDocument = new TypedDocumentString(`
    mutation QuotesAcceptQuote($id: ID!) {
  acceptQuote(id: $id) {
    ...QuoteSubscriptionFields
  }
}
    fragment QuoteSubscriptionFields on Subscription {
  id
  status
  collectionMethod
  trialEnd
  customer {
    id
  }
  items {
    priceCode
    quantity
    price {
      code
      version
    }
  }
}`) as unknown as TypedDocumentString<QuotesAcceptQuoteMutation, QuotesAcceptQuoteMutationVariables>;
export const QuotesDeclineQuoteDocument = new TypedDocumentString(`
    mutation QuotesDeclineQuote($id: ID!) {
  declineQuote(id: $id) {
    ...QuoteFields
  }
}
    fragment QuoteFields on Quote {
  id
  status
  currency
  validUntil
  trialDays
  collection
  subtotal
  tax
  total
  notes
  sentAt
  acceptedAt
  declinedAt
  createdAt
  customer {
    id
  }
  lines {
    priceCode
    quantity
    priceVersion
    amount
    tax
    steps
  }
  subscription {
    id
    status
  }
}`) as unknown as TypedDocumentString<QuotesDeclineQuoteMutation, QuotesDeclineQuoteMutationVariables>;
export const QuotesQuoteDocument = new TypedDocumentString(`
    query QuotesQuote($id: ID!) {
  quote(id: $id) {
    ...QuoteFields
  }
}
    fragment QuoteFields on Quote {
  id
  status
  currency
  validUntil
  trialDays
  collection
  subtotal
  tax
  total
  notes
  sentAt
  acceptedAt
  declinedAt
  createdAt
  customer {
    id
  }
  lines {
    priceCode
    quantity
    priceVersion
    amount
    tax
    steps
  }
  subscription {
    id
    status
  }
}`) as unknown as TypedDocumentString<QuotesQuoteQuery, QuotesQuoteQueryVariables>;
export const QuotesCreateApiKeyDocument = new TypedDocumentString(`
    mutation QuotesCreateApiKey($role: Role!, $c: ID) {
  createApiKey(input: {role: $role, customerId: $c, name: "k"}) {
    secret
  }
}
    `) as unknown as TypedDocumentString<QuotesCreateApiKeyMutation, QuotesCreateApiKeyMutationVariables>;
export const QuotesSubscriptionsDocument = new TypedDocumentString(`
    query QuotesSubscriptions($c: ID) {
  subscriptions(customerId: $c, first: 100) {
    edges {
      node {
        id
      }
    }
  }
}
    `) as unknown as TypedDocumentString<QuotesSubscriptionsQuery, QuotesSubscriptionsQueryVariables>;
export const QuotesArchivePriceDocument = new TypedDocumentString(`
    mutation QuotesArchivePrice {
  archivePrice(code: "old") {
    status
  }
}
    `) as unknown as TypedDocumentString<QuotesArchivePriceMutation, QuotesArchivePriceMutationVariables>;
export const QuotesCreateContractDocument = new TypedDocumentString(`
    mutation QuotesCreateContract($input: CreateContractInput!) {
  createContract(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<QuotesCreateContractMutation, QuotesCreateContractMutationVariables>;
export const QuotesUpdatePriceDocument = new TypedDocumentString(`
    mutation QuotesUpdatePrice {
  updatePrice(
    code: "pro"
    input: {rule: {kind: "per_unit", config: {unitAmount: "25.00"}}}
  ) {
    version
  }
}
    `) as unknown as TypedDocumentString<QuotesUpdatePriceMutation, QuotesUpdatePriceMutationVariables>;
export const QuotesUpdatePrice2Document = new TypedDocumentString(`
    mutation QuotesUpdatePrice2 {
  updatePrice(
    code: "seat"
    input: {rule: {kind: "per_unit", config: {unitAmount: "11.00"}}}
  ) {
    version
  }
}
    `) as unknown as TypedDocumentString<QuotesUpdatePrice2Mutation, QuotesUpdatePrice2MutationVariables>;
export const QuotesUpdatePrice3Document = new TypedDocumentString(`
    mutation QuotesUpdatePrice3 {
  updatePrice(
    code: "seat"
    input: {rule: {kind: "per_unit", config: {unitAmount: "10.00"}}}
  ) {
    version
  }
}
    `) as unknown as TypedDocumentString<QuotesUpdatePrice3Mutation, QuotesUpdatePrice3MutationVariables>;
export const QuotesUpdatePrice4Document = new TypedDocumentString(`
    mutation QuotesUpdatePrice4 {
  updatePrice(
    code: "team"
    input: {rule: {kind: "per_unit", config: {unitAmount: "8.00"}}}
  ) {
    version
  }
}
    `) as unknown as TypedDocumentString<QuotesUpdatePrice4Mutation, QuotesUpdatePrice4MutationVariables>;
export const QuotesQuotesDocument = new TypedDocumentString(`
    query QuotesQuotes($c: ID, $s: QuoteStatus) {
  quotes(customerId: $c, status: $s) {
    edges {
      node {
        id
        status
      }
    }
  }
}
    `) as unknown as TypedDocumentString<QuotesQuotesQuery, QuotesQuotesQueryVariables>;
export const QuotesArchivePrice2Document = new TypedDocumentString(`
    mutation QuotesArchivePrice2 {
  archivePrice(code: "legacy") {
    status
  }
}
    `) as unknown as TypedDocumentString<QuotesArchivePrice2Mutation, QuotesArchivePrice2MutationVariables>;
export const QuotesQuotes2Document = new TypedDocumentString(`
    query QuotesQuotes2($c: ID) {
  quotes(customerId: $c) {
    edges {
      node {
        id
      }
    }
  }
}
    `) as unknown as TypedDocumentString<QuotesQuotes2Query, QuotesQuotes2QueryVariables>;
export const QuotesQuotes3Document = new TypedDocumentString(`
    query QuotesQuotes3($c: ID, $after: String, $s: QuoteStatus) {
  quotes(customerId: $c, first: 2, after: $after, status: $s) {
    edges {
      cursor
      node {
        id
        status
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<QuotesQuotes3Query, QuotesQuotes3QueryVariables>;
export const SegmentsCreateCustomerDocument = new TypedDocumentString(`
    mutation SegmentsCreateCustomer($input: CreateCustomerInput!) {
  createCustomer(input: $input) {
    ...SegmentCustomerFields
  }
}
    fragment SegmentCustomerFields on Customer {
  id
  name
  tags
  metadata
}`) as unknown as TypedDocumentString<SegmentsCreateCustomerMutation, SegmentsCreateCustomerMutationVariables>;
export const SegmentsUpdateCustomerDocument = new TypedDocumentString(`
    mutation SegmentsUpdateCustomer($id: ID!, $input: UpdateCustomerInput!) {
  updateCustomer(id: $id, input: $input) {
    ...SegmentCustomerFields
  }
}
    fragment SegmentCustomerFields on Customer {
  id
  name
  tags
  metadata
}`) as unknown as TypedDocumentString<SegmentsUpdateCustomerMutation, SegmentsUpdateCustomerMutationVariables>;
export const SegmentsUpsertCustomerDocument = new TypedDocumentString(`
    mutation SegmentsUpsertCustomer($input: UpsertCustomerInput!) {
  upsertCustomer(input: $input) {
    outcome
    customer {
      ...SegmentCustomerFields
      updatedAt
    }
  }
}
    fragment SegmentCustomerFields on Customer {
  id
  name
  tags
  metadata
}`) as unknown as TypedDocumentString<SegmentsUpsertCustomerMutation, SegmentsUpsertCustomerMutationVariables>;
export const SegmentsCustomersDocument = new TypedDocumentString(`
    query SegmentsCustomers($first: Int, $after: String, $search: String, $filter: CustomerFilter) {
  customers(first: $first, after: $after, search: $search, filter: $filter) {
    edges {
      cursor
      node {
        id
        name
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<SegmentsCustomersQuery, SegmentsCustomersQueryVariables>;
export const SegmentsCreateApiKeyDocument = new TypedDocumentString(`
    mutation SegmentsCreateApiKey($input: CreateApiKeyInput!) {
  createApiKey(input: $input) {
    secret
  }
}
    `) as unknown as TypedDocumentString<SegmentsCreateApiKeyMutation, SegmentsCreateApiKeyMutationVariables>;
export const SegmentsCancelSubscriptionDocument = new TypedDocumentString(`
    mutation SegmentsCancelSubscription($id: ID!) {
  cancelSubscription(id: $id, atPeriodEnd: false) {
    status
  }
}
    `) as unknown as TypedDocumentString<SegmentsCancelSubscriptionMutation, SegmentsCancelSubscriptionMutationVariables>;
export const SegmentsCreateTestClockDocument = new TypedDocumentString(`
    mutation SegmentsCreateTestClock($at: DateTime!) {
  createTestClock(frozenTime: $at) {
    id
  }
}
    `) as unknown as TypedDocumentString<SegmentsCreateTestClockMutation, SegmentsCreateTestClockMutationVariables>;
export const SegmentsCancelSubscription2Document = new TypedDocumentString(`
    mutation SegmentsCancelSubscription2($id: ID!) {
  cancelSubscription(id: $id, atPeriodEnd: false) {
    status
  }
}
    `) as unknown as TypedDocumentString<SegmentsCancelSubscription2Mutation, SegmentsCancelSubscription2MutationVariables>;