import type { EntityManager } from '@mikro-orm/postgresql';
import { boundRows } from '../../db/bound-query';
import { ledgerRead } from '../../db/ledger-read';
import { isCurrencyCode } from '../../pricing';
import { Decimal, ONE, ZERO } from '../../pricing/decimal';
import { authorize } from '../auth/actor';
import { InvalidInputError } from '../errors';
import type { ServiceContext } from '../shared/service-context';
import { MetricPeriod, metricPeriods, MetricsInterval } from './metric-periods';
import { bridgeEnd, ExactBridge, roundBridge, RoundedBridge } from './mrr-figures';
import { MrrMovementKind } from './mrr-movement.entity';

/** One currency's share of a converted period: its own figures, rounded in its own currency, and the rate they were converted at. */
export interface CurrencyShare {
  currency: string;
  /** 1 for the reporting currency itself. */
  rate: Decimal;
  /** The rate row's effectiveFrom; null for the reporting currency itself. */
  rateEffectiveFrom: Date | null;
  bridge: RoundedBridge;
  arr: Decimal;
}

/** One period of convertedRevenueMetrics: every currency's MRR bridge converted at the rates in force at the period's end, summed. */
export interface ConvertedPeriod {
  periodStart: Date;
  periodEnd: Date;
  reportingCurrency: string;
  /** In the reporting currency: each figure is the sum of the currencies' exact figures × their rates, rounded once (roundBridge, so it adds up). */
  bridge: RoundedBridge;
  arr: Decimal;
  currencies: CurrencyShare[];
}

interface Rate {
  rate: Decimal;
  effectiveFrom: Date | null;
}

const PARTS = ['newMrr', 'expansionMrr', 'reactivationMrr', 'contractionMrr', 'churnedMrr'] as const;
const PART_OF: Readonly<Record<MrrMovementKind, (typeof PARTS)[number]>> = {
  [MrrMovementKind.NEW]: 'newMrr',
  [MrrMovementKind.EXPANSION]: 'expansionMrr',
  [MrrMovementKind.REACTIVATION]: 'reactivationMrr',
  [MrrMovementKind.CONTRACTION]: 'contractionMrr',
  [MrrMovementKind.CHURN]: 'churnedMrr',
};

export class ConvertedMetricsService {
  constructor(private readonly ctx: ServiceContext) {}

  /**
   * revenueMetrics' MRR, ARR and bridge over every currency, in one reporting currency. Each
   * currency's exact (unrounded) figures of a period are converted at the rate in force at the
   * period's last instant (the pair's latest row with effectiveFrom < periodEnd) and summed; only
   * the sums are rounded. A currency with something to convert and no such rate is refused, never
   * counted as 0.
   */
  async convertedRevenueMetrics(from: Date, to: Date, interval: MetricsInterval, reportingCurrency: string): Promise<ConvertedPeriod[]> {
    authorize(this.ctx.actor, 'analytics:read');
    if (!isCurrencyCode(reportingCurrency))
      throw new InvalidInputError('reportingCurrency', 'reportingCurrency must be an active ISO 4217 currency code such as EUR');
    const periods = metricPeriods(from, to, interval);
    const read = await ledgerRead(this.ctx.em, async (em) => {
      const base = await mrrBefore(em, from, to);
      const currencies = [...base.keys()].sort();
      if (currencies.length === 0) return null;
      const moves = await movesByPeriod(em, currencies, periods);
      const rates = await ratesAtPeriodEnds(
        em,
        currencies.filter((c) => c !== reportingCurrency),
        reportingCurrency,
        periods,
      );
      return { base, currencies, moves, rates };
    });
    if (read === null) return periods.map((p) => emptyPeriod(p, reportingCurrency));
    const { base, currencies, moves, rates } = read;

    const start = new Map(base);
    return periods.map((p) => {
      const total: ExactBridge = zeroBridge();
      const shares: CurrencyShare[] = [];
      for (const currency of currencies) {
        const exact: ExactBridge = { ...zeroBridge(), start: start.get(currency)! };
        for (const [kind, sum] of moves.get(`${p.index}:${currency}`) ?? []) {
          const part = PART_OF[kind];
          exact[part] = exact[part].plus(part === 'contractionMrr' || part === 'churnedMrr' ? sum.negated() : sum);
        }
        const end = bridgeEnd(exact);
        start.set(currency, end);
        if (exact.start.isZero() && PARTS.every((k) => exact[k].isZero())) continue;
        const rate: Rate | undefined =
          currency === reportingCurrency ? { rate: ONE, effectiveFrom: null } : rates.get(`${p.index}:${currency}`);
        if (!rate) {
          throw new InvalidInputError(
            'reportingCurrency',
            `no exchange rate from ${currency} to ${reportingCurrency} in force at ${p.end.toISOString()} (the end of the period from ${p.start.toISOString()}), and ${currency} has MRR in that period: set one with setExchangeRate(currency: "${currency}", reportingCurrency: "${reportingCurrency}", effectiveFrom: …) before that instant`,
            { currency, reportingCurrency, at: p.end.toISOString() },
          );
        }
        total.start = total.start.plus(exact.start.times(rate.rate));
        for (const k of PARTS) total[k] = total[k].plus(exact[k].times(rate.rate));
        const bridge = roundBridge(exact, currency);
        shares.push({ currency, rate: rate.rate, rateEffectiveFrom: rate.effectiveFrom, bridge, arr: bridge.end.times(12) });
      }
      const bridge = roundBridge(total, reportingCurrency);
      return { periodStart: p.start, periodEnd: p.end, reportingCurrency, bridge, arr: bridge.end.times(12), currencies: shares };
    });
  }
}

