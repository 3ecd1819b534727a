import pino from 'pino';
import { Writable } from 'node:stream';
import { discountOfEvent } from '../../src/domain/coupons/coupon-events';
import { discountTermsFor } from '../../src/domain/coupons/discount-terms';
import { ManualClock } from '../../src/domain/shared/clock';
import { readableEvents } from '../support/events';
import { startTestApp, TestApp } from '../support/app';
import { createCustomer, createPrice, createProduct, found, must } from '../support/catalog';
import { bill, billedContent, invoicesOf, subscribe, upcoming } from '../jobs/billing-support';
import { graphql } from '../support/generated';
import type { CouponFieldsFragment, CreateCouponInput, CreatePromotionCodeInput } from '../support/generated/graphql';

// README, Coupons: percent off is a step of each line after the contract's discount and before
// the line's rounding; amount off is a negative DISCOUNT line, capped; redemptions are counted
// once under the coupon's row lock; and every path that bills (the first invoice, upcomingInvoice,
// one boundary at a time, the batch) bills the same.
const clock = new ManualClock(new Date('2026-01-01T00:00:00Z'));
let t: TestApp;
let sales: string;
/** The statements the server runs while a test records them. */
let recorded: string[] | null = null;

graphql(`
  fragment CouponFields on Coupon {
    id
    code
    name
    percentOff
    amountOff
    currency
    duration
    durationInMonths
    appliesToPriceCodes
    maxRedemptions
    timesRedeemed
    redeemBy
  }
`);
graphql(`
  fragment CouponDiscountFields on Discount {
    id
    startsAt
    endsAt
    endedAt
    consumedAt
    promotionCode
    coupon {
      code
    }
    customer {
      id
    }
    subscription {
      id
    }
  }
`);

function createCoupon(input: CreateCouponInput, key?: string) {
  return t.gql(
    graphql(`
      mutation CouponsCreateCoupon($input: CreateCouponInput!) {
        createCoupon(input: $input) {
          ...CouponFields
        }
      }
    `),
    { input },
    key,
  );
}
async function coupon(input: CreateCouponInput): Promise<CouponFieldsFragment> {
  const res = await createCoupon(input);
  expect(res.errors).toBeUndefined();
  return res.data!.createCoupon;
}
function promotion(input: CreatePromotionCodeInput) {
  return t.gql(
    graphql(`
      mutation CouponsCreatePromotionCode($input: CreatePromotionCodeInput!) {
        createPromotionCode(input: $input) {
          id
          code
          maxRedemptions
          timesRedeemed
          expiresAt
          coupon {
            code
          }
          customer {
            id
          }
        }
      }
    `),
    { input },
  );
}
function applyCoupon(input: Record<string, unknown>, key?: string) {
  return t.gql(
    graphql(`
      mutation CouponsApplyCoupon($input: ApplyCouponInput!) {
        applyCoupon(input: $input) {
          ...CouponDiscountFields
        }
      }
    `),
    { input },
    key,
  );
}
const codeOf = (res: { errors?: { extensions?: Record<string, any> }[] }) => [
  res.errors?.[0]?.extensions?.code,
  res.errors?.[0]?.extensions?.field,
];
const lineSummary = (inv: any) => inv.lines.map((l: any) => [l.kind, l.priceCode, l.amount, l.tax]);
const totals = (inv: any) => [inv.subtotal, inv.tax, inv.total];

beforeAll(async () => {
  t = await startTestApp({ clock, onQuery: (sql) => recorded?.push(sql) });
  await createProduct(t, 'plan');
  await createPrice(t, 'seat', { kind: 'per_unit', config: { unitAmount: '12.50' } });
  await createPrice(t, 'addon', { kind: 'flat', config: { amount: '9.99' } });
  await createPrice(t, 'calls', {
    kind: 'usage',
    config: { metric: 'calls', aggregation: 'sum', pricing: { kind: 'per_unit', config: { unitAmount: '0.10' } } },
  });
  await createPrice(t, 'yen-seat', { kind: 'per_unit', config: { unitAmount: '1000' } }, { currency: 'JPY' });
  sales = (
    await must(
      t,
      graphql(`
        mutation CouponsCreateApiKey {
          createApiKey(input: { role: SALES, name: "sales" }) {
            secret
          }
        }
      `),
    )
  ).createApiKey.secret;
});
afterAll(async () => {
  await t.close();
});

