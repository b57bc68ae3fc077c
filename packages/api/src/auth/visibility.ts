import { type FilterQuery, raw } from '@mikro-orm/core';
import type { Context } from '../graphql/context.js';
import { Area } from '../modules/areas/area.entity.js';
import { likePrefix } from '../modules/areas/area.service.js';
import { Notice } from '../modules/notices/notice.entity.js';
import { Person, RoleAssignment } from '../modules/people/person.entity.js';
import { Request } from '../modules/requests/request.entity.js';
import { Proposal } from '../modules/votes/proposal.entity.js';
import { PUBLISHED_STAGES } from '../modules/votes/proposal.machine.js';
import { Wish } from '../modules/wishes/wish.entity.js';
import { PUBLIC_STATES } from '../modules/wishes/wish.machine.js';

/**
 * Who may see which objects at all (masking, in personal-data.ts, decides what they see of them).
 *
 * Public: the area tree down to buildings, organisations, stations, their services and staff.
 * Not public: households, people, and the roles people hold. These are visible
 * - in the areas where the caller holds `read:people` (auth/permissions.ts), and below them;
 * - to a person: themselves, their own roles, and the places where they hold a role (their home);
 * - people on a station's staff, to anyone, because the station shows them (masked).
 * Elsewhere such an object is treated as absent: `node` gives null, lists leave it out.
 */
export interface Visibility {
  /** Outermost paths where the caller holds `read:people`. */
  peopleAreas: string[];
  /** The signed-in person, if any. */
  self: number | null;
  /** Paths of the areas where the signed-in person holds a role today. */
  ownPlaces: string[];
}

export async function visibilityOf(ctx: Context): Promise<Visibility> {
  const self = ctx.actor.kind === 'PERSON' ? (ctx.actor.id ?? null) : null;
  const [peopleAreas, roles] = await Promise.all([ctx.grantedAreas('read:people'), ctx.roles()]);
  return { peopleAreas, self, ownPlaces: roles.map((r) => r.areaPath) };
}

const covered = (v: Visibility, path: string) => v.peopleAreas.some((area) => path.startsWith(area));

export function maySeeArea(v: Visibility, area: Pick<Area, 'kind' | 'path'>): boolean {
  return area.kind !== 'HOUSEHOLD' || covered(v, area.path) || v.ownPlaces.includes(area.path);
}

export function maySeeRole(v: Visibility, role: Pick<RoleAssignment, 'person'>, areaPath: string): boolean {
  return role.person.id === v.self || covered(v, areaPath);
}

/** `rolePaths`: where the person holds or held roles; `onStaff`: whether a station lists them. */
export function maySeePerson(v: Visibility, personId: number, rolePaths: string[], onStaff: boolean): boolean {
  return personId === v.self || onStaff || rolePaths.some((path) => covered(v, path));
}

/** A SQL condition and its parameters, for the lists built in SQL (graphql/nested-connection.ts). */
export interface SqlCondition {
  sql: string;
  params: unknown[];
}

function pathIn(column: string, paths: string[]): SqlCondition {
  if (!paths.length) return { sql: 'false', params: [] };
  return { sql: `(${paths.map(() => `${column} like ?`).join(' or ')})`, params: paths.map(likePrefix) };
}

/** Areas in a list: households only where visible. `t` is the area table. */
export function visibleAreasSql(v: Visibility): SqlCondition {
  const granted = pathIn('t.path', v.peopleAreas);
  const own = v.ownPlaces.length ? ` or t.path in (${v.ownPlaces.map(() => '?').join(', ')})` : '';
  return { sql: `(t.kind <> 'HOUSEHOLD' or ${granted.sql}${own})`, params: [...granted.params, ...v.ownPlaces] };
}

/** Role assignments in a list: `t` is the role_assignment table. */
export function visibleRolesSql(v: Visibility): SqlCondition {
  const granted = pathIn('ra.path', v.peopleAreas);
  const self = v.self != null ? ' or t.person_id = ?' : '';
  return {
    sql: `(exists (select 1 from area ra where ra.id = t.area_id and ${granted.sql})${self})`,
    params: [...granted.params, ...(v.self != null ? [v.self] : [])],
  };
}

const likeAny = (paths: string[]) => paths.map((path) => ({ path: { $like: likePrefix(path) } }));

/** The root `areas` list: households only where visible. */
export function visibleAreasWhere(v: Visibility): FilterQuery<Area> {
  return {
    $or: [{ kind: { $ne: 'HOUSEHOLD' } }, ...likeAny(v.peopleAreas), ...(v.ownPlaces.length ? [{ path: { $in: v.ownPlaces } }] : [])],
  } as FilterQuery<Area>;
}

