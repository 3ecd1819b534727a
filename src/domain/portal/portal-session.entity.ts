import { Entity, ManyToOne, Opt, PrimaryKey, Property, Rel } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { ApiKey } from '../auth/api-key.entity';
import { Contact } from '../customers/contact.entity';
import { Customer } from '../customers/customer.entity';

/**
 * A hosted-portal visit: a short-lived CUSTOMER key (its secret is in the link, once) and where
 * the customer goes back to. The key expires with the session.
 */
@Entity({ tableName: 'portal_session' })
export class PortalSession {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => ApiKey, { fieldName: 'api_key_id', unique: true, deleteRule: 'cascade' })
  apiKey!: Rel<ApiKey>;

  @ManyToOne(() => Customer, { fieldName: 'customer_id', index: true })
  customer!: Rel<Customer>;

  /** The contact the portal acts for, with that contact's role (contact-permissions.ts); null: the customer as a whole. */
  @ManyToOne(() => Contact, { fieldName: 'contact_id', nullable: true, deleteRule: 'set null' })
  contact: Opt<Rel<Contact>> | null = null;

  @Property({ type: 'text' })
  returnUrl!: string;

  /** The ADMIN or SALES key that made the link. */
  @Property({ type: 'uuid' })
  createdByKeyId!: string;

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;
}
