import { Migration } from '@mikro-orm/migrations';

/** Written by hand: asynchronous billing runs (startBillingRun, billingRun), one RUNNING per instant. */
export class Migration20261207012000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "billing_run_status" as enum ('RUNNING', 'SUCCEEDED', 'FAILED');`);
    this.addSql(`create table "billing_run" ("id" uuid not null, "at" timestamptz not null, "status" "billing_run_status" not null, "processed" int not null default 0, "total" int null, "invoices_created" int not null default 0, "started_at" timestamptz not null, "finished_at" timestamptz null, "error" text null, "started_by" text not null, "heartbeat_at" timestamptz not null, constraint "billing_run_pkey" primary key ("id"));`);
    this.addSql(`create index "billing_run_started_at_id_index" on "billing_run" ("started_at", "id");`);
    this.addSql(`create unique index "billing_run_running_at_unique" on "billing_run" ("at") where "status" = 'RUNNING';`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "billing_run" cascade;`);
    this.addSql(`drop type if exists "billing_run_status";`);
  }

}
