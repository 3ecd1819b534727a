import fc from 'fast-check';
import { boundRows } from '../../src/db/bound-query';
import { deliveriesPerMonth } from '../../src/domain/analytics/goods-mrr';
import { rebuildRevenueLedger } from '../../src/domain/analytics/ledger-rebuild';
import { mrrFigure } from '../../src/domain/analytics/mrr-figures';
import { emitEvent } from '../../src/domain/events/emit-event';
import { subscriptionEvent } from '../../src/domain/events/event-payloads';
import { subscriptionPayload } from '../../src/domain/events/event-schemas';
import { ManualClock } from '../../src/domain/shared/clock';
import { Subscription } from '../../src/domain/subscriptions/subscription.entity';
import { Decimal } from '../../src/pricing/decimal';
import { subscribe } from '../jobs/billing-support';
import { startTestApp, TestApp } from '../support/app';
import { createCustomer, must } from '../support/catalog';

// Issue 17, Analytics: goods (PHYSICAL items on a delivery schedule) in MRR, normalized by their
// delivery frequency, and revenueMetrics split into services and goods (docs/analytics.md).
const clock = new ManualClock(new Date('2027-01-01T00:00:00Z'));
let t: TestApp;

const BRIDGE = 'startMrr newMrr expansionMrr reactivationMrr contractionMrr churnedMrr mrr arr';
const METRICS = `query($from: DateTime!, $to: DateTime!) {
  revenueMetrics(from: $from, to: $to, interval: MONTH, currency: "EUR") {
    ${BRIDGE} activeCustomers byKind { kind ${BRIDGE} } } }`;
const FIGURES = ['startMrr', 'newMrr', 'expansionMrr', 'reactivationMrr', 'contractionMrr', 'churnedMrr', 'mrr', 'arr'] as const;

const at = (iso: string) => clock.set(new Date(iso));
const em = () => t.app.db.orm.em.fork();

async function product(input: Record<string, unknown>): Promise<void> {
  await must(t, 'mutation($input: CreateProductInput!) { createProduct(input: $input) { id } }', { input });
}
async function price(code: string, productCode: string, rule: unknown): Promise<void> {
  await must(t, 'mutation($input: CreatePriceInput!) { createPrice(input: $input) { id } }', {
    input: { code, productCode, currency: 'EUR', interval: 'MONTH', intervalCount: 1, rule },
  });
}
async function customerWithLocation(): Promise<{ id: string; location: string }> {
  const id = await createCustomer(t);
  const data = await must(t, 'mutation($input: CreateLocationInput!) { createLocation(input: $input) { id } }', {
    input: { customerId: id, name: 'Dock 1', address: { line1: 'Hafenstr. 1', city: 'Hamburg', country: 'DE' } },
  });
  return { id, location: data.createLocation.id };
}
function deliver(
  c: { id: string; location: string },
  items: { priceCode: string; quantity: string }[],
  every: number,
  unit: string,
): Promise<string> {
  return subscribe(t, c.id, { items, delivery: { every, unit, locationId: c.location } });
}

/**
 * A change of a subscription's delivery as a frequency or quantity control makes it: the rows,
 * then a subscription event in the same transaction (emitEvent reads the delivery it carries).
 */
async function changeDelivery(
  id: string,
  change: { every?: number; unit?: string; quantities?: Record<string, string>; services?: Record<string, string> },
): Promise<void> {
  await em().transactional(async (tx) => {
    // Services in the same change: the items billed per period, as changeSubscription would leave them.
    for (const [priceCode, quantity] of Object.entries(change.services ?? {})) {
      await boundRows(tx, 'update subscription_item set quantity = ? where subscription_id = ? and price_code = ?', [
        quantity,
        id,
        priceCode,
      ]);
    }
    const sub = await tx.findOneOrFail(Subscription, id, { populate: ['items', 'items.price'] });
    if (change.every !== undefined) {
      await boundRows(tx, 'update delivery_schedule set every = ?, unit = ?::delivery_unit where subscription_id = ?', [
        change.every,
        change.unit,
        id,
      ]);
    }
    for (const [priceCode, quantity] of Object.entries(change.quantities ?? {})) {
      await boundRows(tx, 'update delivery_item set quantity = ? where subscription_id = ? and price_code = ?', [quantity, id, priceCode]);
    }
    await emitEvent(tx, subscriptionEvent('updated', sub, clock.now()));
  });
}

