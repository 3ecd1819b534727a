import { Migration } from '@mikro-orm/migrations';

/**
 * Written by hand: payment terms everywhere (issue 16). End-of-month terms on the customer; the
 * seller's default terms and how long before a sent invoice's due date `invoice.due_soon` comes;
 * the partial index that signal's search reads. Invoices already issued keep the due date they
 * were issued with: a document's due date is never rewritten.
 */
export class Migration20261207112000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "customer" add column "payment_terms_end_of_month" boolean not null default false;`);
    this.addSql(`alter table "seller_settings" add column "default_payment_terms_days" int not null default 30, add column "default_payment_terms_end_of_month" boolean not null default false, add column "invoice_due_soon_days" int not null default 7;`);
    this.addSql(`create index "invoice_due_soon_index" on "invoice" ("due_at") where "status" = 'OPEN' and "collection_method" = 'SEND_INVOICE' and "collection_step" = 0;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "invoice_due_soon_index";`);
    this.addSql(`alter table "seller_settings" drop column "default_payment_terms_days", drop column "default_payment_terms_end_of_month", drop column "invoice_due_soon_days";`);
    this.addSql(`alter table "customer" drop column "payment_terms_end_of_month";`);
  }

}
