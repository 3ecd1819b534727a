import { Migration } from '@mikro-orm/migrations';

/** Written by hand: the seller's chart of accounts for the general ledger (issue 19, docs/general-ledger.md); null: the defaults. */
export class Migration20261207160000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "seller_settings" add column "chart_of_accounts" jsonb null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "seller_settings" drop column "chart_of_accounts";`);
  }

}
