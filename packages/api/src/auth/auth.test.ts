import { createClient } from 'graphql-ws';
import { SignJWT } from 'jose';
import { describe, expect, inject, it } from 'vitest';
import WebSocket from 'ws';
import { toGlobalId } from '../graphql/global-id.js';
import { Area } from '../modules/areas/area.entity.js';
import { AuditRecord } from '../modules/audit/audit.entity.js';
import { Person, RoleAssignment } from '../modules/people/person.entity.js';
import { gql, query } from '../test/client.js';
import { ownServer } from '../test/own-server.js';

describe('sign-in on the development server (no key configured)', () => {
  it('is anonymous without a token, and a development token signs a person in', async () => {
    expect((await query('{ viewer { id } }', {}, null)).viewer).toBeNull();
    const person = (await query('{ people(first: 1) { nodes { id name } } }', {}, null)).people.nodes[0];
    const issued = await query(`mutation($p: ID!) { issueDevelopmentToken(input: { person: $p, minutes: 5 }) { token expiresAt } }`, {
      p: person.id,
    });
    const { token, expiresAt } = issued.issueDevelopmentToken;
    expect(new Date(expiresAt).getTime() - Date.now()).toBeGreaterThan(4 * 60_000);
    const res = await fetch(`${inject('apiUrl')}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ viewer { id name } }' }),
    });
    const { viewer } = ((await res.json()) as { data: { viewer: { id: string; name: string } } }).data;
    // Anonymous, the name was masked (王*华); signed in as that person, it is their own.
    expect(viewer.id).toBe(person.id);
    expect(person.name).toMatch(/\*/);
    expect(viewer.name).not.toMatch(/\*/);
    expect(viewer.name[0]).toBe(person.name[0]);
  });

  it('refuses a token it did not sign: 401 UNAUTHENTICATED, not anonymous', async () => {
    const forged = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('1')
      .setIssuer('gongzhi')
      .setAudience('gongzhi-api')
      .setExpirationTime('5m')
      .sign(new Uint8Array(32));
    const res = await fetch(`${inject('apiUrl')}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${forged}` },
      body: JSON.stringify({ query: '{ viewer { id } }' }),
    });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer error="invalid_token"/);
    expect(((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a development token for nobody, or for too long', async () => {
    const nobody = await gql(`mutation($p: ID!) { issueDevelopmentToken(input: { person: $p }) { token } }`, {
      p: toGlobalId('Person', 2_000_000_000),
    });
    expect(nobody.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const person = (await query('{ people(first: 1) { nodes { id } } }')).people.nodes[0];
    const long = await gql(`mutation($p: ID!) { issueDevelopmentToken(input: { person: $p, minutes: 100000 }) { token } }`, {
      p: person.id,
    });
    expect(long.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

/** A server of its own with a known secret, as a deployment behind the portal's SSO has. */
describe('sign-in with a configured secret', () => {
  const SECRET = 'a-shared-secret-of-at-least-32-characters!';
  let personId = 0;
  let districtId = 0;
  const own = ownServer({ GZ_JWT_SECRET: SECRET, GZ_JWT_ISSUER: 'portal-sso', GZ_PRODUCTION: 'true' }, async (em) => {
    const person = em.create(Person, { name: '张三' } as never);
    const district = em.create(Area, { kind: 'DISTRICT', name: '登录区', path: '', depth: 0 } as never);
    await em.flush();
    district.path = `/${district.id}/`;
    em.create(RoleAssignment, { person, role: 'ADMINISTRATOR', area: district, startsOn: '2024-01-01' } as never);
    await em.flush();
    personId = person.id;
    districtId = district.id;
  });

  const sign = (claims: { sub?: string; iss?: string; aud?: string; exp?: string | number }) => {
    const jwt = new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(claims.iss ?? 'portal-sso')
      .setAudience(claims.aud ?? 'gongzhi-api');
    if (claims.sub) jwt.setSubject(claims.sub);
    jwt.setExpirationTime(claims.exp ?? '5m');
    return jwt.sign(new TextEncoder().encode(SECRET));
  };
  const ask = async (token: string, q: string) => {
    const res = await fetch(own.server.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: q }),
    });
    return { status: res.status, body: (await res.json()) as { data?: any; errors?: { message: string; extensions: { code: string } }[] } };
  };

  it('accepts a valid token and audits the person’s changes under their name', async () => {
    const token = await sign({ sub: String(personId) });
    expect((await ask(token, '{ viewer { databaseId name } }')).body.data).toEqual({ viewer: { databaseId: personId, name: '张三' } });
    const created = await ask(
      token,
      `mutation { createArea(input: { kind: STREET, name: "登录街道", parent: "${toGlobalId('Area', districtId)}" }) { area { databaseId } userErrors { code } } }`,
    );
    const areaId = created.body.data.createArea.area.databaseId;
    const [record] = await own.orm.em.fork().find(AuditRecord, { action: 'area.create', objectId: areaId });
    expect(record).toMatchObject({ actorKind: 'PERSON', actorId: personId });
  });

  it.each([
    ['expired', { exp: Math.floor(Date.now() / 1000) - 60 }, /exp/],
    ['for another audience', { aud: 'someone-else' }, /aud/],
    ['from another issuer', { iss: 'evil' }, /iss/],
    ['without a subject', { sub: undefined }, /sub/],
    ['for an unknown person', { sub: '999999' }, /no known person/],
  ])('refuses a token %s', async (_what, claims, reason) => {
    const token = await sign({ sub: String(personId), ...claims, ...('sub' in claims ? { sub: claims.sub } : {}) });
    const r = await ask(token, '{ viewer { id } }');
    expect(r.status).toBe(401);
    expect(r.body.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(r.body.errors?.[0].message).toMatch(reason);
  });

  it('issues no development tokens in production', async () => {
    const token = await sign({ sub: String(personId) });
    const r = await ask(token, `mutation { issueDevelopmentToken(input: { person: "${toGlobalId('Person', personId)}" }) { token } }`);
    expect(r.status).toBe(403);
    expect(r.body.errors?.[0].extensions.code).toBe('FORBIDDEN');
  });

  it('signs subscribers in through connection parameters, and turns away a bad token', async () => {
    const url = own.server.graphqlUrl.replace(/^http/, 'ws');
    const good = createClient({
      url,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${await sign({ sub: String(personId) })}` },
    });
    await expect(
      new Promise((resolve, reject) => {
        good.on('connected', resolve);
        good.on('closed', reject);
        good.subscribe({ query: 'subscription { areaChanged { action } }' }, { next: () => {}, error: reject, complete: () => {} });
      }),
    ).resolves.toBeDefined();
    await good.dispose();
    const bad = createClient({ url, webSocketImpl: WebSocket, retryAttempts: 0, connectionParams: { authorization: 'Bearer nonsense' } });
    const closed = await new Promise<{ code: number }>((resolve) => {
      bad.on('closed', (event) => resolve(event as { code: number }));
      bad.subscribe({ query: 'subscription { areaChanged { action } }' }, { next: () => {}, error: () => {}, complete: () => {} });
    });
    expect(closed.code).toBe(4403);
    await bad.dispose();
  });
});
