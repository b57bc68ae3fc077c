import { describe, expect, it } from 'vitest';
import { datumTransform, distanceInMetres, gcj02ToWgs84, wgs84ToGcj02 } from './geo.js';

describe('distanceInMetres', () => {
  it('measures a degree of latitude as about 111.2 km and is symmetric', () => {
    const a = { latitude: 42.5, longitude: 125.6 };
    const b = { latitude: 43.5, longitude: 125.6 };
    expect(distanceInMetres(a, b)).toBeCloseTo(111_195, -1);
    expect(distanceInMetres(b, a)).toBe(distanceInMetres(a, b));
    expect(distanceInMetres(a, a)).toBe(0);
  });
});

describe('GCJ-02', () => {
  // Tiananmen: the published pair for the national datum's offset (about 600 m here).
  const wgs = { latitude: 39.908_692, longitude: 116.397_477 };
  it('shifts WGS-84 by the published offset inside China', () => {
    const gcj = wgs84ToGcj02(wgs);
    expect(gcj.latitude).toBeCloseTo(39.910_093, 5);
    expect(gcj.longitude).toBeCloseTo(116.403_723, 5);
  });
  it('inverts within a millimetre', () => {
    const back = gcj02ToWgs84(wgs84ToGcj02(wgs));
    expect(distanceInMetres(back, wgs)).toBeLessThan(0.001);
  });
  it('leaves points outside China alone, and wgs84 maps untouched', () => {
    const paris = { latitude: 48.8566, longitude: 2.3522 };
    expect(wgs84ToGcj02(paris)).toEqual(paris);
    expect(datumTransform('wgs84').toMap(wgs)).toEqual(wgs);
    expect(datumTransform('gcj02').toMap(wgs)).toEqual(wgs84ToGcj02(wgs));
  });
});
