import { Migration } from '@mikro-orm/migrations';

/** Written by hand: shipments of orders (issue 17, docs/orders.md). */
export class Migration20261207157000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "shipment" ("id" uuid not null, "order_id" uuid not null, "external_id" text not null, "carrier" text null, "tracking_number" text null, "shipped_at" timestamptz not null, "lines" jsonb not null, "created_at" timestamptz not null, constraint "shipment_pkey" primary key ("id"));`);
    this.addSql(`alter table "shipment" add constraint "shipment_external_id_unique" unique ("external_id");`);
    this.addSql(`create index "shipment_order_id_shipped_at_index" on "shipment" ("order_id", "shipped_at");`);
    this.addSql(`alter table "shipment" add constraint "shipment_order_id_foreign" foreign key ("order_id") references "customer_order" ("id") on update cascade;`);
    this.addSql(`alter table "customer_order" add column "delivered_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "shipment" cascade;`);
    this.addSql(`alter table "customer_order" drop column "delivered_at";`);
  }

}
