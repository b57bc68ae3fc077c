import { Migration } from '@mikro-orm/migrations';

/**
 * Property companies update households in bulk (floor area, owner count; modules/property), and
 * none of those columns is indexed: with room left on each page, PostgreSQL updates such rows in
 * place (HOT) instead of adding an entry to each of the area table's eight indexes. Pages written
 * from now on keep 10% free. (A storage setting: MikroORM's schema diff does not read it.)
 */
export class Migration20261124023500_area_fillfactor extends Migration {
  override name = 'Migration20261124023500_area_fillfactor';

  override up(): void | Promise<void> {
    this.addSql(`alter table "area" set (fillfactor = 90);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "area" reset (fillfactor);`);
  }
}
