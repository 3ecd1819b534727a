import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Decimal, ZERO } from '../../pricing/decimal';
import { authorize, authorizeCustomer, withCreator } from '../auth/actor';
import { ConflictError, InvalidInputError, NotFoundError } from '../errors';
import { emitEvent } from '../events/emit-event';
import { isId } from '../shared/ids';
import type { ServiceContext } from '../shared/service-context';
import { requireAtMost, requireText } from '../shared/validate';
import { clockForCustomer } from '../test-clocks/customer-clock';
import { OrderBilling } from './delivery';
import { DeliverySchedule } from './delivery-schedule.entity';
import { orderEvent } from './order-events';
import { Invoice } from '../invoices/invoice.entity';
import { invoiceShipment, orderBillingKey, shipmentBillingKey } from './order-invoice';
import type { OrderLine } from './order-line.entity';
import { Order, OrderStatus } from './order.entity';
import { splitShipped } from './shipment-split';
import { Shipment, ShipmentLineFacts } from './shipment.entity';
import { cancelOpenQuantities, type LineCancelInput, openQuantity } from './order-line-cancel';
import { creditCanceled } from './order-credit';
import { CreditNote } from '../credit-notes/credit-note.entity';

export interface ShipmentInput {
  orderId: string;
  externalId: string;
  carrier?: string | null;
  trackingNumber?: string | null;
  shippedAt: Date;
  lines: readonly { sku: string; quantity: Decimal }[];
}

const SHIPPABLE = [OrderStatus.PLACED, OrderStatus.BACKORDERED, OrderStatus.PARTIALLY_SHIPPED];
const CANCELABLE = [OrderStatus.PLACED, OrderStatus.BACKORDERED];
const MAX_LINES = 100;

/**
 * What happens to a placed order in the warehouse and after (issue 17): shipments as the ERP or
 * WMS reports them, delivery, and cancelation while nothing has shipped. Each locks the order's
 * row, so concurrent shipments of one order apply one after the other against what is left.
 */
export class OrderFulfilmentService {
  constructor(private readonly ctx: ServiceContext) {}

  /**
   * Records a shipment once per externalId: a replay with the same content returns the shipment
   * it made (whatever the order's status is now); the same id with other content is CONFLICT
   * (reason SHIPMENT_MISMATCH). Each line may ship at most what the order carries and has not
   * shipped yet, backordered quantities included (they ship when the warehouse has them).
   */
  async recordShipment(input: ShipmentInput): Promise<Shipment> {
    authorize(this.ctx.actor, 'shipments:write');
    const externalId = requireText(input.externalId, 'input.externalId');
    const carrier = input.carrier == null ? null : requireText(input.carrier, 'input.carrier');
    const trackingNumber = input.trackingNumber == null ? null : requireText(input.trackingNumber, 'input.trackingNumber');
    if (Number.isNaN(input.shippedAt.getTime())) throw new InvalidInputError('input.shippedAt', 'not a date');
    requireAtMost(input.lines, MAX_LINES, 'input.lines');
    if (input.lines.length === 0) throw new InvalidInputError('input.lines', 'a shipment ships at least one line');
    const seen = new Set<string>();
    input.lines.forEach((l, i) => {
      if (seen.has(l.sku)) throw new InvalidInputError(`input.lines[${i}].sku`, `SKU '${l.sku}' is listed twice`);
      seen.add(l.sku);
      if (!l.quantity.gt(0) || l.quantity.decimalPlaces() > 6) {
        throw new InvalidInputError(`input.lines[${i}].quantity`, 'a quantity above 0, with at most 6 decimals');
      }
    });
    try {
      return await this.ship(input, externalId, carrier, trackingNumber);
    } catch (err) {
      // Two first deliveries of one externalId for two orders at once: the loser learns of the other as a replay would.
      if (err instanceof UniqueConstraintViolationException) {
        throw new ConflictError(`shipment '${externalId}' was recorded meanwhile`, { details: { reason: 'SHIPMENT_MISMATCH' } });
      }
      throw err;
    }
  }

