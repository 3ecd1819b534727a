import { Collection, Entity, Enum, Index, ManyToOne, OneToMany, Opt, PrimaryKey, Property, Rel } from '@mikro-orm/core';
import { TestClock } from '../test-clocks/test-clock.entity';
import { randomUUID } from 'node:crypto';
import { DecimalType } from '../../db/decimal.type';
import type { Decimal } from '../../pricing/decimal';
import type { Address } from './customer-address';
import { CustomerExternalId } from './customer-external-id.entity';

/** Who pays a customer's invoices (CONTRACT.md, B2B accounts): itself, or its parent's invoice. */
export enum InvoiceRecipient {
  SELF = 'SELF',
  PARENT = 'PARENT',
}

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

  /** A value object kept whole (customer-address.ts); null until given. */
  @Property({ type: 'jsonb', nullable: true })
  billingAddress: Address | null = null;

  /** Normalized (upper case, no separators) and format-checked for the billing country (vat-id.ts). */
  @Property({ type: 'text', nullable: true })
  vatId: string | null = null;

  /**
   * The company group (customer-hierarchy.ts): any depth, no cycles, one currency. Set through
   * the service only, under the hierarchy lock, which checks both.
   */
  @ManyToOne(() => Customer, { fieldName: 'parent_id', nullable: true, index: true })
  parent: Rel<Customer> | null = null;

  /** PARENT: billed on the paying ancestor's invoices (one per payer and billing instant). */
  @Enum({ items: () => InvoiceRecipient, nativeEnumName: 'invoice_recipient', default: InvoiceRecipient.SELF })
  invoiceTo: InvoiceRecipient & Opt = InvoiceRecipient.SELF;

  /**
   * What creditExposure may reach (credit-limit.ts, docs/credit-limits.md), in the customer's
   * currency at its minor unit; null is no limit.
   */
  @Property({ type: DecimalType, nullable: true })
  creditLimit: Decimal | null = null;

  @Property({ type: 'boolean' })
  invoiceDrafts: boolean & Opt = false;

  /** Every invoice is due this many days after finalization ("net 30"; payments/payment-terms.ts); sent invoices are chased from then. */
  @Property({ type: 'integer', default: 30 })
  paymentTermsDays: number & Opt = 30;

  /** Nothing is bought without a purchase order number: every subscription and quote needs one (purchase-order.ts). */
  @Property({ type: 'boolean', default: false })
  purchaseOrderRequired: boolean & Opt = false;
  /** "Net 30 end of month": due at the end of the month in which finalization + paymentTermsDays falls. */
  @Property({ type: 'boolean', default: false })
  paymentTermsEndOfMonth: boolean & Opt = false;

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
