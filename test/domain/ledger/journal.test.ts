import fc from 'fast-check';
import { ageReceivables, agingBucket } from '../../../src/domain/ledger/aged-receivables';
import { chartOf } from '../../../src/domain/ledger/chart-of-accounts';
import { isBalanced, journalFrom, type LedgerFacts } from '../../../src/domain/ledger/journal';
import { recognitionSchedule, recognizedBefore } from '../../../src/domain/ledger/recognition';
import { Decimal, ZERO } from '../../../src/pricing/decimal';

const chart = chartOf(null);
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const EVER = [new Date('2000-01-01T00:00:00Z'), new Date('2100-01-01T00:00:00Z')] as const;
const empty = (): LedgerFacts => ({ invoices: [], creditNotes: [], payments: [], creditMovements: [], writeOffs: [] });
const balanceOf = (facts: LedgerFacts, role: string, to: Date = EVER[1]) =>
  journalFrom(facts, chart, EVER[0], to)
    .flatMap((e) => e.postings)
    .filter((p) => p.role === role)
    .reduce((s, p) => s.plus(p.amount), ZERO);

describe('revenue recognition, day by day', () => {
  it('spreads 100.00 over 3 days as 33.33, 33.34, 33.33 (the shares add up to the cent)', () => {
    const schedule = recognitionSchedule({
      currency: 'EUR',
      amount: new Decimal('100'),
      periodStart: day('2027-01-01'),
      periodEnd: day('2027-01-04'),
      issuedAt: day('2027-01-01'),
    });
    expect(schedule.map(([d, a]) => [d.toISOString().slice(0, 10), a.toFixed(2)])).toEqual([
      ['2027-01-01', '33.33'],
      ['2027-01-02', '33.34'],
      ['2027-01-03', '33.33'],
    ]);
  });

  it('recognizes the days served before the document on the day it is issued (usage billed in arrears)', () => {
    const schedule = recognitionSchedule({
      currency: 'EUR',
      amount: new Decimal('31'),
      periodStart: day('2027-01-01'),
      periodEnd: day('2027-02-01'),
      issuedAt: new Date('2027-02-01T03:00:00Z'),
    });
    expect(schedule.map(([d, a]) => [d.toISOString().slice(0, 10), a.toFixed(2)])).toEqual([['2027-02-01', '31.00']]);
  });

  it('gives a partial first day its part of the period', () => {
    const schedule = recognitionSchedule({
      currency: 'EUR',
      amount: new Decimal('48'),
      periodStart: new Date('2027-01-01T12:00:00Z'),
      periodEnd: new Date('2027-01-02T12:00:00Z'),
      issuedAt: day('2027-01-01'),
    });
    expect(schedule.map(([, a]) => a.toFixed(2))).toEqual(['24.00', '24.00']);
  });
});

