import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Customer } from '../../domain/customers/customer.entity';
import type { Location } from '../../domain/customers/location.entity';
import { Order, OrderStatus } from '../../domain/orders/order.entity';
import type { OrderLine } from '../../domain/orders/order-line.entity';
import type { Subscription } from '../../domain/subscriptions/subscription.entity';
import { formatMoney } from '../../pricing/currency';
import type { Context } from '../context';
import { CustomerType } from '../customers/customer.types';
import { LocationType } from '../customers/location.types';
import { InvoiceType } from '../invoices/invoice.types';
import { ConnectionShape, toConnection } from '../shared/connection';
import { CustomerPageArgs } from '../shared/page-args';
import { SubscriptionType } from '../subscriptions/subscription.types';
import type { Shipment } from '../../domain/orders/shipment.entity';
import { storedToInvoice } from '../invoices/invoice.mapping';
import { toCreditNote } from '../credit-notes/credit-note.mapping';
import { CreditNoteType } from '../credit-notes/credit-note.types';
import {
  CancelOrderLinesInput,
  OrderConnection,
  OrderLineInput,
  OrderLineType,
  OrderType,
  RecordShipmentInput,
  ShipmentType,
} from './order.types';

@ArgsType()
class OrdersArgs extends CustomerPageArgs {
  @Field(() => ID, { nullable: true })
  subscriptionId?: string;

  @Field(() => OrderStatus, { nullable: true })
  status?: OrderStatus;
}

/** The order as GraphQL shows it: money at the currency's minor unit, quantities as plain decimals. */
export function toOrderType(order: Order, lines: readonly OrderLine[]): OrderType {
  const money = (d: Order['total']) => formatMoney(d, order.currency);
  return {
    id: order.id,
    number: order.number,
    status: order.status,
    scheduledFor: order.scheduledFor,
    placedAt: order.placedAt,
    holdReason: order.holdReason,
    purchaseOrderNumber: order.purchaseOrderNumber,
    currency: order.currency,
    subtotal: money(order.subtotal),
    tax: money(order.tax),
    total: money(order.total),
    canceledTotal: money(order.canceledTotal),
    version: order.version,
    createdAt: order.createdAt,
    customerId: order.customer.id,
    subscriptionId: order.subscription?.id ?? null,
    locationId: order.location.id,
    lines: lines.map((l): OrderLineType => ({
      sku: l.sku,
      priceCode: l.priceCode,
      quantity: l.quantity.toFixed(),
      quantityOrdered: l.quantityOrdered.toFixed(),
      quantityShipped: l.quantityShipped.toFixed(),
      quantityBackordered: l.quantityBackordered.toFixed(),
      quantityCanceled: l.quantityCanceled.toFixed(),
      amount: money(l.amount),
      tax: money(l.tax),
      steps: l.steps,
    })),
  };
}

export function toShipmentType(s: Shipment): ShipmentType {
  return {
    id: s.id,
    externalId: s.externalId,
    carrier: s.carrier,
    trackingNumber: s.trackingNumber,
    shippedAt: s.shippedAt,
    lines: s.lines.map((l) => ({ sku: l.sku, quantity: l.quantity })),
  };
}

