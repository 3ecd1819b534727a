import { Migration } from '@mikro-orm/migrations';

export class Migration20261125160000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "coupon_duration" as enum ('ONCE', 'REPEATING', 'FOREVER');`);
    this.addSql(`create table "coupon" ("id" uuid not null, "code" text not null, "name" text null, "percent_off" numeric null, "amount_off" numeric null, "currency" varchar(3) null, "duration" "coupon_duration" not null, "duration_in_months" int null, "applies_to_price_codes" text[] null, "max_redemptions" int null, "times_redeemed" int not null default 0, "redeem_by" timestamptz null, "created_at" timestamptz not null, constraint "coupon_pkey" primary key ("id"));`);
    this.addSql(`create index "coupon_created_at_id_index" on "coupon" ("created_at", "id");`);
    this.addSql(`alter table "coupon" add constraint "coupon_code_unique" unique ("code");`);

    this.addSql(`create table "promotion_code" ("id" uuid not null, "code" text not null, "coupon_id" uuid not null, "customer_id" uuid null, "max_redemptions" int null, "times_redeemed" int not null default 0, "expires_at" timestamptz null, "created_at" timestamptz not null, constraint "promotion_code_pkey" primary key ("id"));`);
    this.addSql(`create index "promotion_code_coupon_id_index" on "promotion_code" ("coupon_id");`);
    this.addSql(`alter table "promotion_code" add constraint "promotion_code_code_unique" unique ("code");`);

    this.addSql(`create table "coupon_redemption" ("id" uuid not null, "coupon_id" uuid not null, "promotion_code_id" uuid null, "customer_id" uuid not null, "subscription_id" uuid null, "quote_id" uuid null, "starts_at" timestamptz null, "ended_at" timestamptz null, "consumed_at" timestamptz null, "consumed_by_subscription_id" uuid null, "created_at" timestamptz not null, constraint "coupon_redemption_pkey" primary key ("id"));`);
    this.addSql(`create index "coupon_redemption_customer_id_index" on "coupon_redemption" ("customer_id");`);
    this.addSql(`create index "coupon_redemption_coupon_id_created_at_index" on "coupon_redemption" ("coupon_id", "created_at");`);
    this.addSql(`create unique index "coupon_redemption_subscription_unique" on "coupon_redemption" ("subscription_id") where "subscription_id" is not null and "ended_at" is null;`);
    this.addSql(`create unique index "coupon_redemption_customer_unique" on "coupon_redemption" ("customer_id") where "subscription_id" is null and "quote_id" is null and "ended_at" is null;`);

    this.addSql(`alter table "promotion_code" add constraint "promotion_code_coupon_id_foreign" foreign key ("coupon_id") references "coupon" ("id") on update cascade;`);
    this.addSql(`alter table "promotion_code" add constraint "promotion_code_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "coupon_redemption" add constraint "coupon_redemption_coupon_id_foreign" foreign key ("coupon_id") references "coupon" ("id") on update cascade;`);
    this.addSql(`alter table "coupon_redemption" add constraint "coupon_redemption_promotion_code_id_foreign" foreign key ("promotion_code_id") references "promotion_code" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "coupon_redemption" add constraint "coupon_redemption_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on update cascade;`);
    this.addSql(`alter table "coupon_redemption" add constraint "coupon_redemption_subscription_id_foreign" foreign key ("subscription_id") references "subscription" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "coupon_redemption" add constraint "coupon_redemption_quote_id_foreign" foreign key ("quote_id") references "quote" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "quote" add column "coupon_id" uuid null, add column "promotion_code_id" uuid null, add column "discount_amount" numeric null, add column "discount_tax" numeric null, add column "discount_steps" jsonb null;`);
    this.addSql(`alter table "quote" add constraint "quote_coupon_id_foreign" foreign key ("coupon_id") references "coupon" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "quote" add constraint "quote_promotion_code_id_foreign" foreign key ("promotion_code_id") references "promotion_code" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "quote" drop constraint "quote_coupon_id_foreign";`);
    this.addSql(`alter table "quote" drop constraint "quote_promotion_code_id_foreign";`);
    this.addSql(`alter table "quote" drop column "coupon_id", drop column "promotion_code_id", drop column "discount_amount", drop column "discount_tax", drop column "discount_steps";`);
    this.addSql(`drop table if exists "coupon_redemption" cascade;`);
    this.addSql(`drop table if exists "promotion_code" cascade;`);
    this.addSql(`drop table if exists "coupon" cascade;`);
    this.addSql(`drop type "coupon_duration";`);
  }

}
