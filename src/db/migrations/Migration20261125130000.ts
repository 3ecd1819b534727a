import { Migration } from '@mikro-orm/migrations';

export class Migration20261125130000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "webhook_endpoint_status" as enum ('ENABLED', 'DISABLED');`);
    this.addSql(`create type "webhook_delivery_status" as enum ('PENDING', 'SUCCEEDED', 'FAILED');`);
    this.addSql(`create table "webhook_endpoint" ("id" uuid not null, "url" text not null, "event_types" text[] not null, "secret" text not null, "status" "webhook_endpoint_status" not null, "cursor_tx_id" xid8 not null default pg_snapshot_xmin(pg_current_snapshot()), "cursor_position" bigint not null default 0, "failing_since" timestamptz null, "created_at" timestamptz not null, "disabled_at" timestamptz null, constraint "webhook_endpoint_pkey" primary key ("id"));`);
    this.addSql(`create index "webhook_endpoint_created_at_id_index" on "webhook_endpoint" ("created_at", "id");`);

    this.addSql(`create table "webhook_delivery" ("id" uuid not null, "endpoint_id" uuid not null, "event_id" uuid not null, "event_type" text not null, "aggregate_id" uuid not null, "aggregate_seq" int not null, "status" "webhook_delivery_status" not null, "attempt_count" int not null default 0, "next_attempt_at" timestamptz null, "last_status_code" int null, "last_error" text null, "created_at" timestamptz not null, "delivered_at" timestamptz null, constraint "webhook_delivery_pkey" primary key ("id"));`);
    this.addSql(`create index "webhook_delivery_due_index" on "webhook_delivery" ("next_attempt_at") where "status" = 'PENDING';`);
    this.addSql(`create index "webhook_delivery_endpoint_id_aggregate_id_aggregate_seq_index" on "webhook_delivery" ("endpoint_id", "aggregate_id", "aggregate_seq");`);
    this.addSql(`create index "webhook_delivery_endpoint_id_created_at_id_index" on "webhook_delivery" ("endpoint_id", "created_at", "id");`);
    this.addSql(`alter table "webhook_delivery" add constraint "webhook_delivery_endpoint_id_event_id_unique" unique ("endpoint_id", "event_id");`);

    this.addSql(`create table "webhook_attempt" ("id" uuid not null, "delivery_id" uuid not null, "attempted_at" timestamptz not null, "status_code" int null, "error" text null, "duration_ms" int not null, constraint "webhook_attempt_pkey" primary key ("id"));`);
    this.addSql(`create index "webhook_attempt_delivery_id_attempted_at_index" on "webhook_attempt" ("delivery_id", "attempted_at");`);

    this.addSql(`alter table "webhook_delivery" add constraint "webhook_delivery_endpoint_id_foreign" foreign key ("endpoint_id") references "webhook_endpoint" ("id") on update cascade;`);
    this.addSql(`alter table "webhook_delivery" add constraint "webhook_delivery_event_id_foreign" foreign key ("event_id") references "domain_event" ("id") on update cascade;`);

    this.addSql(`alter table "webhook_attempt" add constraint "webhook_attempt_delivery_id_foreign" foreign key ("delivery_id") references "webhook_delivery" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "webhook_attempt" cascade;`);

    this.addSql(`drop table if exists "webhook_delivery" cascade;`);

    this.addSql(`drop table if exists "webhook_endpoint" cascade;`);

    this.addSql(`drop type "webhook_delivery_status";`);
    this.addSql(`drop type "webhook_endpoint_status";`);
  }

}
