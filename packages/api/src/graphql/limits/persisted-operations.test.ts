import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createClient } from 'graphql-ws';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { graphqlUrl } from '../../test/client.js';
import { ownServer } from '../../test/own-server.js';
import { DEFAULT_MANIFEST } from './persisted-operations.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const manifest = JSON.parse(readFileSync(DEFAULT_MANIFEST, 'utf8')) as Record<string, string>;
/** A registered operation of the widgets that needs no variables and no sign-in. */
const [registeredId, registeredText] = Object.entries(manifest).find(([, body]) => body.startsWith('query RequestFormSetup')) as [
  string,
  string,
];
const registeredHash = registeredId.replace('sha256:', '');

async function post(url: string, body: object): Promise<{ status: number; body: any }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: await res.json() };
}
const persisted = (hash: string) => ({ persistedQuery: { version: 1, sha256Hash: hash } });

describe('persisted queries (APQ), with the widgets’ operations registered', () => {
  it('runs a registered operation named by its hash alone, over POST and GET', async () => {
    const answer = await post(graphqlUrl(), { extensions: persisted(registeredHash) });
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data.requestCategories.length).toBeGreaterThan(0);
    const get = await fetch(`${graphqlUrl()}?extensions=${encodeURIComponent(JSON.stringify(persisted(registeredHash)))}`, {
      headers: { accept: 'application/json' },
    });
    expect(((await get.json()) as any).data.requestCategories).toEqual(answer.body.data.requestCategories);
  });

  it('learns other queries the APQ way: unknown hash, then text with hash, then the hash alone', async () => {
    const text = `{ requestCategories { code } __typename }`;
    const hash = sha256(text);
    const unknown = await post(graphqlUrl(), { extensions: persisted(hash) });
    expect(unknown.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const registered = await post(graphqlUrl(), { query: text, extensions: persisted(hash) });
    expect(registered.body.data.__typename).toBe('Query');
    const byHash = await post(graphqlUrl(), { extensions: persisted(hash) });
    expect(byHash.body.data).toEqual(registered.body.data);
    // A hash that is not the text's is refused.
    const wrong = await post(graphqlUrl(), { query: text, extensions: persisted(registeredHash.replace(/^./, '0')) });
    expect(wrong.status).toBe(400);
  });
});

describe('safelist mode: only registered operations run', () => {
  const own = ownServer({ GZ_SAFELIST: 'true', GZ_RATE_LIMIT: '0' });
  const url = () => `${own.server.url}/graphql`;

  it('runs a registered operation by its hash or its exact text', async () => {
    const byHash = await post(url(), { extensions: persisted(registeredHash) });
    expect(byHash.body.errors).toBeUndefined();
    expect(byHash.body.data.requestCategories).toBeInstanceOf(Array);
    const byText = await post(url(), { query: registeredText });
    expect(byText.body.data).toEqual(byHash.body.data);
  });

  it('refuses any other operation, and does not let a client register one', async () => {
    const text = '{ requestCategories { code } }';
    const adHoc = await post(url(), { query: text });
    expect(adHoc.status).toBe(400);
    expect(adHoc.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_ALLOWED');
    expect(adHoc.body.data).toBeUndefined();
    const apq = await post(url(), { query: text, extensions: persisted(sha256(text)) });
    expect(apq.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_ALLOWED');
    const afterwards = await post(url(), { extensions: persisted(sha256(text)) });
    expect(afterwards.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    // A registered operation with its text changed by one character is another operation.
    const changed = await post(url(), { query: registeredText.replace('code', 'code ') });
    expect(changed.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_ALLOWED');
  });

  it('refuses an unregistered subscription over WebSocket too', async () => {
    const client = createClient({ url: url().replace(/^http/, 'ws'), webSocketImpl: WebSocket, lazy: false, retryAttempts: 0 });
    try {
      const events = client.iterate({ query: 'subscription { areaChanged { action } }' });
      await expect(events.next()).rejects.toSatisfy((errors: unknown) => JSON.stringify(errors).includes('PERSISTED_QUERY_NOT_ALLOWED'));
    } finally {
      await client.dispose();
    }
  });
});
