import { Migration } from '@mikro-orm/migrations';

export class Migration20261123235225_open311_submissions_by_key extends Migration {

  override name = 'Migration20261123235225_open311_submissions_by_key';

  override up(): void | Promise<void> {
    this.addSql(`alter table "resident_request" add "submitted_by_key_id" int null;`);
    this.addSql(`alter table "resident_request" add constraint "resident_request_submitted_by_key_id_foreign" foreign key ("submitted_by_key_id") references "api_key" ("id") on delete restrict;`);
    this.addSql(`alter table "resident_request" alter column "reporter_id" drop not null;`);
    this.addSql(`alter table "resident_request" alter column "submitted_by_id" drop not null;`);
    this.addSql(`create index "resident_request_submitted_by_key_id_index" on "resident_request" ("submitted_by_key_id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "resident_request" drop constraint "resident_request_submitted_by_key_id_foreign";`);

    this.addSql(`drop index "resident_request_submitted_by_key_id_index";`);
    this.addSql(`alter table "resident_request" drop column "submitted_by_key_id";`);
    this.addSql(`alter table "resident_request" alter column "reporter_id" set not null;`);
    this.addSql(`alter table "resident_request" alter column "submitted_by_id" set not null;`);
  }

}
