import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/sql';
import { replaceRows } from '../../db/replace-rows.js';
import { InputProblem, InputProblems } from '../../graphql/errors.js';
import { Area } from '../areas/area.entity.js';
import { escapeLike, likePrefix, NOTHING, subtreePath } from '../areas/area.service.js';
import { type Actor, changedFields, recordChange } from '../audit/audit.service.js';
import { Station } from '../stations/station.entity.js';
import {
  AllianceMembership,
  Organization,
  type OrganizationKind,
  type PartyOrganizationLevel,
  type PropertyCompanyKind,
  Responsibility,
} from './organization.entity.js';

export interface OrganizationFilterValues {
  within?: number | null;
  kind?: OrganizationKind[] | null;
  partyLevel?: PartyOrganizationLevel | null;
  propertyCompanyKind?: PropertyCompanyKind | null;
  hasPartyOrganization?: boolean | null;
  nameContains?: string | null;
}

export async function organizationWhere(em: EntityManager, filter: OrganizationFilterValues | null): Promise<FilterQuery<Organization>> {
  if (!filter) return {};
  const where: Record<string, unknown>[] = [];
  if (filter.within != null) {
    const path = await subtreePath(em, filter.within);
    if (!path) return NOTHING;
    where.push({ area: { path: { $like: likePrefix(path) } } });
  }
  if (filter.kind?.length) where.push({ kind: { $in: filter.kind } });
  if (filter.partyLevel) where.push({ partyLevel: filter.partyLevel });
  if (filter.propertyCompanyKind) where.push({ propertyCompanyKind: filter.propertyCompanyKind });
  if (filter.nameContains) where.push({ name: { $ilike: escapeLike(filter.nameContains) } });
  if (filter.hasPartyOrganization != null) {
    where.push({ partyOrganizations: { [filter.hasPartyOrganization ? '$some' : '$none']: {} } });
  }
  return where.length ? ({ $and: where } as FilterQuery<Organization>) : {};
}

export interface OrganizationValues {
  kind: OrganizationKind;
  name: string;
  area: number | null;
  parent: number | null;
  host: number | null;
  partyLevel: PartyOrganizationLevel | null;
  propertyCompanyKind: PropertyCompanyKind | null;
  redHeart: boolean;
  /** Area or station ids; `undefined` leaves the current ones. */
  responsibleFor?: { areas: number[]; stations: number[] };
  members?: number[];
}

async function validate(em: EntityManager, v: OrganizationValues, self: Organization | null) {
  const problems: InputProblem[] = [];
  const name = v.name.trim();
  if (!name) problems.push(new InputProblem(['input', 'name'], 'Name must not be empty', 'REQUIRED'));
  if (name.length > 200) problems.push(new InputProblem(['input', 'name'], 'Name must be at most 200 characters'));
  if (v.kind === 'PARTY_ORGANIZATION' && !v.partyLevel) {
    problems.push(new InputProblem(['input', 'partyLevel'], 'A party organisation has a level', 'REQUIRED'));
  }
  if (v.kind !== 'PARTY_ORGANIZATION' && v.partyLevel) {
    problems.push(new InputProblem(['input', 'partyLevel'], 'Only party organisations have a level', 'NOT_ALLOWED_HERE'));
  }
  if (v.kind !== 'PARTY_ORGANIZATION' && v.host != null) {
    problems.push(new InputProblem(['input', 'host'], 'Only party organisations are hosted by another organisation', 'NOT_ALLOWED_HERE'));
  }
  if (v.kind === 'PROPERTY_COMPANY' && !v.propertyCompanyKind) {
    problems.push(new InputProblem(['input', 'propertyCompanyKind'], 'A property company has a kind', 'REQUIRED'));
  }
  if (v.kind !== 'PROPERTY_COMPANY' && (v.propertyCompanyKind || v.redHeart)) {
    problems.push(new InputProblem(['input', 'propertyCompanyKind'], 'Only property companies have these', 'NOT_ALLOWED_HERE'));
  }
  if (v.responsibleFor && v.kind !== 'UNIT' && (v.responsibleFor.areas.length || v.responsibleFor.stations.length)) {
    problems.push(new InputProblem(['input', 'responsibleFor'], 'Only units take responsibility (包保)', 'NOT_ALLOWED_HERE'));
  }
  if (v.members && v.kind !== 'ALLIANCE' && v.members.length) {
    problems.push(new InputProblem(['input', 'members'], 'Only alliances have members', 'NOT_ALLOWED_HERE'));
  }
  const area = v.area != null ? await em.findOne(Area, { id: v.area }) : null;
  if (v.area != null && !area) problems.push(new InputProblem(['input', 'area'], 'No such area', 'NOT_FOUND'));
  const parent = v.parent != null ? await em.findOne(Organization, { id: v.parent }) : null;
  if (v.parent != null && !parent) problems.push(new InputProblem(['input', 'parent'], 'No such organization', 'NOT_FOUND'));
  if (parent && self && parent.id === self.id)
    problems.push(new InputProblem(['input', 'parent'], 'An organisation cannot be its own parent', 'NOT_ALLOWED_HERE'));
  const host = v.host != null ? await em.findOne(Organization, { id: v.host }) : null;
  if (v.host != null && !host) problems.push(new InputProblem(['input', 'host'], 'No such organization', 'NOT_FOUND'));
  if (v.responsibleFor) {
    const { areas, stations } = v.responsibleFor;
    const foundAreas = areas.length ? await em.find(Area, { id: { $in: areas } }) : [];
    if (foundAreas.length !== new Set(areas).size)
      problems.push(new InputProblem(['input', 'responsibleFor'], 'An area named does not exist', 'NOT_FOUND'));
    if (foundAreas.some((a) => a.kind !== 'COMMUNITY')) {
      problems.push(new InputProblem(['input', 'responsibleFor'], 'A unit answers for communities or stations', 'NOT_ALLOWED_HERE'));
    }
    const foundStations = stations.length ? await em.count(Station, { id: { $in: stations } }) : 0;
    if (foundStations !== new Set(stations).size)
      problems.push(new InputProblem(['input', 'responsibleFor'], 'A station named does not exist', 'NOT_FOUND'));
  }
  if (v.members?.length) {
    const found = await em.count(Organization, { id: { $in: v.members } });
    if (found !== new Set(v.members).size)
      problems.push(new InputProblem(['input', 'members'], 'A member named does not exist', 'NOT_FOUND'));
  }
  if (problems.length) throw new InputProblems(problems);
  return { area, parent, host };
}

