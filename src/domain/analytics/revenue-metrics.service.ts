import type { EntityManager } from '@mikro-orm/postgresql';
import { boundRows } from '../../db/bound-query';
import { ledgerRead } from '../../db/ledger-read';
import { isCurrencyCode } from '../../pricing';
import { Decimal, ZERO } from '../../pricing/decimal';
import { authorize } from '../auth/actor';
import { billedThrough } from '../customers/customer-hierarchy';
import type { Customer } from '../customers/customer.entity';
import { InvalidInputError } from '../errors';
import type { ServiceContext } from '../shared/service-context';
import { CustomerGrouping, LedgerRelation, ledgerRelation, parseGrouping, withItem } from './customer-grouping';
import { KindPart, splitByKind } from './kind-breakdown';
import { MetricPeriod, metricPeriods, MetricsInterval } from './metric-periods';
import { bridgeEnd, mrrFigure, roundBridge } from './mrr-figures';
import { MrrMovementKind } from './mrr-movement.entity';

/** One period of revenueMetrics; definitions in README (Revenue analytics). Rates are fractions, null without a base. */
export interface RevenuePeriod {
  periodStart: Date;
  periodEnd: Date;
  startMrr: Decimal;
  mrr: Decimal;
  arr: Decimal;
  newMrr: Decimal;
  expansionMrr: Decimal;
  contractionMrr: Decimal;
  churnedMrr: Decimal;
  reactivationMrr: Decimal;
  activeCustomers: number;
  arpa: Decimal | null;
  logoChurnRate: Decimal | null;
  grossRevenueRetention: Decimal | null;
  netRevenueRetention: Decimal | null;
  trialConversionRate: Decimal | null;
  involuntaryChurnMrr: Decimal;
  dunningRecoveryRate: Decimal | null;
  usageRevenue: Decimal;
  /** The MRR and bridge above split into services and goods (issue 17): parts add up to each figure. */
  byKind: KindPart[];
}

const RATE_SCALE = 4;
const INVOLUNTARY = 'subscription.canceled:dunning';

export class RevenueMetricsService {
  constructor(private readonly ctx: ServiceContext) {}

