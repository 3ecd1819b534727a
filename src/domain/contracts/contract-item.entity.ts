import { Entity, ManyToOne, PrimaryKey, Property, Rel, Index } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { DecimalType } from '../../db/decimal.type';
import type { Decimal } from '../../pricing/decimal';
import { Customer } from '../customers/customer.entity';
import { Contract } from './contract.entity';

@Entity({ tableName: 'contract_item' })
@Index({ properties: ['contract'] })
@Index({ properties: ['customer', 'priceCode'] })
export class ContractItem {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Contract, { fieldName: 'contract_id', deleteRule: 'cascade' })
  contract!: Rel<Contract>;

  /** Denormalized so the row can be distributed by customer with its contract. */
  @ManyToOne(() => Customer, { fieldName: 'customer_id', deleteRule: 'cascade' })
  customer!: Rel<Customer>;

  @Property({ type: 'text' })
  priceCode!: string;

  /** Replaces the price's rule config; validated by that rule's schema (same kind). */
  @Property({ type: 'jsonb', nullable: true })
  override: Record<string, unknown> | null = null;

  @Property({ type: DecimalType, nullable: true })
  discountPercent: Decimal | null = null;
}
