import type { EntityManager } from '@mikro-orm/postgresql';
import { boundRows } from '../../db/bound-query';
import { Decimal, ZERO } from '../../pricing/decimal';
import { StockPolicy } from '../catalog/product-kind';
import { CreditHold, holdCredit } from '../customers/credit-limit';
import { emitEvents } from '../events/emit-event';
import { OrderBilling } from './delivery';
import { invoiceOrder } from './order-invoice';
import type { DomainEventInput } from '../events/event-types';
import { DUE_FROM, DUE_ORDER } from './order-due';
import { orderEvent } from './order-events';
import type { OrderLine } from './order-line.entity';
import { BatchOrder, loadOrders, PagePricers, scheduleOrders, writePlacedOrders } from './order-batch';
import { Order, OrderHoldReason, OrderStatus } from './order.entity';
import { payersOf } from '../customers/customer-hierarchy';
import { taxCategoryOf } from '../customers/customer-tax';
import type { TaxStatus } from '../customers/customer.entity';
import { orderTaxes, type OrderTax } from './order-tax';

export interface OrderBatchResult {
  placed: number;
  held: number;
}

interface Allocation {
  /** Per line: what it carries, and of that what waits for stock. */
  lines: { quantity: Decimal; backordered: Decimal }[];
  /** Per SKU: what the order takes from `available`. */
  taken: Map<string, Decimal>;
}

/**
 * Places a batch of due orders in the caller's transaction. Exactly once rests on the database:
 * the orders are locked (SKIP LOCKED: rows another run holds are its own) and re-checked as due
 * under the lock, so a replay or a concurrent run finds them PLACED and does nothing; the next
 * delivery's order has the unique (subscription, deliveryIndex) key. For each order: stock is
 * taken under the inventory rows' locks by the lines' stock policies, the order is priced at the
 * quantities it carries, and the customer's credit limit is checked; an order over the limit is
 * held (SCHEDULED, holdReason CREDIT_LIMIT, order.held), takes no stock, and waits for an
 * operator. Either way the subscription's next delivery is scheduled.
 *
 * Set-wise (order-batch.ts): the page is read in a few statements, priced with one pricer per
 * customer, and written with one multi-row statement per table (orders, lines, stock, events,
 * and the next deliveries' orders and lines), as the renewal batch writes invoices.
 */
export async function placeOrderBatch(em: EntityManager, ids: readonly string[], at: Date, now: Date): Promise<OrderBatchResult> {
  if (ids.length === 0) return { placed: 0, held: 0 };
  const locked = await boundRows<{ id: string }>(
    em,
    `select o.id from ${DUE_FROM} where o.id = any(?::uuid[]) and ${DUE_ORDER} order by o.id for update of o skip locked`,
    [[...ids], at],
  );
  if (locked.length === 0) return { placed: 0, held: 0 };
  const orders = await loadOrders(
    em,
    locked.map((r) => r.id),
  );
  // Credit before anything is written that references the customers (credit-limit.ts), in id order
  // against deadlocks; only customers (or their payers) with a limit are held.
  const holds = new Map<string, { hold: CreditHold; committed: Decimal }>();
  for (const customerId of await limitedCustomers(
    em,
    orders.map((o) => o.customer.id),
  )) {
    const hold = await holdCredit(em, customerId);
    if (hold) holds.set(customerId, { hold, committed: ZERO });
  }
  const stock = await lockStock(em, [...new Set(orders.flatMap((o) => o.lines.map((l) => l.sku)))]);
  const pricers = await PagePricers.load(
    em,
    orders.map((o) => o.customer.id),
    orders.flatMap((o) => o.lines.map((l) => l.price)),
  );
  const taxes = await orderTaxes(
    em,
    orders.map((o) => ({ customerId: o.customer.id, locationId: o.location.id })),
  );
  const ownTax = await ownTaxes(
    em,
    orders.map((o) => o.customer.id),
  );
  const events: DomainEventInput[] = [];
  const taken = new Map<string, Decimal>();
  let placed = 0;
  for (const order of orders) {
    const lines = order.lines;
    const allocation = allocate(lines, stock);
    const tax = taxes(order.customer.id, order.location.id);
    const priced = pricers.price(
      order.customer.id,
      lines.map((l, i) => ({ price: l.price, quantity: allocation.lines[i].quantity })),
      order.scheduledFor,
      tax,
    );
    const credit = holds.get(order.customer.id);
    const after = credit?.hold.exposure.plus(credit.committed).plus(priced.total);
    order.version++;
    // order.purchaseOrderNumber is the subscription's at the time of placing (loadOrders): a buyer who renewed its PO orders under the new one.
    if (credit && after && priced.total.gt(0) && after.gt(credit.hold.limit)) {
      order.holdReason = OrderHoldReason.CREDIT_LIMIT;
      events.push(orderEvent('held', order, lines, now));
      continue;
    }
    if (credit) credit.committed = credit.committed.plus(priced.total);
    for (const [sku, q] of allocation.taken) {
      stock.set(sku, stock.get(sku)!.minus(q));
      taken.set(sku, (taken.get(sku) ?? ZERO).plus(q));
    }
    lines.forEach((line, i) => {
      line.quantity = allocation.lines[i].quantity;
      line.quantityBackordered = allocation.lines[i].backordered;
      line.amount = priced.lines[i].amount;
      line.tax = priced.lines[i].tax;
      line.steps = priced.lines[i].steps;
    });
    const backordered = allocation.lines.some((l) => l.backordered.gt(0));
    order.status = backordered ? OrderStatus.BACKORDERED : OrderStatus.PLACED;
    order.placedAt = now;
    order.subtotal = priced.subtotal;
    order.tax = priced.tax;
    order.total = priced.total;
    // The treatment it was priced under, which its invoices' lines carry (order-invoice.ts).
    const category = taxCategoryOf(tax ?? ownTax.get(order.customer.id)!);
    order.taxCategory = category.taxCategory;
    order.taxRate = category.taxRate;
    placed++;
    events.push(orderEvent('placed', order, lines, now));
    if (backordered) events.push(orderEvent('backordered', order, lines, now));
  }
  if (taken.size > 0) {
    await boundRows(
      em,
      `update inventory_level i set available = i.available - t.taken, updated_at = ?
         from jsonb_to_recordset(?::jsonb) as t(sku text, taken numeric) where i.sku = t.sku`,
      [now, JSON.stringify([...taken].map(([sku, q]) => ({ sku, taken: q.toFixed() })))],
    );
  }
  await writePlacedOrders(em, orders, now);
  await emitEvents(em, events);
  await invoicePlaced(em, orders, now);
  // Each subscription's next delivery, SCHEDULED, in the order the orders were placed (their numbers follow it).
  await scheduleOrders(
    em,
    orders.flatMap((o) =>
      o.subscriptionId && o.deliveryIndex !== null ? [{ subscriptionId: o.subscriptionId, index: o.deliveryIndex + 1 }] : [],
    ),
    now,
  );
  return { placed, held: orders.length - placed };
}

