import { Migration } from '@mikro-orm/migrations';

export class Migration20261124012929_webhooks extends Migration {

  override name = 'Migration20261124012929_webhooks';

  override up(): void | Promise<void> {
    this.addSql(`create table "webhook" ("id" serial primary key, "organization_id" int not null, "url" varchar(2000) not null, "kinds" text[] not null, "secret" varchar(100) not null, "cursor" int not null, "failures" int not null default 0, "attempts" int not null default 0, "delivered" int not null default 0, "next_attempt_at" timestamptz not null, "leased_until" timestamptz null, "last_attempt_at" timestamptz null, "last_delivered_at" timestamptz null, "last_error" varchar(500) null, "disabled_at" timestamptz null, "created_at" timestamptz not null);`);
    this.addSql(`create index "webhook_organization_id_index" on "webhook" ("organization_id");`);

    this.addSql(`alter table "webhook" add constraint "webhook_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "webhook" cascade;`);
  }

}
