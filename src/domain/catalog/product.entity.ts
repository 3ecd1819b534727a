import { Entity, Enum, Index, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { ProductKind, StockPolicy } from './product-kind';

@Entity({ tableName: 'product' })
@Index({ properties: ['createdAt', 'id'] })
export class Product {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text', unique: true })
  code!: string;

  @Property({ type: 'text' })
  name!: string;

  @Enum({ items: () => ProductKind, nativeEnumName: 'product_kind', default: ProductKind.SERVICE })
  kind: ProductKind & Opt = ProductKind.SERVICE;

  /** The warehouse's article number: set for PHYSICAL products (and only them), unique; inventory levels and shipments name it. */
  @Property({ type: 'text', nullable: true, unique: true })
  sku: string | null = null;

  /** PHYSICAL only: what placing an order does when stock is short. */
  @Enum({ items: () => StockPolicy, nativeEnumName: 'stock_policy', nullable: true })
  stockPolicy: StockPolicy | null = null;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;
}
