import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A field whose value is a Currency: https://en.wikipedia.org/wiki/ISO_4217. */
  Currency: { input: string; output: string; }
  /** A date-time string at UTC, such as 2007-12-03T10:15:30Z, compliant with the `date-time` format outlined in section 5.6 of the RFC 3339 profile of the ISO 8601 standard for representation of dates and times using the Gregorian calendar. */
  DateTime: { input: string; output: string; }
  /** An exact decimal number as a string, e.g. "1234.50". No exponent, at most 12 decimals on input. */
  Decimal: { input: string; output: string; }
  /** The `JSONObject` scalar type represents JSON objects as specified by [ECMA-404](http://www.ecma-international.org/publications/files/ECMA-ST/ECMA-404.pdf). */
  JSONObject: { input: Record<string, unknown>; output: Record<string, unknown>; }
  _Any: { input: Record<string, unknown>; output: Record<string, unknown>; }
  federation__FieldSet: { input: string; output: string; }
  link__Import: { input: unknown; output: unknown; }
};

/** A postal address; country is an ISO 3166-1 alpha-2 code ("DE"), in any case */
export type AddressInput = {
  city: Scalars['String']['input'];
  country: Scalars['String']['input'];
  line1: Scalars['String']['input'];
  line2?: InputMaybe<Scalars['String']['input']>;
  postalCode?: InputMaybe<Scalars['String']['input']>;
  /** State, province or county, where the country uses one */
  region?: InputMaybe<Scalars['String']['input']>;
};

/** subscriptionId or customerId; couponCode or promotionCode */
export type ApplyCouponInput = {
  couponCode?: InputMaybe<Scalars['String']['input']>;
  /** The customer’s discount, for all its subscriptions (a subscription’s own one takes precedence) */
  customerId?: InputMaybe<Scalars['ID']['input']>;
  promotionCode?: InputMaybe<Scalars['String']['input']>;
  /** The subscription's own discount */
  subscriptionId?: InputMaybe<Scalars['ID']['input']>;
};

export type AttachPaymentMethodInput = {
  customerId: Scalars['ID']['input'];
  /** When it stops working (a card's expiry), if known: after now; payment_method.expiring is signaled 30 days before */
  expiresAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** Default true: charges use the new method */
  makeDefault?: InputMaybe<Scalars['Boolean']['input']>;
  /** sandbox or manual (or a gateway this server offers) */
  provider: Scalars['String']['input'];
  /** The provider's reference of the method: a sandbox test token (pm_sandbox_ok, …), or for manual the bank reference customers quote */
  token: Scalars['String']['input'];
};

export type BillingInterval =
  | 'MONTH'
  | 'ONE_TIME'
  | 'QUARTER'
  | 'YEAR';

export type BillingRunStatus =
  | 'FAILED'
  | 'RUNNING'
  | 'SUCCEEDED';

export type ChangeSubscriptionInput = {
  /** Refused with CONFLICT unless it is the current version */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  /** The whole new list of items */
  items: Array<SubscriptionItemInput>;
  /** Default CREATE_PRORATIONS */
  prorationBehavior?: InputMaybe<ProrationBehavior>;
};

export type CltvSegmentBy =
  /** Each price code of a subscription's last ledger state: a customer with several is in each one's segment */
  | 'PLAN'
  /** Each of the customer's current tags: a customer with several is in each one's segment */
  | 'TAG';

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
  discountPercent?: InputMaybe<Scalars['Decimal']['input']>;
  /** A config of the price's rule kind */
  override?: InputMaybe<Scalars['JSONObject']['input']>;
  priceCode: Scalars['String']['input'];
};

/** ONCE: the first invoice after it is applied; REPEATING: invoices whose period starts within durationInMonths of applying it; FOREVER */
export type CouponDuration =
  | 'FOREVER'
  | 'ONCE'
  | 'REPEATING';

export type CreateApiKeyInput = {
  customerId?: InputMaybe<Scalars['ID']['input']>;
  name: Scalars['String']['input'];
  role: Role;
};