/** The ledger and the projection's states as rows, in a stable order, without ids: what a rebuild must reproduce. */
async function ledger(): Promise<unknown[]> {
  const movements = await boundRows(
    em(),
    'select customer_id, subscription_id, kind, delta::text, goods_delta::text, mrr_after::text, cause, at from mrr_movement order by at, subscription_id, kind, delta',
  );
  const states = await boundRows(
    em(),
    'select subscription_id, status, items, delivery, mrr::text, goods_mrr::text from mrr_subscription_state order by subscription_id',
  );
  return [movements, states];
}
async function rebuilt(): Promise<unknown[]> {
  await em().transactional((tx) => rebuildRevenueLedger(tx));
  return ledger();
}
const row = (p: any) => FIGURES.map((f) => p[f]);

beforeAll(async () => {
  t = await startTestApp({ clock });
  await product({ code: 'support', name: 'Support' });
  await product({ code: 'toner', name: 'Toner', kind: 'PHYSICAL', sku: 'TN-1' });
  await product({ code: 'gloves', name: 'Gloves', kind: 'PHYSICAL', sku: 'GL-1' });
  await price('support-monthly', 'support', { kind: 'flat', config: { amount: '100.00' } });
  // 10 × 5.00, then 4.00 each: 12 boxes are 58.00 a delivery.
  await price('toner-box', 'toner', {
    kind: 'graduated',
    config: {
      tiers: [
        { upTo: '10', unitAmount: '5.00' },
        { upTo: null, unitAmount: '4.00' },
      ],
    },
  });
  await price('gloves-box', 'gloves', { kind: 'per_unit', config: { unitAmount: '2.50' } });
  await price('seat', 'support', { kind: 'per_unit', config: { unitAmount: '10.00' } });
});
afterAll(async () => {
  await t.close();
});

describe('goods in MRR: the normalization rule', () => {
  it.each([
    [1, 'MONTH', '1'],
    [3, 'MONTH', '0.333333333333333333333333333333'],
    [1, 'WEEK', '4.348125'],
    [2, 'WEEK', '2.1740625'],
    [1, 'DAY', '30.436875'],
    [3, 'DAY', '10.145625'],
  ] as const)('every %i %s is %s deliveries a month (a month: 365.2425 / 12 days)', (every, unit, perMonth) => {
    expect(deliveriesPerMonth(every, unit).toDecimalPlaces(30).toFixed()).toBe(perMonth);
  });

  it('makes ARR a mean Gregorian year of deliveries, exactly', () => {
    // 146,097 days in 400 years: 20,871 weekly deliveries.
    expect(
      deliveriesPerMonth(1, 'WEEK')
        .times(12 * 400)
        .toFixed(),
    ).toBe('20871');
  });
});

