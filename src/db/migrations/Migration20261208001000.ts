import { Migration } from '@mikro-orm/migrations';

/**
 * Customer controls (issue 17): a delivery schedule's cadence is re-anchored when it changes
 * (updateSubscriptionDelivery, sendOrderNow): delivery n falls on
 * deliveryDate(anchor_at, every, unit, n - anchor_index). Existing schedules anchor at their first delivery.
 */
export class Migration20261208001000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "delivery_schedule" add column "anchor_at" timestamptz null, add column "anchor_index" integer not null default 0;`);
    this.addSql(`update "delivery_schedule" set "anchor_at" = "first_delivery_at";`);
    this.addSql(`alter table "delivery_schedule" alter column "anchor_at" set not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "delivery_schedule" drop column "anchor_at", drop column "anchor_index";`);
  }
}
