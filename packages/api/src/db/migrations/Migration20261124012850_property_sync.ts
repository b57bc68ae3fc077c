import { Migration } from '@mikro-orm/migrations';

export class Migration20261124012850_property_sync extends Migration {

  override name = 'Migration20261124012850_property_sync';

  override up(): void | Promise<void> {
    this.addSql(`create table "idempotency_record" ("id" bigserial primary key, "caller" varchar(40) not null, "key" varchar(100) not null, "operation" varchar(64) not null, "request_hash" varchar(64) not null, "response" jsonb not null, "created_at" timestamptz not null);`);
    this.addSql(`create index "idempotency_record_created_at_index" on "idempotency_record" ("created_at");`);
    this.addSql(`alter table "idempotency_record" add constraint "idempotency_record_caller_key_unique" unique ("caller", "key");`);

    this.addSql(`create table "property_external_ref" ("id" serial primary key, "company_id" int not null, "kind" text not null, "external_id" varchar(100) not null, "target_id" int not null, "created_at" timestamptz not null);`);
    this.addSql(`alter table "property_external_ref" add constraint "property_external_ref_company_kind_external_id_unique" unique ("company_id", "kind", "external_id");`);

    this.addSql(`create table "property_fee" ("id" serial primary key, "company_id" int not null, "external_id" varchar(100) not null, "household_id" int not null, "area_path" varchar(400) not null, "period" varchar(7) not null, "amount_due" numeric(12,2) not null, "amount_paid" numeric(12,2) not null, "paid_on" date null, "created_at" timestamptz not null, "updated_at" timestamptz not null);`);
    this.addSql(`create index "property_fee_company_id_index" on "property_fee" ("company_id");`);
    this.addSql(`create index "property_fee_household_id_index" on "property_fee" ("household_id");`);
    this.addSql(`create index "property_fee_area_path_period_index" on "property_fee" ("area_path" varchar_pattern_ops, "period");`);
    this.addSql(`alter table "property_fee" add constraint "property_fee_company_external_id_unique" unique ("company_id", "external_id");`);

    this.addSql(`create table "property_ticket" ("id" serial primary key, "company_id" int not null, "external_id" varchar(100) not null, "area_id" int not null, "area_path" varchar(400) not null, "category" varchar(64) not null, "state" text not null, "opened_at" timestamptz not null, "resolved_at" timestamptz null, "rating" smallint null, "created_at" timestamptz not null, "updated_at" timestamptz not null);`);
    this.addSql(`create index "property_ticket_company_id_index" on "property_ticket" ("company_id");`);
    this.addSql(`create index "property_ticket_area_id_index" on "property_ticket" ("area_id");`);
    this.addSql(`create index "property_ticket_area_path_index" on "property_ticket" ("area_path" varchar_pattern_ops);`);
    this.addSql(`alter table "property_ticket" add constraint "property_ticket_company_external_id_unique" unique ("company_id", "external_id");`);

    this.addSql(`alter table "role_assignment" drop constraint "role_assignment_role_check";`);
    this.addSql(`alter table "role_assignment" add constraint "role_assignment_role_check" check ("role" in ('RESIDENT', 'OWNER', 'PARTY_MEMBER', 'IN_SERVICE_PARTY_MEMBER', 'FIRST_SECRETARY', 'COMMUNITY_COMMITTEE_MEMBER', 'SOCIAL_WORKER', 'GRID_WORKER', 'GRID_HEAD', 'GRID_POLICE_OFFICER', 'BUILDING_HEAD', 'STATION_HEAD', 'VOLUNTEER', 'MEDIATOR', 'ADMINISTRATOR', 'AUDITOR', 'PROPERTY_STAFF'));`);

    this.addSql(`alter table "property_external_ref" add constraint "property_external_ref_company_id_foreign" foreign key ("company_id") references "organization" ("id") on delete cascade;`);
    this.addSql(`alter table "property_external_ref" add constraint "property_external_ref_kind_check" check ("kind" in ('COMPOUND', 'BUILDING', 'HOUSEHOLD', 'STAFF'));`);

    this.addSql(`alter table "property_fee" add constraint "property_fee_company_id_foreign" foreign key ("company_id") references "organization" ("id") on delete cascade;`);
    this.addSql(`alter table "property_fee" add constraint "property_fee_household_id_foreign" foreign key ("household_id") references "area" ("id") on delete cascade;`);

    this.addSql(`alter table "property_ticket" add constraint "property_ticket_company_id_foreign" foreign key ("company_id") references "organization" ("id") on delete cascade;`);
    this.addSql(`alter table "property_ticket" add constraint "property_ticket_area_id_foreign" foreign key ("area_id") references "area" ("id") on delete cascade;`);
    this.addSql(`alter table "property_ticket" add constraint "property_ticket_state_check" check ("state" in ('OPEN', 'IN_PROGRESS', 'RESOLVED', 'CLOSED', 'CANCELLED'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "idempotency_record" cascade;`);
    this.addSql(`drop table if exists "property_external_ref" cascade;`);
    this.addSql(`drop table if exists "property_fee" cascade;`);
    this.addSql(`drop table if exists "property_ticket" cascade;`);

    this.addSql(`alter table "role_assignment" drop constraint "role_assignment_role_check";`);
    this.addSql(`alter table "role_assignment" add constraint "role_assignment_role_check" check ("role" in ('RESIDENT', 'OWNER', 'PARTY_MEMBER', 'IN_SERVICE_PARTY_MEMBER', 'FIRST_SECRETARY', 'COMMUNITY_COMMITTEE_MEMBER', 'SOCIAL_WORKER', 'GRID_WORKER', 'GRID_HEAD', 'GRID_POLICE_OFFICER', 'BUILDING_HEAD', 'STATION_HEAD', 'VOLUNTEER', 'MEDIATOR', 'ADMINISTRATOR', 'AUDITOR'));`);

  }

}
