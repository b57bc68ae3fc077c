import { describe, expect, it } from 'vitest';
import { ask, districtId, graphqlUrl } from '../../test/fixtures.js';
import { GraphQLClient } from '../core/graphql-client.js';
import {
  filterByService,
  inBounds,
  isOpen,
  loadArea,
  loadStations,
  type MapStation,
  rankStations,
  servicesOf,
} from './station-map.data.js';

const station = (id: string, name: string, latitude: number, longitude: number, services: string[] = []): MapStation => ({
  id,
  name,
  address: '',
  latitude,
  longitude,
  services: services.map((code) => ({ id: code, name: code, nameEn: code, category: code.slice(0, 1) })),
});

describe('loading from the real API', () => {
  it('pages through every station of the district with `after`', async () => {
    const client = new GraphQLClient(graphqlUrl());
    const stations = await loadStations(client, { within: districtId(), pageSize: 30 });
    const { stations: api } = await ask<{ stations: { totalCount: number } }>(
      'query($d: ID!) { stations(filter: { within: $d }) { totalCount } }',
      {
        d: districtId(),
      },
    );
    expect(api.totalCount).toBeGreaterThan(30);
    expect(stations).toHaveLength(api.totalCount);
    expect(new Set(stations.map((s) => s.id)).size).toBe(api.totalCount);
    expect(stations[0].services!.length).toBeGreaterThan(0);
  });

  it('loads the area with its outline, and null for an ID that is no area', async () => {
    const client = new GraphQLClient(graphqlUrl());
    const area = await loadArea(client, districtId());
    expect(area?.boundary?.length).toBeGreaterThanOrEqual(3);
    const [someStation] = await loadStations(client, { within: districtId(), pageSize: 1 });
    expect(await loadArea(client, someStation.id)).toBeNull();
  });
});

describe('pure station logic', () => {
  const stations = [
    station('a', '乙站', 42.52, 125.62, ['meal']),
    station('b', '甲站', 42.5, 125.6, ['meal', 'legal']),
    station('c', '丙站', 42.6, 125.7, ['legal']),
  ];

  it('ranks nearest first from a point, by name without one', () => {
    expect(rankStations(stations, { latitude: 42.59, longitude: 125.69 }).map((rank) => rank.station.id)).toEqual(['c', 'a', 'b']);
    const byName = rankStations(stations, null);
    expect(byName.map((rank) => rank.distance)).toEqual([null, null, null]);
    expect(byName.map((rank) => rank.station.name)).toEqual([...stations.map((s) => s.name)].sort(new Intl.Collator('zh-CN').compare));
  });

  it('filters by service and lists the services once each', () => {
    expect(filterByService(stations, 'legal').map((s) => s.id)).toEqual(['b', 'c']);
    expect(filterByService(stations, null)).toHaveLength(3);
    expect(servicesOf(stations).map((s) => s.id)).toEqual(['legal', 'meal']);
  });

  it('keeps stations inside a box', () => {
    expect(stations.filter((s) => inBounds(s, { south: 42.49, west: 125.59, north: 42.53, east: 125.63 })).map((s) => s.id)).toEqual([
      'a',
      'b',
    ]);
  });

  it('computes open now from the hours, and falls back to the server’s answer without them', () => {
    const monday = new Date('2026-11-23T02:00:00Z');
    expect(isOpen({ ...stations[0], openingHours: [{ weekday: 1, opens: '09:00', closes: '17:00' }], openNow: false }, monday)).toBe(true);
    expect(isOpen({ ...stations[0], openNow: false }, monday)).toBe(false);
    expect(isOpen(stations[0], monday)).toBeNull();
  });
});
