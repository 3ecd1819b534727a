import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { AgedReceivablesRow } from '../../domain/ledger/aged-receivables';
import type { JournalEntry } from '../../domain/ledger/journal';
import { formatMoney } from '../../pricing';
import type { Context } from '../context';
import { AgedReceivablesRowType, AgedReceivablesType, JournalEntryType, JournalSourceTypeEnum } from './ledger.types';

function entryOut(e: JournalEntry): JournalEntryType {
  const money = (d: JournalEntry['postings'][number]['amount']) => formatMoney(d, e.currency);
  return {
    id: e.id,
    date: e.date,
    description: e.description,
    currency: e.currency,
    source: { type: e.source.type as JournalSourceTypeEnum, id: e.source.id, number: e.source.number },
    postings: e.postings.map((p) => ({
      account: p.account,
      amount: money(p.amount),
      debit: money(p.amount.isPositive() ? p.amount : p.amount.times(0)),
      credit: money(p.amount.isNegative() ? p.amount.negated() : p.amount.times(0)),
      currency: e.currency,
    })),
  };
}

function rowOut(r: AgedReceivablesRow): AgedReceivablesRowType {
  const money = (d: AgedReceivablesRow['total']) => formatMoney(d, r.currency);
  return {
    customerId: r.customerId,
    customerName: r.customerName,
    currency: r.currency,
    current: money(r.current),
    days1To30: money(r.days1To30),
    days31To60: money(r.days31To60),
    days61To90: money(r.days61To90),
    days90Plus: money(r.days90Plus),
    total: money(r.total),
  };
}

@Resolver()
export class LedgerResolver {
  @Query(() => [JournalEntryType], {
    description:
      'The general ledger of [from, to) (at most 400 days), computed from the stored documents: the same range gives the same entries (ADMIN, SALES; docs/general-ledger.md)',
  })
  async journalEntries(
    @Arg('from', () => Date) from: Date,
    @Arg('to', () => Date) to: Date,
    @Ctx() ctx: Context,
  ): Promise<JournalEntryType[]> {
    return (await ctx.services.ledger.journalEntries(from, to)).map(entryOut);
  }

  @Query(() => AgedReceivablesType, {
    description: "Open invoices' amountRemaining by days past due at asOf (default now): CURRENT, 1-30, 31-60, 61-90, 90+ (ADMIN, SALES)",
  })
  async agedReceivables(@Arg('asOf', () => Date, { nullable: true }) asOf: Date | null, @Ctx() ctx: Context): Promise<AgedReceivablesType> {
    const report = await ctx.services.ledger.agedReceivables(asOf ?? null);
    return { asOf: report.asOf, customers: report.customers.map(rowOut), totals: report.totals.map(rowOut) };
  }
}