describe('goods in MRR: a worked example computed by hand', () => {
  it('counts deliveries by their frequency, splits the bridge into goods and services, and rebuilds the same', async () => {
    at('2027-01-01T00:00:00Z');
    const a = await customerWithLocation();
    const b = await customerWithLocation();
    const c = await customerWithLocation();
    // Services 100.00; goods 58.00 every two weeks: 58.00 × 30.436875 / 14 = 126.095625. NEW 226.095625.
    const subA = await deliver(
      a,
      [
        { priceCode: 'support-monthly', quantity: '1' },
        { priceCode: 'toner-box', quantity: '12' },
      ],
      2,
      'WEEK',
    );
    at('2027-01-05T00:00:00Z');
    const subB = await deliver(b, [{ priceCode: 'gloves-box', quantity: '10' }], 1, 'MONTH'); // goods only: NEW 25.00
    at('2027-01-10T00:00:00Z');
    await deliver(c, [{ priceCode: 'gloves-box', quantity: '4' }], 3, 'DAY'); // 10.00 × 30.436875 / 3 = 101.45625: NEW
    at('2027-02-01T00:00:00Z');
    await changeDelivery(subA, { every: 1, unit: 'WEEK' }); // 58.00 × 30.436875 / 7 = 252.19125: EXPANSION 126.095625
    at('2027-02-10T00:00:00Z');
    await changeDelivery(subB, { quantities: { 'gloves-box': '4' } }); // 10.00: CONTRACTION 15.00
    at('2027-03-05T00:00:00Z');
    await must(t, 'mutation($id: ID!) { cancelSubscription(id: $id, atPeriodEnd: false) { status } }', { id: subA }); // CHURN 352.19125

    const created = await boundRows<{ payload: unknown }>(
      em(),
      "select payload from domain_event where aggregate_id = ? and type = 'subscription.created'",
      [subA],
    );
    const payload = subscriptionPayload.parse(created[0].payload);
    expect(payload.items.map((i) => i.priceCode)).toEqual(['support-monthly']);
    expect(payload.delivery).toEqual({
      every: 2,
      unit: 'WEEK',
      items: [{ priceCode: 'toner-box', priceVersion: 1, sku: 'TN-1', quantity: '12' }],
    });

    const months = (await must(t, METRICS, { from: '2027-01-01T00:00:00Z', to: '2027-04-01T00:00:00Z' })).revenueMetrics;
    // start, new, expansion, reactivation, contraction, churned, mrr, arr
    expect(months.map(row)).toEqual([
      ['0.00', '352.55', '0.00', '0.00', '0.00', '0.00', '352.55', '4230.60'],
      ['352.55', '0.00', '126.10', '0.00', '15.00', '0.00', '463.65', '5563.80'],
      ['463.65', '0.00', '0.00', '0.00', '0.00', '352.19', '111.46', '1337.52'],
    ]);
    expect(months.map((m: any) => m.activeCustomers)).toEqual([3, 3, 2]);
    expect(months.map((m: any) => m.byKind.map((k: any) => [k.kind, ...row(k)]))).toEqual([
      [
        ['SERVICE', '0.00', '100.00', '0.00', '0.00', '0.00', '0.00', '100.00', '1200.00'],
        ['PHYSICAL', '0.00', '252.55', '0.00', '0.00', '0.00', '0.00', '252.55', '3030.60'],
      ],
      [
        ['SERVICE', '100.00', '0.00', '0.00', '0.00', '0.00', '0.00', '100.00', '1200.00'],
        ['PHYSICAL', '252.55', '0.00', '126.10', '0.00', '15.00', '0.00', '363.65', '4363.80'],
      ],
      [
        ['SERVICE', '100.00', '0.00', '0.00', '0.00', '0.00', '100.00', '0.00', '0.00'],
        ['PHYSICAL', '363.65', '0.00', '0.00', '0.00', '0.00', '252.19', '111.46', '1337.52'],
      ],
    ]);

    const movements = (
      await must(
        t,
        'query { mrrMovements(from: "2027-01-01T00:00:00Z", to: "2027-04-01T00:00:00Z", currency: "EUR", first: 3) { kind delta goodsDelta cause } }',
      )
    ).mrrMovements;
    expect(movements).toEqual([
      { kind: 'CHURN', delta: '-352.19', goodsDelta: '-252.19', cause: 'subscription.canceled' },
      { kind: 'NEW', delta: '226.10', goodsDelta: '126.10', cause: 'subscription.created' },
      { kind: 'EXPANSION', delta: '126.10', goodsDelta: '126.10', cause: 'subscription.updated' },
    ]);

    expect(await rebuilt()).toEqual(await ledger());
  });

  it('moves nothing when an event repeats the schedule, and a change of days to months contracts goods only', async () => {
    at('2028-01-01T00:00:00Z');
    const d = await customerWithLocation();
    // 100.00 of services and 4 × 2.50 = 10.00 of gloves every 10 days: 10.00 × 30.436875 / 10 = 30.436875.
    const sub = await deliver(
      d,
      [
        { priceCode: 'support-monthly', quantity: '1' },
        { priceCode: 'gloves-box', quantity: '4' },
      ],
      10,
      'DAY',
    );
    at('2028-01-02T00:00:00Z');
    await changeDelivery(sub, {}); // the same schedule: no movement
    at('2028-01-03T00:00:00Z');
    await changeDelivery(sub, { every: 1, unit: 'MONTH' }); // 10.00 a month: CONTRACTION 20.436875
    const rows = await boundRows(
      em(),
      'select kind, delta::text, goods_delta::text, cause from mrr_movement where subscription_id = ? order by at',
      [sub],
    );
    expect(rows).toEqual([
      { kind: 'NEW', delta: '130.436875', goods_delta: '30.436875', cause: 'subscription.created' },
      { kind: 'CONTRACTION', delta: '-20.436875', goods_delta: '-20.436875', cause: 'subscription.updated' },
    ]);
    expect(await rebuilt()).toEqual(await ledger());
  });
});