/** The root `people` list: themselves, station staff, and people with roles where the caller has `read:people`. */
export function visiblePeopleWhere(v: Visibility): FilterQuery<Person> {
  const or: Record<string, unknown>[] = [
    { [raw((alias) => `exists (select 1 from station_staff ss where ss.person_id = ${alias}.id)`)]: true },
  ];
  if (v.self != null) or.push({ id: v.self });
  if (v.peopleAreas.length) or.push({ roles: { $some: { area: { $or: likeAny(v.peopleAreas) } } } });
  return { $or: or } as FilterQuery<Person>;
}

/** An object fetched by ID (`node`, `nodes`), or null when the caller may not see it. */
export async function visibleOrNull<T extends object>(ctx: Context, entity: T | null): Promise<T | null> {
  if (entity === null) return null;
  if (entity instanceof Area) return maySeeArea(await ctx.visibility(), entity) ? entity : null;
  if (entity instanceof Person) {
    const facts = await ctx.loaders.personFacts(entity.id);
    return maySeePerson(await ctx.visibility(), entity.id, facts.rolePaths, facts.onStaff) ? entity : null;
  }
  if (entity instanceof RoleAssignment) {
    const area = await ctx.loaders.byId(Area).load(entity.area.id as number);
    return area && maySeeRole(await ctx.visibility(), entity, area.path) ? entity : null;
  }
  if (entity instanceof Wish) return (await maySeeWish(ctx, entity)) ? entity : null;
  if (entity instanceof Proposal) return (await maySeeProposal(ctx, entity)) ? entity : null;
  if (entity instanceof Notice) return (await maySeeNotice(ctx, entity)) ? entity : null;
  if (entity instanceof Request) return (await maySeeRequest(ctx, entity)) ? entity : null;
  return entity;
}

/** A wish: public once reviewed (and until withdrawn); in every state to those who review wishes there, and to its poster and beneficiary. */
export async function maySeeWish(ctx: Context, wish: Wish): Promise<boolean> {
  if (PUBLIC_STATES.includes(wish.state)) return true;
  const self = ctx.actor.kind === 'PERSON' ? ctx.actor.id : null;
  if (self != null && (wish.postedBy.id === self || wish.beneficiary.id === self)) return true;
  const area = await ctx.loaders.byId(Area).load(wish.community.id as number);
  return area != null && (await ctx.grantedAreas('review:wishes')).some((path) => area.path.startsWith(path));
}

/** A proposal: public once published as a notice; before, to its proposer and to those who manage proposals there. */
export async function maySeeProposal(ctx: Context, proposal: Proposal): Promise<boolean> {
  if (PUBLISHED_STAGES.includes(proposal.stage)) return true;
  if (ctx.actor.kind === 'PERSON' && ctx.actor.id === proposal.proposedBy.id) return true;
  const area = await ctx.loaders.byId(Area).load(proposal.scope.id as number);
  return area != null && (await ctx.grantedAreas('manage:proposals')).some((path) => area.path.startsWith(path));
}

/** A notice: public from its start; scheduled ones to those who publish notices there. */
export async function maySeeNotice(ctx: Context, notice: Notice): Promise<boolean> {
  if (notice.startsAt <= ctx.now) return true;
  const area = await ctx.loaders.byId(Area).load(notice.area.id as number);
  return area != null && (await ctx.grantedAreas('publish:notices')).some((path) => area.path.startsWith(path));
}

/**
 * A resident's request: never public in full (the public see a masked summary by tracking code).
 * Seen by its reporter, whoever submitted it for them and whoever took it on; by staff of its
 * grid and above (`handle:requests`) and supervisors (`supervise:requests`); and, while it waits
 * to be taken on (accepted), by those who may take it on there (`take:requests`). An API key
 * sees the requests it submitted (Open311).
 */
export async function maySeeRequest(ctx: Context, request: Request): Promise<boolean> {
  const self = ctx.actor.kind === 'PERSON' ? ctx.actor.id : null;
  if (self != null && [request.reporter?.id, request.submittedBy?.id, request.handler?.id].includes(self)) return true;
  if (ctx.actor.kind === 'API_KEY' && ctx.actor.id != null && request.submittedByKey?.id === ctx.actor.id) return true;
  const grid = await ctx.loaders.byId(Area).load(request.grid.id as number);
  if (!grid) return false;
  const covers = (paths: string[]) => paths.some((path) => grid.path.startsWith(path));
  if (covers(await ctx.grantedAreas('handle:requests')) || covers(await ctx.grantedAreas('supervise:requests'))) return true;
  return request.state === 'ACCEPTED' && covers(await ctx.grantedAreas('take:requests'));
}
