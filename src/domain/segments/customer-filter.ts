import type { EntityManager } from '@mikro-orm/postgresql';
import { boundRows } from '../../db/bound-query';
import { minorUnits } from '../../pricing/currency';
import type { Decimal } from '../../pricing/decimal';
import { exposureSql } from '../customers/credit-exposure';
import { Customer } from '../customers/customer.entity';
import { billedThroughSql } from '../customers/customer-hierarchy';
import { InvalidInputError } from '../errors';
import { decodeCursor, Page, pageSize, toPage } from '../shared/pagination';
import { requireAtMost, requireCode, requireCurrency } from '../shared/validate';
import { SubscriptionStatus } from '../subscriptions/subscription.entity';
import { parseTags } from './customer-segment-fields';

/** `customers(filter:)`: every criterion given must hold (README, Segments and lifecycle signals). */
export interface CustomerFilter {
  /** Has a live subscription (any status but CANCELED, or one of `subscriptionStatus`) with an item of one of these prices. */
  planPriceCodes?: readonly string[] | null;
  /** Has a subscription in one of these statuses. */
  subscriptionStatus?: readonly SubscriptionStatus[] | null;
  /** Current MRR in `currency` (the revenue ledger's sum, rounded to the currency's minor unit), inclusive. */
  mrrMin?: Decimal | null;
  mrrMax?: Decimal | null;
  currency?: string | null;
  /** The MRR range compares the MRR of everything billed through the customer (customer-hierarchy.ts), not its own only. */
  mrrRollUp?: boolean | null;
  /** Whole days since the customer's first subscription started, inclusive. */
  tenureMinDays?: number | null;
  tenureMaxDays?: number | null;
  /** Has every one of these tags. */
  tags?: readonly string[] | null;
  /** true: has a credit limit and its creditExposure is above it; false: has none, or is within it. */
  overCreditLimit?: boolean | null;
}

export interface FilteredListArgs {
  first?: number | null;
  after?: string | null;
  /** Already checked: part of the name or e-mail. */
  search: string | null;
  filter: CustomerFilter;
  /** A CUSTOMER key's own customer, or null for every customer. */
  scope: string | null;
  /** The request's time; a test-clock customer's tenure and MRR are read at its clock's time. */
  now: Date;
}

const MAX_PRICE_CODES = 50;
const MAX_TENURE_DAYS = 36_500;
const DAY_SECONDS = 86_400;

/**
 * One statement, keyset-paginated exactly as the unfiltered list ((createdAt, id), oldest first):
 * each criterion is an EXISTS or a correlated aggregate over an index keyed by customer
 * (subscription by customer, mrr_movement by (customer, at), the GIN index on tags), so a page
 * costs the customers scanned to fill it: a few dozen for a common criterion, every customer for
 * one that almost nobody meets (README gives the figures).
 */