describe('createCoupon', () => {
  it('makes a percent-off and an amount-off coupon, readable by code and in a list, with a coupon.created event', async () => {
    clock.set(new Date('2026-01-01T00:00:00Z'));
    const percent = await coupon({
      code: 'SPRING20',
      name: 'Spring',
      percentOff: '20',
      duration: 'REPEATING',
      durationInMonths: 3,
      appliesToPriceCodes: ['seat'],
      maxRedemptions: 10,
      redeemBy: '2026-06-01T00:00:00Z',
    });
    expect(percent).toMatchObject({
      code: 'SPRING20',
      name: 'Spring',
      percentOff: '20',
      amountOff: null,
      currency: null,
      duration: 'REPEATING',
      durationInMonths: 3,
      appliesToPriceCodes: ['seat'],
      maxRedemptions: 10,
      timesRedeemed: 0,
      redeemBy: '2026-06-01T00:00:00.000Z',
    });
    const amount = await coupon({ code: 'WELCOME5', amountOff: '5', currency: 'EUR', duration: 'ONCE' });
    expect(amount).toMatchObject({
      percentOff: null,
      amountOff: '5.00',
      currency: 'EUR',
      duration: 'ONCE',
      durationInMonths: null,
      appliesToPriceCodes: null,
    });
    expect((await must(t, '{ coupon(code: "SPRING20") { id } }')).coupon.id).toBe(percent.id);
    expect((await must(t, '{ coupon(code: "spring20") { id } }')).coupon).toBeNull();
    const list = await must(t, '{ coupons(first: 100) { edges { node { code } } } }');
    expect(list.coupons.edges.map((e: any) => e.node.code)).toEqual(expect.arrayContaining(['SPRING20', 'WELCOME5']));
    const events = await readableEvents(t, ['coupon.created']);
    expect(events.map((e) => e.data.code)).toEqual(expect.arrayContaining(['SPRING20', 'WELCOME5']));
  });

  it.each<[string, CreateCouponInput, string[]]>([
    ['neither discount', { code: 'X1', duration: 'FOREVER' }, ['BAD_USER_INPUT', 'input.percentOff']],
    [
      'both discounts',
      { code: 'X2', percentOff: '10', amountOff: '1', currency: 'EUR', duration: 'FOREVER' },
      ['BAD_USER_INPUT', 'input.percentOff'],
    ],
    ['0 %', { code: 'X3', percentOff: '0', duration: 'FOREVER' }, ['BAD_USER_INPUT', 'input.percentOff']],
    ['over 100 %', { code: 'X4', percentOff: '100.5', duration: 'FOREVER' }, ['BAD_USER_INPUT', 'input.percentOff']],
    ['amount without currency', { code: 'X5', amountOff: '1', duration: 'FOREVER' }, ['BAD_USER_INPUT', 'input.currency']],
    ['yen with decimals', { code: 'X6', amountOff: '1.5', currency: 'JPY', duration: 'FOREVER' }, ['BAD_USER_INPUT', 'input.amountOff']],
    [
      'percent with a currency',
      { code: 'X7', percentOff: '5', currency: 'EUR', duration: 'FOREVER' },
      ['BAD_USER_INPUT', 'input.currency'],
    ],
    ['REPEATING without months', { code: 'X8', percentOff: '5', duration: 'REPEATING' }, ['BAD_USER_INPUT', 'input.durationInMonths']],
    [
      'months on FOREVER',
      { code: 'X9', percentOff: '5', duration: 'FOREVER', durationInMonths: 2 },
      ['BAD_USER_INPUT', 'input.durationInMonths'],
    ],
    [
      'an unknown price',
      { code: 'X10', percentOff: '5', duration: 'FOREVER', appliesToPriceCodes: ['seat', 'nope'] },
      ['BAD_USER_INPUT', 'input.appliesToPriceCodes[1]'],
    ],
    [
      'redeemBy in the past',
      { code: 'X11', percentOff: '5', duration: 'FOREVER', redeemBy: '2025-12-31T00:00:00Z' },
      ['BAD_USER_INPUT', 'input.redeemBy'],
    ],
    [
      'maxRedemptions 0',
      { code: 'X12', percentOff: '5', duration: 'FOREVER', maxRedemptions: 0 },
      ['BAD_USER_INPUT', 'input.maxRedemptions'],
    ],
    ['a bad code', { code: 'no spaces', percentOff: '5', duration: 'FOREVER' }, ['BAD_USER_INPUT', 'input.code']],
    ['a code taken', { code: 'SPRING20', percentOff: '5', duration: 'FOREVER' }, ['CONFLICT', 'input.code']],
  ])('refuses %s', async (_, input, expected) => {
    clock.set(new Date('2026-01-01T00:00:00Z'));
    expect(codeOf(await createCoupon(input))).toEqual(expected);
  });

  it('is ADMIN’s; SALES reads coupons; a CUSTOMER key sees none', async () => {
    const customer = await createCustomer(t);
    const key = (
      await must(
        t,
        graphql(`
          mutation CouponsCreateApiKey2($c: ID!) {
            createApiKey(input: { role: CUSTOMER, customerId: $c, name: "c" }) {
              secret
            }
          }
        `),
        { c: customer },
      )
    ).createApiKey.secret;
    expect(codeOf(await createCoupon({ code: 'BYSALES', percentOff: '5', duration: 'FOREVER' }, sales))[0]).toBe('FORBIDDEN');
    expect(
      (
        await t.gql(
          graphql(`
            query CouponsCoupon {
              coupon(code: "SPRING20") {
                code
              }
            }
          `),
          {},
          sales,
        )
      ).data?.coupon?.code,
    ).toBe('SPRING20');
    expect((await t.gql('{ coupon(code: "SPRING20") { code } }', {}, key)).errors![0].extensions!.code).toBe('FORBIDDEN');
    expect(codeOf(await applyCoupon({ customerId: customer, couponCode: 'SPRING20' }, key))[0]).toBe('FORBIDDEN');
  });
});