describe('journal entries from documents', () => {
  it('posts an invoice, its payment and a credit note, and every entry balances', () => {
    const facts = empty();
    facts.invoices.push({
      id: 'i1',
      number: 'INV-1',
      customerName: 'A',
      currency: 'EUR',
      finalizedAt: new Date('2027-01-01T10:00:00Z'),
      voidedAt: null,
      lines: [
        {
          amount: new Decimal('310.00'),
          tax: new Decimal('58.90'),
          periodStart: day('2027-01-01'),
          periodEnd: day('2027-02-01'),
          creditedAmount: ZERO,
          creditedTax: ZERO,
        },
        {
          amount: new Decimal('50.00'),
          tax: new Decimal('9.50'),
          periodStart: null,
          periodEnd: null,
          creditedAmount: ZERO,
          creditedTax: ZERO,
        },
      ],
    });
    facts.creditNotes.push({
      id: 'c1',
      number: 'CN-1',
      invoiceNumber: 'INV-1',
      customerName: 'A',
      currency: 'EUR',
      createdAt: day('2027-01-11'),
      lines: [{ amount: new Decimal('100.00'), tax: new Decimal('19.00'), periodStart: day('2027-01-01'), periodEnd: day('2027-02-01') }],
    });
    facts.payments.push({
      id: 'p1',
      invoiceId: 'i1',
      invoiceNumber: 'INV-1',
      customerName: 'A',
      amount: new Decimal('309.40'),
      currency: 'EUR',
      at: day('2027-01-15'),
      fromCredit: false,
      byTransferFile: false,
      returnedAt: null,
    });
    const entries = journalFrom(facts, chart, ...EVER);
    expect(entries.every(isBalanced)).toBe(true);
    const invoice = entries.find((e) => e.id === 'INVOICE:i1')!;
    expect(invoice.postings.map((p) => [p.account.name, p.amount.toFixed(2)])).toEqual([
      ['Assets:Accounts Receivable', '428.40'],
      ['Revenue:Subscriptions', '-50.00'],
      ['Liabilities:VAT Payable', '-68.40'],
      ['Liabilities:Deferred Revenue', '-310.00'],
    ]);
    expect(balanceOf(facts, 'receivables').toFixed(2)).toBe('0.00');
    // January: 310 earned to day 10 (100), then 210 over 21 days → revenue 50 + 310 − 100.
    expect(balanceOf(facts, 'revenue').toFixed(2)).toBe('-260.00');
    expect(balanceOf(facts, 'deferredRevenue').toFixed(2)).toBe('0.00');
    // By 12 January: 11 days of 310 earned (110); the credit note gives back 100 over the same 31
    // days, its first 11 days (35.48) reversed on its day: deferred is 200 − 64.52.
    expect(balanceOf(facts, 'deferredRevenue', day('2027-01-12')).toFixed(2)).toBe('-135.48');
  });

  it('is the same, entry for entry, when computed twice or for two halves of the range', () => {
    const facts = empty();
    facts.invoices.push({
      id: 'i',
      number: 'INV-2',
      customerName: 'B',
      currency: 'EUR',
      finalizedAt: day('2027-03-01'),
      voidedAt: null,
      lines: [
        {
          amount: new Decimal('1200'),
          tax: ZERO,
          periodStart: day('2027-03-01'),
          periodEnd: day('2028-03-01'),
          creditedAmount: ZERO,
          creditedTax: ZERO,
        },
      ],
    });
    const whole = journalFrom(facts, chart, ...EVER);
    expect(journalFrom(facts, chart, ...EVER)).toEqual(whole);
    const mid = day('2027-07-01');
    expect([...journalFrom(facts, chart, EVER[0], mid), ...journalFrom(facts, chart, mid, EVER[1])]).toEqual(whole);
  });

  it('writes off what is left, and a later payment recovers it first', () => {
    const facts = empty();
    facts.invoices.push({
      id: 'i',
      number: 'INV-3',
      customerName: 'C',
      currency: 'EUR',
      finalizedAt: day('2027-01-01'),
      voidedAt: null,
      lines: [{ amount: new Decimal('100'), tax: ZERO, periodStart: null, periodEnd: null, creditedAmount: ZERO, creditedTax: ZERO }],
    });
    facts.writeOffs.push({
      id: 'w',
      invoiceId: 'i',
      invoiceNumber: 'INV-3',
      customerName: 'C',
      amount: new Decimal('100'),
      currency: 'EUR',
      at: day('2027-03-01'),
    });
    expect(balanceOf(facts, 'receivables').toFixed(2)).toBe('0.00');
    facts.payments.push({
      id: 'p',
      invoiceId: 'i',
      invoiceNumber: 'INV-3',
      customerName: 'C',
      amount: new Decimal('100'),
      currency: 'EUR',
      at: day('2027-04-01'),
      fromCredit: false,
      byTransferFile: false,
      returnedAt: null,
    });
    expect(balanceOf(facts, 'receivables').toFixed(2)).toBe('0.00');
    expect(balanceOf(facts, 'badDebt').toFixed(2)).toBe('0.00');
    expect(balanceOf(facts, 'bank').toFixed(2)).toBe('100.00');
  });

  const period = fc.record({
    start: fc.integer({ min: 0, max: 400 * 24 }),
    hours: fc.integer({ min: 1, max: 400 * 24 }),
    issuedAfterStart: fc.integer({ min: -30 * 24, max: 60 * 24 }),
    cents: fc.integer({ min: -500_000, max: 5_000_000 }),
    taxCents: fc.integer({ min: 0, max: 100_000 }),
    credited: fc.nat({ max: 100 }),
    // Whole days: a day's recognition entry is dated at its start (docs/general-ledger.md).
    at: fc.integer({ min: 0, max: 900 }),
  });

  it('property: recognized + deferred = invoiced net at every day, and every entry balances', () => {
    fc.assert(
      fc.property(fc.array(period, { minLength: 1, maxLength: 8 }), (periods) => {
        const base = day('2027-01-01').getTime();
        const h = (n: number) => new Date(base + n * 3_600_000);
        const facts = empty();
        let net = ZERO;
        periods.forEach((p, i) => {
          const amount = new Decimal(p.cents).dividedBy(100);
          const credit = amount.times(p.credited).dividedBy(100).toDecimalPlaces(2);
          const issuedAt = h(Math.max(0, p.start + p.issuedAfterStart));
          const periodStart = h(p.start);
          const periodEnd = h(p.start + p.hours);
          facts.invoices.push({
            id: `i${i}`,
            number: `INV-${i}`,
            customerName: 'X',
            currency: 'EUR',
            finalizedAt: issuedAt,
            voidedAt: null,
            lines: [
              { amount, tax: new Decimal(p.taxCents).dividedBy(100), periodStart, periodEnd, creditedAmount: credit, creditedTax: ZERO },
            ],
          });
          if (!credit.isZero())
            facts.creditNotes.push({
              id: `c${i}`,
              number: `CN-${i}`,
              invoiceNumber: `INV-${i}`,
              customerName: 'X',
              currency: 'EUR',
              createdAt: h(Math.max(0, p.start + p.issuedAfterStart) + 5),
              lines: [{ amount: credit, tax: ZERO, periodStart, periodEnd }],
            });
          net = net.plus(amount).minus(credit);
        });
        const asOf = h(periods[0].at * 24);
        const entries = journalFrom(facts, chart, EVER[0], asOf);
        expect(entries.every(isBalanced)).toBe(true);
        const sum = (role: string) =>
          entries
            .flatMap((e) => e.postings)
            .filter((p) => p.role === role)
            .reduce((s, p) => s.plus(p.amount), ZERO);
        const issuedNet = [
          ...facts.invoices.filter((i) => i.finalizedAt < asOf).map((i) => i.lines[0].amount),
          ...facts.creditNotes.filter((c) => c.createdAt < asOf).map((c) => c.lines[0].amount.negated()),
        ].reduce((s, a) => s.plus(a), ZERO);
        // Credits are negative in the ledger: −(revenue + deferred) is what was invoiced net.
        expect(sum('revenue').plus(sum('deferredRevenue')).negated().toFixed(2)).toBe(issuedNet.toFixed(2));
        // Revenue is what the recognition rule says for each document by asOf.
        const expected = [
          ...facts.invoices
            .filter((i) => i.finalizedAt < asOf)
            .map((i) =>
              recognizedBefore(
                {
                  currency: 'EUR',
                  amount: i.lines[0].amount,
                  periodStart: i.lines[0].periodStart,
                  periodEnd: i.lines[0].periodEnd,
                  issuedAt: i.finalizedAt,
                },
                asOf,
              ),
            ),
          ...facts.creditNotes
            .filter((c) => c.createdAt < asOf)
            .map((c) =>
              recognizedBefore(
                {
                  currency: 'EUR',
                  amount: c.lines[0].amount.negated(),
                  periodStart: c.lines[0].periodStart,
                  periodEnd: c.lines[0].periodEnd,
                  issuedAt: c.createdAt,
                },
                asOf,
              ),
            ),
        ].reduce((s, a) => s.plus(a), ZERO);
        expect(sum('revenue').negated().toFixed(2)).toBe(expected.toFixed(2));
        // After every period has ended, nothing is deferred any more.
        const all = journalFrom(facts, chart, ...EVER)
          .flatMap((e) => e.postings)
          .filter((p) => p.role === 'deferredRevenue')
          .reduce((s, p) => s.plus(p.amount), ZERO);
        expect(all.toFixed(2)).toBe('0.00');
        expect(net.isFinite()).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});

describe('aged receivables', () => {
  it.each([
    ['2027-03-01', 'current'],
    ['2027-03-02', 'days1To30'],
    ['2027-03-31', 'days1To30'],
    ['2027-04-01', 'days31To60'],
    ['2027-04-30', 'days31To60'],
    ['2027-05-01', 'days61To90'],
    ['2027-05-30', 'days61To90'],
    ['2027-05-31', 'days90Plus'],
  ])('due 1 March, seen on %s: %s', (asOf, bucket) => {
    expect(agingBucket(day('2027-03-01'), day(asOf))).toBe(bucket);
  });

  it('sums per customer and per currency', () => {
    const { customers, totals } = ageReceivables(
      [
        { customerId: 'a', customerName: 'A', currency: 'EUR', dueAt: day('2027-01-01'), amountRemaining: new Decimal('10') },
        { customerId: 'a', customerName: 'A', currency: 'EUR', dueAt: day('2027-03-10'), amountRemaining: new Decimal('5') },
        { customerId: 'b', customerName: 'B', currency: 'EUR', dueAt: day('2026-11-01'), amountRemaining: new Decimal('7') },
        { customerId: 'c', customerName: 'C', currency: 'USD', dueAt: day('2027-02-20'), amountRemaining: new Decimal('3') },
      ],
      day('2027-03-01'),
    );
    expect(
      customers.map((r) => [
        r.customerName,
        r.currency,
        r.current.toString(),
        r.days31To60.toString(),
        r.days90Plus.toString(),
        r.total.toString(),
      ]),
    ).toEqual([
      ['A', 'EUR', '5', '10', '0', '15'],
      ['B', 'EUR', '0', '0', '7', '7'],
      ['C', 'USD', '0', '0', '0', '3'],
    ]);
    expect(totals.map((r) => [r.currency, r.total.toString(), r.days1To30.toString()])).toEqual([
      ['EUR', '22', '0'],
      ['USD', '3', '3'],
    ]);
  });
});
