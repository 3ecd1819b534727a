import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { boundRows } from '../../db/bound-query';
import { priceReferences } from '../../pricing';
import { Decimal, ZERO } from '../../pricing/decimal';
import { CatalogPrice, catalogPriceOf, loadPriceClosure, PriceRow, toSnapshot } from '../catalog/price-snapshot';
import { StockPolicy } from '../catalog/product-kind';
import { pricingCustomers } from '../contracts/contract-terms';
import { emitEvents } from '../events/emit-event';
import type { DomainEventInput } from '../events/event-types';
import { ItemPricer } from '../subscriptions/subscription-pricing';
import { DeliveryUnit, scheduleDate } from './delivery';
import { orderEvent, OrderFacts } from './order-events';
import { takeOrderNumbers } from './order-number';
import { priceWith, PricedOrder } from './order-pricing';
import type { VatCategory } from '../customers/customer-tax';
import { OrderHoldReason, OrderStatus } from './order.entity';
import { orderTaxes, type OrderTax } from './order-tax';

/**
 * The billing run's set-wise order writing (issue 17), as renewal-batch.ts is for invoices: a
 * page of orders is read as rows in a few statements, priced with one pricer per customer (its
 * contracts and the prices' components loaded once for the page), and written back with one
 * multi-row statement per table (orders, lines, events) instead of an ORM flush per order. What it
 * writes is what order-schedule.ts and the ORM path wrote for one order; test/graphql/orders.test.ts
 * and test/jobs/order-crash.test.ts hold it to that.
 */

/** An order as the batch reads and writes it: OrderFacts for its events, plus its keys. */
export interface BatchOrder extends OrderFacts {
  subscriptionId: string | null;
  deliveryIndex: number | null;
  version: number;
  lines: BatchLine[];
  /** Set as it is placed: the VAT treatment it was priced under (order-tax.ts). */
  taxCategory?: VatCategory | null;
  taxRate?: Decimal | null;
}

export interface BatchLine {
  id: string;
  position: number;
  price: CatalogPrice;
  priceCode: string;
  sku: string;
  stockPolicy: StockPolicy;
  quantityOrdered: Decimal;
  quantity: Decimal;
  quantityBackordered: Decimal;
  quantityShipped: Decimal;
  amount: Decimal;
  tax: Decimal;
  steps: string[];
}

interface OrderRow {
  id: string;
  number: string;
  status: OrderStatus;
  customer_id: string;
  subscription_id: string | null;
  delivery_index: number | null;
  location_id: string;
  scheduled_for: Date;
  placed_at: Date | null;
  hold_reason: OrderHoldReason | null;
  /** The subscription's purchase order number now (placement carries it onto the order). */
  po: string | null;
  currency: string;
  subtotal: string;
  tax: string;
  total: string;
  version: number;
}

interface LineRow extends PriceRow {
  line_id: string;
  order_id: string;
  position: number;
  price_code: string;
  sku: string;
  stock_policy: StockPolicy;
  quantity_ordered: string;
  quantity: string;
  quantity_backordered: string;
  quantity_shipped: string;
  amount: string;
  line_tax: string;
  steps: string[];
}

const PRICE_COLUMNS = 'p.id, p.code, p.version, p.currency, p.interval, p.interval_count, p.rule_kind, p.rule_config, p.status';

