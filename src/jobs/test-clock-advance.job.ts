import { ConflictError } from '../domain/errors';
import { ManualClock } from '../domain/shared/clock';
import { ClockAdvance, nextBoundaryAmong, setClockTime } from '../domain/test-clocks/clock-advance';
import { TestClock, TestClockStatus } from '../domain/test-clocks/test-clock.entity';
import type { Logger } from '../logger';
import { runBilling } from './billing-run.job';

export interface TestClockAdvanceOptions extends ClockAdvance {
  logger?: Logger;
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
  const { clockId, customerIds, to, actor, fork, logger } = options;
  let reached = options.from;
  let lastStep: Date | null = null;
  let failure: unknown = null;
  try {
    for (;;) {
      const boundary = await nextBoundaryAmong(fork(), customerIds, to);
      if (!boundary) break;
      // A boundary left at or before the last step: billing gave up on it (another transaction held it).
      if (lastStep && boundary.getTime() <= lastStep.getTime()) {
        throw new ConflictError(`a subscription of test clock ${clockId} due at ${boundary.toISOString()} stayed locked by another transaction; advance again`);
      }
      // A boundary already behind the clock (left by an earlier failure) is closed at the clock's time, as a late real run would.
      const step = boundary.getTime() > reached.getTime() ? boundary : reached;
      const result = await runBilling({ fork, at: step, clock: new ManualClock(step), actor, logger, customerIds });
      // Dunning (issue 6) runs here: the payment retries due by `step`, on the same clock; and
      // nextBoundaryAmong must then stop at the next retry too, so that each is dated at its instant.
      lastStep = step;
      reached = step;
      if (result.subscriptionsFailed > 0) {
        throw new ConflictError(
          `billing ${result.subscriptionsFailed} subscription(s) of test clock ${clockId} at ${step.toISOString()} failed (see the server log); the clock stopped there, and advancing again retries them`,
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
