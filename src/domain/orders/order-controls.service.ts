import type { EntityManager } from '@mikro-orm/postgresql';
import { boundRows } from '../../db/bound-query';
import type { Decimal } from '../../pricing/decimal';
import { authorize } from '../auth/actor';
import { loadPriceClosure } from '../catalog/price-snapshot';
import { PriceStatus } from '../catalog/price.entity';
import { ProductKind, StockPolicy } from '../catalog/product-kind';
import { InvalidInputError } from '../errors';
import { type DomainEventInput, emitEvent } from '../events/emit-event';
import type { ServiceContext } from '../shared/service-context';
import { requireAtMost } from '../shared/validate';
import { scheduleDate } from './delivery';
import { DeliverySchedule } from './delivery-schedule.entity';
import { orderEvent, OrderVerb } from './order-events';
import { OrderLine } from './order-line.entity';
import { priceOrder } from './order-pricing';
import { DAY_MS, lockScheduledOrder } from './order-lock';
import { orderTaxes } from './order-tax';
import { scheduleOrder } from './order-schedule';
import { Order, OrderStatus } from './order.entity';

export interface OrderLineInput {
  priceCode: string;
  quantity: Decimal;
}

const MAX_LINES = 20;

/**
 * What a customer (or the seller's staff for it) may do with a SCHEDULED order before it is
 * placed: skip it, move it, change its lines for this delivery only. Each change locks the order
 * and is refused once the order is frozen, `orderLeadDays` (seller settings) before its date:
 * the warehouse plans from then on (CONFLICT, reason ORDER_FROZEN).
 */
export class OrderControlService {
  constructor(private readonly ctx: ServiceContext) {}

  /** SCHEDULED → SKIPPED; the subscription's following delivery is scheduled if it was not yet. */
  async skip(id: string): Promise<Order> {
    return this.change(id, 'skipped', async (em, order, now) => {
      order.status = OrderStatus.SKIPPED;
      await em.flush();
      await this.scheduleFollowing(em, order, now);
    });
  }

  /** Moves the delivery: not into the frozen window, and not past the schedule's next delivery date. */
  async reschedule(id: string, to: Date): Promise<Order> {
    return this.change(id, 'rescheduled', async (em, order, now, leadDays) => {
      if (Number.isNaN(to.getTime())) throw new InvalidInputError('to', 'not a date');
      if (to.getTime() < now.getTime() + leadDays * DAY_MS) {
        throw new InvalidInputError('to', `an order can be moved to ${leadDays} day(s) from now at the earliest`);
      }
      const schedule = await this.scheduleOf(em, order);
      if (schedule && order.deliveryIndex !== null) {
        const next = scheduleDate(schedule, order.deliveryIndex + 1);
        if (to.getTime() >= next.getTime()) {
          throw new InvalidInputError('to', `the next delivery is on ${next.toISOString()}: move this one to before it, or skip it`);
        }
      }
      order.scheduledFor = to;
    });
  }

