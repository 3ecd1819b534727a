import { Collection, Entity, Enum, Index, ManyToOne, OneToMany, Opt, PrimaryKey, Property, Rel } from '@mikro-orm/core';
import { TestClock } from '../test-clocks/test-clock.entity';
import { randomUUID } from 'node:crypto';
import { DecimalType } from '../../db/decimal.type';
import type { Decimal } from '../../pricing/decimal';
import { CustomerExternalId } from './customer-external-id.entity';

export enum TaxStatus {
  TAXABLE = 'TAXABLE',
  EXEMPT = 'EXEMPT',
  REVERSE_CHARGE = 'REVERSE_CHARGE',
}

@Entity({ tableName: 'customer' })
@Index({ properties: ['createdAt', 'id'] })
// customers(filter: { tags }) is a containment test (`tags @> …`), which this index answers.
@Index({ name: 'customer_tags_index', expression: 'create index "customer_tags_index" on "customer" using gin ("tags" jsonb_path_ops)' })
export class Customer {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text' })
  email!: string;

  @Property({ type: 'string', length: 3 })
  currency!: string;

  @Enum({ items: () => TaxStatus, nativeEnumName: 'tax_status' })
  taxStatus!: TaxStatus;

  /** Percent (20.00 = 20 %); set exactly when TAXABLE. */
  @Property({ type: DecimalType, nullable: true })
  taxRate: Decimal | null = null;

  @Property({ type: 'boolean' })
  invoiceDrafts: boolean & Opt = false;

  /** SEND_INVOICE terms (and bank transfer): an invoice is due this many days after finalization ("net 30"). */
  @Property({ type: 'integer', default: 30 })
  paymentTermsDays: number & Opt = 30;

  /** Set at creation only: the customer lives on this simulated clock (CONTRACT.md). */
  @ManyToOne(() => TestClock, { fieldName: 'test_clock_id', nullable: true, index: true })
  testClock: Rel<TestClock> | null = null;

  /** Segment labels (README, Segments and lifecycle signals): distinct, validated by segments/customer-segment-fields.ts. */
  @Property({ type: 'jsonb', default: '[]' })
  tags: string[] & Opt = [];

  /** Free key/value pairs for CRM and marketing tools, flat and bounded (same file). */
  @Property({ type: 'jsonb', default: '{}' })
  metadata: Record<string, string | number | boolean | null> & Opt = {};

  /** The STOREFRONT key that signed the customer up (such a key sees only these); null when staff created it. */
  @Property({ type: 'uuid', nullable: true, index: true })
  createdByKeyId: string | null = null;

  @OneToMany(() => CustomerExternalId, (x) => x.customer, { orphanRemoval: true })
  externalIds = new Collection<CustomerExternalId>(this);

  @Property({ type: 'timestamptz' })
  createdAt!: Date;

  @Property({ type: 'timestamptz' })
  updatedAt!: Date;
}
