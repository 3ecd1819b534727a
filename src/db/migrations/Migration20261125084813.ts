import { Migration } from '@mikro-orm/migrations';

export class Migration20261125084813 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "tax_status" as enum ('TAXABLE', 'EXEMPT', 'REVERSE_CHARGE');`);
    this.addSql(`create type "api_key_role" as enum ('ADMIN', 'SALES', 'CUSTOMER', 'PARTNER');`);
    this.addSql(`create type "billing_interval" as enum ('MONTH', 'QUARTER', 'YEAR', 'ONE_TIME');`);
    this.addSql(`create type "price_status" as enum ('ACTIVE', 'ARCHIVED');`);
    this.addSql(`create table "customer" ("id" uuid not null, "name" text not null, "email" text not null, "currency" varchar(3) not null, "tax_status" "tax_status" not null, "tax_rate" numeric null, "invoice_drafts" boolean not null default false, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "customer_pkey" primary key ("id"));`);
    this.addSql(`create index "customer_created_at_id_index" on "customer" ("created_at", "id");`);

    this.addSql(`create table "contract" ("id" uuid not null, "customer_id" uuid not null, "code" text not null, "starts_at" timestamptz not null, "ends_at" timestamptz null, "minimum_commitment" numeric null, "created_at" timestamptz not null, constraint "contract_pkey" primary key ("id"));`);
    this.addSql(`create index "contract_customer_id_starts_at_index" on "contract" ("customer_id", "starts_at");`);
    this.addSql(`alter table "contract" add constraint "contract_customer_id_code_unique" unique ("customer_id", "code");`);

    this.addSql(`create table "contract_item" ("id" uuid not null, "contract_id" uuid not null, "customer_id" uuid not null, "price_code" text not null, "override" jsonb null, "discount_percent" numeric null, constraint "contract_item_pkey" primary key ("id"));`);
    this.addSql(`create index "contract_item_customer_id_price_code_index" on "contract_item" ("customer_id", "price_code");`);
    this.addSql(`create index "contract_item_contract_id_index" on "contract_item" ("contract_id");`);

    this.addSql(`create table "api_key" ("id" uuid not null, "name" text not null, "role" "api_key_role" not null, "customer_id" uuid null, "secret_hash" text not null, "prefix" text not null, "created_at" timestamptz not null, "revoked_at" timestamptz null, constraint "api_key_pkey" primary key ("id"));`);
    this.addSql(`alter table "api_key" add constraint "api_key_secret_hash_unique" unique ("secret_hash");`);
    this.addSql(`create index "api_key_customer_id_index" on "api_key" ("customer_id");`);

    this.addSql(`create table "customer_external_id" ("id" uuid not null, "customer_id" uuid not null, "system" text not null, "external_id" text not null, constraint "customer_external_id_pkey" primary key ("id"));`);
    this.addSql(`create index "customer_external_id_customer_id_index" on "customer_external_id" ("customer_id");`);
    this.addSql(`alter table "customer_external_id" add constraint "customer_external_id_system_external_id_unique" unique ("system", "external_id");`);

    this.addSql(`create table "product" ("id" uuid not null, "code" text not null, "name" text not null, "created_at" timestamptz not null, constraint "product_pkey" primary key ("id"));`);
    this.addSql(`alter table "product" add constraint "product_code_unique" unique ("code");`);
    this.addSql(`create index "product_created_at_id_index" on "product" ("created_at", "id");`);

    this.addSql(`create table "price" ("id" uuid not null, "code" text not null, "version" int not null, "is_current" boolean not null default true, "product_id" uuid not null, "currency" varchar(3) not null, "interval" "billing_interval" not null, "interval_count" int not null default 1, "rule_kind" text not null, "rule_config" jsonb not null, "status" "price_status" not null default 'ACTIVE', "created_at" timestamptz not null, constraint "price_pkey" primary key ("id"));`);
    this.addSql(`create unique index "price_current_code_unique" on "price" ("code") where "is_current";`);
    this.addSql(`create index "price_product_id_index" on "price" ("product_id");`);
    this.addSql(`create index "price_created_at_id_index" on "price" ("created_at", "id");`);
    this.addSql(`alter table "price" add constraint "price_code_version_unique" unique ("code", "version");`);

    this.addSql(`alter table "contract" add constraint "contract_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "contract_item" add constraint "contract_item_contract_id_foreign" foreign key ("contract_id") references "contract" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "contract_item" add constraint "contract_item_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "api_key" add constraint "api_key_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "customer_external_id" add constraint "customer_external_id_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "price" add constraint "price_product_id_foreign" foreign key ("product_id") references "product" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "contract" drop constraint "contract_customer_id_foreign";`);

    this.addSql(`alter table "contract_item" drop constraint "contract_item_customer_id_foreign";`);

    this.addSql(`alter table "api_key" drop constraint "api_key_customer_id_foreign";`);

    this.addSql(`alter table "customer_external_id" drop constraint "customer_external_id_customer_id_foreign";`);

    this.addSql(`alter table "contract_item" drop constraint "contract_item_contract_id_foreign";`);

    this.addSql(`alter table "price" drop constraint "price_product_id_foreign";`);

    this.addSql(`drop table if exists "customer" cascade;`);

    this.addSql(`drop table if exists "contract" cascade;`);

    this.addSql(`drop table if exists "contract_item" cascade;`);

    this.addSql(`drop table if exists "api_key" cascade;`);

    this.addSql(`drop table if exists "customer_external_id" cascade;`);

    this.addSql(`drop table if exists "product" cascade;`);

    this.addSql(`drop table if exists "price" cascade;`);

    this.addSql(`drop type "tax_status";`);
    this.addSql(`drop type "api_key_role";`);
    this.addSql(`drop type "billing_interval";`);
    this.addSql(`drop type "price_status";`);
  }

}