  private ship(input: ShipmentInput, externalId: string, carrier: string | null, trackingNumber: string | null): Promise<Shipment> {
    return this.ctx.em.transactional(async (em) => {
      const order = await this.locked(em, input.orderId, 'input.orderId');
      const previous = await em.findOne(Shipment, { externalId });
      if (previous) {
        const same =
          previous.order.id === order.id &&
          previous.carrier === carrier &&
          previous.trackingNumber === trackingNumber &&
          previous.shippedAt.getTime() === input.shippedAt.getTime() &&
          sameLines(previous.lines, input.lines);
        if (same) return previous;
        throw new ConflictError(`shipment '${externalId}' was recorded with other content`, {
          details: { reason: 'SHIPMENT_MISMATCH', shipmentId: previous.id },
        });
      }
      if (!SHIPPABLE.includes(order.status)) {
        throw new ConflictError(`order ${order.number} is ${order.status}: it cannot ship`, {
          details: { reason: 'ORDER_NOT_SHIPPABLE', status: order.status },
        });
      }
      const lines = order.lines.getItems();
      const earlier = await em.find(Shipment, { order: order.id });
      const billedBefore = new Map<number, { amount: Decimal; tax: Decimal }>();
      for (const s of earlier) {
        for (const p of s.lines.flatMap((l) => l.parts)) {
          const b = billedBefore.get(p.position) ?? { amount: ZERO, tax: ZERO };
          billedBefore.set(p.position, { amount: b.amount.plus(p.amount), tax: b.tax.plus(p.tax) });
        }
      }
      const facts: ShipmentLineFacts[] = input.lines.map((l, i) => {
        const ofSku = lines.filter((ol) => ol.sku === l.sku);
        if (ofSku.length === 0) throw new InvalidInputError(`input.lines[${i}].sku`, `order ${order.number} has no SKU '${l.sku}'`);
        const open = ofSku.reduce((s, ol) => s.plus(openQuantity(ol)), ZERO);
        if (l.quantity.gt(open)) {
          throw new InvalidInputError(
            `input.lines[${i}].quantity`,
            `${l.quantity.toFixed()} of '${l.sku}' is more than order ${order.number} has left to ship (${open.toFixed()})`,
          );
        }
        // Lines of one SKU fill in line order.
        let left = l.quantity;
        const parts: ShipmentLineFacts['parts'] = [];
        for (const ol of ofSku) {
          const take = Decimal.min(left, openQuantity(ol));
          if (!take.gt(0)) continue;
          const before = billedBefore.get(ol.position) ?? { amount: ZERO, tax: ZERO };
          const split = splitShipped(
            {
              quantity: ol.quantity,
              amount: ol.amount,
              tax: ol.tax,
              shippedBefore: ol.quantityShipped,
              amountBefore: before.amount,
              taxBefore: before.tax,
            },
            take,
            order.currency,
          );
          parts.push({ position: ol.position, quantity: take.toFixed(), amount: split.amount.toFixed(), tax: split.tax.toFixed() });
          shipLine(ol, take);
          left = left.minus(take);
        }
        return { sku: l.sku, quantity: l.quantity.toFixed(), parts };
      });
      const now = (await clockForCustomer(em, order.customer.id, this.ctx.clock)).now();
      const shipment = em.create(Shipment, {
        order,
        externalId,
        carrier,
        trackingNumber,
        shippedAt: input.shippedAt,
        lines: facts,
        createdAt: now,
      });
      order.status = lines.every((l) => !openQuantity(l).gt(0)) ? OrderStatus.SHIPPED : OrderStatus.PARTIALLY_SHIPPED;
      order.version++;
      order.updatedAt = now;
      await em.flush();
      await emitEvent(em, orderEvent('shipped', order, lines, now, { shipment: shipmentPayload(shipment) }));
      if ((await this.billOn(em, order)) === OrderBilling.SHIPMENT) await invoiceShipment(em, order, lines, shipment, now);
      return shipment;
    });
  }

