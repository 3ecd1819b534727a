import type { EntityManager } from '@mikro-orm/postgresql';
import { boundRows } from '../../db/bound-query';
import { ledgerRead } from '../../db/ledger-read';
import { isCurrencyCode } from '../../pricing';
import { Decimal, ZERO } from '../../pricing/decimal';
import { authorize } from '../auth/actor';
import { InvalidInputError } from '../errors';
import type { ServiceContext } from '../shared/service-context';
import { metricPeriods, MetricsInterval } from './metric-periods';
import { mrrFigure } from './mrr-figures';

export enum CltvSegmentBy {
  /** Each price code a subscription has (mrr_subscription_state.items): its plan or add-on. */
  PLAN = 'PLAN',
  /** Each tag a customer has now (customer.tags). */
  TAG = 'TAG',
}

/** One row of customerLifetimeValue; definitions in README (Revenue analytics, CLTV per segment). */
export interface CltvSegment {
  /** The price code or tag; null for the row of all customers. */
  segment: string | null;
  /** Customers with MRR in the segment at `to`. */
  activeCustomers: number;
  /** The segment's MRR at `to`, rounded once. */
  mrr: Decimal;
  /** mrr / activeCustomers at `to`, from the exact sum, rounded once; null without customers. */
  arpa: Decimal | null;
  /** Customers whose MRR in the segment fell to 0 within the window. */
  churnedCustomers: number;
  /** Months of the window with customers in the segment at their start: those that have a churn rate. */
  months: number;
  /** The mean of those months' logo churn rates (churned in the month / active at its start), exact; null without such a month. */
  monthlyChurnRate: Decimal | null;
  /** arpa / monthlyChurnRate from their exact values, rounded once; null when nothing churned (or no one is left). */
  cltv: Decimal | null;
}

/** NEW and REACTIVATION bring a customer back to MRR in a currency, CHURN takes it to 0: customer-level by construction. */
const CUSTOMER_FLIP = "case m.kind when 'CHURN' then -1 when 'NEW' then 1 when 'REACTIVATION' then 1 else 0 end";

/** Per segment row: (seg, at, delta, flip), flip +1 when a customer becomes active in the segment, −1 when it churns from it. */
const SEGMENT_FLIPS: Readonly<Record<CltvSegmentBy, string>> = {
  // A tag takes the customer's whole MRR in the currency, so its flips are the ledger's own kinds.
  [CltvSegmentBy.TAG]: `select t.seg, m.at, m.delta, ${CUSTOMER_FLIP} as flip from mine m
      join customer c on c.id = m.customer_id
      cross join lateral (select distinct x as seg from jsonb_array_elements_text(c.tags) x) t`,
  // A subscription is in the segment of every price it has in its last ledger state (what it is on
  // now, or was on when it ended; a price listed twice counts once). A customer's MRR in the
  // segment is the running sum of its moves there, netted per instant first so that two
  // subscriptions changing together never show a churn and a return that did not happen; grouping
  // and the window share one sort.
  [CltvSegmentBy.PLAN]: `select seg, at, delta,
             case when after - delta <= 0 and after > 0 then 1 when after - delta > 0 and after <= 0 then -1 else 0 end as flip
        from (select p.seg, m.at, sum(m.delta) as delta, sum(sum(m.delta)) over (partition by p.seg, m.customer_id order by m.at) as after
                from mine m
                join mrr_subscription_state s on s.subscription_id = m.subscription_id
                cross join lateral (select distinct e->>'priceCode' as seg from jsonb_array_elements(s.items) e) p
               group by p.seg, m.customer_id, m.at) running`,
};

export class CltvService {
  constructor(private readonly ctx: ServiceContext) {}

