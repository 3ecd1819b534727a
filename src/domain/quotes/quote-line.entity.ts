import { Entity, Index, ManyToOne, PrimaryKey, Property, Rel } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { DecimalType } from '../../db/decimal.type';
import type { Decimal } from '../../pricing/decimal';
import { Price } from '../catalog/price.entity';
import { Customer } from '../customers/customer.entity';
import { Quote } from './quote.entity';

@Entity({ tableName: 'quote_line' })
@Index({ properties: ['quote'] })
@Index({ properties: ['customer'] })
export class QuoteLine {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Quote, { fieldName: 'quote_id', deleteRule: 'cascade' })
  quote!: Rel<Quote>;

  @ManyToOne(() => Customer, { fieldName: 'customer_id' })
  customer!: Rel<Customer>;

  @Property({ type: 'integer' })
  position!: number;

  @Property({ type: 'text' })
  priceCode!: string;

  @Property({ type: DecimalType })
  quantity!: Decimal;

  /** The price version the line was priced at: set when the quote is sent. */
  @ManyToOne(() => Price, { fieldName: 'price_id', nullable: true })
  price: Rel<Price> | null = null;

  /** Frozen when sent. */
  @Property({ type: DecimalType, nullable: true })
  amount: Decimal | null = null;

  @Property({ type: DecimalType, nullable: true })
  tax: Decimal | null = null;

  @Property({ type: 'jsonb', nullable: true })
  steps: string[] | null = null;
}
