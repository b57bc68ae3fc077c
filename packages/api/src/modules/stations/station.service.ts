import { type FilterQuery, raw } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/sql';
import { replaceRows } from '../../db/replace-rows.js';
import { InputProblem, InputProblems } from '../../graphql/errors.js';
import { Area } from '../areas/area.entity.js';
import { escapeLike, likePrefix, NOTHING, subtreePath } from '../areas/area.service.js';
import { type Actor, changedFields, recordChange } from '../audit/audit.service.js';
import { Organization } from '../organizations/organization.entity.js';
import { Person } from '../people/person.entity.js';
import { type OpeningWindow, Service, type StaffPost, Station, StationGrid, StationService, StationStaff } from './station.entity.js';

export interface GeoPoint {
  latitude: number;
  longitude: number;
}

export interface BoundingBox {
  south: number;
  west: number;
  north: number;
  east: number;
}

export interface StationFilterValues {
  within?: number | null;
  service?: number | null;
  coversGrid?: number | null;
  nameContains?: string | null;
  /** Open at `now`, by the station's own hours and time zone (see opening-hours.ts). */
  openNow?: boolean | null;
  boundingBox?: BoundingBox | null;
}

/** `openNow` in SQL: a window of the local weekday that has opened and not yet closed at `now`. */
function openAt(now: Date) {
  const local = (alias: string) => `(?::timestamptz at time zone ${alias}."time_zone")`;
  return raw(
    (alias) =>
      `exists (select 1 from jsonb_array_elements(${alias}."opening_hours") w` +
      ` where (w->>'weekday')::int = extract(isodow from ${local(alias)})::int` +
      ` and w->>'opens' <= to_char(${local(alias)}, 'HH24:MI') and to_char(${local(alias)}, 'HH24:MI') < w->>'closes')`,
    [now.toISOString(), now.toISOString(), now.toISOString()],
  );
}

export async function stationWhere(
  em: EntityManager,
  filter: StationFilterValues | null,
  now: Date = new Date(),
): Promise<FilterQuery<Station>> {
  if (!filter) return {};
  const where: Record<string, unknown>[] = [];
  if (filter.within != null) {
    const path = await subtreePath(em, filter.within);
    if (!path) return NOTHING;
    where.push({ area: { path: { $like: likePrefix(path) } } });
  }
  if (filter.service != null) where.push({ services: { $some: { service: filter.service } } });
  if (filter.coversGrid != null) where.push({ coveredGrids: { $some: { grid: filter.coversGrid } } });
  if (filter.nameContains) where.push({ name: { $ilike: escapeLike(filter.nameContains) } });
  if (filter.openNow != null) where.push({ [openAt(now)]: filter.openNow });
  if (filter.boundingBox) {
    const { south, west, north, east } = filter.boundingBox;
    where.push({ latitude: { $gte: south, $lte: north } });
    // A box across the antimeridian (west > east) is the two sides of it.
    where.push(
      west <= east ? { longitude: { $gte: west, $lte: east } } : { $or: [{ longitude: { $gte: west } }, { longitude: { $lte: east } }] },
    );
  }
  return where.length ? ({ $and: where } as FilterQuery<Station>) : {};
}

export function serviceWhere(filter: { category?: string | null; nameContains?: string | null } | null): FilterQuery<Service> {
  const where: Record<string, unknown>[] = [];
  if (filter?.category) where.push({ category: filter.category });
  if (filter?.nameContains) {
    const like = escapeLike(filter.nameContains);
    where.push({ $or: [{ name: { $ilike: like } }, { nameEn: { $ilike: like } }] });
  }
  return where.length ? ({ $and: where } as FilterQuery<Service>) : {};
}

export interface StationValues {
  name: string;
  address: string;
  latitude: number;
  longitude: number;
  area: number;
  phone: string | null;
  timeZone: string;
  openingHours: OpeningWindow[];
  responsibleUnit: number | null;
  /** Lists: `undefined` leaves the current ones. */
  services?: number[];
  coveredGrids?: number[];
  staff?: { person: number; post: StaffPost }[];
}

