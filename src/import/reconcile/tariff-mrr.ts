import type { EntityManager } from '@mikro-orm/postgresql';
import { boundRows } from '../../db/bound-query';
import { MetricsInterval } from '../../domain/analytics/metric-periods';
import { RevenueMetricsService } from '../../domain/analytics/revenue-metrics.service';
import type { Actor } from '../../domain/auth/actor';
import { ManualClock } from '../../domain/shared/clock';
import { Decimal, ZERO } from '../../pricing/decimal';
import { NO_PAYMENT_PROVIDERS } from '../../domain/payments/providers';

/**
 * Tariff's MRR per currency at `at`, as `revenueMetrics` reports it (the revenue ledger, which
 * the import's `subscription.imported` and discount events moved as they were written): the
 * figure at the end of a period ending just after `at`, so that movements dated `at` itself are
 * in it, rounded once per currency as the service rounds every figure (CONTRACT.md).
 * `currencies` are Stripe's; any other the ledger holds is added.
 */
export async function tariffMrr(em: EntityManager, actor: Actor, at: Date, currencies: Iterable<string>): Promise<Map<string, Decimal>> {
  const held = await boundRows<{ currency: string }>(em, 'select distinct currency from mrr_movement');
  const codes = [...new Set([...currencies, ...held.map((r) => r.currency)])].sort();
  const metrics = new RevenueMetricsService({ em, actor, clock: new ManualClock(at), providers: NO_PAYMENT_PROVIDERS });
  const out = new Map<string, Decimal>();
  for (const currency of codes) {
    const periods = await metrics.revenueMetrics(at, new Date(at.getTime() + 1), MetricsInterval.DAY, currency);
    out.set(currency, periods.at(-1)?.mrr ?? ZERO);
  }
  return out;
}
