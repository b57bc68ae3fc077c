import { Migration } from '@mikro-orm/migrations';

export class Migration20261123224741_owners_votes_and_notices extends Migration {

  override name = 'Migration20261123224741_owners_votes_and_notices';

  override up(): void | Promise<void> {
    this.addSql(`create table "proposal" ("id" serial primary key, "scope_id" int not null, "title" varchar(200) not null, "text" text not null, "attachment_urls" jsonb not null, "matter_type" text not null, "rule_kind" text not null, "rule" jsonb not null, "ballots_changeable" boolean not null default false, "stage" text not null, "proposed_by_id" int not null, "review_note" text null, "voting_opens_at" timestamptz not null, "voting_closes_at" timestamptz not null, "voting_opened_at" timestamptz null, "roll_households" int null, "roll_area_hundredths" bigint null, "decided_at" timestamptz null, "outcome" text null, "result" jsonb null, "ballot_digest" varchar(64) null, "ballot_count" int null, "implementation_report" text null, "created_at" timestamptz not null, "updated_at" timestamptz not null);`);
    this.addSql(`create index "proposal_scope_id_index" on "proposal" ("scope_id");`);
    this.addSql(`create index "proposal_stage_index" on "proposal" ("stage");`);
    this.addSql(`create index "proposal_proposed_by_id_index" on "proposal" ("proposed_by_id");`);
    this.addSql(`create index "proposal_stage_schedule_index" on "proposal" ("stage", "voting_opens_at", "voting_closes_at");`);

    this.addSql(`create table "notice" ("id" serial primary key, "area_id" int not null, "kind" text not null, "title" varchar(200) not null, "body" text not null, "attachment_urls" jsonb not null, "proposal_id" int null, "published_by_id" int null, "starts_at" timestamptz not null, "ends_at" timestamptz null, "created_at" timestamptz not null);`);
    this.addSql(`create index "notice_proposal_id_index" on "notice" ("proposal_id");`);
    this.addSql(`create index "notice_area_starts_index" on "notice" ("area_id", "starts_at");`);

    this.addSql(`create table "ballot_tally" ("proposal_id" int not null, "slot" smallint not null, "choice" text not null, "households" int not null default 0, "area_hundredths" bigint not null default '0', primary key ("proposal_id", "slot", "choice"));`);

    this.addSql(`create table "ballot" ("id" serial primary key, "proposal_id" int not null, "household_id" int not null, "voter_id" int not null, "choice" text not null, "area_hundredths" int not null, "receipt_hash" varchar(64) not null, "cast_at" timestamptz not null, "changes" smallint not null default 0, "request_id" varchar(100) null);`);
    this.addSql(`create index "ballot_voter_id_index" on "ballot" ("voter_id");`);
    this.addSql(`alter table "ballot" add constraint "ballot_receipt_hash_unique" unique ("receipt_hash");`);
    this.addSql(`alter table "ballot" add constraint "ballot_proposal_household_unique" unique ("proposal_id", "household_id");`);

    this.addSql(`create table "voter_roll_entry" ("proposal_id" int not null, "household_id" int not null, "area_hundredths" int not null, primary key ("proposal_id", "household_id"));`);

    this.addSql(`alter table "proposal" add constraint "proposal_scope_id_foreign" foreign key ("scope_id") references "area" ("id") on delete restrict;`);
    this.addSql(`alter table "proposal" add constraint "proposal_proposed_by_id_foreign" foreign key ("proposed_by_id") references "person" ("id") on delete restrict;`);
    this.addSql(`alter table "proposal" add constraint "proposal_matter_type_check" check ("matter_type" in ('RULES', 'OWNERS_COMMITTEE_ELECTION', 'PROPERTY_COMPANY_HIRING', 'MAINTENANCE_FUND_USE', 'MAINTENANCE_FUND_RAISING', 'REBUILDING', 'COMMON_PARTS_USE_CHANGE', 'COMMON_PARTS_BUSINESS', 'COMMUNITY_AFFAIRS', 'OTHER'));`);
    this.addSql(`alter table "proposal" add constraint "proposal_rule_kind_check" check ("rule_kind" in ('SIMPLE_MAJORITY', 'CIVIL_CODE_ORDINARY', 'CIVIL_CODE_SPECIAL', 'CUSTOM'));`);
    this.addSql(`alter table "proposal" add constraint "proposal_stage_check" check ("stage" in ('PROPOSED', 'UNDER_REVIEW', 'APPROVED_FOR_NOTICE', 'NOTICE_PERIOD', 'VOTING', 'DECIDED', 'RESULT_PUBLISHED', 'IMPLEMENTED', 'REJECTED', 'WITHDRAWN'));`);
    this.addSql(`alter table "proposal" add constraint "proposal_outcome_check" check ("outcome" in ('PASSED', 'FAILED'));`);

    this.addSql(`alter table "notice" add constraint "notice_area_id_foreign" foreign key ("area_id") references "area" ("id") on delete restrict;`);
    this.addSql(`alter table "notice" add constraint "notice_proposal_id_foreign" foreign key ("proposal_id") references "proposal" ("id") on delete cascade;`);
    this.addSql(`alter table "notice" add constraint "notice_published_by_id_foreign" foreign key ("published_by_id") references "person" ("id") on delete restrict;`);
    this.addSql(`alter table "notice" add constraint "notice_kind_check" check ("kind" in ('PROPOSAL', 'RESULT', 'IMPLEMENTATION', 'GENERAL'));`);

    this.addSql(`alter table "ballot_tally" add constraint "ballot_tally_choice_check" check ("choice" in ('FOR', 'AGAINST', 'ABSTAIN'));`);

    this.addSql(`alter table "ballot" add constraint "ballot_household_id_foreign" foreign key ("household_id") references "area" ("id") on delete restrict;`);
    this.addSql(`alter table "ballot" add constraint "ballot_voter_id_foreign" foreign key ("voter_id") references "person" ("id") on delete restrict;`);
    this.addSql(`alter table "ballot" add constraint "ballot_choice_check" check ("choice" in ('FOR', 'AGAINST', 'ABSTAIN'));`);
    this.addSql(`create or replace function "ballot_ballot_tally_apply_fn"() returns trigger as \$\$ begin if tg_op = 'UPDATE' and old.choice = new.choice and old.area_hundredths = new.area_hundredths then
          return new;         end if;         if tg_op = 'UPDATE' and old.choice < new.choice then
          update ballot_tally set households = households - 1, area_hundredths = area_hundredths - old.area_hundredths
            where proposal_id = old.proposal_id and slot = old.household_id % 16 and choice = old.choice;         end if;         insert into ballot_tally (proposal_id, slot, choice, households, area_hundredths)
          values (new.proposal_id, new.household_id % 16, new.choice, 1, new.area_hundredths)
          on conflict (proposal_id, slot, choice) do update
            set households = ballot_tally.households + 1, area_hundredths = ballot_tally.area_hundredths + excluded.area_hundredths;         if tg_op = 'UPDATE' and old.choice > new.choice then
          update ballot_tally set households = households - 1, area_hundredths = area_hundredths - old.area_hundredths
            where proposal_id = old.proposal_id and slot = old.household_id % 16 and choice = old.choice;         end if;         return new; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "ballot_tally_apply" AFTER INSERT OR UPDATE on "ballot" for each ROW execute function "ballot_ballot_tally_apply_fn"();`);

    this.addSql(`alter table "voter_roll_entry" add constraint "voter_roll_entry_proposal_id_foreign" foreign key ("proposal_id") references "proposal" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "voter_roll_entry" add constraint "voter_roll_entry_household_id_foreign" foreign key ("household_id") references "area" ("id") on update cascade on delete restrict;`);

    // The function ballots are written with (modules/votes/cast-ballot.routine.ts).
    this.addSql(`create or replace function "cast_ballots"("p_proposal" int, "p_day" text, "p_ballots" jsonb) returns table (out_receipt_hash text, out_ballot int, out_changes smallint, out_household int) language plpgsql as \$\$ begin
        perform pg_advisory_xact_lock_shared(27801, p_proposal);         return query
          with voting as (
            select p.id from proposal p
            where p.id = p_proposal and p.stage = 'VOTING' and p.voting_closes_at > now()
          ), given as (
            select x.*, row_number() over () as ordinal
            from jsonb_to_recordset(p_ballots) as x(voter int, household int, choice text, receipt_hash text, request_id text)
          ), eligible as (
            select g.*, r.household_id, r.area_hundredths, count(*) over (partition by g.ordinal) as owned
            from given g
            join role_assignment o on o.person_id = g.voter and o.role = 'OWNER'
              and o.starts_on <= p_day::date and (o.ends_on is null or o.ends_on >= p_day::date)
            join voter_roll_entry r on r.proposal_id = p_proposal and r.household_id = o.area_id
            where g.household is null or r.household_id = g.household
          ), chosen as (
            select distinct on (e.household_id) e.*
            from eligible e
            where e.owned = 1 and not exists (select 1 from given d where d.voter = e.voter and d.ordinal < e.ordinal)
            order by e.household_id, e.ordinal
          )
          insert into ballot as b (proposal_id, household_id, voter_id, choice, area_hundredths, receipt_hash, cast_at, changes, request_id)
          select v.id, c.household_id, c.voter, c.choice, c.area_hundredths, c.receipt_hash, now(), 0, c.request_id
          from voting v, chosen c
          -- The tally's rows are taken in one order by every batch (slot, then choice): two batches
          -- at once never wait for each other in a cycle.
          order by c.household_id % 16, c.choice
          on conflict (proposal_id, household_id) do update
            set choice = excluded.choice, voter_id = excluded.voter_id, receipt_hash = excluded.receipt_hash,
                cast_at = excluded.cast_at, request_id = excluded.request_id, changes = b.changes + 1
            where (select p.ballots_changeable from proposal p where p.id = excluded.proposal_id)
          returning b.receipt_hash::text, b.id, b.changes, b.household_id;       end \$\$;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop function if exists "cast_ballots"(int, text, jsonb);`);
    this.addSql(`alter table "notice" drop constraint "notice_proposal_id_foreign";`);
    this.addSql(`alter table "voter_roll_entry" drop constraint "voter_roll_entry_proposal_id_foreign";`);

    this.addSql(`drop table if exists "proposal" cascade;`);
    this.addSql(`drop table if exists "notice" cascade;`);
    this.addSql(`drop table if exists "ballot_tally" cascade;`);
    this.addSql(`drop trigger if exists "ballot_tally_apply" on "ballot";`);
    this.addSql(`drop function if exists "ballot_ballot_tally_apply_fn"();`);
    this.addSql(`drop table if exists "ballot" cascade;`);
    this.addSql(`drop table if exists "voter_roll_entry" cascade;`);
  }

}
