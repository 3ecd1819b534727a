import { authorize, authorizeCustomer, customerScope } from '../auth/actor';
import { ConflictError, InvalidInputError } from '../errors';
import { emitEvent } from '../events/emit-event';
import { paymentEvent } from '../events/payment-events';
import { lockInvoice } from '../invoices/invoice-lock';
import { Invoice, InvoiceStatus } from '../invoices/invoice.entity';
import { isId } from '../shared/ids';
import { Page, PageArgs, pageSize } from '../shared/pagination';
import type { ServiceContext } from '../shared/service-context';
import { clockForCustomer } from '../test-clocks/customer-clock';
import { minorUnits } from '../../pricing/currency';
import type { Decimal } from '../../pricing/decimal';
import { amountRemaining, applyPayment } from './invoice-settlement';
import { PaymentAttempt, PaymentAttemptKind } from './payment-attempt.entity';

export interface RecordPaymentInput {
  invoiceId: string;
  amount: Decimal;
  reference: string;
}

export interface PaymentAttemptsFilter extends PageArgs {
  customerId?: string | null;
}

const MAX_REFERENCE = 200;
const empty: Page<PaymentAttempt> = { nodes: [], hasNextPage: false, cursorOf: () => '' };

export class PaymentService {
  constructor(private readonly ctx: ServiceContext) {}

  /**
   * A payment received outside Tariff (a bank transfer), in full or in part, reconciled by its
   * reference, which is unique per invoice so the same transfer is never counted twice. An
   * UNCOLLECTIBLE invoice can still be paid. Refused while a charge of the invoice is out with
   * its provider: that answer comes first.
   */
  async record(input: RecordPaymentInput): Promise<Invoice> {
    authorize(this.ctx.actor, 'payments:record');
    const reference = input.reference.trim();
    if (reference.length === 0 || reference.length > MAX_REFERENCE)
      throw new InvalidInputError('input.reference', `a reference of 1 to ${MAX_REFERENCE} characters`);
    if (input.amount.lte(0)) throw new InvalidInputError('input.amount', 'a payment is a positive amount');
    return this.ctx.em.transactional(async (em) => {
      const invoice = await lockInvoice(em, input.invoiceId, 'input.invoiceId');
      if (invoice.status !== InvoiceStatus.OPEN && invoice.status !== InvoiceStatus.UNCOLLECTIBLE) {
        throw new ConflictError(
          `invoice ${invoice.number ?? invoice.id} is ${invoice.status}: only OPEN or UNCOLLECTIBLE invoices take payments`,
          { details: { status: invoice.status } },
        );
      }
      const scale = minorUnits(invoice.currency);
      if (input.amount.decimalPlaces() > scale)
        throw new InvalidInputError('input.amount', `${invoice.currency} amounts have at most ${scale} decimal places`);
      const remaining = amountRemaining(invoice);
      if (input.amount.gt(remaining))
        throw new InvalidInputError('input.amount', `more than the ${remaining.toFixed(scale)} ${invoice.currency} still owed`);
      if (await em.count(PaymentAttempt, { invoice: invoice.id, outcome: 'pending' })) {
        throw new ConflictError(
          `a charge of invoice ${invoice.number} is waiting for its provider's answer; record the payment once it is settled`,
        );
      }
      if (await em.count(PaymentAttempt, { invoice: invoice.id, kind: PaymentAttemptKind.MANUAL, providerReference: reference })) {
        throw new ConflictError(`a payment with reference '${reference}' is already recorded for invoice ${invoice.number}`, {
          field: 'input.reference',
        });
      }
      const now = (await clockForCustomer(em, invoice.customer.id, this.ctx.clock)).now();
      const attempt = em.create(PaymentAttempt, {
        invoice,
        customer: invoice.customer,
        kind: PaymentAttemptKind.MANUAL,
        amount: input.amount,
        currency: invoice.currency,
        outcome: 'succeeded',
        providerReference: reference,
        actorKeyId: this.ctx.actor.keyId,
        at: now,
        settledAt: now,
      });
      await em.flush();
      await emitEvent(em, paymentEvent('recorded', attempt, now));
      if (invoice.status === InvoiceStatus.UNCOLLECTIBLE && amountRemaining(invoice).lte(input.amount)) invoice.status = InvoiceStatus.OPEN;
      await applyPayment(em, invoice, input.amount, this.ctx.actor, now);
      await em.populate(invoice, ['lines']);
      return invoice;
    });
  }

  /** The attempts of invoices the caller has already read (so already authorized), oldest first. */
  async forInvoices(invoiceIds: readonly string[]): Promise<Map<string, PaymentAttempt[]>> {
    authorize(this.ctx.actor, 'payments:read');
    const rows = await this.ctx.em.find(PaymentAttempt, { invoice: { $in: [...invoiceIds] } }, { orderBy: { at: 'asc', id: 'asc' } });
    const groups = new Map<string, PaymentAttempt[]>(invoiceIds.map((id) => [id, []]));
    for (const row of rows) groups.get(row.invoice.id)?.push(row);
    return groups;
  }

  /** Newest first; a CUSTOMER key sees its own customer's only. */
  async list(filter: PaymentAttemptsFilter): Promise<Page<PaymentAttempt>> {
    authorize(this.ctx.actor, 'payments:read');
    const scope = customerScope(this.ctx.actor);
    if (scope && filter.customerId) authorizeCustomer(this.ctx.actor, 'payments:read', filter.customerId);
    const customerId = scope ?? filter.customerId ?? null;
    if (customerId !== null && !isId(customerId)) return empty;
    const size = pageSize(filter.first);
    const after = filter.after ? decodeAttemptCursor(filter.after) : null;
    const rows = await this.ctx.em.find(
      PaymentAttempt,
      {
        ...(customerId ? { customer: customerId } : {}),
        ...(after ? { $or: [{ at: { $lt: after.at } }, { at: after.at, id: { $lt: after.id } }] } : {}),
      },
      { orderBy: { at: 'desc', id: 'desc' }, limit: size + 1 },
    );
    return {
      nodes: rows.slice(0, size),
      hasNextPage: rows.length > size,
      cursorOf: (a) => Buffer.from(`${a.at.toISOString()}|${a.id}`).toString('base64url'),
    };
  }
}

function decodeAttemptCursor(cursor: string): { at: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const date = new Date(at ?? '');
  if (!id || !isId(id) || Number.isNaN(date.getTime())) throw new InvalidInputError('after', 'invalid cursor');
  return { at: date, id };
}
