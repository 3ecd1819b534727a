import { Migration } from '@mikro-orm/migrations';

export class Migration20261125124741 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "domain_event" ("id" uuid not null, "position" bigserial, "tx_id" xid8 not null default pg_current_xact_id(), "aggregate_type" text not null, "aggregate_id" uuid not null, "aggregate_seq" int not null, "type" text not null, "customer_id" uuid null, "payload" jsonb not null, "occurred_at" timestamptz not null, constraint "domain_event_pkey" primary key ("id"));`);
    this.addSql(`alter table "domain_event" add constraint "domain_event_position_unique" unique ("position");`);
    this.addSql(`create index "domain_event_customer_id_position_index" on "domain_event" ("customer_id", "position");`);
    this.addSql(`alter table "domain_event" add constraint "domain_event_aggregate_id_aggregate_seq_unique" unique ("aggregate_id", "aggregate_seq");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "domain_event" cascade;`);
  }

}
