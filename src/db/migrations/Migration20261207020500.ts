import { Migration } from '@mikro-orm/migrations';

/** Written by hand: the audit log (auditLog), newest first overall and per record. */
export class Migration20261207020500 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "audit_entry" ("id" bigserial primary key, "at" timestamptz not null, "actor_key_id" uuid not null, "actor_name" text not null, "actor_role" "api_key_role" not null, "operation" text not null, "record_type" text not null, "record_id" text null, "changes" jsonb not null);`);
    this.addSql(`create index "audit_entry_record_id_id_index" on "audit_entry" ("record_id", "id" desc);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "audit_entry" cascade;`);
  }

}