describe('goods in MRR: services traded for goods', () => {
  it('writes a movement of 0 whose goods part moves, and the split follows it', async () => {
    at('2029-01-01T00:00:00Z');
    const e = await customerWithLocation();
    // 2 seats (20.00) and 4 boxes of gloves a month (10.00): 30.00, then 1 seat and 8 boxes: 30.00 again.
    const sub = await deliver(
      e,
      [
        { priceCode: 'seat', quantity: '2' },
        { priceCode: 'gloves-box', quantity: '4' },
      ],
      1,
      'MONTH',
    );
    at('2029-01-15T00:00:00Z');
    await changeDelivery(sub, { services: { seat: '1' }, quantities: { 'gloves-box': '8' } });
    const rows = await boundRows(
      em(),
      'select kind, delta::text, goods_delta::text, mrr_after::text from mrr_movement where subscription_id = ? order by at',
      [sub],
    );
    expect(rows).toEqual([
      { kind: 'NEW', delta: '30', goods_delta: '10', mrr_after: '30' },
      { kind: 'EXPANSION', delta: '0', goods_delta: '10', mrr_after: '30' },
    ]);
    const [month] = (await must(t, METRICS, { from: '2029-01-01T00:00:00Z', to: '2029-02-01T00:00:00Z' })).revenueMetrics;
    // Earlier tests' customers keep their MRR: the month's movements and each part's change are this customer's.
    const moved = (p: any) => [p.newMrr, p.expansionMrr, new Decimal(p.mrr).minus(p.startMrr).toFixed(2)];
    expect(moved(month)).toEqual(['30.00', '0.00', '30.00']);
    // NEW 30.00 of which 10.00 goods; an EXPANSION of 0.00: +10.00 goods, −10.00 services.
    expect(month.byKind.map((k: any) => [k.kind, ...moved(k)])).toEqual([
      ['SERVICE', '20.00', '-10.00', '10.00'],
      ['PHYSICAL', '10.00', '10.00', '20.00'],
    ]);
    expect(await rebuilt()).toEqual(await ledger());
  });
});

