import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Customer } from '../customers/customer.entity';
import { ConflictError } from '../errors';
import { Clock, ManualClock } from '../shared/clock';
import { TestClock, TestClockStatus } from './test-clock.entity';

/**
 * The clock a customer lives on: its test clock, standing at the clock's frozen time, or
 * `fallback` (the request's clock) for a customer on none (CONTRACT.md, simulated time).
 *
 * Call it inside the transaction that changes the customer's subscriptions: the clock row is
 * share-locked until commit, so an advance (which takes the row FOR UPDATE to start) waits for
 * the change to commit at the old time, and a change that comes while the clock advances is
 * refused instead of being dated at an instant the billing has already moved past.
 */
export async function clockForCustomer(em: EntityManager, customerId: string, fallback: Clock): Promise<Clock> {
  const customer = await em.findOne(Customer, { id: customerId });
  if (!customer?.testClock) return fallback;
  const clock = await em.findOneOrFail(TestClock, { id: customer.testClock.id }, { lockMode: LockMode.PESSIMISTIC_READ, refresh: true });
  if (clock.status === TestClockStatus.ADVANCING) {
    throw new ConflictError(`the customer's test clock ${clock.id} is advancing; retry when it is READY`, {
      details: { testClockId: clock.id },
    });
  }
  return new ManualClock(clock.frozenTime);
}
