import { Migration } from '@mikro-orm/migrations';

/** Recurring orders of goods (issue 17): delivery schedules and their items, orders and their lines. */
export class Migration20261207150000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "order_status" as enum ('SCHEDULED', 'PLACED', 'BACKORDERED', 'PARTIALLY_SHIPPED', 'SHIPPED', 'DELIVERED', 'SKIPPED', 'CANCELED');`);
    this.addSql(`create type "delivery_unit" as enum ('DAY', 'WEEK', 'MONTH');`);
    this.addSql(`create type "order_billing" as enum ('SHIPMENT', 'ORDER');`);
    this.addSql(`create table "delivery_item" ("id" uuid not null, "subscription_id" uuid not null, "price_id" uuid not null, "price_code" text not null, "sku" text not null, "quantity" numeric not null, constraint "delivery_item_pkey" primary key ("id"));`);
    this.addSql(`alter table "delivery_item" add constraint "delivery_item_subscription_id_price_code_unique" unique ("subscription_id", "price_code");`);

    this.addSql(`create table "customer_order" ("id" uuid not null, "number" text not null, "status" "order_status" not null, "customer_id" uuid not null, "subscription_id" uuid null, "delivery_index" int null, "location_id" uuid not null, "scheduled_for" timestamptz not null, "placed_at" timestamptz null, "hold_reason" text null, "purchase_order_number" text null, "currency" varchar(3) not null, "subtotal" numeric not null, "tax" numeric not null, "total" numeric not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "customer_order_pkey" primary key ("id"));`);
    this.addSql(`alter table "customer_order" add constraint "customer_order_number_unique" unique ("number");`);
    this.addSql(`create index "customer_order_status_scheduled_for_index" on "customer_order" ("status", "scheduled_for");`);
    this.addSql(`create index "customer_order_created_at_id_index" on "customer_order" ("created_at", "id");`);
    this.addSql(`create index "customer_order_customer_id_created_at_id_index" on "customer_order" ("customer_id", "created_at", "id");`);
    this.addSql(`alter table "customer_order" add constraint "customer_order_subscription_id_delivery_index_unique" unique ("subscription_id", "delivery_index");`);

    this.addSql(`create table "order_line" ("id" uuid not null, "order_id" uuid not null, "position" int not null, "price_id" uuid not null, "price_code" text not null, "sku" text not null, "stock_policy" "stock_policy" not null, "quantity_ordered" numeric not null, "quantity" numeric not null, "quantity_backordered" numeric not null default 0, "quantity_shipped" numeric not null default 0, "amount" numeric not null, "tax" numeric not null, "steps" jsonb not null, constraint "order_line_pkey" primary key ("id"));`);
    this.addSql(`alter table "order_line" add constraint "order_line_order_id_position_unique" unique ("order_id", "position");`);

    this.addSql(`create table "delivery_schedule" ("subscription_id" uuid not null, "customer_id" uuid not null, "location_id" uuid not null, "every" int not null, "unit" "delivery_unit" not null, "first_delivery_at" timestamptz not null, "bill_on" "order_billing" not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "delivery_schedule_pkey" primary key ("subscription_id"));`);

    this.addSql(`alter table "delivery_item" add constraint "delivery_item_subscription_id_foreign" foreign key ("subscription_id") references "subscription" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "delivery_item" add constraint "delivery_item_price_id_foreign" foreign key ("price_id") references "price" ("id") on update cascade;`);

    this.addSql(`alter table "customer_order" add constraint "customer_order_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade;`);
    this.addSql(`alter table "customer_order" add constraint "customer_order_subscription_id_foreign" foreign key ("subscription_id") references "subscription" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "customer_order" add constraint "customer_order_location_id_foreign" foreign key ("location_id") references "location" ("id") on update cascade;`);

    this.addSql(`alter table "order_line" add constraint "order_line_order_id_foreign" foreign key ("order_id") references "customer_order" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "order_line" add constraint "order_line_price_id_foreign" foreign key ("price_id") references "price" ("id") on update cascade;`);

    this.addSql(`alter table "delivery_schedule" add constraint "delivery_schedule_subscription_id_foreign" foreign key ("subscription_id") references "subscription" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "delivery_schedule" add constraint "delivery_schedule_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade;`);
    this.addSql(`alter table "delivery_schedule" add constraint "delivery_schedule_location_id_foreign" foreign key ("location_id") references "location" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "order_line" drop constraint "order_line_order_id_foreign";`);

    this.addSql(`drop table if exists "delivery_item" cascade;`);

    this.addSql(`drop table if exists "customer_order" cascade;`);

    this.addSql(`drop table if exists "order_line" cascade;`);

    this.addSql(`drop table if exists "delivery_schedule" cascade;`);

    this.addSql(`drop type "order_status";`);
    this.addSql(`drop type "delivery_unit";`);
    this.addSql(`drop type "order_billing";`);
  }

}
