import { Entity, ManyToOne, PrimaryKey, Property, Unique, Rel, Index } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Customer } from './customer.entity';

/** A customer's id in another system (SAP, Salesforce, STRIPE): unique per system. */
@Entity({ tableName: 'customer_external_id' })
@Unique({ properties: ['system', 'externalId'] })
@Index({ properties: ['customer'] })
export class CustomerExternalId {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Customer, { fieldName: 'customer_id', deleteRule: 'cascade' })
  customer!: Rel<Customer>;

  @Property({ type: 'text' })
  system!: string;

  @Property({ type: 'text' })
  externalId!: string;
}
