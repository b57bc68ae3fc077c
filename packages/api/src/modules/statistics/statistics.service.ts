import type { EntityManager } from '@mikro-orm/sql';
import { Area, type AreaKind } from '../areas/area.entity.js';
import { likePrefix } from '../areas/area.service.js';
import { DEFAULT_WALKING_RADIUS } from '../stations/coverage.service.js';
import { type Period, type StatisticsPeriod, TIME_ZONE, TRUNCATE_TO } from './periods.js';

/**
 * 一站数据: figures per area and calendar period, each section counted by one SQL statement that
 * groups by (area, period) — however many areas and periods are asked for — and never by loading
 * rows into the server.
 *
 * Every row of a fact (a wish, a request, a proposal, a station, a compound) is placed at its area
 * (a wish at its grid, or its community when it has no grid; a request at its grid; a proposal at
 * its scope; a station at its area) and counted for each asked-for area on that area's path: the
 * path `/1/5/23/` is unnested into its ids and joined to the asked-for areas by id.
 */

/** The levels statistics are asked at: the grid system's (wishes and requests are placed no lower than a grid). */
export const STATISTICS_LEVELS = ['DISTRICT', 'STREET', 'COMMUNITY', 'GRID'] as const satisfies readonly AreaKind[];

/**
 * The most one request may ask for. Every cell is a row of up to eight objects in the answer, so
 * 10,000 rows stay within the objects one query may return (GZ_MAX_COST's default, 100,000), which
 * the cost limit cannot see before the areas are counted; a year of days fits for a street's
 * grids, a month of days for a district's.
 */
export const STATISTICS_LIMITS = { periods: 366, areas: 2_000, cells: 10_000 } as const;

/** The areas one statistics request is about: `within` itself, or its areas of one level. */
export interface StatisticsScope {
  within: Area;
  level: AreaKind | null;
  period: StatisticsPeriod;
  periods: Period[];
}

export interface WishFigures {
  posted: number;
  claimed: number;
  fulfilled: number;
  litUp: number;
  postedLitUp: number;
}

export interface RequestFigures {
  submitted: number;
  submittedResolved: number;
  resolved: number;
  closed: number;
  overdue: number;
  escalated: number;
  rated: number;
  averageRating: number | null;
}

export interface VoteFigures {
  opened: number;
  decided: number;
  passed: number;
  averageParticipation: number | null;
}

export interface StationFigures {
  stations: number;
  opened: number;
}

export interface StationReach {
  services: number;
  households: number;
  judgedHouseholds: number;
  coveredHouseholds: number;
}

export interface PartyServiceFigures {
  wishesLitUp: number;
  wishesLitUpInService: number;
  requestsTakenOn: number;
  requestsTakenOnInService: number;
  membersServed: number;
  inServiceMembersServed: number;
}

export interface PropertyFigures {
  compounds: number;
  propertyCompany: number;
  selfManaged: number;
  unmanaged: number;
  propertyCompanies: number;
  companiesWithPartyOrganization: number;
  redHeartCompanies: number;
  /** Of the property fees billed for the months of the report (pushed by the companies), the share collected; null when none were billed. */
  feeCollectionRate: number | null;
}

/** Figures of one area and period, by `cellKey`. */
export type PerCell<T> = Map<string, T>;
/** Figures of one area as of now, by area id. */
export type PerArea<T> = Map<number, T>;

export const cellKey = (area: number, period: string): string => `${area}|${period}`;

/** The areas asked for, in order of name; at most `limit` + 1, enough to refuse. */
export function areasOf(em: EntityManager, within: Area, level: AreaKind | null, limit: number): Promise<Area[]> {
  if (level == null) return Promise.resolve([within]);
  return em.find(
    Area,
    { path: { $like: likePrefix(within.path) }, kind: level },
    { orderBy: { name: 'asc', id: 'asc' }, limit: limit + 1 },
  );
}

/** The asked-for areas as a CTE `target(id)`, and its parameters. */
function targetOf(scope: StatisticsScope): { sql: string; params: unknown[] } {
  return scope.level == null
    ? { sql: 'target as (select id from area where id = ?)', params: [scope.within.id] }
    : { sql: 'target as (select id from area where path like ? and kind = ?)', params: [likePrefix(scope.within.path), scope.level] };
}

