import type { EntityManager } from '@mikro-orm/postgresql';
import { boundQuery, boundRows } from '../../db/bound-query';
import { Decimal, meterOf, periodContaining, type UsageAggregation } from '../../pricing';
import { toSnapshot } from '../catalog/price-snapshot';
import type { BillingInterval } from '../catalog/price.entity';
import { usageThresholdCrossedEvent } from '../events/system-events';
import { SubscriptionItem } from '../subscriptions/subscription-item.entity';
import { DuePage, DueSignal, scopeSql, SignalKind } from './signal';
import { usageCrossing } from './usage-crossing';

const TYPE = 'usage.threshold_crossed';

interface ThresholdRow {
  id: string;
  customer_id: string;
  subscription_id: string;
  metric: string;
  threshold: string;
  created_at: Date;
  status: string;
  starts_at: Date;
  trial_end: Date | null;
  billing_anchor: Date;
  interval: BillingInterval;
  interval_count: number;
  current_period_start: Date;
  current_period_end: Date;
}

interface Window {
  from: Date;
  to: Date;
}

/**
 * The periods whose crossings a run looks for: the current one and, once there is one, the
 * period just closed. A run that comes after a period end finds the period already moved on by
 * the billing before it, and a crossing in that period's last hours must not be lost. The key is
 * the period's END, which a trial period and the period after it agree on however they are cut.
 * A period that ended before the threshold was set is not looked at.
 */
function windowsOf(r: ThresholdRow): Window[] {
  const current = { from: new Date(r.current_period_start), to: new Date(r.current_period_end) };
  const start = new Date(r.starts_at);
  if (r.status === 'TRIALING' || current.from.getTime() <= start.getTime() || current.from.getTime() <= new Date(r.created_at).getTime())
    return [current];
  const trialEnd = r.trial_end ? new Date(r.trial_end) : null;
  const previousStart =
    trialEnd && trialEnd.getTime() === current.from.getTime()
      ? start
      : new Date(
          Math.max(
            periodContaining(
              new Date(r.billing_anchor),
              r.interval,
              r.interval_count,
              new Date(current.from.getTime() - 1),
            ).start.getTime(),
            start.getTime(),
          ),
        );
  return [{ from: previousStart, to: current.from }, current];
}

/** What each subscription's items meter, and how their prices aggregate it. */
async function aggregationsOf(em: EntityManager, subscriptionIds: readonly string[]): Promise<Map<string, UsageAggregation>> {
  const items = await em.find(SubscriptionItem, { subscription: { $in: [...subscriptionIds] } }, { populate: ['price'] });
  const out = new Map<string, UsageAggregation>();
  for (const item of items) {
    const meter = meterOf(toSnapshot(item.price));
    const key = `${item.subscription.id}:${meter?.metric}`;
    if (meter && !out.has(key)) out.set(key, meter.aggregation);
  }
  return out;
}

/**
 * The first time in a billing period that a subscription's aggregated usage of a metric reaches
 * one of its thresholds (usage-threshold.entity.ts): once per period and threshold, dated at the
 * crossing (the event that made it), or at the threshold's creation when usage had already
 * reached it then.
 */
export const usageThresholdCrossed: SignalKind = {
  type: TYPE,
  async due(em, scope, at): Promise<DuePage> {
    const customers = scopeSql('t.customer_id', scope);
    const where = [`s.status in ('ACTIVE', 'PAST_DUE', 'TRIALING')`, customers.sql];
    const params: unknown[] = [...customers.params];
    if (scope.subjectId) {
      where.push('t.id = ?::uuid');
      params.push(scope.subjectId);
    }
    if (scope.after) {
      where.push('t.id > ?::uuid');
      params.push(scope.after);
    }
    const rows = await boundRows<ThresholdRow>(
      em,
      `select t.id, t.customer_id, t.subscription_id, t.metric, t.threshold::text as threshold, t.created_at,
              s.status, s.starts_at, s.trial_end, s.billing_anchor, s.interval, s.interval_count, s.current_period_start, s.current_period_end
         from usage_threshold t join subscription s on s.id = t.subscription_id
        where ${where.join(' and ')}
        order by t.id
        limit ?`,
      [...params, scope.limit],
    );
    const next = rows.length === scope.limit ? rows[rows.length - 1].id : null;
    if (rows.length === 0) return { signals: [], next };
    const emitted = new Set(
      (
        await boundRows<{ subject_id: string; reference_at: Date }>(
          em,
          'select subject_id, reference_at from lifecycle_signal where type = ? and subject_id = any(?::uuid[])',
          [TYPE, rows.map((r) => r.id)],
        )
      ).map((r) => `${r.subject_id}:${new Date(r.reference_at).getTime()}`),
    );
    const aggregations = await aggregationsOf(em, [...new Set(rows.map((r) => r.subscription_id))]);
    const signals: DueSignal[] = [];
    for (const r of rows) {
      const aggregation = aggregations.get(`${r.subscription_id}:${r.metric}`);
      // The plan no longer meters it: nothing to cross until it does again.
      if (!aggregation) continue;
      const threshold = new Decimal(r.threshold);
      for (const w of windowsOf(r)) {
        if (emitted.has(`${r.id}:${w.to.getTime()}`)) continue;
        const crossing = await usageCrossing(
          em,
          { customerId: r.customer_id, metric: r.metric, aggregation, from: w.from, to: w.to },
          threshold,
        );
        if (!crossing) continue;
        const dueAt = new Date(Math.max(crossing.at.getTime(), new Date(r.created_at).getTime()));
        if (dueAt.getTime() > at.getTime()) continue;
        signals.push({
          type: TYPE,
          subjectId: r.id,
          customerId: r.customer_id,
          referenceAt: w.to,
          dueAt,
          detail: {
            id: r.id,
            subscriptionId: r.subscription_id,
            customerId: r.customer_id,
            metric: r.metric,
            aggregation,
            threshold: threshold.toFixed(),
            usage: crossing.usage.toFixed(),
            crossedAt: crossing.at.toISOString(),
            periodStart: w.from.toISOString(),
            periodEnd: w.to.toISOString(),
          },
        });
      }
    }
    return { signals, next };
  },
  async lock(em, s) {
    await boundQuery(em, 'select 1 from usage_threshold where id = ?::uuid for update', [s.subjectId]);
  },
  async event(_em, s) {
    // due() sets it on every crossing it finds: a signal without one is a bug, not an empty payload.
    if (!s.detail) throw new Error(`usage signal ${s.subjectId} carries no crossing`);
    return usageThresholdCrossedEvent(s.detail, s.dueAt);
  },
};
