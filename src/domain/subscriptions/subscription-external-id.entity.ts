import { Entity, Index, ManyToOne, PrimaryKey, Property, Rel, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Customer } from '../customers/customer.entity';
import { Subscription } from './subscription.entity';

/** A subscription's id in another system (STRIPE sub_…, a CRM's contract id): unique per system. */
@Entity({ tableName: 'subscription_external_id' })
@Unique({ properties: ['system', 'externalId'] })
@Index({ properties: ['subscription'] })
@Index({ properties: ['customer'] })
export class SubscriptionExternalId {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Subscription, { fieldName: 'subscription_id', deleteRule: 'cascade' })
  subscription!: Rel<Subscription>;

  /** The subscription's customer, as on every table of a customer's data (README: Scaling out). */
  @ManyToOne(() => Customer, { fieldName: 'customer_id' })
  customer!: Rel<Customer>;

  @Property({ type: 'text' })
  system!: string;

  @Property({ type: 'text' })
  externalId!: string;
}
