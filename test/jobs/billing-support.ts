import type { FilterQuery } from '@mikro-orm/core';
import { Role } from '../../src/domain/auth/actor';
import { Invoice } from '../../src/domain/invoices/invoice.entity';
import type { ManualClock } from '../../src/domain/shared/clock';
import { UsageEvent } from '../../src/domain/usage/usage-event.entity';
import { BillingRunOptions, BillingRunResult, runBilling } from '../../src/domain/billing/billing-run';
import { Decimal } from '../../src/pricing/decimal';
import type { TestApp } from '../support/app';
import { must } from '../support/catalog';

export const runner = { keyId: 'billing-test', name: 'billing test', role: Role.ADMIN, customerId: null };

/** The job as the CLI calls it, on the test app's database, at `at` (default: the clock's now). */
export function bill(t: TestApp, clock: ManualClock, at?: string, options: Partial<BillingRunOptions> = {}): Promise<BillingRunResult> {
  return runBilling({ fork: () => t.app.db.orm.em.fork(), at: at ? new Date(at) : clock.now(), clock, actor: runner, ...options });
}

export const INVOICE_FIELDS = `id number status currency periodStart periodEnd subtotal tax total amountDue notes createdAt finalizedAt dueAt
  purchaseOrderNumber customer { id } subscription { id }
  lines { kind description priceCode quantity amount tax periodStart periodEnd proration steps purchaseOrderNumber }`;

/** Over GraphQL, as clients see them: a customer's invoices, oldest period first. */
export async function invoicesOf(t: TestApp, customerId: string): Promise<any[]> {
  const data = await must(t, `query($c: ID) { invoices(customerId: $c, first: 20) { edges { node { ${INVOICE_FIELDS} } } } }`, {
    c: customerId,
  });
  const nodes = data.invoices.edges.map((e: any) => e.node);
  return nodes.sort((a: any, b: any) => a.periodStart.localeCompare(b.periodStart) || a.periodEnd.localeCompare(b.periodEnd));
}

export async function upcoming(t: TestApp, subscriptionId: string): Promise<any> {
  return (await must(t, `query($id: ID!) { upcomingInvoice(subscriptionId: $id) { ${INVOICE_FIELDS} } }`, { id: subscriptionId }))
    .upcomingInvoice;
}

/** What upcomingInvoice and the stored invoice must agree on: everything but identity and dates of issue. */
export function billedContent(invoice: any): unknown {
  const { currency, periodStart, periodEnd, subtotal, tax, total, amountDue, notes, lines, customer, subscription, purchaseOrderNumber } =
    invoice;
  return { currency, periodStart, periodEnd, subtotal, tax, total, amountDue, notes, lines, customer, subscription, purchaseOrderNumber };
}

export async function subscribe(t: TestApp, customerId: string, input: Record<string, unknown>): Promise<string> {
  return (
    await must(t, 'mutation($input: CreateSubscriptionInput!) { createSubscription(input: $input) { id } }', {
      input: { customerId, ...input },
    })
  ).createSubscription.id;
}

export async function subscription(t: TestApp, id: string): Promise<any> {
  const fields =
    'status version currentPeriodStart currentPeriodEnd cancelAtPeriodEnd items { priceCode quantity } pendingProrations { amount } scheduledChange { id status } history { type actor }';
  return (await must(t, `query($id: ID!) { subscription(id: $id) { ${fields} } }`, { id })).subscription;
}

/** Usage written as recordUsage stores it (test/graphql/upcoming-invoice.test.ts does the same). */
export async function addUsage(t: TestApp, customerId: string, events: [at: string, value: string][], metric = 'calls'): Promise<void> {
  const em = t.app.db.orm.em.fork();
  for (const [at, value] of events) {
    em.create(UsageEvent, {
      customerId,
      eventId: `${metric}-${at}-${value}-${Math.random()}`,
      metric,
      value: new Decimal(value),
      timestamp: new Date(at),
      receivedAt: new Date(at),
    });
  }
  await em.flush();
}

export async function storedInvoices(t: TestApp, where: FilterQuery<Invoice> = {}): Promise<Invoice[]> {
  return t.app.db.orm.em.fork().find(Invoice, where, { orderBy: { periodStart: 'asc', id: 'asc' } });
}

/** Every finalized number of every year is 1..n with none missing or twice, and n is the series' counter. */
export async function expectGaplessNumbers(t: TestApp): Promise<Map<number, number>> {
  const em = t.app.db.orm.em.fork();
  const numbered = (await em.find(Invoice, { number: { $ne: null } })).map((i) => i.number!);
  const counters = await em.execute<{ year: number; last: number }[]>(`select year, last from invoice_number where series = 'INV'`);
  const byYear = new Map<number, number[]>();
  for (const n of numbered) {
    const m = /^INV-(\d{4})-(\d{6,})$/.exec(n);
    expect(m).not.toBeNull();
    byYear.set(Number(m![1]), [...(byYear.get(Number(m![1])) ?? []), Number(m![2])]);
  }
  const lasts = new Map<number, number>();
  for (const [year, seqs] of byYear) {
    seqs.sort((a, b) => a - b);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    lasts.set(year, seqs.length);
  }
  expect(new Map(counters.map((c) => [Number(c.year), c.last]))).toEqual(lasts);
  return lasts;
}

export function seq(number: string): number {
  return Number(number.split('-')[2]);
}
