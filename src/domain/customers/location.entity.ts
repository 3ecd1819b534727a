import { Collection, Entity, Index, ManyToOne, OneToMany, PrimaryKey, Property, Rel } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { Address } from './address';
import { Customer } from './customer.entity';
import { LocationExternalId } from './location-external-id.entity';

/** A customer's ship-to place (a plant, a receiving dock), with an address of its own. */
@Entity({ tableName: 'location' })
@Index({ properties: ['customer', 'createdAt', 'id'] })
export class Location {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Customer, { fieldName: 'customer_id', deleteRule: 'cascade' })
  customer!: Rel<Customer>;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'jsonb' })
  address!: Address;

  @OneToMany(() => LocationExternalId, (x) => x.location, { orderBy: { system: 'asc', externalId: 'asc' } })
  externalIds = new Collection<LocationExternalId>(this);

  @Property({ type: 'timestamptz' })
  createdAt!: Date;

  @Property({ type: 'timestamptz' })
  updatedAt!: Date;
}