/** These orders with their lines and prices, in date order (then id): three statements for the page. */
export async function loadOrders(em: EntityManager, ids: readonly string[]): Promise<BatchOrder[]> {
  const rows = await boundRows<OrderRow>(
    em,
    `select o.id, o.number, o.status, o.customer_id, o.subscription_id, o.delivery_index, o.location_id, o.scheduled_for, o.placed_at,
            o.hold_reason, case when o.subscription_id is null then o.purchase_order_number else s.purchase_order_number end as po, o.currency,
            o.subtotal::text as subtotal, o.tax::text as tax, o.total::text as total, o.version
       from customer_order o left join subscription s on s.id = o.subscription_id
      where o.id = any(?::uuid[]) order by o.scheduled_for, o.id`,
    [[...ids]],
  );
  const lines = await boundRows<LineRow>(
    em,
    `select l.id as line_id, l.order_id, l.position, l.price_code, l.sku, l.stock_policy, l.quantity_ordered::text as quantity_ordered,
            l.quantity::text as quantity, l.quantity_backordered::text as quantity_backordered, l.quantity_shipped::text as quantity_shipped,
            l.amount::text as amount, l.tax::text as line_tax, l.steps, ${PRICE_COLUMNS}
       from order_line l join price p on p.id = l.price_id where l.order_id = any(?::uuid[]) order by l.order_id, l.position`,
    [[...ids]],
  );
  const byOrder = new Map<string, BatchLine[]>();
  for (const l of lines) {
    const list = byOrder.get(l.order_id) ?? [];
    list.push({
      id: l.line_id,
      position: l.position,
      price: catalogPriceOf(l),
      priceCode: l.price_code,
      sku: l.sku,
      stockPolicy: l.stock_policy,
      quantityOrdered: new Decimal(l.quantity_ordered),
      quantity: new Decimal(l.quantity),
      quantityBackordered: new Decimal(l.quantity_backordered),
      quantityShipped: new Decimal(l.quantity_shipped),
      amount: new Decimal(l.amount),
      tax: new Decimal(l.line_tax),
      steps: l.steps,
    });
    byOrder.set(l.order_id, list);
  }
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    status: r.status,
    customer: { id: r.customer_id },
    subscription: r.subscription_id ? { id: r.subscription_id } : null,
    subscriptionId: r.subscription_id,
    deliveryIndex: r.delivery_index,
    location: { id: r.location_id },
    scheduledFor: new Date(r.scheduled_for),
    placedAt: r.placed_at ? new Date(r.placed_at) : null,
    holdReason: r.hold_reason,
    purchaseOrderNumber: r.po,
    currency: r.currency,
    subtotal: new Decimal(r.subtotal),
    tax: new Decimal(r.tax),
    total: new Decimal(r.total),
    version: r.version,
    lines: byOrder.get(r.id) ?? [],
  }));
}

/**
 * One pricer per customer for a page: its contracts (pricingCustomers) and the components of
 * every price given, loaded once. The same as priceOrder's ItemPricer.forCustomer, without coupons.
 */
export class PagePricers {
  private constructor(
    private readonly pricers: Map<string, ItemPricer>,
    private readonly components: ReadonlySet<string>,
  ) {}

  /** Whether these customers' pricers are here and every component these prices refer to was loaded. */
  covers(customerIds: readonly string[], prices: readonly CatalogPrice[]): boolean {
    return (
      customerIds.every((id) => this.pricers.has(id)) &&
      prices.every((p) => priceReferences(toSnapshot(p)).every((r) => this.components.has(r)))
    );
  }

  static async load(em: EntityManager, customerIds: readonly string[], prices: readonly CatalogPrice[]): Promise<PagePricers> {
    const ids = [...new Set(customerIds)];
    const customers = await pricingCustomers(em, ids);
    const refs = new Set(prices.flatMap((p) => priceReferences(toSnapshot(p))));
    const components = refs.size > 0 ? await loadPriceClosure(em, refs) : new Map<string, CatalogPrice>();
    return new PagePricers(new Map([...customers].map(([id, c]) => [id, ItemPricer.of(c, components)])), new Set(components.keys()));
  }

  price(
    customerId: string,
    lines: readonly { price: CatalogPrice; quantity: Decimal }[],
    at: Date,
    tax: OrderTax | null = null,
  ): PricedOrder {
    const pricer = this.pricers.get(customerId) ?? null;
    if (!pricer && lines.some((l) => l.quantity.gt(0))) throw new Error(`customer ${customerId} not found`);
    return priceWith(pricer, lines, at, tax);
  }
}

/** The placed and held orders of a page written back: one statement for the orders, one for the placed orders' lines. */
export async function writePlacedOrders(em: EntityManager, orders: readonly BatchOrder[], now: Date): Promise<void> {
  if (orders.length === 0) return;
  await boundRows(
    em,
    `update customer_order o set status = r.status::order_status, placed_at = r.placed_at, hold_reason = r.hold_reason,
            purchase_order_number = r.po, subtotal = r.subtotal, tax = r.tax, total = r.total, version = r.version, updated_at = ?,
            tax_category = coalesce(r.tax_category, o.tax_category), tax_rate = case when r.tax_category is null then o.tax_rate else r.tax_rate end
       from jsonb_to_recordset(?::jsonb) as r(id uuid, status text, placed_at timestamptz, hold_reason text, po text,
                                              subtotal numeric, tax numeric, total numeric, version int, tax_category text, tax_rate numeric)
      where o.id = r.id`,
    [
      now,
      JSON.stringify(
        orders.map((o) => ({
          id: o.id,
          status: o.status,
          placed_at: o.placedAt,
          hold_reason: o.holdReason,
          po: o.purchaseOrderNumber,
          subtotal: o.subtotal.toFixed(),
          tax: o.tax.toFixed(),
          total: o.total.toFixed(),
          version: o.version,
          tax_category: o.taxCategory ?? null,
          tax_rate: o.taxRate?.toFixed() ?? null,
        })),
      ),
    ],
  );
  const lines = orders.filter((o) => o.placedAt).flatMap((o) => o.lines);
  if (lines.length === 0) return;
  await boundRows(
    em,
    `update order_line l set quantity = r.quantity, quantity_backordered = r.backordered, amount = r.amount, tax = r.tax, steps = r.steps
       from jsonb_to_recordset(?::jsonb) as r(id uuid, quantity numeric, backordered numeric, amount numeric, tax numeric, steps jsonb)
      where l.id = r.id`,
    [
      JSON.stringify(
        lines.map((l) => ({
          id: l.id,
          quantity: l.quantity.toFixed(),
          backordered: l.quantityBackordered.toFixed(),
          amount: l.amount.toFixed(),
          tax: l.tax.toFixed(),
          steps: l.steps,
        })),
      ),
    ],
  );
}

