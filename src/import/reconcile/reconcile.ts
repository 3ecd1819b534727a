import type { EntityManager } from '@mikro-orm/postgresql';
import { boundRows } from '../../db/bound-query';
import type { Actor } from '../../domain/auth/actor';
import type { Clock } from '../../domain/shared/clock';
import { formatMoney } from '../../pricing';
import { Decimal, ZERO } from '../../pricing/decimal';
import type { RunBook } from '../import-run';
import { importedSubscriptions } from '../imported-records';
import { forEachRecord } from './record-loop';
import type { DumpScan } from '../stripe/scan-dump';
import { STRIPE } from '../stripe/stripe-system';
import { addShare, StripeMrrShare, stripeMrrFigure } from '../stripe/stripe-billing';
import { tariffMrr } from './tariff-mrr';
import type { TariffNextInvoice } from './tariff-next-invoice';
import { tariffNextInvoices } from './tariff-next-invoices';

export interface Difference {
  what: 'customers' | 'subscriptions' | 'mrr' | 'open_invoices' | 'next_invoice' | 'missing' | 'not_in_dump';
  id?: string;
  currency?: string;
  stripe: string;
  tariff: string;
  /** Why, when the run knows (a record's rejection). */
  note?: string;
}

export interface CurrencyFigures {
  currency: string;
  stripeMrr: string;
  tariffMrr: string;
  stripeOpenInvoices: number;
  tariffOpenInvoices: number;
  stripeAmountOwed: string;
  tariffAmountOwed: string;
}

export interface Reconciliation {
  clean: boolean;
  at: string;
  customers: { stripe: number; tariff: number };
  subscriptions: { stripe: number; tariff: number };
  currencies: CurrencyFigures[];
  nextInvoices: { compared: number; matching: number };
  differences: Difference[];
}

export interface ReconcileInput {
  fork: () => EntityManager;
  /** Reads revenueMetrics (analytics:read). */
  actor: Actor;
  clock: Clock;
  scan: DumpScan;
  book: RunBook;
  concurrency: number;
}

/**
 * Stripe's figures, computed from the dump alone (scan-dump.ts, stripe-billing.ts), against
 * Tariff's, read back from the database: customers and subscriptions counted on both sides, MRR
 * per currency (revenueMetrics: tariff-mrr.ts) and open invoices, and each subscription's next
 * invoice (date and total) as upcomingInvoice computes it. Every difference is listed; clean means there is none.
 */
export async function reconcile(input: ReconcileInput): Promise<Reconciliation> {
  const { book } = input;
  const source = input.scan.source;
  const at = input.clock.now();
  const differences: Difference[] = [];
  const imported = await importedSubscriptions(input.fork());
  const tariff = new Map<string, TariffNextInvoice>();
  const stripeIdOf = new Map([...imported].map(([stripeId, sub]) => [sub.id, stripeId]));
  await forEachRecord(
    pages([...stripeIdOf.keys()], PAGE),
    input.concurrency,
    () => null,
    async (page) => {
      for (const next of await tariffNextInvoices(input.fork(), page)) tariff.set(stripeIdOf.get(next.subscriptionId)!, next);
    },
  );

  let compared = 0;
  let matching = 0;
  for (const [stripeId, stripe] of source.subscriptions) {
    const ours = tariff.get(stripeId);
    if (!ours) {
      differences.push({ what: 'missing', id: stripeId, stripe: stripe.status, tariff: 'not imported', note: book.reasons.get(stripeId) });
      continue;
    }
    compared++;
    const stripeNext = describe(stripe.next.at, stripe.next.total, stripe.currency);
    const tariffNext = describe(ours.at, ours.total, ours.currency);
    if (stripeNext === tariffNext) matching++;
    else differences.push({ what: 'next_invoice', id: stripeId, currency: stripe.currency, stripe: stripeNext, tariff: tariffNext });
  }
  for (const stripeId of imported.keys()) {
    if (!source.subscriptions.has(stripeId))
      differences.push({ what: 'not_in_dump', id: stripeId, stripe: 'not in the dump', tariff: 'imported' });
  }

  const linked = new Set(
    (await boundRows<{ id: string }>(input.fork(), 'select external_id as id from customer_external_id where system = ?', [STRIPE])).map(
      (r) => r.id,
    ),
  );
  const customers = linked.size;
  if (customers !== source.customers.size)
    differences.push({ what: 'customers', stripe: String(source.customers.size), tariff: String(customers) });
  for (const id of source.customers.keys())
    if (!linked.has(id)) differences.push({ what: 'missing', id, stripe: 'customer', tariff: 'not imported', note: book.reasons.get(id) });
  for (const id of linked)
    if (!source.customers.has(id)) differences.push({ what: 'not_in_dump', id, stripe: 'not in the dump', tariff: 'imported customer' });
  if (imported.size !== source.subscriptions.size)
    differences.push({ what: 'subscriptions', stripe: String(source.subscriptions.size), tariff: String(imported.size) });

  const currencies = await perCurrency(input, at, differences);
  return {
    clean: differences.length === 0,
    at: at.toISOString(),
    customers: { stripe: source.customers.size, tariff: customers },
    subscriptions: { stripe: source.subscriptions.size, tariff: imported.size },
    currencies,
    nextInvoices: { compared, matching },
    differences,
  };
}

