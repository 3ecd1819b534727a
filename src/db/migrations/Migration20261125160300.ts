import { Migration } from '@mikro-orm/migrations';

/** Written by hand: subscriptions' ids in other systems (the Stripe import's sub_… ids). */
export class Migration20261125160300 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "subscription_external_id" ("id" uuid not null, "subscription_id" uuid not null, "customer_id" uuid not null, "system" text not null, "external_id" text not null, constraint "subscription_external_id_pkey" primary key ("id"));`);
    this.addSql(`create index "subscription_external_id_subscription_id_index" on "subscription_external_id" ("subscription_id");`);
    this.addSql(`create index "subscription_external_id_customer_id_index" on "subscription_external_id" ("customer_id");`);
    this.addSql(`alter table "subscription_external_id" add constraint "subscription_external_id_system_external_id_unique" unique ("system", "external_id");`);

    this.addSql(`alter table "subscription_external_id" add constraint "subscription_external_id_subscription_id_foreign" foreign key ("subscription_id") references "subscription" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "subscription_external_id" add constraint "subscription_external_id_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "subscription_external_id" cascade;`);
  }

}
