import { Migration } from '@mikro-orm/migrations';

/** SEPA direct debit (mandates, batches and their items), refunds, the seller's SEPA creditor identifier (issue 19). */
export class Migration20261207154000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "direct_debit_batch" ("id" uuid not null, "message_id" text not null, "collection_date" timestamptz not null, "currency" varchar(3) not null, "count" int not null, "total" numeric not null, "xml" text not null, "created_by_key_id" uuid null, "created_at" timestamptz not null, "settled_at" timestamptz null, constraint "direct_debit_batch_pkey" primary key ("id"));`);
    this.addSql(`create index "direct_debit_batch_created_at_id_index" on "direct_debit_batch" ("created_at", "id");`);
    this.addSql(`alter table "direct_debit_batch" add constraint "direct_debit_batch_message_id_unique" unique ("message_id");`);

    this.addSql(`create table "sepa_mandate" ("payment_method_id" uuid not null, "customer_id" uuid not null, "mandate_id" text not null, "iban" text not null, "bic" text null, "account_holder" text not null, "signed_at" timestamptz not null, "sequence" text not null, "created_at" timestamptz not null, constraint "sepa_mandate_pkey" primary key ("payment_method_id"));`);
    this.addSql(`create index "sepa_mandate_customer_id_index" on "sepa_mandate" ("customer_id");`);
    this.addSql(`alter table "sepa_mandate" add constraint "sepa_mandate_mandate_id_unique" unique ("mandate_id");`);

    this.addSql(`create table "direct_debit_item" ("id" uuid not null, "batch_id" uuid not null, "invoice_id" uuid not null, "payment_attempt_id" uuid not null, "payment_method_id" uuid not null, "sequence" text not null, "amount" numeric not null, "end_to_end_id" text not null, "position" int not null, constraint "direct_debit_item_pkey" primary key ("id"));`);
    this.addSql(`create index "direct_debit_item_invoice_id_index" on "direct_debit_item" ("invoice_id");`);
    this.addSql(`create index "direct_debit_item_batch_id_position_index" on "direct_debit_item" ("batch_id", "position");`);
    this.addSql(`alter table "direct_debit_item" add constraint "direct_debit_item_payment_attempt_id_unique" unique ("payment_attempt_id");`);

    this.addSql(`create table "refund" ("id" uuid not null, "payment_id" uuid not null, "refund_payment_id" uuid not null, "invoice_id" uuid not null, "customer_id" uuid not null, "credit_note_id" uuid not null, "amount" numeric not null, "currency" varchar(3) not null, "reason" text null, "method" text not null, "provider_reference" text null, "xml" text null, "created_by_key_id" uuid null, "created_at" timestamptz not null, constraint "refund_pkey" primary key ("id"));`);
    this.addSql(`create index "refund_customer_id_created_at_id_index" on "refund" ("customer_id", "created_at", "id");`);
    this.addSql(`create index "refund_payment_id_index" on "refund" ("payment_id");`);
    this.addSql(`alter table "refund" add constraint "refund_refund_payment_id_unique" unique ("refund_payment_id");`);

    this.addSql(`alter table "sepa_mandate" add constraint "sepa_mandate_payment_method_id_foreign" foreign key ("payment_method_id") references "payment_method" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "sepa_mandate" add constraint "sepa_mandate_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade;`);

    this.addSql(`alter table "direct_debit_item" add constraint "direct_debit_item_batch_id_foreign" foreign key ("batch_id") references "direct_debit_batch" ("id") on update cascade;`);
    this.addSql(`alter table "direct_debit_item" add constraint "direct_debit_item_invoice_id_foreign" foreign key ("invoice_id") references "invoice" ("id") on update cascade;`);
    this.addSql(`alter table "direct_debit_item" add constraint "direct_debit_item_payment_attempt_id_foreign" foreign key ("payment_attempt_id") references "payment_attempt" ("id") on update cascade;`);
    this.addSql(`alter table "direct_debit_item" add constraint "direct_debit_item_payment_method_id_foreign" foreign key ("payment_method_id") references "payment_method" ("id") on update cascade;`);

    this.addSql(`alter table "refund" add constraint "refund_payment_id_foreign" foreign key ("payment_id") references "payment_attempt" ("id") on update cascade;`);
    this.addSql(`alter table "refund" add constraint "refund_refund_payment_id_foreign" foreign key ("refund_payment_id") references "payment_attempt" ("id") on update cascade;`);
    this.addSql(`alter table "refund" add constraint "refund_invoice_id_foreign" foreign key ("invoice_id") references "invoice" ("id") on update cascade;`);
    this.addSql(`alter table "refund" add constraint "refund_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade;`);
    this.addSql(`alter table "refund" add constraint "refund_credit_note_id_foreign" foreign key ("credit_note_id") references "credit_note" ("id") on update cascade;`);

    this.addSql(`alter table "seller_settings" add column "sepa_creditor_id" text null;`);

    this.addSql(`alter type "payment_attempt_kind" add value if not exists 'DIRECT_DEBIT' after 'MANUAL';`);

    this.addSql(`alter type "payment_attempt_kind" add value if not exists 'REFUND' after 'DIRECT_DEBIT';`);

    this.addSql(`create unique index "payment_attempt_direct_debit_pending_unique" on "payment_attempt" ("invoice_id") where "outcome" = 'pending' and "step" is null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "refund" cascade;`);

    this.addSql(`drop table if exists "direct_debit_item" cascade;`);

    this.addSql(`drop table if exists "direct_debit_batch" cascade;`);

    this.addSql(`drop table if exists "sepa_mandate" cascade;`);

    this.addSql(`drop index "payment_attempt_direct_debit_pending_unique";`);

    this.addSql(`alter table "seller_settings" drop column "sepa_creditor_id";`);
  }

}
