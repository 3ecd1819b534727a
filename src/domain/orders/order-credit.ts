import type { EntityManager } from '@mikro-orm/postgresql';
import { Decimal, ZERO } from '../../pricing/decimal';
import type { Actor } from '../auth/actor';
import type { CreditableLine, CreditPart } from '../credit-notes/credit-amounts';
import { CreditNoteLine } from '../credit-notes/credit-note-line.entity';
import { issueCreditNote } from '../credit-notes/credit-note.service';
import type { CreditNote } from '../credit-notes/credit-note.entity';
import { ConflictError } from '../errors';
import { lockInvoice } from '../invoices/invoice-lock';
import { InvoiceLine } from '../invoices/invoice-line.entity';
import { Invoice, InvoiceStatus } from '../invoices/invoice.entity';
import { lineValue } from './line-value';
import { orderBillingKey } from './order-invoice';
import type { OrderLine } from './order-line.entity';
import type { Order } from './order.entity';

/**
 * billOn ORDER: the order was invoiced whole at placement, so what is canceled afterwards is given
 * back by a credit note on that invoice, through the credit-note service's own issuing
 * (issueCreditNote: the CN series, `credit_note.created` and `invoice.credited`, the ledger's
 * postings, the printed note). Each line is credited up to `amount − lineValue(kept)` and its tax
 * likewise, less what notes on that invoice line already gave back: computed on the totals, so
 * canceling in several steps never drifts by a cent, and a manual credit on the line counts. An
 * OPEN invoice's amount due drops (to PAID when nothing is left); a PAID one stays PAID and the
 * note is the customer's credit, as for any credit note. No invoice, or a VOID or UNCOLLECTIBLE
 * one: nothing is owed on it, nothing to credit. A DRAFT (a customer who reviews drafts) cannot be
 * credited: CONFLICT, reason ORDER_INVOICE_DRAFT, until it is finalized or voided.
 */
export async function creditCanceled(
  em: EntityManager,
  order: Order,
  lines: readonly OrderLine[],
  reason: string | null,
  actor: Actor,
  now: Date,
): Promise<CreditNote | null> {
  const found = await em.findOne(Invoice, { billingKey: orderBillingKey(order.id) }, { fields: ['id'] });
  if (!found) return null;
  const invoice = await lockInvoice(em, found.id, 'id');
  if (invoice.status === InvoiceStatus.DRAFT) {
    throw new ConflictError(`order ${order.number}'s invoice is a DRAFT: finalize or void it before canceling what it bills`, {
      details: { reason: 'ORDER_INVOICE_DRAFT', invoiceId: invoice.id },
    });
  }
  if (invoice.status !== InvoiceStatus.OPEN && invoice.status !== InvoiceStatus.PAID) return null;
  const parts = await creditParts(em, invoice, order, lines);
  if (parts.length === 0) return null;
  return issueCreditNote(em, invoice, parts, reason ?? `Canceled from order ${order.number}`, actor, now);
}

/** The order's lines on its invoice (invoiceGoods billed those that carry something, in line order), each with what it still has to give back. */
async function creditParts(em: EntityManager, invoice: Invoice, order: Order, lines: readonly OrderLine[]): Promise<CreditPart[]> {
  const invoiceLines = await em.find(InvoiceLine, { invoice: invoice.id }, { orderBy: { position: 'asc' } });
  const billed = lines.filter((l) => l.quantity.gt(0));
  if (invoiceLines.length !== billed.length || billed.some((l, i) => invoiceLines[i].priceCode !== l.priceCode)) {
    // The invoice is made from the order in its placement's transaction: anything else is a bug, not input.
    throw new Error(`invoice ${invoice.id} does not bill order ${order.id} line by line`);
  }
  const credited = new Map<string, { amount: Decimal; tax: Decimal }>();
  for (const c of await em.find(CreditNoteLine, { creditNote: { invoice: invoice.id } })) {
    const sum = credited.get(c.invoiceLine.id) ?? { amount: ZERO, tax: ZERO };
    credited.set(c.invoiceLine.id, { amount: sum.amount.plus(c.amount), tax: sum.tax.plus(c.tax) });
  }
  const parts: CreditPart[] = [];
  billed.forEach((orderLine, i) => {
    const il = invoiceLines[i];
    const before = credited.get(il.id) ?? { amount: ZERO, tax: ZERO };
    const kept = lineValue(orderLine, orderLine.quantity.minus(orderLine.quantityCanceled), order.currency);
    // Never more than the invoice line has left, never negative (a manual note may have given back more already).
    const amount = clamp(il.amount.minus(kept.amount).minus(before.amount), il.amount.minus(before.amount));
    const tax = clamp(il.tax.minus(kept.tax).minus(before.tax), il.tax.minus(before.tax));
    if (amount.isZero() && tax.isZero()) return;
    const line: CreditableLine = {
      id: il.id,
      description: il.description,
      amount: il.amount,
      tax: il.tax,
      creditedAmount: before.amount,
      creditedTax: before.tax,
      taxCategory: il.taxCategory,
      taxRate: il.taxRate,
    };
    parts.push({ line, amount, tax });
  });
  return parts;
}

function clamp(value: Decimal, max: Decimal): Decimal {
  return Decimal.max(ZERO, Decimal.min(value, max));
}
