import { Collection, Entity, Enum, Index, OneToMany, Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { DecimalType } from '../../db/decimal.type';
import type { Decimal } from '../../pricing/decimal';
import { CustomerExternalId } from './customer-external-id.entity';

export enum TaxStatus {
  TAXABLE = 'TAXABLE',
  EXEMPT = 'EXEMPT',
  REVERSE_CHARGE = 'REVERSE_CHARGE',
}

@Entity({ tableName: 'customer' })
@Index({ properties: ['createdAt', 'id'] })
export class Customer {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text' })
  email!: string;

  @Property({ type: 'string', length: 3 })
  currency!: string;

  @Enum({ items: () => TaxStatus, nativeEnumName: 'tax_status' })
  taxStatus!: TaxStatus;

  /** Percent (20.00 = 20 %); set exactly when TAXABLE. */
  @Property({ type: DecimalType, nullable: true })
  taxRate: Decimal | null = null;

  @Property({ type: 'boolean' })
  invoiceDrafts: boolean & Opt = false;

  @OneToMany(() => CustomerExternalId, (x) => x.customer, { orphanRemoval: true })
  externalIds = new Collection<CustomerExternalId>(this);

  @Property({ type: 'timestamptz' })
  createdAt!: Date;

  @Property({ type: 'timestamptz' })
  updatedAt!: Date;
}
