import type { EntityManager } from '@mikro-orm/postgresql';
import { toSnapshot } from '../domain/catalog/price-snapshot';
import { InvoiceLineKind } from '../domain/invoices/invoice-line.entity';
import { SubscriptionStatus } from '../domain/subscriptions/subscription.entity';
import { isMetered, roundMoney } from '../pricing';
import { Decimal, ZERO } from '../pricing/decimal';
import type { TariffNextInvoice } from './tariff-next-invoice';

const MONTHS: Readonly<Record<string, number>> = { MONTH: 1, QUARTER: 3, YEAR: 12 };
const COUNTED = new Set<string>([SubscriptionStatus.ACTIVE, SubscriptionStatus.PAST_DUE]);

/**
 * Tariff's MRR per currency over the imported subscriptions, at `at`, by CONTRACT.md's rule:
 * ACTIVE and PAST_DUE subscriptions (a trial counts 0), their recurring non-usage lines as the
 * next renewal prices them (tax excluded), each normalized to a month (YEAR ÷ 12, QUARTER ÷ 3,
 * and by the interval count), summed unrounded and rounded once per currency.
 *
 * The ONE place the reconciliation reads Tariff's MRR. For now it is computed from the
 * upcoming-invoice drafts the reconciliation has drawn anyway (`drafts`); once `revenueMetrics`
 * and its ledger (src/domain/analytics) are in, this body becomes a query of the ledger at `_at`
 * (through `_em`), and the drafts argument can go: nothing else changes.
 */
export async function tariffMrr(_em: EntityManager, _at: Date, drafts: readonly TariffNextInvoice[]): Promise<Map<string, Decimal>> {
  const sums = new Map<string, Decimal>();
  for (const sub of drafts) {
    if (!COUNTED.has(sub.status) || sub.renewal === null) continue;
    let sum = sums.get(sub.currency) ?? ZERO;
    for (const line of sub.renewal.lines) {
      if (line.kind !== InvoiceLineKind.RECURRING || line.price === null || isMetered(toSnapshot(line.price))) continue;
      const months = MONTHS[line.price.interval];
      if (months === undefined) continue;
      sum = sum.plus(line.amount.div(months * line.price.intervalCount));
    }
    sums.set(sub.currency, sum);
  }
  return new Map([...sums].map(([currency, sum]) => [currency, roundMoney(sum, currency)]));
}
