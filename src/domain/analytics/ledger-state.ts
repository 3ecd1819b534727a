import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { boundRows } from '../../db/bound-query';
import { Decimal, ZERO } from '../../pricing/decimal';
import type { MrrMovementKind } from './mrr-movement.entity';
import type { MrrDelivery, MrrItem } from './mrr-state.entity';
import type { SubscriptionEvent } from './revenue-events';

/**
 * The revenue projection's own view of a subscription as of the last event applied
 * (mrr_subscription_state; read and written by the functions below, one statement each, as the
 * movements it writes to mrr_movement are).
 */
export interface State {
  subscriptionId: string;
  customerId: string;
  currency: string;
  status: string;
  interval: string;
  intervalCount: number;
  items: MrrItem[];
  /** The delivery schedule and its goods (issue 17), null without goods. */
  delivery: MrrDelivery | null;
  /** The monthly share, exact to the ledger's scale (mrr-figures.ts): services and goods. */
  mrr: Decimal;
  /** The goods' part of `mrr`. */
  goodsMrr: Decimal;
  /** The instant of the last event written into the state. */
  updatedAt: Date;
  changed: boolean;
}

export interface Movement {
  customerId: string;
  subscriptionId: string;
  currency: string;
  kind: MrrMovementKind;
  delta: Decimal;
  /** The part of `delta` that moved goods. */
  goodsDelta: Decimal;
  mrrAfter: Decimal;
  cause: string;
  at: Date;
}

/** The subscription's state after the event, from its payload (event-schemas.ts: a snapshot after the change). */
export function applySnapshot(states: Map<string, State>, event: SubscriptionEvent): { state: State; changed: boolean } {
  const p = event.payload;
  const items = p.items
    .map((i) => ({ priceCode: i.priceCode, priceVersion: i.priceVersion, quantity: i.quantity }))
    .sort((a, b) => (a.priceCode < b.priceCode ? -1 : a.priceCode > b.priceCode ? 1 : 0));
  const delivery = deliveryOf(p.delivery);
  const known = states.get(event.aggregateId);
  if (!known) {
    const state: State = {
      subscriptionId: event.aggregateId,
      customerId: p.customerId,
      currency: p.currency,
      status: p.status,
      interval: p.interval,
      intervalCount: p.intervalCount,
      items,
      delivery,
      mrr: ZERO,
      goodsMrr: ZERO,
      updatedAt: event.at,
      changed: true,
    };
    states.set(state.subscriptionId, state);
    return { state, changed: true };
  }
  const changed =
    known.status !== p.status ||
    !sameItems(known.items, items) ||
    known.interval !== p.interval ||
    known.intervalCount !== p.intervalCount ||
    !sameDelivery(known.delivery, delivery);
  if (changed)
    Object.assign(known, {
      status: p.status,
      items,
      delivery,
      interval: p.interval,
      intervalCount: p.intervalCount,
      updatedAt: event.at,
      changed: true,
    });
  return { state: known, changed };
}

/** An event's delivery as the state keeps it; absent (an event from before issue 17) is none. */
function deliveryOf(d: SubscriptionEvent['payload']['delivery']): MrrDelivery | null {
  if (!d) return null;
  const items = d.items
    .map((i) => ({ priceCode: i.priceCode, priceVersion: i.priceVersion, sku: i.sku, quantity: new Decimal(i.quantity).toFixed() }))
    .sort((a, b) => (a.priceCode < b.priceCode ? -1 : a.priceCode > b.priceCode ? 1 : 0));
  return { every: d.every, unit: d.unit, items };
}

function sameDelivery(a: MrrDelivery | null | undefined, b: MrrDelivery | null): boolean {
  if (!a || !b) return !a && !b;
  return a.every === b.every && a.unit === b.unit && sameItems(a.items, b.items);
}

/** Field by field: items read back from jsonb have their keys in jsonb's order, not the payload's. */
function sameItems(a: readonly MrrItem[], b: readonly MrrItem[]): boolean {
  return (
    a.length === b.length &&
    a.every((x, i) => x.priceCode === b[i].priceCode && x.priceVersion === b[i].priceVersion && x.quantity === b[i].quantity)
  );
}

