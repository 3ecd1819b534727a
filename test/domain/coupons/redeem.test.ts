import { Role } from '../../../src/domain/auth/actor';
import { CouponDuration } from '../../../src/domain/coupons/coupon.entity';
import type { Customer } from '../../../src/domain/customers/customer.entity';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../../../src/domain/errors';
import { CollectionMethod } from '../../../src/domain/subscriptions/subscription.entity';
import { DomainHarness, failure, START_TIMEOUT_MS, startDomain } from '../../support/domain';
import { dec, makeCustomer, makePrice } from '../../support/domain-fixtures';

let h: DomainHarness;
let acme: Customer;
let globex: Customer;
beforeAll(async () => {
  h = await startDomain({ now: '2026-03-01T00:00:00Z' });
  await makePrice(h, 'seats', { kind: 'per_unit', config: { unitAmount: '19.99' } });
  acme = await makeCustomer(h);
  globex = await makeCustomer(h);
}, START_TIMEOUT_MS);
afterAll(() => h.close());

describe('redeeming a coupon', () => {
  it('discounts a new subscription’s first invoice and counts the redemption', async () => {
    await h.as().coupons.create({ code: 'THIRD', percentOff: dec('33.33'), duration: CouponDuration.ONCE });
    const sub = await h.as().subscriptions.create({
      customerId: acme.id,
      items: [{ priceCode: 'seats', quantity: dec('3') }],
      couponCode: 'THIRD',
      collection: CollectionMethod.SEND_INVOICE,
    });
    const [invoice] = (await h.as().invoices.list({ customerId: acme.id })).nodes;
    expect(invoice.subscription?.id).toBe(sub.id);
    // 3 × 19.99 = 59.97; 33.33 % of it is 19.988001 → 19.99 off, inside the line.
    const lines = invoice.lines.getItems().map((l) => [l.kind, l.amount.toFixed(2)]);
    expect(lines).toEqual([['RECURRING', '39.98']]);
    expect(invoice.total.toFixed(2)).toBe('39.98');
    expect((await h.as().coupons.get('THIRD'))?.timesRedeemed).toBe(1);
  });

  it('stops at maxRedemptions: CONFLICT with the reason, nothing counted or written', async () => {
    await h
      .as()
      .coupons.create({ code: 'ONCEONLY', amountOff: dec('5.00'), currency: 'EUR', duration: CouponDuration.FOREVER, maxRedemptions: 1 });
    await h.as().discounts.apply({ customerId: acme.id, couponCode: 'ONCEONLY' });
    const { error, wrote } = await failure(h, () => h.as().discounts.apply({ customerId: globex.id, couponCode: 'ONCEONLY' }));
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ field: 'input.couponCode', details: { reason: 'MAX_REDEMPTIONS_REACHED' } });
    expect(wrote).toEqual([]);
    expect((await h.as().coupons.get('ONCEONLY'))?.timesRedeemed).toBe(1);
  });

  it('refuses a coupon past its redeemBy on the clock, and a promotion code bound to another customer', async () => {
    await h
      .as()
      .coupons.create({ code: 'SPRING', percentOff: dec('10'), duration: CouponDuration.ONCE, redeemBy: new Date('2026-03-01T12:00:00Z') });
    await h.as().coupons.createPromotionCode({ code: 'GLOBEX10', couponCode: 'SPRING', customerId: globex.id });
    const wrongCustomer = await failure(h, () => h.as().discounts.apply({ customerId: acme.id, promotionCode: 'GLOBEX10' }));
    expect(wrongCustomer.error).toBeInstanceOf(InvalidInputError);
    expect(wrongCustomer.error).toMatchObject({ field: 'input.promotionCode' });
    expect(wrongCustomer.wrote).toEqual([]);

    h.clock.set(new Date('2026-03-01T12:00:00Z'));
    const late = await failure(h, () => h.as().discounts.apply({ customerId: globex.id, promotionCode: 'GLOBEX10' }));
    expect(late.error).toMatchObject({ field: 'input.promotionCode', details: { reason: 'REDEEM_BY_PASSED' } });
    expect(late.wrote).toEqual([]);
    expect((await h.as().coupons.getPromotionCode('GLOBEX10'))?.timesRedeemed).toBe(0);
  });

  it('refuses an amount off in another currency, an unknown coupon, and both target kinds at once', async () => {
    await h.as().coupons.create({ code: 'USD5', amountOff: dec('5.00'), currency: 'USD', duration: CouponDuration.ONCE });
    const currency = await failure(h, () => h.as().discounts.apply({ customerId: acme.id, couponCode: 'USD5' }));
    expect(currency.error).toBeInstanceOf(InvalidInputError);
    expect(currency.wrote).toEqual([]);
    const unknown = await failure(h, () => h.as().discounts.apply({ customerId: acme.id, couponCode: 'NOPE' }));
    expect(unknown.error).toBeInstanceOf(NotFoundError);
    expect(unknown.error).toMatchObject({ field: 'input.couponCode' });
    const both = await failure(h, () => h.as().discounts.apply({ customerId: acme.id, subscriptionId: acme.id, couponCode: 'USD5' }));
    expect(both.error).toMatchObject({ field: 'input.subscriptionId' });
  });

  it('gives a customer one discount at a time: a new one ends the previous', async () => {
    await h.as().coupons.create({ code: 'TEN', percentOff: dec('10'), duration: CouponDuration.FOREVER });
    await h.as().coupons.create({ code: 'TWENTY', percentOff: dec('20'), duration: CouponDuration.FOREVER });
    const first = await h.as().discounts.apply({ customerId: globex.id, couponCode: 'TEN' });
    h.clock.advanceSeconds(60);
    const second = await h.as().discounts.apply({ customerId: globex.id, couponCode: 'TWENTY' });
    const rows = await h.sql<{ id: string; ended_at: string | Date | null }>(
      'select id, ended_at from coupon_redemption where customer_id = ? and subscription_id is null order by created_at',
      [globex.id],
    );
    expect(rows.map((r) => [r.id, r.ended_at === null ? null : new Date(r.ended_at).toISOString()])).toEqual([
      [first.id, h.clock.now().toISOString()],
      [second.id, null],
    ]);
  });

  it('is for staff: a CUSTOMER key may not apply a coupon, even to itself', async () => {
    const own = await h.actor(Role.CUSTOMER, acme.id);
    const { error, wrote } = await failure(h, () => h.as(own).discounts.apply({ customerId: acme.id, couponCode: 'TEN' }));
    expect(error).toBeInstanceOf(ForbiddenError);
    expect(wrote).toEqual([]);
  });
});