/** Each customer's own tax treatment, what an order is priced under while the seller does not tax by ship-to. */
async function ownTaxes(em: EntityManager, customerIds: readonly string[]): Promise<Map<string, OrderTax>> {
  const rows = await boundRows<{ id: string; tax_status: TaxStatus; tax_rate: string | null }>(
    em,
    'select id, tax_status, tax_rate::text as tax_rate from customer where id = any(?::uuid[])',
    [[...new Set(customerIds)]],
  );
  return new Map(rows.map((r) => [r.id, { taxStatus: r.tax_status, taxRate: r.tax_rate === null ? null : new Decimal(r.tax_rate) }]));
}

/** Of these customers, the credit holders (themselves or their payers) that have a credit limit: the only ones holdCredit locks. */
async function limitedCustomers(em: EntityManager, customerIds: readonly string[]): Promise<string[]> {
  const ids = [...new Set(customerIds)];
  const payers = await payersOf(em, ids);
  const rows = await boundRows<{ id: string }>(em, 'select id from customer where id = any(?::uuid[]) and credit_limit is not null', [
    [...new Set(payers.values())],
  ]);
  const limited = new Set(rows.map((r) => r.id));
  return ids.filter((id) => limited.has(payers.get(id)!)).sort();
}

/** billOn ORDER: each order placed here is invoiced whole, in the batch's transaction (its billing key makes it once). */
async function invoicePlaced(em: EntityManager, orders: readonly BatchOrder[], now: Date): Promise<void> {
  const placed = orders.filter((o) => o.holdReason === null && o.placedAt && o.subscriptionId);
  if (placed.length === 0) return;
  const billed = await boundRows<{ id: string }>(
    em,
    `select subscription_id as id from delivery_schedule where subscription_id = any(?::uuid[]) and bill_on = ?`,
    [placed.map((o) => o.subscriptionId!), OrderBilling.ORDER],
  );
  if (billed.length === 0) return;
  const ids = new Set(billed.map((b) => b.id));
  // The invoice writer reads the orders as entities: loaded now, after the batch wrote them.
  const entities = await em.find(
    Order,
    { id: { $in: placed.filter((o) => ids.has(o.subscriptionId!)).map((o) => o.id) } },
    { populate: ['lines', 'subscription'], orderBy: { scheduledFor: 'asc', id: 'asc' }, refresh: true },
  );
  for (const order of entities) await invoiceOrder(em, order, order.lines.getItems(), now);
}

/** `available` of these SKUs, their rows locked in SKU order; a SKU never reported has none. */
async function lockStock(em: EntityManager, skus: readonly string[]): Promise<Map<string, Decimal>> {
  const stock = new Map(skus.map((s) => [s, ZERO]));
  if (skus.length === 0) return stock;
  const rows = await boundRows<{ sku: string; available: string }>(
    em,
    'select sku, available::text as available from inventory_level where sku = any(?::text[]) order by sku for update',
    [[...skus]],
  );
  rows.forEach((r) => stock.set(r.sku, Decimal.max(new Decimal(r.available), ZERO)));
  return stock;
}

/**
 * What each line carries by its product's stock policy, given what is available (lines of one SKU
 * share it, in line order). BACKORDER carries the whole quantity and backorders what is short;
 * SKIP_LINE carries only what there is; HOLD_ORDER short anywhere backorders the whole order and
 * takes nothing at all.
 */
export function allocate(
  lines: readonly Pick<OrderLine, 'sku' | 'quantity' | 'stockPolicy'>[],
  stock: ReadonlyMap<string, Decimal>,
): Allocation {
  const left = new Map(stock);
  const result: Allocation = { lines: [], taken: new Map() };
  let hold = false;
  for (const line of lines) {
    const available = left.get(line.sku) ?? ZERO;
    const take = Decimal.min(available, line.quantity);
    const short = line.quantity.minus(take);
    if (short.gt(0) && line.stockPolicy === StockPolicy.HOLD_ORDER) hold = true;
    left.set(line.sku, available.minus(take));
    result.taken.set(line.sku, (result.taken.get(line.sku) ?? ZERO).plus(take));
    result.lines.push(
      line.stockPolicy === StockPolicy.SKIP_LINE ? { quantity: take, backordered: ZERO } : { quantity: line.quantity, backordered: short },
    );
  }
  if (hold) return { lines: lines.map((l) => ({ quantity: l.quantity, backordered: l.quantity })), taken: new Map() };
  return result;
}
