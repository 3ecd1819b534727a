import { ManualClock } from '../../src/domain/shared/clock';
import { subscribe } from '../jobs/billing-support';
import { startTestApp, TestApp, Untyped } from '../support/app';
import { createCustomer, createPrice, createProduct, must } from '../support/catalog';

const clock = new ManualClock(new Date('2026-12-01T00:00:00Z'));
let t: TestApp;

const CLTV = `query($from: DateTime!, $to: DateTime!, $currency: Currency!, $by: CltvSegmentBy!) {
  customerLifetimeValue(from: $from, to: $to, currency: $currency, segmentBy: $by) {
    segment activeCustomers mrr arpa churnedCustomers months monthlyChurnRate cltv } }`;
const WINDOW = { from: '2027-01-01T00:00:00Z', to: '2027-04-01T00:00:00Z', currency: 'EUR' };

const at = (iso: string) => clock.set(new Date(iso));
const customer = (tags: string[]) => createCustomer(t, `currency: "EUR", taxStatus: EXEMPT, tags: ${JSON.stringify(tags)}`);
const cancel = (id: string) => must(t, 'mutation($id: ID!) { cancelSubscription(id: $id, atPeriodEnd: false) { status } }', { id });
const row = (s: any) => [s.segment, s.activeCustomers, s.mrr, s.arpa, s.churnedCustomers, s.months, s.monthlyChurnRate, s.cltv];

beforeAll(async () => {
  t = await startTestApp({ clock });
  await createProduct(t, 'plan');
  await createPrice(t, 'basic', { kind: 'flat', config: { amount: '100.00' } });
  await createPrice(t, 'pro', { kind: 'flat', config: { amount: '300.00' } });

  // Before the window: A–D on basic, E and F on pro, G on both (two subscriptions).
  at('2026-12-01T00:00:00Z');
  const basic = [{ priceCode: 'basic', quantity: '1' }];
  const pro = [{ priceCode: 'pro', quantity: '1' }];
  const [a, b, c, d] = [
    await customer(['region:eu']),
    await customer(['region:eu']),
    await customer(['region:us']),
    await customer(['region:us']),
  ];
  const [e, f, g] = [await customer(['region:eu']), await customer(['region:us']), await customer(['region:eu', 'vip'])];
  const subA = await subscribe(t, a, { items: basic });
  await subscribe(t, b, { items: basic });
  const subC = await subscribe(t, c, { items: basic });
  await subscribe(t, d, { items: basic });
  await subscribe(t, e, { items: pro });
  await subscribe(t, f, { items: pro });
  await subscribe(t, g, { items: basic });
  const proG = await subscribe(t, g, { items: pro });

  at('2027-01-10T00:00:00Z');
  await cancel(subA); // A churns (basic, region:eu, all)
  at('2027-02-03T00:00:00Z');
  await subscribe(t, await customer(['region:us']), { items: pro }); // H joins pro
  at('2027-02-15T00:00:00Z');
  await cancel(proG); // G leaves pro, keeps basic: a churn from pro, a contraction for the customer
  at('2027-03-05T00:00:00Z');
  await cancel(subC); // C churns (basic, region:us, all)
});
afterAll(async () => {
  await t.close();
});