  /**
   * Replaces the order's lines for this delivery only (the subscription keeps its own): other
   * quantities, or another PHYSICAL product's price in its place (a swap). Priced again.
   */
  async updateLines(id: string, lines: readonly OrderLineInput[]): Promise<Order> {
    requireAtMost(lines, MAX_LINES, 'lines');
    if (lines.length === 0) throw new InvalidInputError('lines', 'an order needs at least one line (skipOrder skips it)');
    const seen = new Set<string>();
    lines.forEach((l, i) => {
      if (seen.has(l.priceCode)) throw new InvalidInputError(`lines[${i}].priceCode`, `price '${l.priceCode}' is listed twice`);
      seen.add(l.priceCode);
      if (!l.quantity.gt(0) || l.quantity.decimalPlaces() > 6) {
        throw new InvalidInputError(`lines[${i}].quantity`, 'a quantity above 0, with at most 6 decimals');
      }
    });
    return this.change(id, 'updated', async (em, order) => {
      const prices = await loadPriceClosure(
        em,
        lines.map((l) => l.priceCode),
      );
      const products = await boundRows<{ id: string; kind: ProductKind; sku: string | null; stock_policy: StockPolicy | null }>(
        em,
        'select p.id, pr.kind, pr.sku, pr.stock_policy from price p join product pr on pr.id = p.product_id where p.id = any(?::uuid[])',
        [[...prices.values()].map((p) => p.id)],
      );
      const productOf = new Map(products.map((p) => [p.id, p]));
      const resolved = lines.map((l, i) => {
        const price = prices.get(l.priceCode);
        const product = price ? productOf.get(price.id) : undefined;
        if (!price || price.status !== PriceStatus.ACTIVE)
          throw new InvalidInputError(`lines[${i}].priceCode`, `no price '${l.priceCode}' is sold`);
        if (product?.kind !== ProductKind.PHYSICAL || !product.sku) {
          throw new InvalidInputError(`lines[${i}].priceCode`, `price '${l.priceCode}' does not sell goods (PHYSICAL)`);
        }
        if (price.currency !== order.currency) {
          throw new InvalidInputError(
            `lines[${i}].priceCode`,
            `price '${l.priceCode}' is in ${price.currency}, the order in ${order.currency}`,
          );
        }
        return { price, quantity: l.quantity, sku: product.sku, stockPolicy: product.stock_policy ?? StockPolicy.BACKORDER };
      });
      const taxes = await orderTaxes(em, [{ customerId: order.customer.id, locationId: order.location.id }]);
      const priced = await priceOrder(em, order.customer.id, resolved, order.scheduledFor, taxes(order.customer.id, order.location.id));
      await em.populate(order, ['lines']);
      order.lines.getItems().forEach((l) => em.remove(l));
      // The old lines go first: a new line must not meet an old one's position in the unique key.
      await em.flush();
      resolved.forEach((r, position) =>
        order.lines.add(
          em.create(OrderLine, {
            order,
            position,
            price: r.price.id,
            priceCode: r.price.code,
            sku: r.sku,
            stockPolicy: r.stockPolicy,
            quantityOrdered: r.quantity,
            quantity: r.quantity,
            amount: priced.lines[position].amount,
            tax: priced.lines[position].tax,
            steps: priced.lines[position].steps,
          }),
        ),
      );
      order.subtotal = priced.subtotal;
      order.tax = priced.tax;
      order.total = priced.total;
    });
  }

  /** The shared frame: lock, authorize, check SCHEDULED and not frozen, apply, bump, emit. */
  private async change(
    id: string,
    verb: OrderVerb,
    apply: (em: EntityManager, order: Order, now: Date, leadDays: number) => Promise<void>,
  ): Promise<Order> {
    authorize(this.ctx.actor, 'orders:write');
    return this.ctx.em.transactional(async (em) => {
      const { order, now, leadDays } = await lockScheduledOrder(this.ctx, em, id);
      await em.populate(order, ['customer', 'location', 'subscription']);
      await apply(em, order, now, leadDays);
      order.version++;
      order.updatedAt = now;
      await em.flush();
      await em.populate(order, ['lines'], { refresh: true });
      // One of three verbs with one payload shape: the union of their events, as emitEvent takes it.
      await emitEvent(em, orderEvent(verb, order, order.lines.getItems(), now) as DomainEventInput);
      return order;
    });
  }

  private scheduleOf(em: EntityManager, order: Order): Promise<DeliverySchedule | null> {
    return order.subscription
      ? em.findOne(DeliverySchedule, { subscription: order.subscription.id }, { populate: ['customer', 'location', 'subscription'] })
      : Promise.resolve(null);
  }

  private async scheduleFollowing(em: EntityManager, order: Order, now: Date): Promise<void> {
    const schedule = await this.scheduleOf(em, order);
    if (!schedule || order.deliveryIndex === null) return;
    const index = order.deliveryIndex + 1;
    if (await em.count(Order, { subscription: schedule.subscription.id, deliveryIndex: index })) return;
    await scheduleOrder(em, schedule, index, schedule.subscription.purchaseOrderNumber, now);
  }
}
