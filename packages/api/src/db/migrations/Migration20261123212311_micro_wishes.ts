import { Migration } from '@mikro-orm/migrations';

export class Migration20261123212311_micro_wishes extends Migration {

  override name = 'Migration20261123212311_micro_wishes';

  override up(): void | Promise<void> {
    this.addSql(`create table "wish" ("id" serial primary key, "title" varchar(100) not null, "story" text not null, "category" text not null, "beneficiary_kind" text not null, "beneficiary_id" int not null, "posted_by_id" int not null, "community_id" int not null, "grid_id" int null, "estimated_cost" numeric(10,2) null, "wanted_by" varchar(10) null, "photo_urls" jsonb not null, "state" text not null, "opened_at" timestamptz null, "claimer_id" int null, "claimed_at" timestamptz null, "claim_deadline" timestamptz null, "fulfilment_note" text null, "fulfilled_at" timestamptz null, "confirmed_at" timestamptz null, "review_note" text null, "created_at" timestamptz not null, "updated_at" timestamptz not null);`);
    this.addSql(`create index "wish_beneficiary_id_index" on "wish" ("beneficiary_id");`);
    this.addSql(`create index "wish_posted_by_id_index" on "wish" ("posted_by_id");`);
    this.addSql(`create index "wish_community_id_index" on "wish" ("community_id");`);
    this.addSql(`create index "wish_grid_id_index" on "wish" ("grid_id");`);
    this.addSql(`create index "wish_state_index" on "wish" ("state");`);
    this.addSql(`create index "wish_claimer_id_index" on "wish" ("claimer_id");`);
    this.addSql(`create index "wish_state_claim_deadline_index" on "wish" ("state", "claim_deadline");`);

    this.addSql(`alter table "wish" add constraint "wish_beneficiary_id_foreign" foreign key ("beneficiary_id") references "person" ("id") on delete restrict;`);
    this.addSql(`alter table "wish" add constraint "wish_posted_by_id_foreign" foreign key ("posted_by_id") references "person" ("id") on delete restrict;`);
    this.addSql(`alter table "wish" add constraint "wish_community_id_foreign" foreign key ("community_id") references "area" ("id") on delete restrict;`);
    this.addSql(`alter table "wish" add constraint "wish_grid_id_foreign" foreign key ("grid_id") references "area" ("id") on delete restrict;`);
    this.addSql(`alter table "wish" add constraint "wish_claimer_id_foreign" foreign key ("claimer_id") references "person" ("id") on delete restrict;`);
    this.addSql(`alter table "wish" add constraint "wish_category_check" check ("category" in ('DAILY_NEEDS', 'STUDY', 'HEALTH', 'COMPANIONSHIP', 'HOME_REPAIR', 'OTHER'));`);
    this.addSql(`alter table "wish" add constraint "wish_beneficiary_kind_check" check ("beneficiary_kind" in ('ELDERLY_ALONE', 'CHILD', 'HARDSHIP_FAMILY', 'DISABLED', 'OTHER'));`);
    this.addSql(`alter table "wish" add constraint "wish_state_check" check ("state" in ('PENDING_REVIEW', 'OPEN', 'CLAIMED', 'FULFILLED', 'CONFIRMED', 'WITHDRAWN', 'REJECTED', 'EXPIRED'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "wish" cascade;`);
  }

}
