import { Migration } from '@mikro-orm/migrations';

/** Written by hand: the exchange-rate table behind convertedRevenueMetrics. */
export class Migration20261205170000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "exchange_rate" ("id" uuid not null, "currency" varchar(3) not null, "reporting_currency" varchar(3) not null, "rate" numeric not null, "effective_from" timestamptz not null, "updated_at" timestamptz not null, constraint "exchange_rate_pkey" primary key ("id"));`);
    this.addSql(`alter table "exchange_rate" add constraint "exchange_rate_currency_reporting_currency_effective_from_unique" unique ("currency", "reporting_currency", "effective_from");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "exchange_rate" cascade;`);
  }

}
