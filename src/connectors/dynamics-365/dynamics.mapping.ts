import type { EventPayload } from '../../domain/events/event-types';
import { Decimal } from '../../pricing/decimal';
import { ODataDecimal } from './dynamics.http';
import type { DynamicsSettings } from './dynamics.settings';

/**
 * Tariff records as Business Central API v2.0 entities (docs/connectors.md has the table). BC has
 * no upsert by an external key on customers and sales documents, so each carries a `number` Tariff
 * chooses: the customer `T` + 19 hex digits of its Tariff id, a document Tariff's own number. That
 * is what the connector looks up before creating one it has no id for (a retry after a time-out
 * finds what the first attempt made). Strings are cut to the description's MaxLength.
 */

export type BcBody = Record<string, unknown>;

type CustomerPayload = EventPayload<'customer.created'>;
type OrderPayload = EventPayload<'order.placed'>;
type InvoicePayload = EventPayload<'invoice.finalized'>;
type CreditNotePayload = EventPayload<'credit_note.created'>;
type PaymentPayload = EventPayload<'payment.succeeded'>;

export interface ShipTo {
  name: string;
  address: { line1: string; line2: string | null; city: string; postalCode: string | null; region: string | null; country: string };
}

/** At most `max` UTF-16 units (BC's text lengths), never half a surrogate pair. */
function cut(value: string | null | undefined, max: number): string {
  const s = (value ?? '').slice(0, max);
  return /[\uD800-\uDBFF]$/.test(s) ? s.slice(0, -1) : s;
}

function day(value: string | null | undefined): string | undefined {
  return value ? value.slice(0, 10) : undefined;
}

/** BC's number for a Tariff document: its own number, within the 20 characters of `number` (the lookup uses the same). */
export function documentNumberOf(number: string): string {
  return cut(number, 20);
}

/** BC's number for a Tariff customer: deterministic, within the 20 characters of `number`. */
export function customerNumberOf(tariffId: string): string {
  return `T${tariffId.replace(/-/g, '').slice(0, 19).toUpperCase()}`;
}

/** BC writes the company's local currency as a blank code; another currency by its code. */
function currencyCode(currency: string, settings: DynamicsSettings): string {
  return settings.localCurrency && currency.toUpperCase() === settings.localCurrency ? '' : currency.toUpperCase();
}

function withoutUndefined(body: BcBody): BcBody {
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
}

/** A customer; `erpOwnedFields` are left out once BC has it (`existing`). */
export function customerBody(tariffId: string, c: CustomerPayload, settings: DynamicsSettings, existing: boolean): BcBody {
  const address = c.billingAddress ?? null;
  const body: BcBody = {
    number: customerNumberOf(tariffId),
    displayName: cut(c.name, 100),
    type: 'Company',
    email: cut(c.email, 80),
    addressLine1: cut(address?.line1, 100),
    addressLine2: cut(address?.line2, 50),
    city: cut(address?.city, 30),
    state: cut(address?.region, 30),
    country: cut(address?.country, 10),
    postalCode: cut(address?.postalCode, 20),
    currencyCode: currencyCode(c.currency, settings),
    taxRegistrationNumber: c.vatId ?? '',
  };
  if (!existing) return body;
  // `number` is the lookup key: never rewritten. ERP-owned fields are BC's once the customer exists.
  return Object.fromEntries(Object.entries(body).filter(([k]) => k !== 'number' && !settings.erpOwnedFields.includes(k)));
}

/** An exact unit price for a line whose amount Tariff priced (a graduated tier need not divide): 5 decimals, BC's default unit-amount precision. */
function unitPrice(amount: string, quantity: string): ODataDecimal {
  const q = new Decimal(quantity);
  return new ODataDecimal(q.isZero() ? '0' : new Decimal(amount).dividedBy(q).toDecimalPlaces(5).toFixed());
}

/** A sales order's header: the sell-to customer, the PO number as BC's External Document No., the ship-to from the order's location. */
export function salesOrderHeader(o: OrderPayload, customerId: string, shipTo: ShipTo | null, settings: DynamicsSettings): BcBody {
  return withoutUndefined({
    customerId,
    externalDocumentNumber: cut(o.purchaseOrderNumber, 35),
    orderDate: day(o.placedAt ?? o.scheduledFor),
    requestedDeliveryDate: day(o.scheduledFor),
    currencyCode: currencyCode(o.currency, settings),
    ...(shipTo
      ? {
          shipToName: cut(shipTo.name, 100),
          shipToAddressLine1: cut(shipTo.address.line1, 100),
          shipToAddressLine2: cut(shipTo.address.line2, 50),
          shipToCity: cut(shipTo.address.city, 30),
          shipToState: cut(shipTo.address.region, 30),
          shipToCountry: cut(shipTo.address.country, 10),
          shipToPostCode: cut(shipTo.address.postalCode, 20),
        }
      : {}),
  });
}

