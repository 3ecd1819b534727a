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
  /** sepa_debit only (then token is the mandate id): the mandate */
  sepaMandate?: SepaMandateInput | null | undefined;
  /** The provider's reference of the method: a sandbox test token (pm_sandbox_ok, …), or for manual the bank reference customers quote */
  token: string;
};

export type BankEntryStatus =
  | 'ASSIGNED'
  | 'IGNORED'
  | 'MATCHED'
  | 'UNMATCHED';

/** CAMT053: ISO 20022 camt.053 (.001.02 or .001.08); MT940: SWIFT */
export type BankStatementFormat =
  | 'CAMT053'
  | 'MT940';

export type BillingInterval =
  | 'MONTH'
  | 'ONE_TIME'
  | 'QUARTER'
  | 'YEAR';

export type ChangeSubscriptionInput = {
  /** Refused with CONFLICT unless it is the current version */
  expectedVersion?: number | null | undefined;
  id: string | number;
  /** The whole new list of items */
  items: Array<SubscriptionItemInput>;
  /** Default CREATE_PRORATIONS */
  prorationBehavior?: ProrationBehavior | null | undefined;
  /** Sets or replaces the purchase order number; omitted keeps it (one is required when the customer’s purchaseOrderRequired is set) */
  purchaseOrderNumber?: string | null | undefined;
};

/** Only the accounts given change */
export type ChartOfAccountsInput = {
  badDebt?: LedgerAccountInput | null | undefined;
  bank?: LedgerAccountInput | null | undefined;
  customerCredit?: LedgerAccountInput | null | undefined;
  deferredRevenue?: LedgerAccountInput | null | undefined;
  receivables?: LedgerAccountInput | null | undefined;
  refundsClearing?: LedgerAccountInput | null | undefined;
  revenue?: LedgerAccountInput | null | undefined;
  vatPayable?: LedgerAccountInput | null | undefined;
};

export type CollectionMethod =
  | 'CHARGE_AUTOMATICALLY'
  | 'SEND_INVOICE';

/** What a contact does for its customer; a portal session for the contact acts with it */
export type ContactRole =
  /** Pays (payment methods) and downloads invoices; changes no subscription */
  | 'ACCOUNTS_PAYABLE'
  /** Everything the portal allows */
  | 'ADMIN'
  /** Approves quotes and orders; reads in the portal */
  | 'APPROVER'
  /** Changes quantities and plans (self-service); neither pays nor cancels */
  | 'BUYER'
  /** Reads; changes and downloads nothing */
  | 'VIEWER';

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
  /** What creditExposure may reach, in the customer currency (at least 0, at most its minor unit decimals); omitted or null: no limit. Setting one needs an ADMIN key */
  creditLimit?: string | null | undefined;
  currency: string;
  email: string;
  /** At most 20; each unique per system */
  externalIds?: Array<ExternalIdInput> | null | undefined;
  invoiceDrafts?: boolean | null | undefined;
  /** Default SELF; PARENT needs a parent */
  invoiceTo?: InvoiceRecipient | null | undefined;
  /** At most 50 keys of at most 40 characters; values are strings (at most 500 characters), numbers, booleans or null */
  metadata?: Record<string, unknown> | null | undefined;
  name: string;
  /** The parent in a company group (same currency, no cycles); null removes it on update, absent keeps it */
  parentId?: string | number | null | undefined;
  /** 0 to 365; omitted: the seller's defaultPaymentTermsDays (30 unless set). Not for STOREFRONT keys */
  paymentTermsDays?: number | null | undefined;
  /** Due at the end of the month in which finalization + paymentTermsDays falls; omitted: the seller's default (false unless set) */
  paymentTermsEndOfMonth?: boolean | null | undefined;
  /** Default false: subscriptions, changes and quotes then need a purchase order number */
  purchaseOrderRequired?: boolean | null | undefined;
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

export type CreatePriceInput = {
  code: string;
  currency: string;
  interval: BillingInterval;
  intervalCount?: number;
  productCode: string;
  rule: PricingRuleInput;
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
  /** The buyer’s purchase order: 1 to 100 characters, no control characters; required when the customer’s purchaseOrderRequired is set */
  purchaseOrderNumber?: string | null | undefined;
  /** 0 to 730; default 0 */
  trialDays?: number | null | undefined;
  /** In the future; default: the quote does not expire */
  validUntil?: string | null | undefined;
};

