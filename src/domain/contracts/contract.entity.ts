import { Collection, Entity, Index, ManyToOne, OneToMany, PrimaryKey, Property, Unique, Rel } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { DecimalType } from '../../db/decimal.type';
import type { Decimal } from '../../pricing/decimal';
import { Customer } from '../customers/customer.entity';
import { ContractItem } from './contract-item.entity';

/** Negotiated terms for one customer, in force over [startsAt, endsAt). */
@Entity({ tableName: 'contract' })
@Unique({ properties: ['customer', 'code'] })
@Index({ properties: ['customer', 'startsAt'] })
export class Contract {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Customer, { fieldName: 'customer_id', deleteRule: 'cascade' })
  customer!: Rel<Customer>;

  @Property({ type: 'text' })
  code!: string;

  @Property({ type: 'timestamptz' })
  startsAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  endsAt: Date | null = null;

  @Property({ type: DecimalType, nullable: true })
  minimumCommitment: Decimal | null = null;

  @OneToMany(() => ContractItem, (x) => x.contract, { orphanRemoval: true, orderBy: { priceCode: 'asc' } })
  items = new Collection<ContractItem>(this);

  @Property({ type: 'timestamptz' })
  createdAt!: Date;
}
