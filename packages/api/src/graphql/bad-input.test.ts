import { describe, expect, it } from 'vitest';
import { apiUrl, gql, graphqlUrl } from '../test/client.js';
import { count, firstArea, uniqueName } from '../test/fixtures.js';

async function post(body: string, contentType = 'application/json') {
  const res = await fetch(graphqlUrl(), { method: 'POST', headers: { 'content-type': contentType }, body });
  return { status: res.status, body: (await res.json()) as { errors?: { message: string; extensions?: { code?: string } }[] } };
}

describe('bad input gets a clear error with a code, and the server stays up', () => {
  it('malformed JSON: 400 BAD_REQUEST', async () => {
    const { status, body } = await post('{"query": "{ areas { totalCount } }"');
    expect(status).toBe(400);
    expect(body.errors?.[0].extensions?.code).toBe('BAD_REQUEST');
    expect(body.errors?.[0].message).toMatch(/not valid JSON/);
  });

  it('a body with no query: 400 BAD_REQUEST', async () => {
    const { status, body } = await post('{"variables": {}}');
    expect(status).toBe(400);
    expect(body.errors?.[0].extensions?.code).toBe('BAD_REQUEST');
  });

  it('a query that does not parse: 400 GRAPHQL_PARSE_FAILED', async () => {
    const r = await gql('{ areas { totalCount ');
    expect(r.status).toBe(400);
    expect(r.errors?.[0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('an unknown field: 400 GRAPHQL_VALIDATION_FAILED', async () => {
    const r = await gql('{ areas { nope } }');
    expect(r.status).toBe(400);
    expect(r.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('a variable of the wrong type: 400 BAD_USER_INPUT', async () => {
    const r = await gql('query($n: Int) { areas(first: $n) { totalCount } }', { n: 'ten' });
    expect(r.status).toBe(400);
    expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('first: 1000 is refused, not truncated: 400 BAD_USER_INPUT (stations, for maps, take up to 1,000)', async () => {
    const r = await gql('{ areas(first: 1000) { totalCount } }');
    expect(r.status).toBe(400);
    expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0].message).toMatch(/between 0 and 100, got 1000/);
    const stations = await gql('{ stations(first: 1001) { totalCount } }');
    expect(stations.errors?.[0].message).toMatch(/between 0 and 1000, got 1001/);
  });

  it('a nested connection with first: 1000 is refused too', async () => {
    const r = await gql('{ areas(first: 1) { nodes { children(first: 1000) { totalCount } } } }');
    expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('first with last is refused', async () => {
    const r = await gql('{ stations(first: 1, last: 1) { totalCount } }');
    expect(r.status).toBe(400);
    expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('a cursor that is not ours is refused', async () => {
    const r = await gql('{ stations(first: 1, after: "bm90LWEtY3Vyc29y") { totalCount } }');
    expect(r.status).toBe(400);
    expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('a malformed ID: 400 BAD_USER_INPUT; an unknown but well-formed one: null', async () => {
    const malformed = await gql('{ node(id: "%%%") { id } }');
    expect(malformed.status).toBe(400);
    expect(malformed.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const unknown = await gql('query($id: ID!) { node(id: $id) { id } }', { id: Buffer.from('Area:999999').toString('base64url') });
    expect(unknown.status).toBe(200);
    expect(unknown.errors).toBeUndefined();
    expect(unknown.data?.node).toBeNull();
    const foreign = await gql('query($id: ID!) { areas(filter: { within: $id }) { totalCount } }', {
      id: Buffer.from('Station:1').toString('base64url'),
    });
    expect(foreign.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(foreign.errors?.[0].message).toMatch(/expected the ID of a Area/);
  });

  it('an invalid mutation input writes nothing and says what is wrong with each field', async () => {
    const before = await count('areas');
    const street = await firstArea('STREET');
    const r = await gql(
      `mutation($input: CreateAreaInput!) { createArea(input: $input) { area { id } userErrors { field message code } } }`,
      { input: { kind: 'HOUSEHOLD', name: '  ', parent: street.id, floorArea: -3, latitude: 120 } },
    );
    expect(r.status).toBe(200);
    const payload = r.data?.createArea;
    expect(payload.area).toBeNull();
    const fields = payload.userErrors.map((e: { field: string[] }) => e.field.join('.'));
    expect(fields).toEqual(expect.arrayContaining(['input.name', 'input.parent', 'input.floorArea', 'input.latitude']));
    expect(payload.userErrors.find((e: { field: string[] }) => e.field[1] === 'parent').code).toBe('NOT_ALLOWED_HERE');
    expect(await count('areas')).toBe(before);
  });

  it('a mutation naming a missing object writes nothing', async () => {
    const before = await count('stations');
    const community = await firstArea('COMMUNITY');
    const r = await gql(
      `mutation($input: CreateStationInput!) { createStation(input: $input) { station { id } userErrors { field code } } }`,
      {
        input: {
          name: uniqueName('测试站'),
          address: '测试路1号',
          latitude: 42.5,
          longitude: 125.6,
          area: community.id,
          services: [Buffer.from('Service:99999').toString('base64url')],
        },
      },
    );
    expect(r.data?.createStation.userErrors).toEqual([{ field: ['input', 'services'], code: 'NOT_FOUND' }]);
    expect(await count('stations')).toBe(before);
  });

  it('the server is still up after all of that', async () => {
    const res = await fetch(`${apiUrl()}/healthz`);
    expect(res.status).toBe(200);
    const r = await gql('{ areas(first: 1) { totalCount } }');
    expect(r.data?.areas.totalCount).toBeGreaterThan(0);
  });
});
