import type { EntityManager } from '@mikro-orm/postgresql';
import { boundRows } from '../../db/bound-query';
import { priceReferences } from '../../pricing';
import { Decimal, ZERO } from '../../pricing/decimal';
import { CatalogPrice, catalogPriceOf, loadPriceClosure, PriceRow, toSnapshot } from '../catalog/price-snapshot';
import { pricingCustomers } from '../contracts/contract-terms';
import type { DomainEventInput } from '../events/event-types';
import type { Projector } from '../events/projectors';
import { repeatingEnd, type DiscountTerms } from '../coupons/coupon-effect';
import { ItemPricer } from '../subscriptions/subscription-pricing';
import { applyDiscount, DiscountEvent, loadDiscounts, writeDiscounts } from './discount-state';
import { goodsMrr } from './goods-mrr';
import { MrrMovementKind } from './mrr-movement.entity';
import { applySnapshot, loadStates, Movement, State, writeMovements, writeStates } from './ledger-state';
import type { MrrItem } from './mrr-state.entity';
import { REVENUE_EVENT_TYPES, revenueChange, SubscriptionEvent } from './revenue-events';
import { subscriptionMrr } from './subscription-mrr';

/** The revenue ledger, kept exact with the outbox: wired at the entry points (src/domain/services.ts). */
export const revenueProjector: Projector = { name: 'revenue', types: REVENUE_EVENT_TYPES, project: projectRevenue };

/**
 * The revenue ledger as a projection of the outbox: called with the events a transaction writes,
 * in that transaction, so a movement exists iff its change committed. Rebuilding the ledger
 * (rebuildRevenueLedger) replays the stored events through this same function, so the rebuild
 * equals the live ledger by construction. Movements are classified per customer and currency,
 * as ChartMogul does: from 0 → NEW (or REACTIVATION for a customer that had MRR before), to 0 →
 * CHURN, up → EXPANSION, down → CONTRACTION.
 */
export async function projectRevenue(em: EntityManager, events: readonly DomainEventInput[]): Promise<void> {
  const changes = events.map(revenueChange).filter((c) => c !== null);
  if (changes.length === 0) return;
  const relevant = changes.map((c) => c.event);
  const subscriptionEvents = changes.flatMap((c) => (c.kind === 'subscription' ? [c.event] : []));
  const subscriptionIds = [...new Set(subscriptionEvents.map((e) => e.aggregateId))];
  const customerIds = [...new Set(relevant.map((e) => e.customerId!).filter(Boolean))];
  const states = await loadStates(em, subscriptionIds, customerIds);
  const discounts = await loadDiscounts(em, customerIds);
  const contracted = await customersWithContracts(em, customerIds);
  // Prices and MRR history are read only when something is re-priced: a page of plain renewals never is.
  let priced: { pricing: Awaited<ReturnType<typeof pricingFor>>; everHad: Set<string> } | null = null;
  const storedItems = [...states.values()].flatMap((s) => [...s.items, ...(s.delivery?.items ?? [])]);
  const pricingNow = async () =>
    (priced ??= {
      pricing: await pricingFor(em, customerIds, storedItems, subscriptionEvents),
      everHad: await customersWithMrrHistory(em, customerIds),
    });
  const discountEvents = new Map<string, DiscountEvent[]>();
  const movements: Movement[] = [];

  const customerMrr = (customerId: string, currency: string) =>
    [...states.values()].filter((s) => s.customerId === customerId && s.currency === currency).reduce((sum, s) => sum.plus(s.mrr), ZERO);

  const reprice = async (state: State, at: Date, cause: string) => {
    const { pricing, everHad } = await pricingNow();
    const pricer = pricing.pricer(state.customerId);
    const items = state.items.map((i) => ({ price: pricing.price(i), quantity: new Decimal(i.quantity) }));
    const services = subscriptionMrr(pricer, { ...state, items }, at, discounts.get(state.customerId));
    const goods = goodsMrr(
      pricer,
      state.delivery && {
        status: state.status,
        every: state.delivery.every,
        unit: state.delivery.unit,
        items: state.delivery.items.map((i) => ({ price: pricing.price(i), quantity: new Decimal(i.quantity) })),
      },
      at,
    );
    const mrr = services.plus(goods);
    const goodsDelta = goods.minus(state.goodsMrr);
    if (mrr.eq(state.mrr) && goodsDelta.isZero()) return;
    const before = customerMrr(state.customerId, state.currency);
    const after = before.minus(state.mrr).plus(mrr);
    const hadMrr = everHad.has(`${state.customerId}:${state.currency}`);
    movements.push({
      customerId: state.customerId,
      subscriptionId: state.subscriptionId,
      currency: state.currency,
      // Services traded for goods of the same MRR (or back) move neither total: a movement of 0 that keeps the parts.
      kind: before.eq(after)
        ? goodsDelta.gt(0)
          ? MrrMovementKind.EXPANSION
          : MrrMovementKind.CONTRACTION
        : classify(before, after, hadMrr),
      delta: mrr.minus(state.mrr),
      goodsDelta,
      mrrAfter: mrr,
      cause,
      at,
    });
    if (mrr.gt(0)) everHad.add(`${state.customerId}:${state.currency}`);
    state.mrr = mrr;
    state.goodsMrr = goods;
  };

  for (const change of changes) {
    const event = change.event;
    if (change.kind === 'subscription') {
      const { state, changed } = applySnapshot(states, change.event);
      // Same state, same prices: only a contract, or a repeating coupon running out, can move its MRR (a plain renewal, most often).
      const couponEnd = repeatingEndAfter(discounts.get(state.customerId), state.updatedAt);
      // Once the end is priced in, the state is written past it, so later renewals skip it again.
      if (couponEnd !== null && couponEnd.getTime() <= event.at.getTime()) state.changed = true;
      if (changed || couponEnd !== null || contracted.has(state.customerId)) await reprice(state, event.at, causeOf(change.event));
    } else if (change.kind === 'discount') {
      const discount = change.discount;
      const customerId = event.customerId!;
      discounts.set(customerId, applyDiscount(discounts.get(customerId) ?? [], discount));
      discountEvents.set(customerId, [...(discountEvents.get(customerId) ?? []), { discount, payload: change.event.payload }]);
      for (const state of states.values()) {
        if (state.customerId === customerId && (discount.subscriptionId === null || discount.subscriptionId === state.subscriptionId))
          await reprice(state, event.at, event.type);
      }
    } else {
      // A contract re-prices the customer's counted subscriptions from the instant it is made.
      contracted.add(event.customerId!);
      for (const state of states.values()) if (state.customerId === event.customerId) await reprice(state, event.at, event.type);
    }
  }
  const moved = new Set(movements.map((m) => m.subscriptionId));
  await writeStates(
    em,
    [...states.values()].filter((s) => s.changed || moved.has(s.subscriptionId)),
    relevant[relevant.length - 1].at,
  );
  await writeMovements(em, movements);
  for (const [customerId, applied] of discountEvents) await writeDiscounts(em, customerId, discounts.get(customerId)!, applied);
}

