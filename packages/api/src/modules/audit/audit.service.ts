import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/sql';
import canonicalize from 'canonicalize';
import { type ActorKind, AuditRecord } from './audit.entity.js';

/** Who is asking and in which request: what every audited change records about its author. */
export interface Actor {
  kind: ActorKind;
  id: number | null;
  role: string | null;
  roleAreaId: number | null;
  requestId: string | null;
}

export const anonymous = (requestId: string | null = null): Actor => ({
  kind: 'ANONYMOUS',
  id: null,
  role: null,
  roleAreaId: null,
  requestId,
});

/** The platform itself: the demo data loader, scheduled jobs. */
export const system = (): Actor => ({ kind: 'SYSTEM', id: null, role: null, roleAreaId: null, requestId: null });

/** The hash before the first record. */
export const GENESIS = '0'.repeat(64);

/**
 * Serialises all writers of the chain: each takes it inside its transaction before appending. It
 * also makes record ids visible in increasing order, which the change feed relies on (modules/changes).
 */
const CHAIN_LOCK = 7_263_001;

export interface Change {
  action: string;
  objectType: string;
  objectId: number;
  /** The path of the area the object belongs to (`/1/5/`), when it belongs to one. */
  areaPath: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** Keeps only the fields whose values differ; dates become ISO strings, as JSON keeps them. */
export function changedFields(
  before: Record<string, unknown> | null,
  after: Record<string, unknown>,
): { before: Record<string, unknown> | null; after: Record<string, unknown> } {
  const plain = (v: unknown) => JSON.parse(JSON.stringify(v ?? null));
  if (!before) return { before: null, after: plain(after) };
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(plain(before[key])) !== JSON.stringify(plain(after[key]))) {
      b[key] = plain(before[key]);
      a[key] = plain(after[key]);
    }
  }
  return { before: b, after: a };
}

interface Hashed {
  at: Date;
  actorKind: string;
  actorId?: number | null;
  role?: string | null;
  roleAreaId?: number | null;
  action: string;
  objectType: string;
  objectId: number;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  requestId?: string | null;
  areaPath?: string | null;
  prevHash: string;
}

/** SHA-256 of the record's canonical JSON (RFC 8785), which includes the previous hash. */
export function hashOf(r: Hashed): string {
  const content = canonicalize({
    at: r.at.toISOString(),
    actorKind: r.actorKind,
    actorId: r.actorId ?? null,
    role: r.role ?? null,
    roleAreaId: r.roleAreaId ?? null,
    action: r.action,
    objectType: r.objectType,
    objectId: r.objectId,
    before: r.before ?? null,
    after: r.after ?? null,
    requestId: r.requestId ?? null,
    areaPath: r.areaPath ?? null,
    prevHash: r.prevHash,
  });
  return createHash('sha256')
    .update(content ?? '')
    .digest('hex');
}

/**
 * Appends a change to the audit trail. Call it inside the transaction that makes the change,
 * so the record and the change are written together or not at all.
 */
export function recordChange(tx: EntityManager, actor: Actor, change: Change): Promise<void> {
  return recordChanges(tx, actor, [change]);
}

/**
 * Appends changes in order (one, or a property company's batch): one lock, one read of the
 * chain's end, one insert. Call it inside the transaction that makes the changes. The lock is
 * taken before the ids are drawn and held until commit, so ids become visible in chain order
 * (the change feed relies on it).
 */
export async function recordChanges(tx: EntityManager, actor: Actor, changes: readonly Change[]): Promise<void> {
  if (!changes.length) return;
  await tx.execute('select pg_advisory_xact_lock(?)', [CHAIN_LOCK]);
  const [last] = await tx.execute<{ hash: string }[]>('select hash from audit_record order by id desc limit 1');
  let prevHash = last?.hash ?? GENESIS;
  const at = new Date();
  const rows = changes.map((change) => {
    const fields = {
      at,
      actorKind: actor.kind,
      actorId: actor.id,
      role: actor.role,
      roleAreaId: actor.roleAreaId,
      action: change.action,
      objectType: change.objectType,
      objectId: change.objectId,
      before: change.before,
      after: change.after,
      requestId: actor.requestId,
      areaPath: change.areaPath,
      prevHash,
    };
    prevHash = hashOf(fields);
    return { ...fields, hash: prevHash };
  });
  // One statement whatever the batch's size; the rows are numbered so that ids come from the
  // sequence in the order of the chain.
  await tx.execute(
    `insert into audit_record (at, actor_kind, actor_id, role, role_area_id, action, object_type, object_id, before, after, request_id, area_path, prev_hash, hash)
     select at, actor_kind, actor_id, role, role_area_id, action, object_type, object_id, before, after, request_id, area_path, prev_hash, hash
     from rows from (jsonb_to_recordset(?::jsonb) as (at timestamptz, actor_kind text, actor_id int, role text, role_area_id int, action text,
       object_type text, object_id int, before jsonb, after jsonb, request_id text, area_path text, prev_hash text, hash text)) with ordinality as r
     order by r.ordinality`,
    [
      JSON.stringify(
        rows.map((r) => ({
          at: r.at.toISOString(),
          actor_kind: r.actorKind,
          actor_id: r.actorId,
          role: r.role,
          role_area_id: r.roleAreaId,
          action: r.action,
          object_type: r.objectType,
          object_id: r.objectId,
          before: r.before,
          after: r.after,
          request_id: r.requestId,
          area_path: r.areaPath,
          prev_hash: r.prevHash,
          hash: r.hash,
        })),
      ),
    ],
  );
}

export interface ChainReport {
  records: number;
  /** The first record that does not fit the chain, if any. */
  broken: { id: number; reason: string } | null;
}

/**
 * Walks the whole chain in order: each record must hash to its `hash`, and name the hash of the
 * record before it. Rows are read in batches, so the chain may be long.
 */
export async function verifyChain(em: EntityManager, batch = 5_000): Promise<ChainReport> {
  let prevHash = GENESIS;
  let afterId = 0;
  let records = 0;
  for (;;) {
    const rows = await em.fork().find(AuditRecord, { id: { $gt: afterId } }, { orderBy: { id: 'asc' }, limit: batch });
    for (const row of rows) {
      if (row.prevHash !== prevHash)
        return { records, broken: { id: row.id, reason: 'does not follow the record before it (a record was removed or changed)' } };
      if (hashOf(row) !== row.hash)
        return { records, broken: { id: row.id, reason: 'its content does not match its hash (the record was edited)' } };
      prevHash = row.hash;
      afterId = row.id;
      records += 1;
    }
    if (rows.length < batch) return { records, broken: null };
  }
}
