import { ConflictError } from '../errors';
import { ManualClock } from '../shared/clock';
import { ClockAdvance, nextBoundaryAmong, setClockTime } from './clock-advance';
import { TestClock, TestClockStatus } from './test-clock.entity';
import type { Logger } from '../../logger';
import { BillingCycleResult, runBillingCycle } from '../billing/billing-cycle';

/** Steps taken again at one instant, for what the previous step made due there, before giving up. */
const MAX_REPEATS_AT_ONE_INSTANT = 5;

export interface TestClockAdvanceOptions extends ClockAdvance {
  logger?: Logger;
  /** Told what each step's billing cycle did, once it is done (before a failed step is thrown). */
  onStep?: (at: Date, result: BillingCycleResult) => void;
}

/**
 * Moves a test clock (already ADVANCING: TestClockService.beginAdvance) to `to`, doing for its
 * customers what the real clock would have done on the way: it stops at each boundary in turn
 * and runs the billing job there with a clock that reads that instant, so every invoice is
 * created and finalized at its own boundary, as Stripe dates a test clock's invoices, and not
 * all at `to`. The frozen time follows each step, committed. A failure stops the clock at the
 * last instant reached, READY, and is thrown: what was billed up to there stays billed (one
 * transaction per boundary), and the next advance retries from there.
 */
export async function advanceTestClock(options: TestClockAdvanceOptions): Promise<TestClock> {
  const { clockId, customerIds, to, actor, fork, providers, logger, onStep } = options;
  let reached = options.from;
  let lastStep: Date | null = null;
  let progressed = false;
  let repeats = 0;
  let failure: unknown = null;
  try {
    for (;;) {
      const boundary = await nextBoundaryAmong(fork(), customerIds, to);
      if (!boundary) break;
      // Something still due at the last step. What that step made can be due at once (dunning
      // cancels a subscription, whose final invoice is charged at that instant): run it again.
      // Otherwise billing gave up on it (another transaction held it, or a provider did not answer).
      if (lastStep && boundary.getTime() <= lastStep.getTime() && (!progressed || ++repeats > MAX_REPEATS_AT_ONE_INSTANT)) {
        throw new ConflictError(
          `a subscription or invoice of test clock ${clockId} due at ${boundary.toISOString()} stayed locked by another transaction or unanswered by its payment provider; advance again`,
        );
      }
      if (!lastStep || boundary.getTime() > lastStep.getTime()) repeats = 0;
      // A boundary already behind the clock (left by an earlier failure) is closed at the clock's time, as a late real run would.
      const step = boundary.getTime() > reached.getTime() ? boundary : reached;
      // Billing, then the payment steps due by `step` (first charges, dunning), on the same clock.
      const result = await runBillingCycle({ fork, providers, at: step, clock: new ManualClock(step), actor, logger, customerIds });
      onStep?.(step, result);
      lastStep = step;
      reached = step;
      progressed =
        result.invoicesCreated +
          result.ordersPlaced +
          result.ordersHeld +
          result.paymentsSucceeded +
          result.paymentsFailed +
          result.remindersSent +
          result.finalActions +
          result.signalsEmitted >
        0;
      if (result.subscriptionsFailed > 0 || result.ordersFailed > 0 || result.invoicesFailed > 0 || result.signalsFailed > 0) {
        throw new ConflictError(
          `billing ${result.subscriptionsFailed} subscription(s), collecting ${result.invoicesFailed} invoice(s) or emitting ${result.signalsFailed} lifecycle signal(s) of test clock ${clockId} at ${step.toISOString()} failed (see the server log); the clock stopped there, and advancing again retries them`,
          { details: { testClockId: clockId, stoppedAt: step.toISOString() } },
        );
      }
      if (step.getTime() < to.getTime()) await setClockTime(fork(), clockId, step, TestClockStatus.ADVANCING);
    }
    reached = to;
  } catch (err) {
    failure = err;
  }
  // Whether it got to `to` or stopped on the way, the clock is READY again where it stands.
  let clock: TestClock;
  try {
    clock = await setClockTime(fork(), clockId, reached, TestClockStatus.READY);
  } catch (err) {
    logger?.error({ err, testClockId: clockId }, 'test clock: could not mark the clock READY; it stays ADVANCING');
    throw failure ?? err;
  }
  if (failure) {
    logger?.warn({ err: failure, testClockId: clockId, stoppedAt: reached.toISOString() }, 'test clock: advance stopped');
    throw failure;
  }
  logger?.info({ testClockId: clockId, from: options.from.toISOString(), to: to.toISOString() }, 'test clock advanced');
  return clock;
}
