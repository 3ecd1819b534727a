import { Migration } from '@mikro-orm/migrations';

/**
 * Written by hand: the version counters the in-process caches check on every request (issue 22,
 * docs/caches.md). A deferred constraint trigger bumps a counter in the same transaction as any
 * write to what a cache holds, whichever path wrote it (ORM, batch, importer, psql), and notifies
 * `tariff_cache` on commit. Deferred, so the counter's row lock is the last lock a writer takes
 * (no lock-order deadlock with the rows it wrote) and is held only while it commits; once per
 * transaction and counter (a transaction-local setting remembers it), so a bulk write costs one
 * update. Values come from a sequence: never reused, even if the table is emptied and refilled.
 */
export class Migration20261207155000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create sequence "cache_version_seq";`);
    this.addSql(`create table "cache_version" ("name" text not null primary key, "version" bigint not null);`);
    this.addSql(`insert into "cache_version" ("name", "version") values ('catalog', nextval('cache_version_seq')), ('auth', nextval('cache_version_seq'));`);
    this.addSql(`create function "bump_cache_version"() returns trigger language plpgsql as $$
declare
  flag text := 'tariff.cache_bumped_' || tg_argv[0];
begin
  if coalesce(current_setting(flag, true), '') = 'on' then
    return null;
  end if;
  perform set_config(flag, 'on', true);
  insert into cache_version (name, version) values (tg_argv[0], nextval('cache_version_seq'))
    on conflict (name) do update set version = excluded.version;
  perform pg_notify('tariff_cache', tg_argv[0]);
  return null;
end
$$;`);
    const triggers: [table: string, events: string, counter: string][] = [
      ['price', 'insert or update or delete', 'catalog'],
      ['contract', 'insert or update or delete', 'catalog'],
      ['contract_item', 'insert or update or delete', 'catalog'],
      // What pricing reads of a customer; a new customer was never cached, so inserts need no bump.
      ['customer', 'update of currency, tax_status, tax_rate or delete', 'catalog'],
      ['api_key', 'insert or update or delete', 'auth'],
      ['portal_session', 'insert or update or delete', 'auth'],
      ['contact', 'update or delete', 'auth'],
    ];
    for (const [table, events, counter] of triggers) {
      this.addSql(
        `create constraint trigger "${table}_bumps_${counter}_cache" after ${events} on "${table}" deferrable initially deferred for each row execute function bump_cache_version('${counter}');`,
      );
    }
  }

  override async down(): Promise<void> {
    for (const [table, counter] of [
      ['price', 'catalog'],
      ['contract', 'catalog'],
      ['contract_item', 'catalog'],
      ['customer', 'catalog'],
      ['api_key', 'auth'],
      ['portal_session', 'auth'],
      ['contact', 'auth'],
    ]) {
      this.addSql(`drop trigger if exists "${table}_bumps_${counter}_cache" on "${table}";`);
    }
    this.addSql(`drop function if exists "bump_cache_version"();`);
    this.addSql(`drop table if exists "cache_version";`);
    this.addSql(`drop sequence if exists "cache_version_seq";`);
  }
}
