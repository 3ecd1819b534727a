import { Entity, Index, ManyToOne, Rel } from '@mikro-orm/core';
import { ExternalIdColumns } from '../external-ids/external-id.entity';
import { Customer } from './customer.entity';

/** A customer's id in another system (SAP, Salesforce, STRIPE): unique per system. */
@Entity({ tableName: 'customer_external_id' })
@Index({ properties: ['customer'] })
export class CustomerExternalId extends ExternalIdColumns {
  @ManyToOne(() => Customer, { fieldName: 'customer_id', deleteRule: 'cascade' })
  customer!: Rel<Customer>;
}
