import { Migration } from '@mikro-orm/migrations';

export class Migration20261123190702_audit_trail_and_admin_roles extends Migration {

  override name = 'Migration20261123190702_audit_trail_and_admin_roles';

  override up(): void | Promise<void> {
    this.addSql(`create table "audit_record" ("id" serial primary key, "at" timestamptz not null, "actor_kind" text not null, "actor_id" int null, "role" varchar(64) null, "role_area_id" int null, "action" varchar(64) not null, "object_type" varchar(64) not null, "object_id" int not null, "before" jsonb null, "after" jsonb null, "request_id" varchar(64) null, "area_path" varchar(400) null, "prev_hash" varchar(64) not null, "hash" varchar(64) not null);`);
    this.addSql(`create index "audit_record_action_index" on "audit_record" ("action");`);
    this.addSql(`alter table "audit_record" add constraint "audit_record_hash_unique" unique ("hash");`);
    this.addSql(`create index "audit_record_object_type_object_id_index" on "audit_record" ("object_type", "object_id");`);
    this.addSql(`create index "audit_record_area_path_prefix_index" on "audit_record" ("area_path" varchar_pattern_ops);`);

    this.addSql(`alter table "role_assignment" drop constraint "role_assignment_role_check";`);
    this.addSql(`alter table "role_assignment" add constraint "role_assignment_role_check" check ("role" in ('RESIDENT', 'OWNER', 'PARTY_MEMBER', 'IN_SERVICE_PARTY_MEMBER', 'FIRST_SECRETARY', 'COMMUNITY_COMMITTEE_MEMBER', 'SOCIAL_WORKER', 'GRID_WORKER', 'GRID_HEAD', 'GRID_POLICE_OFFICER', 'BUILDING_HEAD', 'STATION_HEAD', 'VOLUNTEER', 'MEDIATOR', 'ADMINISTRATOR', 'AUDITOR'));`);

    this.addSql(`alter table "audit_record" add constraint "audit_record_actor_kind_check" check ("actor_kind" in ('ANONYMOUS', 'PERSON', 'API_KEY', 'SYSTEM'));`);
    this.addSql(`create or replace function "audit_record_audit_record_no_update_fn"() returns trigger as \$\$ begin raise exception 'audit records are append-only' using errcode = 'insufficient_privilege'; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "audit_record_no_update" BEFORE UPDATE OR DELETE on "audit_record" for each ROW execute function "audit_record_audit_record_no_update_fn"();`);
    // Not in the entity's metadata: MikroORM's schema diff does not read statement triggers.
    this.addSql(`create or replace function "audit_record_audit_record_no_truncate_fn"() returns trigger as \$\$ begin raise exception 'audit records are append-only' using errcode = 'insufficient_privilege'; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "audit_record_no_truncate" BEFORE TRUNCATE on "audit_record" for each STATEMENT execute function "audit_record_audit_record_no_truncate_fn"();`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger if exists "audit_record_no_truncate" on "audit_record";`);
    this.addSql(`drop function if exists "audit_record_audit_record_no_truncate_fn"();`);
    this.addSql(`drop trigger if exists "audit_record_no_update" on "audit_record";`);
    this.addSql(`drop function if exists "audit_record_audit_record_no_update_fn"();`);
    this.addSql(`drop table if exists "audit_record" cascade;`);

    this.addSql(`alter table "role_assignment" drop constraint "role_assignment_role_check";`);
    this.addSql(`alter table "role_assignment" add constraint "role_assignment_role_check" check ("role" in ('RESIDENT', 'OWNER', 'PARTY_MEMBER', 'IN_SERVICE_PARTY_MEMBER', 'FIRST_SECRETARY', 'COMMUNITY_COMMITTEE_MEMBER', 'SOCIAL_WORKER', 'GRID_WORKER', 'GRID_HEAD', 'GRID_POLICE_OFFICER', 'BUILDING_HEAD', 'STATION_HEAD', 'VOLUNTEER', 'MEDIATOR'));`);
  }

}
