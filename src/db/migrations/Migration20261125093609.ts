import { Migration } from '@mikro-orm/migrations';

export class Migration20261125093609 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "subscription_status" as enum ('INCOMPLETE', 'TRIALING', 'ACTIVE', 'PAST_DUE', 'PAUSED', 'CANCELED');`);
    this.addSql(`create type "collection_method" as enum ('CHARGE_AUTOMATICALLY', 'SEND_INVOICE');`);
    this.addSql(`create table "subscription" ("id" uuid not null, "customer_id" uuid not null, "status" "subscription_status" not null, "version" int not null default 1, "currency" varchar(3) not null, "interval" "billing_interval" not null, "interval_count" int not null, "collection_method" "collection_method" not null, "billing_anchor" timestamptz not null, "starts_at" timestamptz not null, "current_period_start" timestamptz not null, "current_period_end" timestamptz not null, "trial_end" timestamptz null, "cancel_at_period_end" boolean not null default false, "paused_at" timestamptz null, "canceled_at" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "subscription_pkey" primary key ("id"));`);
    this.addSql(`create index "subscription_status_current_period_end_index" on "subscription" ("status", "current_period_end");`);
    this.addSql(`create index "subscription_created_at_id_index" on "subscription" ("created_at", "id");`);
    this.addSql(`create index "subscription_customer_id_created_at_id_index" on "subscription" ("customer_id", "created_at", "id");`);

    this.addSql(`create table "pending_proration" ("id" uuid not null, "subscription_id" uuid not null, "customer_id" uuid not null, "price_id" uuid not null, "price_code" text not null, "description" text not null, "quantity" numeric not null, "amount" numeric not null, "period_start" timestamptz not null, "period_end" timestamptz not null, "steps" jsonb not null, "created_at" timestamptz not null, constraint "pending_proration_pkey" primary key ("id"));`);
    this.addSql(`create index "pending_proration_customer_id_index" on "pending_proration" ("customer_id");`);
    this.addSql(`create index "pending_proration_subscription_id_index" on "pending_proration" ("subscription_id");`);

    this.addSql(`create table "subscription_event" ("id" uuid not null, "subscription_id" uuid not null, "customer_id" uuid not null, "type" text not null, "version" int not null, "at" timestamptz not null, "actor" text not null, "data" jsonb not null, constraint "subscription_event_pkey" primary key ("id"));`);
    this.addSql(`create index "subscription_event_customer_id_index" on "subscription_event" ("customer_id");`);
    this.addSql(`create index "subscription_event_subscription_id_at_index" on "subscription_event" ("subscription_id", "at");`);

    this.addSql(`create table "subscription_item" ("id" uuid not null, "subscription_id" uuid not null, "customer_id" uuid not null, "price_id" uuid not null, "price_code" text not null, "quantity" numeric not null, constraint "subscription_item_pkey" primary key ("id"));`);
    this.addSql(`create index "subscription_item_customer_id_index" on "subscription_item" ("customer_id");`);
    this.addSql(`alter table "subscription_item" add constraint "subscription_item_subscription_id_price_code_unique" unique ("subscription_id", "price_code");`);

    this.addSql(`alter table "subscription" add constraint "subscription_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade;`);

    this.addSql(`alter table "pending_proration" add constraint "pending_proration_subscription_id_foreign" foreign key ("subscription_id") references "subscription" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "pending_proration" add constraint "pending_proration_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade;`);
    this.addSql(`alter table "pending_proration" add constraint "pending_proration_price_id_foreign" foreign key ("price_id") references "price" ("id") on update cascade;`);

    this.addSql(`alter table "subscription_event" add constraint "subscription_event_subscription_id_foreign" foreign key ("subscription_id") references "subscription" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "subscription_event" add constraint "subscription_event_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade;`);

    this.addSql(`alter table "subscription_item" add constraint "subscription_item_subscription_id_foreign" foreign key ("subscription_id") references "subscription" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "subscription_item" add constraint "subscription_item_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade;`);
    this.addSql(`alter table "subscription_item" add constraint "subscription_item_price_id_foreign" foreign key ("price_id") references "price" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "pending_proration" drop constraint "pending_proration_subscription_id_foreign";`);

    this.addSql(`alter table "subscription_event" drop constraint "subscription_event_subscription_id_foreign";`);

    this.addSql(`alter table "subscription_item" drop constraint "subscription_item_subscription_id_foreign";`);

    this.addSql(`drop table if exists "subscription" cascade;`);

    this.addSql(`drop table if exists "pending_proration" cascade;`);

    this.addSql(`drop table if exists "subscription_event" cascade;`);

    this.addSql(`drop table if exists "subscription_item" cascade;`);

    this.addSql(`drop type "subscription_status";`);
    this.addSql(`drop type "collection_method";`);
  }

}
