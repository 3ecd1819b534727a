import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { boundRows } from '../../db/bound-query';
import { ZERO } from '../../pricing/decimal';
import { authorize } from '../auth/actor';
import { ConflictError, InvalidInputError, NotFoundError } from '../errors';
import { directDebitBatchEvent } from '../events/direct-debit-events';
import { emitEvent, emitEvents } from '../events/emit-event';
import { invoiceEvent } from '../events/event-payloads';
import { paymentEvent } from '../events/payment-events';
import { invoiceFacts } from '../invoices/invoice-writer';
import { lockInvoice } from '../invoices/invoice-lock';
import { Invoice, InvoiceStatus } from '../invoices/invoice.entity';
import { Refund } from '../refunds/refund.entity';
import { readSellerSettings } from '../settings/seller-settings.service';
import { isId } from '../shared/ids';
import { parseInput, storableDate, text } from '../shared/input-schema';
import type { ServiceContext } from '../shared/service-context';
import { DirectDebitBatch } from './direct-debit-batch.entity';
import { DirectDebitItem } from './direct-debit-item.entity';
import { dunningRules } from './dunning-policy.service';
import { amountRemaining, applyPayment } from './invoice-settlement';
import { applyFailedStep } from './dunning-steps';
import { PaymentAttempt, PaymentAttemptKind } from './payment-attempt.entity';
import { SEPA_DEBIT_PROVIDER } from './sepa-debit-provider';
import { SepaMandate } from './sepa-mandate.entity';
import { creditorParty, sepaFileError } from './sepa-creditor';
import { directDebitXml, isCentAmount } from './sepa-xml';

/** SEPA is a euro scheme: invoices in other currencies are never batched. */
const SEPA_CURRENCY = 'EUR';
const MAX_RETURN_REASON = 200;

interface DueRow {
  invoice_id: string;
  payment_method_id: string;
}

/**
 * SEPA Direct Debit collections: batches (one pain.008.001.02 file each), their settlement and
 * returns. Every call is the seller's (ADMIN, `payments:record`), one transaction each.
 */
export class DirectDebitService {
  constructor(private readonly ctx: ServiceContext) {}

