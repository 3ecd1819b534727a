import { Migration } from '@mikro-orm/migrations';

/**
 * Written by hand: company groups (issue 16). A customer's parent and who pays its invoices; the
 * lines of a consolidated invoice name the subscription and location they are for (their
 * `customer_id` is the customer that consumed them, the invoice's customer pays).
 */
export class Migration20261207100000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "invoice_recipient" as enum ('SELF', 'PARENT');`);
    this.addSql(`alter table "customer" add column "parent_id" uuid null, add column "invoice_to" "invoice_recipient" not null default 'SELF';`);
    this.addSql(`alter table "customer" add constraint "customer_parent_id_foreign" foreign key ("parent_id") references "customer" ("id") on update cascade on delete set null;`);
    this.addSql(`create index "customer_parent_id_index" on "customer" ("parent_id");`);
    this.addSql(`alter table "subscription" add column "location_id" uuid null;`);
    this.addSql(`alter table "subscription" add constraint "subscription_location_id_foreign" foreign key ("location_id") references "location" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "invoice_line" add column "subscription_id" uuid null, add column "location_id" uuid null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "invoice_line" drop column "subscription_id", drop column "location_id";`);
    this.addSql(`alter table "subscription" drop constraint "subscription_location_id_foreign";`);
    this.addSql(`alter table "subscription" drop column "location_id";`);
    this.addSql(`alter table "customer" drop constraint "customer_parent_id_foreign";`);
    this.addSql(`drop index "customer_parent_id_index";`);
    this.addSql(`alter table "customer" drop column "parent_id", drop column "invoice_to";`);
    this.addSql(`drop type "invoice_recipient";`);
  }

}
