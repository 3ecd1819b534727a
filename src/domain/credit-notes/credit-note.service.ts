import type { EntityManager } from '@mikro-orm/postgresql';
import { amountRemaining, markPaid } from '../payments/invoice-settlement';
import { formatMoney, minorUnits } from '../../pricing/currency';
import { Decimal, ZERO } from '../../pricing/decimal';
import { Actor, authorize, authorizeCustomer, customerScope } from '../auth/actor';
import { ConflictError, InvalidInputError } from '../errors';
import { emitEvents } from '../events/emit-event';
import { creditNoteEvent, invoiceEvent } from '../events/event-payloads';
import { invoiceFacts } from '../invoices/invoice-writer';
import { takeInvoiceNumber } from '../invoices/invoice-number';
import { InvoiceLine } from '../invoices/invoice-line.entity';
import { lockInvoice } from '../invoices/invoice-lock';
import { Invoice, InvoiceStatus } from '../invoices/invoice.entity';
import { isId } from '../shared/ids';
import { afterCursor, Page, PageArgs, pageSize, toPage } from '../shared/pagination';
import type { ServiceContext } from '../shared/service-context';
import { requireAtMost, requireText } from '../shared/validate';
import { CreditableLine, creditTax, CreditPart, fullCredit, remainingAmount, sumOf } from './credit-amounts';
import { CreditNoteLine } from './credit-note-line.entity';
import { CreditNote } from './credit-note.entity';

export const CREDIT_NOTE_SERIES = 'CN';
const MAX_LINES = 1000;
const MAX_REASON = 1000;

export interface CreditNoteLineInput {
  invoiceLineId: string;
  /** Before tax; none: the whole rest of the line. */
  amount?: Decimal | null;
}

export interface CreateCreditNoteInput {
  invoiceId: string;
  /** None or empty: everything still creditable. */
  lines?: readonly CreditNoteLineInput[] | null;
  reason?: string | null;
}

export interface CreditNoteFilter extends PageArgs {
  customerId?: string | null;
  invoiceId?: string | null;
}

/** Batches credit note reads per invoice (the GraphQL layer passes its DataLoader). */
export interface CreditNotesByInvoice {
  load(invoiceId: string): Promise<CreditNote[]>;
}

const empty: Page<CreditNote> = { nodes: [], hasNextPage: false, cursorOf: () => '' };

export class CreditNoteService {
  constructor(private readonly ctx: ServiceContext) {}

  /**
   * Gives back part or all of a finalized (OPEN or PAID) invoice, which itself never changes but
   * for `amountCredited` and `amountDue`. One transaction with the invoice row locked, so two
   * notes on one invoice cannot both credit the same rest; the number is taken last.
   */
  async create(input: CreateCreditNoteInput): Promise<CreditNote> {
    authorize(this.ctx.actor, 'invoices:correct');
    const requested = requireAtMost(input.lines ?? [], MAX_LINES, 'input.lines');
    assertDistinctLines(requested);
    const reason = input.reason === null || input.reason === undefined ? null : requireText(input.reason, 'input.reason', MAX_REASON);
    return this.ctx.em.transactional(async (em) => {
      const invoice = await lockInvoice(em, input.invoiceId, 'input.invoiceId');
      assertCreditable(invoice);
      const left = invoice.total.minus(invoice.amountCredited);
      if (left.lte(ZERO)) {
        const why = invoice.total.lte(ZERO) ? 'its total is not positive' : 'credit notes already gave back its total';
        throw new ConflictError(`invoice ${invoice.number} has nothing left to credit: ${why}`);
      }
      const lines = await creditableLines(em, invoice);
      const parts =
        requested.length === 0
          ? fullCredit([...lines.values()], left, invoice.currency)
          : requested.map((r, i) => requestedPart(r, i, lines, invoice.currency));
      if (parts.length === 0) throw new ConflictError(`invoice ${invoice.number} has no charge left to credit`);
      const subtotal = sumOf(parts, (p) => p.amount);
      const tax = sumOf(parts, (p) => p.tax);
      const total = subtotal.plus(tax);
      if (total.gt(left)) {
        const money = (d: Decimal) => formatMoney(d, invoice.currency);
        throw new InvalidInputError(
          'input.lines',
          `these lines give back ${money(total)} with tax, but only ${money(left)} of the invoice's total is left to credit`,
          { left: money(left) },
        );
      }
      return issueCreditNote(em, invoice, parts, reason, this.ctx.actor, this.ctx.clock.now());
    });
  }

