import { Migration } from '@mikro-orm/migrations';

/** Written by hand: the cut-off after which a scheduled order is frozen (issue 17). */
export class Migration20261207150500 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "seller_settings" add column "order_lead_days" int not null default 2;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "seller_settings" drop column "order_lead_days";`);
  }

}