  /**
   * The OPEN euro invoices due by `collectionDate` (end of that UTC day) of customers whose default
   * payment method is a SEPA mandate, not already in a collection, become one file: one collection
   * of what remains to pay per invoice, FRST for a mandate's first and RCUR after. Each is marked in
   * collection by a pending DIRECT_DEBIT payment (a unique index keeps an invoice in one batch at a
   * time) and leaves dunning until settled or returned. Nothing due is BAD_USER_INPUT at
   * `collectionDate`: an empty pain.008 is not a valid file.
   */
  async createBatch(collectionDateInput: Date): Promise<DirectDebitBatch> {
    authorize(this.ctx.actor, 'payments:record');
    const requested = parseInput(storableDate, collectionDateInput, 'collectionDate');
    const collectionDate = new Date(Date.UTC(requested.getUTCFullYear(), requested.getUTCMonth(), requested.getUTCDate()));
    const now = this.ctx.clock.now();
    const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
    if (collectionDate.getTime() < today) throw new InvalidInputError('collectionDate', 'a collection date cannot be in the past');
    return this.ctx.em.transactional(async (em) => {
      const creditor = creditorParty(await readSellerSettings(em));
      const endOfDay = new Date(collectionDate.getTime() + 86_400_000);
      // Locks the invoices and their mandates, in a fixed order: two batches at once wait for each other, then find nothing twice.
      const due = await boundRows<DueRow>(
        em,
        `select i.id as invoice_id, pm.id as payment_method_id
           from invoice i
           join payment_method pm on pm.customer_id = i.customer_id and pm.is_default and pm.detached_at is null and pm.provider = ?
           join sepa_mandate m on m.payment_method_id = pm.id
          where i.status = 'OPEN' and i.currency = ? and i.due_at < ? and i.amount_due > i.amount_paid
            and not exists (select 1 from payment_attempt a where a.invoice_id = i.id and a.outcome = 'pending')
          order by i.number, i.id
          for update of i, m`,
        [SEPA_DEBIT_PROVIDER, SEPA_CURRENCY, endOfDay],
      );
      if (due.length === 0) {
        throw new InvalidInputError(
          'collectionDate',
          `no open ${SEPA_CURRENCY} invoice of a customer paying by SEPA direct debit is due by ${collectionDate.toISOString().slice(0, 10)} and not already in collection`,
        );
      }
      const batchId = randomUUID();
      const messageId = `TARIFF-DD-${batchId.replace(/-/g, '').slice(0, 20).toUpperCase()}`;
      const invoices = await em.find(Invoice, { id: { $in: due.map((d) => d.invoice_id) } }, { refresh: true });
      const byId = new Map(invoices.map((i) => [i.id, i]));
      const mandates = new Map(
        (await em.find(SepaMandate, { paymentMethod: { $in: due.map((d) => d.payment_method_id) } }, { refresh: true })).map((m) => [
          m.paymentMethod.id,
          m,
        ]),
      );
      const batch = em.create(DirectDebitBatch, {
        id: batchId,
        messageId,
        collectionDate,
        currency: SEPA_CURRENCY,
        count: due.length,
        total: ZERO,
        xml: '',
        createdByKeyId: this.ctx.actor.keyId,
        createdAt: now,
      });
      const lines = due.map((row, position) => {
        const invoice = byId.get(row.invoice_id)!;
        const mandate = mandates.get(row.payment_method_id)!;
        const amount = amountRemaining(invoice);
        if (!isCentAmount(amount))
          throw new ConflictError(`invoice ${invoice.number} owes ${amount.toFixed()}, which a SEPA file cannot carry`);
        const sequence = mandate.sequence;
        mandate.sequence = 'RCUR';
        const attempt = em.create(PaymentAttempt, {
          invoice,
          customer: invoice.customer,
          kind: PaymentAttemptKind.DIRECT_DEBIT,
          paymentMethod: mandate.paymentMethod,
          provider: SEPA_DEBIT_PROVIDER,
          amount,
          currency: invoice.currency,
          outcome: 'pending',
          providerReference: messageId,
          actorKeyId: this.ctx.actor.keyId,
          at: now,
        });
        em.create(DirectDebitItem, {
          batch,
          invoice,
          paymentAttempt: attempt,
          paymentMethod: mandate.paymentMethod,
          sequence,
          amount,
          endToEndId: invoice.number!,
          position,
        });
        // In collection: no reminder or retry until the bank's answer (settlement or a return).
        invoice.nextCollectionAt = null;
        batch.total = batch.total.plus(amount);
        return {
          endToEndId: invoice.number!,
          remittance: invoice.number!,
          amount,
          mandateId: mandate.mandateId,
          mandateSignedAt: mandate.signedAt,
          sequence,
          debtor: { name: mandate.accountHolder, iban: mandate.iban, bic: mandate.bic },
        };
      });
      try {
        batch.xml = directDebitXml({
          messageId,
          createdAt: now,
          collectionDate,
          currency: SEPA_CURRENCY,
          creditor: creditor.party,
          creditorId: creditor.creditorId,
          lines,
        });
      } catch (err) {
        throw sepaFileError(err);
      }
      await em.flush();
      await emitEvent(
        em,
        directDebitBatchEvent(
          'created',
          batch,
          due.map((d) => d.invoice_id),
          now,
        ),
      );
      return batch;
    });
  }

