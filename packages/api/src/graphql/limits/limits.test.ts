import { describe, expect, it } from 'vitest';
import { gql, graphqlUrl } from '../../test/client.js';

async function postRaw(body: string) {
  const res = await fetch(graphqlUrl(), { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  return { status: res.status, body: (await res.json()) as { errors?: { message: string; extensions?: { code?: string } }[] } };
}

const nested = (levels: number) => `{ areas(first: 1) { nodes { ${'parent { '.repeat(levels)}name${' }'.repeat(levels)} } } }`;

describe('limits against abuse', () => {
  it('reports the cost of every query: the objects it could return, pages multiplied', async () => {
    const r = await gql('{ areas(first: 10) { totalCount pageInfo { hasNextPage } nodes { name parent { name } } } }');
    expect(r.errors).toBeUndefined();
    // 1 connection + 10 × (1 area + 1 parent); page information and scalars are free.
    expect(r.extensions?.cost).toEqual({ requested: 21, maximum: 100_000 });
    const nestedPages = await gql('{ stations(first: 5) { edges { node { services(first: 4) { nodes { name } } } } } }');
    // 1 + 5 × (1 edge + (1 + 4 × 1 service)).
    expect(nestedPages.extensions?.cost).toEqual({ requested: 31, maximum: 100_000 });
  });

  it('costs the same document anew for other variables, and the same for the same ones (costs are remembered)', async () => {
    const doc = 'query($n: Int) { areas(first: $n) { nodes { name parent { name } } } }';
    const costOf = async (n: number) => (await gql(doc, { n })).extensions?.cost;
    expect(await costOf(10)).toEqual({ requested: 21, maximum: 100_000 });
    expect(await costOf(3)).toEqual({ requested: 7, maximum: 100_000 });
    expect(await costOf(10)).toEqual({ requested: 21, maximum: 100_000 });
    const tooMany = await gql(
      'query($n: Int) { areas(first: $n) { nodes { children(first: $n) { nodes { children(first: $n) { nodes { name } } } } } } }',
      { n: 100 },
    );
    expect(tooMany.errors?.[0].extensions?.code).toBe('QUERY_TOO_COSTLY');
    const again = await gql(
      'query($n: Int) { areas(first: $n) { nodes { children(first: $n) { nodes { children(first: $n) { nodes { name } } } } } } }',
      { n: 100 },
    );
    expect(again.errors?.[0].extensions?.code).toBe('QUERY_TOO_COSTLY');
  });

  it('tells caches not to store an answer', async () => {
    const res = await fetch(graphqlUrl(), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ areas(first: 1) { totalCount } }' }),
    });
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('refuses a query that could return too many objects, before running it', async () => {
    const r = await gql('{ areas(first: 100) { nodes { children(first: 100) { nodes { children(first: 100) { nodes { name } } } } } } }');
    expect(r.status).toBe(400);
    expect(r.errors?.[0].extensions?.code).toBe('QUERY_TOO_COSTLY');
    // 1 + 100 × (1 + (1 + 100 × (1 + (1 + 100 × 1)))).
    expect(r.errors?.[0].extensions?.cost).toEqual({ requested: 1_020_201, maximum: 100_000 });
    expect(r.data).toBeUndefined();
  });

  it('refuses a document nested too deep', async () => {
    expect((await gql(nested(10))).errors).toBeUndefined();
    const r = await gql(nested(20));
    expect(r.status).toBe(400);
    expect(r.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(r.errors?.[0].message).toMatch(/depth limit of 16 exceeded/i);
  });

  it('refuses an alias flood', async () => {
    const aliases = Array.from({ length: 50 }, (_, i) => `a${i}: areas(first: 1) { totalCount }`).join(' ');
    const r = await gql(`{ ${aliases} }`);
    expect(r.status).toBe(400);
    expect(r.errors?.[0].message).toMatch(/aliases limit of 15 exceeded/i);
  });

  it('refuses a document of too many tokens', async () => {
    const fields = Array.from({ length: 6_000 }, () => 'name').join(' ');
    const r = await gql(`{ areas(first: 1) { nodes { ${fields} } } }`);
    expect(r.status).toBe(400);
    expect(r.errors?.[0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(r.errors?.[0].message).toMatch(/more th[ae][nt]? 5000 tokens/i);
  });

  it('refuses a batch of 100 operations', async () => {
    const batch = JSON.stringify(Array.from({ length: 100 }, () => ({ query: '{ areas(first: 1) { totalCount } }' })));
    const r = await postRaw(batch);
    expect(r.status).toBe(400);
    expect(r.body.errors?.[0].extensions?.code).toBe('BAD_REQUEST');
    expect(r.body.errors?.[0].message).toMatch(/batching/i);
  });

  it('refuses a 1 MB document with PAYLOAD_TOO_LARGE', async () => {
    const r = await postRaw(JSON.stringify({ query: `{ areas(first: 1) { totalCount } } # ${'x'.repeat(1_100_000)}` }));
    expect(r.status).toBe(413);
    expect(r.body.errors?.[0].extensions?.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers other requests while refusing abuse', async () => {
    const abuse = Array.from({ length: 20 }, (_, i) =>
      i % 2 ? gql(nested(40)) : postRaw(JSON.stringify({ query: `{ areas { totalCount } } # ${'y'.repeat(1_100_000)}` })),
    );
    const normal = gql('{ areas(first: 1, filter: { kind: [DISTRICT] }) { nodes { kind } } }');
    const [answer, ...refused] = await Promise.all([normal, ...abuse]);
    expect(answer.data?.areas.nodes[0].kind).toBe('DISTRICT');
    expect(refused.every((r) => r.status >= 400)).toBe(true);
  });
});
