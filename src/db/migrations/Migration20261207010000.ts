import { Migration } from '@mikro-orm/migrations';

/** Written by hand: the STOREFRONT role, and which key created a customer (such a key sees only those). */
export class Migration20261207010000 extends Migration {

  override async up(): Promise<void> {
    // PostgreSQL 12+ adds an enum value inside a transaction; it only may not be used in the same one.
    this.addSql(`alter type "api_key_role" add value if not exists 'STOREFRONT';`);
    this.addSql(`alter table "customer" add column "created_by_key_id" uuid null;`);
    this.addSql(`create index "customer_created_by_key_id_index" on "customer" ("created_by_key_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "customer_created_by_key_id_index";`);
    this.addSql(`alter table "customer" drop column "created_by_key_id";`);
    // An enum value cannot be dropped: STOREFRONT stays in "api_key_role", unused.
  }

}