/**
 * A REPEATING discount runs out with time, not with an event: the earliest end after `since` (the
 * state's last write) of one not removed, which the subscription's next event must price in.
 */
function repeatingEndAfter(list: readonly DiscountTerms[] | undefined, since: Date): Date | null {
  let earliest: Date | null = null;
  for (const d of list ?? []) {
    const end = repeatingEnd(d);
    if (end === null || d.endedAt !== null) continue;
    if (end.getTime() > since.getTime() && (earliest === null || end.getTime() < earliest.getTime())) earliest = end;
  }
  return earliest;
}

function classify(before: Decimal, after: Decimal, hadMrrBefore: boolean): MrrMovementKind {
  if (before.isZero()) return hadMrrBefore ? MrrMovementKind.REACTIVATION : MrrMovementKind.NEW;
  if (after.isZero()) return MrrMovementKind.CHURN;
  return after.gt(before) ? MrrMovementKind.EXPANSION : MrrMovementKind.CONTRACTION;
}

/** The event type, and for a cancellation why (`dunning`: involuntary churn). */
function causeOf(event: SubscriptionEvent): string {
  const reason = event.payload.reason;
  return reason !== undefined ? `${event.type}:${reason}` : event.type;
}

/** Customers with a contract, whose prices can change at any renewal (a contract starting or ending). */
async function customersWithContracts(em: EntityManager, customerIds: readonly string[]): Promise<Set<string>> {
  const rows = await boundRows<{ customer_id: string }>(
    em,
    'select distinct customer_id from contract where customer_id = any(?::uuid[])',
    [[...customerIds]],
  );
  return new Set(rows.map((r) => r.customer_id));
}

async function customersWithMrrHistory(em: EntityManager, customerIds: readonly string[]): Promise<Set<string>> {
  const rows = await boundRows<{ customer_id: string; currency: string }>(
    em,
    'select distinct customer_id, currency from mrr_movement where customer_id = any(?::uuid[]) and mrr_after > 0',
    [[...customerIds]],
  );
  return new Set(rows.map((r) => `${r.customer_id}:${r.currency}`));
}

/** Prices by the version each item was sold at (and bundles' components), and each customer's contracts: one query each. */
async function pricingFor(
  em: EntityManager,
  customerIds: readonly string[],
  stored: readonly MrrItem[],
  events: readonly SubscriptionEvent[],
) {
  const items = [...stored, ...events.flatMap((e) => [...e.payload.items, ...(e.payload.delivery?.items ?? [])])];
  const keys = [
    ...new Map(items.map((i) => [`${i.priceCode}@${i.priceVersion}`, { code: i.priceCode, version: i.priceVersion }])).values(),
  ];
  const rows = keys.length
    ? await boundRows<PriceRow>(
        em,
        `select p.id, p.code, p.version, p.currency, p.interval, p.interval_count, p.rule_kind, p.rule_config, p.status
           from price p join jsonb_to_recordset(?::jsonb) as k(code text, version int) on p.code = k.code and p.version = k.version`,
        [JSON.stringify(keys)],
      )
    : [];
  const byVersion = new Map(rows.map((r) => [`${r.code}@${r.version}`, catalogPriceOf(r)]));
  const references = [...byVersion.values()].flatMap((p) => priceReferences(toSnapshot(p)));
  const components = references.length ? await loadPriceClosure(em, references) : new Map<string, CatalogPrice>();
  const customers = await pricingCustomers(em, customerIds);
  return {
    price(item: MrrItem): CatalogPrice {
      const price = byVersion.get(`${item.priceCode}@${item.priceVersion}`);
      if (!price) throw new Error(`price ${item.priceCode} version ${item.priceVersion} is missing`);
      return price;
    },
    pricer(customerId: string): ItemPricer {
      return ItemPricer.of(customers.get(customerId)!, components);
    },
  };
}
