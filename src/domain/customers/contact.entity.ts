import { Entity, Enum, Index, ManyToOne, Opt, PrimaryKey, Property, Rel } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { ContactRole } from './contact-role';
import { Customer } from './customer.entity';

/**
 * A person at a customer, with the role they play for it. Removing one archives it: events and
 * portal sessions name it after it is gone. One live contact per e-mail and customer.
 */
@Entity({ tableName: 'contact' })
@Index({ properties: ['customer', 'createdAt', 'id'] })
export class Contact {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Customer, { fieldName: 'customer_id', deleteRule: 'cascade' })
  customer!: Rel<Customer>;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text' })
  email!: string;

  @Enum({ items: () => ContactRole, nativeEnumName: 'contact_role' })
  role!: ContactRole;

  @Property({ type: 'timestamptz', nullable: true })
  archivedAt: Opt<Date> | null = null;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;

  @Property({ type: 'timestamptz' })
  updatedAt!: Date;
}
