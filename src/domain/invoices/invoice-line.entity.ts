import { Entity, Index, ManyToOne, PrimaryKey, Property, Rel } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { DecimalType } from '../../db/decimal.type';
import type { Decimal } from '../../pricing/decimal';
import { Price } from '../catalog/price.entity';
import { Customer } from '../customers/customer.entity';
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

  @ManyToOne(() => Customer, { fieldName: 'customer_id' })
  customer!: Rel<Customer>;

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

  @Property({ type: 'timestamptz', nullable: true })
  periodStart: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  periodEnd: Date | null = null;

  @Property({ type: 'boolean' })
  proration!: boolean;

  @Property({ type: 'jsonb' })
  steps!: string[];
}
