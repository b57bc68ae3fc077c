import { describe, expect, it } from 'vitest';
import { gql, query } from '../../test/client.js';
import { firstArea, scratchCommunity, uniqueName } from '../../test/fixtures.js';

interface Page {
  stations: {
    totalCount: number;
    edges: { cursor: string; node: { id: string; name: string } }[];
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  };
}

const PAGE = `query($first: Int, $after: String, $last: Int, $before: String, $orderBy: StationOrder) {
  stations(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy) {
    totalCount
    edges { cursor node { id name } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

describe('stations: cursor pagination', () => {
  it('walking every page forward yields each station exactly once, as many as totalCount', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let total = -1;
    let pages = 0;
    for (;;) {
      const data: Page = await query<Page>(PAGE, { first: 7, after });
      total = data.stations.totalCount;
      seen.push(...data.stations.edges.map((e) => e.node.id));
      pages += 1;
      expect(data.stations.pageInfo.hasPreviousPage).toBe(after !== null);
      if (!data.stations.pageInfo.hasNextPage) break;
      after = data.stations.pageInfo.endCursor;
    }
    expect(total).toBeGreaterThanOrEqual(100);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect(pages).toBe(Math.ceil(total / 7));
  });

  it('walking backward with last/before yields the same stations in the same order', async () => {
    const forward: string[] = [];
    let after: string | null = null;
    for (;;) {
      const data: Page = await query<Page>(PAGE, { first: 100, after, orderBy: { field: 'NAME', direction: 'DESC' } });
      forward.push(...data.stations.edges.map((e) => e.node.id));
      if (!data.stations.pageInfo.hasNextPage) break;
      after = data.stations.pageInfo.endCursor;
    }
    const backward: string[] = [];
    let before: string | null = null;
    for (;;) {
      const data: Page = await query<Page>(PAGE, { last: 9, before, orderBy: { field: 'NAME', direction: 'DESC' } });
      backward.unshift(...data.stations.edges.map((e) => e.node.id));
      if (!data.stations.pageInfo.hasPreviousPage) break;
      before = data.stations.pageInfo.startCursor;
    }
    expect(backward).toEqual(forward);
  });

  it('orders by name, then id', async () => {
    const data = await query<Page>(PAGE, { first: 50 });
    const names = data.stations.edges.map((e) => e.node.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('first: 0 returns no edges but says whether there are any', async () => {
    const data = await query<Page>(PAGE, { first: 0 });
    expect(data.stations.edges).toEqual([]);
    expect(data.stations.pageInfo.hasNextPage).toBe(true);
  });
});

describe('stations: fields, filters and nested connections', () => {
  it('gives opening hours, services, covered grids, staff and the responsible unit', async () => {
    const data = await query(`{
      stations(first: 3) { nodes {
        name address latitude longitude phone timeZone
        openingHours { weekday opens closes }
        area { kind name }
        responsibleUnit { kind name }
        services(first: 50) { totalCount nodes { code name nameEn } }
        coveredGrids { totalCount nodes { kind name } }
        staff { totalCount nodes { post person { name } } }
      } }
    }`);
    for (const s of data.stations.nodes) {
      expect(s.openingHours.length).toBeGreaterThan(0);
      expect(s.services.totalCount).toBe(s.services.nodes.length);
      expect(s.coveredGrids.nodes.every((g: { kind: string }) => g.kind === 'GRID' || g.kind === 'MICRO_GRID')).toBe(true);
      expect(s.staff.totalCount).toBeGreaterThanOrEqual(5);
    }
  });

  it('filters by area subtree, service and covered grid', async () => {
    const street = await firstArea('STREET');
    const all = await query(`{ stations { totalCount } }`);
    const within = await query(`query($a: ID) { stations(filter: { within: $a }) { totalCount nodes { area { ancestors { id } } } } }`, {
      a: street.id,
    });
    expect(within.stations.totalCount).toBeGreaterThan(0);
    expect(within.stations.totalCount).toBeLessThan(all.stations.totalCount);
    for (const s of within.stations.nodes) expect(s.area.ancestors.map((a: { id: string }) => a.id)).toContain(street.id);

    const svc = await query(`{ services(first: 1) { nodes { id stations { totalCount } } } }`);
    const service = svc.services.nodes[0];
    const offering = await query(`query($s: ID) { stations(filter: { service: $s }) { totalCount } }`, { s: service.id });
    expect(offering.stations.totalCount).toBe(service.stations.totalCount);

    const grid = await firstArea('GRID');
    const covering = await query(`query($g: ID) { stations(filter: { coversGrid: $g }) { totalCount } }`, { g: grid.id });
    expect(covering.stations.totalCount).toBeGreaterThanOrEqual(1);
  });

  it('lists a service under every station offering it, as each station alone lists it (one batch, shared rows)', async () => {
    const SERVICES = 'services(first: 50) { totalCount nodes { id code name nameEn category } }';
    const batch = await query(`{ stations(first: 30) { nodes { id ${SERVICES} } } }`);
    const seen = new Map<string, number>();
    for (const station of batch.stations.nodes) {
      const alone = await query(`query($id: ID!) { node(id: $id) { ... on Station { ${SERVICES} } } }`, { id: station.id });
      expect(station.services).toEqual(alone.node.services);
      for (const service of station.services.nodes) seen.set(service.id, (seen.get(service.id) ?? 0) + 1);
    }
    // The demo's stations share services: the batch did map rows of the same service for several stations.
    expect(Math.max(...seen.values())).toBeGreaterThan(1);
  });

  it('creates and edits a station in one transaction each', async () => {
    const community = { id: (await scratchCommunity()).community };
    const grid = (
      await query(`mutation($input: CreateAreaInput!) { createArea(input: $input) { area { id } } }`, {
        input: { kind: 'GRID', name: uniqueName('测试网格'), parent: community.id },
      })
    ).createArea.area;
    const svc = await query(`{ services(first: 2) { nodes { id } } }`);
    const unit = await query(`{ organizations(first: 1, filter: { kind: [UNIT] }) { nodes { id } } }`);
    const person = await query(`{ people(first: 1) { nodes { id } } }`);
    const name = uniqueName('新建服务站');
    const created = await gql(
      `mutation($input: CreateStationInput!) { createStation(input: $input) {
        station { id name openingHours { weekday opens closes } services { totalCount } coveredGrids { nodes { id } } staff { nodes { post } } responsibleUnit { id } }
        userErrors { field message code } } }`,
      {
        input: {
          name,
          address: '梅河口市测试路 8 号',
          latitude: 42.53,
          longitude: 125.64,
          area: community.id,
          openingHours: [
            { weekday: 2, opens: '08:30', closes: '17:30' },
            { weekday: 1, opens: '08:30', closes: '17:30' },
          ],
          services: svc.services.nodes.map((n: { id: string }) => n.id),
          coveredGrids: [grid.id],
          staff: [{ person: person.people.nodes[0].id, post: 'HEAD' }],
          responsibleUnit: unit.organizations.nodes[0].id,
        },
      },
    );
    const payload = created.data?.createStation;
    expect(payload.userErrors).toEqual([]);
    expect(payload.station.name).toBe(name);
    expect(payload.station.openingHours.map((w: { weekday: number }) => w.weekday)).toEqual([1, 2]);
    expect(payload.station.services.totalCount).toBe(2);
    expect(payload.station.coveredGrids.nodes).toEqual([{ id: grid.id }]);

    const updated = await gql(
      `mutation($input: UpdateStationInput!) { updateStation(input: $input) { station { id name phone services { totalCount } coveredGrids { totalCount } } userErrors { field code } } }`,
      { input: { id: payload.station.id, phone: '0435-4000000', services: [] } },
    );
    expect(updated.data?.updateStation.userErrors).toEqual([]);
    expect(updated.data?.updateStation.station).toMatchObject({
      name,
      phone: '0435-4000000',
      services: { totalCount: 0 },
      coveredGrids: { totalCount: 1 },
    });

    const bad = await gql(
      `mutation($input: UpdateStationInput!) { updateStation(input: $input) { station { id } userErrors { field code } } }`,
      { input: { id: payload.station.id, openingHours: [{ weekday: 8, opens: '18:00', closes: '09:00' }], timeZone: 'Mars/Olympus' } },
    );
    expect(bad.data?.updateStation.userErrors.map((e: { field: string[] }) => e.field.join('.'))).toEqual(
      expect.arrayContaining(['input.openingHours.0.weekday', 'input.openingHours.0.closes', 'input.timeZone']),
    );
  });
});
