import { formatMoney } from '../../pricing/currency';
import type { DomainEventOf } from '../events/event-types';
import type { Order } from './order.entity';
import type { OrderLine } from './order-line.entity';

export type OrderVerb =
  | 'scheduled'
  | 'placed'
  | 'backordered'
  | 'held'
  | 'skipped'
  | 'rescheduled'
  | 'updated'
  | 'shipped'
  | 'delivered'
  | 'canceled'
  | 'lines_canceled';

/** What an order event tells of an order: an Order entity, or the batch path's rows (order-batch.ts). */
export type OrderFacts = Pick<
  Order,
  | 'id'
  | 'number'
  | 'status'
  | 'scheduledFor'
  | 'placedAt'
  | 'holdReason'
  | 'purchaseOrderNumber'
  | 'currency'
  | 'subtotal'
  | 'tax'
  | 'total'
> & { customer: { id: string }; subscription: { id: string } | null; location: { id: string } };
export type OrderLineFacts = Pick<OrderLine, 'sku' | 'priceCode' | 'quantity' | 'quantityBackordered' | 'quantityShipped' | 'amount'> & {
  /** Absent on the batch path's rows: nothing of an order being placed is canceled. */
  quantityCanceled?: OrderLine['quantityCanceled'];
};

/** `order.<verb>` with the order as it is after the change, as the aggregate; `extra`: what the verb adds (the shipment, the reason). */
export function orderEvent<V extends OrderVerb>(
  verb: V,
  order: OrderFacts,
  lines: readonly OrderLineFacts[],
  at: Date,
  extra: Record<string, unknown> = {},
): DomainEventOf<`order.${V}`> {
  const money = (d: OrderFacts['total']) => formatMoney(d, order.currency);
  return {
    type: `order.${verb}`,
    aggregateType: 'order',
    aggregateId: order.id,
    customerId: order.customer.id,
    at,
    payload: {
      id: order.id,
      number: order.number,
      status: order.status,
      customerId: order.customer.id,
      subscriptionId: order.subscription?.id ?? null,
      locationId: order.location.id,
      scheduledFor: order.scheduledFor.toISOString(),
      placedAt: order.placedAt?.toISOString() ?? null,
      holdReason: order.holdReason,
      purchaseOrderNumber: order.purchaseOrderNumber,
      currency: order.currency,
      subtotal: money(order.subtotal),
      tax: money(order.tax),
      total: money(order.total),
      lines: lines.map((l) => ({
        sku: l.sku,
        priceCode: l.priceCode,
        quantity: l.quantity.toFixed(),
        quantityBackordered: l.quantityBackordered.toFixed(),
        quantityShipped: l.quantityShipped.toFixed(),
        quantityCanceled: l.quantityCanceled?.toFixed() ?? '0',
        amount: money(l.amount),
      })),
      ...extra,
    },
  } as DomainEventOf<`order.${V}`>;
}
