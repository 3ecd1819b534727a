import { Entity, Index, ManyToOne, Rel } from '@mikro-orm/core';
import { CustomerDataExternalIdColumns } from '../external-ids/customer-data-external-id.entity';
import { Subscription } from './subscription.entity';

/** A subscription's id in another system (STRIPE sub_…, a CRM's contract id): unique per system. */
@Entity({ tableName: 'subscription_external_id' })
@Index({ properties: ['subscription'] })
export class SubscriptionExternalId extends CustomerDataExternalIdColumns {
  @ManyToOne(() => Subscription, { fieldName: 'subscription_id', deleteRule: 'cascade' })
  subscription!: Rel<Subscription>;
}
