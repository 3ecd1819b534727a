import { Migration } from '@mikro-orm/migrations';

export class Migration20261125094706 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "scheduled_change_status" as enum ('PENDING', 'APPLIED', 'CANCELED');`);
    this.addSql(`create type "quote_status" as enum ('DRAFT', 'SENT', 'ACCEPTED', 'DECLINED', 'EXPIRED');`);
    this.addSql(`create table "scheduled_change" ("id" uuid not null, "subscription_id" uuid not null, "customer_id" uuid not null, "items" jsonb not null, "effective_at" timestamptz not null, "status" "scheduled_change_status" not null, "created_at" timestamptz not null, "resolved_at" timestamptz null, constraint "scheduled_change_pkey" primary key ("id"));`);
    this.addSql(`create index "scheduled_change_customer_id_index" on "scheduled_change" ("customer_id");`);
    this.addSql(`create index "scheduled_change_status_effective_at_index" on "scheduled_change" ("status", "effective_at");`);
    this.addSql(`create index "scheduled_change_subscription_id_status_index" on "scheduled_change" ("subscription_id", "status");`);

    this.addSql(`create table "quote" ("id" uuid not null, "customer_id" uuid not null, "status" "quote_status" not null, "currency" varchar(3) not null, "valid_until" timestamptz null, "trial_days" int null, "collection_method" "collection_method" null, "subtotal" numeric null, "tax" numeric null, "total" numeric null, "notes" jsonb null, "sent_at" timestamptz null, "accepted_at" timestamptz null, "declined_at" timestamptz null, "subscription_id" uuid null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "quote_pkey" primary key ("id"));`);
    this.addSql(`create index "quote_created_at_id_index" on "quote" ("created_at", "id");`);
    this.addSql(`create index "quote_customer_id_created_at_id_index" on "quote" ("customer_id", "created_at", "id");`);

    this.addSql(`create table "quote_line" ("id" uuid not null, "quote_id" uuid not null, "customer_id" uuid not null, "position" int not null, "price_code" text not null, "quantity" numeric not null, "price_id" uuid null, "amount" numeric null, "tax" numeric null, "steps" jsonb null, constraint "quote_line_pkey" primary key ("id"));`);
    this.addSql(`create index "quote_line_customer_id_index" on "quote_line" ("customer_id");`);
    this.addSql(`create index "quote_line_quote_id_index" on "quote_line" ("quote_id");`);

    this.addSql(`alter table "scheduled_change" add constraint "scheduled_change_subscription_id_foreign" foreign key ("subscription_id") references "subscription" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "scheduled_change" add constraint "scheduled_change_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade;`);

    this.addSql(`alter table "quote" add constraint "quote_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade;`);
    this.addSql(`alter table "quote" add constraint "quote_subscription_id_foreign" foreign key ("subscription_id") references "subscription" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "quote_line" add constraint "quote_line_quote_id_foreign" foreign key ("quote_id") references "quote" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "quote_line" add constraint "quote_line_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade;`);
    this.addSql(`alter table "quote_line" add constraint "quote_line_price_id_foreign" foreign key ("price_id") references "price" ("id") on update cascade on delete set null;`);

    this.addSql(`create index "subscription_item_price_id_index" on "subscription_item" ("price_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "quote_line" drop constraint "quote_line_quote_id_foreign";`);

    this.addSql(`drop table if exists "scheduled_change" cascade;`);

    this.addSql(`drop table if exists "quote" cascade;`);

    this.addSql(`drop table if exists "quote_line" cascade;`);

    this.addSql(`drop index "subscription_item_price_id_index";`);

    this.addSql(`drop type "scheduled_change_status";`);
    this.addSql(`drop type "quote_status";`);
  }

}
