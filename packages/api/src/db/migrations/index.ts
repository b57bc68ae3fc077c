import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261123174429_initial } from './Migration20261123174429_initial.js';
import { Migration20261123184842_audit_record } from './Migration20261123184842_audit_record.js';

/**
 * Every committed migration, in order. Listed here rather than found on disk, so the same list
 * runs from TypeScript sources (tests, tsx) and from the compiled build.
 */
export const migrations: MigrationObject[] = [
  { name: 'Migration20261123174429_initial', class: Migration20261123174429_initial },
  { name: 'Migration20261123184842_audit_record', class: Migration20261123184842_audit_record },
];
