import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261123174429_initial } from './Migration20261123174429_initial.js';
import { Migration20261123190702_audit_trail_and_admin_roles } from './Migration20261123190702_audit_trail_and_admin_roles.js';
import { Migration20261123191022_api_keys } from './Migration20261123191022_api_keys.js';
import { Migration20261123200157_stations_near_and_area_outlines } from './Migration20261123200157_stations_near_and_area_outlines.js';
import { Migration20261123212311_micro_wishes } from './Migration20261123212311_micro_wishes.js';
import { Migration20261123222535_claims_for_units } from './Migration20261123222535_claims_for_units.js';
import { Migration20261123224741_owners_votes_and_notices } from './Migration20261123224741_owners_votes_and_notices.js';
import { Migration20261123225700_area_name_order } from './Migration20261123225700_area_name_order.js';
import { Migration20261123230800_residents_requests } from './Migration20261123230800_residents_requests.js';
import { Migration20261123235225_open311_submissions_by_key } from './Migration20261123235225_open311_submissions_by_key.js';
import { Migration20261124012850_property_sync } from './Migration20261124012850_property_sync.js';
import { Migration20261124012929_webhooks } from './Migration20261124012929_webhooks.js';
import { Migration20261124023500_area_fillfactor } from './Migration20261124023500_area_fillfactor.js';
import { Migration20261124114322_table_versions } from './Migration20261124114322_table_versions.js';

/**
 * Every committed migration, in order. Listed here rather than found on disk, so the same list
 * runs from TypeScript sources (tests, tsx) and from the compiled build.
 */
export const migrations: MigrationObject[] = [
  { name: 'Migration20261123174429_initial', class: Migration20261123174429_initial },
  { name: 'Migration20261123190702_audit_trail_and_admin_roles', class: Migration20261123190702_audit_trail_and_admin_roles },
  { name: 'Migration20261123191022_api_keys', class: Migration20261123191022_api_keys },
  { name: 'Migration20261123200157_stations_near_and_area_outlines', class: Migration20261123200157_stations_near_and_area_outlines },
  { name: 'Migration20261123212311_micro_wishes', class: Migration20261123212311_micro_wishes },
  { name: 'Migration20261123222535_claims_for_units', class: Migration20261123222535_claims_for_units },
  { name: 'Migration20261123224741_owners_votes_and_notices', class: Migration20261123224741_owners_votes_and_notices },
  { name: 'Migration20261123225700_area_name_order', class: Migration20261123225700_area_name_order },
  { name: 'Migration20261123230800_residents_requests', class: Migration20261123230800_residents_requests },
  { name: 'Migration20261123235225_open311_submissions_by_key', class: Migration20261123235225_open311_submissions_by_key },
  { name: 'Migration20261124012850_property_sync', class: Migration20261124012850_property_sync },
  { name: 'Migration20261124012929_webhooks', class: Migration20261124012929_webhooks },
  { name: 'Migration20261124023500_area_fillfactor', class: Migration20261124023500_area_fillfactor },
  { name: 'Migration20261124114322_table_versions', class: Migration20261124114322_table_versions },
];
