/**
 * The rules of residents' requests (诉求), with no GraphQL in them: the resolver and (next) the
 * Open311 endpoints call the same functions.
 */
import { randomInt } from 'node:crypto';
import { type FilterQuery, LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/sql';
import { InputProblem, InputProblems } from '../../graphql/errors.js';
import { Area } from '../areas/area.entity.js';
import { likePrefix, NOTHING, subtreePath } from '../areas/area.service.js';
import { type Actor, changedFields, recordChange, system } from '../audit/audit.service.js';
import { Person } from '../people/person.entity.js';
import { Request, RequestCategory, RequestEvent, type RequestLevel, type RequestState } from './request.entity.js';
import { levelAbove, nextState, OPEN_STATES, type RequestMove, RequestMoveError, stageOf } from './request.machine.js';

/** How long after resolution the reporter may reopen a request. */
export const REOPEN_WINDOW_DAYS = 7;

export interface RequestValues {
  category: string;
  description: string;
  latitude: number | null;
  longitude: number | null;
  address: string | null;
  addressPublic: boolean;
  photoUrls: string[];
  /** The resident; null only when an organisation submits through its API key (Open311), on a resident's behalf. */
  reporter: number | null;
  /** When given, must be a grid; otherwise the grid is found from the location. */
  grid: number | null;
}

/** Without 0/O, 1/I/L: read aloud over the phone. */
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** A public tracking code, `GZ` and ten characters: about 50 bits, not to be guessed. */
export function newTrackingCode(): string {
  return `GZ${Array.from({ length: 10 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('')}`;
}

/** Ray casting over a ring of [latitude, longitude] pairs. */
function inside(ring: [number, number][], latitude: number, longitude: number): boolean {
  let within = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [yi, xi] = ring[i];
    const [yj, xj] = ring[j];
    if (yi > latitude !== yj > latitude && longitude < ((xj - xi) * (latitude - yi)) / (yj - yi) + xi) within = !within;
  }
  return within;
}

/** The id of the grid whose outline holds the point, if any. */
export async function gridAt(em: EntityManager, latitude: number, longitude: number): Promise<number | null> {
  const grids = await em.find(Area, { kind: 'GRID', boundary: { $ne: null } }, { fields: ['id', 'boundary'] });
  return grids.find((g) => g.boundary && inside(g.boundary, latitude, longitude))?.id ?? null;
}

/**
 * The area a request's audit records are filed under: the compound (小区) of its grid whose outline
 * holds its point, else the grid. A compound sits below its grid, so the grid's auditors still see
 * every record, and a property company's change feed (modules/changes) finds the requests of its
 * compounds by path alone.
 */
async function placePath(em: EntityManager, request: Request): Promise<string | null> {
  const gridPath = await subtreePath(em, request.grid.id as number);
  if (gridPath === null || request.latitude == null || request.longitude == null) return gridPath;
  const { latitude, longitude } = request;
  const compounds = await em.find(
    Area,
    { kind: 'COMPOUND', path: { $like: likePrefix(gridPath) }, boundary: { $ne: null } },
    { fields: ['path', 'boundary'], orderBy: { id: 'asc' } },
  );
  return compounds.find((c) => c.boundary && inside(c.boundary, latitude, longitude))?.path ?? gridPath;
}

const URL = /^https?:\/\/[^\s]{1,500}$/;

