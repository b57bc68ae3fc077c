import type { Faker } from '@faker-js/faker';

/** A latitude/longitude box (WGS-84 degrees); every area of the demo gets one inside its parent's. */
export interface Box {
  south: number;
  west: number;
  north: number;
  east: number;
}

export interface Point {
  latitude: number;
  longitude: number;
}

const KM_PER_DEGREE_LATITUDE = 111.32;

function kmPerDegreeLongitude(latitude: number): number {
  return KM_PER_DEGREE_LATITUDE * Math.cos((latitude * Math.PI) / 180);
}

/** A square box of `sideKm` around a centre. */
export function boxAround(centre: Point, sideKm: number): Box {
  const halfLat = sideKm / 2 / KM_PER_DEGREE_LATITUDE;
  const halfLon = sideKm / 2 / kmPerDegreeLongitude(centre.latitude);
  return {
    south: centre.latitude - halfLat,
    north: centre.latitude + halfLat,
    west: centre.longitude - halfLon,
    east: centre.longitude + halfLon,
  };
}

/**
 * Cuts a box into `n` cells of a near-square grid, row by row from the north-west; neighbours in
 * the list are neighbours on the map, so consecutive grids make a compact station catchment.
 */
export function splitBox(box: Box, n: number): Box[] {
  const widthKm = (box.east - box.west) * kmPerDegreeLongitude((box.north + box.south) / 2);
  const heightKm = (box.north - box.south) * KM_PER_DEGREE_LATITUDE;
  const columns = Math.max(1, Math.min(n, Math.round(Math.sqrt((n * widthKm) / heightKm))));
  const rows = Math.ceil(n / columns);
  const cellLat = (box.north - box.south) / rows;
  const cellLon = (box.east - box.west) / columns;
  const cells: Box[] = [];
  for (let i = 0; i < n; i++) {
    const row = Math.floor(i / columns);
    const column = i % columns;
    const north = box.north - row * cellLat;
    const west = box.west + column * cellLon;
    cells.push({ north, south: north - cellLat, west, east: west + cellLon });
  }
  return cells;
}

/** Six decimals are about 10 cm: precise enough, and short in exports. */
export function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** A point in the middle half of the box, so children stay clear of their parent's edges. */
export function pointIn(faker: Faker, box: Box): Point {
  const latitude = box.south + (box.north - box.south) * faker.number.float({ min: 0.25, max: 0.75 });
  const longitude = box.west + (box.east - box.west) * faker.number.float({ min: 0.25, max: 0.75 });
  return { latitude: round6(latitude), longitude: round6(longitude) };
}

export function centroid(points: readonly Point[]): Point {
  const latitude = points.reduce((sum, p) => sum + p.latitude, 0) / points.length;
  const longitude = points.reduce((sum, p) => sum + p.longitude, 0) / points.length;
  return { latitude: round6(latitude), longitude: round6(longitude) };
}