/** Joins `loc` (an area, already joined) to every asked-for area on its path, as `t`. */
const ON_PATH = `cross join lateral unnest(string_to_array(trim(both '/' from loc.path), '/')) as ancestor(id)
  join target t on t.id = ancestor.id::int`;

/** The period an instant falls in, as its first day in China (`YYYY-MM-DD`, the key of `Period`). */
const bucket = (scope: StatisticsScope, column: string) =>
  `to_char(date_trunc('${TRUNCATE_TO[scope.period]}', ${column} at time zone '${TIME_ZONE}'), 'YYYY-MM-DD')`;

const bounds = (scope: StatisticsScope): [Date, Date] => [
  (scope.periods[0] as Period).start,
  (scope.periods[scope.periods.length - 1] as Period).end,
];

const int = (v: unknown): number => Number(v ?? 0);
const round = (v: unknown, places: number): number | null => (v == null ? null : Number(Number(v).toFixed(places)));

function perCell<R extends { target: number; period: string }, T>(rows: R[], figures: (row: R) => T): PerCell<T> {
  return new Map(rows.map((row) => [cellKey(Number(row.target), row.period), figures(row)]));
}

/**
 * 微心愿: posted (created), claimed (the latest claim), fulfilled and lit up (confirmed by the
 * beneficiary) in each period, each counted by the time it happened; and of the wishes posted in
 * the period, how many are lit up by now.
 */
export async function wishFigures(em: EntityManager, scope: StatisticsScope): Promise<PerCell<WishFigures>> {
  const target = targetOf(scope);
  const rows = await em.execute<Record<string, string>[]>(
    `with ${target.sql},
     placed as (
       select t.id as target, w.state, w.created_at, w.claimed_at, w.fulfilled_at, w.confirmed_at
       from wish w join area loc on loc.id = coalesce(w.grid_id, w.community_id) ${ON_PATH}
       where loc.path like ?
     ),
     happened as (
       select target, 'POSTED' as what, created_at as at, state from placed
       union all select target, 'CLAIMED', claimed_at, state from placed where claimed_at is not null
       union all select target, 'FULFILLED', fulfilled_at, state from placed where fulfilled_at is not null
       union all select target, 'LIT_UP', confirmed_at, state from placed where confirmed_at is not null
     )
     select target, ${bucket(scope, 'at')} as period,
       count(*) filter (where what = 'POSTED') as posted,
       count(*) filter (where what = 'POSTED' and state = 'CONFIRMED') as posted_lit_up,
       count(*) filter (where what = 'CLAIMED') as claimed,
       count(*) filter (where what = 'FULFILLED') as fulfilled,
       count(*) filter (where what = 'LIT_UP') as lit_up
     from happened where at >= ? and at < ?
     group by 1, 2`,
    [...target.params, likePrefix(scope.within.path), ...bounds(scope)],
  );
  return perCell(rows as never as { target: number; period: string; [k: string]: unknown }[], (r) => ({
    posted: int(r.posted),
    claimed: int(r.claimed),
    fulfilled: int(r.fulfilled),
    litUp: int(r.lit_up),
    postedLitUp: int(r.posted_lit_up),
  }));
}

/**
 * 诉求: submitted, resolved and closed in each period, each by the time it happened; and of the
 * requests submitted in the period, how many are resolved by now (resolved, rated or closed),
 * went overdue, rose a level, and were rated (with the average rating).
 */
