import { Entity, Index, ManyToOne, Rel } from '@mikro-orm/core';
import { ExternalIdColumns } from '../external-ids/external-id.entity';
import { Product } from './product.entity';

/** A product's id in another system (SAP material, STRIPE prod_…): unique per system. */
@Entity({ tableName: 'product_external_id' })
@Index({ properties: ['product'] })
export class ProductExternalId extends ExternalIdColumns {
  @ManyToOne(() => Product, { fieldName: 'product_id', deleteRule: 'cascade' })
  product!: Rel<Product>;
}