export type CreateContactInput = {
  customerId: Scalars['ID']['input'];
  /** Unique among the customer's contacts, case-insensitive */
  email: Scalars['String']['input'];
  name: Scalars['String']['input'];
  role: ContactRole;
};

export type CreateContractInput = {
  code: Scalars['String']['input'];
  customerId: Scalars['ID']['input'];
  endsAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** 1 to 100, one per price */
  items: Array<ContractItemInput>;
  minimumCommitment?: InputMaybe<Scalars['Decimal']['input']>;
  startsAt: Scalars['DateTime']['input'];
};

export type CreateCouponInput = {
  /** With its currency, at most its minor unit; or percentOff */
  amountOff?: InputMaybe<Scalars['Decimal']['input']>;
  /** Default: every price */
  appliesToPriceCodes?: InputMaybe<Array<Scalars['String']['input']>>;
  code: Scalars['String']['input'];
  currency?: InputMaybe<Scalars['Currency']['input']>;
  duration: CouponDuration;
  /** REPEATING: 1 to 1200 */
  durationInMonths?: InputMaybe<Scalars['Int']['input']>;
  maxRedemptions?: InputMaybe<Scalars['Int']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  /** Greater than 0, at most 100; or amountOff */
  percentOff?: InputMaybe<Scalars['Decimal']['input']>;
  redeemBy?: InputMaybe<Scalars['DateTime']['input']>;
};

export type CreateCreditNoteInput = {
  invoiceId: Scalars['ID']['input'];
  /** None or empty: everything still creditable (a full credit note) */
  lines?: InputMaybe<Array<CreditNoteLineInput>>;
  reason?: InputMaybe<Scalars['String']['input']>;
};

export type CreateCustomerInput = {
  currency: Scalars['Currency']['input'];
  email: Scalars['String']['input'];
  /** At most 20; each unique per system */
  externalIds?: InputMaybe<Array<ExternalIdInput>>;
  invoiceDrafts?: InputMaybe<Scalars['Boolean']['input']>;
  /** At most 50 keys of at most 40 characters; values are strings (at most 500 characters), numbers, booleans or null */
  metadata?: InputMaybe<Scalars['JSONObject']['input']>;
  name: Scalars['String']['input'];
  /** Default 30; 0 to 365 */
  paymentTermsDays?: InputMaybe<Scalars['Int']['input']>;
  /** At most 20, each 1 to 64 letters, digits, spaces or _ . : / + # & - */
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Percent, required when TAXABLE */
  taxRate?: InputMaybe<Scalars['Decimal']['input']>;
  taxStatus: TaxStatus;
  /** The customer lives on this test clock (simulated time), for good */
  testClockId?: InputMaybe<Scalars['ID']['input']>;
};

export type CreateLocationInput = {
  address: AddressInput;
  customerId: Scalars['ID']['input'];
  /** The location's ids in other systems (an ERP's ship-to party); each unique per system */
  externalIds?: InputMaybe<Array<ExternalIdInput>>;
  name: Scalars['String']['input'];
};

export type CreatePriceInput = {
  code: Scalars['String']['input'];
  currency: Scalars['Currency']['input'];
  interval: BillingInterval;
  intervalCount?: Scalars['Int']['input'];
  productCode: Scalars['String']['input'];
  rule: PricingRuleInput;
};

export type CreateProductInput = {
  code: Scalars['String']['input'];
  name: Scalars['String']['input'];
};

export type CreatePromotionCodeInput = {
  /** Stored upper-cased */
  code: Scalars['String']['input'];
  couponCode: Scalars['String']['input'];
  /** Only this customer may redeem it */
  customerId?: InputMaybe<Scalars['ID']['input']>;
  expiresAt?: InputMaybe<Scalars['DateTime']['input']>;
  maxRedemptions?: InputMaybe<Scalars['Int']['input']>;
};

