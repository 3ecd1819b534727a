import { Migration } from '@mikro-orm/migrations';

/** Written by hand: the per-database secret that signs document links by default (issue 18, docs/documents.md). */
export class Migration20261207151000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "document_link_secret" ("id" text not null default 'default', "secret" text not null, "created_at" timestamptz not null, constraint "document_link_secret_pkey" primary key ("id"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "document_link_secret" cascade;`);
  }

}
