import { Migration } from '@mikro-orm/migrations';

/**
 * Written by hand: bank statements and their entries (each stored once, by its key), and
 * customers' credit balances as movements (issue 19). Payment references are derived from the
 * invoice number, not stored, so existing invoices need no backfill.
 */
export class Migration20261207153000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "bank_statement_format" as enum ('CAMT053', 'MT940');`);
    this.addSql(`create type "bank_entry_status" as enum ('MATCHED', 'UNMATCHED', 'ASSIGNED', 'IGNORED');`);
    this.addSql(`create table "bank_statement" ("id" uuid not null, "format" "bank_statement_format" not null, "statement_id" text not null, "imported_by_key_id" uuid null, "imported_at" timestamptz not null, constraint "bank_statement_pkey" primary key ("id"));`);
    this.addSql(`alter table "bank_statement" add constraint "bank_statement_format_statement_id_unique" unique ("format", "statement_id");`);
    this.addSql(`create table "bank_entry" ("id" uuid not null, "statement_id" uuid not null, "entry_key" text not null, "position" int not null, "amount" numeric not null, "currency" varchar(3) not null, "credit" boolean not null, "booking_date" timestamptz null, "debtor_name" text null, "debtor_iban" text null, "remittance" text not null, "reference" text null, "status" "bank_entry_status" not null, "customer_id" uuid null, "created_at" timestamptz not null, constraint "bank_entry_pkey" primary key ("id"));`);
    this.addSql(`alter table "bank_entry" add constraint "bank_entry_entry_key_unique" unique ("entry_key");`);
    this.addSql(`create index "bank_entry_statement_id_position_index" on "bank_entry" ("statement_id", "position");`);
    this.addSql(`create index "bank_entry_unmatched_index" on "bank_entry" ("created_at") where "status" = 'UNMATCHED';`);
    this.addSql(`alter table "bank_entry" add constraint "bank_entry_statement_id_foreign" foreign key ("statement_id") references "bank_statement" ("id") on update cascade;`);
    this.addSql(`alter table "bank_entry" add constraint "bank_entry_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade on delete set null;`);
    this.addSql(`create table "credit_balance_entry" ("id" uuid not null, "customer_id" uuid not null, "amount" numeric not null, "currency" varchar(3) not null, "reason" text not null, "bank_entry_id" uuid null, "invoice_id" uuid null, "at" timestamptz not null, constraint "credit_balance_entry_pkey" primary key ("id"));`);
    this.addSql(`create index "credit_balance_entry_customer_id_at_index" on "credit_balance_entry" ("customer_id", "at");`);
    this.addSql(`alter table "credit_balance_entry" add constraint "credit_balance_entry_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "credit_balance_entry" cascade;`);
    this.addSql(`drop table if exists "bank_entry" cascade;`);
    this.addSql(`drop table if exists "bank_statement" cascade;`);
    this.addSql(`drop type "bank_entry_status";`);
    this.addSql(`drop type "bank_statement_format";`);
  }

}
