import { Migration } from '@mikro-orm/migrations';

export class Migration20261125131330 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "domain_event_tx_id_position_index" on "domain_event" ("tx_id", "position");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "domain_event_tx_id_position_index";`);
  }

}
