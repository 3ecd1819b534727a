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
  /** sepa_debit only (then token is the mandate id): the mandate */
  sepaMandate?: InputMaybe<SepaMandateInput>;
  /** The provider's reference of the method: a sandbox test token (pm_sandbox_ok, …), or for manual the bank reference customers quote */
  token: Scalars['String']['input'];
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

export type BillingRunStatus =
  | 'FAILED'
  | 'RUNNING'
  | 'SUCCEEDED';

export type CancelOrderLineInput = {
  /** Above 0, at most what is left to ship of the SKU */
  quantity: Scalars['Decimal']['input'];
  sku: Scalars['String']['input'];
};

export type CancelOrderLinesInput = {
  /** Quantities per SKU of what has not shipped; omitted or empty: all of it (the backordered rest, say) */
  lines?: InputMaybe<Array<CancelOrderLineInput>>;
  orderId: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
};

export type ChangeSubscriptionInput = {
  /** Refused with CONFLICT unless it is the current version */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  /** The whole new list of items */
  items: Array<SubscriptionItemInput>;
  /** Default CREATE_PRORATIONS */
  prorationBehavior?: InputMaybe<ProrationBehavior>;
  /** Sets or replaces the purchase order number; omitted keeps it (one is required when the customer’s purchaseOrderRequired is set) */
  purchaseOrderNumber?: InputMaybe<Scalars['String']['input']>;
};

/** Only the accounts given change */
export type ChartOfAccountsInput = {
  badDebt?: InputMaybe<LedgerAccountInput>;
  bank?: InputMaybe<LedgerAccountInput>;
  customerCredit?: InputMaybe<LedgerAccountInput>;
  deferredRevenue?: InputMaybe<LedgerAccountInput>;
  receivables?: InputMaybe<LedgerAccountInput>;
  refundsClearing?: InputMaybe<LedgerAccountInput>;
  revenue?: InputMaybe<LedgerAccountInput>;
  vatPayable?: InputMaybe<LedgerAccountInput>;
};

export type CltvSegmentBy =
  /** Each price code of a subscription's last ledger state: a customer with several is in each one's segment */
  | 'PLAN'
  /** Each of the customer's current tags: a customer with several is in each one's segment */
  | 'TAG';

export type CollectionMethod =
  | 'CHARGE_AUTOMATICALLY'
  | 'SEND_INVOICE';

/** The CRM or ERP a connection links to */
export type ConnectedSystem =
  | 'DYNAMICS_365'
  | 'HUBSPOT'
  | 'SALESFORCE'
  | 'SAP_S4HANA';

/** PENDING (waiting for an attempt, or for its customer on the vendor side), SYNCED, FAILED (the vendor refused it; retried with backoff), DEAD (given up; retryConnectionRecord sends it again) */
export type ConnectionRecordStatus =
  | 'DEAD'
  | 'FAILED'
  | 'PENDING'
  | 'SYNCED';

/** ACTIVE (synced by every pass) or PAUSED */
export type ConnectionStatus =
  | 'ACTIVE'
  | 'PAUSED';

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

