import pino from 'pino';
import { Writable } from 'node:stream';
import { ManualClock } from '../../src/domain/shared/clock';
import { startTestApp, TestApp } from '../support/app';
import { createCustomer, createPrice, createProduct, must } from '../support/catalog';
import { addUsage, bill, billedContent, expectGaplessNumbers, invoicesOf, subscribe, upcoming } from './billing-support';

// The run closes plain renewals a page at a time in one transaction (renewal-batch.ts) and the
// rest one boundary at a time (close-boundary.ts). Both must make the invoice upcomingInvoice
// (the one-at-a-time code) shows; and the plain ones must really take the batch path.
const clock = new ManualClock(new Date('2026-01-01T00:00:00Z'));
let t: TestApp;

function capturingLogger(): { logger: pino.Logger; messages: { level: number; msg: string }[] } {
  const messages: { level: number; msg: string }[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) messages.push(JSON.parse(line));
      done();
    },
  });
  return { logger: pino({ level: 'debug' }, sink), messages };
}

beforeAll(async () => {
  t = await startTestApp({ clock });
  await createProduct(t, 'plan');
  await createPrice(t, 'seat', { kind: 'per_unit', config: { unitAmount: '12.50' } });
  await createPrice(t, 'storage', {
    kind: 'graduated',
    config: {
      tiers: [
        { upTo: '10', unitAmount: '2.00' },
        { upTo: null, unitAmount: '1.333' },
      ],
    },
  });
  await createPrice(t, 'api', {
    kind: 'volume',
    config: {
      tiers: [
        { upTo: '100', unitAmount: '0.05' },
        { upTo: null, unitAmount: '0.03' },
      ],
    },
  });
  await createPrice(t, 'pack', { kind: 'package', config: { packageSize: '10', packageAmount: '9.00' } });
  await createPrice(t, 'team', {
    kind: 'bundle',
    config: {
      components: [
        { priceCode: 'seat', quantity: '5' },
        { priceCode: 'storage', quantity: '20' },
      ],
      discountPercent: '10',
    },
  });
  const metered = (code: string, metric: string, aggregation: string) =>
    createPrice(t, code, {
      kind: 'usage',
      config: {
        metric,
        aggregation,
        pricing: {
          kind: 'graduated',
          config: {
            tiers: [
              { upTo: '50', unitAmount: '0.10' },
              { upTo: null, unitAmount: '0.05' },
            ],
          },
        },
      },
    });
  await metered('calls', 'calls', 'sum');
  await metered('peak', 'seats-used', 'max');
  await metered('visitors', 'visitors', 'unique_count');
  await metered('gauge', 'gauge', 'last');
  await metered('hits', 'hits', 'count');
});
afterAll(async () => {
  await t.close();
});

