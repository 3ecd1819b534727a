import { Migration } from '@mikro-orm/migrations';

/** Connectors, inbound (issue 20): the inbound cursor of a connection; what it made of each closed-won deal. */
export class Migration20261207161500 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "connection_inbound_status" as enum ('QUOTED', 'ACCEPTED', 'SKIPPED');`);
    this.addSql(`create table "connection_inbound" ("id" uuid not null, "connection_id" uuid not null, "external_id" text not null, "status" "connection_inbound_status" not null, "quote_id" uuid null, "contact_id" uuid null, "message" text null, "updated_at" timestamptz not null, constraint "connection_inbound_pkey" primary key ("id"));`);
    this.addSql(`alter table "connection_inbound" add constraint "connection_inbound_connection_id_external_id_unique" unique ("connection_id", "external_id");`);

    this.addSql(`alter table "connection_inbound" add constraint "connection_inbound_connection_id_foreign" foreign key ("connection_id") references "connection" ("id") on update cascade;`);

    this.addSql(`alter table "connection" add column "inbound_cursor" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "connection_inbound" cascade;`);

    this.addSql(`alter table "connection" drop column "inbound_cursor";`);

    this.addSql(`drop type "connection_inbound_status";`);
  }

}