@Resolver(() => OrderType)
export class OrderResolver {
  @Query(() => OrderType, { nullable: true })
  async order(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<OrderType | null> {
    const order = await ctx.services.orders.get(id);
    return order ? toOrderType(order, await ctx.services.orders.lines(order)) : null;
  }

  @Query(() => OrderConnection, { description: 'Oldest first, by (createdAt, id); a CUSTOMER key sees its own' })
  async orders(@Args(() => OrdersArgs) args: OrdersArgs, @Ctx() ctx: Context): Promise<ConnectionShape<OrderType>> {
    const connection = toConnection(await ctx.services.orders.list(args));
    const edges = [];
    for (const e of connection.edges) edges.push({ cursor: e.cursor, node: toOrderType(e.node, await ctx.services.orders.lines(e.node)) });
    return { ...connection, edges };
  }

  @Mutation(() => OrderType, { description: 'A SCHEDULED order → SKIPPED, until orderLeadDays before its date; the next one is scheduled' })
  async skipOrder(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<OrderType> {
    const order = await ctx.services.orderControls.skip(id);
    return toOrderType(order, order.lines.getItems());
  }

  @Mutation(() => OrderType, { description: 'Moves a SCHEDULED order, until orderLeadDays before its date; not past the next delivery' })
  async rescheduleOrder(@Arg('id', () => ID) id: string, @Arg('to') to: Date, @Ctx() ctx: Context): Promise<OrderType> {
    const order = await ctx.services.orderControls.reschedule(id, to);
    return toOrderType(order, order.lines.getItems());
  }

  @Mutation(() => OrderType, { description: "A SCHEDULED order's lines, for this order only (quantities, or another product: a swap)" })
  async updateOrderLines(
    @Arg('id', () => ID) id: string,
    @Arg('lines', () => [OrderLineInput]) lines: OrderLineInput[],
    @Ctx() ctx: Context,
  ): Promise<OrderType> {
    const order = await ctx.services.orderControls.updateLines(id, lines);
    return toOrderType(order, order.lines.getItems());
  }

  @Mutation(() => OrderType, {
    description:
      "The subscription's next SCHEDULED order placed now, as the billing run places it; the next delivery follows one interval after today",
  })
  async sendOrderNow(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<OrderType> {
    const order = await ctx.services.orderSendNow.sendNow(id);
    return toOrderType(order, order.lines.getItems());
  }

  @FieldResolver(() => CustomerType)
  async customer(@Root() order: OrderType, @Ctx() ctx: Context): Promise<Customer> {
    return (await ctx.loaders.customer.load(order.customerId))!;
  }

  @FieldResolver(() => SubscriptionType, { nullable: true })
  async subscription(@Root() order: OrderType, @Ctx() ctx: Context): Promise<Subscription | null> {
    return order.subscriptionId ? ctx.loaders.subscription.load(order.subscriptionId) : null;
  }

  @FieldResolver(() => LocationType, { description: 'Where it ships to' })
  async location(@Root() order: OrderType, @Ctx() ctx: Context): Promise<Location> {
    const locations = await ctx.loaders.locationsByCustomer.load(order.customerId);
    return locations.find((l) => l.id === order.locationId)!;
  }

  @FieldResolver(() => [ShipmentType], { description: 'What left the warehouse, oldest first' })
  async shipments(@Root() order: OrderType, @Ctx() ctx: Context): Promise<ShipmentType[]> {
    return (await ctx.services.orderFulfilment.shipmentsOf(order.id)).map(toShipmentType);
  }

  @FieldResolver(() => [InvoiceType], {
    description: 'The invoices that bill it: one per shipment (billOn SHIPMENT) or one at placement (ORDER)',
  })
  async invoices(@Root() order: OrderType, @Ctx() ctx: Context): Promise<InvoiceType[]> {
    return (await ctx.services.orderFulfilment.invoicesOf(order.id)).map(storedToInvoice);
  }

  @FieldResolver(() => [CreditNoteType], {
    description: 'The credit notes for its canceled quantities (billOn ORDER: on its invoice), oldest first',
  })
  async creditNotes(@Root() order: OrderType, @Ctx() ctx: Context): Promise<CreditNoteType[]> {
    return (await ctx.services.orderFulfilment.creditNotesOf(order.id)).map(toCreditNote);
  }

  @Mutation(() => OrderType, {
    description:
      'Cancels what a PLACED, BACKORDERED or PARTIALLY_SHIPPED order has not shipped (given quantities, or all of it); reserved stock goes back, billOn ORDER credits it',
  })
  async cancelOrderLines(@Arg('input', () => CancelOrderLinesInput) input: CancelOrderLinesInput, @Ctx() ctx: Context): Promise<OrderType> {
    const order = await ctx.services.orderFulfilment.cancelLines(input);
    return toOrderType(order, order.lines.getItems());
  }

  @Mutation(() => ShipmentType, {
    description: 'What the warehouse shipped (ADMIN): once per externalId, at most what is left to ship; billOn SHIPMENT invoices it',
  })
  async recordShipment(@Arg('input', () => RecordShipmentInput) input: RecordShipmentInput, @Ctx() ctx: Context): Promise<ShipmentType> {
    return toShipmentType(await ctx.services.orderFulfilment.recordShipment(input));
  }

  @Mutation(() => OrderType, { description: 'A SHIPPED order → DELIVERED (ADMIN)' })
  async markOrderDelivered(@Arg('id', () => ID) id: string, @Arg('at') at: Date, @Ctx() ctx: Context): Promise<OrderType> {
    const order = await ctx.services.orderFulfilment.markDelivered(id, at);
    return toOrderType(order, order.lines.getItems());
  }

  @Mutation(() => OrderType, {
    description:
      'A PLACED or BACKORDERED order with nothing shipped → CANCELED; its reserved stock goes back, billOn ORDER credits its invoice',
  })
  async cancelOrder(
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String, { nullable: true }) reason: string | null,
    @Ctx() ctx: Context,
  ): Promise<OrderType> {
    const order = await ctx.services.orderFulfilment.cancel(id, reason ?? null);
    return toOrderType(order, order.lines.getItems());
  }
}