export async function requestFigures(em: EntityManager, scope: StatisticsScope): Promise<PerCell<RequestFigures>> {
  const target = targetOf(scope);
  const rows = await em.execute<Record<string, string>[]>(
    `with ${target.sql},
     placed as (
       select t.id as target, r.state, r.overdue, r.escalations, r.rating, r.submitted_at, r.resolved_at, r.closed_at
       from resident_request r join area loc on loc.id = r.grid_id ${ON_PATH}
       where loc.path like ?
     ),
     happened as (
       select target, 'SUBMITTED' as what, submitted_at as at, state, overdue, escalations, rating from placed
       union all select target, 'RESOLVED', resolved_at, state, overdue, escalations, rating from placed where resolved_at is not null
       union all select target, 'CLOSED', closed_at, state, overdue, escalations, rating from placed where closed_at is not null
     )
     select target, ${bucket(scope, 'at')} as period,
       count(*) filter (where what = 'SUBMITTED') as submitted,
       count(*) filter (where what = 'SUBMITTED' and state in ('RESOLVED', 'RATED', 'CLOSED')) as submitted_resolved,
       count(*) filter (where what = 'SUBMITTED' and overdue) as overdue,
       count(*) filter (where what = 'SUBMITTED' and escalations > 0) as escalated,
       count(*) filter (where what = 'SUBMITTED' and rating is not null) as rated,
       avg(rating) filter (where what = 'SUBMITTED') as average_rating,
       count(*) filter (where what = 'RESOLVED') as resolved,
       count(*) filter (where what = 'CLOSED') as closed
     from happened where at >= ? and at < ?
     group by 1, 2`,
    [...target.params, likePrefix(scope.within.path), ...bounds(scope)],
  );
  return perCell(rows as never as { target: number; period: string; [k: string]: unknown }[], (r) => ({
    submitted: int(r.submitted),
    submittedResolved: int(r.submitted_resolved),
    resolved: int(r.resolved),
    closed: int(r.closed),
    overdue: int(r.overdue),
    escalated: int(r.escalated),
    rated: int(r.rated),
    averageRating: round(r.average_rating, 2),
  }));
}

/**
 * 业主表决: proposals whose voting opened in the period, and those decided in it (passed, and the
 * average share of the roll's households that cast a ballot).
 */
export async function voteFigures(em: EntityManager, scope: StatisticsScope): Promise<PerCell<VoteFigures>> {
  const target = targetOf(scope);
  const rows = await em.execute<Record<string, string>[]>(
    `with ${target.sql},
     placed as (
       select t.id as target, p.voting_opened_at, p.decided_at, p.outcome,
         p.ballot_count::float8 / nullif(p.roll_households, 0) as participation
       from proposal p join area loc on loc.id = p.scope_id ${ON_PATH}
       where loc.path like ?
     ),
     happened as (
       select target, 'OPENED' as what, voting_opened_at as at, outcome, participation from placed where voting_opened_at is not null
       union all select target, 'DECIDED', decided_at, outcome, participation from placed where decided_at is not null
     )
     select target, ${bucket(scope, 'at')} as period,
       count(*) filter (where what = 'OPENED') as opened,
       count(*) filter (where what = 'DECIDED') as decided,
       count(*) filter (where what = 'DECIDED' and outcome = 'PASSED') as passed,
       avg(participation) filter (where what = 'DECIDED') as participation
     from happened where at >= ? and at < ?
     group by 1, 2`,
    [...target.params, likePrefix(scope.within.path), ...bounds(scope)],
  );
  return perCell(rows as never as { target: number; period: string; [k: string]: unknown }[], (r) => ({
    opened: int(r.opened),
    decided: int(r.decided),
    passed: int(r.passed),
    averageParticipation: round(r.participation, 4),
  }));
}

/**
 * 党群服务站: stations opened in each period, and the stations there at its end (those opened
 * before it, added up; a station removed is gone from every period, as no history of removals is kept).
 */
export async function stationFigures(em: EntityManager, scope: StatisticsScope): Promise<PerCell<StationFigures>> {
  const target = targetOf(scope);
  const [first, last] = bounds(scope);
  const rows = await em.execute<{ target: number; period: string; n: string }[]>(
    `with ${target.sql}
     select t.id as target, case when s.created_at < ? then 'before' else ${bucket(scope, 's.created_at')} end as period, count(*) as n
     from station s join area loc on loc.id = s.area_id ${ON_PATH}
     where loc.path like ? and s.created_at < ?
     group by 1, 2`,
    [...target.params, first, likePrefix(scope.within.path), last],
  );
  const opened = new Map(rows.map((r) => [cellKey(Number(r.target), r.period), int(r.n)]));
  const figures: PerCell<StationFigures> = new Map();
  for (const id of new Set(rows.map((r) => Number(r.target)))) {
    let stations = opened.get(cellKey(id, 'before')) ?? 0;
    for (const period of scope.periods) {
      const n = opened.get(cellKey(id, period.key)) ?? 0;
      stations += n;
      figures.set(cellKey(id, period.key), { stations, opened: n });
    }
  }
  return figures;
}

