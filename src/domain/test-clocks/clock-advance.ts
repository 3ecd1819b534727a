import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../auth/actor';
import type { PaymentProviders } from '../payments/providers';
import { dueFilter, nextBoundary } from '../invoices/close-boundary';
import { Subscription } from '../subscriptions/subscription.entity';
import { nextCollectionAmong } from '../payments/collection-schedule';
import { nextSignalAmong } from '../lifecycle/lifecycle-signals';
import { nextOrderAmong } from '../orders/order-due';
import { TestClock, TestClockStatus } from './test-clock.entity';

/** What an advance may do once the service has started it (clock row ADVANCING): the job's input. */
export interface ClockAdvance {
  clockId: string;
  /** The clock's frozen time when the advance began. */
  from: Date;
  to: Date;
  /** The clock's customers when the advance began; one created during it has no subscriptions yet (they wait for READY). */
  customerIds: readonly string[];
  actor: Actor;
  fork: () => EntityManager;
  providers: PaymentProviders;
}

/**
 * The earliest instant at or before `to` at which one of these customers' subscriptions has a
 * boundary (a period end, a trial end, a future start, a payment step, a lifecycle signal due): the next place an advance must stop so
 * that what happens there is dated there. Null when nothing is due by `to`.
 */
export async function nextBoundaryAmong(em: EntityManager, customerIds: readonly string[], to: Date): Promise<Date | null> {
  if (customerIds.length === 0) return null;
  // A payment step (a first charge, a retry, a reminder, dunning's end) is a boundary too.
  let earliest = await nextCollectionAmong(em, customerIds, to);
  const due = await em.find(Subscription, { $and: [dueFilter(to), { customer: { $in: [...customerIds] } }] });
  for (const sub of due) {
    const at = nextBoundary(sub);
    if (at && (!earliest || at.getTime() < earliest.getTime())) earliest = at;
  }
  // An order to place (issue 17) is placed on its date.
  const order = await nextOrderAmong(em, customerIds, to);
  if (order && (!earliest || order.getTime() < earliest.getTime())) earliest = order;
  // A lifecycle signal (trial ending, renewal upcoming, …) is emitted at its own instant too.
  const signal = await nextSignalAmong(em, customerIds, to);
  if (signal && (!earliest || signal.getTime() < earliest.getTime())) earliest = signal;
  return earliest;
}

/** Moves the clock's frozen time in a transaction of its own: per step, so what is billed and the clock never disagree for long. */
export async function setClockTime(em: EntityManager, clockId: string, at: Date, status: TestClockStatus): Promise<TestClock> {
  return em.transactional(async (tx) => {
    const clock = await tx.findOneOrFail(TestClock, { id: clockId });
    clock.frozenTime = at;
    clock.status = status;
    await tx.flush();
    return clock;
  });
}
