import type { EntityManager } from '@mikro-orm/postgresql';
import { createHash } from 'node:crypto';
import { boundRows } from '../../db/bound-query';
import { ZERO } from '../../pricing/decimal';
import { payersOf } from '../customers/customer-hierarchy';
import { collectionTerms, paymentSetupOf } from '../payments/collection-terms';
import { CollectionMethod } from '../subscriptions/subscription.entity';
import type { DraftToIssue } from './invoice-issue';
import type { DraftLine, InvoiceDraft } from './invoice-draft';

/**
 * Company groups on invoices (CONTRACT.md, B2B accounts). A customer billed to its parent never
 * gets an invoice of its own: what it is billed goes on its payer's invoice, each line naming
 * it (and the subscription's location) in its description and in its `customer_id`, and the
 * payer's terms, payment method and draft review apply. The billing run puts everything a payer
 * is billed at one instant on one invoice (consolidated-boundary.ts); an invoice made at another
 * moment (a child's first invoice at sign-up, a proration) is addressed to the payer here, in
 * issueInvoices, whatever path made it.
 */

/** Who consumed a part of a consolidated invoice, as its lines name it. */
export interface Consumer {
  customerId: string;
  subscriptionId: string | null;
  locationId: string | null;
  /** "Plant Lyon" or "Plant Lyon, Dock 3": the prefix of its lines' descriptions; null leaves them as they are (the payer's own). */
  label: string | null;
  /** The purchase order of the subscription its lines bill: each line keeps its own (docs/purchase-orders.md). */
  purchaseOrderNumber: string | null;
}

/** The draft's lines named for their consumer; the amounts are untouched. */
export function linesFor(draft: InvoiceDraft, consumer: Consumer): DraftLine[] {
  return draft.lines.map((l) => ({
    ...l,
    description: consumer.label ? `${consumer.label}: ${l.description}` : l.description,
    consumer: { customerId: consumer.customerId, subscriptionId: consumer.subscriptionId, locationId: consumer.locationId },
    purchaseOrderNumber: consumer.purchaseOrderNumber,
  }));
}

/** Several drafts of one payer and instant as one: lines in the order given, totals summed (tax is per line, PRICING.md). */
export function mergeDrafts(parts: readonly { draft: InvoiceDraft; consumer: Consumer }[]): InvoiceDraft {
  const drafts = parts.map((p) => p.draft);
  const earliest = (dates: Date[]) => new Date(Math.min(...dates.map((d) => d.getTime())));
  const latest = (dates: Date[]) => new Date(Math.max(...dates.map((d) => d.getTime())));
  return {
    currency: drafts[0].currency,
    periodStart: earliest(drafts.map((d) => d.periodStart)),
    periodEnd: latest(drafts.map((d) => d.periodEnd)),
    lines: parts.flatMap((p) => linesFor(p.draft, p.consumer)),
    subtotal: drafts.reduce((sum, d) => sum.plus(d.subtotal), ZERO),
    tax: drafts.reduce((sum, d) => sum.plus(d.tax), ZERO),
    total: drafts.reduce((sum, d) => sum.plus(d.total), ZERO),
    notes: [...new Set(drafts.flatMap((d) => d.notes))],
    onceUses: drafts.flatMap((d) => d.onceUses),
  };
}

/** A consolidated invoice's billing key: its payer, instant, and the set of periods it bills (hashed, as a group can be large). */
export function consolidatedBillingKey(payerId: string, at: Date, partKeys: readonly string[]): string {
  const digest = createHash('sha256')
    .update([...partKeys].sort().join('\n'))
    .digest('hex')
    .slice(0, 32);
  return `${payerId}:${at.toISOString()}:group:${digest}`;
}

/** A consolidated invoice is charged only when every part would be; one part sent makes the whole invoice sent. */
export function consolidatedCollection(methods: readonly CollectionMethod[]): CollectionMethod {
  return methods.every((m) => m === CollectionMethod.CHARGE_AUTOMATICALLY)
    ? CollectionMethod.CHARGE_AUTOMATICALLY
    : CollectionMethod.SEND_INVOICE;
}