  /** SHIPPED → DELIVERED at `at`, as the carrier reports it. */
  async markDelivered(id: string, at: Date): Promise<Order> {
    authorize(this.ctx.actor, 'shipments:write');
    if (Number.isNaN(at.getTime())) throw new InvalidInputError('at', 'not a date');
    return this.ctx.em.transactional(async (em) => {
      const order = await this.locked(em, id, 'id');
      if (order.status !== OrderStatus.SHIPPED) {
        throw new ConflictError(`order ${order.number} is ${order.status}: only a SHIPPED order is delivered`, {
          details: { reason: 'ORDER_NOT_SHIPPED', status: order.status },
        });
      }
      const now = (await clockForCustomer(em, order.customer.id, this.ctx.clock)).now();
      order.status = OrderStatus.DELIVERED;
      order.deliveredAt = at;
      order.version++;
      order.updatedAt = now;
      await em.flush();
      await emitEvent(em, orderEvent('delivered', order, order.lines.getItems(), now));
      return order;
    });
  }

  /**
   * PLACED or BACKORDERED → CANCELED while nothing has shipped: what the order reserved goes back
   * to `available`; under billOn ORDER its invoice is credited for everything (order-credit.ts).
   */
  async cancel(id: string, reason: string | null): Promise<Order> {
    authorize(this.ctx.actor, 'orders:cancel');
    const why = reason == null ? null : requireText(reason, 'reason', 500);
    return this.ctx.em.transactional(async (em) => {
      const order = await this.locked(em, id, 'id', 'orders:cancel');
      const lines = order.lines.getItems();
      if (!CANCELABLE.includes(order.status) || lines.some((l) => l.quantityShipped.gt(0))) {
        throw new ConflictError(`order ${order.number} is ${order.status}: only a placed order with nothing shipped can be canceled`, {
          details: { reason: 'ORDER_NOT_CANCELABLE', status: order.status },
        });
      }
      const now = (await clockForCustomer(em, order.customer.id, this.ctx.clock)).now();
      await cancelOpenQuantities(em, order, lines, null, now);
      const note = await this.credit(em, order, lines, why, now);
      await emitEvent(em, orderEvent('canceled', order, lines, now, { reason: why, creditNoteId: note?.id ?? null }));
      return order;
    });
  }

  /**
   * Cancels what a placed order has not shipped (PLACED, BACKORDERED or PARTIALLY_SHIPPED): the
   * given quantities per SKU, or, without lines, the whole open rest (the backorder of a partly
   * shipped order, say). Reserved stock goes back to `available`; under billOn ORDER the invoice
   * is credited for what will not ship (order-credit.ts); under SHIPMENT nothing was invoiced for
   * it. The order then carries on with what is left: SHIPPED once all that is left shipped
   * (CANCELED when that is nothing). `order.lines_canceled`, or `order.canceled` when it ends CANCELED.
   */
  async cancelLines(input: { orderId: string; lines?: readonly LineCancelInput[] | null; reason?: string | null }): Promise<Order> {
    authorize(this.ctx.actor, 'orders:cancel');
    const why = input.reason == null ? null : requireText(input.reason, 'input.reason', 500);
    const requested = input.lines == null || input.lines.length === 0 ? null : requireAtMost(input.lines, MAX_LINES, 'input.lines');
    return this.ctx.em.transactional(async (em) => {
      const order = await this.locked(em, input.orderId, 'input.orderId', 'orders:cancel');
      const lines = order.lines.getItems();
      if (!SHIPPABLE.includes(order.status) || !lines.some((l) => openQuantity(l).gt(0))) {
        throw new ConflictError(`order ${order.number} is ${order.status}: it has nothing left to ship that could be canceled`, {
          details: { reason: 'ORDER_NOT_CANCELABLE', status: order.status },
        });
      }
      const now = (await clockForCustomer(em, order.customer.id, this.ctx.clock)).now();
      const canceled = await cancelOpenQuantities(em, order, lines, requested, now);
      const note = await this.credit(em, order, lines, why, now);
      const extra = { reason: why, creditNoteId: note?.id ?? null };
      await emitEvent(
        em,
        order.status === OrderStatus.CANCELED
          ? orderEvent('canceled', order, lines, now, extra)
          : orderEvent('lines_canceled', order, lines, now, {
              ...extra,
              canceled: canceled.map((c) => ({ sku: c.sku, quantity: c.quantity.toFixed() })),
            }),
      );
      return order;
    });
  }

