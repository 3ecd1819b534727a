import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Rel } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Customer } from '../customers/customer.entity';
import { Role } from './actor';

@Entity({ tableName: 'api_key' })
@Index({ properties: ['customer'] })
export class ApiKey {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  name!: string;

  @Enum({ items: () => Role, nativeEnumName: 'api_key_role' })
  role!: Role;

  /** Only CUSTOMER keys have one; such a key sees this customer's data and nothing else. */
  @ManyToOne(() => Customer, { nullable: true, fieldName: 'customer_id', deleteRule: 'cascade' })
  customer?: Rel<Customer> | null;

  /** SHA-256 of the secret. Secrets are 192 random bits, so a fast hash is safe and lets us look keys up by it. */
  @Property({ type: 'text', unique: true, hidden: true })
  secretHash!: string;

  /** The first characters of the secret, to tell keys apart in lists without revealing them. */
  @Property({ type: 'text' })
  prefix!: string;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null = null;

  /** Portal session keys expire; others live until revoked. */
  @Property({ type: 'timestamptz', nullable: true })
  expiresAt: Date | null = null;
}
