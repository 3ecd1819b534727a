import { Migration } from '@mikro-orm/migrations';

/**
 * Written by hand (issue 18, e-invoices): the VAT category (EN 16931 BT-151) and rate each invoice
 * and credit-note line was taxed under, stored when the line is made, so that a later change of the
 * customer's tax settings leaves an issued invoice's e-invoice as it was; and the seller's
 * `e_invoicing` switch (every invoice is finalized as an e-invoice).
 *
 * Backfill, from what is derivable: a line's consumer's tax treatment today, where the line's
 * stored tax still agrees with it to the minor unit (the rate has not changed since). Lines whose
 * tax disagrees stay null: their rate is not knowable, and their e-invoice is refused as before.
 */
export class Migration20261207156000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "seller_settings" add column "e_invoicing" boolean not null default false;`);
    this.addSql(`alter table "invoice_line" add column "tax_category" text null, add column "tax_rate" numeric null;`);
    this.addSql(`alter table "credit_note_line" add column "tax_category" text null, add column "tax_rate" numeric null;`);
    this.addSql(`
      update "invoice_line" l
         set "tax_category" = t.category, "tax_rate" = t.rate
        from (
          select l2.id,
                 case c.tax_status
                   when 'REVERSE_CHARGE' then 'AE'
                   when 'EXEMPT' then 'E'
                   else case when coalesce(c.tax_rate, 0) = 0 then 'Z' else 'S' end
                 end as category,
                 case when c.tax_status = 'TAXABLE' then coalesce(c.tax_rate, 0) else 0 end as rate
            from "invoice_line" l2
            join "customer" c on c.id = l2.customer_id
        ) t, "invoice" i
       where t.id = l.id and i.id = l.invoice_id
         -- within one minor unit of the currency (src/pricing/currency.ts), as the e-invoice checked it
         and abs(l.tax - l.amount * t.rate / 100) <= case
               when i.currency in ('BIF','CLP','DJF','GNF','ISK','JPY','KMF','KRW','PYG','RWF','UGX','UYI','VND','VUV','XAF','XOF','XPF') then 1
               when i.currency in ('BHD','IQD','JOD','KWD','LYD','OMR','TND') then 0.001
               else 0.01 end;`);
    this.addSql(`
      update "credit_note_line" n
         set "tax_category" = l.tax_category, "tax_rate" = l.tax_rate
        from "invoice_line" l
       where l.id = n.invoice_line_id;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "credit_note_line" drop column "tax_category", drop column "tax_rate";`);
    this.addSql(`alter table "invoice_line" drop column "tax_category", drop column "tax_rate";`);
    this.addSql(`alter table "seller_settings" drop column "e_invoicing";`);
  }

}
