import { Decimal, ZERO } from '../../pricing/decimal';
import type { AccountRole, ChartOfAccounts, LedgerAccount } from './chart-of-accounts';
import { hasServicePeriod, recognitionSchedule, type RevenueItem } from './recognition';

/** The stored document an entry comes from; RECOGNITION entries gather one day's shares of every document. */
export type JournalSourceType =
  | 'INVOICE'
  | 'INVOICE_VOID'
  | 'CREDIT_NOTE'
  | 'PAYMENT'
  | 'PAYMENT_RETURN'
  | 'REFUND'
  | 'CREDIT_BALANCE'
  | 'WRITE_OFF'
  | 'WRITE_OFF_RECOVERY'
  | 'RECOGNITION';

export interface JournalSource {
  type: JournalSourceType;
  /** The document's id (an invoice, credit note, payment, credit balance movement); null for RECOGNITION. */
  id: string | null;
  /** Its number when it has one (INV-…, CN-…), else null. */
  number: string | null;
}

/** One line of an entry: a signed amount, debit positive, credit negative. */
export interface Posting {
  role: AccountRole;
  account: LedgerAccount;
  amount: Decimal;
}

export interface JournalEntry {
  /** Stable across exports: the source type and id (RECOGNITION: the day and currency). */
  id: string;
  date: Date;
  description: string;
  currency: string;
  source: JournalSource;
  postings: Posting[];
}

export interface InvoiceLineFact {
  amount: Decimal;
  tax: Decimal;
  periodStart: Date | null;
  periodEnd: Date | null;
  /** What credit notes gave back of it before tax, and its tax (a void reverses only the rest). */
  creditedAmount: Decimal;
  creditedTax: Decimal;
}

export interface InvoiceFact {
  id: string;
  number: string;
  customerName: string;
  currency: string;
  finalizedAt: Date;
  voidedAt: Date | null;
  lines: InvoiceLineFact[];
}

export interface CreditNoteFact {
  id: string;
  number: string;
  invoiceNumber: string;
  customerName: string;
  currency: string;
  createdAt: Date;
  /** Positive amounts credited, with the period of the invoice line each credits. */
  lines: { amount: Decimal; tax: Decimal; periodStart: Date | null; periodEnd: Date | null }[];
}

export interface PaymentFact {
  id: string;
  invoiceId: string;
  invoiceNumber: string;
  customerName: string;
  /** Signed: a refund is negative. */
  amount: Decimal;
  currency: string;
  /** When the money moved (settled). */
  at: Date;
  /** Paid out of the customer's credit balance (reference `credit:…`), not the bank. */
  fromCredit: boolean;
  /** A refund paid back by a credit transfer file (pain.001): the refunds clearing account until the bank executes it. */
  byTransferFile: boolean;
  /** A settled direct debit the bank returned later: reversed then. */
  returnedAt: Date | null;
}

export interface CreditMovementFact {
  id: string;
  customerName: string;
  /** Positive: money received beyond the invoices (overpayment, an entry assigned to the balance). */
  amount: Decimal;
  currency: string;
  reason: string;
  at: Date;
}

export interface WriteOffFact {
  /** The marked_uncollectible event's id. */
  id: string;
  invoiceId: string;
  invoiceNumber: string;
  customerName: string;
  amount: Decimal;
  currency: string;
  at: Date;
}

export interface LedgerFacts {
  invoices: InvoiceFact[];
  creditNotes: CreditNoteFact[];
  payments: PaymentFact[];
  creditMovements: CreditMovementFact[];
  writeOffs: WriteOffFact[];
}

const ORDER: JournalSourceType[] = [
  'INVOICE',
  'CREDIT_NOTE',
  'INVOICE_VOID',
  'WRITE_OFF',
  'WRITE_OFF_RECOVERY',
  'PAYMENT',
  'CREDIT_BALANCE',
  'REFUND',
  'PAYMENT_RETURN',
  'RECOGNITION',
];

class EntryBuilder {
  private readonly sums = new Map<AccountRole, Decimal>();
  constructor(private readonly chart: ChartOfAccounts) {}
  post(role: AccountRole, amount: Decimal): this {
    this.sums.set(role, (this.sums.get(role) ?? ZERO).plus(amount));
    return this;
  }
  postings(): Posting[] {
    return [...this.sums.entries()]
      .filter(([, amount]) => !amount.isZero())
      .sort(([, a], [, b]) => b.comparedTo(a))
      .map(([role, amount]) => ({ role, account: this.chart[role], amount }));
  }
}

