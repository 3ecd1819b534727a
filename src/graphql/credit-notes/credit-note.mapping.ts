import type { CreditNote } from '../../domain/credit-notes/credit-note.entity';
import { formatMoney } from '../../pricing/currency';
import type { CreditNoteType } from './credit-note.types';

/** A stored credit note, its lines loaded (the service and loader populate them), amounts at the currency's scale. */
export function toCreditNote(note: CreditNote): CreditNoteType {
  const money = (d: Parameters<typeof formatMoney>[0]) => formatMoney(d, note.currency);
  return {
    id: note.id,
    number: note.number,
    invoiceId: note.invoice.id,
    customerId: note.customer.id,
    currency: note.currency,
    reason: note.reason,
    subtotal: money(note.subtotal),
    tax: money(note.tax),
    total: money(note.total),
    createdAt: note.createdAt,
    lines: note.lines
      .getItems()
      .map((l) => ({ invoiceLineId: l.invoiceLine.id, description: l.description, amount: money(l.amount), tax: money(l.tax) })),
  };
}
