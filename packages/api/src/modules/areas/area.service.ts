import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/sql';
import { LRUCache } from 'lru-cache';
import { InputProblem, InputProblems } from '../../graphql/errors.js';
import { type Actor, changedFields, recordChange } from '../audit/audit.service.js';
import { Organization } from '../organizations/organization.entity.js';
import { Area, type AreaKind, type GridKind, type ManagementKind } from './area.entity.js';

/** Which kinds may sit directly under which: the shape of the 区-街道-社区-网格-小区-楼栋-户 tree. */
export const ALLOWED_PARENTS: Record<AreaKind, readonly (AreaKind | null)[]> = {
  DISTRICT: [null],
  STREET: ['DISTRICT'],
  COMMUNITY: ['STREET'],
  // Nested grid systems (Zijin's resident groups) put grids under grids.
  GRID: ['COMMUNITY', 'GRID'],
  MICRO_GRID: ['GRID'],
  COMPOUND: ['COMMUNITY', 'GRID', 'MICRO_GRID'],
  BUILDING: ['COMPOUND'],
  HOUSEHOLD: ['BUILDING'],
};

export interface AreaFilterValues {
  within?: number | null;
  parent?: number | null;
  kind?: AreaKind[] | null;
  gridLevel?: number | null;
  gridKind?: GridKind | null;
  management?: ManagementKind | null;
  nameContains?: string | null;
}

/** The area's own subtree, without the area itself; for other modules' `within` filters too. */
export async function subtreePath(em: EntityManager, areaId: number): Promise<string | null> {
  const area = await em.findOne(Area, { id: areaId }, { fields: ['path'] });
  return area?.path ?? null;
}

/**
 * The path of an area, and the ids of the communities below it, remembered for 30 s for the
 * lists that filter by area on every request (the wish board's page): areas change rarely, and
 * this process forgets both as soon as it changes one (createArea, updateArea), and every
 * instance forgets them when it hears of an area change (server.ts; through Redis with several
 * instances). At worst, a change is seen within 30 s.
 */
const paths = new LRUCache<number, { path: string | null }>({ max: 20_000, ttl: 30_000 });
const communities = new LRUCache<string, number[]>({ max: 2_000, ttl: 30_000 });

export async function cachedSubtreePath(em: EntityManager, areaId: number): Promise<string | null> {
  const known = paths.get(areaId);
  if (known) return known.path;
  const path = await subtreePath(em, areaId);
  paths.set(areaId, { path });
  return path;
}

/** The communities in a subtree, by id (cached as above). */
export async function communitiesIn(em: EntityManager, path: string): Promise<number[]> {
  const known = communities.get(path);
  if (known) return known;
  const rows = await em.find(Area, { kind: 'COMMUNITY', path: { $like: likePrefix(path) } }, { fields: ['id'] });
  const ids = rows.map((a) => a.id);
  communities.set(path, ids);
  return ids;
}

/** Forgets the cached paths and communities (another instance changed an area). */
export function forgetAreas(): void {
  paths.clear();
  communities.clear();
}

/** Runs an area write, forgetting the cached paths before it and after it has committed. */
export async function forgettingAreas<T>(write: () => Promise<T>): Promise<T> {
  paths.clear();
  communities.clear();
  try {
    return await write();
  } finally {
    paths.clear();
    communities.clear();
  }
}

