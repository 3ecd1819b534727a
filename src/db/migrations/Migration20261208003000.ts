import { Migration } from '@mikro-orm/migrations';

/**
 * Goods in MRR (issue 17, Analytics): each movement says how much of it moved goods, and the
 * projection's state keeps a subscription's delivery and its goods' share. Rows written before
 * moved services only (there were no goods in MRR); `npm run analytics:rebuild` counts goods from
 * the events that carry deliveries.
 */
export class Migration20261208003000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "mrr_movement" add column "goods_delta" numeric not null default '0';`);
    this.addSql(`alter table "mrr_subscription_state" add column "delivery" jsonb null, add column "goods_mrr" numeric not null default '0';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "mrr_movement" drop column "goods_delta";`);
    this.addSql(`alter table "mrr_subscription_state" drop column "delivery", drop column "goods_mrr";`);
  }
}
