import fc from 'fast-check';
import { rebuildRevenueLedger } from '../../src/domain/analytics/ledger-rebuild';
import { mrrFigure } from '../../src/domain/analytics/mrr-figures';
import { Decimal } from '../../src/pricing/decimal';
import { ManualClock } from '../../src/domain/shared/clock';
import { bill, subscribe } from '../jobs/billing-support';
import { startTestApp, TestApp } from '../support/app';
import { createCustomer, createPrice, createProduct, must } from '../support/catalog';

const clock = new ManualClock(new Date('2027-01-01T00:00:00Z'));
let t: TestApp;

const METRICS = `query($from: DateTime!, $to: DateTime!, $currency: Currency!) {
  revenueMetrics(from: $from, to: $to, interval: MONTH, currency: $currency) {
    periodStart periodEnd startMrr mrr arr newMrr expansionMrr contractionMrr churnedMrr reactivationMrr activeCustomers arpa
    logoChurnRate grossRevenueRetention netRevenueRetention trialConversionRate involuntaryChurnMrr dunningRecoveryRate usageRevenue } }`;

const at = (iso: string) => clock.set(new Date(iso));
const change = (id: string, items: { priceCode: string; quantity: string }[]) =>
  must(t, 'mutation($id: ID!, $items: [SubscriptionItemInput!]!) { changeSubscription(input: { id: $id, items: $items }) { id } }', {
    id,
    items,
  });

/** The ledger as rows, in a stable order, without ids: what a rebuild must reproduce. */
async function ledger(): Promise<unknown[]> {
  return t.app.db.orm.em
    .fork()
    .getConnection()
    .execute(
      `select customer_id, subscription_id, currency, kind, delta::text, mrr_after::text, cause, at from mrr_movement order by at, subscription_id, kind, delta`,
    );
}

async function rebuilt(): Promise<unknown[]> {
  await t.app.db.orm.em.fork().transactional((em) => rebuildRevenueLedger(em));
  return ledger();
}

beforeAll(async () => {
  t = await startTestApp({ clock });
  await createProduct(t, 'plan');
  await createPrice(t, 'basic', { kind: 'flat', config: { amount: '100.00' } });
  await createPrice(t, 'seat', { kind: 'per_unit', config: { unitAmount: '10.00' } });
  await createPrice(t, 'pro-yearly', { kind: 'flat', config: { amount: '1200.00' } }, { interval: 'YEAR' });
  await createPrice(t, 'seat-yearly', { kind: 'per_unit', config: { unitAmount: '120.00' } }, { interval: 'YEAR' });
  await createPrice(t, 'seat-odd-yearly', { kind: 'per_unit', config: { unitAmount: '100.00' } }, { interval: 'YEAR' });
  await must(t, 'mutation { createCoupon(input: { code: "FIFTEEN", duration: FOREVER, percentOff: "15" }) { id } }');
});
afterAll(async () => {
  await t.close();
});

