import type { SyncItem } from '../../domain/connectors/connector';
import { Decimal } from '../../pricing/decimal';

/**
 * Tariff records as HubSpot properties (docs/connectors.md has the table). Every object carries
 * `tariff_id`, a custom property with unique values that the batch upserts name as `idProperty`:
 * sending a record twice updates the one object instead of creating a second. Tariff owns billing
 * facts (amounts, statuses, dates of invoices and payments, MRR); account data a seller lets the
 * CRM own (settings.crmOwnedFields) is not sent after the object exists.
 */
export type HubSpotProperties = Record<string, string>;

export interface HubSpotSettings {
  pipeline: string;
  dealStage: string;
  /** Company and contact properties HubSpot owns once the object exists (e.g. `name`, `domain`). */
  crmOwnedFields: string[];
}

export function settingsOf(settings: Record<string, unknown>): HubSpotSettings {
  return {
    pipeline: typeof settings.pipeline === 'string' ? settings.pipeline : 'default',
    dealStage: typeof settings.dealStage === 'string' ? settings.dealStage : 'closedwon',
    crmOwnedFields: Array.isArray(settings.crmOwnedFields) ? settings.crmOwnedFields.filter((f): f is string => typeof f === 'string') : [],
  };
}

/** HubSpot date properties take midnight UTC of the day, as milliseconds or ISO; ISO dates here. */
function day(value: string | null | undefined): string {
  return value ? value.slice(0, 10) : '';
}

function clean(properties: Record<string, string | null | undefined>): HubSpotProperties {
  return Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, v ?? '']));
}

/** Account data the CRM owns is sent only when the object is created (no external id yet). */
function withoutCrmOwned(properties: HubSpotProperties, item: SyncItem, settings: HubSpotSettings): HubSpotProperties {
  if (item.externalId === null) return properties;
  return Object.fromEntries(Object.entries(properties).filter(([k]) => !settings.crmOwnedFields.includes(k)));
}

export function companyProperties(item: SyncItem, settings: HubSpotSettings): HubSpotProperties {
  if (item.event.aggregateType !== 'customer' || !('email' in item.event.payload) || !('currency' in item.event.payload)) {
    throw new Error(`company from ${item.event.type}`);
  }
  const c = item.event.payload;
  const address = c.billingAddress ?? null;
  return withoutCrmOwned(
    clean({
      tariff_id: item.tariffId,
      name: c.name,
      address: address?.line1,
      city: address?.city,
      zip: address?.postalCode,
      state: address?.region,
      country: address?.country,
      tariff_billing_email: c.email,
      tariff_currency: c.currency,
      tariff_vat_id: c.vatId ?? null,
      tariff_payment_terms_days: String(c.paymentTermsDays),
    }),
    item,
    settings,
  );
}

export function contactProperties(item: SyncItem, settings: HubSpotSettings): HubSpotProperties {
  const p = item.event.payload as { name: string; email: string; role: string };
  const [firstname, ...rest] = p.name.trim().split(/\s+/);
  return withoutCrmOwned(
    clean({ tariff_id: item.tariffId, email: p.email, firstname, lastname: rest.join(' '), jobtitle: p.role }),
    item,
    settings,
  );
}

/** Months in one billing interval, to turn MRR into the amount of a period. */
function monthsPer(unit: string, count: number): number {
  const interval = unit.toLowerCase();
  if (interval === 'year') return 12 * count;
  if (interval === 'quarter') return 3 * count;
  if (interval === 'month') return count;
  return count / 4.345; // week: only for a readable figure, the MRR property is exact
}

export function dealProperties(item: SyncItem, settings: HubSpotSettings): HubSpotProperties {
  if (item.event.aggregateType !== 'subscription') throw new Error(`deal from ${item.event.type}`);
  const s = item.event.payload;
  const mrr = item.mrr ?? '0';
  const codes = [...new Set(s.items.map((i) => i.priceCode))].join(', ');
  return clean({
    tariff_id: item.tariffId,
    dealname: `${item.customerName ?? 'Subscription'}: ${codes}`,
    pipeline: settings.pipeline,
    dealstage: settings.dealStage,
    closedate: day(s.startsAt),
    deal_currency_code: s.currency,
    // The value of a year of the subscription at today's MRR (HubSpot's deal amount).
    amount: annual(mrr),
    tariff_mrr: mrr,
    tariff_status: s.status,
    tariff_billing_interval: `${s.intervalCount} ${s.interval}`,
    tariff_period_amount: times(mrr, monthsPer(s.interval, s.intervalCount)),
    tariff_current_period_end: day(s.currentPeriodEnd),
    tariff_purchase_order_number: s.purchaseOrderNumber ?? null,
  });
}

/** HubSpot's invoice object (`invoices`, 0-53): Tariff's invoices as a record of what was billed, not HubSpot's own billing. */
export function invoiceProperties(item: SyncItem): HubSpotProperties {
  if (item.event.aggregateType !== 'invoice' || !('amountDue' in item.event.payload)) throw new Error(`invoice from ${item.event.type}`);
  const i = item.event.payload;
  return clean({
    tariff_id: item.tariffId,
    hs_currency: i.currency,
    hs_invoice_date: day(i.finalizedAt ?? i.createdAt),
    hs_due_date: day(i.dueAt),
    hs_purchase_order_number: i.purchaseOrderNumber ?? null,
    tariff_invoice_number: i.number,
    tariff_status: i.status,
    tariff_subtotal: i.subtotal,
    tariff_tax: i.tax,
    tariff_total: i.total,
    tariff_amount_due: i.amountDue,
    tariff_amount_paid: i.amountPaid,
    tariff_paid_at: i.paidAt,
  });
}

/** HubSpot's commerce payment object (`commerce_payments`, 0-101). */
export function paymentProperties(item: SyncItem): HubSpotProperties {
  if (item.event.aggregateType !== 'payment' || !('outcome' in item.event.payload)) throw new Error(`payment from ${item.event.type}`);
  const p = item.event.payload;
  return clean({
    tariff_id: item.tariffId,
    hs_initial_amount: p.amount,
    hs_currency_code: p.currency,
    hs_payment_method_type: p.kind,
    hs_latest_status: p.outcome.toLowerCase(),
    tariff_paid_at: p.at,
    tariff_provider_reference: p.providerReference,
  });
}

// Exact decimal arithmetic on strings: MRR × 12 and MRR × months, rounded to cents.

function annual(mrr: string): string {
  return times(mrr, 12);
}

function times(mrr: string, factor: number): string {
  return new Decimal(mrr)
    .times(new Decimal(String(factor)))
    .toDecimalPlaces(2)
    .toFixed(2);
}
