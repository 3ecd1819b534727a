import { Migration } from '@mikro-orm/migrations';

/** Written by hand: goods in the catalog and the warehouse's counts (issue 17, first slice). */
export class Migration20261207114000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "product_kind" as enum ('SERVICE', 'PHYSICAL');`);
    this.addSql(`create type "stock_policy" as enum ('BACKORDER', 'SKIP_LINE', 'HOLD_ORDER');`);
    this.addSql(`alter table "product" add column "kind" "product_kind" not null default 'SERVICE', add column "sku" text null, add column "stock_policy" "stock_policy" null;`);
    this.addSql(`alter table "product" add constraint "product_sku_unique" unique ("sku");`);
    this.addSql(`create table "inventory_level" ("sku" text not null, "available" numeric not null, "as_of" timestamptz not null, "updated_at" timestamptz not null, constraint "inventory_level_pkey" primary key ("sku"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "inventory_level" cascade;`);
    this.addSql(`alter table "product" drop constraint "product_sku_unique";`);
    this.addSql(`alter table "product" drop column "kind", drop column "sku", drop column "stock_policy";`);
    this.addSql(`drop type "stock_policy";`);
    this.addSql(`drop type "product_kind";`);
  }

}
