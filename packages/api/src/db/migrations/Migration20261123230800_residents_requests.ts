import { Migration } from '@mikro-orm/migrations';

export class Migration20261123230800_residents_requests extends Migration {

  override name = 'Migration20261123230800_residents_requests';

  override up(): void | Promise<void> {
    this.addSql(`create table "request_category" ("id" serial primary key, "code" varchar(64) not null, "name" varchar(100) not null, "name_en" varchar(100) not null, "dispatch_minutes" int not null, "accept_minutes" int not null, "take_on_minutes" int not null, "resolve_minutes" int not null);`);
    this.addSql(`alter table "request_category" add constraint "request_category_code_unique" unique ("code");`);

    this.addSql(`create table "resident_request" ("id" serial primary key, "tracking_code" varchar(16) not null, "category_id" int not null, "description" text not null, "latitude" double precision null, "longitude" double precision null, "address" varchar(300) null, "address_public" boolean not null default false, "photo_urls" jsonb not null, "reporter_id" int not null, "submitted_by_id" int not null, "grid_id" int not null, "community_id" int not null, "street_id" int not null, "level" text not null, "state" text not null, "deadline" timestamptz null, "overdue" boolean not null default false, "escalations" smallint not null default 0, "assignee_id" int null, "handler_id" int null, "resolution" text null, "rating" smallint null, "rating_comment" text null, "supervision_note" text null, "supervision_report" text null, "submitted_at" timestamptz not null, "dispatched_at" timestamptz null, "accepted_at" timestamptz null, "taken_on_at" timestamptz null, "resolved_at" timestamptz null, "closed_at" timestamptz null, "updated_at" timestamptz not null);`);
    this.addSql(`alter table "resident_request" add constraint "resident_request_tracking_code_unique" unique ("tracking_code");`);
    this.addSql(`create index "resident_request_category_id_index" on "resident_request" ("category_id");`);
    this.addSql(`create index "resident_request_reporter_id_index" on "resident_request" ("reporter_id");`);
    this.addSql(`create index "resident_request_submitted_by_id_index" on "resident_request" ("submitted_by_id");`);
    this.addSql(`create index "resident_request_grid_id_index" on "resident_request" ("grid_id");`);
    this.addSql(`create index "resident_request_community_id_index" on "resident_request" ("community_id");`);
    this.addSql(`create index "resident_request_street_id_index" on "resident_request" ("street_id");`);
    this.addSql(`create index "resident_request_state_index" on "resident_request" ("state");`);
    this.addSql(`create index "resident_request_assignee_id_index" on "resident_request" ("assignee_id");`);
    this.addSql(`create index "resident_request_handler_id_index" on "resident_request" ("handler_id");`);
    this.addSql(`create index "resident_request_state_deadline_index" on "resident_request" ("state", "deadline");`);

    this.addSql(`create table "request_event" ("id" serial primary key, "request_id" int not null, "move" varchar(32) not null, "from_state" text null, "to_state" text not null, "level" text not null, "actor_id" int null, "role" varchar(40) null, "note" text null, "at" timestamptz not null);`);
    this.addSql(`create index "request_event_request_id_index" on "request_event" ("request_id");`);
    this.addSql(`create index "request_event_actor_id_index" on "request_event" ("actor_id");`);

    this.addSql(`alter table "resident_request" add constraint "resident_request_category_id_foreign" foreign key ("category_id") references "request_category" ("id") on delete restrict;`);
    this.addSql(`alter table "resident_request" add constraint "resident_request_reporter_id_foreign" foreign key ("reporter_id") references "person" ("id") on delete restrict;`);
    this.addSql(`alter table "resident_request" add constraint "resident_request_submitted_by_id_foreign" foreign key ("submitted_by_id") references "person" ("id") on delete restrict;`);
    this.addSql(`alter table "resident_request" add constraint "resident_request_grid_id_foreign" foreign key ("grid_id") references "area" ("id") on delete restrict;`);
    this.addSql(`alter table "resident_request" add constraint "resident_request_community_id_foreign" foreign key ("community_id") references "area" ("id") on delete restrict;`);
    this.addSql(`alter table "resident_request" add constraint "resident_request_street_id_foreign" foreign key ("street_id") references "area" ("id") on delete restrict;`);
    this.addSql(`alter table "resident_request" add constraint "resident_request_assignee_id_foreign" foreign key ("assignee_id") references "organization" ("id") on delete restrict;`);
    this.addSql(`alter table "resident_request" add constraint "resident_request_handler_id_foreign" foreign key ("handler_id") references "person" ("id") on delete restrict;`);
    this.addSql(`alter table "resident_request" add constraint "resident_request_level_check" check ("level" in ('GRID', 'COMMUNITY', 'STREET'));`);
    this.addSql(`alter table "resident_request" add constraint "resident_request_state_check" check ("state" in ('SUBMITTED', 'DISPATCHED', 'ACCEPTED', 'IN_HAND', 'RESOLVED', 'RATED', 'CLOSED', 'RETURNED', 'REOPENED', 'REJECTED'));`);

    this.addSql(`alter table "request_event" add constraint "request_event_request_id_foreign" foreign key ("request_id") references "resident_request" ("id") on delete cascade;`);
    this.addSql(`alter table "request_event" add constraint "request_event_actor_id_foreign" foreign key ("actor_id") references "person" ("id") on delete restrict;`);
    this.addSql(`alter table "request_event" add constraint "request_event_from_state_check" check ("from_state" in ('SUBMITTED', 'DISPATCHED', 'ACCEPTED', 'IN_HAND', 'RESOLVED', 'RATED', 'CLOSED', 'RETURNED', 'REOPENED', 'REJECTED'));`);
    this.addSql(`alter table "request_event" add constraint "request_event_to_state_check" check ("to_state" in ('SUBMITTED', 'DISPATCHED', 'ACCEPTED', 'IN_HAND', 'RESOLVED', 'RATED', 'CLOSED', 'RETURNED', 'REOPENED', 'REJECTED'));`);
    this.addSql(`alter table "request_event" add constraint "request_event_level_check" check ("level" in ('GRID', 'COMMUNITY', 'STREET'));`);

    // The catalogue, with minutes to dispatch, accept, take on and resolve: urgent matters
    // (noise, leaks, parking) move in half-hours, a street light may take days to mend.
    this.addSql(`insert into "request_category" ("code", "name", "name_en", "dispatch_minutes", "accept_minutes", "take_on_minutes", "resolve_minutes") values
      ('street-light', '路灯损坏', 'Broken street light', 120, 240, 480, 4320),
      ('noise', '噪音扰民', 'Noise nuisance', 30, 60, 120, 1440),
      ('elderly-alone', '独居老人帮扶', 'Help for an older person living alone', 60, 120, 240, 1440),
      ('waste-collection', '垃圾清运', 'Rubbish collection', 120, 240, 480, 1440),
      ('water-leak', '漏水', 'Water leak', 30, 60, 120, 720),
      ('illegal-parking', '违章停车', 'Illegal parking', 30, 60, 120, 480),
      ('other', '其他', 'Other', 240, 480, 1440, 7200);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "resident_request" drop constraint "resident_request_category_id_foreign";`);
    this.addSql(`alter table "request_event" drop constraint "request_event_request_id_foreign";`);

    this.addSql(`drop table if exists "request_category" cascade;`);
    this.addSql(`drop table if exists "resident_request" cascade;`);
    this.addSql(`drop table if exists "request_event" cascade;`);
  }

}