describe('customerLifetimeValue: a worked example computed by hand (January to March 2027)', () => {
  it('by plan: ARPA at the end / the mean of the monthly logo churn rates', async () => {
    const rows = (await must(t, CLTV, { ...WINDOW, by: 'PLAN' })).customerLifetimeValue;
    expect(rows.map(row)).toEqual([
      // All: starts of Jan, Feb, Mar: 7 (A–G), 6, 7 (H joined); churned 1 (A), 0, 1 (C): mean (1/7 + 0 + 1/7) / 3 = 2/21.
      // End: B, D, G on basic (100 each), E, F, H on pro (300 each): 1,200 / 6 = 200; 200 / (2/21) = 2,100.
      [null, 6, '1200.00', '200.00', 2, 3, '0.0952', '2100.00'],
      // basic: 5 (A, B, C, D, G), 4, 4; churned A, none (G kept basic), C: (1/5 + 0 + 1/4) / 3 = 0.15. End B, D, G: 100; 100 / 0.15 = 666.67.
      ['basic', 3, '300.00', '100.00', 2, 3, '0.1500', '666.67'],
      // pro: 3 (E, F, G), 3 (H joined after the start), 3 (E, F, H); G churned from pro in February: (0 + 1/3 + 0) / 3 = 1/9. 300 × 9 = 2,700.
      ['pro', 3, '900.00', '300.00', 1, 3, '0.1111', '2700.00'],
    ]);
  });

  it('by tag: a customer with several tags is in each; a tag takes the customer’s whole MRR', async () => {
    const rows = (await must(t, CLTV, { ...WINDOW, by: 'TAG' })).customerLifetimeValue;
    expect(rows.map(row)).toEqual([
      [null, 6, '1200.00', '200.00', 2, 3, '0.0952', '2100.00'],
      // region:eu: A, B, E, G: 4, 3, 3; A churned in January (G only contracted): (1/4 + 0 + 0) / 3 = 1/12.
      // End B 100, E 300, G 100: 500 / 3; (500 / 3) × 12 = 2,000.
      ['region:eu', 3, '500.00', '166.67', 1, 3, '0.0833', '2000.00'],
      // region:us: C, D, F: 3, 3, 4 (H); C churned in March: (0 + 0 + 1/4) / 3 = 1/12. End D 100, F 300, H 300: (700 / 3) × 12 = 2,800.
      ['region:us', 3, '700.00', '233.33', 1, 3, '0.0833', '2800.00'],
      // vip: G alone, never churned (leaving pro is a contraction of its MRR): no CLTV.
      ['vip', 1, '100.00', '100.00', 0, 3, '0.0000', null],
    ]);
  });

  it('is computed from the unrounded ARPA and churn rate, each figure rounded once', async () => {
    // One month (February) by plan: pro had 3 at the start, G churned: 1/3; ARPA 900 / 3 = 300 → 900.00.
    const rows = (await must(t, CLTV, { from: '2027-02-01T00:00:00Z', to: '2027-03-01T00:00:00Z', currency: 'EUR', by: 'PLAN' }))
      .customerLifetimeValue;
    expect(rows.find((r: any) => r.segment === 'pro')).toMatchObject({ monthlyChurnRate: '0.3333', cltv: '900.00', months: 1 });
    // Before anyone had MRR: no months with a base, nothing to divide.
    const empty = (await must(t, CLTV, { from: '2026-01-01T00:00:00Z', to: '2026-03-01T00:00:00Z', currency: 'EUR', by: 'TAG' }))
      .customerLifetimeValue;
    expect(empty).toEqual([
      { segment: null, activeCustomers: 0, mrr: '0.00', arpa: null, churnedCustomers: 0, months: 0, monthlyChurnRate: null, cltv: null },
    ]);
    // Another currency has its own ledger: nothing in USD.
    const usd = (await must(t, CLTV, { ...WINDOW, currency: 'USD', by: 'PLAN' })).customerLifetimeValue;
    expect(usd.map(row)).toEqual([[null, 0, '0.00', null, 0, 0, null, null]]);
  });
});

describe('customerLifetimeValue: who may ask, and bad input', () => {
  it('is for ADMIN and SALES: CUSTOMER and PARTNER keys are refused', async () => {
    const someone = await customer([]);
    const keyOf = async (role: string) =>
      (
        await must(t, 'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }', {
          input: { role, name: role, customerId: role === 'CUSTOMER' ? someone : null },
        })
      ).createApiKey.secret;
    const sales = await t.gql<Untyped>(CLTV, { ...WINDOW, by: 'PLAN' }, await keyOf('SALES'));
    expect(sales.errors).toBeUndefined();
    expect(sales.data!.customerLifetimeValue[0].cltv).toBe('2100.00');
    for (const role of ['CUSTOMER', 'PARTNER']) {
      const res = await t.gql<Untyped>(CLTV, { ...WINDOW, by: 'PLAN' }, await keyOf(role));
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(res.data?.customerLifetimeValue ?? null).toBeNull();
    }
  });

  it.each([
    ['a window that ends before it starts', { ...WINDOW, from: '2027-04-01T00:00:00Z', to: '2027-01-01T00:00:00Z' }, 'to'],
    ['more months than a metric serves', { ...WINDOW, from: '1900-01-01T00:00:00Z', to: '2027-01-01T00:00:00Z' }, 'interval'],
    ['a currency that is not an active ISO 4217 code', { ...WINDOW, currency: 'XXX' }, 'currency'],
    ['a segmentation that does not exist', { ...WINDOW, by: 'REGION' }, 'by'],
  ])('refuses %s with BAD_USER_INPUT naming the field', async (_, variables, field) => {
    const res = await t.gql(CLTV, { by: 'PLAN', ...variables });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });
});