/** A new sales order: the header, Tariff's number, and its lines (items by SKU = BC item number) in one deep insert. */
export function salesOrderBody(o: OrderPayload, customerId: string, shipTo: ShipTo | null, settings: DynamicsSettings): BcBody {
  return {
    number: documentNumberOf(o.number),
    ...salesOrderHeader(o, customerId, shipTo, settings),
    salesOrderLines: o.lines.map((line, i) => ({
      sequence: (i + 1) * 10000,
      lineType: 'Item',
      lineObjectNumber: cut(line.sku, 20),
      quantity: new ODataDecimal(line.quantity),
      unitPrice: unitPrice(line.amount, line.quantity),
    })),
  };
}

/** One line on the sales account: Tariff's invoices and credit notes carry amounts (net; BC adds tax by its own setup). */
function accountLine(description: string, amount: string, settings: DynamicsSettings): BcBody {
  return {
    sequence: 10000,
    lineType: 'Account',
    lineObjectNumber: settings.salesAccountNumber,
    description: cut(description, 100),
    quantity: new ODataDecimal('1'),
    unitPrice: new ODataDecimal(amount),
  };
}

export function salesInvoiceHeader(i: InvoicePayload, customerId: string, settings: DynamicsSettings): BcBody {
  return withoutUndefined({
    customerId,
    externalDocumentNumber: cut(i.purchaseOrderNumber, 35),
    invoiceDate: day(i.finalizedAt ?? i.createdAt),
    dueDate: day(i.dueAt),
    currencyCode: currencyCode(i.currency, settings),
  });
}

export function salesInvoiceBody(i: InvoicePayload, customerId: string, settings: DynamicsSettings): BcBody {
  return {
    number: documentNumberOf(i.number ?? ''),
    ...salesInvoiceHeader(i, customerId, settings),
    salesInvoiceLines: [accountLine(`Tariff invoice ${i.number ?? ''}`, i.subtotal, settings)],
  };
}

export function salesCreditMemoBody(n: CreditNotePayload, customerId: string, settings: DynamicsSettings): BcBody {
  const reason = n.reason ? `: ${n.reason}` : '';
  return {
    number: documentNumberOf(n.number),
    customerId,
    creditMemoDate: day(n.createdAt),
    currencyCode: currencyCode(n.currency, settings),
    salesCreditMemoLines: [accountLine(`Tariff credit note ${n.number}${reason}`, n.subtotal, settings)],
  };
}

/**
 * BC's document number for a Tariff payment's journal line: `P` + the first 19 hex digits of its
 * Tariff id, within the 20 characters of `documentNumber`. It is the lookup key of a line (a
 * journal line has no `number` and no upsert), and the Document No. of the customer ledger entry
 * once the journal is posted.
 */
export function paymentDocumentNumberOf(tariffId: string): string {
  return `P${tariffId.replace(/-/g, '').slice(0, 19).toUpperCase()}`;
}

/**
 * A customer payment line (API v2.0 `customerPayments`, Document Type Payment), applied to the
 * BC invoice by its id. `amount` is the journal line's own Amount (the API page validates it
 * unchanged): money received credits the customer, so it is the Tariff payment's exact decimal
 * with its sign turned (textually: no digit changes). The journal line has no currency: BC takes
 * the customer's, which Tariff set from the customer's currency.
 */
export function customerPaymentBody(tariffId: string, p: PaymentPayload, customerId: string, invoiceId: string): BcBody {
  const via = [p.kind, p.provider].filter(Boolean).join(', ').toLowerCase();
  return {
    customerId,
    postingDate: day(p.at),
    documentNumber: paymentDocumentNumberOf(tariffId),
    externalDocumentNumber: cut(p.providerReference, 35),
    amount: new ODataDecimal(p.amount.startsWith('-') ? p.amount.slice(1) : `-${p.amount}`),
    appliesToInvoiceId: invoiceId,
    description: cut(`Tariff payment${via ? ` (${via})` : ''}`, 100),
    comment: cut(`Tariff payment ${tariffId}${p.providerReference ? `, reference ${p.providerReference}` : ''}`, 250),
  };
}