const TIME = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function checkOpeningHours(hours: OpeningWindow[], problems: InputProblem[]): void {
  hours.forEach((w, i) => {
    const field = ['input', 'openingHours', String(i)];
    if (!Number.isInteger(w.weekday) || w.weekday < 1 || w.weekday > 7) {
      problems.push(new InputProblem([...field, 'weekday'], 'Weekday must be 1 (Monday) to 7 (Sunday)'));
    }
    if (!TIME.test(w.opens)) problems.push(new InputProblem([...field, 'opens'], 'Time must be HH:MM, 00:00 to 23:59'));
    if (!TIME.test(w.closes)) problems.push(new InputProblem([...field, 'closes'], 'Time must be HH:MM, 00:00 to 23:59'));
    if (TIME.test(w.opens) && TIME.test(w.closes) && w.opens >= w.closes) {
      problems.push(new InputProblem([...field, 'closes'], 'A window closes after it opens'));
    }
  });
}

async function validate(em: EntityManager, v: StationValues): Promise<void> {
  const problems: InputProblem[] = [];
  if (!v.name.trim()) problems.push(new InputProblem(['input', 'name'], 'Name must not be empty', 'REQUIRED'));
  if (v.name.length > 200) problems.push(new InputProblem(['input', 'name'], 'Name must be at most 200 characters'));
  if (!v.address.trim()) problems.push(new InputProblem(['input', 'address'], 'Address must not be empty', 'REQUIRED'));
  if (v.address.length > 300) problems.push(new InputProblem(['input', 'address'], 'Address must be at most 300 characters'));
  if (!(v.latitude >= -90 && v.latitude <= 90))
    problems.push(new InputProblem(['input', 'latitude'], 'Latitude must be between -90 and 90'));
  if (!(v.longitude >= -180 && v.longitude <= 180))
    problems.push(new InputProblem(['input', 'longitude'], 'Longitude must be between -180 and 180'));
  if (v.phone != null && !/^[0-9+\- ]{3,32}$/.test(v.phone))
    problems.push(new InputProblem(['input', 'phone'], 'Phone must be digits, spaces, + or -'));
  if (!isTimeZone(v.timeZone)) problems.push(new InputProblem(['input', 'timeZone'], `"${v.timeZone}" is not an IANA time zone`));
  checkOpeningHours(v.openingHours, problems);
  const area = await em.findOne(Area, { id: v.area }, { fields: ['id'] });
  if (!area) problems.push(new InputProblem(['input', 'area'], 'No such area', 'NOT_FOUND'));
  if (v.responsibleUnit != null) {
    const unit = await em.findOne(Organization, { id: v.responsibleUnit }, { fields: ['kind'] });
    if (!unit) problems.push(new InputProblem(['input', 'responsibleUnit'], 'No such organization', 'NOT_FOUND'));
    else if (unit.kind !== 'UNIT')
      problems.push(new InputProblem(['input', 'responsibleUnit'], 'The responsible organisation must be a unit', 'NOT_ALLOWED_HERE'));
  }
  if (v.services) {
    const unique = new Set(v.services);
    if ((await em.count(Service, { id: { $in: [...unique] } })) !== unique.size) {
      problems.push(new InputProblem(['input', 'services'], 'A service named does not exist', 'NOT_FOUND'));
    }
  }
  if (v.coveredGrids) {
    const unique = new Set(v.coveredGrids);
    const grids = await em.find(Area, { id: { $in: [...unique] } }, { fields: ['kind'] });
    if (grids.length !== unique.size)
      problems.push(new InputProblem(['input', 'coveredGrids'], 'A grid named does not exist', 'NOT_FOUND'));
    if (grids.some((g) => g.kind !== 'GRID' && g.kind !== 'MICRO_GRID')) {
      problems.push(new InputProblem(['input', 'coveredGrids'], 'Stations cover grids and micro-grids only', 'NOT_ALLOWED_HERE'));
    }
  }
  if (v.staff) {
    const people = new Set(v.staff.map((s) => s.person));
    if (people.size !== v.staff.length) problems.push(new InputProblem(['input', 'staff'], 'A person is listed twice'));
    if ((await em.count(Person, { id: { $in: [...people] } })) !== people.size) {
      problems.push(new InputProblem(['input', 'staff'], 'A person named does not exist', 'NOT_FOUND'));
    }
  }
  if (problems.length) throw new InputProblems(problems);
}

