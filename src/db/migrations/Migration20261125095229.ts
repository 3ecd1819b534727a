import { Migration } from '@mikro-orm/migrations';

export class Migration20261125095229 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "usage_event" ("id" uuid not null, "customer_id" uuid not null, "event_id" text not null, "metric" text not null, "value" numeric not null, "timestamp" timestamptz not null, "unique_key" text null, "received_at" timestamptz not null, constraint "usage_event_pkey" primary key ("id"));`);
    this.addSql(`create index "usage_event_customer_id_metric_timestamp_index" on "usage_event" ("customer_id", "metric", "timestamp");`);
    this.addSql(`alter table "usage_event" add constraint "usage_event_customer_id_event_id_unique" unique ("customer_id", "event_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "usage_event" cascade;`);
  }

}
