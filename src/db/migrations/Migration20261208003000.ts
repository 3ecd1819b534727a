import { Migration } from '@mikro-orm/migrations';

/**
 * Goods in MRR (issue 17, Analytics): each movement says whether it moved goods or services, and
 * the projection's state keeps a subscription's delivery and its goods' share. Rows written
 * before are services (there were no goods in MRR); `npm run analytics:rebuild` counts goods from
 * the events that carry deliveries.
 */
export class Migration20261208003000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "mrr_movement" add column "product_kind" "product_kind" not null default 'SERVICE';`);
    this.addSql(`alter table "mrr_subscription_state" add column "delivery" jsonb null, add column "goods_mrr" numeric not null default '0';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "mrr_movement" drop column "product_kind";`);
    this.addSql(`alter table "mrr_subscription_state" drop column "delivery", drop column "goods_mrr";`);
  }
}
