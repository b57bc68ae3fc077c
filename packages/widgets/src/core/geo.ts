/** A point in WGS-84 degrees, the API's datum. */
export interface LatLng {
  latitude: number;
  longitude: number;
}

const EARTH_RADIUS = 6_371_008.8;
const toRadians = (degrees: number) => (degrees * Math.PI) / 180;

/** Metres along the earth's surface (haversine, on the mean radius). */
export function distanceInMetres(a: LatLng, b: LatLng): number {
  const dLat = toRadians(b.latitude - a.latitude);
  const dLng = toRadians(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRadians(a.latitude)) * Math.cos(toRadians(b.latitude)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * GCJ-02 (国测局坐标, "Mars coordinates"), the datum AMap (高德) and Tencent tiles are drawn in.
 * The offset is the published obfuscation formula (Krasovsky 1940 ellipsoid); it applies inside
 * mainland China only. gcoord 1.0.7 does the same in 3.4 KB gzip (measured, with datums we do not
 * need): more than the bundle had left under its 60 KB budget.
 */
const A = 6_378_245.0;
const EE = 0.006_693_421_622_965_943;

function outOfChina({ latitude, longitude }: LatLng): boolean {
  return longitude < 72.004 || longitude > 137.8347 || latitude < 0.8293 || latitude > 55.8271;
}

function offset(longitude: number, latitude: number): [number, number] {
  const x = longitude - 105;
  const y = latitude - 35;
  let dLat = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  let dLng = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  const waves = (20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * (2 / 3);
  dLat += waves + ((20 * Math.sin(y * Math.PI) + 40 * Math.sin((y / 3) * Math.PI)) * 2) / 3;
  dLat += ((160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30)) * 2) / 3;
  dLng += waves + ((20 * Math.sin(x * Math.PI) + 40 * Math.sin((x / 3) * Math.PI)) * 2) / 3;
  dLng += ((150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI)) * 2) / 3;
  const radLat = toRadians(latitude);
  const magic = 1 - EE * Math.sin(radLat) ** 2;
  const sqrtMagic = Math.sqrt(magic);
  dLat = (dLat * 180) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI);
  dLng = (dLng * 180) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return [dLat, dLng];
}

export function wgs84ToGcj02(point: LatLng): LatLng {
  if (outOfChina(point)) return point;
  const [dLat, dLng] = offset(point.longitude, point.latitude);
  return { latitude: point.latitude + dLat, longitude: point.longitude + dLng };
}

/** The inverse, by fixed-point iteration: within a millimetre after a few steps. */
export function gcj02ToWgs84(point: LatLng): LatLng {
  if (outOfChina(point)) return point;
  let guess = point;
  for (let step = 0; step < 5; step++) {
    const shifted = wgs84ToGcj02(guess);
    guess = {
      latitude: guess.latitude + point.latitude - shifted.latitude,
      longitude: guess.longitude + point.longitude - shifted.longitude,
    };
  }
  return guess;
}

/** Datums a map's tiles may be drawn in; the API is always WGS-84. */
export type MapDatum = 'wgs84' | 'gcj02';

/** Converts between the API's WGS-84 and the datum of the tiles, at the map's boundary only. */
export function datumTransform(datum: MapDatum): { toMap(point: LatLng): LatLng; fromMap(point: LatLng): LatLng } {
  if (datum === 'gcj02') return { toMap: wgs84ToGcj02, fromMap: gcj02ToWgs84 };
  return { toMap: (point) => point, fromMap: (point) => point };
}
