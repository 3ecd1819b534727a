import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A version counter of the in-process caches (cache-versions.ts, docs/caches.md): written only by
 * the triggers of Migration20261207155000, read once per request. An entity only so that the
 * schema the entities describe is the schema the migrations build (test/db/migrations.test.ts).
 */
@Entity({ tableName: 'cache_version' })
export class CacheVersion {
  @PrimaryKey({ type: 'text' })
  name!: string;

  @Property({ type: 'bigint' })
  version!: string;
}
