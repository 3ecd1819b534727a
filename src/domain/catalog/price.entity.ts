import { Entity, Enum, Index, ManyToOne, Opt, PrimaryKey, Property, Unique, Rel } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Product } from './product.entity';

export enum BillingInterval {
  MONTH = 'MONTH',
  QUARTER = 'QUARTER',
  YEAR = 'YEAR',
  ONE_TIME = 'ONE_TIME',
}

export enum PriceStatus {
  ACTIVE = 'ACTIVE',
  ARCHIVED = 'ARCHIVED',
}

/**
 * One version of a price. `updatePrice` adds a version instead of editing one, so whatever was
 * sold or invoiced at a version keeps pointing at the terms it was sold with.
 */
@Entity({ tableName: 'price' })
@Unique({ properties: ['code', 'version'] })
@Index({ properties: ['createdAt', 'id'] })
@Index({ properties: ['product'] })
// At most one current version per code: the row `price(code)` answers with.
@Index({
  name: 'price_current_code_unique',
  expression: 'create unique index "price_current_code_unique" on "price" ("code") where "is_current"',
})
export class Price {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  code!: string;

  @Property({ type: 'integer' })
  version!: number;

  /** Only the newest version of a code is current; older ones stay for history. */
  @Property({ type: 'boolean' })
  isCurrent: boolean & Opt = true;

  @ManyToOne(() => Product, { fieldName: 'product_id' })
  product!: Rel<Product>;

  @Property({ type: 'string', length: 3 })
  currency!: string;

  @Enum({ items: () => BillingInterval, nativeEnumName: 'billing_interval' })
  interval!: BillingInterval;

  @Property({ type: 'integer' })
  intervalCount: number & Opt = 1;

  @Property({ type: 'text' })
  ruleKind!: string;

  /** The rule config as normalized by the rule's parseConfig when the price was created. */
  @Property({ type: 'jsonb' })
  ruleConfig!: Record<string, unknown>;

  @Enum({ items: () => PriceStatus, nativeEnumName: 'price_status' })
  status: PriceStatus & Opt = PriceStatus.ACTIVE;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;
}