export type CreateConnectionInput = {
  /** Defaults to the vendor's production address (HubSpot); required for SAP_S4HANA, whose every tenant has its own host */
  baseUrl?: InputMaybe<Scalars['String']['input']>;
  /** HubSpot: { accessToken } (a private app token); SAP_S4HANA: { username, password } (a communication user). Stored encrypted, never returned */
  credentials: Scalars['JSONObject']['input'];
  settings?: InputMaybe<Scalars['JSONObject']['input']>;
  system: ConnectedSystem;
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
  billingAddress?: InputMaybe<AddressInput>;
  /** What creditExposure may reach, in the customer currency (at least 0, at most its minor unit decimals); omitted or null: no limit. Setting one needs an ADMIN key */
  creditLimit?: InputMaybe<Scalars['Decimal']['input']>;
  currency: Scalars['Currency']['input'];
  email: Scalars['String']['input'];
  /** At most 20; each unique per system */
  externalIds?: InputMaybe<Array<ExternalIdInput>>;
  invoiceDrafts?: InputMaybe<Scalars['Boolean']['input']>;
  /** Default SELF; PARENT needs a parent */
  invoiceTo?: InputMaybe<InvoiceRecipient>;
  /** At most 50 keys of at most 40 characters; values are strings (at most 500 characters), numbers, booleans or null */
  metadata?: InputMaybe<Scalars['JSONObject']['input']>;
  name: Scalars['String']['input'];
  /** The parent in a company group (same currency, no cycles); null removes it on update, absent keeps it */
  parentId?: InputMaybe<Scalars['ID']['input']>;
  /** 0 to 365; omitted: the seller's defaultPaymentTermsDays (30 unless set). Not for STOREFRONT keys */
  paymentTermsDays?: InputMaybe<Scalars['Int']['input']>;
  /** Due at the end of the month in which finalization + paymentTermsDays falls; omitted: the seller's default (false unless set) */
  paymentTermsEndOfMonth?: InputMaybe<Scalars['Boolean']['input']>;
  /** Default false: subscriptions, changes and quotes then need a purchase order number */
  purchaseOrderRequired?: InputMaybe<Scalars['Boolean']['input']>;
  /** At most 20, each 1 to 64 letters, digits, spaces or _ . : / + # & - */
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Percent, required when TAXABLE */
  taxRate?: InputMaybe<Scalars['Decimal']['input']>;
  taxStatus: TaxStatus;
  /** The customer lives on this test clock (simulated time), for good */
  testClockId?: InputMaybe<Scalars['ID']['input']>;
  /** With its country's prefix (Greece: EL); format-checked for the billing address's country (no VIES lookup). Required when REVERSE_CHARGE */
  vatId?: InputMaybe<Scalars['String']['input']>;
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
  /** Default SERVICE */
  kind?: InputMaybe<ProductKind>;
  name: Scalars['String']['input'];
  /** Required for PHYSICAL (and refused for SERVICE): 1 to 64 letters, digits, ".", "_", "-" or "/"; unique */
  sku?: InputMaybe<Scalars['String']['input']>;
  /** PHYSICAL only; default BACKORDER */
  stockPolicy?: InputMaybe<StockPolicy>;
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
  /** The buyer’s purchase order: 1 to 100 characters, no control characters; required when the customer’s purchaseOrderRequired is set */
  purchaseOrderNumber?: InputMaybe<Scalars['String']['input']>;
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
  /** Goods: its PHYSICAL items go on an order per delivery date; required when it has any */
  delivery?: InputMaybe<DeliveryInput>;
  items: Array<SubscriptionItemInput>;
  /** One of the customer's locations: where it is used or delivered (consolidated invoices name it) */
  locationId?: InputMaybe<Scalars['ID']['input']>;
  /** A promotion code redeemed for it from its start (or couponCode) */
  promotionCode?: InputMaybe<Scalars['String']['input']>;
  /** The buyer’s purchase order: 1 to 100 characters, no control characters; required when the customer’s purchaseOrderRequired is set */
  purchaseOrderNumber?: InputMaybe<Scalars['String']['input']>;
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
  /** mrrMin and mrrMax compare the MRR of everything billed through the customer (itself and its company-group members billed to it) */
  mrrRollUp?: InputMaybe<Scalars['Boolean']['input']>;
  /** true: has a creditLimit and its creditExposure is above it; false: has no limit or is within it */
  overCreditLimit?: InputMaybe<Scalars['Boolean']['input']>;
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

/** Who a customer counts as in customer counts, ARPA, logo churn and cohorts */
export type CustomerGrouping =
  /** Each customer on its own */
  | 'CUSTOMER'
  /** Each customer as its payer today: a company-group member billed to its parent counts as that parent */
  | 'PAYER';

export type DeliveryInput = {
  /** Default SHIPMENT */
  billOn?: InputMaybe<OrderBilling>;
  every: Scalars['Int']['input'];
  /** Default: when the subscription starts */
  firstDeliveryAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** The ship-to location: one of the customer's */
  locationId: Scalars['ID']['input'];
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

/** The specification identifier (BT-24) the document claims */
export type EInvoiceSpecification =
  /** urn:cen.eu:en16931:2017 */
  | 'EN16931'
  /** Factur-X / ZUGFeRD, profile EN 16931 (the same identifier as EN16931; the PDF/A-3 container is not made) */
  | 'FACTUR_X'
  /** XRechnung 3.0's identifier (its national rules BR-DE-* are not checked) */
  | 'XRECHNUNG';

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
  content: Scalars['String']['input'];
  format: BankStatementFormat;
};

export type ImportFeedInput = {
  /** The feed itself, within the request size limit; larger feeds go through `npm run feed` */
  content: Scalars['String']['input'];
  format: FeedFormat;
  /** The external id system of records that name none */
  system?: InputMaybe<Scalars['String']['input']>;
  type: FeedType;
};

export type InventoryLevelInput = {
  /** What the warehouse has: 0 or more, at most 6 decimals */
  available: Scalars['Decimal']['input'];
  /** A PHYSICAL product's SKU */
  sku: Scalars['String']['input'];
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

/** The kind of stored document a journal entry comes from */
export type JournalSourceType =
  | 'CREDIT_BALANCE'
  | 'CREDIT_NOTE'
  | 'INVOICE'
  | 'INVOICE_VOID'
  | 'PAYMENT'
  | 'PAYMENT_RETURN'
  | 'RECOGNITION'
  | 'REFUND'
  | 'WRITE_OFF'
  | 'WRITE_OFF_RECOVERY';

/** Only the fields given change */
export type LedgerAccountInput = {
  /** Hierarchical with ':' ('Assets:Bank'); no tab, ';' or double space */
  name?: InputMaybe<Scalars['String']['input']>;
  /** 1 to 20 letters, digits or . - _ / */
  number?: InputMaybe<Scalars['String']['input']>;
};

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

export type OrderBilling =
  | 'ORDER'
  | 'SHIPMENT';

/** Why a due order was not placed */
export type OrderHoldReason =
  | 'CREDIT_LIMIT';

export type OrderLineInput = {
  priceCode: Scalars['String']['input'];
  quantity: Scalars['Decimal']['input'];
};

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

/** What a portal session may do: its CUSTOMER role narrowed by its contact's role (ContactRole) */
export type PortalAction =
  /** Cancel at period end (within sellerSettings.allowSelfServiceCancel) */
  | 'CANCEL_SUBSCRIPTION'
  /** Change quantities or plans (within sellerSettings.allowSelfServiceQuantityChange, selfServicePriceCodes) */
  | 'CHANGE_SUBSCRIPTION'
  /** Download printable invoices (GET /invoices/:id.html) */
  | 'DOWNLOAD_INVOICES'
  /** Skip, reschedule, change and send now scheduled orders; change a delivery schedule's ship-to location and frequency */
  | 'MANAGE_ORDERS'
  /** Add or replace the payment method invoices are charged to */
  | 'MANAGE_PAYMENT_METHODS'
  /** Pause (within sellerSettings.allowSelfServicePause) */
  | 'PAUSE_SUBSCRIPTION'
  /** Resume (within sellerSettings.allowSelfServicePause) */
  | 'RESUME_SUBSCRIPTION';

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
  /** The kind's config: its shape is the kind's `configSchema` in `pricingRuleKinds` (a JSON Schema), checked when the price is created */
  config: Scalars['JSONObject']['input'];
  /** One of `pricingRuleKinds`: built in are flat, per_unit, graduated, volume, package, usage, bundle and formula; pricing plugins add others */
  kind: Scalars['String']['input'];
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

export type RecordShipmentInput = {
  carrier?: InputMaybe<Scalars['String']['input']>;
  /** The ERP's or WMS's id: a replay with the same content returns the same shipment */
  externalId: Scalars['String']['input'];
  lines: Array<ShipmentLineInput>;
  orderId: Scalars['ID']['input'];
  shippedAt: Scalars['DateTime']['input'];
  trackingNumber?: InputMaybe<Scalars['String']['input']>;
};

export type RefundPaymentInput = {
  /** The name of the account given by iban */
  accountHolder?: InputMaybe<Scalars['String']['input']>;
  /** With tax; at most what is left of the payment after earlier refunds */
  amount: Scalars['Decimal']['input'];
  bic?: InputMaybe<Scalars['String']['input']>;
  /** A bank payment's refund goes to this IBAN (default: the customer's SEPA mandate's) */
  iban?: InputMaybe<Scalars['String']['input']>;
  paymentId: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
};

export type Role =
  | 'ADMIN'
  | 'CUSTOMER'
  | 'PARTNER'
  | 'SALES'
  | 'SALES_MANAGER'
  | 'STOREFRONT';

export type ScheduleChangeInput = {
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  /** The whole item list from the next period on */
  items: Array<SubscriptionItemInput>;
  /** Sets or replaces the purchase order number; omitted keeps it (one is required when the customer’s purchaseOrderRequired is set) */
  purchaseOrderNumber?: InputMaybe<Scalars['String']['input']>;
};

export type SepaMandateInput = {
  /** The account holder as the mandate names them (at most 70 characters) */
  accountHolder: Scalars['String']['input'];
  /** The debtor's bank (8 or 11 characters); optional within SEPA */
  bic?: InputMaybe<Scalars['String']['input']>;
  /** The debtor's IBAN: spaces and case ignored, country format and check digits verified (ibantools) */
  iban: Scalars['String']['input'];
  /** FRST (default) for a mandate never collected; RCUR for one already collected under */
  sequence?: InputMaybe<Scalars['String']['input']>;
  /** When the debtor signed the mandate (not in the future) */
  signatureDate: Scalars['DateTime']['input'];
};

export type SetDunningPolicyInput = {
  finalAction: DunningFinalAction;
  /** Default 0 */
  graceDays?: InputMaybe<Scalars['Int']['input']>;
  /** e.g. [1, 3, 5, 7]: ascending, 1 to 365, at most 10 */
  retryAfterDays: Array<Scalars['Int']['input']>;
};

/** Replaces the policy: an omitted or null limit is no limit */
export type SetQuotePolicyInput = {
  /** 0 to 100, at most 4 decimals */
  maxDiscountPercent?: InputMaybe<Scalars['Decimal']['input']>;
  /** Zero or more */
  maxTotal?: InputMaybe<Scalars['Decimal']['input']>;
};

export type ShipmentLineInput = {
  quantity: Scalars['Decimal']['input'];
  sku: Scalars['String']['input'];
};

/** What placing an order does when stock is short: BACKORDER the rest, SKIP_LINE (drop the rest), HOLD_ORDER (hold it all) */
export type StockPolicy =
  | 'BACKORDER'
  | 'HOLD_ORDER'
  | 'SKIP_LINE';

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
  /** Replaces the address; null clears it */
  billingAddress?: InputMaybe<AddressInput>;
  /** Omitted: kept; null: no limit. May be set below the current exposure (the customer is then over its limit) */
  creditLimit?: InputMaybe<Scalars['Decimal']['input']>;
  email?: InputMaybe<Scalars['String']['input']>;
  /** Replaces the whole set when given */
  externalIds?: InputMaybe<Array<ExternalIdInput>>;
  invoiceDrafts?: InputMaybe<Scalars['Boolean']['input']>;
  /** Default SELF; PARENT needs a parent */
  invoiceTo?: InputMaybe<InvoiceRecipient>;
  /** Replaces the whole object when given ({} clears it) */
  metadata?: InputMaybe<Scalars['JSONObject']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  /** The parent in a company group (same currency, no cycles); null removes it on update, absent keeps it */
  parentId?: InputMaybe<Scalars['ID']['input']>;
  /** Applies to invoices finalized from now on */
  paymentTermsDays?: InputMaybe<Scalars['Int']['input']>;
  /** Applies to invoices finalized from now on */
  paymentTermsEndOfMonth?: InputMaybe<Scalars['Boolean']['input']>;
  /** From now on; subscriptions without a number get one with their next change (changeSubscription refuses without) */
  purchaseOrderRequired?: InputMaybe<Scalars['Boolean']['input']>;
  /** Replaces the whole set when given ([] clears it) */
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
  /** null clears it; leaving TAXABLE clears it too */
  taxRate?: InputMaybe<Scalars['Decimal']['input']>;
  taxStatus?: InputMaybe<TaxStatus>;
  /** null clears it (refused while REVERSE_CHARGE); checked against the billing country */
  vatId?: InputMaybe<Scalars['String']['input']>;
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
  /** Sets or replaces the purchase order number; omitted keeps it (one is required when the customer’s purchaseOrderRequired is set) */
  purchaseOrderNumber?: InputMaybe<Scalars['String']['input']>;
  trialDays?: InputMaybe<Scalars['Int']['input']>;
  /** null: the quote does not expire */
  validUntil?: InputMaybe<Scalars['DateTime']['input']>;
};

/** Only the fields given change */
export type UpdateSellerSettingsInput = {
  /** null clears it */
  address?: InputMaybe<AddressInput>;
  /** At most 6 lines */
  addressLines?: InputMaybe<Array<Scalars['String']['input']>>;
  allowSelfServiceCancel?: InputMaybe<Scalars['Boolean']['input']>;
  allowSelfServicePause?: InputMaybe<Scalars['Boolean']['input']>;
  allowSelfServiceQuantityChange?: InputMaybe<Scalars['Boolean']['input']>;
  /** 8 or 11 characters, format and country verified; null clears it */
  bic?: InputMaybe<Scalars['String']['input']>;
  /** The general ledger's accounts; no two roles on one account name */
  chartOfAccounts?: InputMaybe<ChartOfAccountsInput>;
  /** For customers created from now on without terms; 0 to 365 */
  defaultPaymentTermsDays?: InputMaybe<Scalars['Int']['input']>;
  /** For customers created from now on without terms */
  defaultPaymentTermsEndOfMonth?: InputMaybe<Scalars['Boolean']['input']>;
  /** Above 0, at most 100, 4 decimals; null clears it (refused while taxByShipTo is on) */
  domesticTaxRate?: InputMaybe<Scalars['Decimal']['input']>;
  /** Finalize every invoice as an EN 16931 e-invoice (docs/e-invoices.md) */
  eInvoicing?: InputMaybe<Scalars['Boolean']['input']>;
  /** null clears it */
  email?: InputMaybe<Scalars['String']['input']>;
  /** Spaces and case ignored; country format and check digits verified (ibantools, no bank lookup); null clears it */
  iban?: InputMaybe<Scalars['String']['input']>;
  /** 0 (no invoice.due_soon) to 90 days */
  invoiceDueSoonDays?: InputMaybe<Scalars['Int']['input']>;
  /** null clears it */
  legalName?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  /** 0 to 30 days */
  orderLeadDays?: InputMaybe<Scalars['Int']['input']>;
  /** At most 50 characters; null clears it */
  registrationNumber?: InputMaybe<Scalars['String']['input']>;
  /** Current, recurring prices; at most 50 */
  selfServicePriceCodes?: InputMaybe<Array<Scalars['String']['input']>>;
  /** The SEPA creditor identifier (e.g. DE98ZZZ09999999999), check digits verified; null clears it */
  sepaCreditorId?: InputMaybe<Scalars['String']['input']>;
  /** Tax orders by their ship-to location's country; on needs address and domesticTaxRate */
  taxByShipTo?: InputMaybe<Scalars['Boolean']['input']>;
  /** null clears it */
  taxId?: InputMaybe<Scalars['String']['input']>;
  /** With its country's prefix (Greece: EL), format-checked for the address's country (no VIES lookup); null clears it */
  vatId?: InputMaybe<Scalars['String']['input']>;
};

/** At least one field; what is left out stays as it is */
export type UpdateSubscriptionDeliveryInput = {
  /** Deliver every N units (1 to 365) */
  every?: InputMaybe<Scalars['Int']['input']>;
  /** The new ship-to location: one of the customer's */
  locationId?: InputMaybe<Scalars['ID']['input']>;
  unit?: InputMaybe<DeliveryUnit>;
};

/** The customer's whole state in the syncing system, found by its id there */
export type UpsertCustomerInput = {
  /** Omitted or null: kept (none for a new customer) */
  billingAddress?: InputMaybe<AddressInput>;
  /** Omitted or null: kept (no limit for a new customer); updateCustomer with null lifts a limit */
  creditLimit?: InputMaybe<Scalars['Decimal']['input']>;
  /** Can change only while the customer has no subscriptions, invoices, contracts or quotes */
  currency: Scalars['Currency']['input'];
  email: Scalars['String']['input'];
  /** Finds the customer; a new one is created with it */
  externalId: ExternalIdInput;
  /** Omitted: kept (false for a new customer) */
  invoiceDrafts?: InputMaybe<Scalars['Boolean']['input']>;
  /** Omitted: kept (SELF for a new customer); PARENT needs a parent */
  invoiceTo?: InputMaybe<InvoiceRecipient>;
  /** Omitted: kept (none for a new customer); given: the whole object */
  metadata?: InputMaybe<Scalars['JSONObject']['input']>;
  name: Scalars['String']['input'];
  /** The parent in a company group; omitted or null: kept (none for a new customer) */
  parentId?: InputMaybe<Scalars['ID']['input']>;
  /** 0 to 365; omitted: kept (the seller's default terms for a new customer) */
  paymentTermsDays?: InputMaybe<Scalars['Int']['input']>;
  /** Omitted: kept (the seller's default for a new customer) */
  paymentTermsEndOfMonth?: InputMaybe<Scalars['Boolean']['input']>;
  /** Omitted or null: kept (false for a new customer) */
  purchaseOrderRequired?: InputMaybe<Scalars['Boolean']['input']>;
  /** Omitted: kept (none for a new customer); given: the whole set */
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Percent, required when TAXABLE */
  taxRate?: InputMaybe<Scalars['Decimal']['input']>;
  taxStatus: TaxStatus;
  /** Omitted or null: kept (none for a new customer); format-checked for the billing country. Required when REVERSE_CHARGE */
  vatId?: InputMaybe<Scalars['String']['input']>;
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
  /** Omitted or null: kept (SERVICE for a new product) */
  kind?: InputMaybe<ProductKind>;
  name: Scalars['String']['input'];
  /** Omitted or null: kept. Required for PHYSICAL (refused for SERVICE): 1 to 64 letters, digits, ".", "_", "-" or "/"; unique */
  sku?: InputMaybe<Scalars['String']['input']>;
  /** PHYSICAL only; omitted or null: kept (BACKORDER for a new PHYSICAL product) */
  stockPolicy?: InputMaybe<StockPolicy>;
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