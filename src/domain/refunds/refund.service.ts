import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { formatMoney, minorUnits } from '../../pricing/currency';
import { Decimal, ZERO } from '../../pricing/decimal';
import { authorize, authorizeCustomer } from '../auth/actor';
import { creditPartsForAmount, issueCreditNote } from '../credit-notes/credit-note.service';
import { ConflictError, InvalidInputError, NotFoundError } from '../errors';
import { refundEvent } from '../events/direct-debit-events';
import { emitEvents } from '../events/emit-event';
import { paymentEvent } from '../events/payment-events';
import { lockInvoice } from '../invoices/invoice-lock';
import { PaymentAttempt, PaymentAttemptKind } from '../payments/payment-attempt.entity';
import { SepaMandate } from '../payments/sepa-mandate.entity';
import { sepaFileError } from '../payments/sepa-creditor';
import { creditTransferXml, SepaParty } from '../payments/sepa-xml';
import { readSellerSettings } from '../settings/seller-settings.service';
import { isId } from '../shared/ids';
import { parseInput } from '../shared/input-schema';
import type { ServiceContext } from '../shared/service-context';
import { Refund } from './refund.entity';
import type { Invoice } from '../invoices/invoice.entity';
import { RefundInput, refundInputSchema, RefundPaymentInput } from './refund.schema';

const REFUNDABLE = [PaymentAttemptKind.CHARGE, PaymentAttemptKind.MANUAL, PaymentAttemptKind.DIRECT_DEBIT];

/** Refunds (ADMIN, `payments:record`): a credit note and a negative payment, paid back by the card's provider or a pain.001 credit transfer. */
export class RefundService {
  constructor(private readonly ctx: ServiceContext) {}

  /**
   * Gives back `amount` (with tax) of a succeeded payment, in full or in part, never more than
   * what is left of it after earlier refunds (BAD_USER_INPUT at input.amount). One transaction
   * with the invoice locked: the credit note lowers what is due by the amount and the negative
   * payment lowers what was paid by it, so the invoice's balance and status do not move. A card
   * payment is refunded by its provider between two checks (outside any transaction); a bank or SEPA payment
   * gets a pain.001.001.03 file to the customer's account (its mandate's, or the one given).
   */
  async refund(raw: RefundPaymentInput): Promise<Refund> {
    authorize(this.ctx.actor, 'payments:record');
    const input = parseInput(refundInputSchema, raw, 'input');
    const id = randomUUID();
    // A card's gateway is asked outside any transaction (it keeps its own books, and a transaction
    // must not wait on it), after the same checks pass; the refund is then written with its answer.
    const first = await this.ctx.em.transactional((em) => this.check(em, input));
    const providerReference =
      first.payment.kind === PaymentAttemptKind.CHARGE ? await this.providerRefund(id, first.payment, input.amount) : null;
    return this.ctx.em.transactional(async (em) => {
      const { payment, invoice } = await this.check(em, input);
      const now = this.ctx.clock.now();
      const viaProvider = payment.kind === PaymentAttemptKind.CHARGE;
      const transfer = viaProvider ? null : await this.creditTransfer(em, id, payment, input, invoice.number ?? invoice.id, now);
      // Paid first, then credited: the note's "nothing left to pay" check must see the payment already lowered.
      invoice.amountPaid = invoice.amountPaid.minus(input.amount);
      const creditNote = await issueCreditNote(
        em,
        invoice,
        await creditPartsForAmount(em, invoice, input.amount),
        input.reason ?? `Refund of payment ${payment.providerReference ?? payment.id}`,
        this.ctx.actor,
        now,
      );
      const reference = providerReference ?? transfer!.messageId;
      const negative = em.create(PaymentAttempt, {
        invoice,
        customer: invoice.customer,
        kind: PaymentAttemptKind.REFUND,
        paymentMethod: payment.paymentMethod,
        provider: payment.provider,
        amount: input.amount.negated(),
        currency: payment.currency,
        outcome: 'succeeded',
        providerReference: reference,
        actorKeyId: this.ctx.actor.keyId,
        at: now,
        settledAt: now,
      });
      const refund = em.create(Refund, {
        id,
        payment,
        refundPayment: negative,
        invoice,
        customer: invoice.customer,
        creditNote,
        amount: input.amount,
        currency: payment.currency,
        reason: input.reason,
        method: viaProvider ? 'PROVIDER' : 'CREDIT_TRANSFER',
        providerReference: reference,
        xml: transfer?.xml ?? null,
        createdByKeyId: this.ctx.actor.keyId,
        createdAt: now,
      });
      await em.flush();
      await emitEvents(em, [paymentEvent('refunded', negative, now), refundEvent(refund, now)]);
      return refund;
    });
  }