/**
 * As of now: the services the area's stations offer, and the 15-minute circle (一刻钟服务圈) as
 * `stationCoverage` judges it (coverage.service.ts): a household counts as covered when its
 * compound lies within walking distance of any station, in the area or not.
 */
export async function stationReach(em: EntityManager, scope: StatisticsScope): Promise<PerArea<StationReach>> {
  const target = targetOf(scope);
  const prefix = likePrefix(scope.within.path);
  const rows = await em.execute<Record<string, string>[]>(
    `with ${target.sql},
     compound as (
       select c.id, c.path, c.latitude, c.longitude from area c
       where c.kind = 'COMPOUND' and c.path like ? and c.latitude is not null and c.longitude is not null
     ),
     home as materialized (
       select b.parent_id as compound, count(*) as n
       from area h join area b on b.id = h.parent_id
       where h.kind = 'HOUSEHOLD' and h.path like ?
       group by b.parent_id
     ),
     judged as materialized (
       select t.id as target, coalesce(h.n, 0) as households,
         exists (select 1 from station s
                 where earth_box(ll_to_earth(loc.latitude, loc.longitude), ?) @> ll_to_earth(s.latitude, s.longitude)
                   and earth_distance(ll_to_earth(loc.latitude, loc.longitude), ll_to_earth(s.latitude, s.longitude)) <= ?) as covered
       from compound loc left join home h on h.compound = loc.id ${ON_PATH}
     ),
     household as materialized (
       select t.id as target, count(*) as n from area loc ${ON_PATH}
       where loc.kind = 'HOUSEHOLD' and loc.path like ? group by 1
     ),
     service as materialized (
       select t.id as target, count(*) as n
       from station_service ss join station s on s.id = ss.station_id join area loc on loc.id = s.area_id ${ON_PATH}
       where loc.path like ? group by 1
     ),
     reach as materialized (
       select target, sum(households) as judged, sum(households) filter (where covered) as covered from judged group by target
     )
     select t.id as target, coalesce(h.n, 0) as households, coalesce(r.judged, 0) as judged, coalesce(r.covered, 0) as covered,
       coalesce(s.n, 0) as services
     from target t
       left join household h on h.target = t.id
       left join reach r on r.target = t.id
       left join service s on s.target = t.id`,
    [...target.params, prefix, prefix, DEFAULT_WALKING_RADIUS, DEFAULT_WALKING_RADIUS, prefix, prefix],
  );
  return new Map(
    rows.map((r) => [
      Number(r.target),
      { services: int(r.services), households: int(r.households), judgedHouseholds: int(r.judged), coveredHouseholds: int(r.covered) },
    ]),
  );
}

/**
 * Party members' service records (党员服务记录): wishes lit up whose claimer, and requests taken on
 * (领单) whose handler, held a party member's or an in-service party member's (双报到) role, in any
 * area, on the day they did it (in China); and how many such members served.
 */
