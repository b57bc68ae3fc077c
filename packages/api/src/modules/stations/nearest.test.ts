import { describe, expect, it } from 'vitest';
import { gql, query } from '../../test/client.js';
import { firstArea, scratchCommunity, uniqueName } from '../../test/fixtures.js';
import { isOpenAt } from './opening-hours.js';

interface NearPage {
  stations: {
    totalCount: number;
    edges: { cursor: string; distance: number; node: { id: string; latitude: number; longitude: number } }[];
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  };
}

const NEAR = `query($near: GeoPointInput!, $first: Int, $after: String, $last: Int, $before: String, $filter: StationFilter) {
  stations(near: $near, first: $first, after: $after, last: $last, before: $before, filter: $filter) {
    totalCount
    edges { cursor distance node { id latitude longitude } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

/** Great-circle metres on the sphere earthdistance uses (radius 6,378,168 m). */
function haversine(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_378_168 * Math.asin(Math.sqrt(h));
}

describe('stations near a point', () => {
  it('orders every station of a district by distance, each edge with its distance in metres, across pages', async () => {
    const district = await firstArea('DISTRICT');
    const centre = await query<{ node: { latitude: number; longitude: number } }>(
      'query($id: ID!) { node(id: $id) { ... on Area { latitude longitude } } }',
      { id: district.id },
    );
    const near = { latitude: centre.node.latitude + 0.003, longitude: centre.node.longitude - 0.002 };
    const seen: NearPage['stations']['edges'] = [];
    let after: string | null = null;
    let total = 0;
    for (;;) {
      const data: NearPage = await query<NearPage>(NEAR, { near, first: 30, after, filter: { within: district.id } });
      total = data.stations.totalCount;
      seen.push(...data.stations.edges);
      if (!data.stations.pageInfo.hasNextPage) break;
      after = data.stations.pageInfo.endCursor;
    }
    expect(total).toBeGreaterThanOrEqual(100);
    expect(seen).toHaveLength(total);
    expect(new Set(seen.map((e) => e.node.id)).size).toBe(total);
    for (let i = 1; i < seen.length; i++) expect(seen[i].distance).toBeGreaterThanOrEqual(seen[i - 1].distance);
    for (const edge of seen) expect(Math.abs(edge.distance - haversine(near, edge.node))).toBeLessThan(1);
  });

  it('walks backward with last/before to the same order', async () => {
    const near = { latitude: 42.53, longitude: 125.63 };
    const forward = (await query<NearPage>(NEAR, { near, first: 40 })).stations.edges.map((e) => e.node.id);
    const end = (await query<NearPage>(NEAR, { near, first: 40 })).stations.pageInfo.endCursor;
    const backward: string[] = [];
    let before: string | null = (await query<NearPage>(NEAR, { near, first: 1, after: end })).stations.edges[0].cursor;
    for (;;) {
      const data: NearPage = await query<NearPage>(NEAR, { near, last: 15, before });
      backward.unshift(...data.stations.edges.map((e) => e.node.id));
      if (!data.stations.pageInfo.hasPreviousPage) break;
      before = data.stations.pageInfo.startCursor;
    }
    expect(backward).toEqual(forward);
  });

  it('brings the services asked of each station in the stations’ own statement, as each station alone lists them', async () => {
    const near = { latitude: 42.53, longitude: 125.63 };
    const SERVICES = `services(first: 3) { totalCount nodes { id name nameEn category } pageInfo { hasNextPage hasPreviousPage endCursor } }
      all: services(first: 100) { nodes { id } }
      last: services(last: 2) { nodes { id } pageInfo { hasPreviousPage } }`;
    // Anonymous, so that no statement goes to signing in: three pages of services, one statement
    // (once the process holds the service catalogue, which the first such query may read).
    const ask = () =>
      gql<{ stations: { nodes: ({ id: string } & Record<string, unknown>)[] } }>(
        `query($near: GeoPointInput!) { stations(near: $near, first: 12) { nodes { id ${SERVICES} } } }`,
        { near },
        null,
      );
    await ask();
    const listed = await ask();
    expect(listed.errors).toBeUndefined();
    expect(listed.extensions?.sqlStatements).toBe(1);
    const stations = listed.data?.stations.nodes ?? [];
    expect(stations).toHaveLength(12);
    expect(stations.some((s) => (s.services as { pageInfo: { hasNextPage: boolean } }).pageInfo.hasNextPage)).toBe(true);
    for (const station of stations) {
      const alone = await query<{ node: Record<string, unknown> }>(
        `query($id: ID!) { node(id: $id) { ... on Station { id ${SERVICES} } } }`,
        { id: station.id },
        null,
      );
      expect(station).toEqual(alone.node);
    }
    // A page after a cursor is not brought along: the nested field loads it, as before.
    type Listed = { id: string; services: { pageInfo: { hasNextPage: boolean; endCursor: string } }; all: { nodes: { id: string }[] } };
    const first = (stations as unknown as Listed[]).find((s) => s.services.pageInfo.hasNextPage) as Listed;
    const next = await gql<{ stations: { nodes: { id: string; services: { nodes: { id: string }[] } }[] } }>(
      `query($near: GeoPointInput!, $after: String) { stations(near: $near, first: 12) { nodes { id services(first: 3, after: $after) { nodes { id } } } } }`,
      { near, after: first.services.pageInfo.endCursor },
      null,
    );
    expect(next.extensions?.sqlStatements).toBe(2);
    const nextOfFirst = next.data?.stations.nodes.find((s) => s.id === first.id)?.services.nodes.map((n) => n.id);
    expect(nextOfFirst).toEqual(first.all.nodes.map((n) => n.id).slice(3, 6));
  });

  it('refuses near with orderBy, a point off the earth, and a cursor of another ordering', async () => {
    const both = await gql('{ stations(near: { latitude: 42, longitude: 125 }, orderBy: { field: NAME }) { totalCount } }');
    expect(both.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const off = await gql('{ stations(near: { latitude: 91, longitude: 125 }) { totalCount } }');
    expect(off.errors?.[0].message).toMatch(/latitude must be within ±90/);
    const byName = await query<{ stations: { pageInfo: { endCursor: string } } }>('{ stations(first: 1) { pageInfo { endCursor } } }');
    const mixed = await gql('query($a: String) { stations(near: { latitude: 42, longitude: 125 }, after: $a) { totalCount } }', {
      a: byName.stations.pageInfo.endCursor,
    });
    expect(mixed.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('gives up to 1,000 stations a page on the root list, and no distance without near', async () => {
    const data = await query<{ stations: { edges: { distance: number | null }[] } }>('{ stations(first: 1000) { edges { distance } } }');
    expect(data.stations.edges.length).toBeGreaterThan(100);
    expect(data.stations.edges.every((e) => e.distance === null)).toBe(true);
    const tooMany = await gql('{ stations(first: 1001) { totalCount } }');
    expect(tooMany.errors?.[0].message).toMatch(/between 0 and 1000/);
  });
});

describe('stations in a box, and open now', () => {
  it('the bounding box keeps exactly the stations inside it', async () => {
    const all = await query<{ stations: { nodes: { id: string; latitude: number; longitude: number }[] } }>(
      '{ stations(first: 1000) { nodes { id latitude longitude } } }',
    );
    const box = { south: 42.5, west: 125.6, north: 42.56, east: 125.66 };
    const inside = all.stations.nodes
      .filter((s) => s.latitude >= box.south && s.latitude <= box.north && s.longitude >= box.west && s.longitude <= box.east)
      .map((s) => s.id)
      .sort();
    expect(inside.length).toBeGreaterThan(0);
    const boxed = await query<{ stations: { nodes: { id: string }[] } }>(
      'query($box: BoundingBoxInput!) { stations(first: 1000, filter: { boundingBox: $box }) { nodes { id } } }',
      { box },
    );
    expect(boxed.stations.nodes.map((s) => s.id).sort()).toEqual(inside);
    const upsideDown = await gql('{ stations(filter: { boundingBox: { south: 43, west: 125, north: 42, east: 126 } }) { totalCount } }');
    expect(upsideDown.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('openNow follows each station’s hours in its own time zone, and the filter agrees with the field', async () => {
    const { community } = await scratchCommunity();
    const create = async (timeZone: string, openingHours: { weekday: number; opens: string; closes: string }[]) => {
      const data = await query<{ createStation: { station: { id: string; openNow: boolean } } }>(
        `mutation($input: CreateStationInput!) { createStation(input: $input) { station { id openNow } userErrors { message } } }`,
        {
          input: {
            name: uniqueName('营业测试站'),
            address: '测试路1号',
            latitude: 42.9,
            longitude: 125.9,
            area: community,
            timeZone,
            openingHours,
          },
        },
      );
      return data.createStation.station;
    };
    const always = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: '00:00', closes: '23:59' }));
    const open = await create('Asia/Shanghai', always);
    const closed = await create('Asia/Shanghai', []);
    expect(open.openNow).toBe(isOpenAt(always, 'Asia/Shanghai', new Date()));
    expect(closed.openNow).toBe(false);
    const split = await query<{ yes: { nodes: { id: string; openNow: boolean }[] }; no: { nodes: { id: string; openNow: boolean }[] } }>(
      `query($c: ID!) {
        yes: stations(first: 100, filter: { within: $c, openNow: true }) { nodes { id openNow } }
        no: stations(first: 100, filter: { within: $c, openNow: false }) { nodes { id openNow } }
      }`,
      { c: community },
    );
    expect(split.yes.nodes.every((s) => s.openNow)).toBe(true);
    expect(split.no.nodes.every((s) => !s.openNow)).toBe(true);
    expect(split.no.nodes.map((s) => s.id)).toContain(closed.id);
    expect(split.yes.nodes.length + split.no.nodes.length).toBe(2);
  });

  it('isOpenAt reads the local weekday and time: opens inclusive, closes exclusive', () => {
    const hours = [{ weekday: 1, opens: '08:30', closes: '17:30' }];
    // Monday 2026-11-23 08:30 in Shanghai is 00:30 UTC.
    expect(isOpenAt(hours, 'Asia/Shanghai', new Date('2026-11-23T00:30:00Z'))).toBe(true);
    expect(isOpenAt(hours, 'Asia/Shanghai', new Date('2026-11-23T00:29:00Z'))).toBe(false);
    expect(isOpenAt(hours, 'Asia/Shanghai', new Date('2026-11-23T09:30:00Z'))).toBe(false);
    expect(isOpenAt(hours, 'Asia/Shanghai', new Date('2026-11-23T09:29:00Z'))).toBe(true);
    // Asia/Urumqi is UTC+6: the same instant is Monday 06:30 there, before the window opens.
    expect(isOpenAt(hours, 'Asia/Urumqi', new Date('2026-11-23T00:30:00Z'))).toBe(false);
    expect(isOpenAt(hours, 'America/New_York', new Date('2026-11-23T14:00:00Z'))).toBe(true);
  });
});

describe('area outlines', () => {
  it('districts down to grids carry an outline that holds their centre; households none', async () => {
    const data = await query<{
      areas: { nodes: { kind: string; latitude: number; longitude: number; boundary: { latitude: number; longitude: number }[] | null }[] };
    }>(
      '{ areas(first: 50, filter: { kind: [DISTRICT, STREET, COMMUNITY, GRID, HOUSEHOLD] }) { nodes { kind latitude longitude boundary { latitude longitude } } } }',
    );
    for (const area of data.areas.nodes) {
      if (area.kind === 'HOUSEHOLD') {
        expect(area.boundary).toBeNull();
        continue;
      }
      expect(area.boundary?.length).toBeGreaterThanOrEqual(3);
      const lats = area.boundary?.map((p) => p.latitude) ?? [];
      const lons = area.boundary?.map((p) => p.longitude) ?? [];
      expect(area.latitude).toBeGreaterThanOrEqual(Math.min(...lats));
      expect(area.latitude).toBeLessThanOrEqual(Math.max(...lats));
      expect(area.longitude).toBeGreaterThanOrEqual(Math.min(...lons));
      expect(area.longitude).toBeLessThanOrEqual(Math.max(...lons));
    }
  });

  it('an outline is set and cleared through updateArea, audited, and checked', async () => {
    const { community } = await scratchCommunity();
    const ring = [
      { latitude: 42.9, longitude: 125.9 },
      { latitude: 42.9, longitude: 125.91 },
      { latitude: 42.91, longitude: 125.91 },
    ];
    const set = await query<{ updateArea: { area: { boundary: unknown[] }; userErrors: unknown[] } }>(
      'mutation($i: UpdateAreaInput!) { updateArea(input: $i) { area { boundary { latitude longitude } } userErrors { field message } } }',
      { i: { id: community, boundary: ring } },
    );
    expect(set.updateArea.area.boundary).toEqual(ring);
    const bad = await query<{ updateArea: { area: unknown; userErrors: { field: string[]; message: string }[] } }>(
      'mutation($i: UpdateAreaInput!) { updateArea(input: $i) { area { id } userErrors { field message } } }',
      { i: { id: community, boundary: ring.slice(0, 2) } },
    );
    expect(bad.updateArea.area).toBeNull();
    expect(bad.updateArea.userErrors[0]).toMatchObject({ field: ['input', 'boundary'], message: 'An outline has 3 to 2,000 points' });
    const cleared = await query<{ updateArea: { area: { boundary: unknown } } }>(
      'mutation($i: UpdateAreaInput!) { updateArea(input: $i) { area { boundary { latitude } } } }',
      { i: { id: community, boundary: null } },
    );
    expect(cleared.updateArea.area.boundary).toBeNull();
  });
});
