import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { BankEntry } from '../../domain/bank-statements/bank-entry.entity';
import type { BankStatementImportResult } from '../../domain/bank-statements/bank-statement.service';
import { invoicePaymentReference } from '../../domain/payments/payment-reference';
import { formatMoney } from '../../pricing/currency';
import type { Context } from '../context';
import { CustomerType } from '../customers/customer.types';
import { InvoiceType } from '../invoices/invoice.types';
import { DecimalScalar } from '../scalars/decimal.scalar';
import { BankEntryType, BankStatementImportType, ImportBankStatementInput } from './bank-statement.types';

@Resolver()
export class BankStatementResolver {
  @Mutation(() => BankStatementImportType, {
    description: 'Imports a bank statement and pays the invoices its credits name (ADMIN); importing it again pays nothing twice',
  })
  async importBankStatement(
    @Arg('input', () => ImportBankStatementInput) input: ImportBankStatementInput,
    @Ctx() ctx: Context,
  ): Promise<BankStatementImportType> {
    return toImport(await ctx.services.bankStatements.import(input));
  }

  @Mutation(() => BankEntryType, {
    description:
      "Places an UNMATCHED credit on an invoice (the excess to its customer's credit balance) or on a customer's credit balance (ADMIN)",
  })
  async assignBankEntry(
    @Arg('id', () => ID) id: string,
    @Arg('invoiceId', () => ID, { nullable: true }) invoiceId: string | null,
    @Arg('customerId', () => ID, { nullable: true }) customerId: string | null,
    @Ctx() ctx: Context,
  ): Promise<BankEntryType> {
    return toBankEntry(await ctx.services.bankStatements.assign(id, { invoiceId, customerId }));
  }
}

/** `Invoice.paymentReference`: derived from the invoice's number (payment-reference.ts), so it needs no load. */
@Resolver(() => InvoiceType)
export class InvoicePaymentReferenceResolver {
  @FieldResolver(() => String, {
    description: 'The ISO 11649 creditor reference (RF…) to quote on a bank transfer; a DRAFT has a provisional one until it is numbered',
  })
  paymentReference(@Root() invoice: InvoiceType): string {
    return invoicePaymentReference(invoice);
  }
}

/** `Customer.creditBalance`: overpayments not yet used by an invoice. */
@Resolver(() => CustomerType)
export class CustomerCreditBalanceResolver {
  @FieldResolver(() => DecimalScalar, {
    description: "What the customer paid beyond its invoices, used by its next invoices, in the customer's currency",
  })
  async creditBalance(@Root() customer: CustomerType, @Ctx() ctx: Context): Promise<string> {
    return formatMoney(await ctx.services.bankStatements.creditBalance(customer), customer.currency);
  }
}

function toImport(result: BankStatementImportResult): BankStatementImportType {
  return {
    id: result.statement.id,
    statementId: result.statement.statementId,
    entries: result.entries,
    matched: result.matched,
    unmatched: result.unmatched.map(toBankEntry),
  };
}

function toBankEntry(e: BankEntry): BankEntryType {
  return {
    id: e.id,
    amount: formatMoney(e.amount, e.currency),
    currency: e.currency,
    credit: e.credit,
    bookingDate: e.bookingDate,
    debtorName: e.debtorName,
    debtorIban: e.debtorIban,
    remittanceInformation: e.remittance,
    reference: e.reference,
    status: e.status,
    customerId: e.customer?.id ?? null,
  };
}