  /** Null when unknown; FORBIDDEN for a CUSTOMER key and another customer's note. Lines included. */
  async get(id: string): Promise<CreditNote | null> {
    authorize(this.ctx.actor, 'creditNotes:read');
    const note = isId(id) ? await this.ctx.em.findOne(CreditNote, { id }, { populate: ['lines'], strategy: 'select-in' }) : null;
    if (note) authorizeCustomer(this.ctx.actor, 'creditNotes:read', note.customer.id);
    return note;
  }

  /** Keyset pages by (createdAt, id); a CUSTOMER key sees its own customer's notes only. */
  async list(filter: CreditNoteFilter): Promise<Page<CreditNote>> {
    authorize(this.ctx.actor, 'creditNotes:read');
    const size = pageSize(filter.first);
    const scope = customerScope(this.ctx.actor);
    if (scope && filter.customerId && filter.customerId !== scope) return empty;
    const customerId = scope ?? filter.customerId ?? null;
    if (customerId !== null && !isId(customerId)) return empty;
    if (filter.invoiceId && !isId(filter.invoiceId)) return empty;
    const where = {
      ...(customerId ? { customer: customerId } : {}),
      ...(filter.invoiceId ? { invoice: filter.invoiceId } : {}),
      ...afterCursor(filter.after),
    };
    const rows = await this.ctx.em.find(CreditNote, where, {
      orderBy: { createdAt: 'asc', id: 'asc' },
      limit: size + 1,
      populate: ['lines'],
      strategy: 'select-in',
    });
    return toPage(rows, size);
  }

  /** The notes of an invoice the caller may read; none for one that is not stored (an upcoming invoice). */
  async listForInvoice(invoice: { id: string; customerId: string }, loader: CreditNotesByInvoice): Promise<CreditNote[]> {
    authorizeCustomer(this.ctx.actor, 'creditNotes:read', invoice.customerId);
    return isId(invoice.id) ? loader.load(invoice.id) : [];
  }
}

/**
 * Issues a note for `parts` of the invoice, which the caller holds locked (lockInvoice) and has
 * checked: numbered last, the invoice's amounts lowered, its events emitted; a refund
 * (refunds/refund.service.ts) issues its note through here too.
 */
export async function issueCreditNote(
  em: EntityManager,
  invoice: Invoice,
  parts: readonly CreditPart[],
  reason: string | null,
  actor: Actor,
  now: Date,
): Promise<CreditNote> {
  const subtotal = sumOf(parts, (p) => p.amount);
  const tax = sumOf(parts, (p) => p.tax);
  const total = subtotal.plus(tax);
  // Last, once nothing can refuse the note: the series row stays locked only until the commit.
  const number = await takeInvoiceNumber(em, now.getUTCFullYear(), CREDIT_NOTE_SERIES);
  const note = em.create(CreditNote, {
    customer: invoice.customer,
    invoice,
    number,
    currency: invoice.currency,
    reason,
    subtotal,
    tax,
    total,
    createdAt: now,
  });
  parts.forEach((p, position) => {
    note.lines.add(
      em.create(CreditNoteLine, {
        creditNote: note,
        customer: invoice.customer,
        invoiceLine: em.getReference(InvoiceLine, p.line.id),
        position,
        description: p.line.description,
        amount: p.amount,
        tax: p.tax,
        taxCategory: p.line.taxCategory ?? null,
        taxRate: p.line.taxRate ?? null,
      }),
    );
  });
  invoice.amountCredited = invoice.amountCredited.plus(total);
  // Lowered rather than recomputed from the total, so that whatever else lowered it (payments) still counts.
  invoice.amountDue = Decimal.max(ZERO, invoice.amountDue.minus(total));
  await em.flush();
  // The invoice row is locked above; the note is new.
  await emitEvents(em, [creditNoteEvent('created', note, now), invoiceEvent('credited', invoiceFacts(invoice), now)]);
  // Credited down to what was paid: nothing is left to collect.
  if (invoice.status === InvoiceStatus.OPEN && amountRemaining(invoice).lte(ZERO)) await markPaid(em, invoice, actor, now);
  return note;
}