  /**
   * Aggregations of the revenue ledger (mrr_movement) per period, never a re-pricing of
   * subscriptions: MRR at an instant is the sum of the deltas before it, each movement is
   * classified once when written, and the active-customer count moves with NEW, REACTIVATION
   * (+1) and CHURN (−1), which are customer-level by construction. Sums are exact; each figure
   * is rounded once (roundBridge keeps the rounded bridge whole), rates come from exact sums.
   * By PAYER, the same aggregations read the ledger with each customer counted as its payer
   * (customer-grouping.ts): customer counts, ARPA, logo churn and the bridge's classification
   * change, MRR does not.
   */
  async revenueMetrics(
    from: Date,
    to: Date,
    interval: MetricsInterval,
    currency: string,
    by?: CustomerGrouping | null,
  ): Promise<RevenuePeriod[]> {
    authorize(this.ctx.actor, 'analytics:read');
    if (!isCurrencyCode(currency)) throw new InvalidInputError('currency', 'an ISO 4217 currency code');
    const periods = metricPeriods(from, to, interval);
    const ledger = ledgerRelation(parseGrouping(by), currency);
    // One after the other: a transaction is one connection, which runs one statement at a time.
    const { base, moves, trials, dunning, usage } = await ledgerRead(this.ctx.em, async (em) => ({
      base: await before(em, ledger, currency, from),
      moves: await movementsByPeriod(em, ledger, currency, periods),
      trials: await trialsByPeriod(em, currency, periods),
      dunning: await dunningByPeriod(em, currency, periods),
      usage: await usageByPeriod(em, currency, periods),
    }));
    let startMrr = base.mrr;
    let goodsStart = base.goods;
    let active = base.customers;
    return periods.map((p) => {
      const m = moves.get(p.index) ?? emptyMoves();
      const sum = (k: MrrMovementKind) => m.sums.get(k) ?? ZERO;
      const goodsSum = (k: MrrMovementKind) => m.goods.get(k) ?? ZERO;
      const goods = {
        start: goodsStart,
        newMrr: goodsSum(MrrMovementKind.NEW),
        expansionMrr: goodsSum(MrrMovementKind.EXPANSION),
        reactivationMrr: goodsSum(MrrMovementKind.REACTIVATION),
        contractionMrr: goodsSum(MrrMovementKind.CONTRACTION).negated(),
        churnedMrr: goodsSum(MrrMovementKind.CHURN).negated(),
      };
      const exact = {
        start: startMrr,
        newMrr: sum(MrrMovementKind.NEW),
        expansionMrr: sum(MrrMovementKind.EXPANSION),
        reactivationMrr: sum(MrrMovementKind.REACTIVATION),
        contractionMrr: sum(MrrMovementKind.CONTRACTION).negated(),
        churnedMrr: sum(MrrMovementKind.CHURN).negated(),
      };
      const mrr = bridgeEnd(exact);
      const shown = roundBridge(exact, currency);
      const startActive = active;
      active =
        active +
        (m.counts.get(MrrMovementKind.NEW) ?? 0) +
        (m.counts.get(MrrMovementKind.REACTIVATION) ?? 0) -
        (m.counts.get(MrrMovementKind.CHURN) ?? 0);
      const t = trials.get(p.index);
      const d = dunning.get(p.index);
      const period: RevenuePeriod = {
        periodStart: p.start,
        periodEnd: p.end,
        startMrr: shown.start,
        mrr: shown.end,
        arr: shown.end.times(12),
        newMrr: shown.newMrr,
        expansionMrr: shown.expansionMrr,
        contractionMrr: shown.contractionMrr,
        churnedMrr: shown.churnedMrr,
        reactivationMrr: shown.reactivationMrr,
        activeCustomers: active,
        arpa: active > 0 ? mrrFigure(mrr.div(active), currency) : null,
        logoChurnRate: rate(new Decimal(m.counts.get(MrrMovementKind.CHURN) ?? 0), new Decimal(startActive)),
        grossRevenueRetention: rate(startMrr.minus(exact.contractionMrr).minus(exact.churnedMrr), startMrr),
        netRevenueRetention: rate(startMrr.plus(exact.expansionMrr).minus(exact.contractionMrr).minus(exact.churnedMrr), startMrr),
        trialConversionRate: t ? rate(new Decimal(t.converted), new Decimal(t.ended)) : null,
        involuntaryChurnMrr: mrrFigure(m.involuntary.negated(), currency),
        dunningRecoveryRate: d ? rate(new Decimal(d.recovered), new Decimal(d.entered)) : null,
        usageRevenue: usage.get(p.index) ?? ZERO,
        byKind: splitByKind(shown, goods, currency),
      };
      startMrr = mrr;
      goodsStart = bridgeEnd(goods);
      return period;
    });
  }

  /**
   * A customer's MRR now (at its test clock's time when it lives on one), in `currency` (default
   * its own): the ledger's exact sum rounded once, as every MRR figure. With rollUp, the MRR of
   * everything billed through it: itself and, at any depth, the members billed to it.
   */
  async customerMrr(customer: Customer, currency: string | null | undefined, rollUp: boolean): Promise<Decimal> {
    authorize(this.ctx.actor, 'analytics:read');
    const code = currency ?? customer.currency;
    if (!isCurrencyCode(code)) throw new InvalidInputError('currency', 'an ISO 4217 currency code');
    const ids = rollUp ? await billedThrough(this.ctx.em, customer.id) : [customer.id];
    const [row] = await boundRows<{ mrr: string | null }>(
      this.ctx.em,
      `select sum(m.delta) as mrr from mrr_movement m
        where m.customer_id = any(?::uuid[]) and m.currency = ?
          and m.at <= coalesce((select tc.frozen_time from customer c join test_clock tc on tc.id = c.test_clock_id where c.id = ?), ?::timestamptz)`,
      [ids, code, customer.id, this.ctx.clock.now()],
    );
    return mrrFigure(new Decimal(row.mrr ?? 0), code);
  }
}

function rate(part: Decimal, whole: Decimal): Decimal | null {
  return whole.isZero() ? null : part.div(whole).toDecimalPlaces(RATE_SCALE, Decimal.ROUND_HALF_UP);
}

function periodsJson(periods: readonly MetricPeriod[]): string {
  return JSON.stringify(periods.map((p) => ({ i: p.index, s: p.start.toISOString(), e: p.end.toISOString() })));
}

const PERIODS = 'jsonb_to_recordset(?::jsonb) as p(i int, s timestamptz, e timestamptz)';