describe('promotion codes', () => {
  it('are kept upper-case and found in any case; limits, expiry and the customer they are for are checked', async () => {
    clock.set(new Date('2026-01-01T00:00:00Z'));
    await coupon({ code: 'PROMO10', percentOff: '10', duration: 'FOREVER' });
    const mine = await createCustomer(t);
    const other = await createCustomer(t);
    const made = await promotion({
      code: 'summer-10',
      couponCode: 'PROMO10',
      maxRedemptions: 1,
      expiresAt: '2026-02-01T00:00:00Z',
      customerId: mine,
    });
    expect(made.data!.createPromotionCode).toMatchObject({
      code: 'SUMMER-10',
      maxRedemptions: 1,
      timesRedeemed: 0,
      coupon: { code: 'PROMO10' },
      customer: { id: mine },
    });
    expect((await must(t, '{ promotionCode(code: "Summer-10") { code } }')).promotionCode.code).toBe('SUMMER-10');
    expect(codeOf(await promotion({ code: 'SUMMER-10', couponCode: 'PROMO10' }))).toEqual(['CONFLICT', 'input.code']);
    expect(codeOf(await promotion({ code: 'OTHER', couponCode: 'NOPE' }))).toEqual(['NOT_FOUND', 'input.couponCode']);

    expect(codeOf(await applyCoupon({ customerId: other, promotionCode: 'summer-10' }))).toEqual(['BAD_USER_INPUT', 'input.promotionCode']);
    const applied = await applyCoupon({ customerId: mine, promotionCode: 'summer-10' });
    expect(applied.data!.applyCoupon).toMatchObject({
      promotionCode: 'SUMMER-10',
      coupon: { code: 'PROMO10' },
      customer: { id: mine },
      subscription: null,
      startsAt: '2026-01-01T00:00:00.000Z',
    });
    const again = await applyCoupon({ customerId: mine, promotionCode: 'SUMMER-10' });
    expect(codeOf(again)).toEqual(['CONFLICT', 'input.promotionCode']);
    expect(again.errors![0].extensions!.reason).toBe('MAX_REDEMPTIONS_REACHED');

    await promotion({ code: 'LATE', couponCode: 'PROMO10', expiresAt: '2026-01-10T00:00:00Z' });
    clock.set(new Date('2026-01-10T00:00:00Z'));
    const late = await applyCoupon({ customerId: other, promotionCode: 'late' });
    expect([...codeOf(late), late.errors![0].extensions!.reason]).toEqual(['CONFLICT', 'input.promotionCode', 'EXPIRED']);
    // The coupon counts redemptions made through its promotion codes.
    expect((await must(t, '{ coupon(code: "PROMO10") { timesRedeemed } }')).coupon.timesRedeemed).toBe(1);
  });

  it('refuses a coupon past its redeemBy, one at its maximum, and an amount in another currency', async () => {
    clock.set(new Date('2026-01-01T00:00:00Z'));
    await coupon({ code: 'BRIEF', percentOff: '5', duration: 'FOREVER', redeemBy: '2026-01-05T00:00:00Z', maxRedemptions: 1 });
    await coupon({ code: 'EURO-OFF', amountOff: '3', currency: 'EUR', duration: 'FOREVER' });
    const a = await createCustomer(t);
    const b = await createCustomer(t);
    const yen = await createCustomer(t, 'currency: "JPY", taxStatus: EXEMPT');
    expect(codeOf(await applyCoupon({ customerId: yen, couponCode: 'EURO-OFF' }))).toEqual(['BAD_USER_INPUT', 'input.couponCode']);
    expect(codeOf(await applyCoupon({ customerId: a, couponCode: 'NOPE' }))).toEqual(['NOT_FOUND', 'input.couponCode']);
    expect(codeOf(await applyCoupon({ customerId: a, couponCode: 'BRIEF', promotionCode: 'LATE' }))).toEqual([
      'BAD_USER_INPUT',
      'input.promotionCode',
    ]);
    expect(codeOf(await applyCoupon({ customerId: a }))).toEqual(['BAD_USER_INPUT', 'input.couponCode']);
    clock.set(new Date('2026-01-05T00:00:00Z'));
    const past = await applyCoupon({ customerId: a, couponCode: 'BRIEF' });
    expect([...codeOf(past), past.errors![0].extensions!.reason]).toEqual(['CONFLICT', 'input.couponCode', 'REDEEM_BY_PASSED']);
    clock.set(new Date('2026-01-04T00:00:00Z'));
    await must(
      t,
      graphql(`
        mutation CouponsApplyCoupon2($c: ID!) {
          applyCoupon(input: { customerId: $c, couponCode: "BRIEF" }) {
            id
          }
        }
      `),
      { c: a },
    );
    const full = await applyCoupon({ customerId: b, couponCode: 'BRIEF' });
    expect([...codeOf(full), full.errors![0].extensions!.reason]).toEqual(['CONFLICT', 'input.couponCode', 'MAX_REDEMPTIONS_REACHED']);
    // A refused redemption counts nothing.
    expect((await must(t, '{ coupon(code: "BRIEF") { timesRedeemed } }')).coupon.timesRedeemed).toBe(1);
  });

  if (process.env.DATABASE_URL) {
    it('counts concurrent redemptions exactly once under the row lock (PostgreSQL)', async () => {
      clock.set(new Date('2026-01-01T00:00:00Z'));
      await coupon({ code: 'RUSH', percentOff: '5', duration: 'FOREVER', maxRedemptions: 3 });
      await promotion({ code: 'RUSH-CODE', couponCode: 'RUSH', maxRedemptions: 5 });
      const customers = await Promise.all(Array.from({ length: 12 }, () => createCustomer(t)));
      const results = await Promise.all(
        customers.map((c, i) => applyCoupon(i % 2 ? { customerId: c, couponCode: 'RUSH' } : { customerId: c, promotionCode: 'rush-code' })),
      );
      expect(results.filter((r) => !r.errors).length).toBe(3);
      expect(results.filter((r) => r.errors).map((r) => r.errors![0].extensions!.code)).toEqual(Array(9).fill('CONFLICT'));
      expect((await must(t, '{ coupon(code: "RUSH") { timesRedeemed } }')).coupon.timesRedeemed).toBe(3);
      const rows = await t.app.db.orm.em
        .fork()
        .execute<{ n: string }[]>(
          `select count(*)::text as n from coupon_redemption r join coupon c on c.id = r.coupon_id where c.code = 'RUSH'`,
        );
      expect(rows[0].n).toBe('3');
    });
  }
});

