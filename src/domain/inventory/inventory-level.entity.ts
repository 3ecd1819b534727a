import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { DecimalType } from '../../db/decimal.type';
import type { Decimal } from '../../pricing/decimal';

/**
 * What the warehouse says it has of a PHYSICAL product, as the ERP or WMS last reported it
 * (setInventoryLevels). Tariff never ships from it by itself: it decides what an order can take
 * when it is placed (issue 17); shipments come from the warehouse.
 */
@Entity({ tableName: 'inventory_level' })
export class InventoryLevel {
  @PrimaryKey({ type: 'text' })
  sku!: string;

  @Property({ type: DecimalType })
  available!: Decimal;

  /** When the warehouse counted it: a report older than the one stored changes nothing ("the latest wins"). */
  @Property({ type: 'timestamptz' })
  asOf!: Date;

  @Property({ type: 'timestamptz' })
  updatedAt!: Date;
}
