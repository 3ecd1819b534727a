import fc from 'fast-check';
import { deliveryDate, DeliveryUnit, scheduleDate } from '../../../src/domain/orders/delivery';

// The cadence of a delivery schedule (delivery.ts): dates counted from its anchor, which the
// customer controls move (sendOrderNow, updateSubscriptionDelivery).
const unit = fc.constantFrom(DeliveryUnit.DAY, DeliveryUnit.WEEK, DeliveryUnit.MONTH);
const every = fc.integer({ min: 1, max: 365 });
const instant = fc.integer({ min: Date.parse('2026-01-01T00:00:00Z'), max: Date.parse('2030-12-31T00:00:00Z') }).map((ms) => new Date(ms));

describe('scheduleDate', () => {
  it("an unmoved anchor (the first delivery, index 0) gives the first delivery's dates", () => {
    fc.assert(
      fc.property(instant, every, unit, fc.integer({ min: 0, max: 60 }), (first, e, u, n) => {
        const c = { firstDeliveryAt: first, anchorAt: first, anchorIndex: 0, every: e, unit: u };
        expect(scheduleDate(c, n).getTime()).toBe(deliveryDate(first, e, u, n).getTime());
      }),
    );
  });

  it('from the anchor on, dates rise strictly and the anchor delivery falls on the anchor', () => {
    fc.assert(
      fc.property(
        instant,
        instant,
        every,
        unit,
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 40 }),
        (first, anchor, e, u, k, n) => {
          const c = { firstDeliveryAt: first, anchorAt: anchor, anchorIndex: k, every: e, unit: u };
          expect(scheduleDate(c, k).getTime()).toBe(anchor.getTime());
          expect(scheduleDate(c, k + n + 1).getTime()).toBeGreaterThan(scheduleDate(c, k + n).getTime());
        },
      ),
    );
  });

  it('re-anchoring days and weeks on a delivery of the same cadence changes no later date', () => {
    fc.assert(
      fc.property(
        instant,
        every,
        fc.constantFrom(DeliveryUnit.DAY, DeliveryUnit.WEEK),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 40 }),
        (first, e, u, k, n) => {
          const moved = { firstDeliveryAt: first, anchorAt: deliveryDate(first, e, u, k), anchorIndex: k, every: e, unit: u };
          expect(scheduleDate(moved, k + n).getTime()).toBe(deliveryDate(first, e, u, k + n).getTime());
        },
      ),
    );
  });

  it('keeps a month-end anchor that counting back from a clamped date would lose (why the anchor is stored)', () => {
    // Anchored on 31 March: the next deliveries are 30 April and 31 May, not the 28th of each month.
    const c = {
      firstDeliveryAt: new Date('2027-01-15T06:00:00Z'),
      anchorAt: new Date('2027-03-31T06:00:00Z'),
      anchorIndex: 2,
      every: 1,
      unit: DeliveryUnit.MONTH,
    };
    expect([3, 4].map((n) => scheduleDate(c, n).toISOString())).toEqual(['2027-04-30T06:00:00.000Z', '2027-05-31T06:00:00.000Z']);
    // A delivery behind the anchor is counted from the first delivery, as it was.
    expect(scheduleDate(c, 1).toISOString()).toBe('2027-02-15T06:00:00.000Z');
  });
});
