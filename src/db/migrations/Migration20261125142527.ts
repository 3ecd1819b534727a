import { Migration } from '@mikro-orm/migrations';

export class Migration20261125142527 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "dunning_final_action" as enum ('CANCEL_SUBSCRIPTION', 'MARK_UNCOLLECTIBLE', 'LEAVE_PAST_DUE');`);
    this.addSql(`create type "payment_attempt_kind" as enum ('CHARGE', 'REMINDER', 'MANUAL');`);
    this.addSql(`create table "dunning_policy" ("id" text not null default 'default', "retry_after_days" integer[] not null, "grace_days" int not null, "final_action" "dunning_final_action" not null, "updated_at" timestamptz not null, constraint "dunning_policy_pkey" primary key ("id"));`);

    this.addSql(`create table "sandbox_charge" ("idempotency_key" text not null, "invoice_id" uuid not null, "token" text not null, "amount" text not null, "currency" varchar(3) not null, "succeeded" boolean not null, "reference" text not null, "error" text null, "refunded" text not null default '0', "created_at" timestamptz not null, constraint "sandbox_charge_pkey" primary key ("idempotency_key"));`);
    this.addSql(`create index "sandbox_charge_invoice_id_index" on "sandbox_charge" ("invoice_id");`);

    this.addSql(`create table "seller_settings" ("id" text not null default 'default', "name" text not null, "address_lines" text[] not null, "email" text null, "tax_id" text null, "allow_self_service_pause" boolean not null, "allow_self_service_cancel" boolean not null, "allow_self_service_quantity_change" boolean not null, "self_service_price_codes" text[] not null, "updated_at" timestamptz not null, constraint "seller_settings_pkey" primary key ("id"));`);

    this.addSql(`create table "payment_method" ("id" uuid not null, "customer_id" uuid not null, "provider" text not null, "token" text not null, "label" text not null, "is_default" boolean not null default false, "attached_by_key_id" uuid null, "created_at" timestamptz not null, "detached_at" timestamptz null, constraint "payment_method_pkey" primary key ("id"));`);
    this.addSql(`create unique index "payment_method_default_unique" on "payment_method" ("customer_id") where "is_default" and "detached_at" is null;`);
    this.addSql(`create index "payment_method_customer_id_created_at_id_index" on "payment_method" ("customer_id", "created_at", "id");`);

    this.addSql(`create table "payment_attempt" ("id" uuid not null, "invoice_id" uuid not null, "customer_id" uuid not null, "kind" "payment_attempt_kind" not null, "step" int null, "idempotency_key" text null, "payment_method_id" uuid null, "provider" text null, "amount" numeric not null, "currency" varchar(3) not null, "outcome" text not null, "provider_reference" text null, "error" text null, "actor_key_id" uuid null, "at" timestamptz not null, "settled_at" timestamptz null, constraint "payment_attempt_pkey" primary key ("id"));`);
    this.addSql(`create unique index "payment_attempt_manual_reference_unique" on "payment_attempt" ("invoice_id", "provider_reference") where "kind" = 'MANUAL';`);
    this.addSql(`create index "payment_attempt_customer_id_at_id_index" on "payment_attempt" ("customer_id", "at", "id");`);
    this.addSql(`alter table "payment_attempt" add constraint "payment_attempt_idempotency_key_unique" unique ("idempotency_key");`);
    this.addSql(`alter table "payment_attempt" add constraint "payment_attempt_invoice_id_step_unique" unique ("invoice_id", "step");`);

    this.addSql(`create table "portal_session" ("id" uuid not null, "api_key_id" uuid not null, "customer_id" uuid not null, "return_url" text not null, "created_by_key_id" uuid not null, "expires_at" timestamptz not null, "created_at" timestamptz not null, constraint "portal_session_pkey" primary key ("id"));`);
    this.addSql(`alter table "portal_session" add constraint "portal_session_api_key_id_unique" unique ("api_key_id");`);
    this.addSql(`create index "portal_session_customer_id_index" on "portal_session" ("customer_id");`);

    this.addSql(`alter table "payment_method" add constraint "payment_method_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade;`);

    this.addSql(`alter table "payment_attempt" add constraint "payment_attempt_invoice_id_foreign" foreign key ("invoice_id") references "invoice" ("id") on update cascade;`);
    this.addSql(`alter table "payment_attempt" add constraint "payment_attempt_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade;`);
    this.addSql(`alter table "payment_attempt" add constraint "payment_attempt_payment_method_id_foreign" foreign key ("payment_method_id") references "payment_method" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "portal_session" add constraint "portal_session_api_key_id_foreign" foreign key ("api_key_id") references "api_key" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "portal_session" add constraint "portal_session_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade;`);

    this.addSql(`alter table "customer" add column "payment_terms_days" int not null default 30;`);

    this.addSql(`alter table "invoice" add column "amount_paid" numeric not null default '0', add column "paid_at" timestamptz null, add column "next_collection_at" timestamptz null, add column "collection_step" int not null default 0, add column "first_failed_at" timestamptz null, add column "collection_method" "collection_method" not null default 'CHARGE_AUTOMATICALLY';`);
    this.addSql(`create index "invoice_next_collection_index" on "invoice" ("next_collection_at") where "next_collection_at" is not null;`);

    this.addSql(`alter table "api_key" add column "expires_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "payment_attempt" drop constraint "payment_attempt_payment_method_id_foreign";`);

    this.addSql(`drop table if exists "dunning_policy" cascade;`);

    this.addSql(`drop table if exists "sandbox_charge" cascade;`);

    this.addSql(`drop table if exists "seller_settings" cascade;`);

    this.addSql(`drop table if exists "payment_method" cascade;`);

    this.addSql(`drop table if exists "payment_attempt" cascade;`);

    this.addSql(`drop table if exists "portal_session" cascade;`);

    this.addSql(`alter table "api_key" drop column "expires_at";`);

    this.addSql(`alter table "customer" drop column "payment_terms_days";`);

    this.addSql(`drop index "invoice_next_collection_index";`);
    this.addSql(`alter table "invoice" drop column "amount_paid", drop column "paid_at", drop column "next_collection_at", drop column "collection_step", drop column "first_failed_at", drop column "collection_method";`);

    this.addSql(`drop type "dunning_final_action";`);
    this.addSql(`drop type "payment_attempt_kind";`);
  }

}
