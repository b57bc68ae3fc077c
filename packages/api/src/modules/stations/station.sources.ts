import { Catalogue } from '../../db/catalogue.js';
import type { NestedSource } from '../../graphql/nested-connection.js';
import { orderingBy } from '../../graphql/paginate.js';
import { Service, Station, StationStaff } from './station.entity.js';

const byName = orderingBy('name', 'name', 'string', 'asc');
const byId = orderingBy('id', 'id', 'number', 'asc');

export const stationSources = {
  inArea: { name: 'Area.stations', entity: Station, from: 'station t', parentKey: 't.area_id', ordering: byName },
  coveringGrid: {
    name: 'Area.coveringStations',
    entity: Station,
    from: 'station t join station_grid j on j.station_id = t.id',
    parentKey: 'j.grid_id',
    ordering: byName,
  },
  offering: {
    name: 'Service.stations',
    entity: Station,
    from: 'station t join station_service j on j.station_id = t.id',
    parentKey: 'j.service_id',
    ordering: byName,
  },
} satisfies Record<string, NestedSource<Station>>;

/** The service catalogue, by name: a few dozen rows each process keeps (db/catalogue.ts). */
const serviceCatalogue = new Catalogue(Service, 'service', byName);

export const serviceSources = {
  ofStation: {
    name: 'Station.services',
    entity: Service,
    from: 'service t join station_service j on j.service_id = t.id',
    parentKey: 'j.station_id',
    ordering: byName,
    catalogue: { of: serviceCatalogue, members: (station) => `select j.service_id from station_service j where j.station_id = ${station}` },
  },
} satisfies Record<string, NestedSource<Service>>;

export const staffSources = {
  ofStation: { name: 'Station.staff', entity: StationStaff, from: 'station_staff t', parentKey: 't.station_id', ordering: byId },
} satisfies Record<string, NestedSource<StationStaff>>;
