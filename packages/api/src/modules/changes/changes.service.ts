import type { EntityManager } from '@mikro-orm/sql';
import { Area } from '../areas/area.entity.js';
import { likePrefix } from '../areas/area.service.js';

/**
 * A property company's change feed: what changed on our side in the compounds (小区) it manages,
 * so its own system can keep in step.
 *
 * The feed is the audit trail (modules/audit), read by id. Every change to a request, a proposal
 * or a notice is recorded by `recordChange` in the transaction that makes it, and `recordChange`
 * takes the chain's advisory transaction lock before it inserts, so the row's id (from its serial)
 * is drawn while the lock is held, and the lock is held until the transaction ends. PostgreSQL
 * makes a commit visible before it releases the transaction's locks, so the next writer draws its
 * id only after the previous row is visible (or rolled back, leaving a gap). Ids therefore become
 * visible in increasing order: a reader that remembers the last id it saw never misses a row
 * committed later with a smaller one, and "after id N" is a complete, ordered resume point. The
 * embedded database has one connection, so there it holds trivially.
 */

export const CHANGE_KINDS = ['REQUEST', 'VOTE', 'NOTICE'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

const OBJECT_TYPES: Record<ChangeKind, 'Request' | 'Proposal' | 'Notice'> = { REQUEST: 'Request', VOTE: 'Proposal', NOTICE: 'Notice' };
const KIND_OF: Record<string, ChangeKind> = { Request: 'REQUEST', Proposal: 'VOTE', Notice: 'NOTICE' };

/** The most events one page of the feed may hold. */
export const MAX_PAGE = 1_000;

/** The compounds a property company manages, by id and path. */
export interface Compound {
  id: number;
  path: string;
}

/** One change, as the feed gives it: never a person's data (see `summaryOf`). */
export interface ChangeEventValue {
  /** The audit record's id: the event's identity and its resume point. */
  sequence: number;
  at: Date;
  kind: ChangeKind;
  action: string;
  objectType: 'Request' | 'Proposal' | 'Notice';
  objectId: number;
  /** The area the object belongs to (a compound, a building, or above the compound for notices). */
  areaId: number | null;
  /** The company's compound the change is in; null for a notice published above its compounds. */
  compoundId: number | null;
  summary: Record<string, unknown>;
}

export interface ChangePage {
  events: ChangeEventValue[];
  /** Resume after this: the last event's sequence, or `after` when there was none. */
  cursor: number;
  hasMore: boolean;
}

export async function compoundsOf(em: EntityManager, company: number): Promise<Compound[]> {
  const areas = await em.find(
    Area,
    { kind: 'COMPOUND', management: 'PROPERTY_COMPANY', manager: company },
    { fields: ['path'], orderBy: { id: 'asc' } },
  );
  return areas.map((a) => ({ id: a.id, path: a.path }));
}

/** The paths of an area's ancestors, from the root: `/1/5/23/` → `/1/`, `/1/5/`. */
function ancestorPaths(path: string): string[] {
  const ids = path.split('/').filter(Boolean);
  return ids.slice(0, -1).map((_, i) => `/${ids.slice(0, i + 1).join('/')}/`);
}

/** The last id of the area in a path. */
const areaOfPath = (path: string | null): number | null => {
  const last = path?.split('/').filter(Boolean).at(-1);
  return last ? Number(last) : null;
};

/**
 * What a change says about its object, from a whitelist per type: states and titles, never a
 * description, a note, a resolution, a person or a household. The object itself is fetched
 * through the API (`node(id:)`) under the usual rules of who sees what.
 */
const SUMMARY_FIELDS: Record<string, readonly string[]> = {
  Request: ['state', 'level', 'overdue', 'deadline'],
  Proposal: ['stage', 'votingOpensAt', 'votingClosesAt'],
  Notice: ['kind', 'title', 'startsAt', 'endsAt'],
};

function summaryOf(objectType: string, after: Record<string, unknown> | null): Record<string, unknown> {
  const summary: Record<string, unknown> = {};
  for (const field of SUMMARY_FIELDS[objectType] ?? []) {
    if (after && field in after) summary[field] = after[field];
  }
  return summary;
}

interface Row {
  id: number;
  at: Date | string;
  action: string;
  object_type: string;
  object_id: number;
  area_path: string | null;
  after: Record<string, unknown> | string | null;
}

/**
 * The changes after `after` (an audit record id; 0 for the beginning) in the company's compounds,
 * oldest first: requests, proposals and notices filed in a compound's subtree, and notices
 * published on one of its ancestors (a community's or street's notice concerns the compound's
 * residents too). Each clause is a prefix or an equality on `area_path`, so PostgreSQL reads the
 * `audit_record_area_path_prefix_index` once per clause (a bitmap OR) or walks the primary key from
 * `after`, whichever is cheaper, never the whole trail.
 */
export async function changesAfter(
  em: EntityManager,
  compounds: readonly Compound[],
  after: number,
  first: number,
  kinds: readonly ChangeKind[] = CHANGE_KINDS,
): Promise<ChangePage> {
  const types = [...new Set(kinds)].map((k) => OBJECT_TYPES[k]);
  if (!compounds.length || !types.length) return { events: [], cursor: after, hasMore: false };
  const clauses: string[] = [];
  const params: unknown[] = [after, ...types];
  for (const c of compounds) {
    clauses.push(`area_path like ?`);
    params.push(likePrefix(c.path));
  }
  const ancestors = [...new Set(compounds.flatMap((c) => ancestorPaths(c.path)))];
  if (types.includes('Notice') && ancestors.length) {
    clauses.push(`(object_type = 'Notice' and area_path in (${ancestors.map(() => '?').join(', ')}))`);
    params.push(...ancestors);
  }
  params.push(first + 1);
  const rows = await em.execute<Row[]>(
    `select id, at, action, object_type, object_id, area_path, after from audit_record
     where id > ? and object_type in (${types.map(() => '?').join(', ')}) and (${clauses.join(' or ')})
     order by id limit ?`,
    params,
  );
  const page = rows.slice(0, first);
  const events = page.map((row): ChangeEventValue => {
    const path = row.area_path;
    const compound = path ? compounds.find((c) => path.startsWith(c.path)) : undefined;
    const recorded = typeof row.after === 'string' ? (JSON.parse(row.after) as Record<string, unknown>) : row.after;
    return {
      sequence: row.id,
      at: new Date(row.at),
      kind: KIND_OF[row.object_type],
      action: row.action,
      objectType: row.object_type as ChangeEventValue['objectType'],
      objectId: row.object_id,
      areaId: areaOfPath(path),
      compoundId: compound?.id ?? null,
      summary: summaryOf(row.object_type, recorded),
    };
  });
  await addCategories(em, events);
  return { events, cursor: page.at(-1)?.id ?? after, hasMore: rows.length > first };
}

/** A request's category (its code) is public and never changes: every request event carries it. */
async function addCategories(em: EntityManager, events: ChangeEventValue[]): Promise<void> {
  const ids = [...new Set(events.filter((e) => e.objectType === 'Request').map((e) => e.objectId))];
  if (!ids.length) return;
  const rows = await em.execute<{ id: number; code: string }[]>(
    `select r.id, c.code from resident_request r join request_category c on c.id = r.category_id where r.id in (${ids.map(() => '?').join(', ')})`,
    ids,
  );
  const codes = new Map(rows.map((r) => [r.id, r.code]));
  for (const e of events) if (e.objectType === 'Request') e.summary = { category: codes.get(e.objectId) ?? null, ...e.summary };
}

/** The newest id of the audit trail: a feed that starts "from now" resumes after it. */
export async function latestSequence(em: EntityManager): Promise<number> {
  const [row] = await em.execute<{ id: number | null }[]>('select max(id) as id from audit_record');
  return row?.id ?? 0;
}

/** Cursors are opaque to clients: base64url of `change:<id>`. */
export function toCursor(sequence: number): string {
  return Buffer.from(`change:${sequence}`, 'utf8').toString('base64url');
}

export function fromCursor(cursor: string): number | null {
  if (!/^[A-Za-z0-9_-]{1,40}$/.test(cursor)) return null;
  const match = /^change:(0|[1-9][0-9]{0,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return match && Number(match[1]) <= 2_147_483_647 ? Number(match[1]) : null;
}
