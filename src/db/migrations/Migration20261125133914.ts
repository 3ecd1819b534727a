import { Migration } from '@mikro-orm/migrations';

export class Migration20261125133914 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "domain_event" drop constraint "domain_event_position_unique";`);
  }

  override async down(): Promise<void> {
    this.addSql(`CREATE UNIQUE INDEX domain_event_position_unique ON public.domain_event USING btree ("position");`);
  }

}
