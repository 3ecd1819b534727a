import type { EntityManager } from '@mikro-orm/postgresql';
import { authorize } from '../auth/actor';
import { Price, PriceStatus } from '../catalog/price.entity';
import { InvalidInputError, NotFoundError } from '../errors';
import { emitEvent } from '../events/emit-event';
import { subscriptionEvent } from '../events/event-payloads';
import type { ServiceContext } from '../shared/service-context';
import { clockForCustomer } from '../test-clocks/customer-clock';
import { ItemPricer } from './subscription-pricing';
import { lockSubscription, recordEvent, storeProrations, touch } from './subscription-store';
import { ScheduledChange, ScheduledChangeStatus } from './scheduled-change.entity';
import { SubscriptionItem } from './subscription-item.entity';
import { Subscription, SubscriptionStatus } from './subscription.entity';

export enum MigrationTiming {
  NOW = 'NOW',
  NEXT_PERIOD = 'NEXT_PERIOD',
}

export interface PriceMigrationResult {
  /** Subscriptions on an older version of the price. */
  matched: number;
  /** Moved now (NOW), with prorations. */
  moved: number;
  /** Set to move at their period end (NEXT_PERIOD). */
  scheduled: number;
}

/**
 * Moves subscriptions from older versions of a price to a newer one: the deliberate way catalog
 * changes reach existing customers. NOW prorates like any change; NEXT_PERIOD schedules the
 * switch for each subscription's period end. Contracts target price codes, so they keep applying.
 * One transaction: all matched subscriptions move, or none.
 */
export class PriceMigrationService {
  constructor(private readonly ctx: ServiceContext) {}

  async migrate(priceCode: string, toVersion: number, when: MigrationTiming): Promise<PriceMigrationResult> {
    authorize(this.ctx.actor, 'catalog:write');
    return this.ctx.em.transactional(async (em) => {
      const target = await em.findOne(Price, { code: priceCode, version: toVersion });
      if (!target) throw new NotFoundError('price version', `${priceCode}@${toVersion}`, 'toVersion');
      if (target.status === PriceStatus.ARCHIVED)
        throw new InvalidInputError('toVersion', `price '${priceCode}' version ${toVersion} is archived`);
      const items = await em.find(
        SubscriptionItem,
        { priceCode, price: { version: { $lt: toVersion } }, subscription: { status: { $ne: SubscriptionStatus.CANCELED } } },
        { orderBy: { subscription: { id: 'asc' } } },
      );
      const result: PriceMigrationResult = { matched: items.length, moved: 0, scheduled: 0 };
      for (const item of items) {
        if (when === MigrationTiming.NOW) {
          await this.moveNow(em, item.subscription.id, priceCode, target);
          result.moved++;
        } else {
          await this.scheduleMove(em, item.subscription.id, priceCode, target);
          result.scheduled++;
        }
      }
      return result;
    });
  }

  private async moveNow(em: EntityManager, subscriptionId: string, priceCode: string, target: Price): Promise<void> {
    const sub = await lockSubscription(em, this.ctx.actor, subscriptionId);
    const item = sub.items.getItems().find((i) => i.priceCode === priceCode)!;
    const now = (await clockForCustomer(em, sub.customer.id, this.ctx.clock)).now();
    if (sub.status === SubscriptionStatus.ACTIVE || sub.status === SubscriptionStatus.PAST_DUE) {
      const pricer = await ItemPricer.forCustomer(em, sub.customer.id, [item.price, target], sub.id);
      const period = { start: sub.currentPeriodStart, end: sub.currentPeriodEnd };
      storeProrations(
        em,
        sub,
        [
          pricer.prorate('credit', { price: item.price, quantity: item.quantity }, period, now),
          pricer.prorate('charge', { price: target, quantity: item.quantity }, period, now),
        ],
        now,
      );
    }
    const from = item.price.version;
    item.price = target;
    touch(sub, now);
    recordEvent(em, sub, 'price_migrated', this.ctx.actor, now, { priceCode, fromVersion: from, toVersion: target.version });
    await em.flush();
    await emitEvent(
      em,
      subscriptionEvent('price_migrated', sub, now, { priceMigration: { priceCode, fromVersion: from, toVersion: target.version } }),
    );
  }

  private async scheduleMove(em: EntityManager, subscriptionId: string, priceCode: string, target: Price): Promise<void> {
    const sub: Subscription = await lockSubscription(em, this.ctx.actor, subscriptionId);
    const now = (await clockForCustomer(em, sub.customer.id, this.ctx.clock)).now();
    const pending = await em.findOne(ScheduledChange, { subscription: sub.id, status: ScheduledChangeStatus.PENDING });
    let change: ScheduledChange;
    if (pending) {
      // A change already waits for the period end: it moves the code's item, if it keeps one.
      pending.items = pending.items.map((i) => (i.priceCode === priceCode ? { ...i, priceId: target.id } : i));
      change = pending;
    } else {
      change = em.create(ScheduledChange, {
        subscription: sub,
        customer: sub.customer,
        items: sub.items.getItems().map((i) => ({
          priceCode: i.priceCode,
          priceId: i.priceCode === priceCode ? target.id : i.price.id,
          quantity: i.quantity.toFixed(),
        })),
        effectiveAt: sub.currentPeriodEnd,
        status: ScheduledChangeStatus.PENDING,
        createdAt: now,
      });
    }
    touch(sub, now);
    recordEvent(em, sub, 'price_migration_scheduled', this.ctx.actor, now, {
      priceCode,
      toVersion: target.version,
      effectiveAt: sub.currentPeriodEnd.toISOString(),
    });
    await em.flush();
    await emitEvent(em, subscriptionEvent('change_scheduled', sub, now, { scheduledChange: change }));
  }
}