async function save(em: EntityManager, v: StationValues, existing: Station | null): Promise<Station> {
  await validate(em, v);
  const fields = {
    name: v.name.trim(),
    address: v.address.trim(),
    latitude: v.latitude,
    longitude: v.longitude,
    area: v.area,
    phone: v.phone,
    timeZone: v.timeZone,
    openingHours: [...v.openingHours].sort((a, b) => a.weekday - b.weekday || a.opens.localeCompare(b.opens)),
    responsibleUnit: v.responsibleUnit,
  };
  const station = existing ? em.assign(existing, fields as never) : em.create(Station, fields as never);
  await em.flush();
  const owner = { property: 'station', id: station.id };
  if (v.services)
    await replaceRows(
      em,
      StationService,
      owner,
      [...new Set(v.services)].map((service) => ({ service })),
    );
  if (v.coveredGrids)
    await replaceRows(
      em,
      StationGrid,
      owner,
      [...new Set(v.coveredGrids)].map((grid) => ({ grid })),
    );
  if (v.staff) await replaceRows(em, StationStaff, owner, v.staff);
  await em.flush();
  return station;
}

type ListName = 'services' | 'coveredGrids' | 'staff';

/** The station's values as a change record sees them, with the lists named in `lists`. */
async function snapshot(em: EntityManager, station: Station, lists: ListName[]): Promise<StationValues> {
  const values: StationValues = {
    name: station.name,
    address: station.address,
    latitude: station.latitude,
    longitude: station.longitude,
    area: station.area.id as number,
    phone: station.phone ?? null,
    timeZone: station.timeZone,
    openingHours: station.openingHours,
    responsibleUnit: (station.responsibleUnit?.id as number | undefined) ?? null,
  };
  if (lists.includes('services')) {
    values.services = (await em.find(StationService, { station: station.id })).map((r) => r.service.id as number).sort((a, b) => a - b);
  }
  if (lists.includes('coveredGrids')) {
    values.coveredGrids = (await em.find(StationGrid, { station: station.id })).map((r) => r.grid.id as number).sort((a, b) => a - b);
  }
  if (lists.includes('staff')) {
    values.staff = (await em.find(StationStaff, { station: station.id }, { orderBy: { id: 'asc' } })).map((r) => ({
      person: r.person.id as number,
      post: r.post,
    }));
  }
  return values;
}

const listsIn = (values: Partial<StationValues>): ListName[] =>
  (['services', 'coveredGrids', 'staff'] as const).filter((name) => values[name] !== undefined);

export function createStation(em: EntityManager, values: StationValues, actor: Actor): Promise<Station> {
  return em.transactional(async (tx) => {
    const station = await save(tx, values, null);
    const after = await snapshot(tx, station, listsIn(values));
    await recordChange(tx, actor, {
      action: 'station.create',
      objectType: 'Station',
      objectId: station.id,
      areaPath: await subtreePath(tx, station.area.id as number),
      ...changedFields(null, { ...after }),
    });
    return station;
  });
}

export function updateStation(em: EntityManager, id: number, change: Partial<StationValues>, actor: Actor): Promise<Station> {
  return em.transactional(async (tx) => {
    const station = await tx.findOne(Station, { id });
    if (!station) throw new InputProblem(['input', 'id'], 'No such station', 'NOT_FOUND');
    const lists = listsIn(change);
    const before = await snapshot(tx, station, lists);
    await save(tx, { ...before, ...change }, station);
    const after = await snapshot(tx, station, lists);
    await recordChange(tx, actor, {
      action: 'station.update',
      objectType: 'Station',
      objectId: station.id,
      areaPath: await subtreePath(tx, station.area.id as number),
      ...changedFields({ ...before }, { ...after }),
    });
    return station;
  });
}
