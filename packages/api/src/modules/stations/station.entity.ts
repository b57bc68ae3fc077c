import { defineEntity, p } from '@mikro-orm/core';
import { versionTrigger } from '../../db/catalogue.js';
import { Area } from '../areas/area.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { Person } from '../people/person.entity.js';

/** One opening window on one ISO weekday (1 = Monday); times are local to the station, `HH:MM`. */
export interface OpeningWindow {
  weekday: number;
  opens: string;
  closes: string;
}

/** The service catalogue (帮办代办, 助餐, 政策咨询, 矛盾调解, 养老服务 …). */
const ServiceSchema = defineEntity({
  name: 'Service',
  tableName: 'service',
  // Each process keeps the catalogue (station.sources.ts), checked against this version.
  triggers: [versionTrigger('service')],
  properties: {
    id: p.integer().primary().autoincrement(),
    code: p.string().length(64).unique(),
    name: p.string().length(100),
    nameEn: p.string().length(100),
    category: p.string().length(64).index(),
  },
});
export class Service extends ServiceSchema.class {}
ServiceSchema.setClass(Service);

/** A party-and-masses service station (党群服务站). */
const StationSchema = defineEntity({
  name: 'Station',
  tableName: 'station',
  // A GiST index over points on the earth (earthdistance): `<->` walks it nearest first, and
  // `earth_box` finds the stations within a radius without reading the others.
  indexes: [
    // The default order of the list (by name, ties by id), walked instead of sorted.
    { name: 'station_name_id_index', properties: ['name', 'id'] },
    {
      name: 'station_location_index',
      expression: 'create index "station_location_index" on "station" using gist (ll_to_earth("latitude", "longitude"))',
    },
  ],
  properties: {
    id: p.integer().primary().autoincrement(),
    name: p.string().length(200),
    address: p.string().length(300),
    /** WGS-84. */
    latitude: p.double().$type<number>(),
    longitude: p.double().$type<number>(),
    /** The community (or other area) the station sits in. */
    area: () => p.manyToOne(Area).index().deleteRule('restrict'),
    phone: p.string().length(32).nullable(),
    timeZone: p.string().length(64).default('Asia/Shanghai'),
    openingHours: p.json<OpeningWindow[]>(),
    responsibleUnit: () => p.manyToOne(Organization).nullable().index().deleteRule('set null'),
    services: () => p.oneToMany(StationService).mappedBy('station'),
    coveredGrids: () => p.oneToMany(StationGrid).mappedBy('station'),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});
export class Station extends StationSchema.class {}
StationSchema.setClass(Station);

const StationServiceSchema = defineEntity({
  name: 'StationService',
  tableName: 'station_service',
  primaryKeys: ['station', 'service'],
  properties: {
    station: () => p.manyToOne(Station).primary().deleteRule('cascade'),
    service: () => p.manyToOne(Service).primary().index().deleteRule('cascade'),
  },
});
export class StationService extends StationServiceSchema.class {}
StationServiceSchema.setClass(StationService);

/** The grids a station covers (a station per 3 to 4 grids). */
const StationGridSchema = defineEntity({
  name: 'StationGrid',
  tableName: 'station_grid',
  primaryKeys: ['station', 'grid'],
  properties: {
    station: () => p.manyToOne(Station).primary().deleteRule('cascade'),
    grid: () => p.manyToOne(Area).primary().index().deleteRule('cascade'),
  },
});
export class StationGrid extends StationGridSchema.class {}
StationGridSchema.setClass(StationGrid);

export const STAFF_POSTS = ['HEAD', 'POLICE_OFFICER', 'GRID_HEAD', 'SOCIAL_WORKER', 'VOLUNTEER'] as const;
export type StaffPost = (typeof STAFF_POSTS)[number];

const StationStaffSchema = defineEntity({
  name: 'StationStaff',
  tableName: 'station_staff',
  uniques: [{ properties: ['station', 'person'] }],
  properties: {
    id: p.integer().primary().autoincrement(),
    station: () => p.manyToOne(Station).index().deleteRule('cascade'),
    person: () => p.manyToOne(Person).index().deleteRule('cascade'),
    post: p.enum(STAFF_POSTS).$type<StaffPost>(),
  },
});
export class StationStaff extends StationStaffSchema.class {}
StationStaffSchema.setClass(StationStaff);
