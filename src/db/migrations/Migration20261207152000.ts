import { Migration } from '@mikro-orm/migrations';

/** E-mail from the outbox (issue 18): one delivery per event and address, and the fan-out cursor. */
export class Migration20261207152000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "email_delivery_status" as enum ('PENDING', 'SENT', 'FAILED');`);
    this.addSql(`create table "email_cursor" ("id" text not null default 'default', "cursor_tx_id" xid8 not null default pg_snapshot_xmin(pg_current_snapshot()), "cursor_position" bigint not null default 0, constraint "email_cursor_pkey" primary key ("id"));`);

    this.addSql(`create table "email_delivery" ("id" uuid not null, "event_id" uuid not null, "event_type" text not null, "customer_id" uuid not null, "to_address" text not null, "subject" text not null, "status" "email_delivery_status" not null, "attempt_count" int not null default 0, "next_attempt_at" timestamptz null, "last_error" text null, "created_at" timestamptz not null, "sent_at" timestamptz null, constraint "email_delivery_pkey" primary key ("id"));`);
    this.addSql(`create index "email_delivery_due_index" on "email_delivery" ("next_attempt_at") where "status" = 'PENDING';`);
    this.addSql(`create index "email_delivery_created_at_id_index" on "email_delivery" ("created_at", "id");`);
    this.addSql(`create index "email_delivery_customer_id_created_at_id_index" on "email_delivery" ("customer_id", "created_at", "id");`);
    this.addSql(`alter table "email_delivery" add constraint "email_delivery_event_id_to_address_unique" unique ("event_id", "to_address");`);

    this.addSql(`alter table "email_delivery" add constraint "email_delivery_event_id_foreign" foreign key ("event_id") references "domain_event" ("id") on update cascade;`);
    this.addSql(`alter table "email_delivery" add constraint "email_delivery_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "email_cursor" cascade;`);

    this.addSql(`drop table if exists "email_delivery" cascade;`);

    this.addSql(`drop type "email_delivery_status";`);
  }

}
