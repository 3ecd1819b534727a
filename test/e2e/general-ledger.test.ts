import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ManualClock } from '../../src/domain/shared/clock';
import { Decimal } from '../../src/pricing/decimal';
import { startTestApp, TestApp } from '../support/app';
import { createPrice, createProduct, must } from '../support/catalog';
import { hledger } from '../support/hledger';

// A year of a test-clock book (an annual prepaid plan, a monthly plan, usage billed in arrears, a
// credit note, a refund, part payments), exported with `npm run ledger:export` as operators run it
// (a separate process on the same database) and read back with the real hledger binary. Every
// expected figure is computed here from what the API says about the invoices, never from the
// ledger code: receivables from amountRemaining, deferred revenue and each month's revenue from
// the invoiced lines' service periods (docs/general-ledger.md, the recognition rule).
jest.setTimeout(120_000);

const ROOT = path.resolve(__dirname, '../..');
const START = '2027-01-01T00:00:00.000Z';
const END = '2028-01-01T00:00:00.000Z';
const clock = new ManualClock(new Date('2026-12-01T00:00:00Z'));
let t: TestApp;
let dir: string;
let clockId: string;

const INVOICES = `query($c: ID) { invoices(customerId: $c, first: 20) { edges { node {
  id number status currency total amountRemaining finalizedAt dueAt
  lines { id amount tax periodStart periodEnd }
  attempts { id kind outcome amount }
  creditNotes { createdAt lines { invoiceLineId amount } } } } } }`;

const customers: string[] = [];
/** One customer's issued invoices, or every book customer's. */
async function invoicesOf(customerId: string | null = null): Promise<any[]> {
  const all = [];
  for (const c of customerId ? [customerId] : customers)
    all.push(...(await must(t, INVOICES, { c })).invoices.edges.map((e: any) => e.node).filter((i: any) => i.finalizedAt));
  return all;
}
async function customer(name: string, tax: string): Promise<string> {
  const data = await must(
    t,
    `mutation($clock: ID!) { createCustomer(input: { name: "${name}", email: "ap@${name.toLowerCase()}.example", currency: "EUR", ${tax}, testClockId: $clock }) { id } }`,
    { clock: clockId },
  );
  customers.push(data.createCustomer.id);
  return data.createCustomer.id;
}
async function subscribe(customerId: string, priceCode: string): Promise<void> {
  await must(t, 'mutation($input: CreateSubscriptionInput!) { createSubscription(input: $input) { id } }', {
    input: { customerId, items: [{ priceCode, quantity: '1' }], collection: 'SEND_INVOICE' },
  });
}
/** The test clock, and the request clock with it (recordUsage checks timestamps against the latter). */
async function advance(to: string): Promise<void> {
  clock.set(new Date(to));
  await must(t, 'mutation($id: ID!, $to: DateTime!) { advanceTestClock(id: $id, to: $to) { status } }', { id: clockId, to });
}
async function pay(invoiceId: string, amount: string, reference: string): Promise<void> {
  await must(t, 'mutation($input: RecordPaymentInput!) { recordPayment(input: $input) { id } }', {
    input: { invoiceId, amount, reference },
  });
}

/** `npm run ledger:export` in its own process; asynchronous, as the embedded database is served by this one. */
function exportLedger(format: string, out: string): Promise<{ status: number | null; stderr: string }> {
  const child = spawn(
    process.execPath,
    [
      '-r',
      '@swc-node/register',
      'src/cli/ledger-export.cli.ts',
      '--from',
      '2027-01-01',
      '--to',
      '2028-01-01',
      '--format',
      format,
      '--out',
      out,
    ],
    { cwd: ROOT, env: { ...process.env, DATABASE_URL: t.app.db.orm.config.get('clientUrl'), TARIFF_DB_POOL_SIZE: '2', LOG_LEVEL: 'warn' } },
  );
  const err: string[] = [];
  child.stderr.on('data', (d) => err.push(String(d)));
  return new Promise((resolve) => child.on('exit', (status) => resolve({ status, stderr: err.join('') })));
}

