import type { EntityManager } from '@mikro-orm/postgresql';
import { boundRows } from '../../db/bound-query';
import { Customer } from '../../domain/customers/customer.entity';
import { emitEvents } from '../../domain/events/emit-event';
import { customerEvent } from '../../domain/events/event-payloads';
import { importTransaction } from './import-transaction';
import type { MappedCustomer } from '../map/map-customer';
import { DiscountToWrite, insertDiscounts, lockCoupons } from './write-discount';
import { stableId } from '../map/stable-id';
import { STRIPE } from '../stripe/stripe-system';

/** A customer to write, with its discount checked against the imported coupons. */
export interface CustomerToWrite {
  customer: MappedCustomer;
  discount: DiscountToWrite | null;
}

/**
 * Customers in one transaction: the rows (metadata included), their STRIPE external ids, their
 * discounts and their `customer.imported` events (then the discounts'), each customer whole. The fields were validated by mapCustomer with createCustomer's
 * own checks; the rows go in as one statement because a book has hundreds of thousands of them.
 * A customer whose external id is already held is left out, so a record is imported at most once
 * whatever ran before. Returns the Stripe ids written.
 */
export async function writeCustomers(em: EntityManager, records: readonly CustomerToWrite[], now: Date): Promise<Set<string>> {
  const customers = records.map((r) => r.customer);
  return importTransaction(em, async (tx) => {
    await lockCoupons(
      tx,
      records.map((r) => r.discount),
    );
    const rows = customers.map((c) => ({
      id: c.id,
      stripe_id: c.stripeId,
      xid: stableId('customer_external_id', c.stripeId),
      name: c.name,
      email: c.email,
      currency: c.currency,
      tax_status: c.taxStatus,
      tax_rate: c.taxRate?.toFixed() ?? null,
      terms: c.paymentTermsDays,
      terms_eom: c.paymentTermsEndOfMonth,
      metadata: c.metadata,
      created_at: c.createdAt ?? now,
      billing_address: c.billingAddress,
      vat_id: c.vatId,
    }));
    const created = await boundRows<{ stripe_id: string }>(
      tx,
      `with fresh as materialized (
              select x.* from jsonb_to_recordset(?::jsonb) as x(id uuid, stripe_id text, xid uuid, name text, email text, currency text, tax_status text,
                                                                tax_rate numeric, terms int, terms_eom boolean, metadata jsonb, created_at timestamptz,
                                                                billing_address jsonb, vat_id text)
               where not exists (select 1 from customer_external_id e where e.system = ? and e.external_id = x.stripe_id)),
            c as (insert into customer (id, name, email, currency, tax_status, tax_rate, billing_address, vat_id, invoice_drafts, payment_terms_days, payment_terms_end_of_month, metadata, created_at, updated_at)
                  select id, name, email, currency, tax_status::tax_status, tax_rate, billing_address, vat_id, false, terms, terms_eom, metadata, created_at, ? from fresh returning id),
            x as (insert into customer_external_id (id, customer_id, system, external_id) select xid, id, ?, stripe_id from fresh returning 1)
       select f.stripe_id from fresh f join c on c.id = f.id`,
      [JSON.stringify(rows), STRIPE, now, STRIPE],
    );
    const ids = new Set(created.map((r) => r.stripe_id));
    const discountEvents = await insertDiscounts(
      tx,
      records.flatMap((r) => (r.discount && ids.has(r.customer.stripeId) ? [r.discount] : [])),
      now,
    );
    // The payload is the one customer.created carries, built by the same function.
    await emitEvents(tx, [
      ...customers
        .filter((c) => ids.has(c.stripeId))
        .map((c) => {
          const customer = Object.assign(new Customer(), {
            id: c.id,
            name: c.name,
            email: c.email,
            currency: c.currency,
            taxStatus: c.taxStatus,
            taxRate: c.taxRate,
            billingAddress: c.billingAddress,
            vatId: c.vatId,
            paymentTermsDays: c.paymentTermsDays,
            paymentTermsEndOfMonth: c.paymentTermsEndOfMonth,
            metadata: c.metadata,
            createdAt: c.createdAt ?? now,
            updatedAt: now,
          });
          return { ...customerEvent('created', customer, now), type: 'customer.imported' as const, newAggregate: true };
        }),
      ...discountEvents,
    ]);
    return ids;
  });
}