async function validate(em: EntityManager, v: RequestValues): Promise<{ category: RequestCategory; grid: Area; ancestors: Area[] }> {
  const problems: InputProblem[] = [];
  if (!v.description.trim()) problems.push(new InputProblem(['input', 'description'], 'Describe the matter', 'REQUIRED'));
  if (v.description.length > 2000) problems.push(new InputProblem(['input', 'description'], 'At most 2,000 characters'));
  if (v.address != null && v.address.length > 300) problems.push(new InputProblem(['input', 'address'], 'At most 300 characters'));
  if ((v.latitude == null) !== (v.longitude == null)) {
    problems.push(new InputProblem(['input', 'latitude'], 'Give both latitude and longitude, or neither'));
  } else if (v.latitude != null && v.longitude != null && (Math.abs(v.latitude) > 90 || Math.abs(v.longitude) > 180)) {
    problems.push(new InputProblem(['input', 'latitude'], 'Not a place on Earth'));
  }
  if (v.photoUrls.length > 9) problems.push(new InputProblem(['input', 'photoUrls'], 'At most 9 photos'));
  v.photoUrls.forEach((url, i) => {
    if (!URL.test(url)) problems.push(new InputProblem(['input', 'photoUrls', String(i)], 'A photo is an http(s) address'));
  });
  const category = await em.findOne(RequestCategory, { code: v.category });
  if (!category) problems.push(new InputProblem(['input', 'category'], 'No such category', 'NOT_FOUND'));
  if (v.reporter != null && !(await em.count(Person, { id: v.reporter }))) {
    problems.push(new InputProblem(['input', 'reporter'], 'No such person', 'NOT_FOUND'));
  }
  let grid: Area | null = null;
  if (v.grid != null) {
    grid = await em.findOne(Area, { id: v.grid });
    if (grid?.kind !== 'GRID') {
      problems.push(new InputProblem(['input', 'grid'], 'No such grid', 'NOT_FOUND'));
      grid = null;
    }
  } else if (v.latitude != null && v.longitude != null && !problems.length) {
    const found = await gridAt(em, v.latitude, v.longitude);
    grid = found != null ? await em.findOne(Area, { id: found }) : null;
    if (!grid) problems.push(new InputProblem(['input', 'latitude'], 'The place is in no grid we know', 'NOT_FOUND'));
  } else if (v.latitude == null) {
    problems.push(new InputProblem(['input', 'grid'], 'Give the place (latitude and longitude) or the grid', 'REQUIRED'));
  }
  if (problems.length || !category || !grid) throw new InputProblems(problems);
  const ids = grid.path.split('/').filter(Boolean).map(Number);
  const ancestors = await em.find(Area, { id: { $in: ids } });
  return { category, grid, ancestors };
}

/** What an audit record keeps of a request. */
function snapshot(r: Request): Record<string, unknown> {
  return {
    state: r.state,
    level: r.level,
    deadline: r.deadline ?? null,
    overdue: r.overdue,
    assignee: (r.assignee?.id as number | undefined) ?? null,
    handler: (r.handler?.id as number | undefined) ?? null,
    resolution: r.resolution ?? null,
    rating: r.rating ?? null,
    supervisionNote: r.supervisionNote ?? null,
    supervisionReport: r.supervisionReport ?? null,
  };
}

async function record(
  tx: EntityManager,
  actor: Actor,
  request: Request,
  move: RequestMove | 'submit',
  from: RequestState | null,
  note: string | null,
  before: Record<string, unknown> | null,
): Promise<void> {
  tx.create(RequestEvent, {
    request,
    move,
    fromState: from,
    toState: request.state,
    level: request.level,
    actor: actor.kind === 'PERSON' ? actor.id : null,
    role: actor.role,
    note,
    at: new Date(),
  } as never);
  await tx.flush();
  await recordChange(tx, actor, {
    action: `request.${move}`,
    objectType: 'Request',
    objectId: request.id,
    areaPath: await placePath(tx, request),
    ...changedFields(before, snapshot(request)),
  });
}

/** The deadline of the stage a request is in, from now; null when no stage runs. */
function deadlineFor(state: RequestState, category: RequestCategory, now: Date): Date | null {
  const stage = stageOf(state);
  return stage ? new Date(now.getTime() + category[stage] * 60_000) : null;
}

/** 群众点单: a request is submitted, in the grid of its place, answered for first by the grid. */
export function submitRequest(em: EntityManager, values: RequestValues, actor: Actor): Promise<Request> {
  const byKey = actor.kind === 'API_KEY';
  if (!(byKey || actor.kind === 'PERSON') || actor.id == null || (values.reporter == null && !byKey)) {
    throw new InputProblem(['input', 'reporter'], 'A request is submitted by a person, or by an organisation with its key', 'REQUIRED');
  }
  return em.transactional(async (tx) => {
    const { category, grid, ancestors } = await validate(tx, values);
    const now = new Date();
    const community = ancestors.find((a) => a.kind === 'COMMUNITY');
    const street = ancestors.find((a) => a.kind === 'STREET');
    if (!community || !street) throw new InputProblem(['input', 'grid'], 'The grid is in no community of a street', 'NOT_ALLOWED_HERE');
    let trackingCode = newTrackingCode();
    while (await tx.count(Request, { trackingCode })) trackingCode = newTrackingCode();
    const request = tx.create(Request, {
      trackingCode,
      category,
      description: values.description.trim(),
      latitude: values.latitude,
      longitude: values.longitude,
      address: values.address?.trim() || null,
      addressPublic: values.addressPublic,
      photoUrls: values.photoUrls,
      reporter: values.reporter,
      submittedBy: byKey ? null : actor.id,
      submittedByKey: byKey ? actor.id : null,
      grid,
      community,
      street,
      level: 'GRID',
      state: 'SUBMITTED',
      deadline: deadlineFor('SUBMITTED', category, now),
      submittedAt: now,
    } as never);
    await tx.flush();
    await record(tx, actor, request, 'submit', null, null, null);
    return request;
  });
}

