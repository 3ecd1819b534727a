import { Invoice } from '../../src/domain/invoices/invoice.entity';
import { ManualClock } from '../../src/domain/shared/clock';
import { PendingProration } from '../../src/domain/subscriptions/pending-proration.entity';
import { ScheduledChange } from '../../src/domain/subscriptions/scheduled-change.entity';
import { SubscriptionEvent } from '../../src/domain/subscriptions/subscription-event.entity';
import { Subscription } from '../../src/domain/subscriptions/subscription.entity';
import { startTestApp, TestApp } from '../support/app';
import { createPrice, createProduct, must } from '../support/catalog';
import { addUsage, expectGaplessNumbers, seq, subscribe } from './billing-support';
import { groupMembers, killLeftovers, killRun, prng, runToTheEnd, startBilling, waitUntil } from './crash-support';

// The billing CLI killed with SIGKILL at random points, then run again, must end where one
// uninterrupted run ends: the same invoices line by line, numbers gapless, every subscription
// advanced exactly as far and every pending proration billed once. A trial builds the same book
// in a fresh database, kills the run once or twice (after a random delay, or once a random
// number of invoices has appeared), reruns it to the end and compares with the reference book,
// billed by one run in a database of its own. The seed is in each trial's name: replay a failure
// with BILLING_CRASH_SEED=<seed>.
/** The name the CLI records on the subscription events it writes. */
const CLI_ACTOR = 'billing run (CLI)';
const ON_SERVER = Boolean(process.env.DATABASE_URL);
// Several worker processes need a real server; the embedded database is one backend.
const WORKERS = ON_SERVER ? 3 : 1;
// More for a soak: BILLING_CRASH_TRIALS=50.
const TRIALS = Number(process.env.BILLING_CRASH_TRIALS ?? (ON_SERVER ? 5 : 3));
const AT = '2026-07-01T00:00:00Z';
const SEED = Number(process.env.BILLING_CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
const CUSTOMERS = 30;

// ---- the book -------------------------------------------------------------------------------

async function createCatalog(t: TestApp): Promise<void> {
  await createProduct(t, 'plan');
  await createPrice(t, 'seat', { kind: 'per_unit', config: { unitAmount: '12.50' } });
  await createPrice(t, 'base', { kind: 'flat', config: { amount: '49.00' } });
  await createPrice(t, 'pro', { kind: 'flat', config: { amount: '199.00' } });
  await createPrice(t, 'basic', { kind: 'flat', config: { amount: '59.00' } });
  await createPrice(t, 'tiered', {
    kind: 'graduated',
    config: {
      tiers: [
        { upTo: '10', unitAmount: '5.00' },
        { upTo: '50', unitAmount: '4.00', flatAmount: '10.00' },
        { upTo: null, unitAmount: '3.00' },
      ],
    },
  });
  await createPrice(t, 'calls', {
    kind: 'usage',
    config: { metric: 'calls', aggregation: 'sum', pricing: { kind: 'per_unit', config: { unitAmount: '0.002' } } },
  });
  await createPrice(t, 'storage', {
    kind: 'usage',
    config: {
      metric: 'storage',
      aggregation: 'max',
      pricing: {
        kind: 'graduated',
        config: {
          tiers: [
            { upTo: '100', unitAmount: '0.10' },
            { upTo: null, unitAmount: '0.05', flatAmount: '2.00' },
          ],
        },
      },
    },
  });
  await createPrice(t, 'quarter', { kind: 'per_unit', config: { unitAmount: '90.00' } }, { intervalCount: 3 });
}

const EXEMPT = 'taxStatus: EXEMPT';
const TAXED = 'taxStatus: TAXABLE, taxRate: "20"';
interface Shape {
  customer?: string;
  subscription: (i: number) => Record<string, unknown>;
  /** Done on Jan 20, inside every subscription's first period. */
  then?: (t: TestApp, sub: string, i: number) => Promise<void>;
  usage?: 'calls' | 'storage';
}
const q = (n: number) => String(n);
const SHAPES: Shape[] = [
  { subscription: (i) => ({ items: [{ priceCode: 'seat', quantity: q(1 + i) }] }) },
  { subscription: (i) => ({ items: [{ priceCode: 'tiered', quantity: q(8 + 7 * i) }] }) },
  {
    subscription: () => ({
      items: [
        { priceCode: 'base', quantity: '1' },
        { priceCode: 'calls', quantity: '0' },
      ],
    }),
    usage: 'calls',
  },
  // A trial that ends, and converts, in the middle of the run.
  { subscription: (i) => ({ trialDays: 40, items: [{ priceCode: 'seat', quantity: q(2 + (i % 4)) }] }) },
  {
    subscription: () => ({ items: [{ priceCode: 'pro', quantity: '1' }] }),
    then: async (t, id) => {
      await must(t, 'mutation($id: ID!) { scheduleChange(input: { id: $id, items: [{ priceCode: "basic", quantity: "1" }] }) { id } }', {
        id,
      });
    },
  },
  {
    subscription: (i) => ({
      items: [
        { priceCode: 'seat', quantity: q(1 + (i % 5)) },
        { priceCode: 'base', quantity: '1' },
      ],
    }),
    then: async (t, id) => {
      await must(t, 'mutation($id: ID!) { cancelSubscription(id: $id, atPeriodEnd: true) { id } }', { id });
    },
  },
  {
    customer: TAXED,
    subscription: (i) => ({
      items: [
        { priceCode: 'seat', quantity: q(3 + i) },
        { priceCode: 'calls', quantity: '0' },
      ],
    }),
    usage: 'calls',
  },
  { subscription: (i) => ({ items: [{ priceCode: 'quarter', quantity: q(1 + (i % 3)) }] }) },
  // Pending prorations, billed on the first invoice the run makes.
  {
    customer: 'taxStatus: TAXABLE, taxRate: "19.6"',
    subscription: () => ({ items: [{ priceCode: 'seat', quantity: '3' }] }),
    then: async (t, id, i) => {
      await must(
        t,
        `mutation($id: ID!) { changeSubscription(input: { id: $id, items: [{ priceCode: "seat", quantity: "${5 + i}" }, { priceCode: "base", quantity: "1" }] }) { id } }`,
        { id },
      );
    },
  },
  { subscription: (i) => ({ startsAt: '2026-03-10T00:00:00Z', items: [{ priceCode: 'seat', quantity: q(1 + i) }] }) },
  { subscription: () => ({ startsAt: '2026-02-15T00:00:00Z', trialDays: 14, items: [{ priceCode: 'tiered', quantity: '60' }] }) },
  {
    customer: 'taxStatus: TAXABLE, taxRate: "19.6"',
    subscription: () => ({ items: [{ priceCode: 'storage', quantity: '0' }] }),
    usage: 'storage',
  },
  // Invoices left as DRAFT, unnumbered.
  {
    customer: `${EXEMPT}, invoiceDrafts: true`,
    subscription: (i) => ({ collection: 'SEND_INVOICE', items: [{ priceCode: 'seat', quantity: q(2 + i) }] }),
  },
  {
    customer: TAXED,
    subscription: () => ({ items: [{ priceCode: 'quarter', quantity: '2' }] }),
    then: async (t, id) => {
      await must(t, 'mutation($id: ID!) { cancelSubscription(id: $id, atPeriodEnd: true) { id } }', { id });
    },
  },
  // An invoice of its own for the change, made before the run, numbered from the same series.
  {
    customer: 'taxStatus: REVERSE_CHARGE, vatId: "DE136695976"',
    subscription: () => ({ items: [{ priceCode: 'tiered', quantity: '30' }] }),
    then: async (t, id) => {
      await must(
        t,
        'mutation($id: ID!) { changeSubscription(input: { id: $id, prorationBehavior: ALWAYS_INVOICE, items: [{ priceCode: "tiered", quantity: "75" }] }) { id } }',
        { id },
      );
    },
  },
];

interface Book {
  /** Subscription id → its place in the book (`c<customer>s<subscription>`): the same in every database. */
  keyOf: Map<string, string>;
  customers: string[];
  /** A company group's subscriptions → their payer (docs/company-groups.md): billed on one invoice per instant. */
  payerOf: Map<string, string>;
  /** A payer's place in the book (`g0`). */
  placeOf: Map<string, string>;
}

/** The same book in any database: customers in the same order, the clock walked the same way. */
async function buildBook(t: TestApp, clock: ManualClock): Promise<Book> {
  await createCatalog(t);
  const customers: string[] = [];
  const subs: string[] = [];
  const open = async (i: number) => {
    const shape = SHAPES[i % SHAPES.length];
    const customer = (
      await must(
        t,
        `mutation { createCustomer(input: { name: "Book ${i}", email: "book${i}@example.com", currency: "EUR", ${shape.customer ?? EXEMPT} }) { id } }`,
      )
    ).createCustomer.id;
    customers[i] = customer;
    subs[i] = await subscribe(t, customer, shape.subscription(i));
    if (shape.usage) {
      const events: [string, string][] = [];
      for (let month = 0; month < 6; month++) {
        for (let k = 0; k < 3; k++)
          events.push([new Date(Date.UTC(2026, month, 3 + 9 * k, 7 * k)).toISOString(), String(100 * (i + 1) + 37 * month + 11 * k)]);
      }
      await addUsage(t, customer, events, shape.usage);
    }
  };
  // Anchors from Jan 1 to Jan 10, three customers a day: boundaries on many days. On a server the
  // three are opened together (their first invoices' numbers come in any order); the embedded
  // database runs one request at a time anyway, and each one more open connection would take a
  // place the CLI needs on its socket.
  const together = async (fs: (() => Promise<void> | undefined)[]) => {
    if (ON_SERVER) await Promise.all(fs.map((f) => f()));
    else for (const f of fs) await f();
  };
  for (let day = 0; day * 3 < CUSTOMERS; day++) {
    clock.set(new Date(Date.UTC(2026, 0, 1 + day)));
    await together(
      [0, 1, 2]
        .map((k) => day * 3 + k)
        .filter((i) => i < CUSTOMERS)
        .map((i) => () => open(i)),
    );
  }
  // A company group: a payer and a plant billed to it, both renewing at the same instants, so the
  // run's group path makes one consolidated invoice per instant for the two.
  const group = async (name: string, fields: string) =>
    (
      await must(
        t,
        `mutation { createCustomer(input: { name: "${name}", email: "group@example.com", currency: "EUR", ${fields} }) { id } }`,
      )
    ).createCustomer.id;
  const payer = await group('Group HQ', EXEMPT);
  const plant = await group('Group plant', `${TAXED}, parentId: "${payer}", invoiceTo: PARENT`);
  const groupSubs = [
    await subscribe(t, payer, { items: [{ priceCode: 'base', quantity: '1' }] }),
    await subscribe(t, plant, { items: [{ priceCode: 'seat', quantity: '3' }] }),
  ];
  clock.set(new Date('2026-01-20T00:00:00Z'));
  await together(subs.map((sub, i) => () => SHAPES[i % SHAPES.length].then?.(t, sub, i)));
  return {
    keyOf: new Map([...subs.map((sub, i): [string, string] => [sub, `c${i}s0`]), [groupSubs[0], 'g0s0'], [groupSubs[1], 'g1s0']]),
    customers: [...customers, payer, plant],
    payerOf: new Map(groupSubs.map((sub) => [sub, payer])),
    placeOf: new Map([[payer, 'g0']]),
  };
}

/** A consolidated invoice's key (`<payer>:<instant>:group:<hash of the periods>`) as `g0:group:<instant>`, the same in every database. */
function groupInvoiceKey(book: Book, billingKey: string | null): string | null {
  if (!billingKey?.includes(':group:')) return null;
  const payer = billingKey.slice(0, billingKey.indexOf(':'));
  return `${book.placeOf.get(payer)}:group:${billingKey.slice(billingKey.indexOf(':') + 1, billingKey.indexOf(':group:'))}`;
}

// ---- what a book came to --------------------------------------------------------------------

/** The billing key with the subscription's place in the book for its id: `c3s0:2026-02-01T00:00:00.000Z[:final]`. */
function invoiceKey(book: Book, i: Invoice): string {
  const group = groupInvoiceKey(book, i.billingKey);
  if (group) return group;
  const sub = book.keyOf.get(i.subscription!.id)!;
  return i.billingKey ? `${sub}:${i.billingKey.slice(i.billingKey.indexOf(':') + 1)}` : `${sub}:adhoc:${i.periodStart?.toISOString()}`;
}

/** Pending prorations, or proration lines billed from them: what should move from one to the other exactly once. */
type Proration = string;
const proration = (
  sub: string,
  p: {
    priceCode: string | null;
    amount: { toFixed(): string };
    quantity: { toFixed(): string };
    periodStart: Date | null;
    periodEnd: Date | null;
  },
): Proration =>
  `${sub} ${p.priceCode} ${p.quantity.toFixed()} ${p.amount.toFixed()} ${p.periodStart?.toISOString()} ${p.periodEnd?.toISOString()}`;

interface BookState {
  /** Sorted by key; a duplicate would show as two entries with one key. Numbers and dates of issue left out. */
  invoices: [string, unknown][];
  subscriptions: [string, unknown][];
  pending: Proration[];
  billedProrations: Proration[];
  numbers: Map<number, number>;
}

/** `made`: billing keys of the invoices made before the run, whose prorations were not pending. */
async function stateOf(t: TestApp, book: Book, made: ReadonlySet<string | null>): Promise<BookState> {
  const em = t.app.db.orm.em.fork();
  const invoices = await em.find(Invoice, { customer: { $in: book.customers } }, { populate: ['lines'] });
  const money = (d: { toFixed(): string }) => d.toFixed();
  const keyed = invoices.map((i): [string, unknown] => [
    invoiceKey(book, i),
    {
      status: i.status,
      numbered: i.number !== null,
      periodStart: i.periodStart,
      periodEnd: i.periodEnd,
      currency: i.currency,
      subtotal: money(i.subtotal),
      tax: money(i.tax),
      total: money(i.total),
      amountDue: money(i.amountDue),
      notes: i.notes,
      lines: i.lines.getItems().map((l) => ({
        kind: l.kind,
        description: l.description,
        priceCode: l.priceCode,
        quantity: money(l.quantity),
        amount: money(l.amount),
        tax: money(l.tax),
        periodStart: l.periodStart,
        periodEnd: l.periodEnd,
        proration: l.proration,
        steps: l.steps,
      })),
    },
  ]);
  const billedProrations = invoices
    .filter((i) => !made.has(i.billingKey))
    .flatMap((i) =>
      i.lines
        .getItems()
        .filter((l) => l.proration)
        .map((l) => proration(book.keyOf.get(i.subscription!.id)!, l)),
    );
  const pending = (await em.find(PendingProration, { customer: { $in: book.customers } })).map((p) =>
    proration(book.keyOf.get(p.subscription.id)!, p),
  );

  const subs = await em.find(Subscription, { customer: { $in: book.customers } }, { populate: ['items'] });
  const events = await em.find(SubscriptionEvent, { customer: { $in: book.customers } }, { orderBy: { version: 'asc' } });
  const changes = await em.find(ScheduledChange, { customer: { $in: book.customers } });
  const subscriptions = subs.map((s): [string, unknown] => [
    book.keyOf.get(s.id)!,
    {
      status: s.status,
      version: s.version,
      currentPeriodStart: s.currentPeriodStart,
      currentPeriodEnd: s.currentPeriodEnd,
      trialEnd: s.trialEnd,
      cancelAtPeriodEnd: s.cancelAtPeriodEnd,
      canceledAt: s.canceledAt,
      items: s.items
        .getItems()
        .map((it) => `${it.priceCode} ${it.quantity.toFixed()}`)
        .sort(),
      // Who did what, in order; billing keys name the subscription by id, so only the period is kept.
      history: events
        .filter((e) => e.subscription.id === s.id)
        .map((e) => [
          e.version,
          e.type,
          typeof e.data.billingKey === 'string' ? e.data.billingKey.slice(e.data.billingKey.indexOf(':')) : null,
        ]),
      scheduledChanges: changes.filter((c) => c.subscription.id === s.id).map((c) => [c.status, c.effectiveAt, c.resolvedAt !== null]),
    },
  ]);
  const byKey = (a: [string, unknown], b: [string, unknown]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
  return {
    invoices: keyed.sort(byKey),
    subscriptions: subscriptions.sort(byKey),
    pending: pending.sort(),
    billedProrations: billedProrations.sort(),
    numbers: await expectGaplessNumbers(t),
  };
}

interface BeforeTheRun {
  /** Billing keys of the invoices made while the book was built (first invoices, an ad hoc one). */
  keys: Set<string | null>;
  pending: Proration[];
}

async function beforeTheRun(t: TestApp, book: Book): Promise<BeforeTheRun> {
  const invoices = await t.app.db.orm.em.fork().find(Invoice, { customer: { $in: book.customers } });
  const keys = new Set(invoices.map((i) => i.billingKey));
  return { keys, pending: (await stateOf(t, book, keys)).pending };
}

/**
 * What must hold at any instant, the moment after a crash included: each boundary closed is one
 * transaction holding the invoice, the subscription's move and its event, so every event of the
 * run names the billing key of exactly one invoice the run made, and the reverse; the
 * subscription's version is its last event's; a pending proration is either still pending or
 * billed, once.
 */
async function expectConsistent(t: TestApp, book: Book, before: BeforeTheRun): Promise<void> {
  const em = t.app.db.orm.em.fork();
  const invoices = await em.find(Invoice, { customer: { $in: book.customers } });
  const invoiceKeys = invoices
    .map((i) => i.billingKey!)
    .filter((k) => !before.keys.has(k))
    .map((k) => groupInvoiceKey(book, k) ?? k)
    .sort();
  const events = await em.find(SubscriptionEvent, { customer: { $in: book.customers } });
  // A future trial's start is the one boundary without an invoice, and without a key. A group's
  // subscriptions closed at one instant share one invoice: their events name it once between them.
  const cliEvents = events.filter((e) => e.actor === CLI_ACTOR && e.data.billingKey !== undefined);
  const groupKeys = new Set(
    cliEvents
      .filter((e) => book.payerOf.has(e.subscription.id))
      .map((e) => {
        const key = String(e.data.billingKey);
        return `${book.placeOf.get(book.payerOf.get(e.subscription.id)!)}:group:${key.slice(key.indexOf(':') + 1)}`;
      }),
  );
  const eventKeys = [
    ...cliEvents.filter((e) => !book.payerOf.has(e.subscription.id)).map((e) => String(e.data.billingKey)),
    ...groupKeys,
  ].sort();
  expect(invoiceKeys).toEqual(eventKeys);
  expect(new Set(invoiceKeys).size).toBe(invoiceKeys.length);
  for (const s of await em.find(Subscription, { customer: { $in: book.customers } })) {
    expect([s.id, s.version]).toEqual([s.id, Math.max(...events.filter((e) => e.subscription.id === s.id).map((e) => e.version))]);
  }
  const state = await stateOf(t, book, before.keys);
  expect([...state.pending, ...state.billedProrations].sort()).toEqual(before.pending);
}

// ---- the CLI as a child process ---------------------------------------------------------------

const invoiceCount = (t: TestApp, book: Book) => t.app.db.orm.em.fork().count(Invoice, { customer: { $in: book.customers } });

// ---- the trials ---------------------------------------------------------------------------------

let reference: BookState;
let referenceMs: number;
/** Invoices the uninterrupted run made. */
let referenceBilled: number;
const report: string[] = [];

beforeAll(async () => {
  const begun = Date.now();
  const clock = new ManualClock(new Date('2026-01-01T00:00:00Z'));
  const t = await startTestApp({ clock });
  try {
    const book = await buildBook(t, clock);
    const built = Date.now();
    const before = await beforeTheRun(t, book);
    const { summary, ms } = await runToTheEnd(t, AT, WORKERS);
    expect(summary).toMatchObject({ workers: WORKERS, subscriptionsFailed: 0 });
    reference = await stateOf(t, book, before.keys);
    referenceMs = ms;
    referenceBilled = summary.invoicesCreated;
    report.push(
      `reference: ${reference.invoices.length} invoices (${referenceBilled} by the run) built in ${built - begun} ms, billed in ${ms} ms with ${WORKERS} worker(s)`,
    );
  } finally {
    killLeftovers();
    await t.close();
  }
}, 120_000);
afterAll(() => {
  killLeftovers();
  process.stdout.write(`billing crash test, seed ${SEED}, ${WORKERS} worker(s):\n  ${report.join('\n  ')}\n`);
});

it('bills a varied book: well over 100 invoices, every kind of boundary', () => {
  expect(reference.invoices.length).toBeGreaterThan(150);
  expect(referenceBilled).toBeGreaterThan(120);
  const lines = reference.invoices.flatMap(([, i]: any) => i.lines);
  for (const kind of ['RECURRING', 'USAGE', 'PRORATION']) expect(lines.some((l: any) => l.kind === kind)).toBe(true);
  const history = reference.subscriptions.flatMap(([, s]: any) => s.history.map((h: any) => h[1]));
  for (const type of ['period_closed', 'trial_converted', 'started', 'canceled']) expect(history).toContain(type);
  expect(reference.subscriptions.some(([, s]: any) => s.scheduledChanges.some((c: any) => c[0] === 'APPLIED'))).toBe(true);
  expect(reference.invoices.some(([, i]: any) => i.status === 'DRAFT' && !i.numbered)).toBe(true);
  expect(reference.invoices.some(([, i]: any) => i.tax !== '0')).toBe(true);
  expect(reference.billedProrations.length).toBeGreaterThan(0);
  expect(reference.pending).toEqual([]);
  // The company group: a consolidated invoice at each renewal, the plant's lines named on it.
  const consolidated = reference.invoices.filter(([key]) => key.startsWith('g0:group:'));
  expect(consolidated.length).toBeGreaterThanOrEqual(5);
  for (const [, invoice] of consolidated as [string, any][]) {
    expect(invoice.lines.map((l: any) => l.description.split(':')[0])).toContain('Group plant');
  }
});

const trials = Array.from({ length: TRIALS }, (_, n) => [n + 1, SEED + n] as const);

it.each(trials)(
  'trial %d (seed %d): killed with SIGKILL at random points, rerun, ends as one uninterrupted run',
  async (trial, seed) => {
    const random = prng(seed);
    const clock = new ManualClock(new Date('2026-01-01T00:00:00Z'));
    const t = await startTestApp({ clock });
    const log: string[] = [];
    const begun = Date.now();
    try {
      const book = await buildBook(t, clock);
      const before = await beforeTheRun(t, book);
      expect(before.pending.length).toBeGreaterThan(0);
      const base = await invoiceCount(t, book);
      const kills = 1 + random(2);
      for (let k = 0; k < kills; k++) {
        const made = (await invoiceCount(t, book)) - base;
        // A run that finished before its kill leaves nothing to interrupt.
        if (made >= referenceBilled - 1) break;
        const run = startBilling(t, AT, WORKERS);
        const pgid = run.child.pid!;
        let exited = false;
        void run.done.then(() => (exited = true));
        // A third of the kills after a delay (some while it starts up), the rest once it has billed something.
        // These random delays only choose where the kill falls; no assertion depends on them: every
        // state the kill can leave must be consistent and end, after the rerun, as the reference did.
        if (random(3) === 0) {
          // Within the run's likely length: its start-up (about a third of the reference's time), then its share of the work.
          const delay = random(Math.round(referenceMs * (0.3 + (0.7 * (referenceBilled - made)) / referenceBilled)));
          await Promise.race([new Promise((r) => setTimeout(r, delay)), run.done]);
          log.push(`kill after ${delay} ms`);
        } else {
          // Somewhere in what is left to bill, never the very end.
          const target = base + made + 1 + random(referenceBilled - made - 1);
          await waitUntil(async () => exited || (await invoiceCount(t, book)) >= target, 60_000, `${target - base} invoices`);
          // A little later, so that the kill falls inside the next boundary's transaction as often as between two.
          const jitter = random(40);
          await new Promise((r) => setTimeout(r, jitter));
          log.push(`kill at ${target - base} invoices + ${jitter} ms`);
        }
        const workers = groupMembers(pgid).length - 1;
        // The workers stop when their IPC channel closes; nothing may bill behind the next run's back.
        const code = await killRun(run);
        const billed = (await invoiceCount(t, book)) - base;
        log[log.length - 1] +=
          code === 0
            ? ` (the run had finished: ${billed} billed)`
            : ` → ${billed}/${referenceBilled} billed, ${Math.max(0, workers)} worker(s) killed with it`;
        await expectConsistent(t, book, before);
      }
      const rerun = await runToTheEnd(t, AT, WORKERS);
      expect(rerun.summary).toMatchObject({ subscriptionsFailed: 0 });
      log.push(`rerun billed ${rerun.summary.invoicesCreated} in ${rerun.ms} ms`);

      const state = await stateOf(t, book, before.keys);
      // The same invoices, line by line: none missing, none twice, none different.
      expect(state.invoices.map(([key]) => key)).toEqual(reference.invoices.map(([key]) => key));
      expect(state.invoices).toEqual(reference.invoices);
      // Every subscription advanced exactly as far, through the same events, none half-way.
      expect(state.subscriptions).toEqual(reference.subscriptions);
      // Every pending proration billed, once.
      expect(state.pending).toEqual([]);
      expect(state.billedProrations).toEqual(before.pending);
      expect(state.billedProrations).toEqual(reference.billedProrations);
      // Gapless in both (stateOf checks) and as many: which invoice got which number may differ,
      // since workers and reruns finalize in another order, but per subscription numbers follow its periods.
      expect(state.numbers).toEqual(reference.numbers);
      const em = t.app.db.orm.em.fork();
      const numbered = await em.find(
        Invoice,
        { customer: { $in: book.customers }, number: { $ne: null } },
        { orderBy: { periodStart: 'asc', createdAt: 'asc' } },
      );
      for (const sub of book.keyOf.keys()) {
        const mine = numbered.filter((i) => i.subscription?.id === sub && i.billingKey).map((i) => seq(i.number!));
        expect([sub, mine]).toEqual([sub, [...mine].sort((a, b) => a - b)]);
      }
    } finally {
      report.push(`trial ${trial} (seed ${seed}): ${log.join('; ')}; ${Date.now() - begun} ms in all`);
      killLeftovers();
      await t.close();
    }
  },
  120_000,
);
