import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { DirectDebitBatch } from '../../domain/payments/direct-debit-batch.entity';
import type { SepaMandate } from '../../domain/payments/sepa-mandate.entity';
import { maskIban } from '../../domain/payments/sepa-mandate';
import type { Refund } from '../../domain/refunds/refund.entity';
import { formatMoney } from '../../pricing/currency';
import type { Context } from '../context';
import { storedToInvoice } from '../invoices/invoice.mapping';
import { InvoiceType } from '../invoices/invoice.types';
import { PaymentMethodType } from './payment.types';
import { DirectDebitBatchType, RefundPaymentInput, RefundType, SepaMandateType } from './sepa.types';

@Resolver(() => DirectDebitBatchType)
export class DirectDebitResolver {
  @Mutation(() => DirectDebitBatchType, {
    description:
      'ADMIN: the open EUR invoices due by collectionDate of customers paying by sepa_debit, not already in collection, as one pain.008.001.02 file; BAD_USER_INPUT at collectionDate when none is due',
  })
  async createDirectDebitBatch(
    @Arg('collectionDate', () => Date) collectionDate: Date,
    @Ctx() ctx: Context,
  ): Promise<DirectDebitBatchType> {
    return toBatch(await ctx.services.directDebits.createBatch(collectionDate));
  }

  @Mutation(() => DirectDebitBatchType, {
    description: 'ADMIN: the bank collected the batch; its pending collections become payments (from the collection date on)',
  })
  async settleDirectDebitBatch(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<DirectDebitBatchType> {
    return toBatch(await ctx.services.directDebits.settleBatch(id));
  }

  @Mutation(() => InvoiceType, {
    description: 'ADMIN: an R-transaction (reject or return, with its reason code) reopens the invoice and enters dunning',
  })
  async returnDirectDebit(
    @Arg('invoiceId', () => ID) invoiceId: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: Context,
  ): Promise<InvoiceType> {
    const invoice = await ctx.services.directDebits.returnDebit(invoiceId, reason);
    await ctx.em.populate(invoice, ['lines']);
    return storedToInvoice(invoice);
  }

  @Query(() => DirectDebitBatchType, { nullable: true })
  async directDebitBatch(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<DirectDebitBatchType | null> {
    const batch = await ctx.services.directDebits.get(id);
    return batch ? toBatch(batch) : null;
  }

  @FieldResolver(() => [InvoiceType], { description: "The invoices collected, in the file's order" })
  async invoices(@Root() batch: DirectDebitBatchType, @Ctx() ctx: Context): Promise<InvoiceType[]> {
    return (await ctx.services.directDebits.invoicesOf(batch.id)).map(storedToInvoice);
  }

  @Mutation(() => RefundType, {
    description:
      'ADMIN: gives back part or all of a payment: a credit note and a negative payment; a card through its provider, a bank or SEPA payment as a pain.001 file',
  })
  async refundPayment(@Arg('input', () => RefundPaymentInput) input: RefundPaymentInput, @Ctx() ctx: Context): Promise<RefundType> {
    return toRefund(await ctx.services.refunds.refund(input));
  }
}

/** `PaymentMethod.sepaMandate`: the mandate of a sepa_debit method, its IBAN masked. */
@Resolver(() => PaymentMethodType)
export class PaymentMethodMandateResolver {
  @FieldResolver(() => SepaMandateType, {
    nullable: true,
    description: 'sepa_debit only: the mandate (IBAN masked but for its last 4 characters)',
  })
  async sepaMandate(@Root() method: PaymentMethodType, @Ctx() ctx: Context): Promise<SepaMandateType | null> {
    if (method.provider !== 'sepa_debit') return null;
    const mandate = await ctx.services.directDebits.mandateOf(method.id);
    return mandate ? toMandate(mandate) : null;
  }
}

function toBatch(b: DirectDebitBatch): DirectDebitBatchType {
  return {
    id: b.id,
    messageId: b.messageId,
    collectionDate: b.collectionDate,
    count: b.count,
    total: formatMoney(b.total, b.currency),
    currency: b.currency,
    xml: b.xml,
    createdAt: b.createdAt,
    settledAt: b.settledAt,
  };
}

function toMandate(m: SepaMandate): SepaMandateType {
  return {
    mandateId: m.mandateId,
    iban: maskIban(m.iban),
    bic: m.bic,
    accountHolder: m.accountHolder,
    signatureDate: m.signedAt,
    sequence: m.sequence,
  };
}

function toRefund(r: Refund): RefundType {
  return {
    id: r.id,
    paymentId: r.payment.id,
    refundPaymentId: r.refundPayment.id,
    invoiceId: r.invoice.id,
    creditNoteId: r.creditNote.id,
    amount: formatMoney(r.amount, r.currency),
    currency: r.currency,
    reason: r.reason,
    method: r.method,
    providerReference: r.providerReference,
    xml: r.xml,
    createdAt: r.createdAt,
  };
}
