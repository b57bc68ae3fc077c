import { describe, expect, it } from 'vitest';
import { gql, query } from '../../test/client.js';
import { count, firstArea, scratchCommunity, uniqueName } from '../../test/fixtures.js';

const CREATE = `mutation($input: CreateAreaInput!) { createArea(input: $input) {
  area { id kind name depth parent { id } ancestors { kind } gridLevel management manager { id } floorArea ownerCount }
  userErrors { field message code } } }`;
const UPDATE = `mutation($input: UpdateAreaInput!) { updateArea(input: $input) {
  area { id name depth parent { id } ancestors { id } } userErrors { field message code } } }`;

describe('the area tree of the demo district', () => {
  it('has the Meihekou figures', async () => {
    const district = await firstArea('DISTRICT');
    const within = async (kind: string, extra = '') =>
      (await query(`query($d: ID) { areas(filter: { within: $d, kind: [${kind}] ${extra} }) { totalCount } }`, { d: district.id })).areas
        .totalCount;
    expect(await within('STREET')).toBe(5);
    expect(await within('COMMUNITY')).toBe(18);
    expect(await within('GRID')).toBe(341);
    expect(await within('COMPOUND')).toBe(420);
    expect(await within('COMPOUND', 'management: PROPERTY_COMPANY')).toBe(99);
    const buildings = await within('BUILDING');
    expect(buildings).toBeGreaterThan(1000);
    expect(buildings).toBeLessThan(1200);
  });

  it('lists children by name, and ancestors from the district down', async () => {
    const community = await firstArea('COMMUNITY');
    const data = await query(
      `query($id: ID!) { node(id: $id) { ... on Area {
      depth ancestors { kind } children(first: 100) { totalCount nodes { name kind parent { id } } } } } }`,
      { id: community.id },
    );
    expect(data.node.depth).toBe(2);
    expect(data.node.ancestors.map((a: { kind: string }) => a.kind)).toEqual(['DISTRICT', 'STREET']);
    const names = data.node.children.nodes.map((c: { name: string }) => c.name);
    expect(names).toEqual([...names].sort((a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(data.node.children.nodes.every((c: { parent: { id: string } }) => c.parent.id === community.id)).toBe(true);
    expect(data.node.children.totalCount).toBe(data.node.children.nodes.length);
  });

  it('pages through a nested connection with cursors', async () => {
    const community = await firstArea('COMMUNITY');
    const all = await query(`query($id: ID!) { node(id: $id) { ... on Area { children(first: 100) { nodes { id } } } } }`, {
      id: community.id,
    });
    const ids: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = await query(
        `query($id: ID!, $after: String) { node(id: $id) { ... on Area { children(first: 4, after: $after) { totalCount edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage endCursor } } } } }`,
        { id: community.id, after },
      );
      const c = page.node.children;
      ids.push(...c.edges.map((e: { node: { id: string } }) => e.node.id));
      expect(c.pageInfo.hasPreviousPage).toBe(after !== null);
      expect(c.totalCount).toBe(all.node.children.nodes.length);
      if (!c.pageInfo.hasNextPage) break;
      after = c.pageInfo.endCursor;
    }
    expect(ids).toEqual(all.node.children.nodes.map((n: { id: string }) => n.id));
  });

  it('filters by name and orders by any field both ways', async () => {
    const some = await query(`{ areas(first: 1, filter: { kind: [COMMUNITY] }) { nodes { name } } }`);
    const part = some.areas.nodes[0].name.slice(0, 2);
    const found = await query(`query($t: String) { areas(first: 100, filter: { nameContains: $t }) { nodes { name } } }`, { t: part });
    expect(found.areas.nodes.length).toBeGreaterThan(0);
    for (const a of found.areas.nodes) expect(a.name).toContain(part);
    const desc = await query(`{ areas(first: 20, orderBy: { field: ID, direction: DESC }) { nodes { databaseId } } }`);
    const ids = desc.areas.nodes.map((n: { databaseId: number }) => n.databaseId);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
  });
});

describe('creating and editing areas', () => {
  it('adds a grid under a community and a compound under it, with the tree rules', async () => {
    const community = { id: (await scratchCommunity()).community };
    const grid = await gql(CREATE, { input: { kind: 'GRID', name: uniqueName('测试网格'), parent: community.id, gridKind: 'GEOGRAPHIC' } });
    expect(grid.data?.createArea.userErrors).toEqual([]);
    const g = grid.data?.createArea.area;
    expect(g).toMatchObject({ kind: 'GRID', depth: 3, parent: { id: community.id }, gridLevel: 1 });
    expect(g.ancestors.map((a: { kind: string }) => a.kind)).toEqual(['DISTRICT', 'STREET', 'COMMUNITY']);

    const company = await query(`{ organizations(first: 1, filter: { kind: [PROPERTY_COMPANY] }) { nodes { id } } }`);
    const compound = await gql(CREATE, {
      input: { kind: 'COMPOUND', name: uniqueName('测试小区'), parent: g.id, manager: company.organizations.nodes[0].id },
    });
    expect(compound.data?.createArea.userErrors).toEqual([]);
    expect(compound.data?.createArea.area).toMatchObject({
      management: 'PROPERTY_COMPANY',
      manager: { id: company.organizations.nodes[0].id },
    });

    const wrong = await gql(CREATE, { input: { kind: 'BUILDING', name: '1号楼', parent: community.id } });
    expect(wrong.data?.createArea.userErrors[0]).toMatchObject({ field: ['input', 'parent'], code: 'NOT_ALLOWED_HERE' });
    const orphan = await gql(CREATE, { input: { kind: 'STREET', name: '无父街道' } });
    expect(orphan.data?.createArea.userErrors[0]).toMatchObject({ field: ['input', 'parent'], code: 'REQUIRED' });
  });

  it('moves an area with its whole subtree, and refuses a move into itself', async () => {
    const { community, street } = await scratchCommunity();
    const a = { id: community };
    const b = (await gql(CREATE, { input: { kind: 'COMMUNITY', name: uniqueName('第二社区'), parent: street } })).data?.createArea.area;
    const grid = (await gql(CREATE, { input: { kind: 'GRID', name: uniqueName('迁移网格'), parent: a.id } })).data?.createArea.area;
    const compound = (await gql(CREATE, { input: { kind: 'COMPOUND', name: uniqueName('迁移小区'), parent: grid.id } })).data?.createArea
      .area;
    const moved = await gql(UPDATE, { input: { id: grid.id, parent: b.id, name: '已迁移网格' } });
    expect(moved.data?.updateArea.userErrors).toEqual([]);
    expect(moved.data?.updateArea.area).toMatchObject({ name: '已迁移网格', parent: { id: b.id } });
    const child = await query(`query($id: ID!) { node(id: $id) { ... on Area { depth ancestors { id } } } }`, { id: compound.id });
    expect(child.node.ancestors.map((x: { id: string }) => x.id).slice(-2)).toEqual([b.id, grid.id]);
    const inB = await query(`query($b: ID) { areas(filter: { within: $b, kind: [COMPOUND] }, first: 100) { nodes { id } } }`, { b: b.id });
    expect(inB.areas.nodes.map((n: { id: string }) => n.id)).toContain(compound.id);

    const cycle = await gql(UPDATE, { input: { id: grid.id, parent: grid.id } });
    expect(cycle.data?.updateArea.userErrors[0]).toMatchObject({ field: ['input', 'parent'], code: 'NOT_ALLOWED_HERE' });
  });

  it('refuses a code that is taken, and writes nothing', async () => {
    const community = { id: (await scratchCommunity()).community };
    const code = uniqueName('GZ').replace(' ', '-');
    const first = await gql(CREATE, { input: { kind: 'GRID', name: uniqueName('编码网格'), parent: community.id, code } });
    expect(first.data?.createArea.userErrors).toEqual([]);
    const before = await count('areas');
    const second = await gql(CREATE, { input: { kind: 'GRID', name: uniqueName('编码网格'), parent: community.id, code } });
    expect(second.data?.createArea.userErrors[0]).toMatchObject({ field: ['input', 'code'], code: 'TAKEN' });
    expect(await count('areas')).toBe(before);
  });
});

describe('nested pages of no items', () => {
  it('first: 0 and last: 0 give each parent its count and whether there are any, as a full page does', async () => {
    const district = await firstArea('DISTRICT');
    const EMPTY = 'totalCount edges { cursor } pageInfo { hasNextPage hasPreviousPage }';
    type Empty = { totalCount: number; edges: unknown[]; pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean } };
    type Grid = {
      name: string;
      first: Empty;
      last: Empty;
      all: { totalCount: number };
      stations: Empty;
      allStations: { totalCount: number };
    };
    const data = await query<{ node: { children: { nodes: { children: { nodes: { children: { nodes: Grid[] } }[] } }[] } } }>(
      `query($d: ID!) { node(id: $d) { ... on Area { children(first: 10) { nodes { children(first: 10) { nodes {
        children(first: 30) { nodes { name
          first: children(first: 0) { ${EMPTY} } last: children(last: 0) { ${EMPTY} } all: children(first: 1) { totalCount }
          stations: coveringStations(first: 0) { ${EMPTY} } allStations: coveringStations(first: 1) { totalCount } } } } } } } } } }`,
      { d: district.id },
    );
    const grids = data.node.children.nodes.flatMap((street) => street.children.nodes.flatMap((community) => community.children.nodes));
    expect(grids.length).toBeGreaterThan(10);
    const empty = (total: number, forward: boolean): Empty => ({
      totalCount: total,
      edges: [],
      pageInfo: { hasNextPage: forward && total > 0, hasPreviousPage: !forward && total > 0 },
    });
    for (const grid of grids) {
      expect(grid.first).toEqual(empty(grid.all.totalCount, true));
      expect(grid.last).toEqual(empty(grid.all.totalCount, false));
      expect(grid.stations).toEqual(empty(grid.allStations.totalCount, true));
    }
    expect(grids.some((g) => g.all.totalCount > 0 && g.allStations.totalCount > 0)).toBe(true);
    // A parent with nothing under it.
    const { community } = await scratchCommunity();
    const bare = await query<{ node: { first: Empty; last: Empty; stations: Empty } }>(
      `query($c: ID!) { node(id: $c) { ... on Area { first: children(first: 0) { ${EMPTY} } last: children(last: 0) { ${EMPTY} }
        stations: coveringStations(first: 0) { ${EMPTY} } } } }`,
      { c: community },
    );
    expect(bare.node).toEqual({ first: empty(0, true), last: empty(0, false), stations: empty(0, true) });
  });
});