  /** billOn ORDER: the credit note for what the canceled quantities had been invoiced for. */
  private async credit(em: EntityManager, order: Order, lines: readonly OrderLine[], reason: string | null, now: Date) {
    if ((await this.billOn(em, order)) !== OrderBilling.ORDER) return null;
    return creditCanceled(em, order, lines, reason, this.ctx.actor, now);
  }

  /** The credit notes given for an order's canceled quantities (on its billOn ORDER invoice), oldest first. */
  async creditNotesOf(orderId: string): Promise<CreditNote[]> {
    authorize(this.ctx.actor, 'creditNotes:read');
    if (!isId(orderId)) return [];
    return this.ctx.em.find(
      CreditNote,
      { invoice: { billingKey: orderBillingKey(orderId) } },
      { populate: ['lines'], strategy: 'select-in', orderBy: { createdAt: 'asc', number: 'asc' } },
    );
  }

  /** An order's shipments, oldest first, for whoever could read the order. */
  async shipmentsOf(orderId: string): Promise<Shipment[]> {
    return this.ctx.em.find(Shipment, { order: orderId }, { orderBy: { shippedAt: 'asc', createdAt: 'asc', id: 'asc' } });
  }

  /** The invoices that bill an order (its own under billOn ORDER, its shipments' under SHIPMENT), oldest first (one instant's by number). */
  async invoicesOf(orderId: string): Promise<Invoice[]> {
    authorize(this.ctx.actor, 'invoices:read');
    const shipments = await this.ctx.em.find(Shipment, { order: orderId }, { fields: ['id'] });
    const keys = [orderBillingKey(orderId), ...shipments.map((s) => shipmentBillingKey(s.id))];
    return this.ctx.em.find(
      Invoice,
      { billingKey: { $in: keys } },
      { populate: ['lines'], strategy: 'select-in', orderBy: { createdAt: 'asc', number: 'asc', id: 'asc' } },
    );
  }

  private async locked(em: EntityManager, id: string, field: string, permission: 'shipments:write' | 'orders:cancel' = 'shipments:write') {
    const order = isId(id) ? await em.findOne(Order, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
    if (!order) throw new NotFoundError('order', id, field);
    authorizeCustomer(this.ctx.actor, permission, await withCreator(this.ctx.actor, order.customer));
    await em.populate(order, ['customer', 'location', 'subscription', 'lines']);
    return order;
  }

  private async billOn(em: EntityManager, order: Order): Promise<OrderBilling | null> {
    if (!order.subscription) return null;
    const schedule = await em.findOne(DeliverySchedule, { subscription: order.subscription.id });
    return schedule?.billOn ?? null;
  }
}

/** Ships `take` of a line: backordered is what of the open rest still waits for stock, never more than that rest. */
function shipLine(line: OrderLine, take: Decimal): void {
  line.quantityShipped = line.quantityShipped.plus(take);
  line.quantityBackordered = Decimal.min(line.quantityBackordered, openQuantity(line));
}

function sameLines(stored: readonly ShipmentLineFacts[], given: ShipmentInput['lines']): boolean {
  const key = (ls: readonly { sku: string; quantity: string }[]) =>
    JSON.stringify([...ls].map((l) => [l.sku, new Decimal(l.quantity).toFixed()]).sort());
  return key(stored) === key(given.map((l) => ({ sku: l.sku, quantity: l.quantity.toFixed() })));
}

export function shipmentPayload(s: Shipment) {
  return {
    id: s.id,
    externalId: s.externalId,
    carrier: s.carrier,
    trackingNumber: s.trackingNumber,
    shippedAt: s.shippedAt.toISOString(),
    lines: s.lines.map((l) => ({ sku: l.sku, quantity: l.quantity })),
  };
}
