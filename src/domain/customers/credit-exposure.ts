import type { EntityManager } from '@mikro-orm/postgresql';
import { Decimal, ZERO } from '../../pricing/decimal';
import { isId } from '../shared/ids';
import { billedThroughSql } from './customer-hierarchy';

/**
 * creditExposure, defined once (docs/credit-limits.md): what the customer's unsettled invoices
 * still ask of it, and what its placed orders will still invoice, in its currency, the sum over
 *  - OPEN invoices: amount_due − amount_paid (amount_due is already net of credit notes). An
 *    invoice billed in advance and not yet due is OPEN, so it counts;
 *  - DRAFT invoices: their total, what they will ask once finalized;
 *  - placed orders not yet fully invoiced (PLACED, BACKORDERED, PARTIALLY_SHIPPED): what they
 *    will still invoice, total − canceled_total − the totals of their invoices that are not VOID
 *    (the order's own under billOn ORDER, its shipments' under SHIPMENT). Under ORDER that is 0
 *    from placement on (the invoice counts instead); under SHIPMENT it is what has not shipped.
 *    A member of a company group billed to its parent (invoiceTo PARENT) counts its orders for
 *    itself and for the payer, whose invoices they will be on (billedThroughSql);
 * each invoice and order at least 0 (an overpaid invoice or a crediting draft lends no credit to
 * the rest). PAID, VOID and UNCOLLECTIBLE invoices count nothing. Every figure on an invoice or
 * an order is already at the currency's minor unit, so the sum is too.
 *
 * `customerId` is an SQL expression naming the customer: a column of the outer query (the list
 * filter, `c.id`) or a row of ids (creditExposures). The roll-up to the paying customer of a group
 * changes which invoices the subquery reads; its callers stay as they are.
 */
export function exposureSql(customerId: string): string {
  return `((select coalesce(sum(greatest(case when exposure_invoice.status = 'OPEN'
                                              then exposure_invoice.amount_due - exposure_invoice.amount_paid
                                              else exposure_invoice.total end, 0)), 0)
             from invoice exposure_invoice
            where exposure_invoice.customer_id = ${customerId} and exposure_invoice.status in ('OPEN', 'DRAFT'))
         + ${ordersExposureSql(customerId)})`;
}

/** The placed orders' term of exposureSql: what they will still invoice (over the partial index customer_order_open_customer_index). */
function ordersExposureSql(customerId: string): string {
  return `(select coalesce(sum(greatest(exposure_order.total - exposure_order.canceled_total - coalesce(
                  (select sum(order_invoice.total) from invoice order_invoice
                    where order_invoice.status <> 'VOID'
                      and (order_invoice.billing_key = 'order:' || exposure_order.id::text
                           or order_invoice.billing_key in (select 'shipment:' || order_shipment.id::text from shipment order_shipment
                                                             where order_shipment.order_id = exposure_order.id))), 0), 0)), 0)
             from customer_order exposure_order
            where exposure_order.customer_id in ${billedThroughSql(customerId)}
              and exposure_order.status in ('PLACED', 'BACKORDERED', 'PARTIALLY_SHIPPED'))`;
}

/**
 * The exposure of many customers in one statement, each id of `customerIds` a key of the result
 * (an unknown or malformed id owes nothing: 0). Read in the caller's transaction, so an operation
 * that holds the customer's lock sees what it and every committed operation wrote.
 */
export async function creditExposures(em: EntityManager, customerIds: readonly string[]): Promise<Map<string, Decimal>> {
  const result = new Map<string, Decimal>(customerIds.map((id) => [id, ZERO]));
  const ids = [...new Set(customerIds.filter(isId))];
  if (ids.length === 0) return result;
  // em.execute, not a bound statement: the values are inlined (a few uuids), so the statement is a
  // simple query, which PGlite runs whole even while other requests' statements interleave with it.
  const rows = await em.execute<{ id: string; exposure: string }[]>(
    `select ids.id, ${exposureSql('ids.id')} as exposure from unnest(array[?]::uuid[]) as ids(id)`,
    [ids],
  );
  // PostgreSQL prints uuids in lower case; the caller's spelling is the key it looks up.
  const byLower = new Map(rows.map((r) => [r.id, new Decimal(r.exposure)]));
  for (const id of customerIds) if (isId(id)) result.set(id, byLower.get(id.toLowerCase()) ?? ZERO);
  return result;
}
