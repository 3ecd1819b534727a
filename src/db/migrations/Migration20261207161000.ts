import { Migration } from '@mikro-orm/migrations';

/** Connectors (issue 20, docs/connectors.md): connections with encrypted credentials and an outbox cursor; their sync log. */
export class Migration20261207161000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "connected_system" as enum ('HUBSPOT', 'SALESFORCE', 'SAP_S4HANA', 'DYNAMICS_365');`);
    this.addSql(`create type "connection_status" as enum ('ACTIVE', 'PAUSED');`);
    this.addSql(`create type "connection_record_status" as enum ('PENDING', 'SYNCED', 'FAILED', 'DEAD');`);
    this.addSql(`create table "connection" ("id" uuid not null, "system" "connected_system" not null, "base_url" text not null, "credentials_secret" text not null, "settings" jsonb not null, "status" "connection_status" not null, "cursor_tx_id" xid8 not null default pg_snapshot_xmin(pg_current_snapshot()), "cursor_position" bigint not null default 0, "last_sync_at" timestamptz null, "created_at" timestamptz not null, constraint "connection_pkey" primary key ("id"));`);
    this.addSql(`create index "connection_created_at_id_index" on "connection" ("created_at", "id");`);

    this.addSql(`create table "connection_record" ("id" uuid not null, "connection_id" uuid not null, "record_type" text not null, "tariff_id" uuid not null, "customer_id" uuid null, "external_id" text null, "status" "connection_record_status" not null, "event_id" uuid not null, "wanted_seq" int not null, "synced_seq" int not null default 0, "attempts" int not null default 0, "last_attempt_at" timestamptz null, "last_error" text null, "next_attempt_at" timestamptz null, "synced_at" timestamptz null, "created_at" timestamptz not null, constraint "connection_record_pkey" primary key ("id"));`);
    this.addSql(`create index "connection_record_connection_id_status_next_attempt_at_index" on "connection_record" ("connection_id", "status", "next_attempt_at");`);
    this.addSql(`create index "connection_record_connection_id_created_at_id_index" on "connection_record" ("connection_id", "created_at", "id");`);
    this.addSql(`alter table "connection_record" add constraint "connection_record_connection_id_record_type_tariff_id_unique" unique ("connection_id", "record_type", "tariff_id");`);

    this.addSql(`alter table "connection_record" add constraint "connection_record_connection_id_foreign" foreign key ("connection_id") references "connection" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "connection_record" drop constraint "connection_record_connection_id_foreign";`);

    this.addSql(`drop table if exists "connection" cascade;`);

    this.addSql(`drop table if exists "connection_record" cascade;`);

    this.addSql(`drop type "connected_system";`);
    this.addSql(`drop type "connection_status";`);
    this.addSql(`drop type "connection_record_status";`);
  }

}
