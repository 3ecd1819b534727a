import type { EntityManager } from '@mikro-orm/postgresql';
import { formatMoney } from '../../pricing/currency';
import { invoiceEvent } from '../events/event-payloads';
import { invoiceFacts } from '../invoices/invoice-writer';
import { Invoice } from '../invoices/invoice.entity';
import { readSellerSettings } from '../settings/seller-settings.service';
import { dueOf, lockRow } from './dated-signals';
import type { DuePage, SignalKind, SignalScope } from './signal';

const TYPE = 'invoice.due_soon';

/**
 * What makes a sent invoice a candidate: OPEN, still owing, collected by transfer (SEND_INVOICE,
 * which a customer paying by bank transfer gets too), not yet overdue (the overdue notice, dunning's
 * step 0, takes over from the due date: a run that comes late does not announce a date already
 * past), and due after its finalization (net 0 is due at once, never "soon").
 */
const CANDIDATE = `x.status = 'OPEN' and x.collection_method = 'SEND_INVOICE' and x.amount_due > x.amount_paid
  and x.collection_step = 0 and x.first_failed_at is null and x.due_at > x.finalized_at`;

async function dueSoon(em: EntityManager, scope: SignalScope, at: Date): Promise<DuePage> {
  const days = (await readSellerSettings(em)).invoiceDueSoonDays;
  if (days === 0) return { signals: [], next: null };
  return dueOf(
    { type: TYPE, table: 'invoice', reference: 'due_at', leadHours: days * 24, floor: 'finalized_at', where: CANDIDATE },
    em,
    scope,
    at,
  );
}

/**
 * `invoice.due_soon`: the seller's `invoiceDueSoonDays` × 24 hours before a sent invoice's due date
 * (at finalization when its terms are shorter than that), so the seller's mailer can remind the
 * customer before dunning has to. Once per invoice: its key is the invoice and its due date, which
 * never moves after finalization (payments/payment-terms.ts). Never for one paid, voided or written
 * off by then, nor for one charged automatically.
 */
export const invoiceDueSoon: SignalKind = {
  type: TYPE,
  due: dueSoon,
  // Invoice events are written under the invoice's row lock (invoice-lock.ts, collect-invoice.ts).
  lock: (em, s) => lockRow(em, 'invoice', s.subjectId),
  async event(em, s) {
    const invoice = await em.findOneOrFail(Invoice, { id: s.subjectId }, { refresh: true });
    const facts = invoiceFacts(invoice);
    return invoiceEvent('due_soon', facts, s.dueAt, {
      amountRemaining: formatMoney(facts.amountDue.minus(facts.amountPaid), facts.currency),
      daysBeforeDue: (await readSellerSettings(em)).invoiceDueSoonDays,
    });
  },
};
