import { Migration } from '@mikro-orm/migrations';

/** Written by hand: the seller's bank account for e-invoices' payment means (issue 18). */
export class Migration20261207115000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "seller_settings" add column "iban" text null, add column "bic" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "seller_settings" drop column "iban", drop column "bic";`);
  }

}
