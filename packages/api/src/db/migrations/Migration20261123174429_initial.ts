import { Migration } from '@mikro-orm/migrations';

export class Migration20261123174429_initial extends Migration {

  override name = 'Migration20261123174429_initial';

  override up(): void | Promise<void> {
    this.addSql(`create table "organization" ("id" serial primary key, "kind" text not null, "name" varchar(200) not null, "area_id" int null, "parent_id" int null, "host_id" int null, "party_level" text null, "property_company_kind" text null, "red_heart" boolean not null default false, "created_at" timestamptz not null, "updated_at" timestamptz not null);`);
    this.addSql(`create index "organization_kind_index" on "organization" ("kind");`);
    this.addSql(`create index "organization_area_id_index" on "organization" ("area_id");`);
    this.addSql(`create index "organization_parent_id_index" on "organization" ("parent_id");`);
    this.addSql(`create index "organization_host_id_index" on "organization" ("host_id");`);

    this.addSql(`create table "area" ("id" serial primary key, "kind" text not null, "name" varchar(200) not null, "code" varchar(64) null, "parent_id" int null, "path" varchar(400) not null, "depth" smallint not null, "grid_kind" text null, "grid_level" smallint null, "floor_area" numeric(10,2) null, "owner_count" smallint null, "management" text null, "manager_id" int null, "address" varchar(300) null, "latitude" double precision null, "longitude" double precision null, "created_at" timestamptz not null, "updated_at" timestamptz not null);`);
    this.addSql(`create index "area_kind_index" on "area" ("kind");`);
    this.addSql(`alter table "area" add constraint "area_code_unique" unique ("code");`);
    this.addSql(`create index "area_parent_id_index" on "area" ("parent_id");`);
    this.addSql(`create index "area_manager_id_index" on "area" ("manager_id");`);
    this.addSql(`create index "area_path_prefix_index" on "area" ("path" varchar_pattern_ops);`);

    this.addSql(`create table "alliance_membership" ("id" serial primary key, "alliance_id" int not null, "member_id" int not null, "joined_on" date null);`);
    this.addSql(`create index "alliance_membership_alliance_id_index" on "alliance_membership" ("alliance_id");`);
    this.addSql(`create index "alliance_membership_member_id_index" on "alliance_membership" ("member_id");`);
    this.addSql(`alter table "alliance_membership" add constraint "alliance_membership_alliance_id_member_id_unique" unique ("alliance_id", "member_id");`);

    this.addSql(`create table "person" ("id" serial primary key, "name" varchar(100) not null, "gender" text null, "phone" varchar(32) null, "id_number" varchar(18) null, "created_at" timestamptz not null, "updated_at" timestamptz not null);`);
    this.addSql(`create index "person_name_index" on "person" ("name");`);

    this.addSql(`create table "role_assignment" ("id" serial primary key, "person_id" int not null, "role" text not null, "area_id" int not null, "starts_on" date not null, "ends_on" date null);`);
    this.addSql(`create index "role_assignment_person_id_index" on "role_assignment" ("person_id");`);
    this.addSql(`create index "role_assignment_role_index" on "role_assignment" ("role");`);
    this.addSql(`create index "role_assignment_area_id_index" on "role_assignment" ("area_id");`);

    this.addSql(`create table "service" ("id" serial primary key, "code" varchar(64) not null, "name" varchar(100) not null, "name_en" varchar(100) not null, "category" varchar(64) not null);`);
    this.addSql(`alter table "service" add constraint "service_code_unique" unique ("code");`);
    this.addSql(`create index "service_category_index" on "service" ("category");`);

    this.addSql(`create table "station" ("id" serial primary key, "name" varchar(200) not null, "address" varchar(300) not null, "latitude" double precision not null, "longitude" double precision not null, "area_id" int not null, "phone" varchar(32) null, "time_zone" varchar(64) not null default 'Asia/Shanghai', "opening_hours" jsonb not null, "responsible_unit_id" int null, "created_at" timestamptz not null, "updated_at" timestamptz not null);`);
    this.addSql(`create index "station_area_id_index" on "station" ("area_id");`);
    this.addSql(`create index "station_responsible_unit_id_index" on "station" ("responsible_unit_id");`);

    this.addSql(`create table "responsibility" ("id" serial primary key, "unit_id" int not null, "area_id" int null, "station_id" int null, "since" date null);`);
    this.addSql(`create index "responsibility_unit_id_index" on "responsibility" ("unit_id");`);
    this.addSql(`create index "responsibility_area_id_index" on "responsibility" ("area_id");`);
    this.addSql(`create index "responsibility_station_id_index" on "responsibility" ("station_id");`);

    this.addSql(`create table "station_grid" ("station_id" int not null, "grid_id" int not null, primary key ("station_id", "grid_id"));`);
    this.addSql(`create index "station_grid_grid_id_index" on "station_grid" ("grid_id");`);

    this.addSql(`create table "station_service" ("station_id" int not null, "service_id" int not null, primary key ("station_id", "service_id"));`);
    this.addSql(`create index "station_service_service_id_index" on "station_service" ("service_id");`);

    this.addSql(`create table "station_staff" ("id" serial primary key, "station_id" int not null, "person_id" int not null, "post" text not null);`);
    this.addSql(`create index "station_staff_station_id_index" on "station_staff" ("station_id");`);
    this.addSql(`create index "station_staff_person_id_index" on "station_staff" ("person_id");`);
    this.addSql(`alter table "station_staff" add constraint "station_staff_station_id_person_id_unique" unique ("station_id", "person_id");`);

    this.addSql(`alter table "organization" add constraint "organization_area_id_foreign" foreign key ("area_id") references "area" ("id") on delete restrict;`);
    this.addSql(`alter table "organization" add constraint "organization_parent_id_foreign" foreign key ("parent_id") references "organization" ("id") on delete restrict;`);
    this.addSql(`alter table "organization" add constraint "organization_host_id_foreign" foreign key ("host_id") references "organization" ("id") on delete restrict;`);
    this.addSql(`alter table "organization" add constraint "organization_kind_check" check ("kind" in ('PARTY_ORGANIZATION', 'UNIT', 'PROPERTY_COMPANY', 'OWNERS_COMMITTEE', 'SOCIAL_ORGANIZATION', 'VOLUNTEER_TEAM', 'ALLIANCE', 'ENTERPRISE', 'MASS_ORGANIZATION'));`);
    this.addSql(`alter table "organization" add constraint "organization_party_level_check" check ("party_level" in ('COMMITTEE', 'WORKING_COMMITTEE', 'BRANCH', 'JOINT_BRANCH'));`);
    this.addSql(`alter table "organization" add constraint "organization_property_company_kind_check" check ("property_company_kind" in ('STATE_OWNED', 'MARKET', 'SELF_MANAGEMENT_COMMITTEE'));`);

    this.addSql(`alter table "area" add constraint "area_parent_id_foreign" foreign key ("parent_id") references "area" ("id") on delete restrict;`);
    this.addSql(`alter table "area" add constraint "area_manager_id_foreign" foreign key ("manager_id") references "organization" ("id") on delete set null;`);
    this.addSql(`alter table "area" add constraint "area_kind_check" check ("kind" in ('DISTRICT', 'STREET', 'COMMUNITY', 'GRID', 'MICRO_GRID', 'COMPOUND', 'BUILDING', 'HOUSEHOLD'));`);
    this.addSql(`alter table "area" add constraint "area_grid_kind_check" check ("grid_kind" in ('GEOGRAPHIC', 'UNIT', 'SERVICE'));`);
    this.addSql(`alter table "area" add constraint "area_management_check" check ("management" in ('PROPERTY_COMPANY', 'SELF_MANAGED', 'UNMANAGED'));`);

    this.addSql(`alter table "alliance_membership" add constraint "alliance_membership_alliance_id_foreign" foreign key ("alliance_id") references "organization" ("id") on delete cascade;`);
    this.addSql(`alter table "alliance_membership" add constraint "alliance_membership_member_id_foreign" foreign key ("member_id") references "organization" ("id") on delete cascade;`);

    this.addSql(`alter table "person" add constraint "person_gender_check" check ("gender" in ('FEMALE', 'MALE'));`);

    this.addSql(`alter table "role_assignment" add constraint "role_assignment_person_id_foreign" foreign key ("person_id") references "person" ("id") on delete cascade;`);
    this.addSql(`alter table "role_assignment" add constraint "role_assignment_area_id_foreign" foreign key ("area_id") references "area" ("id") on delete restrict;`);
    this.addSql(`alter table "role_assignment" add constraint "role_assignment_role_check" check ("role" in ('RESIDENT', 'OWNER', 'PARTY_MEMBER', 'IN_SERVICE_PARTY_MEMBER', 'FIRST_SECRETARY', 'COMMUNITY_COMMITTEE_MEMBER', 'SOCIAL_WORKER', 'GRID_WORKER', 'GRID_HEAD', 'GRID_POLICE_OFFICER', 'BUILDING_HEAD', 'STATION_HEAD', 'VOLUNTEER', 'MEDIATOR'));`);

    this.addSql(`alter table "station" add constraint "station_area_id_foreign" foreign key ("area_id") references "area" ("id") on delete restrict;`);
    this.addSql(`alter table "station" add constraint "station_responsible_unit_id_foreign" foreign key ("responsible_unit_id") references "organization" ("id") on delete set null;`);

    this.addSql(`alter table "responsibility" add constraint "responsibility_unit_id_foreign" foreign key ("unit_id") references "organization" ("id") on delete cascade;`);
    this.addSql(`alter table "responsibility" add constraint "responsibility_area_id_foreign" foreign key ("area_id") references "area" ("id") on delete cascade;`);
    this.addSql(`alter table "responsibility" add constraint "responsibility_station_id_foreign" foreign key ("station_id") references "station" ("id") on delete cascade;`);

    this.addSql(`alter table "station_grid" add constraint "station_grid_station_id_foreign" foreign key ("station_id") references "station" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "station_grid" add constraint "station_grid_grid_id_foreign" foreign key ("grid_id") references "area" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "station_service" add constraint "station_service_station_id_foreign" foreign key ("station_id") references "station" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "station_service" add constraint "station_service_service_id_foreign" foreign key ("service_id") references "service" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "station_staff" add constraint "station_staff_station_id_foreign" foreign key ("station_id") references "station" ("id") on delete cascade;`);
    this.addSql(`alter table "station_staff" add constraint "station_staff_person_id_foreign" foreign key ("person_id") references "person" ("id") on delete cascade;`);
    this.addSql(`alter table "station_staff" add constraint "station_staff_post_check" check ("post" in ('HEAD', 'POLICE_OFFICER', 'GRID_HEAD', 'SOCIAL_WORKER', 'VOLUNTEER'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "organization" drop constraint "organization_parent_id_foreign";`);
    this.addSql(`alter table "organization" drop constraint "organization_host_id_foreign";`);
    this.addSql(`alter table "area" drop constraint "area_manager_id_foreign";`);
    this.addSql(`alter table "alliance_membership" drop constraint "alliance_membership_alliance_id_foreign";`);
    this.addSql(`alter table "alliance_membership" drop constraint "alliance_membership_member_id_foreign";`);
    this.addSql(`alter table "station" drop constraint "station_responsible_unit_id_foreign";`);
    this.addSql(`alter table "responsibility" drop constraint "responsibility_unit_id_foreign";`);
    this.addSql(`alter table "organization" drop constraint "organization_area_id_foreign";`);
    this.addSql(`alter table "area" drop constraint "area_parent_id_foreign";`);
    this.addSql(`alter table "role_assignment" drop constraint "role_assignment_area_id_foreign";`);
    this.addSql(`alter table "station" drop constraint "station_area_id_foreign";`);
    this.addSql(`alter table "responsibility" drop constraint "responsibility_area_id_foreign";`);
    this.addSql(`alter table "station_grid" drop constraint "station_grid_grid_id_foreign";`);
    this.addSql(`alter table "role_assignment" drop constraint "role_assignment_person_id_foreign";`);
    this.addSql(`alter table "station_staff" drop constraint "station_staff_person_id_foreign";`);
    this.addSql(`alter table "station_service" drop constraint "station_service_service_id_foreign";`);
    this.addSql(`alter table "responsibility" drop constraint "responsibility_station_id_foreign";`);
    this.addSql(`alter table "station_grid" drop constraint "station_grid_station_id_foreign";`);
    this.addSql(`alter table "station_service" drop constraint "station_service_station_id_foreign";`);
    this.addSql(`alter table "station_staff" drop constraint "station_staff_station_id_foreign";`);

    this.addSql(`drop table if exists "organization" cascade;`);
    this.addSql(`drop table if exists "area" cascade;`);
    this.addSql(`drop table if exists "alliance_membership" cascade;`);
    this.addSql(`drop table if exists "person" cascade;`);
    this.addSql(`drop table if exists "role_assignment" cascade;`);
    this.addSql(`drop table if exists "service" cascade;`);
    this.addSql(`drop table if exists "station" cascade;`);
    this.addSql(`drop table if exists "responsibility" cascade;`);
    this.addSql(`drop table if exists "station_grid" cascade;`);
    this.addSql(`drop table if exists "station_service" cascade;`);
    this.addSql(`drop table if exists "station_staff" cascade;`);
  }

}