describe('revenue ledger: a worked example computed by hand', () => {
  it('gives the MRR bridge, customers, churn and retention of each month', async () => {
    at('2027-01-01T00:00:00Z');
    const a = await createCustomer(t);
    const b = await createCustomer(t);
    const c = await createCustomer(t);
    const subA = await subscribe(t, a, { items: [{ priceCode: 'basic', quantity: '1' }] }); // NEW +100
    const subB = await subscribe(t, b, { items: [{ priceCode: 'pro-yearly', quantity: '1' }] }); // NEW +100 (1200 / 12)
    await subscribe(t, c, { items: [{ priceCode: 'basic', quantity: '1' }], trialDays: 14 }); // a trial counts 0
    at('2027-01-10T00:00:00Z');
    await change(subA, [
      { priceCode: 'basic', quantity: '1' },
      { priceCode: 'seat', quantity: '5' },
    ]); // EXPANSION +50
    at('2027-01-15T00:00:00Z');
    await bill(t, clock); // C's trial converts: NEW +100
    at('2027-02-05T00:00:00Z');
    await must(t, 'mutation($id: ID!) { cancelSubscription(id: $id, atPeriodEnd: false) { status } }', { id: subB }); // CHURN −100
    at('2027-02-10T00:00:00Z');
    await change(subA, [
      { priceCode: 'basic', quantity: '1' },
      { priceCode: 'seat', quantity: '2' },
    ]); // CONTRACTION −30
    at('2027-03-01T12:00:00Z');
    await must(t, 'mutation($id: ID!) { pauseSubscription(id: $id) { status } }', { id: subA }); // CHURN −120
    at('2027-03-10T00:00:00Z');
    await must(t, 'mutation($id: ID!) { resumeSubscription(id: $id) { status } }', { id: subA }); // REACTIVATION +120

    const { revenueMetrics: months } = await must(t, METRICS, {
      from: '2027-01-01T00:00:00Z',
      to: '2027-04-01T00:00:00Z',
      currency: 'EUR',
    });
    expect(
      months.map((m: any) => [
        m.startMrr,
        m.newMrr,
        m.expansionMrr,
        m.reactivationMrr,
        m.contractionMrr,
        m.churnedMrr,
        m.mrr,
        m.arr,
        m.activeCustomers,
      ]),
    ).toEqual([
      ['0.00', '300.00', '50.00', '0.00', '0.00', '0.00', '350.00', '4200.00', 3],
      ['350.00', '0.00', '0.00', '0.00', '30.00', '100.00', '220.00', '2640.00', 2],
      ['220.00', '0.00', '0.00', '120.00', '0.00', '120.00', '220.00', '2640.00', 2],
    ]);
    // January: 3 customers, 350 / 3; one trial ended and converted.
    expect(months[0]).toMatchObject({ arpa: '116.67', logoChurnRate: null, grossRevenueRetention: null, trialConversionRate: '1.0000' });
    // February: B churned (1 of 3); (350 − 30 − 100) / 350.
    expect(months[1]).toMatchObject({
      arpa: '110.00',
      logoChurnRate: '0.3333',
      grossRevenueRetention: '0.6286',
      netRevenueRetention: '0.6286',
    });
    // March: A paused (churn) and came back (reactivation): 1 of 2 churned; (220 − 120) / 220.
    expect(months[2]).toMatchObject({
      logoChurnRate: '0.5000',
      grossRevenueRetention: '0.4545',
      netRevenueRetention: '0.4545',
      involuntaryChurnMrr: '0.00',
    });

    const top = (
      await must(
        t,
        'query { mrrMovements(from: "2027-01-01T00:00:00Z", to: "2027-04-01T00:00:00Z", currency: "EUR", first: 2) { kind delta cause customer { id } } }',
      )
    ).mrrMovements;
    expect(top.map((m: any) => [m.kind, m.delta])).toEqual([
      ['CHURN', '-120.00'],
      ['REACTIVATION', '120.00'],
    ]);
    expect(top[0].customer.id).toBe(a);

    const cohorts = (
      await must(
        t,
        'query { cohorts(from: "2027-01-01T00:00:00Z", to: "2027-04-01T00:00:00Z", currency: "EUR") { month customers startMrr months { offset customers mrr logoRetention revenueRetention } } }',
      )
    ).cohorts;
    expect(cohorts).toEqual([
      {
        month: '2027-01-01T00:00:00.000Z',
        customers: 3,
        startMrr: '350.00',
        months: [
          { offset: 0, customers: 3, mrr: '350.00', logoRetention: '1.0000', revenueRetention: '1.0000' },
          { offset: 1, customers: 2, mrr: '220.00', logoRetention: '0.6667', revenueRetention: '0.6286' },
          { offset: 2, customers: 2, mrr: '220.00', logoRetention: '0.6667', revenueRetention: '0.6286' },
        ],
      },
    ]);

    expect(await rebuilt()).toEqual(await ledger());
  });

  it('moves MRR when a contract signed earlier starts at a renewal, dated at that boundary', async () => {
    at('2029-01-01T00:00:00Z');
    const d = await createCustomer(t);
    const sub = await subscribe(t, d, { items: [{ priceCode: 'seat', quantity: '10' }] });
    await must(t, 'mutation($input: CreateContractInput!) { createContract(input: $input) { id } }', {
      input: { customerId: d, code: 'D-2029', startsAt: '2029-02-01T00:00:00Z', items: [{ priceCode: 'seat', discountPercent: '10' }] },
    });
    at('2029-02-01T00:00:00Z');
    await bill(t, clock);
    const rows = await t.app.db.orm.em
      .fork()
      .getConnection()
      .execute(
        "select kind, delta::numeric(20,2)::text as delta, cause, to_char(at at time zone 'UTC', 'YYYY-MM-DD') as day from mrr_movement where subscription_id = ? order by at",
        [sub],
      );
    expect(rows).toEqual([
      { kind: 'NEW', delta: '100.00', cause: 'subscription.created', day: '2029-01-01' },
      { kind: 'CONTRACTION', delta: '-10.00', cause: 'subscription.renewed', day: '2029-02-01' },
    ]);
    expect(await rebuilt()).toEqual(await ledger());
  });

  it('is for the seller: CUSTOMER and PARTNER keys are refused, bad ranges are BAD_USER_INPUT', async () => {
    const customer = await createCustomer(t);
    for (const role of ['CUSTOMER', 'PARTNER']) {
      const key = (
        await must(t, 'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }', {
          input: { role, name: role, customerId: role === 'CUSTOMER' ? customer : null },
        })
      ).createApiKey.secret;
      const res = await t.gql(METRICS, { from: '2027-01-01T00:00:00Z', to: '2027-02-01T00:00:00Z', currency: 'EUR' }, key);
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const backwards = await t.gql(METRICS, { from: '2027-02-01T00:00:00Z', to: '2027-01-01T00:00:00Z', currency: 'EUR' });
    expect(backwards.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
  });
});

describe('revenue ledger: properties over random histories', () => {
  const step = fc.record({
    kind: fc.constantFrom('subscribe', 'quantity', 'cancel', 'pause', 'resume', 'contract', 'yearly', 'odd-yearly', 'coupon', 'uncoupon'),
    who: fc.nat({ max: 2 }),
    quantity: fc.integer({ min: 1, max: 9 }),
    hours: fc.integer({ min: 1, max: 24 * 20 }),
  });

  it('the ledger equals a re-pricing of every subscription (contracts, coupons, yearly shares of 100 / 12), every bridge adds up and joins the next period, and the rebuild equals the live ledger', async () => {
    // After every example above, so that only the histories generated here move MRR from here on.
    let start = Date.parse('2030-01-01T00:00:00Z');
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 3, maxLength: 14 }), async (steps) => {
        at(new Date(start).toISOString());
        const customers = [await createCustomer(t), await createCustomer(t), await createCustomer(t)];
        const subs = new Map<number, string>();
        const contracted = new Set<number>();
        const plans = new Map<number, string>();
        const discounts = new Map<number, string>();
        let now = start;
        // A refused step (pausing a canceled subscription, say) is fine; a bug is not.
        const step = async (res: Promise<{ errors?: { extensions?: { code?: unknown } }[] }>) => {
          for (const e of (await res).errors ?? []) expect(['CONFLICT', 'BAD_USER_INPUT']).toContain(e.extensions?.code);
        };
        for (const s of steps) {
          now += s.hours * 3_600_000;
          at(new Date(now).toISOString());
          const sub = subs.get(s.who);
          if (s.kind === 'subscribe' || s.kind === 'yearly' || s.kind === 'odd-yearly' || !sub) {
            if (sub) continue;
            const priceCode = s.kind === 'yearly' ? 'seat-yearly' : s.kind === 'odd-yearly' ? 'seat-odd-yearly' : 'seat';
            plans.set(s.who, priceCode);
            subs.set(s.who, await subscribe(t, customers[s.who], { items: [{ priceCode, quantity: String(s.quantity) }] }));
          } else if (s.kind === 'quantity') {
            await step(
              t.gql(
                'mutation($id: ID!, $p: String!, $q: Decimal!) { changeSubscription(input: { id: $id, items: [{ priceCode: $p, quantity: $q }] }) { id } }',
                { id: sub, p: plans.get(s.who), q: String(s.quantity) },
              ),
            );
          } else if (s.kind === 'coupon' && !discounts.has(s.who)) {
            const res = await t.gql('mutation($id: ID!) { applyCoupon(input: { subscriptionId: $id, couponCode: "FIFTEEN" }) { id } }', {
              id: sub,
            });
            if (res.data) discounts.set(s.who, (res.data as any).applyCoupon.id);
          } else if (s.kind === 'uncoupon' && discounts.has(s.who)) {
            await must(t, 'mutation($id: ID!) { removeDiscount(id: $id) { id } }', { id: discounts.get(s.who) });
            discounts.delete(s.who);
          } else if (s.kind === 'cancel') {
            await step(t.gql('mutation($id: ID!) { cancelSubscription(id: $id, atPeriodEnd: false) { id } }', { id: sub }));
          } else if (s.kind === 'pause') {
            await step(t.gql('mutation($id: ID!) { pauseSubscription(id: $id) { id } }', { id: sub }));
          } else if (s.kind === 'resume') {
            await step(t.gql('mutation($id: ID!) { resumeSubscription(id: $id) { id } }', { id: sub }));
          } else if (s.kind === 'contract' && !contracted.has(s.who)) {
            contracted.add(s.who);
            await must(t, 'mutation($input: CreateContractInput!) { createContract(input: $input) { id } }', {
              input: {
                customerId: customers[s.who],
                code: `C-${customers[s.who]}`,
                startsAt: new Date(now).toISOString(),
                items: [{ priceCode: 'seat', discountPercent: '10' }],
              },
            });
          }
        }
        // The ledger's MRR of each subscription equals the scan the metrics never do: re-pricing it
        // now, by hand: each line quantity × unit, the contract's 10 % off seat, the coupon's 15 %,
        // rounded once as the invoice line, then per month.
        let total = new Decimal(0);
        for (const [who, id] of subs) {
          const sub = (await must(t, 'query($id: ID!) { subscription(id: $id) { status items { priceCode quantity } } }', { id }))
            .subscription;
          const counted = sub.status === 'ACTIVE' || sub.status === 'PAST_DUE';
          const UNIT: Record<string, [string, number]> = {
            seat: ['10.00', 1],
            'seat-yearly': ['120.00', 12],
            'seat-odd-yearly': ['100.00', 12],
          };
          const expected = !counted
            ? new Decimal(0)
            : sub.items.reduce((sum: Decimal, i: any) => {
                const [unit, months] = UNIT[i.priceCode];
                let line = new Decimal(i.quantity).times(unit);
                if (i.priceCode === 'seat' && contracted.has(who)) line = line.times('0.9');
                if (discounts.has(who)) line = line.times('0.85');
                return sum.plus(line.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).div(months));
              }, new Decimal(0));
          const [{ mrr }] = await t.app.db.orm.em
            .fork()
            .getConnection()
            .execute<{ mrr: string | null }[]>('select sum(delta)::text as mrr from mrr_movement where subscription_id = ?', [id]);
          expect(new Decimal(mrr ?? 0).minus(expected).abs().lt('1e-28')).toBe(true);
          total = total.plus(expected);
        }
        // Bridges: each period's end is its start plus its movements, and the next period starts there.
        const { revenueMetrics: periods } = await must(t, METRICS, {
          from: new Date(start).toISOString(),
          to: new Date(now + 3_600_000).toISOString(),
          currency: 'EUR',
        });
        // Only this history's subscriptions move MRR in its range: the end is what came before plus their total, rounded once.
        const [{ before }] = await t.app.db.orm.em
          .fork()
          .getConnection()
          .execute<{ before: string | null }[]>('select sum(delta)::text as before from mrr_movement where at < ?', [new Date(start)]);
        expect(periods[periods.length - 1].mrr).toBe(mrrFigure(total.plus(before ?? 0), 'EUR').toFixed(2));
        for (let i = 0; i < periods.length; i++) {
          const p = periods[i];
          const bridged = new Decimal(p.startMrr)
            .plus(p.newMrr)
            .plus(p.expansionMrr)
            .plus(p.reactivationMrr)
            .minus(p.contractionMrr)
            .minus(p.churnedMrr);
          expect(bridged.toFixed(2)).toBe(p.mrr);
          const [{ ledgerTotal }] = await t.app.db.orm.em
            .fork()
            .getConnection()
            .execute<{ ledgerTotal: string | null }[]>(
              'select coalesce(sum(delta), 0)::text as "ledgerTotal" from mrr_movement where currency = \'EUR\' and at < ?',
              [p.periodEnd],
            );
          expect(p.mrr).toBe(mrrFigure(new Decimal(ledgerTotal ?? 0), 'EUR').toFixed(2));
          if (i > 0) expect(p.startMrr).toBe(periods[i - 1].mrr);
        }
        expect(await rebuilt()).toEqual(await ledger());
        start = now + 86_400_000;
      }),
      { numRuns: Number(process.env.LEDGER_RUNS ?? 12) },
    );
  }, 240_000);
});