export function likePrefix(path: string): string {
  return `${path.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function escapeLike(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Matches nothing: the filter named an area that does not exist. */
export const NOTHING = { id: { $in: [] } };

export async function areaWhere(em: EntityManager, filter: AreaFilterValues | null | undefined): Promise<FilterQuery<Area>> {
  const where: Record<string, unknown>[] = [];
  if (!filter) return {};
  if (filter.within != null) {
    const path = await subtreePath(em, filter.within);
    if (!path) return NOTHING;
    where.push({ path: { $like: likePrefix(path) }, id: { $ne: filter.within } });
  }
  if (filter.parent != null) where.push({ parent: filter.parent });
  if (filter.kind?.length) where.push({ kind: { $in: filter.kind } });
  if (filter.gridLevel != null) where.push({ gridLevel: filter.gridLevel });
  if (filter.gridKind != null) where.push({ gridKind: filter.gridKind });
  if (filter.management != null) where.push({ management: filter.management });
  if (filter.nameContains) where.push({ name: { $ilike: escapeLike(filter.nameContains) } });
  return where.length ? ({ $and: where } as FilterQuery<Area>) : {};
}

export interface AreaValues {
  kind: AreaKind;
  name: string;
  parent: number | null;
  code: string | null;
  gridKind: GridKind | null;
  gridLevel: number | null;
  floorArea: number | null;
  ownerCount: number | null;
  management: ManagementKind | null;
  manager: number | null;
  address: string | null;
  latitude: number | null;
  longitude: number | null;
  /** `[latitude, longitude]` pairs, one ring. */
  boundary: [number, number][] | null;
}

const ONLY_FOR: Partial<Record<keyof AreaValues, readonly AreaKind[]>> = {
  gridKind: ['GRID', 'MICRO_GRID'],
  gridLevel: ['GRID'],
  floorArea: ['HOUSEHOLD'],
  ownerCount: ['HOUSEHOLD'],
  management: ['COMPOUND'],
  manager: ['COMPOUND'],
};

/** Checks the values an area would have after a change; collects every problem. */
async function validate(
  em: EntityManager,
  values: AreaValues,
  self: Area | null,
): Promise<{ parent: Area | null; manager: Organization | null }> {
  const problems: InputProblem[] = [];
  const name = values.name.trim();
  if (!name) problems.push(new InputProblem(['input', 'name'], 'Name must not be empty', 'REQUIRED'));
  if (name.length > 200) problems.push(new InputProblem(['input', 'name'], 'Name must be at most 200 characters'));
  if (values.code != null && (values.code.length < 1 || values.code.length > 64)) {
    problems.push(new InputProblem(['input', 'code'], 'Code must be 1 to 64 characters'));
  }
  for (const [field, kinds] of Object.entries(ONLY_FOR) as [keyof AreaValues, readonly AreaKind[]][]) {
    if (values[field] != null && !kinds.includes(values.kind)) {
      problems.push(new InputProblem(['input', field], `Only ${kinds.join(' and ')} areas have ${field}`, 'NOT_ALLOWED_HERE'));
    }
  }
  if (values.gridLevel != null && (values.gridLevel < 1 || values.gridLevel > 9)) {
    problems.push(new InputProblem(['input', 'gridLevel'], 'Grid level must be between 1 and 9'));
  }
  if (values.floorArea != null && !(values.floorArea > 0 && values.floorArea < 100_000)) {
    problems.push(new InputProblem(['input', 'floorArea'], 'Floor area must be more than 0 and less than 100,000 m²'));
  }
  if (values.ownerCount != null && (values.ownerCount < 0 || values.ownerCount > 100)) {
    problems.push(new InputProblem(['input', 'ownerCount'], 'Owner count must be between 0 and 100'));
  }
  if (values.latitude != null && (values.latitude < -90 || values.latitude > 90)) {
    problems.push(new InputProblem(['input', 'latitude'], 'Latitude must be between -90 and 90'));
  }
  if (values.longitude != null && (values.longitude < -180 || values.longitude > 180)) {
    problems.push(new InputProblem(['input', 'longitude'], 'Longitude must be between -180 and 180'));
  }
  if (values.boundary != null) {
    if (values.boundary.length < 3 || values.boundary.length > 2000) {
      problems.push(new InputProblem(['input', 'boundary'], 'An outline has 3 to 2,000 points'));
    }
    const bad = values.boundary.findIndex(([lat, lon]) => !(Math.abs(lat) <= 90 && Math.abs(lon) <= 180));
    if (bad >= 0) {
      problems.push(new InputProblem(['input', 'boundary', String(bad)], 'Latitude must be within ±90 and longitude within ±180'));
    }
  }
  if ((values.latitude == null) !== (values.longitude == null)) {
    problems.push(new InputProblem(['input', 'latitude'], 'Give latitude and longitude together'));
  }

  let parent: Area | null = null;
  if (values.parent != null) {
    parent = await em.findOne(Area, { id: values.parent });
    if (!parent) problems.push(new InputProblem(['input', 'parent'], 'No such area', 'NOT_FOUND'));
  }
  const allowed = ALLOWED_PARENTS[values.kind];
  if (!parent && values.parent == null && !allowed.includes(null)) {
    problems.push(new InputProblem(['input', 'parent'], `A ${values.kind} needs a parent (${allowed.join(' or ')})`, 'REQUIRED'));
  }
  if (parent && !allowed.includes(parent.kind)) {
    problems.push(
      new InputProblem(
        ['input', 'parent'],
        `A ${values.kind} cannot sit under a ${parent.kind}; allowed: ${allowed.map((k) => k ?? 'none').join(', ')}`,
        'NOT_ALLOWED_HERE',
      ),
    );
  }
  if (parent && self && (parent.id === self.id || parent.path.startsWith(self.path))) {
    problems.push(new InputProblem(['input', 'parent'], 'An area cannot move into its own subtree', 'NOT_ALLOWED_HERE'));
  }

  let manager: Organization | null = null;
  if (values.manager != null) {
    manager = await em.findOne(Organization, { id: values.manager });
    if (!manager) problems.push(new InputProblem(['input', 'manager'], 'No such organization', 'NOT_FOUND'));
    else if (manager.kind !== 'PROPERTY_COMPANY') {
      problems.push(new InputProblem(['input', 'manager'], 'The manager must be a property company', 'NOT_ALLOWED_HERE'));
    }
  }
  if (values.kind === 'COMPOUND') {
    if (values.management === 'PROPERTY_COMPANY' && values.manager == null) {
      problems.push(new InputProblem(['input', 'manager'], 'A compound managed by a property company names it', 'REQUIRED'));
    }
    if (values.management === 'UNMANAGED' && values.manager != null) {
      problems.push(new InputProblem(['input', 'manager'], 'An unmanaged compound has no manager', 'NOT_ALLOWED_HERE'));
    }
  }
  if (values.code != null) {
    const taken = await em.findOne(Area, { code: values.code, ...(self ? { id: { $ne: self.id } } : {}) }, { fields: ['id'] });
    if (taken) problems.push(new InputProblem(['input', 'code'], `Code ${values.code} is taken`, 'TAKEN'));
  }
  if (problems.length) throw new InputProblems(problems);
  return { parent, manager };
}

function assignValues(area: Area, values: AreaValues, parent: Area | null, manager: Organization | null): void {
  area.kind = values.kind;
  area.name = values.name.trim();
  area.code = values.code;
  area.parent = parent;
  area.gridKind = values.gridKind;
  area.gridLevel = values.gridLevel ?? (values.kind === 'GRID' ? 1 : null);
  area.floorArea = values.floorArea;
  area.ownerCount = values.ownerCount;
  area.management = values.management ?? (values.kind === 'COMPOUND' ? (manager ? 'PROPERTY_COMPANY' : 'UNMANAGED') : null);
  area.manager = manager;
  area.address = values.address;
  area.latitude = values.latitude;
  area.longitude = values.longitude;
  area.boundary = values.boundary;
}

export async function createArea(em: EntityManager, values: AreaValues, actor: Actor): Promise<Area> {
  return forgettingAreas(() =>
    em.transactional(async (tx) => {
      const { parent, manager } = await validate(tx, values, null);
      const area = tx.create(Area, { kind: values.kind, name: values.name, path: '', depth: parent ? parent.depth + 1 : 0 } as never);
      assignValues(area, values, parent, manager);
      await tx.flush();
      // The path needs the id the insert gave.
      area.path = `${parent?.path ?? '/'}${area.id}/`;
      await tx.flush();
      await recordChange(tx, actor, {
        action: 'area.create',
        objectType: 'Area',
        objectId: area.id,
        areaPath: area.path,
        ...changedFields(null, { ...valuesOf(area) }),
      });
      return area;
    }),
  );
}

export function valuesOf(area: Area): AreaValues {
  return {
    kind: area.kind,
    name: area.name,
    parent: (area.parent?.id as number | undefined) ?? null,
    code: area.code ?? null,
    gridKind: area.gridKind ?? null,
    gridLevel: area.gridLevel ?? null,
    floorArea: area.floorArea ?? null,
    ownerCount: area.ownerCount ?? null,
    management: area.management ?? null,
    manager: (area.manager?.id as number | undefined) ?? null,
    address: area.address ?? null,
    latitude: area.latitude ?? null,
    longitude: area.longitude ?? null,
    boundary: area.boundary ?? null,
  };
}

/** Applies a partial change; moving an area re-roots its whole subtree in the same transaction. */
export async function updateArea(em: EntityManager, id: number, change: Partial<AreaValues>, actor: Actor): Promise<Area> {
  return forgettingAreas(() => updateAreaNow(em, id, change, actor));
}

async function updateAreaNow(em: EntityManager, id: number, change: Partial<AreaValues>, actor: Actor): Promise<Area> {
  return em.transactional(async (tx) => {
    const area = await tx.findOne(Area, { id });
    if (!area) throw new InputProblem(['input', 'id'], 'No such area', 'NOT_FOUND');
    const before = valuesOf(area);
    const values = { ...before, ...change };
    const { parent, manager } = await validate(tx, values, area);
    const oldPath = area.path;
    const moved = (area.parent?.id ?? null) !== (parent?.id ?? null);
    assignValues(area, values, parent, manager);
    if (moved) {
      const newPath = `${parent?.path ?? '/'}${area.id}/`;
      const depthShift = (parent ? parent.depth + 1 : 0) - area.depth;
      await tx.flush();
      await tx.execute(`update area set path = ? || substr(path, ?), depth = depth + ? where path like ?`, [
        newPath,
        oldPath.length + 1,
        depthShift,
        likePrefix(oldPath),
      ]);
      await tx.refresh(area);
    } else {
      await tx.flush();
    }
    await recordChange(tx, actor, {
      action: 'area.update',
      objectType: 'Area',
      objectId: area.id,
      areaPath: area.path,
      ...changedFields({ ...before }, { ...valuesOf(area) }),
    });
    return area;
  });
}
