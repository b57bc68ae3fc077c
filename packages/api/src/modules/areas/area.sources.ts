import type { NestedSource } from '../../graphql/nested-connection.js';
import { orderingBy } from '../../graphql/paginate.js';
import { Area } from './area.entity.js';

const byName = orderingBy('name', 'name', 'string', 'asc');

/** Nested connections that list areas. */
export const areaSources = {
  children: { name: 'Area.children', entity: Area, from: 'area t', parentKey: 't.parent_id', ordering: byName },
  managedCompounds: { name: 'Organization.managedCompounds', entity: Area, from: 'area t', parentKey: 't.manager_id', ordering: byName },
  coveredGrids: {
    name: 'Station.coveredGrids',
    entity: Area,
    from: 'area t join station_grid j on j.grid_id = t.id',
    parentKey: 'j.station_id',
    ordering: byName,
  },
} satisfies Record<string, NestedSource<Area>>;