/**
 * The states of the subscriptions named (their own rows locked: changes of one subscription
 * serialize on its row already, so this waits for nothing a change does not) and, unlocked, of
 * the customers' other subscriptions, which classification reads.
 */
export async function loadStates(
  em: EntityManager,
  subscriptionIds: readonly string[],
  customerIds: readonly string[],
): Promise<Map<string, State>> {
  const states = new Map<string, State>();
  if (subscriptionIds.length > 0) {
    await boundRows(
      em,
      'select subscription_id from mrr_subscription_state where subscription_id = any(?::uuid[]) order by subscription_id for update',
      [[...subscriptionIds]],
    );
  }
  const rows = await boundRows<{
    subscription_id: string;
    customer_id: string;
    currency: string;
    status: string;
    interval: string;
    interval_count: number;
    items: MrrItem[];
    delivery: MrrDelivery | null;
    mrr: string;
    goods_mrr: string;
    updated_at: Date;
  }>(
    em,
    'select subscription_id, customer_id, currency, status, interval, interval_count, items, delivery, mrr, goods_mrr, updated_at from mrr_subscription_state where customer_id = any(?::uuid[])',
    [[...customerIds]],
  );
  for (const r of rows) {
    states.set(r.subscription_id, {
      subscriptionId: r.subscription_id,
      customerId: r.customer_id,
      currency: r.currency,
      status: r.status,
      interval: r.interval,
      intervalCount: r.interval_count,
      items: r.items,
      delivery: r.delivery,
      mrr: new Decimal(r.mrr),
      goodsMrr: new Decimal(r.goods_mrr),
      updatedAt: new Date(r.updated_at),
      changed: false,
    });
  }
  return states;
}

export async function writeStates(em: EntityManager, states: readonly State[], at: Date): Promise<void> {
  if (states.length === 0) return;
  await boundRows(
    em,
    `insert into mrr_subscription_state (subscription_id, customer_id, currency, status, interval, interval_count, items, delivery, mrr, goods_mrr, updated_at)
     select s.subscription_id, s.customer_id, s.currency, s.status, s.interval, s.interval_count, s.items, s.delivery, s.mrr, s.goods_mrr, ?
       from jsonb_to_recordset(?::jsonb) as s(subscription_id uuid, customer_id uuid, currency text, status text, interval text, interval_count int, items jsonb, delivery jsonb, mrr numeric, goods_mrr numeric)
     on conflict (subscription_id) do update set status = excluded.status, interval = excluded.interval, interval_count = excluded.interval_count,
        items = excluded.items, delivery = excluded.delivery, mrr = excluded.mrr, goods_mrr = excluded.goods_mrr, updated_at = excluded.updated_at`,
    [
      at,
      JSON.stringify(
        states.map((s) => ({
          subscription_id: s.subscriptionId,
          customer_id: s.customerId,
          currency: s.currency,
          status: s.status,
          interval: s.interval,
          interval_count: s.intervalCount,
          items: s.items,
          delivery: s.delivery,
          mrr: s.mrr.toFixed(),
          goods_mrr: s.goodsMrr.toFixed(),
        })),
      ),
    ],
  );
}

export async function writeMovements(em: EntityManager, movements: readonly Movement[]): Promise<void> {
  if (movements.length === 0) return;
  await boundRows(
    em,
    `insert into mrr_movement (id, customer_id, subscription_id, currency, kind, delta, goods_delta, mrr_after, cause, at)
     select m.id, m.customer_id, m.subscription_id, m.currency, m.kind::mrr_movement_kind, m.delta, m.goods_delta, m.mrr_after, m.cause, m.at
       from jsonb_to_recordset(?::jsonb) as m(id uuid, customer_id uuid, subscription_id uuid, currency text, kind text, delta numeric, goods_delta numeric, mrr_after numeric, cause text, at timestamptz)`,
    [
      JSON.stringify(
        movements.map((m) => ({
          id: randomUUID(),
          customer_id: m.customerId,
          subscription_id: m.subscriptionId,
          currency: m.currency,
          kind: m.kind,
          delta: m.delta.toFixed(),
          goods_delta: m.goodsDelta.toFixed(),
          mrr_after: m.mrrAfter.toFixed(),
          cause: m.cause,
          at: m.at.toISOString(),
        })),
      ),
    ],
  );
}
