import type { EntityManager } from '@mikro-orm/postgresql';
import { Actor, authorize } from '../auth/actor';
import { emitSignal, signalKinds } from '../lifecycle/lifecycle-signals';
import type { Clock } from '../shared/clock';
import type { Logger } from '../../logger';

export interface LifecycleSignalsOptions {
  fork: () => EntityManager;
  /** Signals due at or before this instant are emitted, each dated at its own instant. */
  at: Date;
  /** Records when they were emitted (lifecycle_signal.emitted_at). */
  clock: Clock;
  actor: Actor;
  /** These customers only (a test clock's); without it, every customer not on a test clock. */
  customerIds?: readonly string[];
  logger?: Logger;
}

export interface LifecycleSignalsResult {
  signalsEmitted: number;
  /** Signals whose transaction failed (logged with the subject); the next run tries again. */
  signalsFailed: number;
}

const PAGE = 500;

/**
 * The clock-driven lifecycle events for CRM and marketing tools (README, Segments and lifecycle
 * signals): trial ending, yearly renewal upcoming, usage threshold crossed, payment method
 * expiring, quote expiring. Part of every billing run, after collection, so `runBilling`,
 * `npm run billing` and a test clock's steps emit them. Exactly once rests on lifecycle_signal's
 * unique key written with the event (emitSignal), not on this loop: run it twice, or twice at once,
 * and each instance is emitted once.
 */
export async function runLifecycleSignals(options: LifecycleSignalsOptions): Promise<LifecycleSignalsResult> {
  authorize(options.actor, 'billing:run');
  const { at, logger, customerIds } = options;
  const result: LifecycleSignalsResult = { signalsEmitted: 0, signalsFailed: 0 };
  for (const kind of signalKinds) {
    // Keyset by subject: a signal that fails is not met again in this run.
    for (let after: string | null = null; ;) {
      const page = await kind.due(options.fork(), { customerIds, after, limit: PAGE }, at);
      for (const signal of page.signals) {
        try {
          if (await emitSignal(options.fork(), kind, signal, { at, now: options.clock.now(), actor: options.actor, customerIds })) {
            result.signalsEmitted++;
            logger?.debug(
              { type: signal.type, subjectId: signal.subjectId, dueAt: signal.dueAt.toISOString() },
              'lifecycle signal emitted',
            );
          }
        } catch (err) {
          result.signalsFailed++;
          logger?.error(
            { err, type: signal.type, subjectId: signal.subjectId },
            'lifecycle signal: emitting failed; the next run tries again',
          );
        }
      }
      if (!page.next) break;
      after = page.next;
    }
  }
  logger?.info({ at: at.toISOString(), ...result }, 'lifecycle signals done');
  return result;
}
