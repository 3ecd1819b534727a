import { BillingInterval } from '../../src/domain/catalog/price.entity';
import type { Customer } from '../../src/domain/customers/customer.entity';
import { TaxStatus } from '../../src/domain/customers/customer.entity';
import type { CreateCustomerInput } from '../../src/domain/customers/customer.service';
import type { Invoice } from '../../src/domain/invoices/invoice.entity';
import { CollectionMethod } from '../../src/domain/subscriptions/subscription.entity';
import { Decimal } from '../../src/pricing/decimal';
import type { DomainHarness } from './domain';

let seq = 0;

/** A customer made through CustomerService (ADMIN): EUR and exempt unless told otherwise. */
export function makeCustomer(h: DomainHarness, over: Partial<CreateCustomerInput> = {}): Promise<Customer> {
  seq += 1;
  return h
    .as()
    .customers.create({ name: `Customer ${seq}`, email: `c${seq}@example.test`, currency: 'EUR', taxStatus: TaxStatus.EXEMPT, ...over });
}

/** A product and one monthly price on it (EUR unless told otherwise), through the catalog services. */
export async function makePrice(
  h: DomainHarness,
  code: string,
  rule: { kind: string; config: Record<string, unknown> },
  over: { currency?: string; interval?: BillingInterval; intervalCount?: number } = {},
): Promise<void> {
  const admin = h.as();
  if (!(await admin.products.get('product'))) await admin.products.create({ code: 'product', name: 'Product' });
  await admin.prices.create({
    code,
    productCode: 'product',
    currency: over.currency ?? 'EUR',
    interval: over.interval ?? BillingInterval.MONTH,
    intervalCount: over.intervalCount,
    rule,
  });
}

export const dec = (value: string) => new Decimal(value);

/**
 * An OPEN invoice: a subscription starting now (SEND_INVOICE, so nothing is charged) invoices
 * its first period at once. Returns the invoice with its lines, in the items' order.
 */
export async function openInvoice(
  h: DomainHarness,
  customer: Customer,
  items: { priceCode: string; quantity: string }[],
): Promise<Invoice> {
  const sub = await h.as().subscriptions.create({
    customerId: customer.id,
    items: items.map((i) => ({ priceCode: i.priceCode, quantity: dec(i.quantity) })),
    collection: CollectionMethod.SEND_INVOICE,
  });
  const invoices = (await h.as().invoices.list({ customerId: customer.id, first: 100 })).nodes.filter((i) => i.subscription?.id === sub.id);
  if (invoices.length !== 1) throw new Error(`expected one invoice for subscription ${sub.id}, found ${invoices.length}`);
  return invoices[0];
}

/** A subscription's pending prorations, oldest first, as [priceCode, amount] (what its next invoice will carry). */
export async function pendingProrations(h: DomainHarness, subscriptionId: string): Promise<[string, string][]> {
  const rows = await h.sql<{ price_code: string; amount: string }>(
    'select price_code, amount::text as amount from pending_proration where subscription_id = ? order by created_at, amount',
    [subscriptionId],
  );
  return rows.map((r) => [r.price_code, new Decimal(r.amount).toFixed(2)]);
}

/** The invoices of one subscription, oldest first, lines included. */
export async function invoicesOf(h: DomainHarness, customer: Customer, subscriptionId: string): Promise<Invoice[]> {
  return (await h.as().invoices.list({ customerId: customer.id, first: 100 })).nodes.filter((i) => i.subscription?.id === subscriptionId);
}
