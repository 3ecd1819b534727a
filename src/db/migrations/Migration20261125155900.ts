import { Migration } from '@mikro-orm/migrations';

export class Migration20261125155900 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "mrr_movement_kind" as enum ('NEW', 'EXPANSION', 'CONTRACTION', 'CHURN', 'REACTIVATION');`);
    this.addSql(`create table "mrr_movement" ("id" uuid not null, "customer_id" uuid not null, "subscription_id" uuid not null, "currency" varchar(3) not null, "kind" "mrr_movement_kind" not null, "delta" numeric not null, "mrr_after" numeric not null, "cause" text not null, "at" timestamptz not null, constraint "mrr_movement_pkey" primary key ("id"));`);
    this.addSql(`create index "mrr_movement_currency_at_index" on "mrr_movement" ("currency", "at");`);
    this.addSql(`create index "mrr_movement_customer_id_at_index" on "mrr_movement" ("customer_id", "at");`);
    this.addSql(`create index "mrr_movement_subscription_id_at_index" on "mrr_movement" ("subscription_id", "at");`);

    this.addSql(`create table "mrr_subscription_state" ("subscription_id" uuid not null, "customer_id" uuid not null, "currency" varchar(3) not null, "status" text not null, "interval" text not null, "interval_count" int not null, "items" jsonb not null, "mrr" numeric not null, "updated_at" timestamptz not null, constraint "mrr_subscription_state_pkey" primary key ("subscription_id"));`);
    this.addSql(`create index "mrr_subscription_state_customer_id_index" on "mrr_subscription_state" ("customer_id");`);

    // revenueMetrics: dunning recovery (invoices entering dunning) and usage revenue (invoices finalized) per period.
    this.addSql(`create index "invoice_first_failed_at_index" on "invoice" ("first_failed_at") where "first_failed_at" is not null;`);
    this.addSql(`create index "invoice_finalized_at_index" on "invoice" ("finalized_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "invoice_finalized_at_index";`);
    this.addSql(`drop index "invoice_first_failed_at_index";`);
    this.addSql(`drop table if exists "mrr_subscription_state" cascade;`);
    this.addSql(`drop table if exists "mrr_movement" cascade;`);
    this.addSql(`drop type "mrr_movement_kind";`);
  }

}
