import { Migration } from '@mikro-orm/migrations';

export class Migration20261125130500 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "product_external_id" ("id" uuid not null, "product_id" uuid not null, "system" text not null, "external_id" text not null, constraint "product_external_id_pkey" primary key ("id"));`);
    this.addSql(`create index "product_external_id_product_id_index" on "product_external_id" ("product_id");`);
    this.addSql(`alter table "product_external_id" add constraint "product_external_id_system_external_id_unique" unique ("system", "external_id");`);

    this.addSql(`create table "price_external_id" ("id" uuid not null, "price_code" text not null, "system" text not null, "external_id" text not null, constraint "price_external_id_pkey" primary key ("id"));`);
    this.addSql(`create index "price_external_id_price_code_index" on "price_external_id" ("price_code");`);
    this.addSql(`alter table "price_external_id" add constraint "price_external_id_system_external_id_unique" unique ("system", "external_id");`);

    this.addSql(`create table "invoice_external_id" ("id" uuid not null, "invoice_id" uuid not null, "customer_id" uuid not null, "system" text not null, "external_id" text not null, constraint "invoice_external_id_pkey" primary key ("id"));`);
    this.addSql(`create index "invoice_external_id_customer_id_index" on "invoice_external_id" ("customer_id");`);
    this.addSql(`create index "invoice_external_id_invoice_id_index" on "invoice_external_id" ("invoice_id");`);
    this.addSql(`alter table "invoice_external_id" add constraint "invoice_external_id_system_external_id_unique" unique ("system", "external_id");`);

    this.addSql(`alter table "product_external_id" add constraint "product_external_id_product_id_foreign" foreign key ("product_id") references "product" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "invoice_external_id" add constraint "invoice_external_id_invoice_id_foreign" foreign key ("invoice_id") references "invoice" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "invoice_external_id" add constraint "invoice_external_id_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "product_external_id" cascade;`);

    this.addSql(`drop table if exists "price_external_id" cascade;`);

    this.addSql(`drop table if exists "invoice_external_id" cascade;`);
  }

}
