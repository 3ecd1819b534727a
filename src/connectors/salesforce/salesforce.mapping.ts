import type { RecordType, SyncItem } from '../../domain/connectors/connector';
import { Decimal } from '../../pricing/decimal';

/**
 * Tariff records as Salesforce sObjects (docs/connectors.md has the table). Every record carries
 * `Tariff_Id__c`, a custom text field marked "External ID" and "Unique" on each object: the
 * upserts name it, so a record sent twice updates one sObject instead of creating a second.
 * Customers, contacts and subscriptions go to the standard Account, Contact and Opportunity
 * objects; invoices and payments to two custom objects, `Tariff_Invoice__c` and
 * `Tariff_Payment__c` (Salesforce has no standard invoice object outside its billing add-ons).
 * Tariff owns billing facts; account data a seller lets the CRM own (`crmOwnedFields`) is sent
 * only when the sObject is created.
 */
export type SalesforceFields = Record<string, string | number | null>;

/** The External ID field every synced sObject carries. */
export const EXTERNAL_ID_FIELD = 'Tariff_Id__c';

/** What a CRM receives: not the ERP's orders and credit notes (the engine sends only `recordTypes`). */
export const SALESFORCE_RECORD_TYPES = [
  'customer',
  'contact',
  'subscription',
  'invoice',
  'payment',
] as const satisfies readonly RecordType[];
export type SalesforceRecordType = (typeof SALESFORCE_RECORD_TYPES)[number];

/** The sObject each record type is upserted as. */
export const SOBJECT_OF: Record<SalesforceRecordType, string> = {
  customer: 'Account',
  contact: 'Contact',
  subscription: 'Opportunity',
  invoice: 'Tariff_Invoice__c',
  payment: 'Tariff_Payment__c',
};

export interface SalesforceSettings {
  /** The REST API version: sObject Collections upsert needs 46.0 or later. */
  apiVersion: string;
  /** The Opportunity stage Tariff's subscriptions are written in (a won stage of the org's sales process). */
  stageName: string;
  /** Account and Contact fields Salesforce owns once the sObject exists (e.g. `Name`, `Phone`). */
  crmOwnedFields: string[];
  /** The org has multiple currencies enabled: `CurrencyIsoCode` is written and read. */
  multiCurrency: boolean;
  /** How long to leave a connection alone after `REQUEST_LIMIT_EXCEEDED` (the org's rolling 24-hour API limit). */
  requestLimitWaitSeconds: number;
}

export const DEFAULT_API_VERSION = '62.0';

export function settingsOf(settings: Record<string, unknown>): SalesforceSettings {
  return {
    apiVersion: typeof settings.apiVersion === 'string' ? settings.apiVersion : DEFAULT_API_VERSION,
    stageName: typeof settings.stageName === 'string' ? settings.stageName : 'Closed Won',
    crmOwnedFields: Array.isArray(settings.crmOwnedFields) ? settings.crmOwnedFields.filter((f): f is string => typeof f === 'string') : [],
    multiCurrency: settings.multiCurrency === true,
    requestLimitWaitSeconds: typeof settings.requestLimitWaitSeconds === 'number' ? settings.requestLimitWaitSeconds : 900,
  };
}

/** Salesforce date fields take `YYYY-MM-DD`; null clears the field. */
function day(value: string | null | undefined): string | null {
  return value ? value.slice(0, 10) : null;
}

/** Account data the CRM owns is sent only when the sObject is created (no external id yet). */
function withoutCrmOwned(fields: SalesforceFields, item: SyncItem, settings: SalesforceSettings): SalesforceFields {
  if (item.externalId === null) return fields;
  return Object.fromEntries(Object.entries(fields).filter(([k]) => !settings.crmOwnedFields.includes(k)));
}

function currency(code: string, settings: SalesforceSettings): SalesforceFields {
  return settings.multiCurrency ? { CurrencyIsoCode: code } : {};
}

export function accountFields(item: SyncItem, settings: SalesforceSettings): SalesforceFields {
  if (item.event.aggregateType !== 'customer' || !('email' in item.event.payload) || !('currency' in item.event.payload)) {
    throw new Error(`Account from ${item.event.type}`);
  }
  const c = item.event.payload;
  const address = c.billingAddress ?? null;
  return withoutCrmOwned(
    {
      Name: c.name,
      BillingStreet: address ? [address.line1, address.line2].filter(Boolean).join('\n') : null,
      BillingCity: address?.city ?? null,
      BillingPostalCode: address?.postalCode ?? null,
      BillingState: address?.region ?? null,
      BillingCountry: address?.country ?? null,
      Tariff_Billing_Email__c: c.email,
      Tariff_Currency__c: c.currency,
      Tariff_VAT_Id__c: c.vatId ?? null,
      Tariff_Payment_Terms_Days__c: c.paymentTermsDays,
      ...currency(c.currency, settings),
    },
    item,
    settings,
  );
}