/** hledger's balance of one account (or the sum of a query), in EUR, as a Decimal. */
function balanceOf(file: string, query: string[]): Decimal {
  const csv = hledger(file, ['balance', ...query, '--flat', '-O', 'csv', '--no-total']);
  return csv
    .trim()
    .split('\n')
    .slice(1)
    .map((row) => row.split('","')[1].replace(/"/g, ''))
    .reduce((sum, cell) => sum.plus(new Decimal(cell.replace(/EUR|,/g, '').trim() || '0')), new Decimal(0));
}

const DAY = 86_400_000;
const dayStart = (iso: string) => Math.floor(new Date(iso).getTime() / DAY) * DAY;
/**
 * The recognition rule, written down independently: by the day boundary `b`, a line serving
 * [start, end) has earned round(amount × (b − start) / (end − start)), bounded to [0, amount],
 * once it is issued (a day before its document is recognized on the document's day).
 */
function earnedBy(amount: Decimal, start: string | null, end: string | null, issuedAt: string, b: number): Decimal {
  if (b <= dayStart(issuedAt)) return new Decimal(0);
  if (!start || !end || new Date(end).getTime() <= new Date(start).getTime()) return amount;
  const s = new Date(start).getTime();
  const e = new Date(end).getTime();
  const part = Math.min(Math.max(b - s, 0), e - s);
  return amount
    .times(part)
    .dividedBy(e - s)
    .toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** Every issued line and credit note line, as signed revenue items. */
function revenueItems(invoices: any[]): { amount: Decimal; start: string | null; end: string | null; issuedAt: string }[] {
  const items = [];
  for (const inv of invoices) {
    for (const l of inv.lines)
      items.push({ amount: new Decimal(l.amount), start: l.periodStart, end: l.periodEnd, issuedAt: inv.finalizedAt });
    for (const cn of inv.creditNotes)
      for (const cl of cn.lines) {
        const line = inv.lines.find((l: any) => l.id === cl.invoiceLineId);
        items.push({ amount: new Decimal(cl.amount).negated(), start: line.periodStart, end: line.periodEnd, issuedAt: cn.createdAt });
      }
  }
  return items;
}

beforeAll(async () => {
  t = await startTestApp({ clock });
  dir = mkdtempSync(path.join(tmpdir(), 'tariff-ledger-'));
  await must(
    t,
    'mutation { updateSellerSettings(input: { legalName: "Tariff Demo GmbH", iban: "DE89370400440532013000", bic: "COBADEFFXXX" }) { name } }',
  );
  await createProduct(t, 'plan');
  await createPrice(t, 'pro-yearly', { kind: 'flat', config: { amount: '1200.00' } }, { interval: 'YEAR' });
  await createPrice(t, 'basic', { kind: 'flat', config: { amount: '100.00' } });
  await createPrice(t, 'calls', {
    kind: 'usage',
    config: { metric: 'api_calls', aggregation: 'sum', pricing: { kind: 'per_unit', config: { unitAmount: '0.01' } } },
  });
  clockId = (await must(t, `mutation { createTestClock(frozenTime: "${START}", name: "ledger year") { id } }`)).createTestClock.id;
}, 60_000);
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await t.close();
});

describe('general ledger: a year of a test-clock book, read with hledger', () => {
  it('balances, and its receivables, deferred revenue and monthly revenue are what the documents say', async () => {
    const annual = await customer('Annual', 'taxStatus: TAXABLE, taxRate: "20"');
    const monthly = await customer('Monthly', 'taxStatus: TAXABLE, taxRate: "19"');
    const metered = await customer('Metered', 'taxStatus: EXEMPT');
    await subscribe(annual, 'pro-yearly');
    await subscribe(monthly, 'basic');
    await subscribe(metered, 'calls');

    let usageId = 0;
    for (let m = 1; m <= 12; m++) {
      const mid = `2027-${String(m).padStart(2, '0')}-15T00:00:00.000Z`;
      await advance(mid);
      await must(t, 'mutation($events: [UsageEventInput!]!) { recordUsage(events: $events) { accepted } }', {
        events: [{ customerId: metered, id: `u${++usageId}`, metric: 'api_calls', value: String(1000 * m + 7), timestamp: mid }],
      });
      // Everything issued so far is paid, but for part of the metered invoices and the monthly
      // plan's last two (left open, to age); March's monthly invoice is credited first.
      for (const inv of await invoicesOf()) {
        if (inv.status !== 'OPEN') continue;
        if (
          inv.number &&
          inv.lines.some((l: any) => l.periodStart?.startsWith('2027-03')) &&
          inv.creditNotes.length === 0 &&
          (await invoicesOf(monthly)).some((x: any) => x.id === inv.id)
        ) {
          const line = inv.lines[0];
          await must(t, 'mutation($input: CreateCreditNoteInput!) { createCreditNote(input: $input) { id } }', {
            input: { invoiceId: inv.id, lines: [{ invoiceLineId: line.id, amount: '30.00' }], reason: 'service outage' },
          });
          continue;
        }
        if (inv.lines.some((l: any) => l.periodStart >= '2027-11')) continue;
        const remaining = new Decimal(inv.amountRemaining);
        const part = inv.lines.some((l: any) => l.tax === '0.00') && m % 3 === 0 ? remaining.dividedBy(2).toDecimalPlaces(2) : remaining;
        await pay(inv.id, part.toFixed(2), `TRX-${inv.number}-${m}`);
      }
      if (m === 7) {
        // A refund of 240.00 of the annual payment, by credit transfer.
        const [inv] = await invoicesOf(annual);
        const payment = inv.attempts.find((a: any) => a.kind === 'MANUAL' && a.outcome === 'succeeded');
        await must(t, 'mutation($input: RefundPaymentInput!) { refundPayment(input: $input) { id } }', {
          input: {
            paymentId: payment.id,
            amount: '240.00',
            reason: 'downgrade',
            iban: 'DE02120300000000202051',
            accountHolder: 'Annual GmbH',
          },
        });
      }
    }
    await advance(END);

    // The renewals issued at midnight of 1 January 2028 belong to the next year's export.
    const invoices = (await invoicesOf()).filter((i) => i.finalizedAt < END);
    // One annual, twelve monthly, twelve metered (the first, at the start, bills no usage yet).
    expect(invoices.length).toBe(1 + 12 + 12);
    expect(invoices.some((i) => i.creditNotes.length > 0)).toBe(true);

    const journal = path.join(dir, 'book.journal');
    const csvFile = path.join(dir, 'book.csv');
    expect(await exportLedger('hledger', journal)).toMatchObject({
      status: 0,
      stderr: expect.stringMatching(/^ledger:export: \d+ entries\n$/),
    });
    expect((await exportLedger('csv', csvFile)).status).toBe(0);
    const first = readFileSync(journal, 'utf8');
    // Idempotent: the same range exported again is the same file.
    expect((await exportLedger('hledger', journal)).status).toBe(0);
    expect(readFileSync(journal, 'utf8')).toBe(first);

    hledger(journal, ['check']);
    hledger(journal, ['check', 'accounts']);
    // Every transaction balances (hledger refuses one that does not), and the whole book too.
    expect(balanceOf(journal, []).toFixed(2)).toBe('0.00');

    const open = invoices.reduce((s, i) => s.plus(i.amountRemaining), new Decimal(0));
    expect(open.gt(0)).toBe(true);
    expect(balanceOf(journal, ['^Assets:Accounts Receivable$']).toFixed(2)).toBe(open.toFixed(2));

    // Deferred revenue at every month end: what the lines issued by then have not yet earned.
    const items = revenueItems(invoices);
    for (let m = 1; m <= 12; m++) {
      const b = Date.UTC(2027, m, 1);
      const unearned = items
        .filter((i) => new Date(i.issuedAt).getTime() < b)
        .reduce((s, i) => s.plus(i.amount.minus(earnedBy(i.amount, i.start, i.end, i.issuedAt, b))), new Decimal(0));
      const inLedger = balanceOf(journal, ['^Liabilities:Deferred Revenue$', '-e', new Date(b).toISOString().slice(0, 10)]).negated();
      expect([m, inLedger.toFixed(2)]).toEqual([m, unearned.toFixed(2)]);
    }
    // The annual plan is half earned by July.
    expect(balanceOf(journal, ['^Liabilities:Deferred Revenue$', '-e', '2027-07-01']).negated().gt(500)).toBe(true);

    // Revenue per month, from hledger's monthly report, against the daily shares of each month.
    const monthlyCsv = hledger(journal, [
      'balance',
      '^Revenue',
      '--monthly',
      '--flat',
      '-O',
      'csv',
      '--no-total',
      '-b',
      '2027-01-01',
      '-e',
      '2028-01-01',
    ]);
    const [header, row] = monthlyCsv.trim().split('\n');
    const months = header.split('","').length - 1;
    expect(months).toBe(12);
    const cells = row
      .split('","')
      .slice(1)
      .map((c) => new Decimal(c.replace(/[",]|EUR/g, '').trim() || '0').negated());
    for (let m = 0; m < 12; m++) {
      const from = Date.UTC(2027, m, 1);
      const to = Date.UTC(2027, m + 1, 1);
      const expected = items.reduce(
        (s, i) => s.plus(earnedBy(i.amount, i.start, i.end, i.issuedAt, to)).minus(earnedBy(i.amount, i.start, i.end, i.issuedAt, from)),
        new Decimal(0),
      );
      expect([m + 1, cells[m].toFixed(2)]).toEqual([m + 1, expected.toFixed(2)]);
    }

    // VAT payable is the tax invoiced less the tax credited; the bank holds what was paid less the refund.
    const vat = invoices.reduce((s, i) => s.plus(i.lines.reduce((x: Decimal, l: any) => x.plus(l.tax), new Decimal(0))), new Decimal(0));
    expect(balanceOf(journal, ['^Liabilities:VAT Payable$']).negated().lt(vat)).toBe(true);
    expect(balanceOf(journal, ['^Liabilities:Refunds Clearing$']).toFixed(2)).toBe('-240.00');

    // The CSV holds the same postings: one row each, debits equal credits.
    const rows = readFileSync(csvFile, 'utf8').trim().split('\r\n');
    expect(rows[0]).toBe(
      'entry_id,date,description,source_type,source_id,document_number,account_number,account_name,debit,credit,currency',
    );
    const postings = first.split('\n').filter((l) => /^ {4}\S/.test(l)).length;
    expect(rows.length - 1).toBe(postings);

    // The API gives the same entries as the file.
    const api = (
      await must(
        t,
        'query($from: DateTime!, $to: DateTime!) { journalEntries(from: $from, to: $to) { id date source { type number } postings { account { number name } amount debit credit currency } } }',
        {
          from: START,
          to: END,
        },
      )
    ).journalEntries;
    expect(api.map((e: any) => e.id)).toEqual([...first.matchAll(/; id:([^,]+),/g)].map((x) => x[1]));
    for (const e of api) expect(e.postings.reduce((s: Decimal, p: any) => s.plus(p.amount), new Decimal(0)).toFixed(2)).toBe('0.00');
    expect(new Set(api.map((e: any) => e.source.type))).toEqual(new Set(['INVOICE', 'CREDIT_NOTE', 'PAYMENT', 'REFUND', 'RECOGNITION']));
  });

  it('is for the seller: a CUSTOMER key is refused, a backwards or too long range is BAD_USER_INPUT', async () => {
    const [inv] = await invoicesOf();
    const customerId = (await must(t, 'query($id: ID!) { invoice(id: $id) { customer { id } } }', { id: inv.id })).invoice.customer.id;
    const secret = (
      await must(t, 'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }', {
        input: { role: 'CUSTOMER', name: 'c', customerId },
      })
    ).createApiKey.secret;
    const q = 'query($from: DateTime!, $to: DateTime!) { journalEntries(from: $from, to: $to) { id } }';
    expect((await t.gql(q, { from: START, to: END }, secret)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql('query { agedReceivables { asOf } }', {}, secret)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(q, { from: END, to: START })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    expect((await t.gql(q, { from: '2020-01-01T00:00:00Z', to: END })).errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'to',
    });
  });

  it('ages the open invoices by their due dates, per customer and in total', async () => {
    const invoices = (await invoicesOf()).filter((i) => i.status === 'OPEN' && i.amountRemaining !== '0.00');
    const report = (
      await must(
        t,
        `query { agedReceivables(asOf: "${END}") { asOf customers { customerName currency current days1To30 days31To60 days61To90 days90Plus total } totals { currency total current days1To30 days31To60 days61To90 days90Plus } } }`,
      )
    ).agedReceivables;
    const total = invoices.reduce((s, i) => s.plus(i.amountRemaining), new Decimal(0));
    expect(report.totals).toHaveLength(1);
    expect(report.totals[0].total).toBe(total.toFixed(2));
    const bucketOf = (due: string) => {
      const late = Math.floor((new Date(END).getTime() - new Date(due).getTime()) / DAY);
      return late < 1 ? 'current' : late <= 30 ? 'days1To30' : late <= 60 ? 'days31To60' : late <= 90 ? 'days61To90' : 'days90Plus';
    };
    for (const b of ['current', 'days1To30', 'days31To60', 'days61To90', 'days90Plus'])
      expect([b, report.totals[0][b]]).toEqual([
        b,
        invoices
          .filter((i) => bucketOf(i.dueAt) === b)
          .reduce((s, i) => s.plus(i.amountRemaining), new Decimal(0))
          .toFixed(2),
      ]);
    expect(report.customers.map((c: any) => c.customerName).sort()).toEqual(
      [...new Set(report.customers.map((c: any) => c.customerName))].sort(),
    );
  });

  it('uses the chart of accounts in the seller settings, and refuses one account for two roles', async () => {
    await must(
      t,
      'mutation { updateSellerSettings(input: { chartOfAccounts: { bank: { number: "1810", name: "Assets:Bank:Girokonto" } } }) { name } }',
    );
    const settings = (await must(t, 'query { sellerSettings { chartOfAccounts { bank { number name } receivables { number name } } } }'))
      .sellerSettings;
    expect(settings.chartOfAccounts).toEqual({
      bank: { number: '1810', name: 'Assets:Bank:Girokonto' },
      receivables: { number: '1200', name: 'Assets:Accounts Receivable' },
    });
    const entries = (
      await must(
        t,
        `query { journalEntries(from: "${START}", to: "2027-03-01T00:00:00Z") { source { type } postings { account { number name } } } }`,
      )
    ).journalEntries;
    expect(entries.find((e: any) => e.source.type === 'PAYMENT').postings.map((p: any) => p.account.number)).toContain('1810');
    const clash = await t.gql(
      'mutation { updateSellerSettings(input: { chartOfAccounts: { revenue: { name: "Assets:Bank:Girokonto" } } }) { name } }',
    );
    expect(clash.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.chartOfAccounts.revenue.name' });
    const bad = await t.gql('mutation { updateSellerSettings(input: { chartOfAccounts: { revenue: { name: "Revenue;x" } } }) { name } }');
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.chartOfAccounts.revenue.name' });
  });
});
