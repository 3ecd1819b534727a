import { Entity, Index, ManyToOne, PrimaryKey, Property, Rel } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { DecimalType } from '../../db/decimal.type';
import type { Decimal } from '../../pricing/decimal';
import { Price } from '../catalog/price.entity';
import { Customer } from '../customers/customer.entity';
import type { VatCategory } from '../customers/customer-tax';
import { Invoice } from './invoice.entity';

export enum InvoiceLineKind {
  RECURRING = 'RECURRING',
  USAGE = 'USAGE',
  PRORATION = 'PRORATION',
  MINIMUM_COMMITMENT = 'MINIMUM_COMMITMENT',
  ADJUSTMENT = 'ADJUSTMENT',
  /** An amount-off coupon (README, Coupons): negative. */
  DISCOUNT = 'DISCOUNT',
}

@Entity({ tableName: 'invoice_line' })
@Index({ properties: ['invoice'] })
@Index({ properties: ['customer'] })
export class InvoiceLine {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Invoice, { fieldName: 'invoice_id', deleteRule: 'cascade' })
  invoice!: Rel<Invoice>;

  /** Who consumed it: the invoice's customer, or on a consolidated invoice the group member it is for. */
  @ManyToOne(() => Customer, { fieldName: 'customer_id' })
  customer!: Rel<Customer>;

  /** The subscription it bills, when the invoice bills several (consolidated); null otherwise. */
  @Property({ type: 'uuid', nullable: true })
  subscriptionId: string | null = null;

  /** The consumer's location the subscription is for, when it has one. */
  @Property({ type: 'uuid', nullable: true })
  locationId: string | null = null;

  @Property({ type: 'integer' })
  position!: number;

  @Property({ type: 'text' })
  kind!: InvoiceLineKind;

  @Property({ type: 'text' })
  description!: string;

  @ManyToOne(() => Price, { fieldName: 'price_id', nullable: true })
  price: Rel<Price> | null = null;

  @Property({ type: 'text', nullable: true })
  priceCode: string | null = null;

  @Property({ type: DecimalType })
  quantity!: Decimal;

  /** Rounded once (PRICING.md); negative for credits. */
  @Property({ type: DecimalType })
  amount!: Decimal;

  @Property({ type: DecimalType })
  tax!: Decimal;

  /**
   * The VAT category (EN 16931 BT-151) and rate (percent) `tax` was computed under, stored when the
   * line is made (invoice-line-tax.ts), so that an issued invoice's e-invoice does not follow later
   * changes of its customer's tax settings. Null on older lines whose rate could not be derived.
   */
  @Property({ type: 'text', nullable: true })
  taxCategory: VatCategory | null = null;

  @Property({ type: DecimalType, nullable: true })
  taxRate: Decimal | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  periodStart: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  periodEnd: Date | null = null;

  @Property({ type: 'boolean' })
  proration!: boolean;

  @Property({ type: 'jsonb' })
  steps!: string[];

  /** The purchase order of the subscription this line bills (on a consolidated invoice, each line its own). */
  @Property({ type: 'text', nullable: true })
  purchaseOrderNumber: string | null = null;
}
