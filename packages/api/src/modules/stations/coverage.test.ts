import { describe, expect, it } from 'vitest';
import { ask, gql, query } from '../../test/client.js';
import { firstArea, scratchCommunity, signInAs, uniqueName } from '../../test/fixtures.js';

const COVERAGE = `query($area: ID!, $radius: Int) {
  stationCoverage(area: $area, radius: $radius) {
    radius households coveredHouseholds unlocatedHouseholds share
    uncoveredCompounds { households compound { id kind } }
    suggestedSite { latitude longitude newlyCoveredHouseholds compound { id } }
  }
}`;

interface Coverage {
  radius: number;
  households: number;
  coveredHouseholds: number;
  unlocatedHouseholds: number;
  share: number | null;
  uncoveredCompounds: { households: number; compound: { id: string; kind: string } }[];
  suggestedSite: { latitude: number; longitude: number; newlyCoveredHouseholds: number; compound: { id: string } } | null;
}

async function createArea(input: Record<string, unknown>): Promise<string> {
  const data = await query<{ createArea: { area: { id: string }; userErrors: unknown[] } }>(
    'mutation($i: CreateAreaInput!) { createArea(input: $i) { area { id } userErrors { field message } } }',
    { i: { name: uniqueName(String(input.kind)), ...input } },
  );
  if (data.createArea.userErrors.length) throw new Error(JSON.stringify(data.createArea.userErrors));
  return data.createArea.area.id;
}

describe('station coverage (一刻钟服务圈)', () => {
  it('adds up over a seeded district: covered and uncovered households make the located ones', async () => {
    const district = await firstArea('DISTRICT');
    const c = (await query<{ stationCoverage: Coverage }>(COVERAGE, { area: district.id })).stationCoverage;
    expect(c.radius).toBe(1000);
    expect(c.households).toBeGreaterThan(1000);
    const uncovered = c.uncoveredCompounds.reduce((sum, u) => sum + u.households, 0);
    expect(c.coveredHouseholds + uncovered + c.unlocatedHouseholds).toBe(c.households);
    expect(c.share).toBeCloseTo(c.coveredHouseholds / (c.households - c.unlocatedHouseholds), 10);
    expect(c.uncoveredCompounds.every((u) => u.compound.kind === 'COMPOUND')).toBe(true);
    const counts = c.uncoveredCompounds.map((u) => u.households);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    if (uncovered > 0) expect(c.suggestedSite?.newlyCoveredHouseholds).toBeGreaterThan(0);
    const wider = (await query<{ stationCoverage: Coverage }>(COVERAGE, { area: district.id, radius: 3000 })).stationCoverage;
    expect(wider.coveredHouseholds).toBeGreaterThanOrEqual(c.coveredHouseholds);
  });

  it('a compound far from every station is uncovered and suggested; a station there covers it', async () => {
    const { street, community } = await scratchCommunity();
    const grid = await createArea({ kind: 'GRID', parent: community });
    const where = { latitude: 43.61, longitude: 127.41 };
    const compound = await createArea({ kind: 'COMPOUND', parent: grid, ...where });
    const building = await createArea({ kind: 'BUILDING', parent: compound });
    for (let i = 0; i < 3; i++) await createArea({ kind: 'HOUSEHOLD', parent: building });
    const before = (await query<{ stationCoverage: Coverage }>(COVERAGE, { area: street })).stationCoverage;
    expect(before).toMatchObject({ households: 3, coveredHouseholds: 0, unlocatedHouseholds: 0, share: 0 });
    expect(before.uncoveredCompounds).toEqual([{ households: 3, compound: { id: compound, kind: 'COMPOUND' } }]);
    expect(before.suggestedSite).toEqual({ ...where, newlyCoveredHouseholds: 3, compound: { id: compound } });

    const station = await query<{ createStation: { userErrors: unknown[] } }>(
      'mutation($i: CreateStationInput!) { createStation(input: $i) { userErrors { message } } }',
      { i: { name: uniqueName('覆盖测试站'), address: '测试路2号', area: community, latitude: 43.615, longitude: 127.41 } },
    );
    expect(station.createStation.userErrors).toEqual([]);
    const after = (await query<{ stationCoverage: Coverage }>(COVERAGE, { area: street })).stationCoverage;
    expect(after).toMatchObject({ households: 3, coveredHouseholds: 3, share: 1, uncoveredCompounds: [], suggestedSite: null });
    // 0.005° of latitude is about 556 m: outside a 500 m circle.
    const tight = (await query<{ stationCoverage: Coverage }>(COVERAGE, { area: street, radius: 500 })).stationCoverage;
    expect(tight.coveredHouseholds).toBe(0);
  });

  it('needs read:stats: FORBIDDEN for anonymous callers and residents (owners), null outside the caller’s areas', async () => {
    const district = await firstArea('DISTRICT');
    const anonymous = await ask(null, COVERAGE, { area: district.id });
    expect(anonymous.status).toBe(403);
    expect(anonymous.body.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const resident = await signInAs('OWNER', district.id);
    expect((await ask(resident.token, COVERAGE, { area: district.id })).body.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const worker = await signInAs('GRID_WORKER', district.id);
    const elsewhere = await ask(worker.token, COVERAGE, { area: district.id });
    expect(elsewhere.body.data.stationCoverage).toBeNull();
    const bad = await gql(COVERAGE, { area: district.id, radius: 50 });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
