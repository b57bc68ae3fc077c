import { createClient } from 'graphql-ws';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { apiUrl, firstEvent, gql, graphqlUrl, query } from './test/client.js';
import { scratchCommunity, uniqueName } from './test/fixtures.js';

describe('the HTTP server', () => {
  it('/healthz says the process is up; /readyz that the database answers', async () => {
    const health = await fetch(`${apiUrl()}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${apiUrl()}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('serves GraphiQL and every file it loads from this server: no CDN', async () => {
    const page = await fetch(`${apiUrl()}/graphiql`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('GraphiQL');
    const sources = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(sources.length).toBeGreaterThanOrEqual(5);
    for (const src of sources) {
      expect(src.startsWith('/graphiql/')).toBe(true);
      const asset = await fetch(`${apiUrl()}${src}`);
      expect(asset.status, src).toBe(200);
      expect((await asset.arrayBuffer()).byteLength, src).toBeGreaterThan(1000);
    }
    const browser = await fetch(graphqlUrl(), { headers: { accept: 'text/html' }, redirect: 'manual' });
    expect(browser.status).toBe(302);
    expect(browser.headers.get('location')).toBe('/graphiql');
  });

  it('answers GraphQL over GET', async () => {
    const url = new URL(graphqlUrl());
    url.searchParams.set('query', '{ areas(first: 1, filter: { kind: [DISTRICT] }) { nodes { kind } } }');
    const res = await fetch(url, { headers: { accept: 'application/graphql-response+json' } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ data: { areas: { nodes: [{ kind: 'DISTRICT' }] } } });
  });

  it('refuses mutations over GET', async () => {
    const url = new URL(graphqlUrl());
    url.searchParams.set('query', 'mutation { updateArea(input: { id: "x" }) { userErrors { code } } }');
    const res = await fetch(url, { headers: { accept: 'application/json' } });
    expect(res.status).toBe(405);
  });

  it('delivers subscriptions over WebSocket on the same path (graphql-ws)', async () => {
    const district = await query(`{ areas(first: 1, filter: { kind: [DISTRICT] }) { nodes { id } } }`);
    const station = (
      await query(`query($d: ID) { stations(first: 1, filter: { within: $d }) { nodes { id name } } }`, { d: district.areas.nodes[0].id })
    ).stations.nodes[0];
    const event = await firstEvent(
      `subscription($within: ID) { stationChanged(within: $within) { action station { id name } } }`,
      { within: district.areas.nodes[0].id },
      async () => {
        const res = await gql(`mutation($input: UpdateStationInput!) { updateStation(input: $input) { userErrors { code } } }`, {
          input: { id: station.id, name: station.name },
        });
        expect(res.data?.updateStation.userErrors).toEqual([]);
      },
    );
    expect(event).toEqual({ data: { stationChanged: { action: 'UPDATED', station } } });
  });

  it('tells an area subscriber about areas created below it, and not about others', async () => {
    const { street, community } = await scratchCommunity();
    const other = await scratchCommunity();
    const prefix = uniqueName('新网格');
    let attempt = 0;
    const event = await firstEvent(
      `subscription($within: ID) { areaChanged(within: $within) { action area { name kind parent { id } } } }`,
      { within: street },
      async () => {
        await query(`mutation($input: CreateAreaInput!) { createArea(input: $input) { area { id } } }`, {
          input: { kind: 'GRID', name: uniqueName('别处网格'), parent: other.community },
        });
        await query(`mutation($input: CreateAreaInput!) { createArea(input: $input) { area { id } } }`, {
          input: { kind: 'GRID', name: `${prefix} ${++attempt}`, parent: community },
        });
      },
    );
    expect(event).toEqual({
      data: {
        areaChanged: {
          action: 'CREATED',
          area: { name: expect.stringMatching(new RegExp(`^${prefix} \\d+$`)), kind: 'GRID', parent: { id: community } },
        },
      },
    });
  });

  it('holds subscriptions to the same limits as queries: cost, depth', async () => {
    const client = createClient({ url: graphqlUrl().replace(/^http/, 'ws'), webSocketImpl: WebSocket, retryAttempts: 0 });
    const refusal = (query: string) =>
      new Promise<{ message: string; extensions?: { code?: string } }[]>((resolve) => {
        client.subscribe({ query }, { next: () => {}, error: (errors) => resolve(errors as never), complete: () => resolve([]) });
      });
    const costly = await refusal(
      'subscription { stationChanged { station { services(first: 100) { nodes { stations(first: 100) { nodes { services(first: 100) { nodes { name } } } } } } } } }',
    );
    expect(costly[0].extensions?.code).toBe('QUERY_TOO_COSTLY');
    const deep = await refusal(`subscription { areaChanged { area { ${'parent { '.repeat(20)}name${' }'.repeat(20)} } } }`);
    expect(deep[0].message).toMatch(/depth limit of 16 exceeded/i);
    await client.dispose();
  });
});
