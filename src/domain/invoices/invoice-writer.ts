import type { EntityManager } from '@mikro-orm/postgresql';
import { boundRows } from '../../db/bound-query';
import type { Decimal } from '../../pricing/decimal';
import { ZERO } from '../../pricing/decimal';
import type { VatCategory } from '../customers/customer-tax';
import { CollectionMethod } from '../subscriptions/subscription.entity';
import type { InvoiceLine, InvoiceLineKind } from './invoice-line.entity';
import type { Invoice, InvoiceStatus } from './invoice.entity';

/**
 * An invoice as plain data: every column of its row, the references as ids. The one shape that
 * the writer stores and that events, printed documents and the GraphQL mapping read.
 */
export interface InvoiceFacts {
  id: string;
  customerId: string;
  subscriptionId: string | null;
  billingKey: string | null;
  status: InvoiceStatus;
  number: string | null;
  currency: string;
  periodStart: Date | null;
  periodEnd: Date | null;
  subtotal: Decimal;
  tax: Decimal;
  total: Decimal;
  amountCredited: Decimal;
  amountDue: Decimal;
  amountPaid: Decimal;
  paidAt: Date | null;
  nextCollectionAt: Date | null;
  collectionMethod: CollectionMethod;
  collectionStep: number;
  firstFailedAt: Date | null;
  voidedAt: Date | null;
  notes: readonly string[];
  finalizedAt: Date | null;
  dueAt: Date | null;
  createdAt: Date;
  purchaseOrderNumber: string | null;
}

/** An invoice line as plain data; its invoice, customer and position are its invoice's and its place there. */
export interface InvoiceLineFacts {
  id: string;
  kind: InvoiceLineKind;
  description: string;
  priceId: string | null;
  priceCode: string | null;
  quantity: Decimal;
  amount: Decimal;
  tax: Decimal;
  /** The VAT category and rate `tax` was computed under (invoice-line-tax.ts); null where not known (older or imported lines). */
  taxCategory: VatCategory | null;
  taxRate: Decimal | null;
  periodStart: Date | null;
  periodEnd: Date | null;
  proration: boolean;
  steps: readonly string[];
  purchaseOrderNumber: string | null;
  /** A consolidated invoice's line (consolidated-invoice.ts): the group member that consumed it; absent, the invoice's customer. */
  customerId?: string;
  /** The subscription and location a consolidated invoice's line bills; absent, none named. */
  subscriptionId?: string | null;
  locationId?: string | null;
}

/** An invoice and its lines, in order: what the writer takes. */
export interface InvoiceRows {
  invoice: InvoiceFacts;
  lines: readonly InvoiceLineFacts[];
}

/** What a new invoice's columns hold unless its maker says otherwise (the columns' defaults and nulls). */
const NEW_INVOICE = {
  subscriptionId: null,
  billingKey: null,
  number: null,
  periodStart: null,
  periodEnd: null,
  amountCredited: ZERO,
  amountPaid: ZERO,
  paidAt: null,
  nextCollectionAt: null,
  collectionMethod: CollectionMethod.CHARGE_AUTOMATICALLY,
  collectionStep: 0,
  firstFailedAt: null,
  voidedAt: null,
  notes: [],
  finalizedAt: null,
  dueAt: null,
  purchaseOrderNumber: null,
} satisfies Partial<InvoiceFacts>;

export type NewInvoiceFields = Omit<InvoiceFacts, keyof typeof NEW_INVOICE> & Partial<InvoiceFacts>;

/** A new invoice's facts: the given fields over the columns' defaults. */
export function newInvoiceFacts(fields: NewInvoiceFields): InvoiceFacts {
  return { ...NEW_INVOICE, ...fields };
}

export function invoiceFacts(i: Invoice): InvoiceFacts {
  return {
    id: i.id,
    customerId: i.customer.id,
    subscriptionId: i.subscription?.id ?? null,
    billingKey: i.billingKey,
    status: i.status,
    number: i.number,
    currency: i.currency,
    periodStart: i.periodStart,
    periodEnd: i.periodEnd,
    subtotal: i.subtotal,
    tax: i.tax,
    total: i.total,
    amountCredited: i.amountCredited,
    amountDue: i.amountDue,
    amountPaid: i.amountPaid,
    paidAt: i.paidAt,
    nextCollectionAt: i.nextCollectionAt,
    collectionMethod: i.collectionMethod,
    collectionStep: i.collectionStep,
    firstFailedAt: i.firstFailedAt,
    voidedAt: i.voidedAt,
    notes: i.notes,
    finalizedAt: i.finalizedAt,
    dueAt: i.dueAt,
    createdAt: i.createdAt,
    purchaseOrderNumber: i.purchaseOrderNumber,
  };
}

export function invoiceLineFacts(l: InvoiceLine): InvoiceLineFacts {
  return {
    id: l.id,
    kind: l.kind,
    description: l.description,
    priceId: l.price?.id ?? null,
    priceCode: l.priceCode,
    quantity: l.quantity,
    amount: l.amount,
    tax: l.tax,
    taxCategory: l.taxCategory,
    taxRate: l.taxRate,
    periodStart: l.periodStart,
    periodEnd: l.periodEnd,
    proration: l.proration,
    steps: l.steps,
    purchaseOrderNumber: l.purchaseOrderNumber,
    customerId: l.customer.id,
    subscriptionId: l.subscriptionId,
    locationId: l.locationId,
  };
}

