import { addInterval, periodContaining } from '../../../src/pricing';
import { Decimal } from '../../../src/pricing/decimal';
import { stripeLineAmount } from '../../../src/import/stripe/stripe-billing';
import { Cycle, Json, priceId } from './stripe-fixture-catalog';
import type { Plan } from './stripe-fixtures';
import { stripePriceSchema } from '../../../src/import/stripe/stripe-objects';

/** One generated subscription and its invoices (stripe-fixtures.ts), shaped as the API reference shows them. */

const DAY = 86_400;

export interface SubscriptionSpec {
  id: string;
  customer: string;
  currency: string;
  created: number;
  plan: Plan;
  rate: Json | null;
  sendInvoice: boolean;
  terms: number;
  asOf: number;
  basil: boolean;
  prices: Map<string, Json>;
  random: () => number;
  between: (lo: number, hi: number) => number;
  chance: (p: number) => boolean;
}

const seconds = (d: Date) => Math.floor(d.getTime() / 1000);
const date = (s: number) => new Date(s * 1000);
const interval = (c: Cycle) => (c.interval === 'year' ? 'YEAR' : 'MONTH') as 'YEAR' | 'MONTH';
const count = (c: Cycle) => c.count;

export function subscription(s: SubscriptionSpec): { object: Json; invoices: (nextId: () => string, company: string) => Json[] } {
  const roll = s.random();
  const status = roll < 0.8 ? 'active' : roll < 0.87 ? 'trialing' : roll < 0.91 ? 'past_due' : roll < 0.96 ? 'canceled' : 'active';
  const cancelAtPeriodEnd = status === 'active' && s.chance(0.07);
  let start: number;
  let anchor: number;
  let period: { start: number; end: number };
  let trial: { start: number; end: number } | null = null;
  let endedAt: number | null = null;
  if (status === 'trialing') {
    start = s.asOf - s.between(1, 12) * DAY - s.between(0, DAY - 1);
    anchor = s.asOf + s.between(2, 20) * DAY + s.between(0, DAY - 1);
    trial = { start, end: anchor };
    period = { start, end: anchor };
  } else {
    start = s.created + s.between(0, 20) * DAY;
    anchor = start;
    if (status === 'canceled') endedAt = s.asOf - s.between(1, 30) * DAY;
    const at = endedAt ?? s.asOf;
    let p = periodContaining(date(anchor), interval(s.plan.cycle), count(s.plan.cycle), date(at));
    // A period ending within two days of the dump would end before the import runs.
    while (endedAt === null && seconds(p.end) - s.asOf < 2 * DAY) {
      anchor -= 3 * DAY;
      start = anchor;
      p = periodContaining(date(anchor), interval(s.plan.cycle), count(s.plan.cycle), date(at));
    }
    period = { start: seconds(p.start), end: seconds(p.end) };
  }
  const currency = s.currency;
  const items = s.plan.items.map(([key, range], n) => {
    const price = s.prices.get(priceId(key, currency))!;
    const { tiers: _tiers, ...embedded } = price;
    return {
      id: `si_${s.id.slice(4)}${n}`,
      object: 'subscription_item',
      billing_thresholds: null,
      created: start,
      discounts: [],
      metadata: {},
      plan: null,
      price: embedded,
      ...(range ? { quantity: s.between(range[0], range[1]) } : {}),
      subscription: s.id,
      tax_rates: [],
      ...(s.basil ? { current_period_start: period.start, current_period_end: period.end } : {}),
    };
  });
  const object: Json = {
    id: s.id,
    object: 'subscription',
    application: null,
    application_fee_percent: null,
    automatic_tax: { enabled: false, liability: null },
    billing_cycle_anchor: anchor,
    billing_cycle_anchor_config: null,
    billing_thresholds: null,
    cancel_at: cancelAtPeriodEnd ? period.end : null,
    cancel_at_period_end: cancelAtPeriodEnd,
    canceled_at: endedAt ?? (cancelAtPeriodEnd ? s.asOf - DAY : null),
    cancellation_details: {
      comment: null,
      feedback: cancelAtPeriodEnd || endedAt ? 'too_expensive' : null,
      reason: endedAt ? 'cancellation_requested' : null,
    },
    collection_method: s.sendInvoice ? 'send_invoice' : 'charge_automatically',
    created: start,
    currency,
    ...(s.basil ? {} : { current_period_end: period.end, current_period_start: period.start }),
    customer: s.customer,
    days_until_due: s.sendInvoice ? s.terms : null,
    default_payment_method: null,
    default_source: null,
    default_tax_rates: s.rate ? [s.rate] : [],
    description: null,
    discount: null,
    discounts: [],
    ended_at: endedAt,
    invoice_settings: { account_tax_ids: null, issuer: { type: 'self' } },
    items: { object: 'list', data: items, has_more: false, total_count: items.length, url: `/v1/subscription_items?subscription=${s.id}` },
    latest_invoice: null,
    livemode: false,
    metadata: {},
    next_pending_invoice_item_invoice: null,
    on_behalf_of: null,
    pause_collection: null,
    payment_settings: { payment_method_options: null, payment_method_types: null, save_default_payment_method: 'off' },
    pending_invoice_item_interval: null,
    pending_setup_intent: null,
    pending_update: null,
    schedule: null,
    start_date: start,
    status,
    test_clock: null,
    transfer_data: null,
    trial_end: trial?.end ?? null,
    trial_settings: { end_behavior: { missing_payment_method: 'create_invoice' } },
    trial_start: trial?.start ?? null,
  };
  const invoices = (nextId: () => string, company: string): Json[] => {
    if (status === 'trialing') return [];
    const out: Json[] = [];
    const licensed = items.filter((i) => i.quantity !== undefined);
    const percentage = s.rate && typeof s.rate.percentage === 'number' ? new Decimal(s.rate.percentage) : null;
    const bill = (kind: 'open' | 'paid', from: number, to: number) => {
      const id = nextId();
      const priced = licensed.map((item) => {
        const amount = stripeLineAmount(stripePriceSchema.parse(s.prices.get(String(item.price.id))), item.quantity!);
        const tax = percentage ? amount.times(percentage).div(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber() : 0;
        const line: Json = {
          id: `il_${id.slice(3)}${item.id.slice(-1)}`,
          object: 'line_item',
          amount: amount.toNumber(),
          currency,
          description: `${item.quantity} × ${String(item.price.product)}`,
          discount_amounts: [],
          discountable: true,
          discounts: [],
          livemode: false,
          metadata: {},
          period: { start: from, end: to },
          proration: false,
          quantity: item.quantity,
          type: 'subscription',
          subscription: s.id,
          subscription_item: item.id,
          ...(s.basil
            ? {
                pricing: { price_details: { price: item.price.id, product: item.price.product }, type: 'price_details' },
                taxes: tax ? [{ amount: tax, tax_behavior: 'exclusive', taxability_reason: 'standard_rated' }] : [],
              }
            : { price: item.price, tax_amounts: tax ? [{ amount: tax, inclusive: false, tax_rate: s.rate!.id }] : [] }),
        };
        return { line, amount: amount.toNumber(), tax };
      });
      const lines = priced.map((p) => p.line);
      const subtotal = priced.reduce((sum, p) => sum + p.amount, 0);
      const tax = priced.reduce((sum, p) => sum + p.tax, 0);
      const total = subtotal + tax;
      const finalized = from + 3600;
      const paid = kind === 'paid' ? total : 0;
      out.push({
        id,
        object: 'invoice',
        account_country: 'US',
        account_name: 'Tariff fixtures',
        amount_due: total,
        amount_paid: paid,
        amount_remaining: total - paid,
        amount_shipping: 0,
        attempt_count: kind === 'open' && !s.sendInvoice ? 2 : 1,
        attempted: true,
        auto_advance: kind === 'open',
        billing_reason: 'subscription_cycle',
        collection_method: s.sendInvoice ? 'send_invoice' : 'charge_automatically',
        created: from,
        currency,
        customer: s.customer,
        customer_email: null,
        customer_name: company,
        customer_tax_exempt: 'none',
        default_tax_rates: [],
        description: null,
        discount: null,
        discounts: [],
        due_date: s.sendInvoice ? finalized + s.terms * DAY : null,
        ending_balance: 0,
        hosted_invoice_url: null,
        livemode: false,
        metadata: {},
        next_payment_attempt: null,
        number: `${s.customer.slice(4, 12).toUpperCase()}-${id.slice(3, 9).toUpperCase()}`,
        paid: kind === 'paid',
        period_end: from,
        period_start: from,
        starting_balance: 0,
        status: kind,
        status_transitions: {
          finalized_at: finalized,
          marked_uncollectible_at: null,
          paid_at: kind === 'paid' ? finalized + 60 : null,
          voided_at: null,
        },
        ...(s.basil
          ? { parent: { quote_details: null, subscription_details: { metadata: {}, subscription: s.id }, type: 'subscription_details' } }
          : { subscription: s.id, tax: tax || null }),
        subtotal,
        subtotal_excluding_tax: subtotal,
        total,
        total_discount_amounts: [],
        total_excluding_tax: subtotal,
        lines: { object: 'list', data: lines, has_more: false, total_count: lines.length, url: `/v1/invoices/${id}/lines` },
      });
    };
    const previous = seconds(addInterval(date(period.start), interval(s.plan.cycle), count(s.plan.cycle), -1));
    if (previous >= start && s.chance(0.3)) bill('paid', previous, period.start);
    const owing = status === 'past_due' || (s.sendInvoice && status === 'active' && s.chance(0.3));
    bill(owing ? 'open' : 'paid', period.start, period.end);
    return out;
  };
  return { object, invoices };
}
