import { Index, ManyToOne, PrimaryKey, Property, Rel, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Customer } from '../customers/customer.entity';

/**
 * The columns every external-id table has. Each kind keeps a table of its own, alike but for the
 * owner column (external-id-tables.ts says why); the subclass names the table and adds that column.
 */
@Unique({ properties: ['system', 'externalId'] })
export abstract class ExternalIdColumns {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  system!: string;

  @Property({ type: 'text' })
  externalId!: string;
}

/** The same for an owner that belongs to a customer (invoice, subscription). */
@Index({ properties: ['customer'] })
export abstract class CustomerDataExternalIdColumns extends ExternalIdColumns {
  /** The owner's customer, as on every table of a customer's data (README: Scaling out). */
  @ManyToOne(() => Customer, { fieldName: 'customer_id' })
  customer!: Rel<Customer>;
}