it('bills plain renewals in batches, as upcomingInvoice showed them, with gapless numbers', async () => {
  const books: [fields: string | undefined, items: [string, string][]][] = [
    [
      undefined,
      [
        ['seat', '3'],
        ['calls', '0'],
      ],
    ],
    [
      'currency: "EUR", taxStatus: TAXABLE, taxRate: "20"',
      [
        ['storage', '37'],
        ['api', '250'],
        ['peak', '0'],
      ],
    ],
    [
      'currency: "EUR", taxStatus: TAXABLE, taxRate: "7.7"',
      [
        ['team', '2'],
        ['visitors', '0'],
      ],
    ],
    [
      undefined,
      [
        ['pack', '45'],
        ['gauge', '0'],
        ['hits', '0'],
      ],
    ],
    [
      'currency: "EUR", taxStatus: REVERSE_CHARGE, vatId: "DE136695976"',
      [
        ['seat', '1'],
        ['api', '99'],
      ],
    ],
  ];
  const subs: { customer: string; id: string }[] = [];
  for (let copy = 0; copy < 3; copy++) {
    for (const [fields, items] of books) {
      clock.set(new Date('2026-01-01T00:00:00Z'));
      const customer = await createCustomer(t, fields);
      // Some under a purchase order: the batch must print the number upcomingInvoice shows.
      const purchaseOrderNumber = copy === 1 ? `PO-${subs.length}` : null;
      const id = await subscribe(t, customer, {
        items: items.map(([priceCode, quantity]) => ({ priceCode, quantity })),
        purchaseOrderNumber,
      });
      subs.push({ customer, id });
      await addUsage(
        t,
        customer,
        [
          ['2026-01-03T00:00:00Z', '30'],
          ['2026-01-20T10:00:00Z', '45.5'],
          ['2026-01-31T23:59:59Z', '7'],
        ],
        'calls',
      );
      await addUsage(
        t,
        customer,
        [
          ['2026-01-04T00:00:00Z', '12'],
          ['2026-01-05T00:00:00Z', '9'],
        ],
        'seats-used',
      );
      await addUsage(
        t,
        customer,
        [
          ['2026-01-06T00:00:00Z', '1'],
          ['2026-01-07T00:00:00Z', '1'],
        ],
        'gauge',
      );
      await addUsage(
        t,
        customer,
        [
          ['2026-01-08T00:00:00Z', '1'],
          ['2026-01-09T00:00:00Z', '1'],
          ['2026-01-10T00:00:00Z', '1'],
        ],
        'hits',
      );
    }
  }
  // One with a contract: the batch loads every customer's terms in one query; they must not mix.
  await must(t, 'mutation($input: CreateContractInput!) { createContract(input: $input) { id } }', {
    input: {
      customerId: subs[0].customer,
      code: 'ACME',
      startsAt: '2026-01-01T00:00:00Z',
      items: [{ priceCode: 'seat', override: { unitAmount: '8.00' }, discountPercent: '10' }],
    },
  });
  clock.set(new Date('2026-02-01T00:00:00Z'));
  const shown = new Map<string, unknown>();
  for (const s of subs) shown.set(s.id, billedContent(await upcoming(t, s.id)));

  const { logger, messages } = capturingLogger();
  const result = await bill(t, clock, undefined, { customerIds: subs.map((s) => s.customer), batchSize: 7, logger });
  expect(result).toEqual({ subscriptionsProcessed: subs.length, invoicesCreated: subs.length, subscriptionsFailed: 0 });
  // No batch fell back, and no boundary went the one-at-a-time way.
  expect(messages.filter((m) => m.level >= 40)).toEqual([]);
  expect(messages.filter((m) => m.msg === 'billing run: boundary closed')).toEqual([]);
  for (const s of subs) {
    const [, renewal] = await invoicesOf(t, s.customer);
    expect(billedContent(renewal)).toEqual(shown.get(s.id));
  }
  expect(subs.map((s) => s.id)).toContain(subs[0].id);
  await expectGaplessNumbers(t);
});

it('hands back what is not a plain renewal and closes it one boundary at a time, catching up in order', async () => {
  clock.set(new Date('2026-01-01T00:00:00Z'));
  const plain = await createCustomer(t);
  await subscribe(t, plain, { items: [{ priceCode: 'seat', quantity: '1' }] });
  const ending = await createCustomer(t);
  const endingSub = await subscribe(t, ending, { items: [{ priceCode: 'seat', quantity: '2' }] });
  await must(t, 'mutation($id: ID!) { cancelSubscription(id: $id, atPeriodEnd: true) { id } }', { id: endingSub });
  const { logger, messages } = capturingLogger();
  // Three boundaries behind: the batch closes February's, then each catches up one at a time.
  clock.set(new Date('2026-04-01T00:00:00Z'));
  const result = await bill(t, clock, undefined, { customerIds: [plain, ending], logger });
  expect(result).toEqual({ subscriptionsProcessed: 2, invoicesCreated: 3 + 1, subscriptionsFailed: 0 });
  expect((await invoicesOf(t, plain)).map((i) => i.periodStart.slice(0, 7))).toEqual(['2026-01', '2026-02', '2026-03', '2026-04']);
  expect((await invoicesOf(t, ending)).map((i) => i.lines.length)).toEqual([1, 0]);
  expect(messages.filter((m) => m.msg === 'billing run: boundary closed').length).toBe(3);
  await expectGaplessNumbers(t);
});