  /** The payment, its invoice locked, and the amount checked against what is left to refund and to credit. */
  private async check(em: EntityManager, input: RefundInput): Promise<{ payment: PaymentAttempt; invoice: Invoice }> {
    const found = isId(input.paymentId) ? await em.findOne(PaymentAttempt, { id: input.paymentId }) : null;
    if (!found || !REFUNDABLE.includes(found.kind)) throw new NotFoundError('payment', input.paymentId, 'input.paymentId');
    authorizeCustomer(this.ctx.actor, 'payments:record', found.customer.id);
    const invoice = await lockInvoice(em, found.invoice.id, 'input.paymentId');
    const payment = await em.findOneOrFail(PaymentAttempt, { id: found.id }, { refresh: true, populate: ['paymentMethod'] });
    if (payment.outcome !== 'succeeded')
      throw new ConflictError(`payment ${payment.id} is ${payment.outcome}: only a succeeded payment can be refunded`, {
        field: 'input.paymentId',
        details: { reason: 'NOT_SUCCEEDED' },
      });
    const money = (d: Decimal) => formatMoney(d, payment.currency);
    const scale = minorUnits(payment.currency);
    if (input.amount.decimalPlaces() > scale)
      throw new InvalidInputError('input.amount', `${payment.currency} amounts have at most ${scale} decimal places`);
    const refunded = (await em.find(Refund, { payment: payment.id })).reduce((sum, r) => sum.plus(r.amount), ZERO);
    const refundable = payment.amount.minus(refunded);
    if (input.amount.gt(refundable))
      throw new InvalidInputError('input.amount', `at most ${money(refundable)} ${payment.currency} of this payment is left to refund`, {
        refundable: money(refundable),
      });
    const creditable = invoice.total.minus(invoice.amountCredited);
    if (input.amount.gt(creditable))
      throw new InvalidInputError(
        'input.amount',
        `credit notes already gave back all but ${money(creditable)} of invoice ${invoice.number}`,
        {
          refundable: money(Decimal.max(ZERO, creditable)),
        },
      );
    return { payment, invoice };
  }

  async get(id: string): Promise<Refund | null> {
    authorize(this.ctx.actor, 'payments:read');
    const refund = isId(id) ? await this.ctx.em.findOne(Refund, { id }, { populate: ['xml'] }) : null;
    if (refund) authorizeCustomer(this.ctx.actor, 'payments:read', refund.customer.id);
    return refund;
  }

  /** The card's gateway pays it back; a refusal is a CONFLICT and, thrown inside the transaction, leaves nothing written. */
  private async providerRefund(id: string, payment: PaymentAttempt, amount: Decimal): Promise<string> {
    const provider = payment.provider ? this.ctx.providers.get(payment.provider) : undefined;
    if (!provider || !payment.providerReference)
      throw new ConflictError(`payment ${payment.id} has no provider to refund through`, { details: { reason: 'NO_PROVIDER' } });
    const result = await provider.refund({
      idempotencyKey: id,
      chargeReference: payment.providerReference,
      amount,
      currency: payment.currency,
    });
    if (result.status === 'failed')
      throw new ConflictError(`the provider refused the refund: ${result.error}`, { details: { reason: 'PROVIDER_REFUSED' } });
    return result.reference;
  }

  private async creditTransfer(
    em: EntityManager,
    id: string,
    payment: PaymentAttempt,
    input: { amount: Decimal; iban: string | null; bic: string | null; accountHolder: string | null },
    invoiceNumber: string,
    now: Date,
  ): Promise<{ messageId: string; xml: string }> {
    const settings = await readSellerSettings(em);
    if (!settings.iban)
      throw new ConflictError("seller settings lack iban: a credit transfer needs the seller's account", {
        details: { reason: 'SEPA_SETTINGS_MISSING', missing: ['iban'] },
      });
    const creditor = await this.customerAccount(em, payment, input);
    const messageId = `TARIFF-RF-${id.replace(/-/g, '').slice(0, 20).toUpperCase()}`;
    try {
      const xml = creditTransferXml({
        messageId,
        createdAt: now,
        executionDate: now,
        currency: payment.currency,
        debtor: { name: (settings.legalName ?? settings.name).slice(0, 70), iban: settings.iban, bic: settings.bic },
        endToEndId: messageId,
        remittance: `Refund ${invoiceNumber}`,
        amount: input.amount,
        creditor,
      });
      return { messageId, xml };
    } catch (err) {
      throw sepaFileError(err);
    }
  }

  /** Where the money goes back: the account given, else the mandate the payment was collected under, else the customer's latest mandate. */
  private async customerAccount(
    em: EntityManager,
    payment: PaymentAttempt,
    input: { iban: string | null; bic: string | null; accountHolder: string | null },
  ): Promise<SepaParty> {
    if (input.iban) {
      if (!input.accountHolder) throw new InvalidInputError('input.accountHolder', 'the name of the account the refund goes to');
      return { name: input.accountHolder, iban: input.iban, bic: input.bic };
    }
    const mandate =
      (payment.paymentMethod ? await em.findOne(SepaMandate, { paymentMethod: payment.paymentMethod.id }) : null) ??
      (await em.findOne(SepaMandate, { customer: payment.customer.id }, { orderBy: { createdAt: 'desc' } }));
    if (!mandate)
      throw new InvalidInputError('input.iban', "the customer's account is unknown: give the IBAN and account holder to refund to");
    return { name: mandate.accountHolder, iban: mandate.iban, bic: mandate.bic };
  }
}