export type CreateQuoteInput = {
  /** Default CHARGE_AUTOMATICALLY */
  collection?: InputMaybe<CollectionMethod>;
  /** A coupon the quote offers (or promotionCode): redeemed when it is sent */
  couponCode?: InputMaybe<Scalars['String']['input']>;
  /** The customer's currency */
  currency: Scalars['Currency']['input'];
  customerId: Scalars['ID']['input'];
  /** Recurring prices on one billing cycle: the subscription accepting creates */
  lines: Array<QuoteLineInput>;
  promotionCode?: InputMaybe<Scalars['String']['input']>;
  /** 0 to 730; default 0 */
  trialDays?: InputMaybe<Scalars['Int']['input']>;
  /** In the future; default: the quote does not expire */
  validUntil?: InputMaybe<Scalars['DateTime']['input']>;
};

export type CreateSubscriptionInput = {
  /** Default CHARGE_AUTOMATICALLY */
  collection?: InputMaybe<CollectionMethod>;
  /** A coupon redeemed for it from its start (or promotionCode) */
  couponCode?: InputMaybe<Scalars['String']['input']>;
  customerId: Scalars['ID']['input'];
  items: Array<SubscriptionItemInput>;
  /** A promotion code redeemed for it from its start (or couponCode) */
  promotionCode?: InputMaybe<Scalars['String']['input']>;
  /** Default now; a future start waits (INCOMPLETE) */
  startsAt?: InputMaybe<Scalars['DateTime']['input']>;
  trialDays?: InputMaybe<Scalars['Int']['input']>;
};

export type CreateWebhookEndpointInput = {
  /** `["*"]` for every event */
  eventTypes: Array<Scalars['String']['input']>;
  /** An absolute http(s) URL */
  url: Scalars['String']['input'];
};

export type CreditNoteLineInput = {
  /** Before tax, in the currency’s minor unit; default: all that is left of the line */
  amount?: InputMaybe<Scalars['Decimal']['input']>;
  /** InvoiceLine.id; a line with a positive amount */
  invoiceLineId: Scalars['ID']['input'];
};

/** A segment: every criterion given must hold (README, Segments and lifecycle signals) */
export type CustomerFilter = {
  /** The currency of mrrMin and mrrMax; required with them */
  currency?: InputMaybe<Scalars['Currency']['input']>;
  /** Current MRR in `currency` at most this */
  mrrMax?: InputMaybe<Scalars['Decimal']['input']>;
  /** Current MRR in `currency` at least this (the revenue ledger, rounded to the minor unit) */
  mrrMin?: InputMaybe<Scalars['Decimal']['input']>;
  /** Has a live subscription (not CANCELED; or in subscriptionStatus when given) with an item of one of these price codes */
  planPriceCodes?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Has a subscription in one of these statuses */
  subscriptionStatus?: InputMaybe<Array<SubscriptionStatus>>;
  /** Has every one of these tags */
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Whole days since the customer's first subscription started, at most */
  tenureMaxDays?: InputMaybe<Scalars['Int']['input']>;
  /** Whole days since the customer's first subscription started, at least */
  tenureMinDays?: InputMaybe<Scalars['Int']['input']>;
};

export type DunningFinalAction =
  | 'CANCEL_SUBSCRIPTION'
  | 'LEAVE_PAST_DUE'
  | 'MARK_UNCOLLECTIBLE';

export type ExternalIdInput = {
  id: Scalars['String']['input'];
  /** The other system, e.g. SAP, SALESFORCE, STRIPE */
  system: Scalars['String']['input'];
};

/** The kind of record an external id names */
export type ExternalIdKind =
  | 'CUSTOMER'
  | 'INVOICE'
  | 'PRICE'
  | 'PRODUCT'
  | 'SUBSCRIPTION';

export type InvoiceLineKind =
  | 'ADJUSTMENT'
  | 'DISCOUNT'
  | 'MINIMUM_COMMITMENT'
  | 'PRORATION'
  | 'RECURRING'
  | 'USAGE';

