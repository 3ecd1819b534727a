import { Migration } from '@mikro-orm/migrations';

/**
 * Orders' finance side (issue 17): canceled quantities of placed lines and what they took off the
 * order's total; the VAT treatment an order was placed under; the seller's tax-by-ship-to switch
 * and its domestic rate.
 */
export class Migration20261208002000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "order_line" add column "quantity_canceled" numeric not null default 0;`);
    this.addSql(`alter table "customer_order" add column "canceled_total" numeric not null default 0, add column "tax_category" text null, add column "tax_rate" numeric null;`);
    this.addSql(`alter table "seller_settings" add column "tax_by_ship_to" boolean not null default false, add column "domestic_tax_rate" numeric null;`);
    // creditExposure reads a customer's placed orders still to ship (customers/credit-exposure.ts), as it reads its unsettled invoices.
    this.addSql(`create index "customer_order_open_customer_index" on "customer_order" ("customer_id") where "status" in ('PLACED', 'BACKORDERED', 'PARTIALLY_SHIPPED');`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "customer_order_open_customer_index";`);
    this.addSql(`alter table "order_line" drop column "quantity_canceled";`);
    this.addSql(`alter table "customer_order" drop column "canceled_total", drop column "tax_category", drop column "tax_rate";`);
    this.addSql(`alter table "seller_settings" drop column "tax_by_ship_to", drop column "domestic_tax_rate";`);
  }

}