export async function partyServiceFigures(em: EntityManager, scope: StatisticsScope): Promise<PerCell<PartyServiceFigures>> {
  const target = targetOf(scope);
  const prefix = likePrefix(scope.within.path);
  const [first, last] = bounds(scope);
  const held = (roles: string) =>
    `exists (select 1 from role_assignment ra where ra.person_id = s.person and ra.role in (${roles})
       and ra.starts_on <= (s.at at time zone '${TIME_ZONE}')::date
       and (ra.ends_on is null or ra.ends_on >= (s.at at time zone '${TIME_ZONE}')::date))`;
  const rows = await em.execute<Record<string, string>[]>(
    `with ${target.sql},
     served as (
       select t.id as target, 'WISH' as what, w.claimer_id as person, w.confirmed_at as at
       from wish w join area loc on loc.id = coalesce(w.grid_id, w.community_id) ${ON_PATH}
       where loc.path like ? and w.claimer_id is not null and w.confirmed_at >= ? and w.confirmed_at < ?
       union all
       select t.id, 'REQUEST', r.handler_id, r.taken_on_at
       from resident_request r join area loc on loc.id = r.grid_id ${ON_PATH}
       where loc.path like ? and r.handler_id is not null and r.taken_on_at >= ? and r.taken_on_at < ?
     ),
     tagged as (
       select s.target, s.what, s.person, s.at,
         ${held(`'PARTY_MEMBER', 'IN_SERVICE_PARTY_MEMBER'`)} as party,
         ${held(`'IN_SERVICE_PARTY_MEMBER'`)} as in_service
       from served s
     )
     select target, ${bucket(scope, 'at')} as period,
       count(*) filter (where what = 'WISH' and party) as wishes,
       count(*) filter (where what = 'WISH' and in_service) as wishes_in_service,
       count(*) filter (where what = 'REQUEST' and party) as requests,
       count(*) filter (where what = 'REQUEST' and in_service) as requests_in_service,
       count(distinct person) filter (where party) as members,
       count(distinct person) filter (where in_service) as in_service_members
     from tagged where party
     group by 1, 2`,
    [...target.params, prefix, first, last, prefix, first, last],
  );
  return perCell(rows as never as { target: number; period: string; [k: string]: unknown }[], (r) => ({
    wishesLitUp: int(r.wishes),
    wishesLitUpInService: int(r.wishes_in_service),
    requestsTakenOn: int(r.requests),
    requestsTakenOnInService: int(r.requests_in_service),
    membersServed: int(r.members),
    inServiceMembersServed: int(r.in_service_members),
  }));
}

/**
 * 物业管理, as of now (the tree keeps no history of who managed a compound): compounds by how they
 * are managed, the property companies managing them, and those companies with a party
 * organisation set up inside them (Organization.host) or 红心物业.
 */
export async function propertyFigures(em: EntityManager, scope: StatisticsScope): Promise<PerArea<PropertyFigures>> {
  const target = targetOf(scope);
  const rows = await em.execute<Record<string, string>[]>(
    `with ${target.sql},
     compound as (
       select t.id as target, loc.management,
         case when loc.management = 'PROPERTY_COMPANY' then loc.manager_id end as company
       from area loc ${ON_PATH}
       where loc.kind = 'COMPOUND' and loc.path like ?
     ),
     fees as (
       select t.id as target, sum(loc.amount_due) as due, sum(loc.amount_paid) as paid
       from (
         select area_path as path, amount_due, amount_paid from property_fee
         where area_path like ? and period >= to_char(?::timestamptz at time zone '${TIME_ZONE}', 'YYYY-MM')
           and period < to_char(?::timestamptz at time zone '${TIME_ZONE}', 'YYYY-MM')
       ) loc ${ON_PATH}
       group by t.id
     )
     select c.target,
       min(f.due) as fees_due, min(f.paid) as fees_paid,
       count(*) as compounds,
       count(*) filter (where c.management = 'PROPERTY_COMPANY') as property_company,
       count(*) filter (where c.management = 'SELF_MANAGED') as self_managed,
       count(*) filter (where c.management = 'UNMANAGED') as unmanaged,
       count(distinct c.company) as companies,
       count(distinct c.company) filter (where exists (
         select 1 from organization po where po.host_id = c.company and po.kind = 'PARTY_ORGANIZATION')) as with_party,
       count(distinct c.company) filter (where o.red_heart) as red_heart
     from compound c left join organization o on o.id = c.company left join fees f on f.target = c.target
     group by c.target`,
    [...target.params, likePrefix(scope.within.path), likePrefix(scope.within.path), ...bounds(scope)],
  );
  return new Map(
    rows.map((r) => [
      Number(r.target),
      {
        compounds: int(r.compounds),
        propertyCompany: int(r.property_company),
        selfManaged: int(r.self_managed),
        unmanaged: int(r.unmanaged),
        propertyCompanies: int(r.companies),
        companiesWithPartyOrganization: int(r.with_party),
        redHeartCompanies: int(r.red_heart),
        // Fees a company pushed (modules/property) for the months of the report: paid over due.
        feeCollectionRate: Number(r.fees_due ?? 0) > 0 ? round(Number(r.fees_paid) / Number(r.fees_due), 4) : null,
      },
    ]),
  );
}