export type InvoiceStatus =
  | 'DRAFT'
  | 'OPEN'
  | 'PAID'
  | 'UNCOLLECTIBLE'
  | 'VOID';

export type MetricsInterval =
  | 'DAY'
  | 'MONTH'
  | 'WEEK';

/** NOW (with prorations) or NEXT_PERIOD (at each period end) */
export type MigrationTiming =
  | 'NEXT_PERIOD'
  | 'NOW';

export type MrrMovementKind =
  | 'CHURN'
  | 'CONTRACTION'
  | 'EXPANSION'
  | 'NEW'
  | 'REACTIVATION';

export type PaymentAttemptKind =
  | 'CHARGE'
  | 'MANUAL'
  | 'REMINDER';

export type PreviewQuoteInput = {
  /** Which contracts are in force; default now */
  at?: InputMaybe<Scalars['DateTime']['input']>;
  /** Priced as the first invoice would be; nothing is redeemed */
  couponCode?: InputMaybe<Scalars['String']['input']>;
  currency: Scalars['Currency']['input'];
  /** Its contracts and tax apply when given */
  customerId?: InputMaybe<Scalars['ID']['input']>;
  lines: Array<QuoteLineInput>;
  promotionCode?: InputMaybe<Scalars['String']['input']>;
};

export type PriceStatus =
  | 'ACTIVE'
  | 'ARCHIVED';

export type PricedLineKind =
  | 'CHARGE'
  | 'DISCOUNT'
  | 'MINIMUM_COMMITMENT';

export type PricingRuleInput = {
  config: Scalars['JSONObject']['input'];
  /** flat, per_unit, graduated, volume, package, usage or bundle */
  kind: Scalars['String']['input'];
};

export type ProrationBehavior =
  | 'ALWAYS_INVOICE'
  | 'CREATE_PRORATIONS'
  | 'NONE';

export type QuoteLineInput = {
  priceCode: Scalars['String']['input'];
  /** For a usage price, the usage to price */
  quantity: Scalars['Decimal']['input'];
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
  amount: Scalars['Decimal']['input'];
  invoiceId: Scalars['ID']['input'];
  /** The bank reference: unique per invoice, so one transfer is never counted twice */
  reference: Scalars['String']['input'];
};

export type Role =
  | 'ADMIN'
  | 'CUSTOMER'
  | 'PARTNER'
  | 'SALES'
  | 'STOREFRONT';

export type ScheduleChangeInput = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  /** The whole item list from the next period on */
  items: Array<SubscriptionItemInput>;
};

export type SetDunningPolicyInput = {
  finalAction: DunningFinalAction;
  /** Default 0 */
  graceDays?: InputMaybe<Scalars['Int']['input']>;
  /** e.g. [1, 3, 5, 7]: ascending, 1 to 365, at most 10 */
  retryAfterDays: Array<Scalars['Int']['input']>;
};