  /**
   * Customer lifetime value per segment, as ChartMogul defines LTV (ARPA / customer churn rate),
   * from the revenue ledger alone: a customer's MRR in a segment at an instant is the sum of the
   * deltas of its subscriptions in that segment before it; it is active in the segment while that
   * is above 0 and churns from it when that falls to 0. For all customers and for tags (which
   * take a customer's whole MRR) those are the ledger's own NEW, REACTIVATION and CHURN, as in
   * revenueMetrics; plans need a running sum per customer. One statement, grouped by month.
   */
  async customerLifetimeValue(from: Date, to: Date, currency: string, segmentBy: CltvSegmentBy): Promise<CltvSegment[]> {
    authorize(this.ctx.actor, 'analytics:read');
    if (!isCurrencyCode(currency)) throw new InvalidInputError('currency', 'currency must be an active ISO 4217 currency code such as EUR');
    if (!Object.values(CltvSegmentBy).includes(segmentBy)) throw new InvalidInputError('segmentBy', 'segmentBy must be PLAN or TAG');
    const months = metricPeriods(from, to, MetricsInterval.MONTH);
    const rows = await ledgerRead(this.ctx.em, (em) =>
      segmentBuckets(
        em,
        currency,
        to,
        months.map((m) => m.start),
        segmentBy,
      ),
    );

    // bucket 0: everything before `from`; bucket k: the window's k-th month.
    const bySegment = new Map<string | null, Map<number, Bucket>>();
    for (const r of rows) {
      const buckets = bySegment.get(r.seg) ?? new Map<number, Bucket>();
      buckets.set(r.bucket, { delta: new Decimal(r.delta), net: Number(r.net), churned: Number(r.churned) });
      bySegment.set(r.seg, buckets);
    }
    if (!bySegment.has(null)) bySegment.set(null, new Map());

    const out: CltvSegment[] = [];
    for (const [segment, buckets] of bySegment) {
      const before = buckets.get(0);
      let mrr = before?.delta ?? ZERO;
      let active = before?.net ?? 0;
      let churnedCustomers = 0;
      let rated = 0;
      let rateSum = ZERO;
      for (let k = 1; k <= months.length; k++) {
        const b = buckets.get(k);
        if (active > 0) {
          rated++;
          rateSum = rateSum.plus(new Decimal(b?.churned ?? 0).div(active));
        }
        churnedCustomers += b?.churned ?? 0;
        mrr = mrr.plus(b?.delta ?? ZERO);
        active += b?.net ?? 0;
      }
      const monthlyChurnRate = rated > 0 ? rateSum.div(rated) : null;
      const arpaExact = active > 0 ? mrr.div(active) : null;
      out.push({
        segment,
        activeCustomers: active,
        mrr: mrrFigure(mrr, currency),
        arpa: arpaExact && mrrFigure(arpaExact, currency),
        churnedCustomers,
        months: rated,
        monthlyChurnRate,
        cltv: arpaExact && monthlyChurnRate && !monthlyChurnRate.isZero() ? mrrFigure(arpaExact.div(monthlyChurnRate), currency) : null,
      });
    }
    return out.sort((a, b) =>
      a.segment === null ? -1 : b.segment === null ? 1 : a.segment < b.segment ? -1 : a.segment > b.segment ? 1 : 0,
    );
  }
}

interface Bucket {
  delta: Decimal;
  net: number;
  churned: number;
}

/**
 * Per segment (null: all customers) and bucket (0 before the first month start, k for the k-th
 * month, by width_bucket over the month starts): the exact MRR moved, the net change of active
 * customers and how many churned.
 */
async function segmentBuckets(em: EntityManager, currency: string, to: Date, monthStarts: readonly Date[], segmentBy: CltvSegmentBy) {
  return boundRows<{ seg: string | null; bucket: number; delta: string; net: string; churned: string }>(
    em,
    `with mine as (
       select customer_id, subscription_id, kind, at, delta from mrr_movement where currency = ? and at < ?
     ), flips as (
       select null::text as seg, m.at, m.delta, ${CUSTOMER_FLIP} as flip from mine m
       union all
       ${SEGMENT_FLIPS[segmentBy]}
     )
     select seg, width_bucket(at, ?::timestamptz[]) as bucket, sum(delta) as delta, sum(flip) as net, count(*) filter (where flip = -1) as churned
       from flips group by seg, bucket`,
    [currency, to, monthStarts.map((d) => d.toISOString())],
  );
}
