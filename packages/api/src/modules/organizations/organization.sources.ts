import type { NestedSource } from '../../graphql/nested-connection.js';
import { orderingBy } from '../../graphql/paginate.js';
import { Organization, Responsibility } from './organization.entity.js';

const byName = orderingBy('name', 'name', 'string', 'asc');
const byId = orderingBy('id', 'id', 'number', 'asc');

/** Nested connections that list organisations or their responsibilities. */
export const organizationSources = {
  children: { name: 'Organization.children', entity: Organization, from: 'organization t', parentKey: 't.parent_id', ordering: byName },
  partyOrganizations: {
    name: 'Organization.partyOrganizations',
    entity: Organization,
    from: 'organization t',
    parentKey: 't.host_id',
    ordering: byName,
  },
  members: {
    name: 'Organization.members',
    entity: Organization,
    from: 'organization t join alliance_membership j on j.member_id = t.id',
    parentKey: 'j.alliance_id',
    ordering: byName,
  },
  alliances: {
    name: 'Organization.alliances',
    entity: Organization,
    from: 'organization t join alliance_membership j on j.alliance_id = t.id',
    parentKey: 'j.member_id',
    ordering: byName,
  },
  inArea: { name: 'Area.organizations', entity: Organization, from: 'organization t', parentKey: 't.area_id', ordering: byName },
} satisfies Record<string, NestedSource<Organization>>;

export const responsibilitySources = {
  ofUnit: {
    name: 'Organization.responsibilities',
    entity: Responsibility,
    from: 'responsibility t',
    parentKey: 't.unit_id',
    ordering: byId,
  },
  forArea: { name: 'Area.responsibleUnits', entity: Responsibility, from: 'responsibility t', parentKey: 't.area_id', ordering: byId },
  forStation: {
    name: 'Station.responsibleUnits',
    entity: Responsibility,
    from: 'responsibility t',
    parentKey: 't.station_id',
    ordering: byId,
  },
} satisfies Record<string, NestedSource<Responsibility>>;
