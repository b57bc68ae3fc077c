import { createClient } from 'graphql-ws';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { apiUrl, gql, graphqlUrl, query } from './test/client.js';

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
    const station = await query(`{ stations(first: 1) { nodes { id name } } }`);
    const client = createClient({ url: graphqlUrl().replace(/^http/, 'ws'), webSocketImpl: WebSocket, lazy: false });
    const events: unknown[] = [];
    const received = new Promise<void>((resolve, reject) => {
      client.subscribe(
        {
          query: `subscription($within: ID) { stationChanged(within: $within) { action station { id name } } }`,
          variables: { within: district.areas.nodes[0].id },
        },
        {
          next: (value) => {
            events.push(value);
            resolve();
          },
          error: reject,
          complete: () => undefined,
        },
      );
    });
    await new Promise<void>((resolve) => client.on('connected', () => resolve()));
    // The subscription is registered once the server has acknowledged it; give it a moment.
    await new Promise((r) => setTimeout(r, 200));
    const s = station.stations.nodes[0];
    const res = await gql(`mutation($input: UpdateStationInput!) { updateStation(input: $input) { userErrors { code } } }`, {
      input: { id: s.id, name: s.name },
    });
    expect(res.data?.updateStation.userErrors).toEqual([]);
    await received;
    await client.dispose();
    expect(events[0]).toEqual({ data: { stationChanged: { action: 'UPDATED', station: { id: s.id, name: s.name } } } });
  });
});
