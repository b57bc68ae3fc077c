import { Migration } from '@mikro-orm/migrations';

export class Migration20261123225700_area_name_order extends Migration {

  override name = 'Migration20261123225700_area_name_order';

  override up(): void | Promise<void> {
    this.addSql(`create index "area_name_id_index" on "area" ("name", "id");`);
    this.addSql(`create index "area_public_name_id_index" on "area" ("name", "id") where "kind" <> 'HOUSEHOLD';`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "area_name_id_index";`);
    this.addSql(`drop index "area_public_name_id_index";`);
  }

}
