import { Migration } from '@mikro-orm/migrations';

/**
 * A version per table of reference data, changed by a trigger with every statement that changes
 * the table: the services catalogue, which each process keeps (db/catalogue.ts).
 */
export class Migration20261124114322_table_versions extends Migration {

  override name = 'Migration20261124114322_table_versions';

  override up(): void | Promise<void> {
    this.addSql(`create table "table_version" ("table_name" varchar(63) not null, "version" uuid not null, primary key ("table_name"));`);

    this.addSql(`create or replace function "service_service_version_fn"() returns trigger as \$\$ begin insert into table_version (table_name, version) values ('service', gen_random_uuid())
          on conflict (table_name) do update set version = excluded.version;         return null; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "service_version" AFTER INSERT OR UPDATE OR DELETE on "service" for each STATEMENT execute function "service_service_version_fn"();`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "table_version" cascade;`);

    this.addSql(`drop trigger if exists "service_version" on "service";`);
    this.addSql(`drop function if exists "service_service_version_fn"();`);
  }

}