export type SubscriptionItemInput = {
  priceCode: Scalars['String']['input'];
  quantity: Scalars['Decimal']['input'];
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

/** Absent fields are kept */
export type UpdateContactInput = {
  email?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  role?: InputMaybe<ContactRole>;
};

/** Omitted fields are kept; the currency cannot change */
export type UpdateCustomerInput = {
  email?: InputMaybe<Scalars['String']['input']>;
  /** Replaces the whole set when given */
  externalIds?: InputMaybe<Array<ExternalIdInput>>;
  invoiceDrafts?: InputMaybe<Scalars['Boolean']['input']>;
  /** Replaces the whole object when given ({} clears it) */
  metadata?: InputMaybe<Scalars['JSONObject']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  /** Applies to invoices finalized from now on */
  paymentTermsDays?: InputMaybe<Scalars['Int']['input']>;
  /** Replaces the whole set when given ([] clears it) */
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
  /** null clears it; leaving TAXABLE clears it too */
  taxRate?: InputMaybe<Scalars['Decimal']['input']>;
  taxStatus?: InputMaybe<TaxStatus>;
};

/** Absent fields are kept; externalIds replaces the whole set */
export type UpdateLocationInput = {
  address?: InputMaybe<AddressInput>;
  externalIds?: InputMaybe<Array<ExternalIdInput>>;
  name?: InputMaybe<Scalars['String']['input']>;
};

/** The terms of the next version */
export type UpdatePriceInput = {
  rule: PricingRuleInput;
};

/** For a DRAFT quote; omitted fields stay as they are */
export type UpdateQuoteInput = {
  collection?: InputMaybe<CollectionMethod>;
  /** Given (null too), it or promotionCode replaces the quote’s coupon */
  couponCode?: InputMaybe<Scalars['String']['input']>;
  /** Replaces every line */
  lines?: InputMaybe<Array<QuoteLineInput>>;
  promotionCode?: InputMaybe<Scalars['String']['input']>;
  trialDays?: InputMaybe<Scalars['Int']['input']>;
  /** null: the quote does not expire */
  validUntil?: InputMaybe<Scalars['DateTime']['input']>;
};

/** Only the fields given change */
export type UpdateSellerSettingsInput = {
  /** At most 6 lines */
  addressLines?: InputMaybe<Array<Scalars['String']['input']>>;
  allowSelfServiceCancel?: InputMaybe<Scalars['Boolean']['input']>;
  allowSelfServicePause?: InputMaybe<Scalars['Boolean']['input']>;
  allowSelfServiceQuantityChange?: InputMaybe<Scalars['Boolean']['input']>;
  /** null clears it */
  email?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  /** Current, recurring prices; at most 50 */
  selfServicePriceCodes?: InputMaybe<Array<Scalars['String']['input']>>;
  /** null clears it */
  taxId?: InputMaybe<Scalars['String']['input']>;
};

/** The customer's whole state in the syncing system, found by its id there */
export type UpsertCustomerInput = {
  /** Can change only while the customer has no subscriptions, invoices, contracts or quotes */
  currency: Scalars['Currency']['input'];
  email: Scalars['String']['input'];
  /** Finds the customer; a new one is created with it */
  externalId: ExternalIdInput;
  /** Omitted: kept (false for a new customer) */
  invoiceDrafts?: InputMaybe<Scalars['Boolean']['input']>;
  /** Omitted: kept (none for a new customer); given: the whole object */
  metadata?: InputMaybe<Scalars['JSONObject']['input']>;
  name: Scalars['String']['input'];
  /** Omitted: kept (none for a new customer); given: the whole set */
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Percent, required when TAXABLE */
  taxRate?: InputMaybe<Scalars['Decimal']['input']>;
  taxStatus: TaxStatus;
};

/** UNCHANGED: a replay; nothing was written */
export type UpsertOutcome =
  | 'CREATED'
  | 'UNCHANGED'
  | 'UPDATED';

/** The product's state in the syncing system, found by its id there */
export type UpsertProductInput = {
  /** Set at creation; a different code for a known product is CONFLICT */
  code: Scalars['String']['input'];
  /** Finds the product; a new one is created with it */
  externalId: ExternalIdInput;
  name: Scalars['String']['input'];
};

export type UsageEventInput = {
  customerId: Scalars['ID']['input'];
  /** The sender's id: an event counts once per (customer, id); a resend is a duplicate, even with other content */
  id: Scalars['String']['input'];
  /** What a usage price meters, e.g. "api_calls" */
  metric: Scalars['String']['input'];
  /** When the usage happened: it decides the billing period, however late it arrives (at most a day ahead of now) */
  timestamp: Scalars['DateTime']['input'];
  /** What unique_count counts */
  uniqueKey?: InputMaybe<Scalars['String']['input']>;
  /** Zero or more */
  value: Scalars['Decimal']['input'];
};

/** PENDING (waiting for an attempt, or behind an earlier event of its aggregate), SUCCEEDED (a 2xx came back), FAILED (given up after 3 days) */
export type WebhookDeliveryStatus =
  | 'FAILED'
  | 'PENDING'
  | 'SUCCEEDED';

export type Link__Purpose =
  /** `EXECUTION` features provide metadata necessary for operation execution. */
  | 'EXECUTION'
  /** `SECURITY` features provide metadata necessary to securely resolve fields. */
  | 'SECURITY';

export type StorefrontPricesQueryVariables = Exact<{
  currency: InputMaybe<Scalars['Currency']['input']>;
  after: InputMaybe<Scalars['String']['input']>;
}>;


export type StorefrontPricesQuery = { __typename?: 'Query', prices: { __typename?: 'PriceConnection', edges: Array<{ __typename?: 'PriceEdge', node: { __typename?: 'Price', code: string, currency: string, interval: BillingInterval, intervalCount: number, product: { __typename?: 'Product', code: string, name: string }, rule: { __typename?: 'PricingRule', kind: string, config: Record<string, unknown> } } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor: string | null } } };

export type SignUpCustomerMutationVariables = Exact<{
  input: CreateCustomerInput;
}>;


export type SignUpCustomerMutation = { __typename?: 'Mutation', createCustomer: { __typename?: 'Customer', id: string, name: string, email: string, currency: string, createdAt: string } };

export type PreviewCheckoutQueryVariables = Exact<{
  input: PreviewQuoteInput;
}>;


export type PreviewCheckoutQuery = { __typename?: 'Query', previewQuote: { __typename?: 'QuotePreview', currency: string, subtotal: string, tax: string, total: string, lines: Array<{ __typename?: 'PricedLine', priceCode: string, quantity: string, amount: string, steps: Array<string> }> } };

export type SubscribeMutationVariables = Exact<{
  input: CreateSubscriptionInput;
}>;


export type SubscribeMutation = { __typename?: 'Mutation', createSubscription: { __typename?: 'Subscription', id: string, status: SubscriptionStatus, currentPeriodStart: string, currentPeriodEnd: string, items: Array<{ __typename?: 'SubscriptionItem', priceCode: string, quantity: string }> } };

export type FirstInvoiceQueryVariables = Exact<{
  customerId: Scalars['ID']['input'];
}>;


export type FirstInvoiceQuery = { __typename?: 'Query', invoices: { __typename?: 'InvoiceConnection', edges: Array<{ __typename?: 'InvoiceEdge', node: { __typename?: 'Invoice', id: string, number: string | null, status: InvoiceStatus, total: string, amountDue: string, dueAt: string | null } }> } };


export const StorefrontPricesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"StorefrontPrices"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"currency"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Currency"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"prices"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"currency"},"value":{"kind":"Variable","name":{"kind":"Name","value":"currency"}}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"ACTIVE"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"interval"}},{"kind":"Field","name":{"kind":"Name","value":"intervalCount"}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rule"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"config"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<StorefrontPricesQuery, StorefrontPricesQueryVariables>;
export const SignUpCustomerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SignUpCustomer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateCustomerInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createCustomer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]} as unknown as DocumentNode<SignUpCustomerMutation, SignUpCustomerMutationVariables>;
export const PreviewCheckoutDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PreviewCheckout"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PreviewQuoteInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"previewQuote"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"subtotal"}},{"kind":"Field","name":{"kind":"Name","value":"tax"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"priceCode"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"steps"}}]}}]}}]}}]} as unknown as DocumentNode<PreviewCheckoutQuery, PreviewCheckoutQueryVariables>;
export const SubscribeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Subscribe"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateSubscriptionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createSubscription"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"currentPeriodStart"}},{"kind":"Field","name":{"kind":"Name","value":"currentPeriodEnd"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"priceCode"}},{"kind":"Field","name":{"kind":"Name","value":"quantity"}}]}}]}}]}}]} as unknown as DocumentNode<SubscribeMutation, SubscribeMutationVariables>;
export const FirstInvoiceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FirstInvoice"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"customerId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"invoices"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"customerId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"customerId"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"amountDue"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}}]}}]}}]}}]}}]} as unknown as DocumentNode<FirstInvoiceQuery, FirstInvoiceQueryVariables>;