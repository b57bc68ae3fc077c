import { Migration } from '@mikro-orm/migrations';

export class Migration20261123184842_audit_record extends Migration {

  override name = 'Migration20261123184842_audit_record';

  override up(): void | Promise<void> {
    this.addSql(`create table "audit_record" ("id" serial primary key, "at" timestamptz not null, "actor_kind" text not null, "actor_id" int null, "role" varchar(64) null, "role_area_id" int null, "action" varchar(64) not null, "object_type" varchar(64) not null, "object_id" int not null, "before" jsonb null, "after" jsonb null, "request_id" varchar(64) null, "prev_hash" varchar(64) not null, "hash" varchar(64) not null);`);
    this.addSql(`create index "audit_record_action_index" on "audit_record" ("action");`);
    this.addSql(`alter table "audit_record" add constraint "audit_record_hash_unique" unique ("hash");`);
    this.addSql(`create index "audit_record_object_type_object_id_index" on "audit_record" ("object_type", "object_id");`);

    this.addSql(`alter table "audit_record" add constraint "audit_record_actor_kind_check" check ("actor_kind" in ('ANONYMOUS', 'PERSON', 'API_KEY', 'SYSTEM'));`);
    this.addSql(`create or replace function "audit_record_audit_record_no_update_fn"() returns trigger as \$\$ begin raise exception 'audit records are append-only' using errcode = 'insufficient_privilege'; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "audit_record_no_update" BEFORE UPDATE OR DELETE on "audit_record" for each ROW execute function "audit_record_audit_record_no_update_fn"();`);
    this.addSql(`create or replace function "audit_record_audit_record_no_truncate_fn"() returns trigger as \$\$ begin raise exception 'audit records are append-only' using errcode = 'insufficient_privilege'; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "audit_record_no_truncate" BEFORE TRUNCATE on "audit_record" for each STATEMENT execute function "audit_record_audit_record_no_truncate_fn"();`);
    // Not in the entity's metadata: MikroORM's schema diff does not read statement triggers.
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger if exists "audit_record_no_update" on "audit_record";`);
    this.addSql(`drop function if exists "audit_record_audit_record_no_update_fn"();`);
    this.addSql(`drop trigger if exists "audit_record_no_truncate" on "audit_record";`);
    this.addSql(`drop function if exists "audit_record_audit_record_no_truncate_fn"();`);
    this.addSql(`drop table if exists "audit_record" cascade;`);
  }

}
