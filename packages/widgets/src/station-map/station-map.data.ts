import { StationMapAreaDocument, type StationMapStationFragment, StationMapStationsDocument } from '../core/generated/graphql.js';
import { distanceInMetres, type LatLng } from '../core/geo.js';
import type { GraphQLClient } from '../core/graphql-client.js';
import { isOpenAt, type OpeningWindow } from '../core/opening-hours.js';

/** A service a station offers (服务项目). */
export interface MapService {
  id: string;
  name: string;
  nameEn: string;
  category: string;
}

/**
 * A station as the map shows it: the API's `Station` with its services flattened. Host pages
 * that set the `stations` property give this shape; only the first five fields are required.
 */
export interface MapStation {
  /** The station's global ID, as `gz-station-select` reports it. */
  id: string;
  name: string;
  address: string;
  /** WGS-84, like every coordinate in the API. */
  latitude: number;
  longitude: number;
  phone?: string | null;
  /** IANA time zone of `openingHours`; defaults to Asia/Shanghai. */
  timeZone?: string;
  openingHours?: OpeningWindow[];
  services?: MapService[];
  /** The server's `openNow` when loaded; the widget recomputes it from the hours when it has them. */
  openNow?: boolean;
}

/** The area the map shows (a district, street or community), with its outline when drawn. */
export interface MapArea {
  id: string;
  name: string;
  centre: LatLng | null;
  boundary: LatLng[] | null;
}

export interface StationRank {
  station: MapStation;
  /** Metres from the chosen point; null when no point is chosen. */
  distance: number | null;
}

export interface Bounds {
  south: number;
  west: number;
  north: number;
  east: number;
}

/**
 * Stations a page: the root list takes up to 1,000, but pages multiply the cost of the nested
 * services (50 each, more than the catalogue holds), and 500 × 52 stays well inside the API's
 * 100,000. A district of a hundred stations comes in one request.
 */
export const STATION_PAGE_SIZE = 500;
const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

export function toMapStation(node: StationMapStationFragment): MapStation {
  const { services, ...rest } = node;
  return { ...rest, services: services.nodes };
}

/** The area by global ID; null when there is none (or the ID names something else). */
export async function loadArea(client: GraphQLClient, areaId: string, signal?: AbortSignal): Promise<MapArea | null> {
  const { node } = await client.request(StationMapAreaDocument, { area: areaId }, signal);
  if (!node || !('name' in node)) return null;
  const centre = node.latitude != null && node.longitude != null ? { latitude: node.latitude, longitude: node.longitude } : null;
  return { id: node.id, name: node.name, centre, boundary: node.boundary ?? null };
}

/** Every station in the area (all of them when `within` is unset), page after page. */
export async function loadStations(
  client: GraphQLClient,
  options: { within?: string; pageSize?: number; signal?: AbortSignal },
): Promise<MapStation[]> {
  const stations: MapStation[] = [];
  let after: string | null = null;
  for (;;) {
    const {
      stations: page,
    }: { stations: { nodes: StationMapStationFragment[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } =
      await client.request(
        StationMapStationsDocument,
        { filter: options.within ? { within: options.within } : null, first: options.pageSize ?? STATION_PAGE_SIZE, after },
        options.signal,
      );
    stations.push(...page.nodes.map(toMapStation));
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return stations;
    after = page.pageInfo.endCursor;
  }
}

/** The services offered anywhere among `stations`, each once, by category then name. */
export function servicesOf(stations: readonly MapStation[]): MapService[] {
  const byId = new Map<string, MapService>();
  for (const station of stations) for (const service of station.services ?? []) byId.set(service.id, service);
  return [...byId.values()].sort((a, b) => a.category.localeCompare(b.category, 'zh-CN') || a.name.localeCompare(b.name, 'zh-CN'));
}

/** Stations offering the service; all of them for no service. */
export function filterByService(stations: readonly MapStation[], serviceId: string | null): MapStation[] {
  if (!serviceId) return [...stations];
  return stations.filter((station) => station.services?.some((service) => service.id === serviceId));
}

export function inBounds(station: LatLng, bounds: Bounds): boolean {
  return (
    station.latitude >= bounds.south &&
    station.latitude <= bounds.north &&
    station.longitude >= bounds.west &&
    station.longitude <= bounds.east
  );
}

/** By name, in the collation of `locale` (pinyin order for zh-CN). */
export function sortByName(stations: readonly MapStation[], locale = 'zh-CN'): MapStation[] {
  const collator = new Intl.Collator(locale);
  return [...stations].sort((a, b) => collator.compare(a.name, b.name));
}

/** Nearest first from `origin`, each with its distance in metres. */
export function rankByDistance(stations: readonly MapStation[], origin: LatLng): StationRank[] {
  return stations.map((station) => ({ station, distance: distanceInMetres(origin, station) })).sort((a, b) => a.distance - b.distance);
}

/** Nearest first from `origin`; by name when no point is chosen. */
export function rankStations(stations: readonly MapStation[], origin: LatLng | null, locale = 'zh-CN'): StationRank[] {
  if (origin) return rankByDistance(stations, origin);
  return sortByName(stations, locale).map((station) => ({ station, distance: null }));
}

/** Open at `moment`: from the hours when known (stays right on a page left open), else the server's answer. */
export function isOpen(station: MapStation, moment: Date): boolean | null {
  if (station.openingHours) return isOpenAt(station.openingHours, station.timeZone ?? DEFAULT_TIME_ZONE, moment);
  return station.openNow ?? null;
}

/** The smallest box holding every point, or null for none. */
export function boundsOf(points: readonly LatLng[]): Bounds | null {
  if (points.length === 0) return null;
  const bounds = { south: 90, west: 180, north: -90, east: -180 };
  for (const { latitude, longitude } of points) {
    bounds.south = Math.min(bounds.south, latitude);
    bounds.north = Math.max(bounds.north, latitude);
    bounds.west = Math.min(bounds.west, longitude);
    bounds.east = Math.max(bounds.east, longitude);
  }
  return bounds;
}