describe('billing with coupons', () => {
  const TAXED = 'currency: "EUR", taxStatus: TAXABLE, taxRate: "20"';

  it('percent off is a step of each line it applies to, after the contract discount and before the one rounding, on every invoice', async () => {
    clock.set(new Date('2026-01-01T00:00:00Z'));
    await coupon({ code: 'PCT15', percentOff: '15', duration: 'FOREVER', appliesToPriceCodes: ['seat'] });
    const customer = await createCustomer(t, TAXED);
    await must(
      t,
      graphql(`
        mutation CouponsCreateContract($input: CreateContractInput!) {
          createContract(input: $input) {
            id
          }
        }
      `),
      {
        input: {
          customerId: customer,
          code: 'C-10',
          startsAt: '2026-01-01T00:00:00Z',
          items: [{ priceCode: 'seat', discountPercent: '10' }],
        },
      },
    );
    const id = await subscribe(t, customer, {
      items: [
        { priceCode: 'seat', quantity: '3' },
        { priceCode: 'addon', quantity: '1' },
      ],
      couponCode: 'PCT15',
    });
    const [first] = await invoicesOf(t, customer);
    expect(first.lines.map((l: any) => l.steps)).toEqual([
      [
        'per_unit: 3 × 12.50 = 37.50',
        'contract C-10: −10% = 33.75',
        'coupon PCT15: −15% = 28.6875',
        'rounded half-up to 2 decimals: 28.69',
      ],
      ['flat: 1 × 9.99 = 9.99', 'rounded half-up to 2 decimals: 9.99'],
    ]);
    expect(lineSummary(first)).toEqual([
      ['RECURRING', 'seat', '28.69', '5.74'],
      ['RECURRING', 'addon', '9.99', '2.00'],
    ]);
    expect(totals(first)).toEqual(['38.68', '7.74', '46.42']);
    const sub = await must(
      t,
      graphql(`
        query CouponsSubscription($id: ID!) {
          subscription(id: $id) {
            discount {
              ...CouponDiscountFields
            }
          }
        }
      `),
      { id },
    );
    expect(sub.subscription?.discount).toMatchObject({
      coupon: { code: 'PCT15' },
      startsAt: '2026-01-01T00:00:00.000Z',
      endsAt: null,
      subscription: { id },
    });

    clock.set(new Date('2026-02-01T00:00:00Z'));
    const shown = await upcoming(t, id);
    // Renewals list items by price code.
    expect(lineSummary(shown)).toEqual([
      ['RECURRING', 'addon', '9.99', '2.00'],
      ['RECURRING', 'seat', '28.69', '5.74'],
    ]);
    await bill(t, clock, undefined, { customerIds: [customer] });
    const [, renewal] = await invoicesOf(t, customer);
    expect(billedContent(renewal)).toEqual(billedContent(shown));
  });

  it('amount off is a DISCOUNT line capped at the lines it applies to, taxed as any line, never taking an invoice below zero; ONCE is used up by the first invoice', async () => {
    clock.set(new Date('2026-01-01T00:00:00Z'));
    await coupon({ code: 'ADDON-OFF', amountOff: '25', currency: 'EUR', duration: 'FOREVER', appliesToPriceCodes: ['addon'] });
    await coupon({ code: 'ALL-OFF', amountOff: '50', currency: 'EUR', duration: 'ONCE' });
    const a = await createCustomer(t, TAXED);
    await subscribe(t, a, {
      items: [
        { priceCode: 'seat', quantity: '1' },
        { priceCode: 'addon', quantity: '1' },
      ],
      couponCode: 'ADDON-OFF',
    });
    const [capped] = await invoicesOf(t, a);
    expect(lineSummary(capped)).toEqual([
      ['RECURRING', 'seat', '12.50', '2.50'],
      ['RECURRING', 'addon', '9.99', '2.00'],
      ['DISCOUNT', null, '-9.99', '-2.00'],
    ]);
    expect(capped.lines[2]).toMatchObject({
      description: 'Coupon ADDON-OFF',
      quantity: '1',
      proration: false,
      steps: ['coupon ADDON-OFF: 25.00 EUR off', 'capped at what the invoice bills for the lines it applies to: −9.99'],
    });
    expect(totals(capped)).toEqual(['12.50', '2.50', '15.00']);

    const b = await createCustomer(t, TAXED);
    const id = await subscribe(t, b, {
      items: [
        { priceCode: 'seat', quantity: '1' },
        { priceCode: 'addon', quantity: '1' },
      ],
      couponCode: 'ALL-OFF',
    });
    const [zero] = await invoicesOf(t, b);
    expect(lineSummary(zero).at(-1)).toEqual(['DISCOUNT', null, '-22.49', '-4.50']);
    expect([...totals(zero), zero.amountDue, zero.status]).toEqual(['0.00', '0.00', '0.00', '0.00', 'PAID']);
    const used = (
      await must(
        t,
        graphql(`
          query CouponsSubscription2($id: ID!) {
            subscription(id: $id) {
              discount {
                consumedAt
              }
            }
          }
        `),
        { id },
      )
    ).subscription?.discount;
    expect(used?.consumedAt).toBe('2026-01-01T00:00:00.000Z');
    clock.set(new Date('2026-02-01T00:00:00Z'));
    expect(totals(await upcoming(t, id))).toEqual(['22.49', '4.50', '26.99']);
  });

  it('REPEATING discounts the invoices whose period starts within its months', async () => {
    clock.set(new Date('2026-01-01T00:00:00Z'));
    await coupon({ code: 'TWO-MONTHS', percentOff: '50', duration: 'REPEATING', durationInMonths: 2 });
    const customer = await createCustomer(t);
    const id = await subscribe(t, customer, { items: [{ priceCode: 'seat', quantity: '2' }], couponCode: 'TWO-MONTHS' });
    expect(
      (
        await must(
          t,
          graphql(`
            query CouponsSubscription3($id: ID!) {
              subscription(id: $id) {
                discount {
                  endsAt
                }
              }
            }
          `),
          { id },
        )
      ).subscription?.discount?.endsAt,
    ).toBe('2026-03-01T00:00:00.000Z');
    clock.set(new Date('2026-04-01T00:00:00Z'));
    await bill(t, clock, undefined, { customerIds: [customer] });
    expect((await invoicesOf(t, customer)).map((i) => [i.periodStart.slice(0, 7), i.total])).toEqual([
      ['2026-01', '12.50'],
      ['2026-02', '12.50'],
      ['2026-03', '25.00'],
      ['2026-04', '25.00'],
    ]);
  });

  it('a subscription’s own coupon takes precedence over its customer’s; applied mid-period, a coupon starts with the next invoice and leaves the billed period’s prorations alone', async () => {
    clock.set(new Date('2026-01-01T00:00:00Z'));
    await coupon({ code: 'CUST10', percentOff: '10', duration: 'FOREVER' });
    await coupon({ code: 'SUB40', percentOff: '40', duration: 'FOREVER' });
    const customer = await createCustomer(t);
    const one = await subscribe(t, customer, { items: [{ priceCode: 'seat', quantity: '4' }] });
    const two = await subscribe(t, customer, { items: [{ priceCode: 'seat', quantity: '4' }] });
    clock.set(new Date('2026-01-16T12:00:00Z'));
    const applied = (await applyCoupon({ customerId: customer, couponCode: 'CUST10' })).data!.applyCoupon;
    expect(applied).toMatchObject({ subscription: null, startsAt: '2026-01-16T12:00:00.000Z' });
    expect(
      (
        await must(
          t,
          graphql(`
            query CouponsCustomer($id: ID!) {
              customer(id: $id) {
                discount {
                  id
                }
              }
            }
          `),
          { id: customer },
        )
      ).customer?.discount?.id,
    ).toBe(applied.id);
    await must(
      t,
      graphql(`
        mutation CouponsApplyCoupon3($input: ApplyCouponInput!) {
          applyCoupon(input: $input) {
            id
          }
        }
      `),
      { input: { subscriptionId: two, couponCode: 'SUB40' } },
    );
    // A change in the period billed before the coupons: prorated at the undiscounted price.
    await must(
      t,
      graphql(`
        mutation CouponsChangeSubscription($id: ID!) {
          changeSubscription(input: { id: $id, items: [{ priceCode: "seat", quantity: "2" }] }) {
            id
          }
        }
      `),
      { id: one },
    );
    clock.set(new Date('2026-02-01T00:00:00Z'));
    const next = await upcoming(t, one);
    // Half the period unused: −50.00 × ½ and +25.00 × ½, undiscounted as January was.
    expect(lineSummary(next)).toEqual([
      ['RECURRING', 'seat', '22.50', '0.00'],
      ['PRORATION', 'seat', '-25.00', '0.00'],
      ['PRORATION', 'seat', '12.50', '0.00'],
    ]);
    expect(next.lines[0].steps).toContain('coupon CUST10: −10% = 22.50');
    expect((await upcoming(t, two)).lines[0].steps).toContain('coupon SUB40: −40% = 30.00');
  });

  it('a credit for unused time mirrors the discount the period was billed with, and a removed coupon discounts no later invoice', async () => {
    clock.set(new Date('2026-01-01T00:00:00Z'));
    await coupon({ code: 'HALF', percentOff: '50', duration: 'FOREVER' });
    const customer = await createCustomer(t);
    const id = await subscribe(t, customer, { items: [{ priceCode: 'seat', quantity: '2' }], couponCode: 'HALF' });
    clock.set(new Date('2026-01-16T12:00:00Z'));
    await must(
      t,
      graphql(`
        mutation CouponsChangeSubscription2($id: ID!) {
          changeSubscription(input: { id: $id, items: [{ priceCode: "seat", quantity: "4" }] }) {
            id
          }
        }
      `),
      { id },
    );
    const discount = found(
      (
        await must(
          t,
          graphql(`
            query CouponsSubscription4($id: ID!) {
              subscription(id: $id) {
                discount {
                  id
                }
              }
            }
          `),
          { id },
        )
      ).subscription?.discount?.id,
      'the discount',
    );
    const removed = (
      await must(
        t,
        graphql(`
          mutation CouponsRemoveDiscount($id: ID!) {
            removeDiscount(id: $id) {
              endedAt
            }
          }
        `),
        { id: discount },
      )
    ).removeDiscount;
    expect(removed.endedAt).toBe('2026-01-16T12:00:00.000Z');
    expect(
      codeOf(
        await t.gql(
          graphql(`
            mutation CouponsRemoveDiscount2($id: ID!) {
              removeDiscount(id: $id) {
                id
              }
            }
          `),
          { id: discount },
        ),
      ),
    ).toEqual(['CONFLICT', 'id']);
    clock.set(new Date('2026-02-01T00:00:00Z'));
    // January was billed 12.50 for 2 seats (50 % off 25.00); half of it unused: −12.50 × ½, then 4 seats +25.00 × ½.
    // February: the coupon was removed before it.
    expect(lineSummary(await upcoming(t, id))).toEqual([
      ['RECURRING', 'seat', '50.00', '0.00'],
      ['PRORATION', 'seat', '-6.25', '0.00'],
      ['PRORATION', 'seat', '12.50', '0.00'],
    ]);
  });

  it('a quote offers a coupon: priced as the first invoice will be, redeemed when sent, given to the subscription accepting creates', async () => {
    clock.set(new Date('2026-01-01T00:00:00Z'));
    await coupon({ code: 'QUOTED', amountOff: '10', currency: 'EUR', duration: 'ONCE', maxRedemptions: 1 });
    await coupon({ code: 'QPCT', percentOff: '20', duration: 'FOREVER' });
    const customer = await createCustomer(t, TAXED);
    const preview = await must(
      t,
      graphql(`
        query CouponsPreviewQuote($input: PreviewQuoteInput!) {
          previewQuote(input: $input) {
            subtotal
            tax
            total
            lines {
              kind
              priceCode
              amount
              tax
              couponCode
              steps
            }
          }
        }
      `),
      {
        input: { customerId: customer, currency: 'EUR', lines: [{ priceCode: 'seat', quantity: '2' }], couponCode: 'QUOTED' },
      },
    );
    expect(preview.previewQuote.lines.map((l) => [l.kind, l.couponCode, l.amount, l.tax])).toEqual([
      ['CHARGE', null, '25.00', '5.00'],
      ['DISCOUNT', 'QUOTED', '-10.00', '-2.00'],
    ]);
    const quoteFields =
      'id subtotal tax total coupon { code } promotionCode discount { couponCode amount tax steps } lines { amount steps }';
    const quote = (
      await must(t, `mutation($input: CreateQuoteInput!) { createQuote(input: $input) { ${quoteFields} } }`, {
        input: { customerId: customer, currency: 'EUR', lines: [{ priceCode: 'seat', quantity: '2' }], couponCode: 'QPCT' },
      })
    ).createQuote;
    expect(quote.coupon.code).toBe('QPCT');
    const updated = (
      await must(t, `mutation($id: ID!) { updateQuote(id: $id, input: { couponCode: "QUOTED" }) { ${quoteFields} } }`, { id: quote.id })
    ).updateQuote;
    expect([updated.coupon.code, updated.discount]).toEqual(['QUOTED', null]);
    const sent = (await must(t, `mutation($id: ID!) { sendQuote(id: $id) { ${quoteFields} } }`, { id: quote.id })).sendQuote;
    expect([sent.subtotal, sent.tax, sent.total]).toEqual([
      preview.previewQuote.subtotal,
      preview.previewQuote.tax,
      preview.previewQuote.total,
    ]);
    expect(sent.discount).toMatchObject({ couponCode: 'QUOTED', amount: '-10.00', tax: '-2.00' });
    expect((await must(t, '{ coupon(code: "QUOTED") { timesRedeemed } }')).coupon.timesRedeemed).toBe(1);
    // The sent quote holds the only redemption: nobody else gets it, and accepting needs none more.
    expect(codeOf(await applyCoupon({ customerId: customer, couponCode: 'QUOTED' }))).toEqual(['CONFLICT', 'input.couponCode']);
    const sub = (
      await must(
        t,
        graphql(`
          mutation CouponsAcceptQuote($id: ID!) {
            acceptQuote(id: $id) {
              id
              discount {
                coupon {
                  code
                }
                startsAt
              }
            }
          }
        `),
        { id: quote.id },
      )
    ).acceptQuote;
    expect(sub.discount).toEqual({ coupon: { code: 'QUOTED' }, startsAt: '2026-01-01T00:00:00.000Z' });
    expect((await must(t, '{ coupon(code: "QUOTED") { timesRedeemed } }')).coupon.timesRedeemed).toBe(1);
    const [first] = await invoicesOf(t, customer);
    expect(totals(first)).toEqual([sent.subtotal, sent.tax, sent.total]);
    const events = await readableEvents(t, ['coupon.redeemed', 'coupon.discount_applied']);
    const mine = events.filter((n) => n.data.coupon.code === 'QUOTED');
    expect(mine.map((n) => [n.type, n.customerId, n.data.redemption.quoteId, n.data.redemption.subscriptionId])).toEqual([
      ['coupon.redeemed', customer, quote.id, null],
      ['coupon.discount_applied', customer, quote.id, sub.id],
    ]);
  });

  it('its events describe each discount exactly as billing loads it (for projections of the outbox, such as the revenue ledger)', async () => {
    clock.set(new Date('2026-01-01T00:00:00Z'));
    await coupon({
      code: 'EV-REP',
      amountOff: '2.50',
      currency: 'EUR',
      duration: 'REPEATING',
      durationInMonths: 4,
      appliesToPriceCodes: ['seat', 'addon'],
    });
    await coupon({ code: 'EV-PCT', percentOff: '7.5', duration: 'FOREVER' });
    const customer = await createCustomer(t);
    const sub = await subscribe(t, customer, { items: [{ priceCode: 'seat', quantity: '1' }], couponCode: 'EV-PCT' });
    clock.set(new Date('2026-01-20T00:00:00Z'));
    await must(
      t,
      graphql(`
        mutation CouponsApplyCoupon4($c: ID!) {
          applyCoupon(input: { customerId: $c, couponCode: "EV-REP" }) {
            id
          }
        }
      `),
      { c: customer },
    );
    const replaced = (
      await must(
        t,
        graphql(`
          mutation CouponsApplyCoupon5($s: ID!) {
            applyCoupon(input: { subscriptionId: $s, couponCode: "EV-REP" }) {
              id
            }
          }
        `),
        { s: sub },
      )
    ).applyCoupon.id;
    await must(
      t,
      graphql(`
        mutation CouponsRemoveDiscount3($id: ID!) {
          removeDiscount(id: $id) {
            id
          }
        }
      `),
      { id: replaced },
    );
    const events = await readableEvents(t, ['coupon.*']);
    // The latest event of each redemption describes it as it stands (a replaced one: see its successor's start).
    const described = new Map<string, unknown>();
    for (const e of events.filter((n) => n.customerId === customer)) {
      const d = discountOfEvent(e.data)!;
      described.set(d.id, d);
    }
    const loaded = (await discountTermsFor(t.app.db.orm.em.fork(), [customer])).get(customer)!;
    const ended = loaded.find((d) => d.coupon.code === 'EV-PCT')!;
    expect(ended.endedAt?.toISOString()).toBe('2026-01-20T00:00:00.000Z');
    expect(loaded.map((d) => (d === ended ? { ...d, endedAt: null } : d))).toEqual(loaded.map((d) => described.get(d.id)));
  });

  it('a quote whose coupon ran out before it is sent cannot be sent as it stands, and stays a DRAFT', async () => {
    clock.set(new Date('2026-01-01T00:00:00Z'));
    await coupon({ code: 'LAST-ONE', percentOff: '5', duration: 'FOREVER', maxRedemptions: 1 });
    const customer = await createCustomer(t);
    const quote = (
      await must(
        t,
        graphql(`
          mutation CouponsCreateQuote($input: CreateQuoteInput!) {
            createQuote(input: $input) {
              id
            }
          }
        `),
        {
          input: { customerId: customer, currency: 'EUR', lines: [{ priceCode: 'seat', quantity: '1' }], couponCode: 'LAST-ONE' },
        },
      )
    ).createQuote.id;
    await must(
      t,
      graphql(`
        mutation CouponsApplyCoupon6($c: ID!) {
          applyCoupon(input: { customerId: $c, couponCode: "LAST-ONE" }) {
            id
          }
        }
      `),
      { c: await createCustomer(t) },
    );
    const res = await t.gql(
      graphql(`
        mutation CouponsSendQuote($id: ID!) {
          sendQuote(id: $id) {
            id
          }
        }
      `),
      { id: quote },
    );
    expect([res.errors?.[0]?.extensions?.code, res.errors?.[0]?.extensions?.reason]).toEqual(['CONFLICT', 'MAX_REDEMPTIONS_REACHED']);
    expect(
      (
        await must(
          t,
          graphql(`
            query CouponsQuote($id: ID!) {
              quote(id: $id) {
                status
                total
              }
            }
          `),
          { id: quote },
        )
      ).quote,
    ).toEqual({ status: 'DRAFT', total: null });
    // Without the coupon it goes out.
    await must(
      t,
      graphql(`
        mutation CouponsUpdateQuote($id: ID!) {
          updateQuote(id: $id, input: { couponCode: null }) {
            id
          }
        }
      `),
      { id: quote },
    );
    expect(
      (
        await must(
          t,
          graphql(`
            mutation CouponsSendQuote2($id: ID!) {
              sendQuote(id: $id) {
                status
                total
                coupon {
                  code
                }
              }
            }
          `),
          { id: quote },
        )
      ).sendQuote,
    ).toEqual({ status: 'SENT', total: '12.50', coupon: null });
  });
});

