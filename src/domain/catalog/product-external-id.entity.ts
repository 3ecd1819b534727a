import { Entity, Index, ManyToOne, PrimaryKey, Property, Rel, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Product } from './product.entity';

/** A product's id in another system (SAP material, STRIPE prod_…): unique per system. */
@Entity({ tableName: 'product_external_id' })
@Unique({ properties: ['system', 'externalId'] })
@Index({ properties: ['product'] })
export class ProductExternalId {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Product, { fieldName: 'product_id', deleteRule: 'cascade' })
  product!: Rel<Product>;

  @Property({ type: 'text' })
  system!: string;

  @Property({ type: 'text' })
  externalId!: string;
}
