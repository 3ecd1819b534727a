import { Migration } from '@mikro-orm/migrations';

/**
 * Written by hand: credit limits (issue 16). `credit_limit` null is no limit. Exposure reads a
 * customer's OPEN and DRAFT invoices only (credit-exposure.ts): the partial index keeps that a
 * look-up of what is unsettled, however many paid invoices the customer has.
 */
export class Migration20261207111000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "customer" add column "credit_limit" numeric null;`);
    this.addSql(`create index "invoice_unsettled_customer_index" on "invoice" ("customer_id") where "status" in ('OPEN', 'DRAFT');`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "invoice_unsettled_customer_index";`);
    this.addSql(`alter table "customer" drop column "credit_limit";`);
  }

}