/**
 * Every property the entities map is a field of the shape (or a reference the shape holds as an
 * id): an entity column added without one fails to compile here, naming it.
 */
type Covered<Missing extends never> = Missing;
export type InvoiceColumnsCovered = Covered<Exclude<keyof Invoice, keyof InvoiceFacts | 'customer' | 'subscription' | 'lines'>>;
export type InvoiceLineColumnsCovered = Covered<
  Exclude<keyof InvoiceLine, keyof InvoiceLineFacts | 'invoice' | 'customer' | 'price' | 'position'>
>;

type LineRow = InvoiceLineFacts & { invoiceId: string; customerId: string; position: number };
type SqlType = 'uuid' | 'text' | 'numeric' | 'integer' | 'boolean' | 'timestamptz' | 'jsonb' | 'invoice_status' | 'collection_method';

/**
 * The columns, once: each field of the shape is the snake_case column of the same name, read from
 * the JSON rows as this type. `satisfies` makes a field without a column (or a column without a
 * field) a compile error, so the statements below cannot drift from the shape.
 */
const INVOICE_COLUMNS = {
  id: 'uuid',
  customerId: 'uuid',
  subscriptionId: 'uuid',
  billingKey: 'text',
  status: 'invoice_status',
  number: 'text',
  currency: 'text',
  periodStart: 'timestamptz',
  periodEnd: 'timestamptz',
  subtotal: 'numeric',
  tax: 'numeric',
  total: 'numeric',
  amountCredited: 'numeric',
  amountDue: 'numeric',
  amountPaid: 'numeric',
  paidAt: 'timestamptz',
  nextCollectionAt: 'timestamptz',
  collectionMethod: 'collection_method',
  collectionStep: 'integer',
  firstFailedAt: 'timestamptz',
  voidedAt: 'timestamptz',
  notes: 'jsonb',
  finalizedAt: 'timestamptz',
  dueAt: 'timestamptz',
  createdAt: 'timestamptz',
  purchaseOrderNumber: 'text',
} as const satisfies Record<keyof InvoiceFacts, SqlType>;

const LINE_COLUMNS = {
  id: 'uuid',
  invoiceId: 'uuid',
  customerId: 'uuid',
  position: 'integer',
  kind: 'text',
  description: 'text',
  priceId: 'uuid',
  priceCode: 'text',
  quantity: 'numeric',
  amount: 'numeric',
  tax: 'numeric',
  taxCategory: 'text',
  taxRate: 'numeric',
  periodStart: 'timestamptz',
  periodEnd: 'timestamptz',
  proration: 'boolean',
  steps: 'jsonb',
  purchaseOrderNumber: 'text',
  subscriptionId: 'uuid',
  locationId: 'uuid',
} as const satisfies Record<keyof LineRow, SqlType>;

const snake = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * `insert into <table> (...) select ... from jsonb_to_recordset(?)`: the rows go as one jsonb
 * parameter whose keys are the shape's field names (Decimals serialize as exact decimal strings,
 * Dates as ISO instants), parsed natively rather than sent as thousands of literals.
 */
function insertFromJson(table: string, alias: string, columns: Record<string, SqlType>): string {
  const fields = Object.keys(columns);
  return `insert into ${table} (${fields.map((f) => `"${snake(f)}"`).join(', ')})
          select ${fields.map((f) => `${alias}."${f}"`).join(', ')}
            from jsonb_to_recordset(?::jsonb) as ${alias}(${fields.map((f) => `"${f}" ${columns[f]}`).join(', ')})`;
}

const INSERT_INVOICES = insertFromJson('invoice', 'i', INVOICE_COLUMNS);
const INSERT_LINES = insertFromJson('invoice_line', 'l', LINE_COLUMNS);
// Two data-modifying parts of one statement: the lines' foreign key is checked at its end, when the invoices are there.
const WRITE = `with i as (${INSERT_INVOICES} returning id), l as (${INSERT_LINES} returning 1) select id from i`;
const WRITE_NEW_ONLY = `with i as (${INSERT_INVOICES} on conflict (id) do nothing returning id),
                            l as (${INSERT_LINES} where l."invoiceId" in (select id from i) returning 1)
                       select id from i`;

export interface WriteOptions {
  /** Leave out an invoice whose id is already stored (and its lines): the importer's resume. */
  skipExisting?: boolean;
}

/**
 * THE writer of invoice and line rows, whatever made them (a billing run's batch, a single
 * boundary, a change, the importer): one statement for any number of invoices. Returns the ids
 * written. Later changes of a stored invoice (finalizing a draft, payments, credits, a void) are
 * updates of its entity, not new rows.
 */
export async function writeInvoices(em: EntityManager, invoices: readonly InvoiceRows[], options: WriteOptions = {}): Promise<string[]> {
  if (invoices.length === 0) return [];
  const lines: LineRow[] = invoices.flatMap(({ invoice, lines }) =>
    lines.map((l, position) => ({ ...l, invoiceId: invoice.id, customerId: l.customerId ?? invoice.customerId, position })),
  );
  try {
    const rows = await boundRows<{ id: string }>(em, options.skipExisting ? WRITE_NEW_ONLY : WRITE, [
      JSON.stringify(invoices.map((r) => r.invoice)),
      JSON.stringify(lines),
    ]);
    return rows.map((r) => r.id);
  } catch (err) {
    // Fails as a flush would (a billing key already taken is a UniqueConstraintViolationException): callers tell the cases apart by it.
    throw err instanceof Error ? em.getDriver().convertException(err) : err;
  }
}