/** MRR and active customers before `at`. */
async function before(
  em: EntityManager,
  ledger: LedgerRelation,
  currency: string,
  at: Date,
): Promise<{ mrr: Decimal; goods: Decimal; customers: number }> {
  const [row] = await boundRows<{ mrr: string | null; goods: string | null; customers: string | null }>(
    em,
    `${withItem(ledger, false)}select sum(delta) as mrr, sum(goods_delta) as goods,
            sum(case kind when 'CHURN' then -1 when 'NEW' then 1 when 'REACTIVATION' then 1 else 0 end) as customers
       from ${ledger.table} where currency = ? and at < ?`,
    [...ledger.params, currency, at],
  );
  return { mrr: new Decimal(row.mrr ?? 0), goods: new Decimal(row.goods ?? 0), customers: Number(row.customers ?? 0) };
}

interface PeriodMoves {
  sums: Map<string, Decimal>;
  /** The goods' part of each sum. */
  goods: Map<string, Decimal>;
  counts: Map<string, number>;
  involuntary: Decimal;
}

function emptyMoves(): PeriodMoves {
  return { sums: new Map(), goods: new Map(), counts: new Map(), involuntary: ZERO };
}

async function movementsByPeriod(
  em: EntityManager,
  ledger: LedgerRelation,
  currency: string,
  periods: readonly MetricPeriod[],
): Promise<Map<number, PeriodMoves>> {
  const rows = await boundRows<{ i: number; kind: string; total: string; goods: string; n: string; involuntary: string }>(
    em,
    `${withItem(ledger, false)}select p.i, m.kind, sum(m.delta) as total, sum(m.goods_delta) as goods,
            count(*) as n, coalesce(sum(m.delta) filter (where m.cause = ?), 0) as involuntary
       from ${PERIODS} join ${ledger.table} m on m.currency = ? and m.at >= p.s and m.at < p.e
      group by p.i, m.kind`,
    [...ledger.params, INVOLUNTARY, periodsJson(periods), currency],
  );
  const out = new Map<number, PeriodMoves>();
  for (const r of rows) {
    const m = out.get(r.i) ?? emptyMoves();
    m.sums.set(r.kind, new Decimal(r.total));
    m.goods.set(r.kind, new Decimal(r.goods));
    m.counts.set(r.kind, Number(r.n));
    m.involuntary = m.involuntary.plus(r.involuntary);
    out.set(r.i, m);
  }
  return out;
}

/** Trials that ended in the period, and how many of them converted (were not canceled before their end). */
async function trialsByPeriod(
  em: EntityManager,
  currency: string,
  periods: readonly MetricPeriod[],
): Promise<Map<number, { ended: number; converted: number }>> {
  const rows = await boundRows<{ i: number; ended: string; converted: string }>(
    em,
    `select p.i, count(*) as ended, count(*) filter (where s.canceled_at is null or s.canceled_at >= s.trial_end) as converted
       from ${PERIODS} join subscription s on s.currency = ? and s.trial_end >= p.s and s.trial_end < p.e
      group by p.i`,
    [periodsJson(periods), currency],
  );
  return new Map(rows.map((r) => [r.i, { ended: Number(r.ended), converted: Number(r.converted) }]));
}

/** Invoices whose dunning began in the period, and how many of them were paid since. */
async function dunningByPeriod(
  em: EntityManager,
  currency: string,
  periods: readonly MetricPeriod[],
): Promise<Map<number, { entered: number; recovered: number }>> {
  const rows = await boundRows<{ i: number; entered: string; recovered: string }>(
    em,
    `select p.i, count(*) as entered, count(*) filter (where i.status = 'PAID') as recovered
       from ${PERIODS} join invoice i on i.first_failed_at >= p.s and i.first_failed_at < p.e and i.currency = ?
      group by p.i`,
    [periodsJson(periods), currency],
  );
  return new Map(rows.map((r) => [r.i, { entered: Number(r.entered), recovered: Number(r.recovered) }]));
}

/** Usage and late-usage adjustment lines of the invoices finalized in the period, before tax. */
async function usageByPeriod(em: EntityManager, currency: string, periods: readonly MetricPeriod[]): Promise<Map<number, Decimal>> {
  const rows = await boundRows<{ i: number; total: string }>(
    em,
    `select p.i, sum(l.amount) as total
       from ${PERIODS} join invoice i on i.finalized_at >= p.s and i.finalized_at < p.e and i.currency = ? and i.status <> 'VOID'
       join invoice_line l on l.invoice_id = i.id and l.kind in ('USAGE', 'ADJUSTMENT')
      group by p.i`,
    [periodsJson(periods), currency],
  );
  return new Map(rows.map((r) => [r.i, new Decimal(r.total)]));
}