/** An entry's postings add up to zero: every entry balances to the cent. */
export function isBalanced(entry: JournalEntry): boolean {
  return entry.postings.reduce((sum, p) => sum.plus(p.amount), ZERO).isZero();
}

/** The revenue side of a set of items: deferred when they have a service period, else revenue at once. */
function postRevenue(b: EntryBuilder, items: RevenueItem[]): void {
  for (const item of items) b.post(hasServicePeriod(item) ? 'deferredRevenue' : 'revenue', item.amount.negated());
}

/**
 * The general ledger as a function of the stored documents: the same facts give the same
 * entries, in the same order, with the same ids (an export is idempotent). Entries dated in
 * [from, to) are returned; recognition gathers each UTC day's shares per currency.
 */
export function journalFrom(facts: LedgerFacts, chart: ChartOfAccounts, from: Date, to: Date): JournalEntry[] {
  const entries: JournalEntry[] = [];
  const items: RevenueItem[] = [];
  const add = (entry: Omit<JournalEntry, 'postings'>, b: EntryBuilder) => {
    const postings = b.postings();
    if (postings.length) entries.push({ ...entry, postings });
  };

  for (const inv of facts.invoices) {
    const issued = inv.lines.map((l) => ({
      currency: inv.currency,
      amount: l.amount,
      periodStart: l.periodStart,
      periodEnd: l.periodEnd,
      issuedAt: inv.finalizedAt,
    }));
    items.push(...issued);
    const b = new EntryBuilder(chart);
    b.post(
      'receivables',
      inv.lines.reduce((s, l) => s.plus(l.amount).plus(l.tax), ZERO),
    );
    postRevenue(b, issued);
    b.post('vatPayable', inv.lines.reduce((s, l) => s.plus(l.tax), ZERO).negated());
    add(
      {
        id: `INVOICE:${inv.id}`,
        date: inv.finalizedAt,
        description: `Invoice ${inv.number} | ${inv.customerName}`,
        currency: inv.currency,
        source: { type: 'INVOICE', id: inv.id, number: inv.number },
      },
      b,
    );
    if (inv.voidedAt) {
      const reversed = inv.lines.map((l) => ({
        currency: inv.currency,
        amount: l.amount.minus(l.creditedAmount).negated(),
        periodStart: l.periodStart,
        periodEnd: l.periodEnd,
        issuedAt: inv.voidedAt!,
      }));
      items.push(...reversed);
      const v = new EntryBuilder(chart);
      const tax = inv.lines.reduce((s, l) => s.plus(l.tax).minus(l.creditedTax), ZERO);
      v.post('receivables', reversed.reduce((s, i) => s.plus(i.amount), ZERO).minus(tax));
      postRevenue(v, reversed);
      v.post('vatPayable', tax);
      add(
        {
          id: `INVOICE_VOID:${inv.id}`,
          date: inv.voidedAt,
          description: `Void of invoice ${inv.number} | ${inv.customerName}`,
          currency: inv.currency,
          source: { type: 'INVOICE_VOID', id: inv.id, number: inv.number },
        },
        v,
      );
    }
  }

  for (const cn of facts.creditNotes) {
    const credited = cn.lines.map((l) => ({
      currency: cn.currency,
      amount: l.amount.negated(),
      periodStart: l.periodStart,
      periodEnd: l.periodEnd,
      issuedAt: cn.createdAt,
    }));
    items.push(...credited);
    const b = new EntryBuilder(chart);
    const tax = cn.lines.reduce((s, l) => s.plus(l.tax), ZERO);
    b.post('receivables', credited.reduce((s, i) => s.plus(i.amount), ZERO).minus(tax));
    postRevenue(b, credited);
    b.post('vatPayable', tax);
    add(
      {
        id: `CREDIT_NOTE:${cn.id}`,
        date: cn.createdAt,
        description: `Credit note ${cn.number} on ${cn.invoiceNumber} | ${cn.customerName}`,
        currency: cn.currency,
        source: { type: 'CREDIT_NOTE', id: cn.id, number: cn.number },
      },
      b,
    );
  }

  // Payments of a written-off invoice first restore what was written off, then settle it.
  const writtenOff = new Map<string, { left: Decimal; at: Date }>();
  for (const w of facts.writeOffs) {
    writtenOff.set(w.invoiceId, { left: w.amount, at: w.at });
    add(
      {
        id: `WRITE_OFF:${w.id}`,
        date: w.at,
        description: `Write-off of invoice ${w.invoiceNumber} | ${w.customerName}`,
        currency: w.currency,
        source: { type: 'WRITE_OFF', id: w.invoiceId, number: w.invoiceNumber },
      },
      new EntryBuilder(chart).post('badDebt', w.amount).post('receivables', w.amount.negated()),
    );
  }
  const payments = [...facts.payments].sort((a, b) => a.at.getTime() - b.at.getTime() || a.id.localeCompare(b.id));
  for (const p of payments) {
    const off = writtenOff.get(p.invoiceId);
    if (off && p.amount.gt(0) && off.left.gt(0) && p.at.getTime() >= off.at.getTime()) {
      const back = Decimal.min(off.left, p.amount);
      off.left = off.left.minus(back);
      add(
        {
          id: `WRITE_OFF_RECOVERY:${p.id}`,
          date: p.at,
          description: `Recovery of invoice ${p.invoiceNumber}, written off | ${p.customerName}`,
          currency: p.currency,
          source: { type: 'WRITE_OFF_RECOVERY', id: p.id, number: p.invoiceNumber },
        },
        new EntryBuilder(chart).post('receivables', back).post('badDebt', back.negated()),
      );
    }
    const refund = p.amount.isNegative();
    const cash: AccountRole = p.fromCredit ? 'customerCredit' : refund && p.byTransferFile ? 'refundsClearing' : 'bank';
    const type: JournalSourceType = refund ? 'REFUND' : 'PAYMENT';
    const what = p.fromCredit ? 'Credit balance applied to' : refund ? 'Refund on' : 'Payment of';
    add(
      {
        id: `${type}:${p.id}`,
        date: p.at,
        description: `${what} invoice ${p.invoiceNumber} | ${p.customerName}`,
        currency: p.currency,
        source: { type, id: p.id, number: p.invoiceNumber },
      },
      new EntryBuilder(chart).post(cash, p.amount).post('receivables', p.amount.negated()),
    );
    if (p.returnedAt)
      add(
        {
          id: `PAYMENT_RETURN:${p.id}`,
          date: p.returnedAt,
          description: `Direct debit returned, invoice ${p.invoiceNumber} | ${p.customerName}`,
          currency: p.currency,
          source: { type: 'PAYMENT_RETURN', id: p.id, number: p.invoiceNumber },
        },
        new EntryBuilder(chart).post('receivables', p.amount).post(cash, p.amount.negated()),
      );
  }

  for (const m of facts.creditMovements)
    add(
      {
        id: `CREDIT_BALANCE:${m.id}`,
        date: m.at,
        description: `${m.reason === 'overpayment' ? 'Overpayment' : 'Payment'} to credit balance | ${m.customerName}`,
        currency: m.currency,
        source: { type: 'CREDIT_BALANCE', id: m.id, number: null },
      },
      new EntryBuilder(chart).post('bank', m.amount).post('customerCredit', m.amount.negated()),
    );

  const recognized = new Map<string, { day: Date; currency: string; amount: Decimal }>();
  for (const item of items)
    for (const [day, amount] of recognitionSchedule(item)) {
      const key = `${day.toISOString().slice(0, 10)}:${item.currency}`;
      const at = recognized.get(key) ?? { day, currency: item.currency, amount: ZERO };
      at.amount = at.amount.plus(amount);
      recognized.set(key, at);
    }
  for (const [key, r] of recognized)
    add(
      {
        id: `RECOGNITION:${key}`,
        date: r.day,
        description: `Revenue recognized ${key.slice(0, 10)}`,
        currency: r.currency,
        source: { type: 'RECOGNITION', id: null, number: null },
      },
      new EntryBuilder(chart).post('deferredRevenue', r.amount).post('revenue', r.amount.negated()),
    );

  return entries
    .filter((e) => e.date.getTime() >= from.getTime() && e.date.getTime() < to.getTime())
    .sort(
      (a, b) =>
        a.date.getTime() - b.date.getTime() || ORDER.indexOf(a.source.type) - ORDER.indexOf(b.source.type) || a.id.localeCompare(b.id),
    );
}
