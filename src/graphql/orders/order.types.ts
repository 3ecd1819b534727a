import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DeliveryUnit, OrderBilling } from '../../domain/orders/delivery';
import { OrderHoldReason, OrderStatus } from '../../domain/orders/order.entity';
import type { Decimal } from '../../pricing/decimal';
import { CurrencyScalar } from '../scalars/standard';
import { DecimalScalar } from '../scalars/decimal.scalar';
import { Connection } from '../shared/connection';

registerEnumType(OrderStatus, { name: 'OrderStatus' });
registerEnumType(OrderHoldReason, { name: 'OrderHoldReason', description: 'Why a due order was not placed' });
registerEnumType(DeliveryUnit, { name: 'DeliveryUnit' });
registerEnumType(OrderBilling, { name: 'OrderBilling' });

@ObjectType('OrderLine')
export class OrderLineType {
  @Field()
  sku!: string;

  @Field()
  priceCode!: string;

  @Field(() => DecimalScalar, { description: 'What the order carries and is priced at' })
  quantity!: string;

  @Field(() => DecimalScalar, { description: 'What the schedule asked for (more than quantity when SKIP_LINE found too little stock)' })
  quantityOrdered!: string;

  @Field(() => DecimalScalar)
  quantityShipped!: string;

  @Field(() => DecimalScalar, { description: 'Of quantity, what waits for stock' })
  quantityBackordered!: string;

  @Field(() => DecimalScalar, { description: 'Of quantity, what will not ship (cancelOrderLines, cancelOrder)' })
  quantityCanceled!: string;

  @Field(() => DecimalScalar)
  amount!: string;

  @Field(() => DecimalScalar)
  tax!: string;

  @Field(() => [String])
  steps!: string[];
}

@ObjectType('ShipmentLine')
export class ShipmentLineType {
  @Field()
  sku!: string;

  @Field(() => DecimalScalar)
  quantity!: string;
}

@ObjectType('Shipment')
export class ShipmentType {
  @Field(() => ID)
  id!: string;

  @Field()
  externalId!: string;

  @Field(() => String, { nullable: true })
  carrier!: string | null;

  @Field(() => String, { nullable: true })
  trackingNumber!: string | null;

  @Field()
  shippedAt!: Date;

  @Field(() => [ShipmentLineType])
  lines!: ShipmentLineType[];
}

@ObjectType('Order')
export class OrderType {
  @Field(() => ID)
  id!: string;

  @Field()
  number!: string;

  @Field(() => OrderStatus)
  status!: OrderStatus;

  @Field()
  scheduledFor!: Date;

  @Field(() => Date, { nullable: true })
  placedAt!: Date | null;

  @Field(() => OrderHoldReason, { nullable: true, description: 'Set when a due order was not placed; it stays SCHEDULED' })
  holdReason!: OrderHoldReason | null;

  @Field(() => String, { nullable: true })
  purchaseOrderNumber!: string | null;

  @Field(() => CurrencyScalar)
  currency!: string;

  @Field(() => DecimalScalar, { description: 'Until placed, an estimate at the current prices' })
  subtotal!: string;

  @Field(() => DecimalScalar)
  tax!: string;

  @Field(() => DecimalScalar)
  total!: string;

  @Field(() => DecimalScalar, {
    description: 'What canceled quantities took off total, tax included: the order bills total − canceledTotal in all',
  })
  canceledTotal!: string;

  @Field(() => [OrderLineType])
  lines!: OrderLineType[];

  @Field(() => Int, { description: 'Bumped by every change' })
  version!: number;

  @Field()
  createdAt!: Date;

  customerId!: string;
  subscriptionId!: string | null;
  locationId!: string;
}

export const OrderConnection = Connection('Order', OrderType);

@ObjectType('DeliverySchedule')
export class DeliveryScheduleType {
  @Field(() => Int)
  every!: number;

  @Field(() => DeliveryUnit)
  unit!: DeliveryUnit;

  @Field(() => ID)
  locationId!: string;

  @Field()
  firstDeliveryAt!: Date;

  @Field(() => OrderBilling)
  billOn!: OrderBilling;

  @Field(() => [DeliveryItemType], { description: 'The PHYSICAL items each order carries' })
  items!: DeliveryItemType[];
}

@ObjectType('DeliveryItem')
export class DeliveryItemType {
  @Field()
  priceCode!: string;

  @Field()
  sku!: string;

  @Field(() => DecimalScalar)
  quantity!: Decimal;
}

@InputType('DeliveryInput')
export class DeliveryInputType {
  @Field(() => Int)
  every!: number;

  @Field(() => DeliveryUnit)
  unit!: DeliveryUnit;

  @Field(() => ID, { description: "The ship-to location: one of the customer's" })
  locationId!: string;

  @Field(() => Date, { nullable: true, description: 'Default: when the subscription starts' })
  firstDeliveryAt?: Date | null;

  @Field(() => OrderBilling, { nullable: true, description: 'Default SHIPMENT' })
  billOn?: OrderBilling | null;
}

@InputType('OrderLineInput')
export class OrderLineInput {
  @Field()
  priceCode!: string;

  @Field(() => DecimalScalar)
  quantity!: Decimal;
}

@InputType('ShipmentLineInput')
export class ShipmentLineInput {
  @Field()
  sku!: string;

  @Field(() => DecimalScalar)
  quantity!: Decimal;
}

@InputType('RecordShipmentInput')
export class RecordShipmentInput {
  @Field(() => ID)
  orderId!: string;

  @Field({ description: "The ERP's or WMS's id: a replay with the same content returns the same shipment" })
  externalId!: string;

  @Field(() => String, { nullable: true })
  carrier?: string | null;

  @Field(() => String, { nullable: true })
  trackingNumber?: string | null;

  @Field()
  shippedAt!: Date;

  @Field(() => [ShipmentLineInput])
  lines!: ShipmentLineInput[];
}

@InputType('CancelOrderLineInput')
export class CancelOrderLineInput {
  @Field()
  sku!: string;

  @Field(() => DecimalScalar, { description: 'Above 0, at most what is left to ship of the SKU' })
  quantity!: Decimal;
}

@InputType('CancelOrderLinesInput')
export class CancelOrderLinesInput {
  @Field(() => ID)
  orderId!: string;

  @Field(() => [CancelOrderLineInput], {
    nullable: true,
    description: 'Quantities per SKU of what has not shipped; omitted or empty: all of it (the backordered rest, say)',
  })
  lines?: CancelOrderLineInput[] | null;

  @Field(() => String, { nullable: true })
  reason?: string | null;
}
