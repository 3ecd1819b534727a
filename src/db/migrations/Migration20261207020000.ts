import { Migration } from '@mikro-orm/migrations';

/** Written by hand: customers' locations (ship-to) and contacts with roles; a portal session for a contact. */
export class Migration20261207020000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "contact_role" as enum ('ADMIN', 'BUYER', 'APPROVER', 'ACCOUNTS_PAYABLE', 'VIEWER');`);
    this.addSql(`create table "location" ("id" uuid not null, "customer_id" uuid not null, "name" text not null, "address" jsonb not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "location_pkey" primary key ("id"));`);
    this.addSql(`create index "location_customer_id_created_at_id_index" on "location" ("customer_id", "created_at", "id");`);
    this.addSql(`create table "location_external_id" ("id" uuid not null, "location_id" uuid not null, "system" text not null, "external_id" text not null, constraint "location_external_id_pkey" primary key ("id"));`);
    this.addSql(`create index "location_external_id_location_id_index" on "location_external_id" ("location_id");`);
    this.addSql(`alter table "location_external_id" add constraint "location_external_id_system_external_id_unique" unique ("system", "external_id");`);
    this.addSql(`create table "contact" ("id" uuid not null, "customer_id" uuid not null, "name" text not null, "email" text not null, "role" "contact_role" not null, "archived_at" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "contact_pkey" primary key ("id"));`);
    this.addSql(`create index "contact_customer_id_created_at_id_index" on "contact" ("customer_id", "created_at", "id");`);
    this.addSql(`alter table "portal_session" add column "contact_id" uuid null;`);

    this.addSql(`alter table "location" add constraint "location_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "location_external_id" add constraint "location_external_id_location_id_foreign" foreign key ("location_id") references "location" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "contact" add constraint "contact_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "portal_session" add constraint "portal_session_contact_id_foreign" foreign key ("contact_id") references "contact" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "portal_session" drop constraint if exists "portal_session_contact_id_foreign";`);
    this.addSql(`alter table "portal_session" drop column if exists "contact_id";`);
    this.addSql(`drop table if exists "contact" cascade;`);
    this.addSql(`drop table if exists "location_external_id" cascade;`);
    this.addSql(`drop table if exists "location" cascade;`);
    this.addSql(`drop type if exists "contact_role";`);
  }

}