const PAGE = 1000;

async function* pages<T>(list: readonly T[], size: number): AsyncGenerator<T[]> {
  for (let i = 0; i < list.length; i += size) yield list.slice(i, i + size);
}

/** "2027-03-01T00:00:00.000Z 119.00", "none", or the date with "unknown" when a price is not in the dump. */
function describe(at: Date | null, total: Decimal | null, currency: string): string {
  if (at === null) return 'none';
  return `${at.toISOString()} ${total === null ? 'unknown' : formatMoney(total, currency)}`;
}

async function perCurrency(input: ReconcileInput, at: Date, differences: Difference[]): Promise<CurrencyFigures[]> {
  const stripeMrr = new Map<string, StripeMrrShare>();
  for (const [id, sub] of input.scan.source.subscriptions) {
    if (sub.mrr === null) {
      differences.push({ what: 'mrr', id, currency: sub.currency, stripe: 'unknown (a price is not in prices.jsonl)', tariff: '-' });
      continue;
    }
    const total = stripeMrr.get(sub.currency) ?? new Map();
    addShare(total, sub.mrr);
    stripeMrr.set(sub.currency, total);
  }
  const tariffMrrs = await tariffMrr(input.fork(), input.actor, at, stripeMrr.keys());
  const openRows = await boundRows<{ currency: string; count: number; owed: string }>(
    input.fork(),
    `select i.currency, count(*)::int as count, sum(i.amount_due - i.amount_paid)::text as owed
       from invoice_external_id e join invoice i on i.id = e.invoice_id
      where e.system = ? and i.status = 'OPEN' group by i.currency`,
    [STRIPE],
  );
  const open = new Map(openRows.map((r) => [r.currency, { count: r.count, owed: new Decimal(r.owed) }]));
  const codes = [...new Set([...stripeMrr.keys(), ...tariffMrrs.keys(), ...input.scan.source.openInvoices.keys(), ...open.keys()])].sort();
  return codes.map((currency) => {
    const sMrr = formatMoney(stripeMrrFigure(stripeMrr.get(currency) ?? new Map(), currency), currency);
    const tMrr = formatMoney(tariffMrrs.get(currency) ?? ZERO, currency);
    if (sMrr !== tMrr) differences.push({ what: 'mrr', currency, stripe: sMrr, tariff: tMrr });
    const sOpen = input.scan.source.openInvoices.get(currency) ?? { count: 0, remaining: ZERO };
    const tOpen = open.get(currency) ?? { count: 0, owed: ZERO };
    const sOwed = formatMoney(sOpen.remaining, currency);
    const tOwed = formatMoney(tOpen.owed, currency);
    if (sOpen.count !== tOpen.count || sOwed !== tOwed) {
      differences.push({
        what: 'open_invoices',
        currency,
        stripe: `${sOpen.count} owing ${sOwed}`,
        tariff: `${tOpen.count} owing ${tOwed}`,
      });
    }
    return {
      currency,
      stripeMrr: sMrr,
      tariffMrr: tMrr,
      stripeOpenInvoices: sOpen.count,
      tariffOpenInvoices: tOpen.count,
      stripeAmountOwed: sOwed,
      tariffAmountOwed: tOwed,
    };
  });
}
