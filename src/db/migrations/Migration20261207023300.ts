import { Migration } from '@mikro-orm/migrations';

/**
 * Written by hand: quote numbers, the quote policy and approvals, and the SALES_MANAGER role.
 * Existing quotes are numbered in creation order per calendar year (UTC), and the `Q` series
 * in invoice_number continues after them, so the numbers stay gapless.
 */
export class Migration20261207023300 extends Migration {

  override async up(): Promise<void> {
    // PostgreSQL 12+ adds an enum value inside a transaction; it only may not be used in the same one.
    this.addSql(`alter type "api_key_role" add value if not exists 'SALES_MANAGER';`);
    this.addSql(`create table "quote_policy" ("id" text not null default 'default', "max_discount_percent" numeric null, "max_total" numeric null, "updated_at" timestamptz not null, "updated_by_key_id" text null, constraint "quote_policy_pkey" primary key ("id"));`);
    this.addSql(`alter table "quote" add column "number" text null, add column "requires_approval" boolean not null default false, add column "worst_discount" numeric null, add column "worst_discount_base" numeric null, add column "evaluated_total" numeric null, add column "approved_at" timestamptz null, add column "approved_by_key_id" text null, add column "approved_by_name" text null, add column "approved_by_role" text null, add column "approval_note" text null;`);
    // lpad would cut a number past six digits; the application's padStart does not.
    this.addSql(`with numbered as (
      select id, extract(year from created_at at time zone 'UTC')::int as y,
             row_number() over (partition by extract(year from created_at at time zone 'UTC') order by created_at, id) as n
      from "quote")
      update "quote" q set "number" = 'Q-' || numbered.y || '-' || case when numbered.n < 1000000 then lpad(numbered.n::text, 6, '0') else numbered.n::text end
      from numbered where numbered.id = q.id;`);
    this.addSql(`insert into "invoice_number" ("series", "year", "last")
      select 'Q', extract(year from created_at at time zone 'UTC')::int, count(*) from "quote" group by 2
      on conflict ("series", "year") do update set "last" = greatest("invoice_number"."last", excluded."last");`);
    this.addSql(`alter table "quote" alter column "number" set not null;`);
    this.addSql(`alter table "quote" add constraint "quote_number_unique" unique ("number");`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "quote" drop constraint "quote_number_unique";`);
    this.addSql(`alter table "quote" drop column "number", drop column "requires_approval", drop column "worst_discount", drop column "worst_discount_base", drop column "evaluated_total", drop column "approved_at", drop column "approved_by_key_id", drop column "approved_by_name", drop column "approved_by_role", drop column "approval_note";`);
    this.addSql(`delete from "invoice_number" where "series" = 'Q';`);
    this.addSql(`drop table if exists "quote_policy" cascade;`);
    // An enum value cannot be dropped: SALES_MANAGER stays in "api_key_role", unused.
  }

}
