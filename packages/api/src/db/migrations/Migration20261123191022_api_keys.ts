import { Migration } from '@mikro-orm/migrations';

export class Migration20261123191022_api_keys extends Migration {

  override name = 'Migration20261123191022_api_keys';

  override up(): void | Promise<void> {
    this.addSql(`create table "api_key" ("id" serial primary key, "organization_id" int not null, "name" varchar(100) not null, "scopes" text[] not null, "prefix" varchar(16) not null, "secret_hash" varchar(64) not null, "created_by" int null, "created_at" timestamptz not null, "last_used_at" timestamptz null, "revoked_at" timestamptz null);`);
    this.addSql(`create index "api_key_organization_id_index" on "api_key" ("organization_id");`);
    this.addSql(`alter table "api_key" add constraint "api_key_prefix_unique" unique ("prefix");`);

    this.addSql(`alter table "api_key" add constraint "api_key_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "api_key" cascade;`);
  }

}
