import { Entity, Index, ManyToOne, Rel } from '@mikro-orm/core';
import { ExternalIdColumns } from '../external-ids/external-id.entity';
import { Location } from './location.entity';

/** A location's id in another system (an ERP's ship-to party, a WMS's dock): unique per system. */
@Entity({ tableName: 'location_external_id' })
@Index({ properties: ['location'] })
export class LocationExternalId extends ExternalIdColumns {
  @ManyToOne(() => Location, { fieldName: 'location_id', deleteRule: 'cascade' })
  location!: Rel<Location>;
}