describe('the billing run’s batch path', () => {
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
  const seatAndAddon = [
    { priceCode: 'seat', quantity: '3' },
    { priceCode: 'addon', quantity: '2' },
  ];
  const plan = [
    { priceCode: 'seat', quantity: '2' },
    { priceCode: 'calls', quantity: '0' },
  ];

  it('bills with coupons exactly what upcomingInvoice showed, loading the page’s discounts in one query', async () => {
    clock.set(new Date('2026-05-01T00:00:00Z'));
    await coupon({ code: 'B-PCT', percentOff: '12.5', duration: 'FOREVER' });
    await coupon({ code: 'B-REP', amountOff: '7.25', currency: 'EUR', duration: 'REPEATING', durationInMonths: 6 });
    await coupon({ code: 'B-ONCE', percentOff: '33.333', duration: 'ONCE', appliesToPriceCodes: ['addon'] });
    await coupon({ code: 'B-USAGE', amountOff: '1000', currency: 'EUR', duration: 'FOREVER', appliesToPriceCodes: ['calls'] });
    await coupon({ code: 'B-YEN', amountOff: '300', currency: 'JPY', duration: 'FOREVER' });
    await coupon({ code: 'B-SHARED', amountOff: '4', currency: 'EUR', duration: 'ONCE' });
    const compared: { customer: string; id: string }[] = [];
    const add = async (fields: string | undefined, items: unknown[], input: Record<string, unknown> = {}) => {
      const customer = await createCustomer(t, fields);
      const id = await subscribe(t, customer, { items, ...input });
      compared.push({ customer, id });
      return { customer, id };
    };
    const pct = await add('currency: "EUR", taxStatus: TAXABLE, taxRate: "19"', seatAndAddon, { couponCode: 'B-PCT' });
    await must(
      t,
      graphql(`
        mutation CouponsCreateContract2($input: CreateContractInput!) {
          createContract(input: $input) {
            id
          }
        }
      `),
      {
        input: {
          customerId: pct.customer,
          code: 'B-C',
          startsAt: '2026-05-01T00:00:00Z',
          items: [{ priceCode: 'seat', discountPercent: '7' }],
        },
      },
    );
    const repeating = await add('currency: "EUR", taxStatus: TAXABLE, taxRate: "7.7"', seatAndAddon);
    compared.push({
      customer: repeating.customer,
      id: await subscribe(t, repeating.customer, { items: [{ priceCode: 'addon', quantity: '1' }] }),
    });
    const once = await add(undefined, seatAndAddon);
    const usage = await add('currency: "EUR", taxStatus: TAXABLE, taxRate: "20"', plan, { couponCode: 'B-USAGE' });
    const yen = await add('currency: "JPY", taxStatus: TAXABLE, taxRate: "10"', [{ priceCode: 'yen-seat', quantity: '3' }], {
      couponCode: 'B-YEN',
    });
    await add(undefined, seatAndAddon);
    const shared = await createCustomer(t);
    const sharedSubs = [await subscribe(t, shared, { items: seatAndAddon }), await subscribe(t, shared, { items: seatAndAddon })];

    clock.set(new Date('2026-05-10T00:00:00Z'));
    await must(
      t,
      graphql(`
        mutation CouponsApplyCoupon7($c: ID!) {
          applyCoupon(input: { customerId: $c, couponCode: "B-REP" }) {
            id
          }
        }
      `),
      { c: repeating.customer },
    );
    await must(
      t,
      graphql(`
        mutation CouponsApplyCoupon8($s: ID!) {
          applyCoupon(input: { subscriptionId: $s, couponCode: "B-ONCE" }) {
            id
          }
        }
      `),
      { s: once.id },
    );
    await must(
      t,
      graphql(`
        mutation CouponsApplyCoupon9($c: ID!) {
          applyCoupon(input: { customerId: $c, couponCode: "B-SHARED" }) {
            id
          }
        }
      `),
      { c: shared },
    );
    const em = t.app.db.orm.em.fork();
    await em.execute(`insert into usage_event (id, customer_id, event_id, metric, value, "timestamp", received_at)
      values (gen_random_uuid(), '${usage.customer}', 'b-1', 'calls', 123.4, '2026-05-20T00:00:00Z', '2026-05-20T00:00:00Z')`);

    clock.set(new Date('2026-06-01T00:00:00Z'));
    const shown = new Map<string, any>();
    for (const s of compared) shown.set(s.id, await upcoming(t, s.id));
    // Each kind of coupon is in what is compared.
    expect(lineSummary(shown.get(usage.id)).at(-1)).toEqual(['DISCOUNT', null, '-12.34', '-2.47']);
    expect(lineSummary(shown.get(yen.id)).at(-1)).toEqual(['DISCOUNT', null, '-300', '-30']);
    expect(lineSummary(shown.get(repeating.id)).at(-1)).toEqual(['DISCOUNT', null, '-7.25', '-0.56']);
    expect(shown.get(once.id).lines[0].steps).toContain('coupon B-ONCE: −33.333% = 13.3200666');
    expect(shown.get(pct.id).lines.map((l: any) => l.steps.find((x: string) => x.startsWith('coupon')))).toEqual([
      'coupon B-PCT: −12.5% = 17.4825',
      'coupon B-PCT: −12.5% = 30.515625',
    ]);

    recorded = [];
    const { logger, messages } = capturingLogger();
    const customers = [...new Set([...compared.map((s) => s.customer), shared])];
    const result = await bill(t, clock, undefined, { customerIds: customers, batchSize: 4, logger });
    const statements = recorded;
    recorded = null;
    expect(result).toEqual({ subscriptionsProcessed: compared.length + 2, invoicesCreated: compared.length + 2, subscriptionsFailed: 0 });
    expect(messages.filter((m) => m.level >= 40)).toEqual([]);
    expect(messages.filter((m) => m.msg === 'billing run: boundary closed')).toEqual([]);
    for (const s of compared) {
      const billed = (await invoicesOf(t, s.customer)).filter((i) => i.subscription.id === s.id).at(-1);
      expect(billedContent(billed)).toEqual(billedContent(shown.get(s.id)));
    }
    // A customer's ONCE coupon goes to one invoice, here as one at a time.
    const sharedRenewals = (await invoicesOf(t, shared)).filter((i) => i.periodStart.startsWith('2026-06'));
    expect(sharedRenewals.map((i) => i.lines.filter((l: any) => l.kind === 'DISCOUNT').length).sort()).toEqual([0, 1]);
    const consumed = await em
      .fork()
      .execute<{ consumed_at: Date | null; consumed_by_subscription_id: string | null }[]>(
        `select r.consumed_at, r.consumed_by_subscription_id from coupon_redemption r join coupon c on c.id = r.coupon_id where c.code in ('B-ONCE', 'B-SHARED') order by c.code`,
      );
    expect(consumed.map((r) => new Date(r.consumed_at!).toISOString())).toEqual(['2026-06-01T00:00:00.000Z', '2026-06-01T00:00:00.000Z']);
    expect(sharedSubs).toContain(consumed[1].consumed_by_subscription_id);
    // The discounts are read once per page of four (one query each: discount-terms.ts), not per subscription.
    const reads = statements.filter((q) => /from coupon_redemption r join coupon/.test(q));
    expect(reads.length).toBe(Math.ceil((compared.length + 2) / 4));
  });
});