/** `LastName` is required on a Contact: a one-word name is all last name. */
export function contactFields(item: SyncItem, settings: SalesforceSettings): SalesforceFields {
  const p = item.event.payload as { name: string; email: string; role: string };
  const words = p.name.trim().split(/\s+/);
  const [first, last] = words.length > 1 ? [words[0], words.slice(1).join(' ')] : [null, words[0] || p.email];
  return {
    AccountId: item.customerExternalId,
    ...withoutCrmOwned({ Email: p.email, FirstName: first, LastName: last, Title: p.role }, item, settings),
  };
}

/** Months in one billing interval, to turn MRR into the amount of a period. */
function monthsPer(unit: string, count: number): number {
  const interval = unit.toLowerCase();
  if (interval === 'year') return 12 * count;
  if (interval === 'quarter') return 3 * count;
  if (interval === 'month') return count;
  return count / 4.345; // week: only for a readable figure, the MRR field is exact
}

/**
 * A Tariff decimal as the JSON number a Salesforce currency or number field takes. Exact: the
 * number's shortest form must read back as the same decimal (at most 15 significant digits),
 * else the connector refuses to send rather than round a billing fact silently.
 */
export function exactNumber(value: string): number {
  const decimal = new Decimal(value);
  const n = Number(decimal.toString());
  if (!new Decimal(String(n)).equals(decimal)) throw new Error(`${value} has no exact JSON number`);
  return n;
}

function cents(value: Decimal): number {
  return exactNumber(value.toDecimalPlaces(2).toFixed(2));
}

function amount(value: string | null | undefined): number | null {
  return value === null || value === undefined ? null : exactNumber(value);
}

export function opportunityFields(item: SyncItem, settings: SalesforceSettings): SalesforceFields {
  if (item.event.aggregateType !== 'subscription') throw new Error(`Opportunity from ${item.event.type}`);
  const s = item.event.payload;
  const mrr = item.mrr ?? '0';
  const codes = [...new Set(s.items.map((i) => i.priceCode))].join(', ');
  return {
    AccountId: item.customerExternalId,
    Name: `${item.customerName ?? 'Subscription'}: ${codes}`.slice(0, 120),
    StageName: settings.stageName,
    CloseDate: day(s.startsAt),
    // A year of the subscription at today's MRR: the Opportunity's value.
    Amount: cents(new Decimal(mrr).times(12)),
    // The revenue projection's MRR, to the cent (the field's scale).
    Tariff_MRR__c: cents(new Decimal(mrr)),
    Tariff_Period_Amount__c: cents(new Decimal(mrr).times(new Decimal(String(monthsPer(s.interval, s.intervalCount))))),
    Tariff_Status__c: s.status,
    Tariff_Billing_Interval__c: `${s.intervalCount} ${s.interval}`,
    Tariff_Current_Period_End__c: day(s.currentPeriodEnd),
    Tariff_Purchase_Order_Number__c: s.purchaseOrderNumber ?? null,
    Tariff_Currency__c: s.currency,
    ...currency(s.currency, settings),
  };
}

/** The custom object `Tariff_Invoice__c`: what Tariff billed, looked up to the Account and the subscription's Opportunity. */
export function invoiceFields(item: SyncItem, settings: SalesforceSettings): SalesforceFields {
  if (item.event.aggregateType !== 'invoice' || !('amountDue' in item.event.payload)) throw new Error(`invoice from ${item.event.type}`);
  const i = item.event.payload;
  return {
    Name: i.number ?? `Draft ${item.tariffId.slice(0, 8)}`,
    Account__c: item.customerExternalId,
    Opportunity__c: item.parentExternalId,
    Status__c: i.status,
    Currency__c: i.currency,
    Invoice_Date__c: day(i.finalizedAt ?? i.createdAt),
    Due_Date__c: day(i.dueAt),
    Purchase_Order_Number__c: i.purchaseOrderNumber ?? null,
    Subtotal__c: amount(i.subtotal),
    Tax__c: amount(i.tax),
    Total__c: amount(i.total),
    Amount_Due__c: amount(i.amountDue),
    Amount_Paid__c: amount(i.amountPaid),
    Paid_At__c: i.paidAt ?? null,
    ...currency(i.currency, settings),
  };
}

/** The custom object `Tariff_Payment__c`, looked up to the Account and the invoice. */
export function paymentFields(item: SyncItem, settings: SalesforceSettings): SalesforceFields {
  if (item.event.aggregateType !== 'payment' || !('outcome' in item.event.payload)) throw new Error(`payment from ${item.event.type}`);
  const p = item.event.payload;
  return {
    Account__c: item.customerExternalId,
    Invoice__c: item.parentExternalId,
    Amount__c: amount(p.amount),
    Currency__c: p.currency,
    Method__c: p.kind,
    Status__c: p.outcome,
    Paid_At__c: p.at,
    Provider_Reference__c: p.providerReference ?? null,
    ...currency(p.currency, settings),
  };
}

export const FIELDS_OF: Record<SalesforceRecordType, (item: SyncItem, settings: SalesforceSettings) => SalesforceFields> = {
  customer: accountFields,
  contact: contactFields,
  subscription: opportunityFields,
  invoice: invoiceFields,
  payment: paymentFields,
};