async function save(em: EntityManager, v: OrganizationValues, existing: Organization | null): Promise<Organization> {
  const { area, parent, host } = await validate(em, v, existing);
  const org = existing ?? em.create(Organization, { kind: v.kind, name: v.name.trim() } as never);
  org.kind = v.kind;
  org.name = v.name.trim();
  org.area = area;
  org.parent = parent;
  org.host = host;
  org.partyLevel = v.partyLevel;
  org.propertyCompanyKind = v.propertyCompanyKind;
  org.redHeart = v.redHeart;
  await em.flush();
  if (v.responsibleFor) {
    await replaceRows(em, Responsibility, { property: 'unit', id: org.id }, [
      ...[...new Set(v.responsibleFor.areas)].map((area) => ({ area })),
      ...[...new Set(v.responsibleFor.stations)].map((station) => ({ station })),
    ]);
  }
  if (v.members) {
    await replaceRows(
      em,
      AllianceMembership,
      { property: 'alliance', id: org.id },
      [...new Set(v.members)].map((member) => ({ member })),
    );
  }
  await em.flush();
  return org;
}

/** The organisation's values as a change record sees them, with its lists when `lists` asks. */
async function snapshot(
  em: EntityManager,
  org: Organization,
  lists: { responsibleFor: boolean; members: boolean },
): Promise<OrganizationValues> {
  const values: OrganizationValues = {
    kind: org.kind,
    name: org.name,
    area: (org.area?.id as number | undefined) ?? null,
    parent: (org.parent?.id as number | undefined) ?? null,
    host: (org.host?.id as number | undefined) ?? null,
    partyLevel: org.partyLevel ?? null,
    propertyCompanyKind: org.propertyCompanyKind ?? null,
    redHeart: org.redHeart,
  };
  if (lists.responsibleFor) {
    const rows = await em.find(Responsibility, { unit: org.id }, { orderBy: { id: 'asc' } });
    values.responsibleFor = {
      areas: rows.flatMap((r) => (r.area ? [r.area.id as number] : [])),
      stations: rows.flatMap((r) => (r.station ? [r.station.id as number] : [])),
    };
  }
  if (lists.members) {
    const rows = await em.find(AllianceMembership, { alliance: org.id }, { orderBy: { id: 'asc' } });
    values.members = rows.map((r) => r.member.id as number);
  }
  return values;
}

export function createOrganization(em: EntityManager, values: OrganizationValues, actor: Actor): Promise<Organization> {
  return em.transactional(async (tx) => {
    const org = await save(tx, values, null);
    const after = await snapshot(tx, org, { responsibleFor: !!values.responsibleFor, members: !!values.members });
    await recordChange(tx, actor, {
      action: 'organization.create',
      objectType: 'Organization',
      objectId: org.id,
      areaPath: org.area ? await subtreePath(tx, org.area.id as number) : null,
      ...changedFields(null, { ...after }),
    });
    return org;
  });
}

export function updateOrganization(
  em: EntityManager,
  id: number,
  change: Partial<OrganizationValues>,
  actor: Actor,
): Promise<Organization> {
  return em.transactional(async (tx) => {
    const org = await tx.findOne(Organization, { id });
    if (!org) throw new InputProblem(['input', 'id'], 'No such organization', 'NOT_FOUND');
    const lists = { responsibleFor: !!change.responsibleFor, members: !!change.members };
    const before = await snapshot(tx, org, lists);
    await save(tx, { ...before, ...change }, org);
    const after = await snapshot(tx, org, lists);
    await recordChange(tx, actor, {
      action: 'organization.update',
      objectType: 'Organization',
      objectId: org.id,
      areaPath: org.area ? await subtreePath(tx, org.area.id as number) : null,
      ...changedFields({ ...before }, { ...after }),
    });
    return org;
  });
}