export async function listCustomersByFilter(em: EntityManager, args: FilteredListArgs): Promise<Page<Customer>> {
  const size = pageSize(args.first);
  const f = parseFilter(args.filter);
  // Fragments in statement order, each with its own parameters.
  const joins: Fragment[] = [];
  const where: Fragment[] = [];
  // The customer's own "now": its test clock's frozen time, else the request's.
  const now = 'coalesce(tc.frozen_time, ?::timestamptz)';
  const at = args.now.toISOString();

  if (args.after) {
    const k = decodeCursor(args.after);
    where.push(['(c.created_at, c.id) > (?::timestamptz, ?::uuid)', [k.createdAt.toISOString(), k.id]]);
  }
  if (args.scope !== null) where.push(['c.id = ?::uuid', [args.scope]]);
  if (args.search) {
    const pattern = `%${args.search.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    where.push(['(c.name ilike ? or c.email ilike ?)', [pattern, pattern]]);
  }
  if (f.tags) where.push(['c.tags @> ?::jsonb', [JSON.stringify(f.tags)]]);
  // The figure creditExposure shows, by the same SQL; a customer without a limit is never over it.
  if (args.filter.overCreditLimit != null) {
    const over = `(c.credit_limit is not null and ${exposureSql('c.id')} > c.credit_limit)`;
    where.push([args.filter.overCreditLimit ? over : `not ${over}`, []]);
  }
  if (f.planPriceCodes || f.statuses) {
    const status: Fragment = f.statuses ? ['s.status = any(?::subscription_status[])', [f.statuses]] : [`s.status <> 'CANCELED'`, []];
    const item: Fragment = f.planPriceCodes
      ? [
          ' and exists (select 1 from subscription_item i where i.subscription_id = s.id and i.price_code = any(?::text[]))',
          [f.planPriceCodes],
        ]
      : ['', []];
    where.push([`exists (select 1 from subscription s where s.customer_id = c.id and ${status[0]}${item[0]})`, [...status[1], ...item[1]]]);
  }
  if (f.mrr) {
    // As every MRR figure: the exact ledger sum rounded once to the minor unit (CONTRACT.md), as
    // mrrFigure does (mrr-figures.ts): snapped to 20 decimals, then half-up (round() on numeric).
    const whose = f.mrr.rollUp ? `m.customer_id in ${billedThroughSql('c.id')}` : 'm.customer_id = c.id';
    const mrr = `round(round(coalesce((select sum(m.delta) from mrr_movement m where ${whose} and m.currency = ? and m.at <= ${now}), 0), 20), ${f.mrr.digits})`;
    const { min, max } = f.mrr;
    if (min !== null && max !== null)
      where.push([`${mrr} between ?::numeric and ?::numeric`, [f.mrr.currency, at, min.toFixed(), max.toFixed()]]);
    else if (min !== null) where.push([`${mrr} >= ?::numeric`, [f.mrr.currency, at, min.toFixed()]]);
    else where.push([`${mrr} <= ?::numeric`, [f.mrr.currency, at, max!.toFixed()]]);
  }
  if (f.tenure) {
    // A subscription counts from its start once it has started; one canceled before it began never did.
    joins.push([
      `cross join lateral (
         select min(s.starts_at) as first_started_at from subscription s
          where s.customer_id = c.id and s.status <> 'INCOMPLETE' and s.starts_at <= ${now} and (s.canceled_at is null or s.canceled_at > s.starts_at)
       ) tenure`,
      [at],
    ]);
    where.push([
      `floor(extract(epoch from (${now} - tenure.first_started_at)) / ${DAY_SECONDS}) between ? and ?`,
      [at, f.tenure.min, f.tenure.max],
    ]);
  }
  const rows = await boundRows<Record<string, unknown>>(
    em,
    `select c.* from customer c
       left join test_clock tc on tc.id = c.test_clock_id
       ${joins.map((j) => j[0]).join('\n')}
      ${where.length ? `where ${where.map((w) => w[0]).join(' and ')}` : ''}
      order by c.created_at, c.id
      limit ?`,
    [...joins.flatMap((j) => j[1]), ...where.flatMap((w) => w[1]), size + 1],
  );
  return toPage(
    rows.map((row) => em.map(Customer, row)),
    size,
  );
}

type Fragment = [sql: string, params: unknown[]];

interface ParsedFilter {
  planPriceCodes: string[] | null;
  statuses: SubscriptionStatus[] | null;
  mrr: { currency: string; digits: number; min: Decimal | null; max: Decimal | null; rollUp: boolean } | null;
  tenure: { min: number; max: number } | null;
  tags: string[] | null;
}

function parseFilter(filter: CustomerFilter): ParsedFilter {
  const codes =
    filter.planPriceCodes == null
      ? null
      : nonEmpty(requireAtMost(filter.planPriceCodes, MAX_PRICE_CODES, 'filter.planPriceCodes'), 'filter.planPriceCodes');
  const statuses = filter.subscriptionStatus == null ? null : nonEmpty(filter.subscriptionStatus, 'filter.subscriptionStatus');
  const tags = filter.tags == null ? null : nonEmpty(parseTags(filter.tags, 'filter.tags'), 'filter.tags');
  return {
    planPriceCodes: codes && [...new Set(codes.map((c, i) => requireCode(c, `filter.planPriceCodes[${i}]`)))],
    statuses: statuses && [...new Set(statuses)],
    mrr: parseMrr(filter),
    tenure: parseTenure(filter),
    tags,
  };
}

function nonEmpty<T>(list: readonly T[], field: string): T[] {
  if (list.length === 0) throw new InvalidInputError(field, 'name at least one, or leave the criterion out');
  return [...list];
}

function parseMrr(filter: CustomerFilter): ParsedFilter['mrr'] {
  const min = filter.mrrMin ?? null;
  const max = filter.mrrMax ?? null;
  if (min === null && max === null) {
    if (filter.currency != null)
      throw new InvalidInputError('filter.currency', 'currency is the currency of mrrMin and mrrMax: give at least one of them');
    if (filter.mrrRollUp)
      throw new InvalidInputError('filter.mrrRollUp', 'mrrRollUp applies to mrrMin and mrrMax: give at least one of them');
    return null;
  }
  if (filter.currency == null) throw new InvalidInputError('filter.currency', 'an MRR range needs its currency: MRR is per currency');
  const currency = requireCurrency(filter.currency, 'filter.currency');
  if (min !== null && max !== null && min.gt(max)) throw new InvalidInputError('filter.mrrMax', 'mrrMax must not be below mrrMin');
  return { currency, digits: minorUnits(currency, 'filter.currency'), min, max, rollUp: filter.mrrRollUp === true };
}

function parseTenure(filter: CustomerFilter): ParsedFilter['tenure'] {
  const min = filter.tenureMinDays ?? null;
  const max = filter.tenureMaxDays ?? null;
  if (min === null && max === null) return null;
  for (const [value, field] of [
    [min, 'filter.tenureMinDays'],
    [max, 'filter.tenureMaxDays'],
  ] as const) {
    if (value !== null && (!Number.isInteger(value) || value < 0 || value > MAX_TENURE_DAYS)) {
      throw new InvalidInputError(field, `a whole number of days from 0 to ${MAX_TENURE_DAYS}`);
    }
  }
  if (min !== null && max !== null && min > max)
    throw new InvalidInputError('filter.tenureMaxDays', 'tenureMaxDays must not be below tenureMinDays');
  return { min: min ?? 0, max: max ?? MAX_TENURE_DAYS };
}
