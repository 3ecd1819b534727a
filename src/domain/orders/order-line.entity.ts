import { Entity, Enum, ManyToOne, Opt, PrimaryKey, Property, Rel, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { DecimalType } from '../../db/decimal.type';
import { ZERO, type Decimal } from '../../pricing/decimal';
import { Price } from '../catalog/price.entity';
import { StockPolicy } from '../catalog/product-kind';
import { Order } from './order.entity';

/**
 * A SKU on an order. `quantityOrdered` is what the schedule asked for; `quantity` is what the
 * order carries and is priced at (less under SKIP_LINE when stock was short); of it,
 * `quantityBackordered` waits for stock and `quantityShipped` has left the warehouse;
 * `quantityCanceled` will never ship (order-line-cancel.ts). `amount` and `tax` stay what the line
 * was placed at: shipments and credit notes take their parts of them (shipment-split.ts).
 */
@Entity({ tableName: 'order_line' })
@Unique({ properties: ['order', 'position'] })
export class OrderLine {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Order, { fieldName: 'order_id', deleteRule: 'cascade' })
  order!: Rel<Order>;

  @Property({ type: 'integer' })
  position!: number;

  @ManyToOne(() => Price, { fieldName: 'price_id' })
  price!: Rel<Price>;

  @Property({ type: 'text' })
  priceCode!: string;

  @Property({ type: 'text' })
  sku!: string;

  @Enum({ items: () => StockPolicy, nativeEnumName: 'stock_policy' })
  stockPolicy!: StockPolicy;

  @Property({ type: DecimalType })
  quantityOrdered!: Decimal;

  @Property({ type: DecimalType })
  quantity!: Decimal;

  @Property({ type: DecimalType })
  quantityBackordered: Decimal & Opt = ZERO;

  @Property({ type: DecimalType })
  quantityShipped: Decimal & Opt = ZERO;

  @Property({ type: DecimalType })
  quantityCanceled: Decimal & Opt = ZERO;

  @Property({ type: DecimalType })
  amount!: Decimal;

  @Property({ type: DecimalType })
  tax!: Decimal;

  @Property({ type: 'jsonb' })
  steps!: string[];
}