function zeroBridge(): ExactBridge {
  return { start: ZERO, newMrr: ZERO, expansionMrr: ZERO, reactivationMrr: ZERO, contractionMrr: ZERO, churnedMrr: ZERO };
}

function emptyPeriod(p: MetricPeriod, reportingCurrency: string): ConvertedPeriod {
  const bridge = roundBridge(zeroBridge(), reportingCurrency);
  return { periodStart: p.start, periodEnd: p.end, reportingCurrency, bridge, arr: ZERO, currencies: [] };
}

function periodsJson(periods: readonly MetricPeriod[]): string {
  return JSON.stringify(periods.map((p) => ({ i: p.index, s: p.start.toISOString(), e: p.end.toISOString() })));
}

/** Every currency with a movement before `to`, and its exact MRR before `from`. */
async function mrrBefore(em: EntityManager, from: Date, to: Date): Promise<Map<string, Decimal>> {
  const rows = await boundRows<{ currency: string; mrr: string | null }>(
    em,
    'select currency, coalesce(sum(delta) filter (where at < ?), 0) as mrr from mrr_movement where at < ? group by currency',
    [from, to],
  );
  return new Map(rows.map((r) => [r.currency, new Decimal(r.mrr ?? 0)]));
}

/** Exact sums per period, currency and kind; `currency = any(…)` lets each period use the (currency, at) index. */
async function movesByPeriod(
  em: EntityManager,
  currencies: readonly string[],
  periods: readonly MetricPeriod[],
): Promise<Map<string, [MrrMovementKind, Decimal][]>> {
  const rows = await boundRows<{ i: number; currency: string; kind: MrrMovementKind; total: string }>(
    em,
    `select p.i, m.currency, m.kind, sum(m.delta) as total
       from jsonb_to_recordset(?::jsonb) as p(i int, s timestamptz, e timestamptz)
       join mrr_movement m on m.currency = any(?::text[]) and m.at >= p.s and m.at < p.e
      group by p.i, m.currency, m.kind`,
    [periodsJson(periods), [...currencies]],
  );
  const out = new Map<string, [MrrMovementKind, Decimal][]>();
  for (const r of rows) {
    const key = `${r.i}:${r.currency}`;
    out.set(key, [...(out.get(key) ?? []), [r.kind, new Decimal(r.total)]]);
  }
  return out;
}

/** For each period and currency, the pair's rate in force at the period's last instant (latest effectiveFrom before its end). */
async function ratesAtPeriodEnds(
  em: EntityManager,
  currencies: readonly string[],
  reportingCurrency: string,
  periods: readonly MetricPeriod[],
): Promise<Map<string, Rate>> {
  if (currencies.length === 0) return new Map();
  const rows = await boundRows<{ i: number; currency: string; rate: string; effective_from: Date }>(
    em,
    `select p.i, c.currency, r.rate, r.effective_from
       from jsonb_to_recordset(?::jsonb) as p(i int, s timestamptz, e timestamptz)
       cross join unnest(?::text[]) as c(currency)
       join lateral (
         select x.rate, x.effective_from from exchange_rate x
          where x.currency = c.currency and x.reporting_currency = ? and x.effective_from < p.e
          order by x.effective_from desc limit 1
       ) r on true`,
    [periodsJson(periods), [...currencies], reportingCurrency],
  );
  return new Map(rows.map((r) => [`${r.i}:${r.currency}`, { rate: new Decimal(r.rate), effectiveFrom: new Date(r.effective_from) }]));
}
