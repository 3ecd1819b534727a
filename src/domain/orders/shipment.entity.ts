import { Entity, Index, ManyToOne, PrimaryKey, Property, Rel } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Order } from './order.entity';

/**
 * One shipped line: the SKU and quantity the warehouse reported, and what of the order line's
 * amount and tax it bills (shipment-split.ts), kept so that a line's last shipment bills exactly
 * the remainder whatever `billOn` says.
 */
export interface ShipmentLineFacts {
  sku: string;
  quantity: string;
  /** Per order line it drew from (lines of one SKU fill in line order). */
  parts: { position: number; quantity: string; amount: string; tax: string }[];
}

/** What left the warehouse for an order (recordShipment): once per external id, whatever replays. */
@Entity({ tableName: 'shipment' })
@Index({ properties: ['order', 'shippedAt'] })
export class Shipment {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Order, { fieldName: 'order_id' })
  order!: Rel<Order>;

  /** The ERP's or WMS's id: unique, so a replay finds the shipment it made. */
  @Property({ type: 'text', unique: true })
  externalId!: string;

  @Property({ type: 'text', nullable: true })
  carrier: string | null = null;

  @Property({ type: 'text', nullable: true })
  trackingNumber: string | null = null;

  @Property({ type: 'timestamptz' })
  shippedAt!: Date;

  @Property({ type: 'jsonb' })
  lines!: ShipmentLineFacts[];

  @Property({ type: 'timestamptz' })
  createdAt!: Date;
}