export type CreateSubscriptionInput = {
  /** Default CHARGE_AUTOMATICALLY */
  collection?: CollectionMethod | null | undefined;
  /** A coupon redeemed for it from its start (or promotionCode) */
  couponCode?: string | null | undefined;
  customerId: string | number;
  /** Goods: its PHYSICAL items go on an order per delivery date; required when it has any */
  delivery?: DeliveryInput | null | undefined;
  items: Array<SubscriptionItemInput>;
  /** One of the customer's locations: where it is used or delivered (consolidated invoices name it) */
  locationId?: string | number | null | undefined;
  /** A promotion code redeemed for it from its start (or couponCode) */
  promotionCode?: string | null | undefined;
  /** The buyer’s purchase order: 1 to 100 characters, no control characters; required when the customer’s purchaseOrderRequired is set */
  purchaseOrderNumber?: string | null | undefined;
  /** Default now; a future start waits (INCOMPLETE) */
  startsAt?: string | null | undefined;
  trialDays?: number | null | undefined;
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
  /** mrrMin and mrrMax compare the MRR of everything billed through the customer (itself and its company-group members billed to it) */
  mrrRollUp?: boolean | null | undefined;
  /** true: has a creditLimit and its creditExposure is above it; false: has no limit or is within it */
  overCreditLimit?: boolean | null | undefined;
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

/** Who a customer counts as in customer counts, ARPA, logo churn and cohorts */
export type CustomerGrouping =
  /** Each customer on its own */
  | 'CUSTOMER'
  /** Each customer as its payer today: a company-group member billed to its parent counts as that parent */
  | 'PAYER';

export type DeliveryInput = {
  /** Default SHIPMENT */
  billOn?: OrderBilling | null | undefined;
  every: number;
  /** Default: when the subscription starts */
  firstDeliveryAt?: string | null | undefined;
  /** The ship-to location: one of the customer's */
  locationId: string | number;
  unit: DeliveryUnit;
};

export type DeliveryUnit =
  | 'DAY'
  | 'MONTH'
  | 'WEEK';

/** What a document link opens as (docs/documents.md) */
export type DocumentFormat =
  /** EN 16931 e-invoice, UN/CEFACT CII D16B (invoices only) */
  | 'CII'
  /** A printable page */
  | 'HTML'
  /** application/pdf */
  | 'PDF'
  /** EN 16931 e-invoice, OASIS UBL 2.1 (invoices only) */
  | 'UBL';

export type DunningFinalAction =
  | 'CANCEL_SUBSCRIPTION'
  | 'LEAVE_PAST_DUE'
  | 'MARK_UNCOLLECTIBLE';

/** The two syntaxes of EN 16931 */
export type EInvoiceSyntax =
  /** UN/CEFACT Cross Industry Invoice D16B */
  | 'CII'
  /** OASIS UBL 2.1 */
  | 'UBL';

/** PENDING (waiting for an attempt), SENT (the SMTP server accepted it), FAILED (refused for good, or given up after 3 days) */
export type EmailDeliveryStatus =
  | 'FAILED'
  | 'PENDING'
  | 'SENT';

export type ExternalIdInput = {
  id: string;
  /** The other system, e.g. SAP, SALESFORCE, STRIPE */
  system: string;
};

/** JSONL: one JSON object per line; CSV: a header row naming the fields, a shipment one row per line (docs/feeds.md) */
export type FeedFormat =
  | 'CSV'
  | 'JSONL';

/** PRODUCT (PIM, through upsertProduct), STOCK (WMS, through setInventoryLevels), SHIPMENT (WMS, through recordShipment) */
export type FeedType =
  | 'PRODUCT'
  | 'SHIPMENT'
  | 'STOCK';

export type ImportBankStatementInput = {
  /** The statement file as text (XML for camt.053) */
  content: string;
  format: BankStatementFormat;
};

export type ImportFeedInput = {
  /** The feed itself, within the request size limit; larger feeds go through `npm run feed` */
  content: string;
  format: FeedFormat;
  /** The external id system of records that name none */
  system?: string | null | undefined;
  type: FeedType;
};

export type InvoiceLineKind =
  | 'ADJUSTMENT'
  | 'DISCOUNT'
  | 'MINIMUM_COMMITMENT'
  | 'PRORATION'
  | 'RECURRING'
  | 'USAGE';

/** Who pays a customer's invoices: SELF, or PARENT (its lines go on the paying ancestor's consolidated invoices) */
export type InvoiceRecipient =
  | 'PARENT'
  | 'SELF';

export type InvoiceStatus =
  | 'DRAFT'
  | 'OPEN'
  | 'PAID'
  | 'UNCOLLECTIBLE'
  | 'VOID';

/** Only the fields given change */
export type LedgerAccountInput = {
  /** Hierarchical with ':' ('Assets:Bank'); no tab, ';' or double space */
  name?: string | null | undefined;
  /** 1 to 20 letters, digits or . - _ / */
  number?: string | null | undefined;
};

export type OrderBilling =
  | 'ORDER'
  | 'SHIPMENT';

export type OrderStatus =
  | 'BACKORDERED'
  | 'CANCELED'
  | 'DELIVERED'
  | 'PARTIALLY_SHIPPED'
  | 'PLACED'
  | 'SCHEDULED'
  | 'SHIPPED'
  | 'SKIPPED';

export type PaymentAttemptKind =
  | 'CHARGE'
  | 'DIRECT_DEBIT'
  | 'MANUAL'
  | 'REFUND'
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

export type PricingRuleInput = {
  /** The kind's config: its shape is the kind's `configSchema` in `pricingRuleKinds` (a JSON Schema), checked when the price is created */
  config: Record<string, unknown>;
  /** One of `pricingRuleKinds`: built in are flat, per_unit, graduated, volume, package, usage, bundle and formula; pricing plugins add others */
  kind: string;
};

/** SERVICE bills per period; PHYSICAL goods go on orders and ship */
export type ProductKind =
  | 'PHYSICAL'
  | 'SERVICE';

export type ProrationBehavior =
  | 'ALWAYS_INVOICE'
  | 'CREATE_PRORATIONS'
  | 'NONE';

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

export type ScheduleChangeInput = {
  expectedVersion?: number | null | undefined;
  id: string | number;
  /** The whole item list from the next period on */
  items: Array<SubscriptionItemInput>;
  /** Sets or replaces the purchase order number; omitted keeps it (one is required when the customer’s purchaseOrderRequired is set) */
  purchaseOrderNumber?: string | null | undefined;
};

export type SepaMandateInput = {
  /** The account holder as the mandate names them (at most 70 characters) */
  accountHolder: string;
  /** The debtor's bank (8 or 11 characters); optional within SEPA */
  bic?: string | null | undefined;
  /** The debtor's IBAN: spaces and case ignored, country format and check digits verified (ibantools) */
  iban: string;
  /** FRST (default) for a mandate never collected; RCUR for one already collected under */
  sequence?: string | null | undefined;
  /** When the debtor signed the mandate (not in the future) */
  signatureDate: string;
};

export type SetDunningPolicyInput = {
  finalAction: DunningFinalAction;
  /** Default 0 */
  graceDays?: number | null | undefined;
  /** e.g. [1, 3, 5, 7]: ascending, 1 to 365, at most 10 */
  retryAfterDays: Array<number>;
};

/** What placing an order does when stock is short: BACKORDER the rest, SKIP_LINE (drop the rest), HOLD_ORDER (hold it all) */
export type StockPolicy =
  | 'BACKORDER'
  | 'HOLD_ORDER'
  | 'SKIP_LINE';

export type SubscriptionItemInput = {
  priceCode: string;
  quantity: string;
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
  /** Omitted: kept; null: no limit. May be set below the current exposure (the customer is then over its limit) */
  creditLimit?: string | null | undefined;
  email?: string | null | undefined;
  /** Replaces the whole set when given */
  externalIds?: Array<ExternalIdInput> | null | undefined;
  invoiceDrafts?: boolean | null | undefined;
  /** Default SELF; PARENT needs a parent */
  invoiceTo?: InvoiceRecipient | null | undefined;
  /** Replaces the whole object when given ({} clears it) */
  metadata?: Record<string, unknown> | null | undefined;
  name?: string | null | undefined;
  /** The parent in a company group (same currency, no cycles); null removes it on update, absent keeps it */
  parentId?: string | number | null | undefined;
  /** Applies to invoices finalized from now on */
  paymentTermsDays?: number | null | undefined;
  /** Applies to invoices finalized from now on */
  paymentTermsEndOfMonth?: boolean | null | undefined;
  /** From now on; subscriptions without a number get one with their next change (changeSubscription refuses without) */
  purchaseOrderRequired?: boolean | null | undefined;
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
  /** Sets or replaces the purchase order number; omitted keeps it (one is required when the customer’s purchaseOrderRequired is set) */
  purchaseOrderNumber?: string | null | undefined;
  trialDays?: number | null | undefined;
  /** null: the quote does not expire */
  validUntil?: string | null | undefined;
};

/** Only the fields given change */
export type UpdateSellerSettingsInput = {
  /** null clears it */
  address?: AddressInput | null | undefined;
  /** At most 6 lines */
  addressLines?: Array<string> | null | undefined;
  allowSelfServiceCancel?: boolean | null | undefined;
  allowSelfServicePause?: boolean | null | undefined;
  allowSelfServiceQuantityChange?: boolean | null | undefined;
  /** 8 or 11 characters, format and country verified; null clears it */
  bic?: string | null | undefined;
  /** The general ledger's accounts; no two roles on one account name */
  chartOfAccounts?: ChartOfAccountsInput | null | undefined;
  /** For customers created from now on without terms; 0 to 365 */
  defaultPaymentTermsDays?: number | null | undefined;
  /** For customers created from now on without terms */
  defaultPaymentTermsEndOfMonth?: boolean | null | undefined;
  /** Above 0, at most 100, 4 decimals; null clears it (refused while taxByShipTo is on) */
  domesticTaxRate?: string | null | undefined;
  /** Finalize every invoice as an EN 16931 e-invoice (docs/e-invoices.md) */
  eInvoicing?: boolean | null | undefined;
  /** null clears it */
  email?: string | null | undefined;
  /** Spaces and case ignored; country format and check digits verified (ibantools, no bank lookup); null clears it */
  iban?: string | null | undefined;
  /** 0 (no invoice.due_soon) to 90 days */
  invoiceDueSoonDays?: number | null | undefined;
  /** null clears it */
  legalName?: string | null | undefined;
  name?: string | null | undefined;
  /** 0 to 30 days */
  orderLeadDays?: number | null | undefined;
  /** At most 50 characters; null clears it */
  registrationNumber?: string | null | undefined;
  /** Current, recurring prices; at most 50 */
  selfServicePriceCodes?: Array<string> | null | undefined;
  /** The SEPA creditor identifier (e.g. DE98ZZZ09999999999), check digits verified; null clears it */
  sepaCreditorId?: string | null | undefined;
  /** Tax orders by their ship-to location's country; on needs address and domesticTaxRate */
  taxByShipTo?: boolean | null | undefined;
  /** null clears it */
  taxId?: string | null | undefined;
  /** With its country's prefix (Greece: EL), format-checked for the address's country (no VIES lookup); null clears it */
  vatId?: string | null | undefined;
};

/** The customer's whole state in the syncing system, found by its id there */
export type UpsertCustomerInput = {
  /** Omitted or null: kept (none for a new customer) */
  billingAddress?: AddressInput | null | undefined;
  /** Omitted or null: kept (no limit for a new customer); updateCustomer with null lifts a limit */
  creditLimit?: string | null | undefined;
  /** Can change only while the customer has no subscriptions, invoices, contracts or quotes */
  currency: string;
  email: string;
  /** Finds the customer; a new one is created with it */
  externalId: ExternalIdInput;
  /** Omitted: kept (false for a new customer) */
  invoiceDrafts?: boolean | null | undefined;
  /** Omitted: kept (SELF for a new customer); PARENT needs a parent */
  invoiceTo?: InvoiceRecipient | null | undefined;
  /** Omitted: kept (none for a new customer); given: the whole object */
  metadata?: Record<string, unknown> | null | undefined;
  name: string;
  /** The parent in a company group; omitted or null: kept (none for a new customer) */
  parentId?: string | number | null | undefined;
  /** 0 to 365; omitted: kept (the seller's default terms for a new customer) */
  paymentTermsDays?: number | null | undefined;
  /** Omitted: kept (the seller's default for a new customer) */
  paymentTermsEndOfMonth?: boolean | null | undefined;
  /** Omitted or null: kept (false for a new customer) */
  purchaseOrderRequired?: boolean | null | undefined;
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

export type BankStatementsImportMutationVariables = Exact<{
  input: ImportBankStatementInput;
}>;


export type BankStatementsImportMutation = { importBankStatement: { id: string, statementId: string, entries: number, matched: number, unmatched: Array<{ id: string, amount: string, currency: string, credit: boolean, bookingDate: string | null, debtorName: string | null, debtorIban: string | null, remittanceInformation: string, reference: string | null, status: BankEntryStatus, customerId: string | null }> } };

export type BankStatementsAssignMutationVariables = Exact<{
  id: string | number;
  invoiceId?: string | number | null | undefined;
  customerId?: string | number | null | undefined;
}>;


export type BankStatementsAssignMutation = { assignBankEntry: { id: string, status: BankEntryStatus, customerId: string | null } };

export type BankStatementsCustomerQueryVariables = Exact<{
  id: string | number;
}>;


export type BankStatementsCustomerQuery = { customer: { id: string, creditBalance: string } | null };

export type BankStatementsInvoicesQueryVariables = Exact<{
  customerId: string | number;
}>;


export type BankStatementsInvoicesQuery = { invoices: { edges: Array<{ node: { id: string, number: string | null, status: InvoiceStatus, paymentReference: string, amountRemaining: string } }> } };

export type BankStatementsKeyMutationVariables = Exact<{
  input: CreateApiKeyInput;
}>;


export type BankStatementsKeyMutation = { createApiKey: { secret: string } };

export type GroupAnalyticsCreateCustomerMutationVariables = Exact<{
  input: CreateCustomerInput;
}>;


export type GroupAnalyticsCreateCustomerMutation = { createCustomer: { id: string } };

export type GroupAnalyticsUpdateCustomerMutationVariables = Exact<{
  id: string | number;
  input: UpdateCustomerInput;
}>;


export type GroupAnalyticsUpdateCustomerMutation = { updateCustomer: { id: string, payer: { id: string } | null } };

export type GroupAnalyticsCancelMutationVariables = Exact<{
  id: string | number;
}>;


export type GroupAnalyticsCancelMutation = { cancelSubscription: { status: SubscriptionStatus } };

export type GroupAnalyticsMetricsQueryVariables = Exact<{
  from: string;
  to: string;
  currency: string;
  by: CustomerGrouping;
}>;


export type GroupAnalyticsMetricsQuery = { revenueMetrics: Array<{ periodStart: string, startMrr: string, newMrr: string, expansionMrr: string, reactivationMrr: string, contractionMrr: string, churnedMrr: string, mrr: string, arr: string, activeCustomers: number, arpa: string | null, logoChurnRate: string | null, grossRevenueRetention: string | null, netRevenueRetention: string | null }> };

export type GroupAnalyticsCohortsQueryVariables = Exact<{
  from: string;
  to: string;
  currency: string;
  by: CustomerGrouping;
}>;


export type GroupAnalyticsCohortsQuery = { cohorts: Array<{ month: string, customers: number, startMrr: string, months: Array<{ offset: number, customers: number, mrr: string }> }> };

export type GroupAnalyticsCustomerMrrQueryVariables = Exact<{
  id: string | number;
}>;


export type GroupAnalyticsCustomerMrrQuery = { customer: { own: string | null, rolledUp: string | null, inUsd: string | null } | null };

export type GroupAnalyticsSegmentQueryVariables = Exact<{
  filter: CustomerFilter;
}>;


export type GroupAnalyticsSegmentQuery = { customers: { edges: Array<{ node: { id: string } }> } };

export type GroupPortalCreateCustomerMutationVariables = Exact<{
  input: CreateCustomerInput;
}>;


export type GroupPortalCreateCustomerMutation = { createCustomer: { id: string } };

export type GroupPortalInvoicesQueryVariables = Exact<{
  c?: string | number | null | undefined;
}>;


export type GroupPortalInvoicesQuery = { invoices: { edges: Array<{ node: { id: string, number: string | null, finalizedAt: string | null, total: string, lines: Array<{ id: string, description: string, amount: string, tax: string, periodStart: string | null, periodEnd: string | null, customerId: string, subscriptionId: string | null, locationId: string | null }> } }> } };

export type GroupPortalConsumptionQueryVariables = Exact<{
  id: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type GroupPortalConsumptionQuery = { customer: { consumption: { edges: Array<{ cursor: string, node: { id: string, invoiceNumber: string, issuedAt: string, currency: string, kind: InvoiceLineKind, description: string, quantity: string, amount: string, tax: string, periodStart: string | null, periodEnd: string | null, subscriptionId: string | null, locationId: string | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } | null };

export type GroupPortalInvoiceQueryVariables = Exact<{
  id: string | number;
}>;


export type GroupPortalInvoiceQuery = { invoice: { id: string, total: string } | null };

export type GroupPortalParentQueryVariables = Exact<{
  id: string | number;
}>;


export type GroupPortalParentQuery = { customer: { id: string } | null };

export type GroupPortalSessionMutationVariables = Exact<{
  c: string | number;
  contact?: string | number | null | undefined;
}>;


export type GroupPortalSessionMutation = { createPortalSession: { url: string } };

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

export type CreditLimitsCustomerFieldsFragment = { id: string, currency: string, creditLimit: string | null, creditExposure: string };

export type CreditLimitsCreateCustomerMutationVariables = Exact<{
  input: CreateCustomerInput;
}>;


export type CreditLimitsCreateCustomerMutation = { createCustomer: { id: string, currency: string, creditLimit: string | null, creditExposure: string } };

export type CreditLimitsUpdateCustomerMutationVariables = Exact<{
  id: string | number;
  input: UpdateCustomerInput;
}>;


export type CreditLimitsUpdateCustomerMutation = { updateCustomer: { id: string, currency: string, creditLimit: string | null, creditExposure: string } };

export type CreditLimitsUpsertCustomerMutationVariables = Exact<{
  input: UpsertCustomerInput;
}>;


export type CreditLimitsUpsertCustomerMutation = { upsertCustomer: { outcome: UpsertOutcome, customer: { id: string, currency: string, creditLimit: string | null, creditExposure: string } } };

export type CreditLimitsReadCustomerQueryVariables = Exact<{
  id: string | number;
}>;


export type CreditLimitsReadCustomerQuery = { customer: { id: string, currency: string, creditLimit: string | null, creditExposure: string } | null };

export type CreditLimitsSubscribeMutationVariables = Exact<{
  input: CreateSubscriptionInput;
}>;


export type CreditLimitsSubscribeMutation = { createSubscription: { id: string, version: number, status: SubscriptionStatus } };

export type CreditLimitsChangeMutationVariables = Exact<{
  input: ChangeSubscriptionInput;
}>;


export type CreditLimitsChangeMutation = { changeSubscription: { id: string, version: number } };

export type CreditLimitsScheduleMutationVariables = Exact<{
  input: ScheduleChangeInput;
}>;


export type CreditLimitsScheduleMutation = { scheduleChange: { effectiveAt: string } };

export type CreditLimitsInvoicesQueryVariables = Exact<{
  customerId?: string | number | null | undefined;
}>;


export type CreditLimitsInvoicesQuery = { invoices: { edges: Array<{ node: { id: string, status: InvoiceStatus, total: string, amountRemaining: string } }> } };

export type CreditLimitsPayMutationVariables = Exact<{
  input: RecordPaymentInput;
}>;


export type CreditLimitsPayMutation = { recordPayment: { id: string, status: InvoiceStatus } };

export type CreditLimitsCreateQuoteMutationVariables = Exact<{
  input: CreateQuoteInput;
}>;


export type CreditLimitsCreateQuoteMutation = { createQuote: { id: string } };

export type CreditLimitsSendQuoteMutationVariables = Exact<{
  id: string | number;
}>;


export type CreditLimitsSendQuoteMutation = { sendQuote: { id: string, status: QuoteStatus, total: string | null } };

export type CreditLimitsAcceptQuoteMutationVariables = Exact<{
  id: string | number;
}>;


export type CreditLimitsAcceptQuoteMutation = { acceptQuote: { id: string } };

export type CreditLimitsReadQuoteQueryVariables = Exact<{
  id: string | number;
}>;


export type CreditLimitsReadQuoteQuery = { quote: { status: QuoteStatus } | null };

export type CreditLimitsOverLimitQueryVariables = Exact<{
  filter?: CustomerFilter | null | undefined;
}>;


export type CreditLimitsOverLimitQuery = { customers: { edges: Array<{ node: { id: string, creditLimit: string | null, creditExposure: string } }> } };

export type CreditLimitsPortalSessionMutationVariables = Exact<{
  customerId: string | number;
}>;


export type CreditLimitsPortalSessionMutation = { createPortalSession: { url: string } };

export type CreditLimitsSettingsMutationVariables = Exact<{
  input: UpdateSellerSettingsInput;
}>;


export type CreditLimitsSettingsMutation = { updateSellerSettings: { allowSelfServiceQuantityChange: boolean } };

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

export type DocumentsInvoiceQueryVariables = Exact<{
  id: string | number;
  format: DocumentFormat;
}>;


export type DocumentsInvoiceQuery = { invoice: { number: string | null, total: string, amountDue: string, dueAt: string | null, documentUrl: string } | null };

export type DocumentsCreditNoteQueryVariables = Exact<{
  id: string | number;
  format: DocumentFormat;
}>;


export type DocumentsCreditNoteQuery = { creditNote: { number: string, total: string, documentUrl: string } | null };

export type DocumentsQuoteQueryVariables = Exact<{
  id: string | number;
  format: DocumentFormat;
}>;


export type DocumentsQuoteQuery = { quote: { number: string, total: string | null, documentUrl: string } | null };

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

export type EInvoicesSettingsMutationVariables = Exact<{
  input: UpdateSellerSettingsInput;
}>;


export type EInvoicesSettingsMutation = { updateSellerSettings: { iban: string | null, bic: string | null } };

export type EInvoicesInvoiceQueryVariables = Exact<{
  id: string | number;
  syntax: EInvoiceSyntax;
}>;


export type EInvoicesInvoiceQuery = { invoice: { id: string, number: string | null, status: InvoiceStatus, total: string, amountDue: string, eInvoice: string, lines: Array<{ id: string, kind: InvoiceLineKind, amount: string }> } | null };

export type EInvoicesCreditNoteQueryVariables = Exact<{
  id: string | number;
  syntax: EInvoiceSyntax;
}>;


export type EInvoicesCreditNoteQuery = { creditNote: { total: string, eInvoice: string } | null };

export type EInvoicesInvoiceIdsQueryVariables = Exact<{
  customerId: string | number;
}>;


export type EInvoicesInvoiceIdsQuery = { invoices: { edges: Array<{ node: { id: string, status: InvoiceStatus, lines: Array<{ proration: boolean }> } }> } };

export type FeedsImportMutationVariables = Exact<{
  input: ImportFeedInput;
}>;


export type FeedsImportMutation = { importFeed: { type: FeedType, applied: number, unchanged: number, rejected: number, rejections: Array<{ line: number, field: string | null, code: string, message: string, reason: string | null }> } };

export type FeedsProductQueryVariables = Exact<{
  system: string;
  id: string;
}>;


export type FeedsProductQuery = { productByExternalId: { code: string, name: string, kind: ProductKind, sku: string | null, stockPolicy: StockPolicy | null, inventory: { available: string, asOf: string } | null } | null };

export type FeedsOrderQueryVariables = Exact<{
  id: string | number;
}>;


export type FeedsOrderQuery = { order: { id: string, number: string, status: OrderStatus, lines: Array<{ sku: string, quantity: string, quantityShipped: string, quantityBackordered: string }>, shipments: Array<{ externalId: string, carrier: string | null, trackingNumber: string | null, lines: Array<{ sku: string, quantity: string }> }>, invoices: Array<{ total: string }> } | null };

export type PaymentTermsInvoiceFieldsFragment = { id: string, status: InvoiceStatus, collectionMethod: CollectionMethod | null, total: string, finalizedAt: string | null, dueAt: string | null, paidAt: string | null, nextPaymentAttemptAt: string | null, amountRemaining: string, attempts: Array<{ kind: PaymentAttemptKind, step: number | null, at: string, outcome: string }> };

export type PaymentTermsInvoicesQueryVariables = Exact<{
  customerId: string | number;
}>;


export type PaymentTermsInvoicesQuery = { invoices: { edges: Array<{ node: { id: string, status: InvoiceStatus, collectionMethod: CollectionMethod | null, total: string, finalizedAt: string | null, dueAt: string | null, paidAt: string | null, nextPaymentAttemptAt: string | null, amountRemaining: string, attempts: Array<{ kind: PaymentAttemptKind, step: number | null, at: string, outcome: string }> } }> } };

export type PaymentTermsCustomerQueryVariables = Exact<{
  id: string | number;
}>;


export type PaymentTermsCustomerQuery = { customer: { id: string, paymentTermsDays: number, paymentTermsEndOfMonth: boolean } | null };

export type PaymentTermsUpdateSellerSettingsMutationVariables = Exact<{
  input: UpdateSellerSettingsInput;
}>;


export type PaymentTermsUpdateSellerSettingsMutation = { updateSellerSettings: { defaultPaymentTermsDays: number, defaultPaymentTermsEndOfMonth: boolean, invoiceDueSoonDays: number } };

export type PaymentTermsAdvanceTestClockMutationVariables = Exact<{
  id: string | number;
  to: string;
}>;


export type PaymentTermsAdvanceTestClockMutation = { advanceTestClock: { frozenTime: string, status: TestClockStatus } };

export type PaymentTermsRecordPaymentMutationVariables = Exact<{
  input: RecordPaymentInput;
}>;


export type PaymentTermsRecordPaymentMutation = { recordPayment: { status: InvoiceStatus, amountRemaining: string } };

export type PricingPluginsKindsQueryVariables = Exact<{ [key: string]: never; }>;


export type PricingPluginsKindsQuery = { pricingRuleKinds: Array<{ kind: string, builtIn: boolean, configSchema: Record<string, unknown> }> };

export type PricingPluginsCreatePriceMutationVariables = Exact<{
  input: CreatePriceInput;
}>;


export type PricingPluginsCreatePriceMutation = { createPrice: { code: string, rule: { kind: string, config: Record<string, unknown> } } };

export type PricingPluginsPreviewQueryVariables = Exact<{
  input: PreviewQuoteInput;
}>;


export type PricingPluginsPreviewQuery = { previewQuote: { subtotal: string, total: string, lines: Array<{ priceCode: string, quantity: string, amount: string, steps: Array<string> }> } };

export type PurchaseOrdersInvoiceFragment = { id: string, number: string | null, status: InvoiceStatus, purchaseOrderNumber: string | null, periodStart: string | null, subscription: { id: string } | null, lines: Array<{ kind: InvoiceLineKind, proration: boolean, purchaseOrderNumber: string | null }> };

export type PurchaseOrdersCreateCustomerMutationVariables = Exact<{
  input: CreateCustomerInput;
}>;


export type PurchaseOrdersCreateCustomerMutation = { createCustomer: { id: string, purchaseOrderRequired: boolean } };

export type PurchaseOrdersUpdateCustomerMutationVariables = Exact<{
  id: string | number;
  input: UpdateCustomerInput;
}>;


export type PurchaseOrdersUpdateCustomerMutation = { updateCustomer: { id: string, purchaseOrderRequired: boolean } };

export type PurchaseOrdersUpsertCustomerMutationVariables = Exact<{
  input: UpsertCustomerInput;
}>;


export type PurchaseOrdersUpsertCustomerMutation = { upsertCustomer: { outcome: UpsertOutcome, customer: { id: string, purchaseOrderRequired: boolean } } };

export type PurchaseOrdersSubscribeMutationVariables = Exact<{
  input: CreateSubscriptionInput;
}>;


export type PurchaseOrdersSubscribeMutation = { createSubscription: { id: string, status: SubscriptionStatus, purchaseOrderNumber: string | null } };

export type PurchaseOrdersChangeMutationVariables = Exact<{
  input: ChangeSubscriptionInput;
}>;


export type PurchaseOrdersChangeMutation = { changeSubscription: { id: string, version: number, purchaseOrderNumber: string | null, history: Array<{ type: string, data: Record<string, unknown> }> } };

export type PurchaseOrdersPreviewChangeQueryVariables = Exact<{
  input: ChangeSubscriptionInput;
}>;


export type PurchaseOrdersPreviewChangeQuery = { previewSubscriptionChange: { total: string } };

export type PurchaseOrdersScheduleMutationVariables = Exact<{
  input: ScheduleChangeInput;
}>;


export type PurchaseOrdersScheduleMutation = { scheduleChange: { id: string } };

export type PurchaseOrdersCancelNowMutationVariables = Exact<{
  id: string | number;
}>;


export type PurchaseOrdersCancelNowMutation = { cancelSubscription: { status: SubscriptionStatus } };

export type PurchaseOrdersSubscriptionQueryVariables = Exact<{
  id: string | number;
}>;


export type PurchaseOrdersSubscriptionQuery = { subscription: { status: SubscriptionStatus, version: number, purchaseOrderNumber: string | null } | null };

export type PurchaseOrdersCreateQuoteMutationVariables = Exact<{
  input: CreateQuoteInput;
}>;


export type PurchaseOrdersCreateQuoteMutation = { createQuote: { id: string, purchaseOrderNumber: string | null } };

export type PurchaseOrdersUpdateQuoteMutationVariables = Exact<{
  id: string | number;
  input: UpdateQuoteInput;
}>;


export type PurchaseOrdersUpdateQuoteMutation = { updateQuote: { id: string, purchaseOrderNumber: string | null } };

export type PurchaseOrdersSendQuoteMutationVariables = Exact<{
  id: string | number;
}>;


export type PurchaseOrdersSendQuoteMutation = { sendQuote: { id: string, status: QuoteStatus } };

export type PurchaseOrdersAcceptQuoteMutationVariables = Exact<{
  id: string | number;
  purchaseOrderNumber?: string | null | undefined;
}>;


export type PurchaseOrdersAcceptQuoteMutation = { acceptQuote: { id: string, status: SubscriptionStatus, purchaseOrderNumber: string | null } };

export type PurchaseOrdersQuoteQueryVariables = Exact<{
  id: string | number;
}>;


export type PurchaseOrdersQuoteQuery = { quote: { status: QuoteStatus, purchaseOrderNumber: string | null, subscription: { id: string } | null } | null };

export type PurchaseOrdersInvoicesQueryVariables = Exact<{
  c?: string | number | null | undefined;
}>;


export type PurchaseOrdersInvoicesQuery = { invoices: { edges: Array<{ node: { id: string, number: string | null, status: InvoiceStatus, purchaseOrderNumber: string | null, periodStart: string | null, subscription: { id: string } | null, lines: Array<{ kind: InvoiceLineKind, proration: boolean, purchaseOrderNumber: string | null }> } }> } };

export type PurchaseOrdersUpcomingQueryVariables = Exact<{
  id: string | number;
}>;


export type PurchaseOrdersUpcomingQuery = { upcomingInvoice: { purchaseOrderNumber: string | null, lines: Array<{ purchaseOrderNumber: string | null }> } };

export type PurchaseOrdersCreateClockMutationVariables = Exact<{
  at: string;
}>;


export type PurchaseOrdersCreateClockMutation = { createTestClock: { id: string } };

export type PurchaseOrdersAdvanceMutationVariables = Exact<{
  id: string | number;
  to: string;
}>;


export type PurchaseOrdersAdvanceMutation = { advanceTestClock: { id: string } };

export type PurchaseOrdersPortalMutationVariables = Exact<{
  c: string | number;
  contact?: string | number | null | undefined;
}>;


export type PurchaseOrdersPortalMutation = { createPortalSession: { url: string } };

export type PurchaseOrdersContactMutationVariables = Exact<{
  c: string | number;
  role: ContactRole;
  email: string;
}>;


export type PurchaseOrdersContactMutation = { createContact: { id: string } };

export type PurchaseOrdersGroupInvoicesQueryVariables = Exact<{
  c?: string | number | null | undefined;
}>;


export type PurchaseOrdersGroupInvoicesQuery = { invoices: { edges: Array<{ node: { id: string, periodStart: string | null, purchaseOrderNumber: string | null, lines: Array<{ customerId: string, purchaseOrderNumber: string | null }> } }> } };

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

export type EmailDeliveriesQueryVariables = Exact<{
  customerId?: string | number | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type EmailDeliveriesQuery = { emailDeliveries: { edges: Array<{ cursor: string, node: { id: string, to: string, subject: string, eventType: string, status: EmailDeliveryStatus, attempts: number, sentAt: string | null, customerId: string } }>, pageInfo: { hasNextPage: boolean } } };

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
export const CreditLimitsCustomerFieldsFragmentDoc = new TypedDocumentString(`
    fragment CreditLimitsCustomerFields on Customer {
  id
  currency
  creditLimit
  creditExposure
}
    `, {"fragmentName":"CreditLimitsCustomerFields"}) as unknown as TypedDocumentString<CreditLimitsCustomerFieldsFragment, unknown>;
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
export const PaymentTermsInvoiceFieldsFragmentDoc = new TypedDocumentString(`
    fragment PaymentTermsInvoiceFields on Invoice {
  id
  status
  collectionMethod
  total
  finalizedAt
  dueAt
  paidAt
  nextPaymentAttemptAt
  amountRemaining
  attempts {
    kind
    step
    at
    outcome
  }
}
    `, {"fragmentName":"PaymentTermsInvoiceFields"}) as unknown as TypedDocumentString<PaymentTermsInvoiceFieldsFragment, unknown>;
export const PurchaseOrdersInvoiceFragmentDoc = new TypedDocumentString(`
    fragment PurchaseOrdersInvoice on Invoice {
  id
  number
  status
  purchaseOrderNumber
  periodStart
  subscription {
    id
  }
  lines {
    kind
    proration
    purchaseOrderNumber
  }
}
    `, {"fragmentName":"PurchaseOrdersInvoice"}) as unknown as TypedDocumentString<PurchaseOrdersInvoiceFragment, unknown>;
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
export const BankStatementsImportDocument = new TypedDocumentString(`
    mutation BankStatementsImport($input: ImportBankStatementInput!) {
  importBankStatement(input: $input) {
    id
    statementId
    entries
    matched
    unmatched {
      id
      amount
      currency
      credit
      bookingDate
      debtorName
      debtorIban
      remittanceInformation
      reference
      status
      customerId
    }
  }
}
    `) as unknown as TypedDocumentString<BankStatementsImportMutation, BankStatementsImportMutationVariables>;
export const BankStatementsAssignDocument = new TypedDocumentString(`
    mutation BankStatementsAssign($id: ID!, $invoiceId: ID, $customerId: ID) {
  assignBankEntry(id: $id, invoiceId: $invoiceId, customerId: $customerId) {
    id
    status
    customerId
  }
}
    `) as unknown as TypedDocumentString<BankStatementsAssignMutation, BankStatementsAssignMutationVariables>;
export const BankStatementsCustomerDocument = new TypedDocumentString(`
    query BankStatementsCustomer($id: ID!) {
  customer(id: $id) {
    id
    creditBalance
  }
}
    `) as unknown as TypedDocumentString<BankStatementsCustomerQuery, BankStatementsCustomerQueryVariables>;
export const BankStatementsInvoicesDocument = new TypedDocumentString(`
    query BankStatementsInvoices($customerId: ID!) {
  invoices(customerId: $customerId, first: 10) {
    edges {
      node {
        id
        number
        status
        paymentReference
        amountRemaining
      }
    }
  }
}
    `) as unknown as TypedDocumentString<BankStatementsInvoicesQuery, BankStatementsInvoicesQueryVariables>;
export const BankStatementsKeyDocument = new TypedDocumentString(`
    mutation BankStatementsKey($input: CreateApiKeyInput!) {
  createApiKey(input: $input) {
    secret
  }
}
    `) as unknown as TypedDocumentString<BankStatementsKeyMutation, BankStatementsKeyMutationVariables>;
export const GroupAnalyticsCreateCustomerDocument = new TypedDocumentString(`
    mutation GroupAnalyticsCreateCustomer($input: CreateCustomerInput!) {
  createCustomer(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<GroupAnalyticsCreateCustomerMutation, GroupAnalyticsCreateCustomerMutationVariables>;
export const GroupAnalyticsUpdateCustomerDocument = new TypedDocumentString(`
    mutation GroupAnalyticsUpdateCustomer($id: ID!, $input: UpdateCustomerInput!) {
  updateCustomer(id: $id, input: $input) {
    id
    payer {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<GroupAnalyticsUpdateCustomerMutation, GroupAnalyticsUpdateCustomerMutationVariables>;
export const GroupAnalyticsCancelDocument = new TypedDocumentString(`
    mutation GroupAnalyticsCancel($id: ID!) {
  cancelSubscription(id: $id, atPeriodEnd: false) {
    status
  }
}
    `) as unknown as TypedDocumentString<GroupAnalyticsCancelMutation, GroupAnalyticsCancelMutationVariables>;
export const GroupAnalyticsMetricsDocument = new TypedDocumentString(`
    query GroupAnalyticsMetrics($from: DateTime!, $to: DateTime!, $currency: Currency!, $by: CustomerGrouping!) {
  revenueMetrics(
    from: $from
    to: $to
    interval: MONTH
    currency: $currency
    by: $by
  ) {
    periodStart
    startMrr
    newMrr
    expansionMrr
    reactivationMrr
    contractionMrr
    churnedMrr
    mrr
    arr
    activeCustomers
    arpa
    logoChurnRate
    grossRevenueRetention
    netRevenueRetention
  }
}
    `) as unknown as TypedDocumentString<GroupAnalyticsMetricsQuery, GroupAnalyticsMetricsQueryVariables>;
export const GroupAnalyticsCohortsDocument = new TypedDocumentString(`
    query GroupAnalyticsCohorts($from: DateTime!, $to: DateTime!, $currency: Currency!, $by: CustomerGrouping!) {
  cohorts(from: $from, to: $to, currency: $currency, by: $by) {
    month
    customers
    startMrr
    months {
      offset
      customers
      mrr
    }
  }
}
    `) as unknown as TypedDocumentString<GroupAnalyticsCohortsQuery, GroupAnalyticsCohortsQueryVariables>;
export const GroupAnalyticsCustomerMrrDocument = new TypedDocumentString(`
    query GroupAnalyticsCustomerMrr($id: ID!) {
  customer(id: $id) {
    own: mrr
    rolledUp: mrr(rollUp: true)
    inUsd: mrr(currency: "USD", rollUp: true)
  }
}
    `) as unknown as TypedDocumentString<GroupAnalyticsCustomerMrrQuery, GroupAnalyticsCustomerMrrQueryVariables>;
export const GroupAnalyticsSegmentDocument = new TypedDocumentString(`
    query GroupAnalyticsSegment($filter: CustomerFilter!) {
  customers(first: 100, filter: $filter) {
    edges {
      node {
        id
      }
    }
  }
}
    `) as unknown as TypedDocumentString<GroupAnalyticsSegmentQuery, GroupAnalyticsSegmentQueryVariables>;
export const GroupPortalCreateCustomerDocument = new TypedDocumentString(`
    mutation GroupPortalCreateCustomer($input: CreateCustomerInput!) {
  createCustomer(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<GroupPortalCreateCustomerMutation, GroupPortalCreateCustomerMutationVariables>;
export const GroupPortalInvoicesDocument = new TypedDocumentString(`
    query GroupPortalInvoices($c: ID) {
  invoices(customerId: $c, first: 50) {
    edges {
      node {
        id
        number
        finalizedAt
        total
        lines {
          id
          description
          amount
          tax
          periodStart
          periodEnd
          customerId
          subscriptionId
          locationId
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<GroupPortalInvoicesQuery, GroupPortalInvoicesQueryVariables>;
export const GroupPortalConsumptionDocument = new TypedDocumentString(`
    query GroupPortalConsumption($id: ID!, $first: Int, $after: String) {
  customer(id: $id) {
    consumption(first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          invoiceNumber
          issuedAt
          currency
          kind
          description
          quantity
          amount
          tax
          periodStart
          periodEnd
          subscriptionId
          locationId
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
}
    `) as unknown as TypedDocumentString<GroupPortalConsumptionQuery, GroupPortalConsumptionQueryVariables>;
export const GroupPortalInvoiceDocument = new TypedDocumentString(`
    query GroupPortalInvoice($id: ID!) {
  invoice(id: $id) {
    id
    total
  }
}
    `) as unknown as TypedDocumentString<GroupPortalInvoiceQuery, GroupPortalInvoiceQueryVariables>;
export const GroupPortalParentDocument = new TypedDocumentString(`
    query GroupPortalParent($id: ID!) {
  customer(id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<GroupPortalParentQuery, GroupPortalParentQueryVariables>;
export const GroupPortalSessionDocument = new TypedDocumentString(`
    mutation GroupPortalSession($c: ID!, $contact: ID) {
  createPortalSession(
    customerId: $c
    returnUrl: "https://shop.example.com/account"
    contactId: $contact
  ) {
    url
  }
}
    `) as unknown as TypedDocumentString<GroupPortalSessionMutation, GroupPortalSessionMutationVariables>;
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
export const CreditLimitsCreateCustomerDocument = new TypedDocumentString(`
    mutation CreditLimitsCreateCustomer($input: CreateCustomerInput!) {
  createCustomer(input: $input) {
    ...CreditLimitsCustomerFields
  }
}
    fragment CreditLimitsCustomerFields on Customer {
  id
  currency
  creditLimit
  creditExposure
}`) as unknown as TypedDocumentString<CreditLimitsCreateCustomerMutation, CreditLimitsCreateCustomerMutationVariables>;
export const CreditLimitsUpdateCustomerDocument = new TypedDocumentString(`
    mutation CreditLimitsUpdateCustomer($id: ID!, $input: UpdateCustomerInput!) {
  updateCustomer(id: $id, input: $input) {
    ...CreditLimitsCustomerFields
  }
}
    fragment CreditLimitsCustomerFields on Customer {
  id
  currency
  creditLimit
  creditExposure
}`) as unknown as TypedDocumentString<CreditLimitsUpdateCustomerMutation, CreditLimitsUpdateCustomerMutationVariables>;
export const CreditLimitsUpsertCustomerDocument = new TypedDocumentString(`
    mutation CreditLimitsUpsertCustomer($input: UpsertCustomerInput!) {
  upsertCustomer(input: $input) {
    outcome
    customer {
      ...CreditLimitsCustomerFields
    }
  }
}
    fragment CreditLimitsCustomerFields on Customer {
  id
  currency
  creditLimit
  creditExposure
}`) as unknown as TypedDocumentString<CreditLimitsUpsertCustomerMutation, CreditLimitsUpsertCustomerMutationVariables>;
export const CreditLimitsReadCustomerDocument = new TypedDocumentString(`
    query CreditLimitsReadCustomer($id: ID!) {
  customer(id: $id) {
    ...CreditLimitsCustomerFields
  }
}
    fragment CreditLimitsCustomerFields on Customer {
  id
  currency
  creditLimit
  creditExposure
}`) as unknown as TypedDocumentString<CreditLimitsReadCustomerQuery, CreditLimitsReadCustomerQueryVariables>;
export const CreditLimitsSubscribeDocument = new TypedDocumentString(`
    mutation CreditLimitsSubscribe($input: CreateSubscriptionInput!) {
  createSubscription(input: $input) {
    id
    version
    status
  }
}
    `) as unknown as TypedDocumentString<CreditLimitsSubscribeMutation, CreditLimitsSubscribeMutationVariables>;
export const CreditLimitsChangeDocument = new TypedDocumentString(`
    mutation CreditLimitsChange($input: ChangeSubscriptionInput!) {
  changeSubscription(input: $input) {
    id
    version
  }
}
    `) as unknown as TypedDocumentString<CreditLimitsChangeMutation, CreditLimitsChangeMutationVariables>;
export const CreditLimitsScheduleDocument = new TypedDocumentString(`
    mutation CreditLimitsSchedule($input: ScheduleChangeInput!) {
  scheduleChange(input: $input) {
    effectiveAt
  }
}
    `) as unknown as TypedDocumentString<CreditLimitsScheduleMutation, CreditLimitsScheduleMutationVariables>;
export const CreditLimitsInvoicesDocument = new TypedDocumentString(`
    query CreditLimitsInvoices($customerId: ID) {
  invoices(customerId: $customerId) {
    edges {
      node {
        id
        status
        total
        amountRemaining
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CreditLimitsInvoicesQuery, CreditLimitsInvoicesQueryVariables>;
export const CreditLimitsPayDocument = new TypedDocumentString(`
    mutation CreditLimitsPay($input: RecordPaymentInput!) {
  recordPayment(input: $input) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<CreditLimitsPayMutation, CreditLimitsPayMutationVariables>;
export const CreditLimitsCreateQuoteDocument = new TypedDocumentString(`
    mutation CreditLimitsCreateQuote($input: CreateQuoteInput!) {
  createQuote(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<CreditLimitsCreateQuoteMutation, CreditLimitsCreateQuoteMutationVariables>;
export const CreditLimitsSendQuoteDocument = new TypedDocumentString(`
    mutation CreditLimitsSendQuote($id: ID!) {
  sendQuote(id: $id) {
    id
    status
    total
  }
}
    `) as unknown as TypedDocumentString<CreditLimitsSendQuoteMutation, CreditLimitsSendQuoteMutationVariables>;
export const CreditLimitsAcceptQuoteDocument = new TypedDocumentString(`
    mutation CreditLimitsAcceptQuote($id: ID!) {
  acceptQuote(id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<CreditLimitsAcceptQuoteMutation, CreditLimitsAcceptQuoteMutationVariables>;
export const CreditLimitsReadQuoteDocument = new TypedDocumentString(`
    query CreditLimitsReadQuote($id: ID!) {
  quote(id: $id) {
    status
  }
}
    `) as unknown as TypedDocumentString<CreditLimitsReadQuoteQuery, CreditLimitsReadQuoteQueryVariables>;
export const CreditLimitsOverLimitDocument = new TypedDocumentString(`
    query CreditLimitsOverLimit($filter: CustomerFilter) {
  customers(first: 100, filter: $filter) {
    edges {
      node {
        id
        creditLimit
        creditExposure
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CreditLimitsOverLimitQuery, CreditLimitsOverLimitQueryVariables>;
export const CreditLimitsPortalSessionDocument = new TypedDocumentString(`
    mutation CreditLimitsPortalSession($customerId: ID!) {
  createPortalSession(
    customerId: $customerId
    returnUrl: "https://shop.example.com/"
  ) {
    url
  }
}
    `) as unknown as TypedDocumentString<CreditLimitsPortalSessionMutation, CreditLimitsPortalSessionMutationVariables>;
export const CreditLimitsSettingsDocument = new TypedDocumentString(`
    mutation CreditLimitsSettings($input: UpdateSellerSettingsInput!) {
  updateSellerSettings(input: $input) {
    allowSelfServiceQuantityChange
  }
}
    `) as unknown as TypedDocumentString<CreditLimitsSettingsMutation, CreditLimitsSettingsMutationVariables>;
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
export const DocumentsInvoiceDocument = new TypedDocumentString(`
    query DocumentsInvoice($id: ID!, $format: DocumentFormat!) {
  invoice(id: $id) {
    number
    total
    amountDue
    dueAt
    documentUrl(format: $format)
  }
}
    `) as unknown as TypedDocumentString<DocumentsInvoiceQuery, DocumentsInvoiceQueryVariables>;
export const DocumentsCreditNoteDocument = new TypedDocumentString(`
    query DocumentsCreditNote($id: ID!, $format: DocumentFormat!) {
  creditNote(id: $id) {
    number
    total
    documentUrl(format: $format)
  }
}
    `) as unknown as TypedDocumentString<DocumentsCreditNoteQuery, DocumentsCreditNoteQueryVariables>;
export const DocumentsQuoteDocument = new TypedDocumentString(`
    query DocumentsQuote($id: ID!, $format: DocumentFormat!) {
  quote(id: $id) {
    number
    total
    documentUrl(format: $format)
  }
}
    `) as unknown as TypedDocumentString<DocumentsQuoteQuery, DocumentsQuoteQueryVariables>;
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
export const EInvoicesSettingsDocument = new TypedDocumentString(`
    mutation EInvoicesSettings($input: UpdateSellerSettingsInput!) {
  updateSellerSettings(input: $input) {
    iban
    bic
  }
}
    `) as unknown as TypedDocumentString<EInvoicesSettingsMutation, EInvoicesSettingsMutationVariables>;
export const EInvoicesInvoiceDocument = new TypedDocumentString(`
    query EInvoicesInvoice($id: ID!, $syntax: EInvoiceSyntax!) {
  invoice(id: $id) {
    id
    number
    status
    total
    amountDue
    lines {
      id
      kind
      amount
    }
    eInvoice(syntax: $syntax)
  }
}
    `) as unknown as TypedDocumentString<EInvoicesInvoiceQuery, EInvoicesInvoiceQueryVariables>;
export const EInvoicesCreditNoteDocument = new TypedDocumentString(`
    query EInvoicesCreditNote($id: ID!, $syntax: EInvoiceSyntax!) {
  creditNote(id: $id) {
    total
    eInvoice(syntax: $syntax)
  }
}
    `) as unknown as TypedDocumentString<EInvoicesCreditNoteQuery, EInvoicesCreditNoteQueryVariables>;
export const EInvoicesInvoiceIdsDocument = new TypedDocumentString(`
    query EInvoicesInvoiceIds($customerId: ID!) {
  invoices(customerId: $customerId, first: 20) {
    edges {
      node {
        id
        status
        lines {
          proration
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<EInvoicesInvoiceIdsQuery, EInvoicesInvoiceIdsQueryVariables>;
export const FeedsImportDocument = new TypedDocumentString(`
    mutation FeedsImport($input: ImportFeedInput!) {
  importFeed(input: $input) {
    type
    applied
    unchanged
    rejected
    rejections {
      line
      field
      code
      message
      reason
    }
  }
}
    `) as unknown as TypedDocumentString<FeedsImportMutation, FeedsImportMutationVariables>;
export const FeedsProductDocument = new TypedDocumentString(`
    query FeedsProduct($system: String!, $id: String!) {
  productByExternalId(system: $system, id: $id) {
    code
    name
    kind
    sku
    stockPolicy
    inventory {
      available
      asOf
    }
  }
}
    `) as unknown as TypedDocumentString<FeedsProductQuery, FeedsProductQueryVariables>;
export const FeedsOrderDocument = new TypedDocumentString(`
    query FeedsOrder($id: ID!) {
  order(id: $id) {
    id
    number
    status
    lines {
      sku
      quantity
      quantityShipped
      quantityBackordered
    }
    shipments {
      externalId
      carrier
      trackingNumber
      lines {
        sku
        quantity
      }
    }
    invoices {
      total
    }
  }
}
    `) as unknown as TypedDocumentString<FeedsOrderQuery, FeedsOrderQueryVariables>;
export const PaymentTermsInvoicesDocument = new TypedDocumentString(`
    query PaymentTermsInvoices($customerId: ID!) {
  invoices(first: 50, customerId: $customerId) {
    edges {
      node {
        ...PaymentTermsInvoiceFields
      }
    }
  }
}
    fragment PaymentTermsInvoiceFields on Invoice {
  id
  status
  collectionMethod
  total
  finalizedAt
  dueAt
  paidAt
  nextPaymentAttemptAt
  amountRemaining
  attempts {
    kind
    step
    at
    outcome
  }
}`) as unknown as TypedDocumentString<PaymentTermsInvoicesQuery, PaymentTermsInvoicesQueryVariables>;
export const PaymentTermsCustomerDocument = new TypedDocumentString(`
    query PaymentTermsCustomer($id: ID!) {
  customer(id: $id) {
    id
    paymentTermsDays
    paymentTermsEndOfMonth
  }
}
    `) as unknown as TypedDocumentString<PaymentTermsCustomerQuery, PaymentTermsCustomerQueryVariables>;
export const PaymentTermsUpdateSellerSettingsDocument = new TypedDocumentString(`
    mutation PaymentTermsUpdateSellerSettings($input: UpdateSellerSettingsInput!) {
  updateSellerSettings(input: $input) {
    defaultPaymentTermsDays
    defaultPaymentTermsEndOfMonth
    invoiceDueSoonDays
  }
}
    `) as unknown as TypedDocumentString<PaymentTermsUpdateSellerSettingsMutation, PaymentTermsUpdateSellerSettingsMutationVariables>;
export const PaymentTermsAdvanceTestClockDocument = new TypedDocumentString(`
    mutation PaymentTermsAdvanceTestClock($id: ID!, $to: DateTime!) {
  advanceTestClock(id: $id, to: $to) {
    frozenTime
    status
  }
}
    `) as unknown as TypedDocumentString<PaymentTermsAdvanceTestClockMutation, PaymentTermsAdvanceTestClockMutationVariables>;
export const PaymentTermsRecordPaymentDocument = new TypedDocumentString(`
    mutation PaymentTermsRecordPayment($input: RecordPaymentInput!) {
  recordPayment(input: $input) {
    status
    amountRemaining
  }
}
    `) as unknown as TypedDocumentString<PaymentTermsRecordPaymentMutation, PaymentTermsRecordPaymentMutationVariables>;
export const PricingPluginsKindsDocument = new TypedDocumentString(`
    query PricingPluginsKinds {
  pricingRuleKinds {
    kind
    builtIn
    configSchema
  }
}
    `) as unknown as TypedDocumentString<PricingPluginsKindsQuery, PricingPluginsKindsQueryVariables>;
export const PricingPluginsCreatePriceDocument = new TypedDocumentString(`
    mutation PricingPluginsCreatePrice($input: CreatePriceInput!) {
  createPrice(input: $input) {
    code
    rule {
      kind
      config
    }
  }
}
    `) as unknown as TypedDocumentString<PricingPluginsCreatePriceMutation, PricingPluginsCreatePriceMutationVariables>;
export const PricingPluginsPreviewDocument = new TypedDocumentString(`
    query PricingPluginsPreview($input: PreviewQuoteInput!) {
  previewQuote(input: $input) {
    subtotal
    total
    lines {
      priceCode
      quantity
      amount
      steps
    }
  }
}
    `) as unknown as TypedDocumentString<PricingPluginsPreviewQuery, PricingPluginsPreviewQueryVariables>;
export const PurchaseOrdersCreateCustomerDocument = new TypedDocumentString(`
    mutation PurchaseOrdersCreateCustomer($input: CreateCustomerInput!) {
  createCustomer(input: $input) {
    id
    purchaseOrderRequired
  }
}
    `) as unknown as TypedDocumentString<PurchaseOrdersCreateCustomerMutation, PurchaseOrdersCreateCustomerMutationVariables>;
export const PurchaseOrdersUpdateCustomerDocument = new TypedDocumentString(`
    mutation PurchaseOrdersUpdateCustomer($id: ID!, $input: UpdateCustomerInput!) {
  updateCustomer(id: $id, input: $input) {
    id
    purchaseOrderRequired
  }
}
    `) as unknown as TypedDocumentString<PurchaseOrdersUpdateCustomerMutation, PurchaseOrdersUpdateCustomerMutationVariables>;
export const PurchaseOrdersUpsertCustomerDocument = new TypedDocumentString(`
    mutation PurchaseOrdersUpsertCustomer($input: UpsertCustomerInput!) {
  upsertCustomer(input: $input) {
    outcome
    customer {
      id
      purchaseOrderRequired
    }
  }
}
    `) as unknown as TypedDocumentString<PurchaseOrdersUpsertCustomerMutation, PurchaseOrdersUpsertCustomerMutationVariables>;
export const PurchaseOrdersSubscribeDocument = new TypedDocumentString(`
    mutation PurchaseOrdersSubscribe($input: CreateSubscriptionInput!) {
  createSubscription(input: $input) {
    id
    status
    purchaseOrderNumber
  }
}
    `) as unknown as TypedDocumentString<PurchaseOrdersSubscribeMutation, PurchaseOrdersSubscribeMutationVariables>;
export const PurchaseOrdersChangeDocument = new TypedDocumentString(`
    mutation PurchaseOrdersChange($input: ChangeSubscriptionInput!) {
  changeSubscription(input: $input) {
    id
    version
    purchaseOrderNumber
    history {
      type
      data
    }
  }
}
    `) as unknown as TypedDocumentString<PurchaseOrdersChangeMutation, PurchaseOrdersChangeMutationVariables>;
export const PurchaseOrdersPreviewChangeDocument = new TypedDocumentString(`
    query PurchaseOrdersPreviewChange($input: ChangeSubscriptionInput!) {
  previewSubscriptionChange(input: $input) {
    total
  }
}
    `) as unknown as TypedDocumentString<PurchaseOrdersPreviewChangeQuery, PurchaseOrdersPreviewChangeQueryVariables>;
export const PurchaseOrdersScheduleDocument = new TypedDocumentString(`
    mutation PurchaseOrdersSchedule($input: ScheduleChangeInput!) {
  scheduleChange(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<PurchaseOrdersScheduleMutation, PurchaseOrdersScheduleMutationVariables>;
export const PurchaseOrdersCancelNowDocument = new TypedDocumentString(`
    mutation PurchaseOrdersCancelNow($id: ID!) {
  cancelSubscription(id: $id, atPeriodEnd: false) {
    status
  }
}
    `) as unknown as TypedDocumentString<PurchaseOrdersCancelNowMutation, PurchaseOrdersCancelNowMutationVariables>;
export const PurchaseOrdersSubscriptionDocument = new TypedDocumentString(`
    query PurchaseOrdersSubscription($id: ID!) {
  subscription(id: $id) {
    status
    version
    purchaseOrderNumber
  }
}
    `) as unknown as TypedDocumentString<PurchaseOrdersSubscriptionQuery, PurchaseOrdersSubscriptionQueryVariables>;
export const PurchaseOrdersCreateQuoteDocument = new TypedDocumentString(`
    mutation PurchaseOrdersCreateQuote($input: CreateQuoteInput!) {
  createQuote(input: $input) {
    id
    purchaseOrderNumber
  }
}
    `) as unknown as TypedDocumentString<PurchaseOrdersCreateQuoteMutation, PurchaseOrdersCreateQuoteMutationVariables>;
export const PurchaseOrdersUpdateQuoteDocument = new TypedDocumentString(`
    mutation PurchaseOrdersUpdateQuote($id: ID!, $input: UpdateQuoteInput!) {
  updateQuote(id: $id, input: $input) {
    id
    purchaseOrderNumber
  }
}
    `) as unknown as TypedDocumentString<PurchaseOrdersUpdateQuoteMutation, PurchaseOrdersUpdateQuoteMutationVariables>;
export const PurchaseOrdersSendQuoteDocument = new TypedDocumentString(`
    mutation PurchaseOrdersSendQuote($id: ID!) {
  sendQuote(id: $id) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<PurchaseOrdersSendQuoteMutation, PurchaseOrdersSendQuoteMutationVariables>;
export const PurchaseOrdersAcceptQuoteDocument = new TypedDocumentString(`
    mutation PurchaseOrdersAcceptQuote($id: ID!, $purchaseOrderNumber: String) {
  acceptQuote(id: $id, purchaseOrderNumber: $purchaseOrderNumber) {
    id
    status
    purchaseOrderNumber
  }
}
    `) as unknown as TypedDocumentString<PurchaseOrdersAcceptQuoteMutation, PurchaseOrdersAcceptQuoteMutationVariables>;
export const PurchaseOrdersQuoteDocument = new TypedDocumentString(`
    query PurchaseOrdersQuote($id: ID!) {
  quote(id: $id) {
    status
    purchaseOrderNumber
    subscription {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<PurchaseOrdersQuoteQuery, PurchaseOrdersQuoteQueryVariables>;
export const PurchaseOrdersInvoicesDocument = new TypedDocumentString(`
    query PurchaseOrdersInvoices($c: ID) {
  invoices(customerId: $c, first: 50) {
    edges {
      node {
        ...PurchaseOrdersInvoice
      }
    }
  }
}
    fragment PurchaseOrdersInvoice on Invoice {
  id
  number
  status
  purchaseOrderNumber
  periodStart
  subscription {
    id
  }
  lines {
    kind
    proration
    purchaseOrderNumber
  }
}`) as unknown as TypedDocumentString<PurchaseOrdersInvoicesQuery, PurchaseOrdersInvoicesQueryVariables>;
export const PurchaseOrdersUpcomingDocument = new TypedDocumentString(`
    query PurchaseOrdersUpcoming($id: ID!) {
  upcomingInvoice(subscriptionId: $id) {
    purchaseOrderNumber
    lines {
      purchaseOrderNumber
    }
  }
}
    `) as unknown as TypedDocumentString<PurchaseOrdersUpcomingQuery, PurchaseOrdersUpcomingQueryVariables>;
export const PurchaseOrdersCreateClockDocument = new TypedDocumentString(`
    mutation PurchaseOrdersCreateClock($at: DateTime!) {
  createTestClock(frozenTime: $at) {
    id
  }
}
    `) as unknown as TypedDocumentString<PurchaseOrdersCreateClockMutation, PurchaseOrdersCreateClockMutationVariables>;
export const PurchaseOrdersAdvanceDocument = new TypedDocumentString(`
    mutation PurchaseOrdersAdvance($id: ID!, $to: DateTime!) {
  advanceTestClock(id: $id, to: $to) {
    id
  }
}
    `) as unknown as TypedDocumentString<PurchaseOrdersAdvanceMutation, PurchaseOrdersAdvanceMutationVariables>;
export const PurchaseOrdersPortalDocument = new TypedDocumentString(`
    mutation PurchaseOrdersPortal($c: ID!, $contact: ID) {
  createPortalSession(
    customerId: $c
    returnUrl: "https://buyer.example/back"
    contactId: $contact
  ) {
    url
  }
}
    `) as unknown as TypedDocumentString<PurchaseOrdersPortalMutation, PurchaseOrdersPortalMutationVariables>;
export const PurchaseOrdersContactDocument = new TypedDocumentString(`
    mutation PurchaseOrdersContact($c: ID!, $role: ContactRole!, $email: String!) {
  createContact(input: {customerId: $c, name: "Kim", email: $email, role: $role}) {
    id
  }
}
    `) as unknown as TypedDocumentString<PurchaseOrdersContactMutation, PurchaseOrdersContactMutationVariables>;
export const PurchaseOrdersGroupInvoicesDocument = new TypedDocumentString(`
    query PurchaseOrdersGroupInvoices($c: ID) {
  invoices(customerId: $c, first: 50) {
    edges {
      node {
        id
        periodStart
        purchaseOrderNumber
        lines {
          customerId
          purchaseOrderNumber
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PurchaseOrdersGroupInvoicesQuery, PurchaseOrdersGroupInvoicesQueryVariables>;
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
export const EmailDeliveriesDocument = new TypedDocumentString(`
    query EmailDeliveries($customerId: ID, $first: Int, $after: String) {
  emailDeliveries(customerId: $customerId, first: $first, after: $after) {
    edges {
      cursor
      node {
        id
        to
        subject
        eventType
        status
        attempts
        sentAt
        customerId
      }
    }
    pageInfo {
      hasNextPage
    }
  }
}
    `) as unknown as TypedDocumentString<EmailDeliveriesQuery, EmailDeliveriesQueryVariables>;