  /**
   * The bank collected the batch: each collection still pending becomes a succeeded payment of its
   * invoice (PAID when it covers the rest). Not before the collection date; once per batch.
   */
  async settleBatch(id: string): Promise<DirectDebitBatch> {
    authorize(this.ctx.actor, 'payments:record');
    return this.ctx.em.transactional(async (em) => {
      const batch = isId(id) ? await em.findOne(DirectDebitBatch, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true }) : null;
      if (!batch) throw new NotFoundError('direct debit batch', id, 'id');
      if (batch.settledAt)
        throw new ConflictError(`batch ${batch.messageId} is already settled`, { details: { reason: 'ALREADY_SETTLED' } });
      const now = this.ctx.clock.now();
      if (now.getTime() < batch.collectionDate.getTime())
        throw new ConflictError(
          `batch ${batch.messageId} is collected on ${batch.collectionDate.toISOString().slice(0, 10)}: settle it after that`,
          {
            details: { reason: 'BEFORE_COLLECTION_DATE' },
          },
        );
      const items = await em.find(DirectDebitItem, { batch: batch.id }, { orderBy: { position: 'asc' } });
      for (const item of items) {
        const invoice = await lockInvoice(em, item.invoice.id, 'id');
        const attempt = await em.findOneOrFail(PaymentAttempt, { id: item.paymentAttempt.id }, { refresh: true });
        // Returned before settlement (a reject): nothing was collected.
        if (attempt.outcome !== 'pending') continue;
        attempt.outcome = 'succeeded';
        attempt.settledAt = now;
        await em.flush();
        await emitEvent(em, paymentEvent('succeeded', attempt, now));
        if (invoice.status === InvoiceStatus.OPEN || invoice.status === InvoiceStatus.UNCOLLECTIBLE) {
          if (invoice.status === InvoiceStatus.UNCOLLECTIBLE) invoice.status = InvoiceStatus.OPEN;
          await applyPayment(em, invoice, attempt.amount, this.ctx.actor, now);
        }
      }
      batch.settledAt = now;
      await em.flush();
      await emitEvent(
        em,
        directDebitBatchEvent(
          'settled',
          batch,
          items.map((i) => i.invoice.id),
          now,
        ),
      );
      return batch;
    });
  }

  /**
   * An R-transaction: the invoice's latest collection came back (a reject before settlement, or a
   * return after it, with the bank's reason, e.g. `AC04` or `MD06`). What it paid is taken back,
   * the invoice is OPEN again and enters dunning as after a failed charge; a later batch may
   * present it again. A returned first collection leaves its mandate at FRST.
   */
  async returnDebit(invoiceId: string, reasonInput: string): Promise<Invoice> {
    authorize(this.ctx.actor, 'payments:record');
    const reason = parseInput(text(MAX_RETURN_REASON), reasonInput, 'reason');
    return this.ctx.em.transactional(async (em) => {
      const invoice = await lockInvoice(em, invoiceId, 'invoiceId');
      const [item] = await em.find(
        DirectDebitItem,
        { invoice: invoice.id, paymentAttempt: { outcome: { $in: ['pending', 'succeeded'] } } },
        { orderBy: { batch: { createdAt: 'desc' } }, limit: 1, populate: ['paymentAttempt'] },
      );
      if (!item)
        throw new ConflictError(`invoice ${invoice.number ?? invoice.id} has no direct debit to return`, {
          field: 'invoiceId',
          details: { reason: 'NOT_IN_COLLECTION' },
        });
      const attempt = item.paymentAttempt;
      if (await em.count(Refund, { payment: attempt.id }))
        throw new ConflictError(`the direct debit of invoice ${invoice.number} was refunded in part: it can no longer be returned`, {
          details: { reason: 'REFUNDED' },
        });
      const now = this.ctx.clock.now();
      const wasSettled = attempt.outcome === 'succeeded';
      attempt.outcome = 'failed';
      attempt.error = `returned: ${reason}`;
      attempt.settledAt = now;
      if (wasSettled) {
        invoice.amountPaid = invoice.amountPaid.minus(attempt.amount);
        if (invoice.status === InvoiceStatus.PAID) {
          invoice.status = InvoiceStatus.OPEN;
          invoice.paidAt = null;
        }
      }
      if (item.sequence === 'FRST') await keepFirst(em, item);
      await em.flush();
      await emitEvents(em, [
        // A settled collection already has its payment.succeeded: this is not the payment's first event.
        { ...paymentEvent('failed', attempt, now), newAggregate: false },
        invoiceEvent('payment_failed', invoiceFacts(invoice), now, { attemptId: attempt.id, step: attempt.step, error: attempt.error }),
      ]);
      if (invoice.status === InvoiceStatus.OPEN && amountRemaining(invoice).gt(ZERO))
        await applyFailedStep(em, invoice, invoice.collectionStep, now, await dunningRules(em), this.ctx.actor, now);
      return invoice;
    });
  }

  async get(id: string): Promise<DirectDebitBatch | null> {
    authorize(this.ctx.actor, 'payments:record');
    return isId(id) ? this.ctx.em.findOne(DirectDebitBatch, { id }, { populate: ['xml'] }) : null;
  }

  /** The invoices of a batch, in the file's order. */
  async invoicesOf(batchId: string): Promise<Invoice[]> {
    authorize(this.ctx.actor, 'payments:record');
    const items = await this.ctx.em.find(
      DirectDebitItem,
      { batch: batchId },
      { orderBy: { position: 'asc' }, populate: ['invoice', 'invoice.lines'] },
    );
    return items.map((i) => i.invoice);
  }

  /** The mandate of a payment method, for a reader already allowed to see the method. */
  async mandateOf(paymentMethodId: string): Promise<SepaMandate | null> {
    return isId(paymentMethodId) ? this.ctx.em.findOne(SepaMandate, { paymentMethod: paymentMethodId }) : null;
  }
}

/** A first collection that never went through leaves the mandate unused: the next one is FRST again. */
async function keepFirst(em: EntityManager, item: DirectDebitItem): Promise<void> {
  const collected = await em.count(DirectDebitItem, {
    paymentMethod: item.paymentMethod.id,
    id: { $ne: item.id },
    paymentAttempt: { outcome: { $in: ['pending', 'succeeded'] } },
  });
  if (collected > 0) return;
  const mandate = await em.findOne(SepaMandate, { paymentMethod: item.paymentMethod.id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (mandate) mandate.sequence = 'FRST';
}
