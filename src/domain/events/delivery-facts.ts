import type { EntityManager } from '@mikro-orm/postgresql';
import { boundRows } from '../../db/bound-query';
import { Decimal } from '../../pricing/decimal';
import type { DomainEventInput, EventPayload } from './event-types';

/** A subscription's delivery schedule and PHYSICAL items as its events carry them (issue 17). */
export interface DeliveryFacts {
  every: number;
  unit: 'DAY' | 'WEEK' | 'MONTH';
  items: readonly { priceCode: string; priceVersion: number; sku: string; quantity: Decimal | string }[];
}

export type DeliveryPayload = NonNullable<EventPayload<'subscription.updated'>['delivery']>;

/** In price code order, so two payloads of one state are equal field by field. */
export function deliveryPayload(d: DeliveryFacts): DeliveryPayload {
  return {
    every: d.every,
    unit: d.unit,
    items: [...d.items]
      .sort((a, b) => (a.priceCode < b.priceCode ? -1 : a.priceCode > b.priceCode ? 1 : 0))
      .map((i) => ({
        priceCode: i.priceCode,
        priceVersion: i.priceVersion,
        sku: i.sku,
        quantity: new Decimal(i.quantity.toString()).toFixed(),
      })),
  };
}

/**
 * Gives every subscription event that does not name its delivery the one its rows hold now, read
 * in the emitting transaction (one statement for a whole batch). Done where events are written,
 * not by each of the many builders' callers, so that every path (an API change, the billing
 * run's batches, dunning, the importer, a frequency control) carries the goods the revenue ledger
 * counts, and a path added later cannot forget them. The rows must be flushed before the emit.
 */
export async function withDeliveryFacts(em: EntityManager, events: readonly DomainEventInput[]): Promise<void> {
  const open = events.filter(
    (e): e is Extract<DomainEventInput, { aggregateType: 'subscription' }> =>
      e.aggregateType === 'subscription' && (e.payload as { delivery?: unknown }).delivery === undefined,
  );
  if (open.length === 0) return;
  const ids = [...new Set(open.map((e) => e.aggregateId))];
  const rows = await boundRows<{
    subscription_id: string;
    every: number;
    unit: DeliveryFacts['unit'];
    items: { priceCode: string; priceVersion: number; sku: string; quantity: string }[] | null;
  }>(
    em,
    `select d.subscription_id, d.every, d.unit::text as unit,
            (select jsonb_agg(jsonb_build_object('priceCode', i.price_code, 'priceVersion', p.version, 'sku', i.sku, 'quantity', i.quantity::text))
               from delivery_item i join price p on p.id = i.price_id where i.subscription_id = d.subscription_id) as items
       from delivery_schedule d where d.subscription_id = any(?::uuid[])`,
    [ids],
  );
  const byId = new Map(rows.map((r) => [r.subscription_id, deliveryPayload({ every: r.every, unit: r.unit, items: r.items ?? [] })]));
  for (const e of open) e.payload.delivery = byId.get(e.aggregateId) ?? null;
}