/** What crediting `amount` (with tax) of the invoice gives back, line by line, as a full credit would up to that amount. */
export async function creditPartsForAmount(em: EntityManager, invoice: Invoice, amount: Decimal): Promise<CreditPart[]> {
  return fullCredit([...(await creditableLines(em, invoice)).values()], amount, invoice.currency);
}

function assertCreditable(invoice: Invoice): void {
  if (invoice.status === InvoiceStatus.OPEN || invoice.status === InvoiceStatus.PAID) return;
  const why =
    invoice.status === InvoiceStatus.DRAFT
      ? 'a draft is not issued yet'
      : invoice.status === InvoiceStatus.VOID
        ? 'nothing is owed on a void invoice'
        : 'it was written off as uncollectible';
  throw new ConflictError(
    `invoice ${invoice.number ?? invoice.id} is ${invoice.status}: only an OPEN or PAID invoice can be credited (${why})`,
    { details: { status: invoice.status } },
  );
}

function assertDistinctLines(lines: readonly CreditNoteLineInput[]): void {
  const seen = new Set<string>();
  lines.forEach((l, i) => {
    if (seen.has(l.invoiceLineId)) throw new InvalidInputError(`input.lines[${i}].invoiceLineId`, 'this invoice line is listed twice');
    seen.add(l.invoiceLineId);
  });
}

/** The invoice's charge lines (positive amounts; credit lines give nothing back), with what earlier notes credited. */
async function creditableLines(em: EntityManager, invoice: Invoice): Promise<Map<string, CreditableLine>> {
  const rows = await em.find(InvoiceLine, { invoice: invoice.id }, { orderBy: { position: 'asc' } });
  const lines = new Map<string, CreditableLine>(
    rows
      .filter((l) => l.amount.gt(ZERO))
      .map((l) => [
        l.id,
        {
          id: l.id,
          description: l.description,
          amount: l.amount,
          tax: l.tax,
          creditedAmount: ZERO,
          creditedTax: ZERO,
          taxCategory: l.taxCategory,
          taxRate: l.taxRate,
        },
      ]),
  );
  for (const c of await em.find(CreditNoteLine, { creditNote: { invoice: invoice.id } })) {
    const line = lines.get(c.invoiceLine.id);
    if (!line) continue;
    line.creditedAmount = line.creditedAmount.plus(c.amount);
    line.creditedTax = line.creditedTax.plus(c.tax);
  }
  return lines;
}

function requestedPart(input: CreditNoteLineInput, i: number, lines: Map<string, CreditableLine>, currency: string): CreditPart {
  const at = `input.lines[${i}]`;
  const line = lines.get(input.invoiceLineId);
  if (!line)
    throw new InvalidInputError(
      `${at}.invoiceLineId`,
      'not a charge line of this invoice (only lines with a positive amount can be credited)',
    );
  const rest = remainingAmount(line);
  if (rest.lte(ZERO)) throw new InvalidInputError(`${at}.invoiceLineId`, 'this line is already fully credited');
  const amount = input.amount ?? rest;
  const scale = minorUnits(currency);
  if (amount.lte(ZERO)) throw new InvalidInputError(`${at}.amount`, 'must be more than 0');
  if (amount.decimalPlaces() > scale)
    throw new InvalidInputError(`${at}.amount`, `must be in whole minor units of ${currency} (at most ${scale} decimals)`);
  if (amount.gt(rest))
    throw new InvalidInputError(`${at}.amount`, `at most ${rest.toFixed(scale)} is left to credit on this line`, {
      left: rest.toFixed(scale),
    });
  return { line, amount, tax: creditTax(line, amount, currency) };
}
