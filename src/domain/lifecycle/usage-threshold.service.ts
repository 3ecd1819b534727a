import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { meterOf } from '../../pricing';
import type { Decimal } from '../../pricing/decimal';
import { authorize, authorizeCustomer } from '../auth/actor';
import { toSnapshot } from '../catalog/price-snapshot';
import { ConflictError, InvalidInputError, NotFoundError } from '../errors';
import { isId } from '../shared/ids';
import type { ServiceContext } from '../shared/service-context';
import { Subscription, SubscriptionStatus } from '../subscriptions/subscription.entity';
import { clockForCustomer } from '../test-clocks/customer-clock';
import { UsageThreshold } from './usage-threshold.entity';

export interface SetUsageThresholdInput {
  subscriptionId: string;
  metric: string;
  threshold: Decimal;
}

/** A handful per metric is what a "50 %, 80 %, 100 % of your plan" campaign needs; more is a mistake. */
const MAX_PER_METRIC = 10;

/** Usage thresholds: the levels whose crossing is a lifecycle signal (usage-signals.ts). */
export class UsageThresholdService {
  constructor(private readonly ctx: ServiceContext) {}

  /** Idempotent: setting a threshold that exists returns it. */
  async set(input: SetUsageThresholdInput): Promise<UsageThreshold> {
    authorize(this.ctx.actor, 'usageThresholds:write');
    if (!input.threshold.isFinite() || input.threshold.lte(0)) throw new InvalidInputError('threshold', 'a threshold is above 0');
    try {
      return await this.ctx.em.transactional(async (em) => {
        const sub = isId(input.subscriptionId)
          ? await em.findOne(Subscription, { id: input.subscriptionId }, { populate: ['items', 'items.price'] })
          : null;
        if (!sub) throw new NotFoundError('subscription', input.subscriptionId, 'subscriptionId');
        authorizeCustomer(this.ctx.actor, 'usageThresholds:write', sub.customer.id);
        if (sub.status === SubscriptionStatus.CANCELED)
          throw new ConflictError(`subscription ${sub.id} is canceled: its usage has no periods left`);
        const metered = sub.items.getItems().some((item) => meterOf(toSnapshot(item.price))?.metric === input.metric);
        if (!metered)
          throw new InvalidInputError('metric', `subscription ${sub.id} has no usage price metering '${input.metric.slice(0, 200)}'`);
        const existing = await em.find(UsageThreshold, { subscription: sub.id, metric: input.metric });
        const same = existing.find((t) => t.threshold.eq(input.threshold));
        if (same) return same;
        if (existing.length >= MAX_PER_METRIC)
          throw new InvalidInputError('threshold', `at most ${MAX_PER_METRIC} thresholds per subscription and metric`);
        const now = (await clockForCustomer(em, sub.customer.id, this.ctx.clock)).now();
        const threshold = em.create(UsageThreshold, {
          subscription: sub,
          customerId: sub.customer.id,
          metric: input.metric,
          threshold: input.threshold,
          createdAt: now,
        });
        await em.flush();
        return threshold;
      });
    } catch (err) {
      if (!(err instanceof UniqueConstraintViolationException)) throw err;
      // A concurrent set of the same threshold won: its row is the answer.
      const won = await this.ctx.em.fork().find(UsageThreshold, { subscription: input.subscriptionId, metric: input.metric });
      const same = won.find((t) => t.threshold.eq(input.threshold));
      if (!same) throw err;
      return same;
    }
  }

  /** False when there was no such threshold. Signals it already emitted stay emitted. */
  async remove(id: string): Promise<boolean> {
    authorize(this.ctx.actor, 'usageThresholds:write');
    return this.ctx.em.transactional(async (em) => {
      const threshold = isId(id) ? await em.findOne(UsageThreshold, { id }) : null;
      if (!threshold) return false;
      authorizeCustomer(this.ctx.actor, 'usageThresholds:write', threshold.customerId);
      em.remove(threshold);
      await em.flush();
      return true;
    });
  }

  /** A subscription's thresholds, by metric and level; read as its usage is. */
  async list(subscriptionId: string): Promise<UsageThreshold[]> {
    authorize(this.ctx.actor, 'usage:read');
    const sub = isId(subscriptionId) ? await this.ctx.em.findOne(Subscription, { id: subscriptionId }) : null;
    if (!sub) throw new NotFoundError('subscription', subscriptionId, 'subscriptionId');
    authorizeCustomer(this.ctx.actor, 'usage:read', sub.customer.id);
    return this.ctx.em.find(UsageThreshold, { subscription: sub.id }, { orderBy: { metric: 'asc', threshold: 'asc' } });
  }
}
