import { Migration } from '@mikro-orm/migrations';

export class Migration20261123200157_stations_near_and_area_outlines extends Migration {

  override name = 'Migration20261123200157_stations_near_and_area_outlines';

  override up(): void | Promise<void> {
    // earthdistance (and the cube type it builds on) ship with PostgreSQL and with PGlite.
    this.addSql(`create extension if not exists "cube";`);
    this.addSql(`create extension if not exists "earthdistance";`);
    this.addSql(`alter table "area" add "boundary" jsonb null;`);

    this.addSql(`create index "station_name_id_index" on "station" ("name", "id");`);
    this.addSql(`create index "station_location_index" on "station" using gist (ll_to_earth("latitude", "longitude"));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "area" drop column "boundary";`);

    this.addSql(`drop index "station_name_id_index";`);
    this.addSql(`drop index "station_location_index";`);
  }

}
