import { Index, ManyToOne, Rel } from '@mikro-orm/core';
import { Customer } from '../customers/customer.entity';
import { ExternalIdColumns } from './external-id.entity';

/**
 * ExternalIdColumns for an owner that belongs to a customer (invoice, subscription). In a file
 * apart from external-id.entity.ts, which customers import: otherwise the customer's own
 * external ids would import the customer back through it (an import cycle across folders).
 */
@Index({ properties: ['customer'] })
export abstract class CustomerDataExternalIdColumns extends ExternalIdColumns {
  /** The owner's customer, as on every table of a customer's data (README: Scaling out). */
  @ManyToOne(() => Customer, { fieldName: 'customer_id' })
  customer!: Rel<Customer>;
}
