import { MAX_GROUP_DEPTH } from '../customers/customer-hierarchy';
import { InvalidInputError } from '../errors';

/** Who a customer counts as in customer counts, ARPA, logo churn and cohorts (docs/company-groups.md, Roll-up). */
export enum CustomerGrouping {
  /** Each customer on its own, as the ledger classified its movements. */
  CUSTOMER = 'CUSTOMER',
  /** Each customer as its payer today: a group member billed to its parent counts as that parent. */
  PAYER = 'PAYER',
}

export function parseGrouping(by: CustomerGrouping | null | undefined): CustomerGrouping {
  if (by == null) return CustomerGrouping.CUSTOMER;
  if (!Object.values(CustomerGrouping).includes(by)) throw new InvalidInputError('by', 'by must be CUSTOMER or PAYER');
  return by;
}

/**
 * The ledger as a report reads it: a relation with mrr_movement's columns (customer_id, currency,
 * kind, delta, goods_delta, cause, at), and the WITH item that defines it, if any, whose parameters come
 * before the statement's own.
 */
export interface LedgerRelation {
  table: string;
  with: string | null;
  params: unknown[];
}

/**
 * By CUSTOMER, the ledger itself. By PAYER, its movements in `currency` with customer_id replaced
 * by the customer's payer as the groups are now (the payersOf walk, customer-hierarchy.ts), and
 * kinds classified again per payer from the ledger's per-customer kinds:
 *
 * - a member's NEW or REACTIVATION is the payer's EXPANSION while the payer's other members have MRR;
 * - a member's CHURN is the payer's CONTRACTION while they still have some;
 * - a member's NEW is the payer's REACTIVATION when the payer had MRR before;
 * - EXPANSION and CONTRACTION stay (the member had MRR before and after, so the payer did).
 *
 * "The other members' MRR" at a movement is the payer's running sum less the member's own, with
 * members moving at one instant taken one after another in id order, as the projection takes a
 * customer's subscriptions one after another: two members starting together make one NEW and one
 * EXPANSION, never two NEWs. For a customer that is its own payer and pays for no one the other
 * members' MRR is always 0, so its kinds are the ledger's exactly. Deltas are untouched: every
 * MRR sum is the same either way.
 */
export function ledgerRelation(by: CustomerGrouping, currency: string): LedgerRelation {
  if (by === CustomerGrouping.CUSTOMER) return { table: 'mrr_movement', with: null, params: [] };
  return {
    table: 'payer_movement',
    with: `payer_movement as (
      with recursive up(start_id, id, parent_id, invoice_to, depth) as (
        select c.id, c.id, c.parent_id, c.invoice_to, 1 from customer c where c.invoice_to = 'PARENT'
        union all
        select up.start_id, p.id, p.parent_id, p.invoice_to, up.depth + 1
          from up join customer p on p.id = up.parent_id
         where up.invoice_to = 'PARENT' and up.depth <= ${MAX_GROUP_DEPTH}
      ),
      payer as (select start_id, id as payer_id from up where invoice_to = 'SELF' or parent_id is null),
      grouped as (select start_id as customer_id, payer_id from payer union select payer_id, payer_id from payer),
      moved as (
        select m.*, g.payer_id from mrr_movement m join grouped g on g.customer_id = m.customer_id where m.currency = ?
      ),
      steps as (select payer_id, customer_id, at, sum(delta) as net from moved group by payer_id, customer_id, at),
      placed as (
        select payer_id, customer_id, at,
               coalesce(sum(net) over (partition by payer_id order by at, customer_id rows between unbounded preceding and 1 preceding), 0)
                 - coalesce(sum(net) over (partition by customer_id order by at rows between unbounded preceding and 1 preceding), 0) as others,
               row_number() over (partition by payer_id order by at, customer_id) as position
          from steps
      )
      select m.id, m.payer_id as customer_id, m.subscription_id, m.currency, m.delta, m.goods_delta, m.mrr_after, m.cause, m.at,
             (case
                when m.kind in ('NEW', 'REACTIVATION') and s.others > 0 then 'EXPANSION'
                when m.kind = 'CHURN' and s.others > 0 then 'CONTRACTION'
                when m.kind = 'NEW' and s.position > 1 then 'REACTIVATION'
                else m.kind::text
              end)::mrr_movement_kind as kind
        from moved m join placed s on s.payer_id = m.payer_id and s.customer_id = m.customer_id and s.at = m.at
      union all
      -- Customers in no paying group keep their rows as they are; only groups need the running sums.
      select m.id, m.customer_id, m.subscription_id, m.currency, m.delta, m.goods_delta, m.mrr_after, m.cause, m.at, m.kind
        from mrr_movement m
       where m.currency = ? and not exists (select 1 from grouped g where g.customer_id = m.customer_id)
    )`,
    params: [currency, currency],
  };
}

/** `with <item>, ` (or nothing) to put before a statement's own WITH items or its select. */
export function withItem(relation: LedgerRelation, more: boolean): string {
  if (relation.with === null) return more ? 'with ' : '';
  return `with ${relation.with}${more ? ',' : ''} `;
}
