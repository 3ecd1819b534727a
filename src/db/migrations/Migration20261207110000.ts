import { Migration } from '@mikro-orm/migrations';

/**
 * Written by hand: purchase order numbers (issue 16, docs/purchase-orders.md). The customer says
 * whether it requires one; subscriptions and quotes hold the buyer's number; an invoice and each of
 * its lines keep the number they were issued under, so a later change of the subscription's number
 * never rewrites an issued invoice. Adding nullable columns and a constant default rewrites no rows.
 */
export class Migration20261207110000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "customer" add column "purchase_order_required" boolean not null default false;`);
    this.addSql(`alter table "subscription" add column "purchase_order_number" text null;`);
    this.addSql(`alter table "quote" add column "purchase_order_number" text null;`);
    this.addSql(`alter table "invoice" add column "purchase_order_number" text null;`);
    this.addSql(`alter table "invoice_line" add column "purchase_order_number" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "invoice_line" drop column "purchase_order_number";`);
    this.addSql(`alter table "invoice" drop column "purchase_order_number";`);
    this.addSql(`alter table "quote" drop column "purchase_order_number";`);
    this.addSql(`alter table "subscription" drop column "purchase_order_number";`);
    this.addSql(`alter table "customer" drop column "purchase_order_required";`);
  }

}
