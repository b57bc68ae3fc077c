import { describe, expect, it } from 'vitest';
import { graphqlUrl } from './test/client.js';
import { ownServer } from './test/own-server.js';

const PORTAL = 'https://www.mhk.gov.cn';

function preflight(url: string, origin: string) {
  return fetch(url, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
  });
}

describe('cross-origin calls from the portals that embed the widgets', () => {
  it('by default any origin may call: the preflight allows the bearer token, and answers expose x-request-id', async () => {
    const pre = await preflight(graphqlUrl(), PORTAL);
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('*');
    expect(pre.headers.get('access-control-allow-headers')).toContain('authorization');
    const res = await fetch(graphqlUrl(), {
      method: 'POST',
      headers: { origin: PORTAL, 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-expose-headers')).toContain('x-request-id');
    // A call that is not a browser's cross-origin one gets no CORS headers.
    const plain = await fetch(graphqlUrl(), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(plain.status).toBe(200);
    expect(plain.headers.get('access-control-allow-origin')).toBeNull();
  });

  describe('with GZ_CORS_ORIGINS set', () => {
    const own = ownServer({ GZ_CORS_ORIGINS: `${PORTAL},https://intranet.mhk.gov.cn` });

    it('names a listed origin and leaves an unlisted one without the header, so the browser blocks it', async () => {
      const url = own.server.graphqlUrl;
      const listed = await preflight(url, PORTAL);
      expect(listed.headers.get('access-control-allow-origin')).toBe(PORTAL);
      expect(listed.headers.get('vary')).toContain('Origin');
      const other = await preflight(url, 'https://elsewhere.example');
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
    });
  });
});
