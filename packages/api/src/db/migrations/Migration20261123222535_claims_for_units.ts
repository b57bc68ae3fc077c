import { Migration } from '@mikro-orm/migrations';

export class Migration20261123222535_claims_for_units extends Migration {

  override name = 'Migration20261123222535_claims_for_units';

  override up(): void | Promise<void> {
    this.addSql(`alter table "role_assignment" add "organization_id" int null;`);
    this.addSql(`alter table "role_assignment" add constraint "role_assignment_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on delete set null;`);
    this.addSql(`create index "role_assignment_organization_id_index" on "role_assignment" ("organization_id");`);

    this.addSql(`alter table "wish" add "claimed_for_id" int null;`);
    this.addSql(`alter table "wish" add constraint "wish_claimed_for_id_foreign" foreign key ("claimed_for_id") references "organization" ("id") on delete restrict;`);
    this.addSql(`create index "wish_claimed_for_id_index" on "wish" ("claimed_for_id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "role_assignment" drop constraint "role_assignment_organization_id_foreign";`);

    this.addSql(`alter table "wish" drop constraint "wish_claimed_for_id_foreign";`);

    this.addSql(`drop index "role_assignment_organization_id_index";`);
    this.addSql(`alter table "role_assignment" drop column "organization_id";`);

    this.addSql(`drop index "wish_claimed_for_id_index";`);
    this.addSql(`alter table "wish" drop column "claimed_for_id";`);
  }

}
