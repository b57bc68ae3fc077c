import { defineEntity, p } from '@mikro-orm/core';

/** Who made a change. Until sign-in and API keys exist every caller is anonymous. */
export const ACTOR_KINDS = ['ANONYMOUS', 'PERSON', 'API_KEY', 'SYSTEM'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

/**
 * One change, as the audit trail keeps it (信息化留痕、可回溯). Rows are append-only (a trigger
 * refuses UPDATE, DELETE and TRUNCATE) and hash-chained: `hash` covers the row and the hash
 * of the row before it, so editing or removing any row breaks the chain after it.
 */
const AuditRecordSchema = defineEntity({
  name: 'AuditRecord',
  tableName: 'audit_record',
  properties: {
    id: p.integer().primary().autoincrement(),
    at: p.datetime(),
    actorKind: p.enum(ACTOR_KINDS).$type<ActorKind>(),
    actorId: p.integer().nullable(),
    /** The role the actor acted in, and the area of that role. */
    role: p.string().length(64).nullable(),
    roleAreaId: p.integer().nullable(),
    /** `area.create`, `station.update`, … */
    action: p.string().length(64).index(),
    objectType: p.string().length(64),
    objectId: p.integer(),
    /** The changed fields only: their values before (null on create) and after. */
    before: p.json<Record<string, unknown>>().nullable(),
    after: p.json<Record<string, unknown>>().nullable(),
    requestId: p.string().length(64).nullable(),
    /** The materialised path of the area the changed object belongs to: whose auditors see it. */
    areaPath: p.string().length(400).nullable(),
    prevHash: p.string().length(64),
    hash: p.string().length(64).unique(),
  },
  indexes: [
    { properties: ['objectType', 'objectId'] },
    {
      name: 'audit_record_area_path_prefix_index',
      expression: 'create index "audit_record_area_path_prefix_index" on "audit_record" ("area_path" varchar_pattern_ops)',
    },
  ],
  // Append-only: the database itself refuses to change or remove audit records (TRUNCATE is
  // refused by a statement trigger in the migration: MikroORM's schema diff does not read those).
  triggers: [
    {
      name: 'audit_record_no_update',
      timing: 'before',
      events: ['update', 'delete'],
      forEach: 'row',
      body: `raise exception 'audit records are append-only' using errcode = 'insufficient_privilege';`,
    },
  ],
});
export class AuditRecord extends AuditRecordSchema.class {}
AuditRecordSchema.setClass(AuditRecord);