/** A subscription whose next delivery is to be scheduled: its `index`-th. */
export interface NextDelivery {
  subscriptionId: string;
  index: number;
}

interface ScheduleRow {
  subscription_id: string;
  customer_id: string;
  location_id: string;
  every: number;
  unit: DeliveryUnit;
  first_delivery_at: Date;
  anchor_at: Date;
  anchor_index: number;
  po: string | null;
  currency: string;
}

interface ItemRow extends PriceRow {
  subscription_id: string;
  price_code: string;
  sku: string;
  quantity: string;
  stock_policy: StockPolicy | null;
}

/**
 * scheduleOrder (order-schedule.ts) for many subscriptions at once: each one's `index`-th order
 * as SCHEDULED, priced at today's catalog as an estimate, numbered in the order given from one
 * take of the gapless series, written with one multi-row insert per table and its
 * `order.scheduled` events in one statement. A subscription without a delivery schedule, or whose
 * order for that delivery exists already, is left out (nothing is numbered for it).
 */
export async function scheduleOrders(
  em: EntityManager,
  wanted: readonly NextDelivery[],
  now: Date,
  page: { pricers?: PagePricers; events?: DomainEventInput[] } = {},
): Promise<number> {
  if (wanted.length === 0) return 0;
  const subIds = [...new Set(wanted.map((w) => w.subscriptionId))];
  const schedules = await boundRows<ScheduleRow>(
    em,
    `select d.subscription_id, d.customer_id, d.location_id, d.every, d.unit, d.first_delivery_at, d.anchor_at, d.anchor_index, s.purchase_order_number as po, c.currency
       from delivery_schedule d join subscription s on s.id = d.subscription_id join customer c on c.id = d.customer_id
      where d.subscription_id = any(?::uuid[])`,
    [subIds],
  );
  const existing = await boundRows<{ subscription_id: string; delivery_index: number }>(
    em,
    `select o.subscription_id, o.delivery_index from customer_order o
       join jsonb_to_recordset(?::jsonb) as w(s uuid, i int) on o.subscription_id = w.s and o.delivery_index = w.i`,
    [JSON.stringify(wanted.map((w) => ({ s: w.subscriptionId, i: w.index })))],
  );
  const taken = new Set(existing.map((e) => `${e.subscription_id}#${e.delivery_index}`));
  const bySub = new Map(schedules.map((s) => [s.subscription_id, s]));
  const todo = wanted.filter((w) => bySub.has(w.subscriptionId) && !taken.has(`${w.subscriptionId}#${w.index}`));
  if (todo.length === 0) return 0;
  const itemRows = await boundRows<ItemRow>(
    em,
    `select di.subscription_id, di.price_code, di.sku, di.quantity::text as quantity, pr.stock_policy, ${PRICE_COLUMNS}
       from delivery_item di join price p on p.id = di.price_id join product pr on pr.id = p.product_id
      where di.subscription_id = any(?::uuid[]) order by di.subscription_id, di.price_code`,
    [todo.map((w) => w.subscriptionId)],
  );
  const items = new Map<string, ItemRow[]>();
  for (const row of itemRows) items.set(row.subscription_id, [...(items.get(row.subscription_id) ?? []), row]);
  const customerIds = todo.map((w) => bySub.get(w.subscriptionId)!.customer_id);
  const prices = itemRows.map((r) => catalogPriceOf(r));
  const pagePricers = page.pricers?.covers(customerIds, prices) ? page.pricers : await PagePricers.load(em, customerIds, prices);
  const taxes = await orderTaxes(
    em,
    todo.map((w) => ({ customerId: bySub.get(w.subscriptionId)!.customer_id, locationId: bySub.get(w.subscriptionId)!.location_id })),
  );
  const numbers = await takeOrderNumbers(em, todo.length, now.getUTCFullYear());
  const orders: BatchOrder[] = todo.map((w, k) => {
    const s = bySub.get(w.subscriptionId)!;
    const mine = (items.get(w.subscriptionId) ?? []).map((r) => ({ row: r, price: catalogPriceOf(r), quantity: new Decimal(r.quantity) }));
    const scheduledFor = scheduleDate(
      {
        firstDeliveryAt: new Date(s.first_delivery_at),
        anchorAt: new Date(s.anchor_at),
        anchorIndex: s.anchor_index,
        every: s.every,
        unit: s.unit,
      },
      w.index,
    );
    const priced = pagePricers.price(s.customer_id, mine, scheduledFor, taxes(s.customer_id, s.location_id));
    return {
      id: randomUUID(),
      number: numbers[k],
      status: OrderStatus.SCHEDULED,
      customer: { id: s.customer_id },
      subscription: { id: w.subscriptionId },
      subscriptionId: w.subscriptionId,
      deliveryIndex: w.index,
      location: { id: s.location_id },
      scheduledFor,
      placedAt: null,
      holdReason: null,
      purchaseOrderNumber: s.po,
      currency: s.currency,
      subtotal: priced.subtotal,
      tax: priced.tax,
      total: priced.total,
      version: 1,
      lines: mine.map((m, position) => ({
        id: randomUUID(),
        position,
        price: m.price,
        priceCode: m.row.price_code,
        sku: m.row.sku,
        stockPolicy: m.row.stock_policy ?? StockPolicy.BACKORDER,
        quantityOrdered: m.quantity,
        quantity: m.quantity,
        quantityBackordered: ZERO,
        quantityShipped: ZERO,
        amount: priced.lines[position].amount,
        tax: priced.lines[position].tax,
        steps: priced.lines[position].steps,
      })),
    };
  });
  await insertOrders(em, orders, now);
  const events: DomainEventInput[] = orders.map((o) => orderEvent('scheduled', o, o.lines, now));
  // The caller's page writes them with its own, in one statement; alone, they are written here.
  if (page.events) page.events.push(...events);
  else await emitEvents(em, events);
  return orders.length;
}

