import { boundRows } from '../../db/bound-query';
import { ledgerRead } from '../../db/ledger-read';
import { isCurrencyCode } from '../../pricing';
import { Decimal } from '../../pricing/decimal';
import { authorize } from '../auth/actor';
import { InvalidInputError } from '../errors';
import type { ServiceContext } from '../shared/service-context';
import { CustomerGrouping, ledgerRelation, parseGrouping, withItem } from './customer-grouping';
import { metricPeriods, MetricsInterval } from './metric-periods';
import { mrrFigure } from './mrr-figures';
import { MrrMovement } from './mrr-movement.entity';

export interface CohortMonth {
  offset: number;
  customers: number;
  mrr: Decimal;
  logoRetention: Decimal | null;
  revenueRetention: Decimal | null;
}

export interface Cohort {
  month: Date;
  customers: number;
  startMrr: Decimal;
  months: CohortMonth[];
}

const MAX_MOVEMENTS = 100;

export class CohortService {
  constructor(private readonly ctx: ServiceContext) {}

  /**
   * Customers grouped by the month of their first MRR (in this currency) within [from, to), and
   * for each month since, how many still had MRR at its end and how much: logo and revenue
   * retention against the cohort's MRR at the end of its first month. One aggregation of the ledger;
   * each MRR figure rounded once, retention from the exact sums. By PAYER, the members are paying
   * customers (customer-grouping.ts): a payer's cohort is the month of its group's first MRR.
   */
  async cohorts(from: Date, to: Date, currency: string, by?: CustomerGrouping | null): Promise<Cohort[]> {
    authorize(this.ctx.actor, 'analytics:read');
    if (!isCurrencyCode(currency)) throw new InvalidInputError('currency', 'an ISO 4217 currency code');
    const months = metricPeriods(from, to, MetricsInterval.MONTH);
    const ledger = ledgerRelation(parseGrouping(by), currency);
    const rows = await ledgerRead(this.ctx.em, (em) =>
      boundRows<{ cohort: number; offset: number; customers: string; mrr: string }>(
        em,
        // Members' movements summed per cohort and month, then run up per cohort: a member has MRR at a
        // month's end iff its NEW and REACTIVATION outnumber its CHURN by then (kinds are per customer).
        `${withItem(ledger, true)}p as (select * from jsonb_to_recordset(?::jsonb) as p(i int, s timestamptz, e timestamptz)),
            firsts as (select customer_id, min(at) as first_at from ${ledger.table} where currency = ? and kind = 'NEW' group by customer_id),
            members as (select f.customer_id, p.i as cohort from firsts f join p on f.first_at >= p.s and f.first_at < p.e),
            monthly as (select m.cohort, p.i as month, sum(x.delta) as delta,
                               sum(case x.kind when 'NEW' then 1 when 'REACTIVATION' then 1 when 'CHURN' then -1 else 0 end) as logos
                          from members m join ${ledger.table} x on x.customer_id = m.customer_id and x.currency = ?
                          join p on x.at >= p.s and x.at < p.e
                         group by m.cohort, p.i),
            grid as (select c.cohort, p.i as month from (select distinct cohort from members) c join p on p.i >= c.cohort)
       select g.cohort, g.month - g.cohort as offset,
              sum(coalesce(mo.logos, 0)) over w as customers, sum(coalesce(mo.delta, 0)) over w as mrr
         from grid g left join monthly mo on mo.cohort = g.cohort and mo.month = g.month
       window w as (partition by g.cohort order by g.month)
        order by g.cohort, g.month`,
        [...ledger.params, JSON.stringify(months.map((m) => ({ i: m.index, s: m.start, e: m.end }))), currency, currency],
      ),
    );
    const cohorts = new Map<number, Cohort & { exactStart: Decimal }>();
    for (const r of rows) {
      let cohort = cohorts.get(r.cohort);
      const mrr = new Decimal(r.mrr);
      if (!cohort) {
        cohort = {
          month: months[r.cohort].start,
          customers: Number(r.customers),
          startMrr: mrrFigure(mrr, currency),
          exactStart: mrr,
          months: [],
        };
        cohorts.set(r.cohort, cohort);
      }
      const ratio = (part: Decimal, whole: Decimal) => (whole.isZero() ? null : part.div(whole).toDecimalPlaces(4, Decimal.ROUND_HALF_UP));
      cohort.months.push({
        offset: r.offset,
        customers: Number(r.customers),
        mrr: mrrFigure(mrr, currency),
        logoRetention: ratio(new Decimal(r.customers), new Decimal(cohort.customers)),
        revenueRetention: ratio(mrr, cohort.exactStart),
      });
    }
    return [...cohorts.values()].map(({ exactStart: _exact, ...cohort }) => cohort);
  }

  /** The largest movements of [from, to) by size, for "what moved revenue" lists. */
  async largestMovements(from: Date, to: Date, currency: string, first: number | null | undefined): Promise<MrrMovement[]> {
    authorize(this.ctx.actor, 'analytics:read');
    const limit = first ?? 10;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_MOVEMENTS)
      throw new InvalidInputError('first', `first must be between 1 and ${MAX_MOVEMENTS}`);
    if (to.getTime() <= from.getTime()) throw new InvalidInputError('to', 'to must be after from');
    const rows = await boundRows<{ id: string }>(
      this.ctx.em,
      'select id from mrr_movement where currency = ? and at >= ? and at < ? order by abs(delta) desc, at, id limit ?',
      [currency, from, to, limit],
    );
    const found = await this.ctx.em.find(MrrMovement, { id: { $in: rows.map((r) => r.id) } });
    const byId = new Map(found.map((m) => [m.id, m]));
    return rows.map((r) => byId.get(r.id)!);
  }
}
