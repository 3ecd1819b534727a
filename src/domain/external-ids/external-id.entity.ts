import { PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/**
 * The columns every external-id table has. Each kind keeps a table of its own, alike but for the
 * owner column (external-id-tables.ts says why); the subclass names the table and adds that column.
 */
@Unique({ properties: ['system', 'externalId'] })
export abstract class ExternalIdColumns {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  system!: string;

  @Property({ type: 'text' })
  externalId!: string;
}