/** New orders and their lines: one multi-row insert each (jsonb_to_recordset, bound as one parameter). */
async function insertOrders(em: EntityManager, orders: readonly BatchOrder[], now: Date): Promise<void> {
  await boundRows(
    em,
    `insert into customer_order (id, number, status, customer_id, subscription_id, delivery_index, location_id, scheduled_for, placed_at,
                                 hold_reason, purchase_order_number, currency, subtotal, tax, total, version, created_at, updated_at)
     select r.id, r.number, r.status::order_status, r.customer_id, r.subscription_id, r.delivery_index, r.location_id, r.scheduled_for, null,
            null, r.po, r.currency, r.subtotal, r.tax, r.total, 1, ?, ?
       from jsonb_to_recordset(?::jsonb) as r(id uuid, number text, status text, customer_id uuid, subscription_id uuid, delivery_index int,
                                              location_id uuid, scheduled_for timestamptz, po text, currency text, subtotal numeric, tax numeric, total numeric)`,
    [
      now,
      now,
      JSON.stringify(
        orders.map((o) => ({
          id: o.id,
          number: o.number,
          status: o.status,
          customer_id: o.customer.id,
          subscription_id: o.subscriptionId,
          delivery_index: o.deliveryIndex,
          location_id: o.location.id,
          scheduled_for: o.scheduledFor,
          po: o.purchaseOrderNumber,
          currency: o.currency,
          subtotal: o.subtotal.toFixed(),
          tax: o.tax.toFixed(),
          total: o.total.toFixed(),
        })),
      ),
    ],
  );
  const lines = orders.flatMap((o) => o.lines.map((l) => ({ o, l })));
  if (lines.length === 0) return;
  await boundRows(
    em,
    `insert into order_line (id, order_id, position, price_id, price_code, sku, stock_policy, quantity_ordered, quantity,
                             quantity_backordered, quantity_shipped, amount, tax, steps)
     select r.id, r.order_id, r.position, r.price_id, r.price_code, r.sku, r.stock_policy::stock_policy, r.quantity, r.quantity, 0, 0, r.amount, r.tax, r.steps
       from jsonb_to_recordset(?::jsonb) as r(id uuid, order_id uuid, position int, price_id uuid, price_code text, sku text, stock_policy text,
                                              quantity numeric, amount numeric, tax numeric, steps jsonb)`,
    [
      JSON.stringify(
        lines.map(({ o, l }) => ({
          id: l.id,
          order_id: o.id,
          position: l.position,
          price_id: l.price.id,
          price_code: l.priceCode,
          sku: l.sku,
          stock_policy: l.stockPolicy,
          quantity: l.quantity.toFixed(),
          amount: l.amount.toFixed(),
          tax: l.tax.toFixed(),
          steps: l.steps,
        })),
      ),
    ],
  );
}
