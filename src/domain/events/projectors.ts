import type { EntityManager } from '@mikro-orm/postgresql';
import type { DomainEventInput, EventType } from './event-types';

/**
 * A consumer that must stay exact with the outbox (the revenue ledger): it runs in the emitting
 * transaction, after the events are written, with those of `types` among them, in order. Consumers
 * that may lag (webhooks) read the outbox instead. The emitter never imports a projector: the
 * entry points (src/app.ts, the CLIs) wire them (wireProjectors), as Vendure's subscribers
 * register on its EventBus.
 */
export interface Projector {
  name: string;
  types: ReadonlySet<EventType>;
  project(em: EntityManager, events: readonly DomainEventInput[]): Promise<void>;
}

let wired: readonly Projector[] | null = null;

/**
 * Sets the projectors every later emit runs, replacing any wired before (each entry point wires
 * once; tests and benches start the app, which does). Idempotent, so wiring twice runs nothing twice.
 */
export function wireProjectors(projectors: readonly Projector[]): void {
  wired = [...projectors];
}

/**
 * The wired projectors. Emitting before any wiring is a bug of an entry point: it would commit
 * events whose projections (the revenue ledger) silently never saw them, so it fails instead.
 */
export function wiredProjectors(): readonly Projector[] {
  if (wired === null) {
    throw new Error(
      'domain events emitted before any projector was wired: the entry point must call wireProjectors (src/domain/services.ts: wireDomainProjectors)',
    );
  }
  return wired;
}

/** Runs each wired projector over the events of its types, in the caller's transaction. */
export async function runProjectors(em: EntityManager, events: readonly DomainEventInput[]): Promise<void> {
  for (const projector of wiredProjectors()) {
    const mine = events.filter((e) => projector.types.has(e.type));
    if (mine.length > 0) await projector.project(em, mine);
  }
}
