import { Migration } from '@mikro-orm/migrations';

/** Connectors, inbound goods (issue 20, ERPs): a cursor per connection and kind (stock, shipments); what became of each shipment read. */
export class Migration20261208004000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "connection_shipment_status" as enum ('RECORDED', 'REJECTED');`);
    this.addSql(`create table "connection_inbound_cursor" ("id" uuid not null, "connection_id" uuid not null, "kind" text not null, "cursor" text null, "updated_at" timestamptz not null, constraint "connection_inbound_cursor_pkey" primary key ("id"));`);
    this.addSql(`alter table "connection_inbound_cursor" add constraint "connection_inbound_cursor_connection_id_kind_unique" unique ("connection_id", "kind");`);

    this.addSql(`create table "connection_inbound_shipment" ("id" uuid not null, "connection_id" uuid not null, "external_id" text not null, "status" "connection_shipment_status" not null, "modified_at" text not null, "shipment_id" uuid null, "message" text null, "updated_at" timestamptz not null, constraint "connection_inbound_shipment_pkey" primary key ("id"));`);
    this.addSql(`alter table "connection_inbound_shipment" add constraint "connection_inbound_shipment_connection_id_external_id_unique" unique ("connection_id", "external_id");`);

    this.addSql(`alter table "connection_inbound_cursor" add constraint "connection_inbound_cursor_connection_id_foreign" foreign key ("connection_id") references "connection" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "connection_inbound_shipment" add constraint "connection_inbound_shipment_connection_id_foreign" foreign key ("connection_id") references "connection" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "connection_inbound_cursor" cascade;`);

    this.addSql(`drop table if exists "connection_inbound_shipment" cascade;`);

    this.addSql(`drop type "connection_shipment_status";`);
  }

}
