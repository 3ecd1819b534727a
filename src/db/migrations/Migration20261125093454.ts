import { Migration } from '@mikro-orm/migrations';

export class Migration20261125093454 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "idempotency_status" as enum ('IN_PROGRESS', 'DONE');`);
    this.addSql(`create table "idempotency_key" ("id" uuid not null, "api_key_id" uuid not null, "key" text not null, "request_hash" text not null, "status" "idempotency_status" not null, "response_status" int null, "response_body" jsonb null, "created_at" timestamptz not null, "locked_until" timestamptz not null, "expires_at" timestamptz not null, constraint "idempotency_key_pkey" primary key ("id"));`);
    this.addSql(`create index "idempotency_key_expires_at_index" on "idempotency_key" ("expires_at");`);
    this.addSql(`alter table "idempotency_key" add constraint "idempotency_key_api_key_id_key_unique" unique ("api_key_id", "key");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "idempotency_key" cascade;`);

    this.addSql(`drop type "idempotency_status";`);
  }

}
