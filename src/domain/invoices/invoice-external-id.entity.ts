import { Entity, Index, ManyToOne, Rel } from '@mikro-orm/core';
import { CustomerDataExternalIdColumns } from '../external-ids/customer-data-external-id.entity';
import { Invoice } from './invoice.entity';

/** An invoice's id in another system (an ERP document number, STRIPE in_…): unique per system. */
@Entity({ tableName: 'invoice_external_id' })
@Index({ properties: ['invoice'] })
export class InvoiceExternalId extends CustomerDataExternalIdColumns {
  @ManyToOne(() => Invoice, { fieldName: 'invoice_id', deleteRule: 'cascade' })
  invoice!: Rel<Invoice>;
}
