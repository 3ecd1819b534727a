import { Entity, Index, ManyToOne, PrimaryKey, Property, Rel, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Customer } from '../customers/customer.entity';
import { Invoice } from './invoice.entity';

/** An invoice's id in another system (an ERP document number, STRIPE in_…): unique per system. */
@Entity({ tableName: 'invoice_external_id' })
@Unique({ properties: ['system', 'externalId'] })
@Index({ properties: ['invoice'] })
@Index({ properties: ['customer'] })
export class InvoiceExternalId {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Invoice, { fieldName: 'invoice_id', deleteRule: 'cascade' })
  invoice!: Rel<Invoice>;

  /** The invoice's customer, as on every table of a customer's data (README: Scaling out). */
  @ManyToOne(() => Customer, { fieldName: 'customer_id' })
  customer!: Rel<Customer>;

  @Property({ type: 'text' })
  system!: string;

  @Property({ type: 'text' })
  externalId!: string;
}