interface ConsumerRow {
  customer_id: string;
  customer_name: string;
  location_id: string | null;
  location_name: string | null;
  purchase_order_number: string | null;
}

/** The consumers of these subscriptions (member, location, purchase order), in one statement. */
export async function consumersOf(
  em: EntityManager,
  subscriptionIds: readonly string[],
): Promise<Map<string, Omit<Consumer, 'label'> & { name: string; locationName: string | null }>> {
  const rows = await boundRows<ConsumerRow & { subscription_id: string }>(
    em,
    `select s.id as subscription_id, c.id as customer_id, c.name as customer_name, l.id as location_id, l.name as location_name,
            s.purchase_order_number
       from subscription s join customer c on c.id = s.customer_id left join location l on l.id = s.location_id
      where s.id = any(?::uuid[])`,
    [[...subscriptionIds]],
  );
  return new Map(
    rows.map((r) => [
      r.subscription_id,
      {
        customerId: r.customer_id,
        subscriptionId: r.subscription_id,
        locationId: r.location_id,
        name: r.customer_name,
        locationName: r.location_name,
        purchaseOrderNumber: r.purchase_order_number,
      },
    ]),
  );
}

/** "Plant Lyon, Dock 3" for a member's lines; null for the payer's own (unless at a named location). */
export function consumerLabel(c: { customerId: string; name: string; locationName: string | null }, payerId: string): string | null {
  if (c.customerId === payerId) return c.locationName;
  return c.locationName ? `${c.name}, ${c.locationName}` : c.name;
}

/**
 * issueInvoices' first step: drafts of customers billed to a parent become their payer's, with
 * the payer's terms and draft review; the others pass unchanged. One query when no draft is a
 * group member's (the common case).
 */
export async function addressedToPayers(em: EntityManager, drafts: readonly DraftToIssue[], now: Date): Promise<DraftToIssue[]> {
  if (drafts.length === 0) return [];
  const payers = await payersOf(
    em,
    drafts.map((d) => d.origin.customerId),
  );
  const moved = drafts.filter((d) => payers.get(d.origin.customerId) !== d.origin.customerId);
  if (moved.length === 0) return [...drafts];
  const consumers = await consumersOf(
    em,
    moved.flatMap((d) => (d.origin.subscriptionId ? [d.origin.subscriptionId] : [])),
  );
  const drafting = await boundRows<{ id: string; invoice_drafts: boolean }>(
    em,
    `select id, invoice_drafts from customer where id = any(?::uuid[])`,
    [[...new Set(moved.map((d) => payers.get(d.origin.customerId)!))]],
  );
  const reviews = new Map(drafting.map((r) => [r.id, r.invoice_drafts]));
  const out: DraftToIssue[] = [];
  for (const d of drafts) {
    const payerId = payers.get(d.origin.customerId)!;
    if (payerId === d.origin.customerId) {
      out.push(d);
      continue;
    }
    const found = d.origin.subscriptionId ? consumers.get(d.origin.subscriptionId) : undefined;
    const consumer: Consumer = found
      ? { ...found, label: consumerLabel(found, payerId) }
      : {
          customerId: d.origin.customerId,
          subscriptionId: d.origin.subscriptionId,
          locationId: null,
          label: null,
          purchaseOrderNumber: d.origin.purchaseOrderNumber,
        };
    const draft = { ...d.draft, lines: linesFor(d.draft, consumer) };
    const setup = await paymentSetupOf(em, payerId);
    out.push({
      draft,
      origin: { ...d.origin, customerId: payerId },
      terms: collectionTerms(d.terms.collectionMethod, setup, draft.total, now),
      // The payer reviews its invoices' drafts, or does not: the member's own setting is for invoices it pays itself.
      finalize: !reviews.get(payerId),
    });
  }
  return out;
}