describe('goods in MRR: properties over random histories', () => {
  const step = fc.record({
    kind: fc.constantFrom('subscribe', 'frequency', 'quantity', 'pause', 'resume', 'cancel'),
    who: fc.nat({ max: 2 }),
    every: fc.integer({ min: 1, max: 30 }),
    unit: fc.constantFrom('DAY', 'WEEK', 'MONTH'),
    quantity: fc.integer({ min: 1, max: 23 }),
    services: fc.boolean(),
    hours: fc.integer({ min: 1, max: 24 * 20 }),
  });

  it('goods MRR + services MRR = MRR to the cent, each part a bridge that adds up, and a rebuild equals the live ledger', async () => {
    let year = 2030;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 3, maxLength: 10 }), async (steps) => {
        const from = new Date(`${year++}-01-01T00:00:00Z`);
        clock.set(from);
        const people = [await customerWithLocation(), await customerWithLocation(), await customerWithLocation()];
        const subs: (string | null)[] = [null, null, null];
        const paused = [false, false, false];
        for (const s of steps) {
          clock.set(new Date(clock.now().getTime() + s.hours * 3_600_000));
          const sub = subs[s.who];
          if (s.kind === 'subscribe' || sub === null) {
            if (sub !== null) continue;
            const items = [{ priceCode: 'toner-box', quantity: String(s.quantity) }];
            if (s.services) items.push({ priceCode: 'support-monthly', quantity: '1' });
            subs[s.who] = await deliver(people[s.who], items, s.every, s.unit);
          } else if (s.kind === 'frequency') await changeDelivery(sub, { every: s.every, unit: s.unit });
          else if (s.kind === 'quantity') await changeDelivery(sub, { quantities: { 'toner-box': String(s.quantity) } });
          else if (s.kind === 'pause' && !paused[s.who]) {
            await must(t, 'mutation($id: ID!) { pauseSubscription(id: $id) { status } }', { id: sub });
            paused[s.who] = true;
          } else if (s.kind === 'resume' && paused[s.who]) {
            await must(t, 'mutation($id: ID!) { resumeSubscription(id: $id) { status } }', { id: sub });
            paused[s.who] = false;
          } else if (s.kind === 'cancel') {
            await must(t, 'mutation($id: ID!) { cancelSubscription(id: $id, atPeriodEnd: false) { status } }', { id: sub });
            subs[s.who] = null;
            paused[s.who] = false;
          }
        }
        const to = new Date(Date.UTC(from.getUTCFullYear() + 1, 0, 1));
        const months = (await must(t, METRICS, { from: from.toISOString(), to: to.toISOString() })).revenueMetrics;
        for (const m of months) {
          const [services, goods] = m.byKind;
          expect([services.kind, goods.kind]).toEqual(['SERVICE', 'PHYSICAL']);
          for (const f of FIGURES) expect(new Decimal(services[f]).plus(goods[f]).toFixed(2)).toBe(m[f]);
          for (const part of [services, goods]) {
            const end = new Decimal(part.startMrr)
              .plus(part.newMrr)
              .plus(part.expansionMrr)
              .plus(part.reactivationMrr)
              .minus(part.contractionMrr)
              .minus(part.churnedMrr);
            expect(end.toFixed(2)).toBe(part.mrr);
          }
        }
        // The last period's figures are the ledger's exact sums rounded once, and the goods the states hold are the goods deltas.
        const [sums] = await boundRows<{ mrr: string; goods: string; held: string; moved: string }>(
          em(),
          `select (select sum(delta) from mrr_movement where at < ?)::text as mrr, (select sum(goods_delta) from mrr_movement where at < ?)::text as goods,
                  (select sum(goods_mrr) from mrr_subscription_state)::text as held, (select sum(goods_delta) from mrr_movement)::text as moved`,
          [to, to],
        );
        const last = months[months.length - 1];
        expect(last.mrr).toBe(mrrFigure(new Decimal(sums.mrr), 'EUR').toFixed(2));
        expect(last.byKind[1].mrr).toBe(mrrFigure(new Decimal(sums.goods), 'EUR').toFixed(2));
        expect(new Decimal(sums.held).eq(sums.moved)).toBe(true);
        expect(await rebuilt()).toEqual(await ledger());
      }),
      { numRuns: Number(process.env.GOODS_MRR_RUNS ?? 4) },
    );
  });
});
