import { Entity, Enum, ManyToOne, PrimaryKey, Property, Rel, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Connection } from './connection.entity';

/**
 * Where a connection's inbound reads of one kind (`inventory`, `shipments`) stand: the cursor the
 * connector returned (stock) or the vendor's last-modified time of the newest record read
 * (shipments). One row per connection and kind, so each kind moves on its own.
 */
@Entity({ tableName: 'connection_inbound_cursor' })
@Unique({ properties: ['connection', 'kind'] })
export class ConnectionInboundCursor {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Connection, { fieldName: 'connection_id', deleteRule: 'cascade' })
  connection!: Rel<Connection>;

  @Property({ type: 'text' })
  kind!: string;

  @Property({ type: 'text', nullable: true })
  cursor: string | null = null;

  @Property({ type: 'timestamptz' })
  updatedAt!: Date;
}

export enum ConnectionShipmentStatus {
  /** recordShipment took it: `shipmentId` is Tariff's shipment. */
  RECORDED = 'RECORDED',
  /** recordShipment refused it (an unknown order, more shipped than ordered): `message` says why. Tried again when it changes. */
  REJECTED = 'REJECTED',
}

/** What a connection made of each shipment its vendor reported (inbound-goods.ts): one row per vendor shipment id. */
@Entity({ tableName: 'connection_inbound_shipment' })
@Unique({ properties: ['connection', 'externalId'] })
export class ConnectionInboundShipment {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Connection, { fieldName: 'connection_id', deleteRule: 'cascade' })
  connection!: Rel<Connection>;

  /** The vendor's shipment id (SAP: the outbound delivery). */
  @Property({ type: 'text' })
  externalId!: string;

  @Enum({ items: () => ConnectionShipmentStatus, nativeEnumName: 'connection_shipment_status' })
  status!: ConnectionShipmentStatus;

  /** The vendor's last-modified time of the version read. */
  @Property({ type: 'text' })
  modifiedAt!: string;

  @Property({ type: 'uuid', nullable: true })
  shipmentId: string | null = null;

  @Property({ type: 'text', nullable: true })
  message: string | null = null;

  @Property({ type: 'timestamptz' })
  updatedAt!: Date;
}
