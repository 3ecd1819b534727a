import { Migration } from '@mikro-orm/migrations';

export class Migration20261125114021 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "test_clock_status" as enum ('READY', 'ADVANCING');`);
    this.addSql(`create table "test_clock" ("id" uuid not null, "name" text null, "frozen_time" timestamptz not null, "status" "test_clock_status" not null, "created_at" timestamptz not null, constraint "test_clock_pkey" primary key ("id"));`);
    this.addSql(`create index "test_clock_created_at_id_index" on "test_clock" ("created_at", "id");`);

    this.addSql(`create table "credit_note" ("id" uuid not null, "customer_id" uuid not null, "invoice_id" uuid not null, "number" text not null, "currency" varchar(3) not null, "reason" text null, "subtotal" numeric not null, "tax" numeric not null, "total" numeric not null, "created_at" timestamptz not null, constraint "credit_note_pkey" primary key ("id"));`);
    this.addSql(`create index "credit_note_customer_id_created_at_id_index" on "credit_note" ("customer_id", "created_at", "id");`);
    this.addSql(`create index "credit_note_invoice_id_index" on "credit_note" ("invoice_id");`);
    this.addSql(`alter table "credit_note" add constraint "credit_note_number_unique" unique ("number");`);

    this.addSql(`create table "credit_note_line" ("id" uuid not null, "credit_note_id" uuid not null, "customer_id" uuid not null, "invoice_line_id" uuid not null, "position" int not null, "description" text not null, "amount" numeric not null, "tax" numeric not null, constraint "credit_note_line_pkey" primary key ("id"));`);
    this.addSql(`create index "credit_note_line_invoice_line_id_index" on "credit_note_line" ("invoice_line_id");`);
    this.addSql(`create index "credit_note_line_credit_note_id_index" on "credit_note_line" ("credit_note_id");`);

    this.addSql(`create table "usage_watermark" ("customer_id" uuid not null, "metric" text not null, "billed_through" timestamptz not null, constraint "usage_watermark_pkey" primary key ("customer_id", "metric"));`);

    this.addSql(`alter table "credit_note" add constraint "credit_note_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade;`);
    this.addSql(`alter table "credit_note" add constraint "credit_note_invoice_id_foreign" foreign key ("invoice_id") references "invoice" ("id") on update cascade;`);

    this.addSql(`alter table "credit_note_line" add constraint "credit_note_line_credit_note_id_foreign" foreign key ("credit_note_id") references "credit_note" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "credit_note_line" add constraint "credit_note_line_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade;`);
    this.addSql(`alter table "credit_note_line" add constraint "credit_note_line_invoice_line_id_foreign" foreign key ("invoice_line_id") references "invoice_line" ("id") on update cascade;`);

    this.addSql(`alter table "customer" add column "test_clock_id" uuid null;`);
    this.addSql(`alter table "customer" add constraint "customer_test_clock_id_foreign" foreign key ("test_clock_id") references "test_clock" ("id") on update cascade on delete set null;`);
    this.addSql(`create index "customer_test_clock_id_index" on "customer" ("test_clock_id");`);

    this.addSql(`alter table "invoice" add column "amount_credited" numeric not null default '0', add column "voided_at" timestamptz null;`);

    this.addSql(`alter table "usage_event" add column "late_pending" boolean not null default false;`);
    this.addSql(`create index "usage_event_late_pending_index" on "usage_event" ("customer_id", "metric") where "late_pending";`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "customer" drop constraint "customer_test_clock_id_foreign";`);

    this.addSql(`alter table "credit_note_line" drop constraint "credit_note_line_credit_note_id_foreign";`);

    this.addSql(`drop table if exists "test_clock" cascade;`);

    this.addSql(`drop table if exists "credit_note" cascade;`);

    this.addSql(`drop table if exists "credit_note_line" cascade;`);

    this.addSql(`drop table if exists "usage_watermark" cascade;`);

    this.addSql(`drop index "customer_test_clock_id_index";`);
    this.addSql(`alter table "customer" drop column "test_clock_id";`);

    this.addSql(`alter table "invoice" drop column "amount_credited", drop column "voided_at";`);

    this.addSql(`drop index "usage_event_late_pending_index";`);
    this.addSql(`alter table "usage_event" drop column "late_pending";`);

    this.addSql(`drop type "test_clock_status";`);
  }

}
