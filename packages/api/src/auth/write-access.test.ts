import { describe, expect, it } from 'vitest';
import { gql, query } from '../test/client.js';
import { count, signInAs, uniqueName } from '../test/fixtures.js';

const CREATE_AREA = `mutation($input: CreateAreaInput!) { createArea(input: $input) { area { id } userErrors { field code } } }`;
const UPDATE_STATION = `mutation($input: UpdateStationInput!) { updateStation(input: $input) { station { id } userErrors { field code } } }`;

describe('who may change what', () => {
  it('anonymous callers and people without a write role change nothing: 403 FORBIDDEN', async () => {
    const community = (await query('{ areas(first: 1, filter: { kind: [COMMUNITY] }, orderBy: { field: ID }) { nodes { id } } }')).areas
      .nodes[0].id;
    const before = await count('areas');
    for (const credential of [null, (await signInAs('GRID_WORKER')).token, (await signInAs('OWNER')).token]) {
      const r = await gql(CREATE_AREA, { input: { kind: 'GRID', name: uniqueName('越权网格'), parent: community } }, credential);
      expect(r.status).toBe(403);
      expect(r.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect(await count('areas')).toBe(before);
  });

  it('a community committee member adds grids in their community, and sees no other community to add them to', async () => {
    // In the second demo district: the first stays as seeded for the tests that count it.
    const district = (await query('{ areas(first: 2, filter: { kind: [DISTRICT] }, orderBy: { field: ID }) { nodes { id } } }')).areas
      .nodes[1].id;
    const [mine, other] = (
      await query('query($d: ID) { areas(first: 2, filter: { kind: [COMMUNITY], within: $d }, orderBy: { field: ID }) { nodes { id } } }', {
        d: district,
      })
    ).areas.nodes;
    const member = (await signInAs('COMMUNITY_COMMITTEE_MEMBER', mine.id)).token;
    const ok = await gql(CREATE_AREA, { input: { kind: 'GRID', name: uniqueName('委员网格'), parent: mine.id } }, member);
    expect(ok.data?.createArea.userErrors).toEqual([]);
    const elsewhere = await gql(CREATE_AREA, { input: { kind: 'GRID', name: uniqueName('委员网格'), parent: other.id } }, member);
    expect(elsewhere.data?.createArea).toEqual({ area: null, userErrors: [{ field: ['input', 'parent'], code: 'NOT_FOUND' }] });
  });

  it('a street administrator changes the stations of their street only; nothing crosses into another district', async () => {
    const streets = (await query('{ areas(first: 2, filter: { kind: [STREET] }, orderBy: { field: ID }) { nodes { id } } }')).areas.nodes;
    const stationOf = async (street: string) =>
      (
        await query(`query($s: ID) { stations(first: 1, filter: { within: $s }, orderBy: { field: ID }) { nodes { id name } } }`, {
          s: street,
        })
      ).stations.nodes[0];
    const admin = (await signInAs('ADMINISTRATOR', streets[0].id)).token;
    const own = await stationOf(streets[0].id);
    const theirs = await stationOf(streets[1].id);
    expect((await gql(UPDATE_STATION, { input: { id: own.id, name: own.name } }, admin)).data?.updateStation.userErrors).toEqual([]);
    expect((await gql(UPDATE_STATION, { input: { id: theirs.id, name: 'x' } }, admin)).data?.updateStation).toEqual({
      station: null,
      userErrors: [{ field: ['input', 'id'], code: 'NOT_FOUND' }],
    });
    const districts = (await query('{ areas(first: 2, filter: { kind: [DISTRICT] }, orderBy: { field: ID }) { nodes { id } } }')).areas
      .nodes;
    const districtAdmin = (await signInAs('ADMINISTRATOR', districts[0].id)).token;
    const farAway = await stationOf(districts[1].id);
    expect((await gql(UPDATE_STATION, { input: { id: farAway.id, name: 'x' } }, districtAdmin)).data?.updateStation.userErrors).toEqual([
      { field: ['input', 'id'], code: 'NOT_FOUND' },
    ]);
  });

  it('districts are set up with the deployment, not through the API', async () => {
    const r = await gql(CREATE_AREA, { input: { kind: 'DISTRICT', name: uniqueName('新区') } });
    expect(r.status).toBe(403);
    expect(r.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('the audit record names the role a change was made in', () => {
  it('a street administrator’s change is recorded as ADMINISTRATOR of that street', async () => {
    const district = (await query('{ areas(first: 2, filter: { kind: [DISTRICT] }, orderBy: { field: ID }) { nodes { id } } }')).areas
      .nodes[1].id;
    const street = (
      await query('query($d: ID) { areas(first: 1, filter: { kind: [STREET], within: $d }, orderBy: { field: ID }) { nodes { id } } }', {
        d: district,
      })
    ).areas.nodes[0].id;
    const admin = await signInAs('ADMINISTRATOR', street);
    const station = (
      await query('query($s: ID) { stations(first: 1, filter: { within: $s }, orderBy: { field: ID }) { nodes { id } } }', { s: street })
    ).stations.nodes[0].id;
    const changed = await gql(
      'mutation($i: UpdateStationInput!) { updateStation(input: $i) { userErrors { code } } }',
      { i: { id: station, phone: '0435-1234567' } },
      admin.token,
    );
    expect(changed.data?.updateStation.userErrors).toEqual([]);
    const log = await query(
      'query($o: ID) { auditLog(first: 1, filter: { object: $o }) { nodes { role roleArea { id } actor { id } action } } }',
      { o: station },
    );
    expect(log.auditLog.nodes[0]).toEqual({
      role: 'ADMINISTRATOR',
      roleArea: { id: street },
      actor: { id: admin.personId },
      action: 'station.update',
    });
  });
});
