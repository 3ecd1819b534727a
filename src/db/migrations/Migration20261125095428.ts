import { Migration } from '@mikro-orm/migrations';

export class Migration20261125095428 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "invoice_status" as enum ('DRAFT', 'OPEN', 'PAID', 'VOID', 'UNCOLLECTIBLE');`);
    this.addSql(`create table "invoice_number" ("series" text not null, "year" int not null, "last" int not null, constraint "invoice_number_pkey" primary key ("series", "year"));`);

    this.addSql(`create table "invoice" ("id" uuid not null, "customer_id" uuid not null, "subscription_id" uuid null, "billing_key" text null, "status" "invoice_status" not null, "number" text null, "currency" varchar(3) not null, "period_start" timestamptz null, "period_end" timestamptz null, "subtotal" numeric not null, "tax" numeric not null, "total" numeric not null, "amount_due" numeric not null, "notes" jsonb not null, "finalized_at" timestamptz null, "due_at" timestamptz null, "created_at" timestamptz not null, constraint "invoice_pkey" primary key ("id"));`);
    this.addSql(`create index "invoice_status_created_at_id_index" on "invoice" ("status", "created_at", "id");`);
    this.addSql(`create index "invoice_subscription_id_index" on "invoice" ("subscription_id");`);
    this.addSql(`create index "invoice_customer_id_created_at_id_index" on "invoice" ("customer_id", "created_at", "id");`);
    this.addSql(`alter table "invoice" add constraint "invoice_number_unique" unique ("number");`);
    this.addSql(`alter table "invoice" add constraint "invoice_billing_key_unique" unique ("billing_key");`);

    this.addSql(`create table "invoice_line" ("id" uuid not null, "invoice_id" uuid not null, "customer_id" uuid not null, "position" int not null, "kind" text not null, "description" text not null, "price_id" uuid null, "price_code" text null, "quantity" numeric not null, "amount" numeric not null, "tax" numeric not null, "period_start" timestamptz null, "period_end" timestamptz null, "proration" boolean not null, "steps" jsonb not null, constraint "invoice_line_pkey" primary key ("id"));`);
    this.addSql(`create index "invoice_line_customer_id_index" on "invoice_line" ("customer_id");`);
    this.addSql(`create index "invoice_line_invoice_id_index" on "invoice_line" ("invoice_id");`);

    this.addSql(`alter table "invoice" add constraint "invoice_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade;`);
    this.addSql(`alter table "invoice" add constraint "invoice_subscription_id_foreign" foreign key ("subscription_id") references "subscription" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "invoice_line" add constraint "invoice_line_invoice_id_foreign" foreign key ("invoice_id") references "invoice" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "invoice_line" add constraint "invoice_line_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade;`);
    this.addSql(`alter table "invoice_line" add constraint "invoice_line_price_id_foreign" foreign key ("price_id") references "price" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "invoice_line" drop constraint "invoice_line_invoice_id_foreign";`);

    this.addSql(`drop table if exists "invoice_number" cascade;`);

    this.addSql(`drop table if exists "invoice" cascade;`);

    this.addSql(`drop table if exists "invoice_line" cascade;`);

    this.addSql(`drop type "invoice_status";`);
  }

}
