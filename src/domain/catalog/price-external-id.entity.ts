import { Entity, Index, Property } from '@mikro-orm/core';
import { ExternalIdColumns } from '../external-ids/external-id.entity';

/**
 * A price's id in another system (STRIPE price_…), unique per system. It names the price code,
 * not a version: `updatePrice` makes new versions of the same price, and all of them share the
 * code's external ids. No foreign key: a code is a column of every version, unique in none, and
 * codes are never deleted (a price is archived, not removed).
 */
@Entity({ tableName: 'price_external_id' })
@Index({ properties: ['priceCode'] })
export class PriceExternalId extends ExternalIdColumns {
  @Property({ type: 'text' })
  priceCode!: string;
}