/**
 * One move of one request, in one transaction with its row locked, so of two moves at once one
 * wins and the other finds it moved. `guard` checks the locked request and reads nothing else.
 * Entering a new state starts that stage's deadline.
 */
export function moveRequest(
  em: EntityManager,
  id: number,
  move: RequestMove,
  actor: Actor,
  options: {
    guard?: (request: Request) => void;
    apply?: (request: Request, now: Date, category: RequestCategory) => void;
    note?: string | null;
  } = {},
): Promise<Request> {
  return em.transactional(async (tx) => {
    const request = await tx.findOne(Request, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!request) throw new InputProblem(['input', 'id'], 'No such request', 'NOT_FOUND');
    options.guard?.(request);
    const before = snapshot(request);
    const from = request.state;
    try {
      request.state = nextState(request.state, move);
    } catch (error) {
      if (error instanceof RequestMoveError) throw new InputProblem(['input', 'id'], error.message, 'WRONG_STATE');
      throw error;
    }
    const now = new Date();
    const category = await tx.findOneOrFail(RequestCategory, { id: request.category.id });
    if (request.state !== from) request.deadline = deadlineFor(request.state, category, now);
    options.apply?.(request, now, category);
    await tx.flush();
    await record(tx, actor, request, move, from, options.note ?? null, before);
    return request;
  });
}

/**
 * Requests past their stage's deadline are marked overdue and rise a level (grid → community →
 * street), with a new deadline for the same stage at that level; past the street's, they stay
 * overdue there. Run at start-up and on every sweep, from the deadlines stored on the rows, so it
 * holds across restarts. One level a sweep; each escalation is one audited move, made as the
 * system. Requests resolved more than the reopening window ago are closed the same way. Returns
 * the requests that moved.
 */
export async function sweepRequests(em: EntityManager, now = new Date()): Promise<number[]> {
  const due = await em.find(Request, { state: { $in: OPEN_STATES }, deadline: { $lt: now } }, { fields: ['id'] });
  const escalated: number[] = [];
  for (const { id } of due) {
    try {
      await moveRequest(em.fork(), id, 'escalate', system(), {
        guard: (r) => {
          if (!r.deadline || r.deadline >= now) throw new InputProblem(['input', 'id'], 'moved meanwhile', 'WRONG_STATE');
        },
        apply: (r, at, category) => {
          const above = levelAbove(r.level);
          r.overdue = true;
          if (above) {
            r.level = above;
            r.escalations += 1;
          }
          // The same stage starts again, answered for by the level above; the street's is the last.
          r.deadline = above ? deadlineFor(r.state, category, at) : null;
        },
        note: 'overdue',
      });
      escalated.push(id);
    } catch (error) {
      if (!(error instanceof InputProblem)) throw error;
    }
  }
  // Resolved (rated or not) and past the reporter's window to reopen: closed, as the system.
  const windowStart = new Date(now.getTime() - REOPEN_WINDOW_DAYS * 86_400_000);
  const finished = await em.find(Request, { state: { $in: ['RESOLVED', 'RATED'] }, resolvedAt: { $lt: windowStart } }, { fields: ['id'] });
  for (const { id } of finished) {
    try {
      await moveRequest(em.fork(), id, 'close', system(), {
        guard: (r) => {
          if (!r.resolvedAt || r.resolvedAt >= windowStart) throw new InputProblem(['input', 'id'], 'moved meanwhile', 'WRONG_STATE');
        },
        apply: (r, at) => {
          r.closedAt = at;
        },
        note: 'the window to reopen it passed',
      });
      escalated.push(id);
    } catch (error) {
      if (!(error instanceof InputProblem)) throw error;
    }
  }
  return escalated;
}

/** The area that answers for a request at its level. */
export function responsibleArea(r: Request): number {
  const level: RequestLevel = r.level;
  return (level === 'GRID' ? r.grid.id : level === 'COMMUNITY' ? r.community.id : r.street.id) as number;
}

export interface RequestFilterValues {
  within?: number | null;
  state?: RequestState[] | null;
  level?: RequestLevel[] | null;
  overdue?: boolean | null;
}

/**
 * The requests a caller may list: every one in the areas where they work on requests, those
 * waiting to be taken on where they may take them on, and their own (reported, submitted for
 * someone, or in hand; for an API key, those it submitted).
 */
