import { Migration } from '@mikro-orm/migrations';

/** Written by hand: the revenue projection's view of discounts (recurring coupons count in MRR). */
export class Migration20261205155000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "mrr_discount_state" ("id" uuid not null, "customer_id" uuid not null, "subscription_id" uuid null, "payload" jsonb not null, "ended_at" timestamptz null, constraint "mrr_discount_state_pkey" primary key ("id"));`);
    this.addSql(`create index "mrr_discount_state_customer_id_index" on "mrr_discount_state" ("customer_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "mrr_discount_state" cascade;`);
  }

}
