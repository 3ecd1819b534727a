import { ArrayType, Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { Address } from '../customers/address';

/**
 * The seller's one settings row (id 'default'): who the seller is, as invoices print it, and
 * what customers may do for themselves (self-service API and the hosted portal).
 */
@Entity({ tableName: 'seller_settings' })
export class SellerSettings {
  @PrimaryKey({ type: 'text' })
  id: string = 'default';

  @Property({ type: 'text' })
  name!: string;

  /** Printed on invoices, one line each. */
  @Property({ type: ArrayType<string>, columnType: 'text[]' })
  addressLines!: string[];

  @Property({ type: 'text', nullable: true })
  email: string | null = null;

  @Property({ type: 'text', nullable: true })
  taxId: string | null = null;

  /** The registered name, when it differs from `name` ("Acme GmbH" for "Acme"). */
  @Property({ type: 'text', nullable: true })
  legalName: string | null = null;

  /** A value object kept whole, as the customer's billing address is (customer-address.ts). */
  @Property({ type: 'jsonb', nullable: true })
  address: Address | null = null;

  /** Normalized and format-checked for the address's country (vat-id.ts). */
  @Property({ type: 'text', nullable: true })
  vatId: string | null = null;

  /** The commercial register's number (e.g. "HRB 12345"); free text, as registers differ. */
  @Property({ type: 'text', nullable: true })
  registrationNumber: string | null = null;

  @Property({ type: 'boolean' })
  allowSelfServicePause!: boolean;

  @Property({ type: 'boolean' })
  allowSelfServiceCancel!: boolean;

  @Property({ type: 'boolean' })
  allowSelfServiceQuantityChange!: boolean;

  /** Prices a customer may switch its plan to; empty: no self-service plan changes. */
  @Property({ type: ArrayType<string>, columnType: 'text[]' })
  selfServicePriceCodes!: string[];

  @Property({ type: 'timestamptz' })
  updatedAt!: Date;
}