export async function requestWhere(
  em: EntityManager,
  filter: RequestFilterValues | null,
  seeAll: { staffAreas: string[]; takeOnAreas: string[]; self: number | null; key?: number | null },
): Promise<FilterQuery<Request>> {
  const where: Record<string, unknown>[] = [];
  if (filter?.within != null) {
    const path = await subtreePath(em, filter.within);
    if (!path) return NOTHING as FilterQuery<Request>;
    where.push({ grid: { path: { $like: likePrefix(path) } } });
  }
  if (filter?.state?.length) where.push({ state: { $in: filter.state } });
  if (filter?.level?.length) where.push({ level: { $in: filter.level } });
  if (filter?.overdue != null) where.push({ overdue: filter.overdue });
  const visible: Record<string, unknown>[] = [];
  for (const path of seeAll.staffAreas) visible.push({ grid: { path: { $like: likePrefix(path) } } });
  for (const path of seeAll.takeOnAreas) visible.push({ state: 'ACCEPTED', grid: { path: { $like: likePrefix(path) } } });
  if (seeAll.self != null) visible.push({ reporter: seeAll.self }, { submittedBy: seeAll.self }, { handler: seeAll.self });
  if (seeAll.key != null) visible.push({ submittedByKey: seeAll.key });
  if (!visible.length) return NOTHING as FilterQuery<Request>;
  where.push({ $or: visible });
  return { $and: where } as FilterQuery<Request>;
}

export function requestHistory(em: EntityManager, request: number): Promise<RequestEvent[]> {
  return em.find(RequestEvent, { request }, { orderBy: { id: 'asc' } });
}

export interface RequestStatistics {
  submitted: number;
  byState: { state: RequestState; count: number }[];
  /** Of the requests submitted in the period, the share resolved (resolved, rated or closed) by now. */
  resolutionRate: number | null;
  medianMinutesToDispatch: number | null;
  medianMinutesToAccept: number | null;
  medianMinutesToTakeOn: number | null;
  medianMinutesToResolve: number | null;
  overdue: number;
  escalations: number;
  averageRating: number | null;
}

const median = (from: string, to: string) =>
  `percentile_cont(0.5) within group (order by extract(epoch from r.${to} - r.${from}) / 60) filter (where r.${to} is not null)`;

/** Figures of the requests submitted in [from, to) in an area, optionally only those dispatched to one department. */
export async function requestStatistics(
  em: EntityManager,
  areaPath: string,
  from: Date,
  to: Date,
  assignee: number | null,
): Promise<RequestStatistics> {
  const where = `r.grid_id in (select id from area where kind = 'GRID' and path like ?) and r.submitted_at >= ? and r.submitted_at < ?${
    assignee != null ? ' and r.assignee_id = ?' : ''
  }`;
  const params = [likePrefix(areaPath), from, to, ...(assignee != null ? [assignee] : [])];
  const [[figures], states] = await Promise.all([
    em.execute<Record<string, string | number | null>[]>(
      `select count(*) as submitted,
         count(*) filter (where r.state in ('RESOLVED', 'RATED', 'CLOSED')) as resolved,
         count(*) filter (where r.overdue) as overdue,
         coalesce(sum(r.escalations), 0) as escalations,
         avg(r.rating) as average_rating,
         ${median('submitted_at', 'dispatched_at')} as dispatch,
         ${median('dispatched_at', 'accepted_at')} as accept,
         ${median('accepted_at', 'taken_on_at')} as take_on,
         ${median('taken_on_at', 'resolved_at')} as resolve
       from resident_request r where ${where}`,
      params,
    ),
    em.execute<{ state: RequestState; n: string }[]>(
      `select r.state, count(*) as n from resident_request r where ${where} group by r.state order by r.state`,
      params,
    ),
  ]);
  const submitted = Number(figures?.submitted ?? 0);
  const minutes = (v: unknown) => (v == null ? null : Math.round(Number(v) * 10) / 10);
  return {
    submitted,
    byState: states.map((s) => ({ state: s.state, count: Number(s.n) })),
    resolutionRate: submitted > 0 ? Number(figures?.resolved ?? 0) / submitted : null,
    medianMinutesToDispatch: minutes(figures?.dispatch),
    medianMinutesToAccept: minutes(figures?.accept),
    medianMinutesToTakeOn: minutes(figures?.take_on),
    medianMinutesToResolve: minutes(figures?.resolve),
    overdue: Number(figures?.overdue ?? 0),
    escalations: Number(figures?.escalations ?? 0),
    averageRating: figures?.average_rating == null ? null : Math.round(Number(figures.average_rating) * 100) / 100,
  };
}
