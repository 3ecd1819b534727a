import { Migration } from '@mikro-orm/migrations';

/** Segments (customer tags and metadata), payment-method expiry, usage thresholds and the lifecycle signals' exactly-once keys. */
export class Migration20261125160100 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "customer" add column "tags" jsonb not null default '[]', add column "metadata" jsonb not null default '{}';`);
    this.addSql(`create index "customer_tags_index" on "customer" using gin ("tags" jsonb_path_ops);`);

    this.addSql(`alter table "payment_method" add column "expires_at" timestamptz null;`);
    this.addSql(`create index "payment_method_expires_at_index" on "payment_method" ("expires_at") where "expires_at" is not null and "detached_at" is null;`);

    this.addSql(`create table "usage_threshold" ("id" uuid not null, "subscription_id" uuid not null, "customer_id" uuid not null, "metric" text not null, "threshold" numeric not null, "created_at" timestamptz not null, constraint "usage_threshold_pkey" primary key ("id"));`);
    this.addSql(`create index "usage_threshold_customer_id_index" on "usage_threshold" ("customer_id");`);
    this.addSql(`alter table "usage_threshold" add constraint "usage_threshold_subscription_id_metric_threshold_unique" unique ("subscription_id", "metric", "threshold");`);
    this.addSql(`alter table "usage_threshold" add constraint "usage_threshold_subscription_id_foreign" foreign key ("subscription_id") references "subscription" ("id") on update cascade on delete cascade;`);

    this.addSql(`create table "lifecycle_signal" ("id" uuid not null, "type" text not null, "subject_id" uuid not null, "reference_at" timestamptz not null, "customer_id" uuid null, "due_at" timestamptz not null, "emitted_at" timestamptz not null, constraint "lifecycle_signal_pkey" primary key ("id"));`);
    this.addSql(`create index "lifecycle_signal_customer_id_index" on "lifecycle_signal" ("customer_id");`);
    this.addSql(`alter table "lifecycle_signal" add constraint "lifecycle_signal_type_subject_id_reference_at_unique" unique ("type", "subject_id", "reference_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "lifecycle_signal" cascade;`);
    this.addSql(`drop table if exists "usage_threshold" cascade;`);
    this.addSql(`drop index if exists "payment_method_expires_at_index";`);
    this.addSql(`alter table "payment_method" drop column "expires_at";`);
    this.addSql(`drop index if exists "customer_tags_index";`);
    this.addSql(`alter table "customer" drop column "tags", drop column "metadata";`);
  }

}
