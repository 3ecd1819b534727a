import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { withoutAudit } from '../audit/audit-context';
import { recordAuditSummary } from '../audit/audit-summary';
import { authorize } from '../auth/actor';
import type { BillingCycleResult } from '../billing/billing-cycle';
import { Customer } from '../customers/customer.entity';
import { ConflictError, InvalidInputError, NotFoundError } from '../errors';
import { isId } from '../shared/ids';
import type { ServiceContext } from '../shared/service-context';
import { requireText } from '../shared/validate';
import type { ClockAdvance } from './clock-advance';
import { advanceTestClock } from './test-clock-advance';
import { TestClock, TestClockStatus } from './test-clock.entity';

/**
 * One advance runs inside one request, closing each boundary on its way in a transaction of its
 * own: five years is sixty monthly invoices per subscription, seconds of work. A longer
 * simulation is several advances.
 */
const MAX_ADVANCE_YEARS = 5;
/**
 * Frozen times stay where the periods an advance bills still fit the years a DateTime and
 * PostgreSQL hold (0001 to 9999), whatever the intervals (a yearly price bills a year ahead).
 */
const EARLIEST = new Date('1970-01-01T00:00:00Z');
const LATEST = new Date('9900-01-01T00:00:00Z');

/**
 * Test clocks (CONTRACT.md, simulated time): a clock holds a frozen time; customers created on it
 * live at that time; advancing it bills them up to the new time (test-clock-advance.ts).
 */
export class TestClockService {
  constructor(private readonly ctx: ServiceContext) {}

  async create(frozenTime: Date, name?: string | null): Promise<TestClock> {
    authorize(this.ctx.actor, 'testClocks:write');
    requireWithin(frozenTime, 'frozenTime');
    const label = name == null ? null : requireText(name, 'name');
    return this.ctx.em.transactional(async (em) => {
      const clock = em.create(TestClock, { name: label, frozenTime, status: TestClockStatus.READY, createdAt: this.ctx.clock.now() });
      await em.flush();
      return clock;
    });
  }

  async get(id: string): Promise<TestClock | null> {
    authorize(this.ctx.actor, 'testClocks:read');
    return isId(id) ? this.ctx.em.findOne(TestClock, { id }) : null;
  }

  /** `Customer.testClock`; null without a query for a customer on none. */
  async ofCustomer(customer: Customer): Promise<TestClock | null> {
    if (!customer.testClock) return null;
    authorize(this.ctx.actor, 'testClocks:read');
    return this.ctx.em.findOne(TestClock, { id: customer.testClock.id });
  }

  /**
   * `advanceTestClock`: starts the advance, then bills the clock's customers at each boundary on
   * the way to `to`. Audited as runBilling is (docs/audit-log.md): one entry for the advance with
   * the cycles' counts summed over its steps, and nothing record by record. An advance that stops
   * on the way still writes its entry (`completed: false`, where it stopped): what it billed up to
   * there stays billed. One refused before it starts changed nothing and writes none.
   */
  async advance(id: string, to: Date): Promise<TestClock> {
    const started = await withoutAudit(() => this.beginAdvance(id, to));
    const counts = noCounts();
    let steps = 0;
    const onStep = (_at: Date, result: BillingCycleResult) => {
      steps++;
      for (const name of Object.keys(counts) as (keyof BillingCycleResult)[]) counts[name] += result[name];
    };
    const record = (em: EntityManager, reached: Date, completed: boolean) =>
      recordAuditSummary(
        em,
        { type: 'TestClock', id: started.clockId },
        { from: started.from, to, reached, completed, customers: started.customerIds.length, steps, ...counts },
      );
    let clock: TestClock;
    try {
      clock = await withoutAudit(() => advanceTestClock({ ...started, logger: this.ctx.logger, onStep }));
    } catch (failure) {
      try {
        const em = this.ctx.em.fork();
        const stopped = await em.findOne(TestClock, { id: started.clockId });
        await record(em, stopped?.frozenTime ?? started.from, false);
      } catch (err) {
        this.ctx.logger?.error({ err, testClockId: started.clockId }, 'test clock: could not audit the stopped advance');
      }
      throw failure;
    }
    await record(this.ctx.em.fork(), clock.frozenTime, true);
    return clock;
  }

  /**
   * Starts an advance: under the clock row's lock (which waits for changes to its customers in
   * flight, see clockForCustomer), checks it is READY and `to` is ahead, and marks it ADVANCING,
   * committed, so that a second advance and any change to its customers are refused while the
   * billing job moves it (one transaction per boundary, so no transaction can span the advance).
   */
  private async beginAdvance(id: string, to: Date): Promise<ClockAdvance> {
    authorize(this.ctx.actor, 'testClocks:write');
    // The advance runs the billing job as this key.
    authorize(this.ctx.actor, 'billing:run');
    const { em: requestEm, actor } = this.ctx;
    const started = await requestEm.transactional(async (em) => {
      const clock = isId(id) ? await em.findOne(TestClock, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true }) : null;
      if (!clock) throw new NotFoundError('test clock', id, 'id');
      if (clock.status === TestClockStatus.ADVANCING)
        throw new ConflictError(`test clock ${clock.id} is already advancing; retry when it is READY`);
      const from = clock.frozenTime;
      if (to.getTime() <= from.getTime())
        throw new InvalidInputError('to', `to must be after the clock's frozen time, ${from.toISOString()}`);
      const limit = new Date(from.getTime());
      limit.setUTCFullYear(limit.getUTCFullYear() + MAX_ADVANCE_YEARS);
      if (to.getTime() > limit.getTime()) {
        throw new InvalidInputError(
          'to',
          `a clock advances at most ${MAX_ADVANCE_YEARS} years at a time (to ${limit.toISOString()}); advance again for more`,
        );
      }
      requireWithin(to, 'to');
      clock.status = TestClockStatus.ADVANCING;
      await em.flush();
      const customers = await em
        .createQueryBuilder(Customer)
        .select('id')
        .where({ testClock: clock.id })
        .orderBy({ id: 'asc' })
        .execute('all');
      return { from, customerIds: customers.map((c) => c.id) };
    });
    return {
      clockId: id,
      from: started.from,
      to,
      customerIds: started.customerIds,
      actor,
      providers: this.ctx.providers,
      fork: () => requestEm.fork(),
    };
  }
}

function requireWithin(at: Date, field: string): void {
  if (at.getTime() < EARLIEST.getTime() || at.getTime() >= LATEST.getTime()) {
    throw new InvalidInputError(field, `${field} must fall from ${EARLIEST.toISOString()} to before ${LATEST.toISOString()}`);
  }
}

/** The counts of a billing cycle, zero: an advance sums its steps' into them. Every key, so that the entry shows each. */
function noCounts(): BillingCycleResult {
  return {
    subscriptionsProcessed: 0,
    invoicesCreated: 0,
    subscriptionsFailed: 0,
    ordersPlaced: 0,
    ordersHeld: 0,
    ordersFailed: 0,
    paymentsSucceeded: 0,
    paymentsFailed: 0,
    paymentsPending: 0,
    remindersSent: 0,
    finalActions: 0,
    invoicesFailed: 0,
    signalsEmitted: 0,
    signalsFailed: 0,
  };
}
