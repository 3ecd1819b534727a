import type { EntityManager } from '@mikro-orm/postgresql';
import { boundRows } from '../../db/bound-query';
import type { Actor } from '../auth/actor';
import { emitEvent } from '../events/emit-event';
import { paymentMethodExpiring, quoteExpiring, renewalUpcoming, trialEnding } from './dated-signals';
import { invoiceDueSoon } from './invoice-signals';
import type { DueSignal, SignalKind } from './signal';
import { usageThresholdCrossed } from './usage-signals';

/** Every kind of lifecycle signal, in the order a run emits them. */
export const signalKinds: readonly SignalKind[] = [
  trialEnding,
  renewalUpcoming,
  usageThresholdCrossed,
  paymentMethodExpiring,
  quoteExpiring,
  invoiceDueSoon,
];

/**
 * Emits one due signal, exactly once: in one transaction it takes the lock its aggregate's
 * writers take, finds the instance still due under it (a change may have ended the trial or
 * detached the card meanwhile), records its key in lifecycle_signal and writes the event. A
 * concurrent run waits for the lock and then finds the key taken; and were the checks ever
 * skipped, the unique key would still refuse a second row, and with it the event. False when
 * there was nothing left to emit.
 */
export async function emitSignal(
  em: EntityManager,
  kind: SignalKind,
  signal: DueSignal,
  options: { at: Date; now: Date; actor: Actor; customerIds?: readonly string[] },
): Promise<boolean> {
  return em.transactional(async (tx) => {
    await kind.lock(tx, signal);
    const again = await kind.due(tx, { customerIds: options.customerIds, subjectId: signal.subjectId, limit: 10 }, options.at);
    const current = again.signals.find((s) => s.referenceAt.getTime() === signal.referenceAt.getTime());
    if (!current) return false;
    const recorded = await boundRows(
      tx,
      `insert into lifecycle_signal (id, type, subject_id, reference_at, customer_id, due_at, emitted_at)
       values (gen_random_uuid(), ?, ?::uuid, ?::timestamptz, ?::uuid, ?::timestamptz, ?::timestamptz)
       on conflict (type, subject_id, reference_at) do nothing
       returning id`,
      [
        current.type,
        current.subjectId,
        current.referenceAt.toISOString(),
        current.customerId,
        current.dueAt.toISOString(),
        options.now.toISOString(),
      ],
    );
    if (recorded.length === 0) return false;
    await emitEvent(tx, await kind.event(tx, current, options.actor));
    return true;
  });
}

const SCAN_PAGE = 500;

/**
 * The earliest instant at or before `to` at which one of these customers has a signal due and
 * not yet emitted: a test clock stops there (clock-advance.ts), so that what the CRM hears is
 * emitted at its own instant and in order with the billing around it.
 */
export async function nextSignalAmong(em: EntityManager, customerIds: readonly string[], to: Date): Promise<Date | null> {
  if (customerIds.length === 0) return null;
  let earliest: Date | null = null;
  for (const kind of signalKinds) {
    for (let after: string | null = null; ;) {
      const page = await kind.due(em, { customerIds, after, limit: SCAN_PAGE }, to);
      for (const s of page.signals) if (!earliest || s.dueAt.getTime() < earliest.getTime()) earliest = s.dueAt;
      if (!page.next) break;
      after = page.next;
    }
  }
  return earliest;
}
