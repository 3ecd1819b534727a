import { Migration } from '@mikro-orm/migrations';

/**
 * Written by hand: legal identity (issue 16). Addresses are value objects kept whole as jsonb
 * (customer-address.ts parses their shape); nothing queries a city or a postal code on its own.
 */
export class Migration20261207024500 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "customer" add column "billing_address" jsonb null, add column "vat_id" text null;`);
    this.addSql(`alter table "seller_settings" add column "legal_name" text null, add column "address" jsonb null, add column "vat_id" text null, add column "registration_number" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "customer" drop column "billing_address", drop column "vat_id";`);
    this.addSql(`alter table "seller_settings" drop column "legal_name", drop column "address", drop column "vat_id", drop column "registration_number";`);
  }

}
