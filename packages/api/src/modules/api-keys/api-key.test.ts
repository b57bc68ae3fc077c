import { describe, expect, it } from 'vitest';
import { ask, query } from '../../test/client.js';
import { signInAs } from '../../test/fixtures.js';

const CREATE = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) {
  secret apiKey { id name prefix scopes organization { id } createdBy { id } lastUsedAt revokedAt } userErrors { field code } } }`;

async function aCompany(): Promise<string> {
  return (await query('{ organizations(first: 1, filter: { kind: [PROPERTY_COMPANY] }, orderBy: { field: ID }) { nodes { id } } }'))
    .organizations.nodes[0].id;
}

describe('API keys', () => {
  it('an administrator creates a key for a company; it is shown once and works at once', async () => {
    const admin = await signInAs('ADMINISTRATOR');
    const company = await aCompany();
    const created = await ask(admin.token, CREATE, {
      input: { organization: company, name: '红心物业同步', scopes: ['WRITE_PROPERTY', 'READ_PUBLIC'] },
    });
    const { secret, apiKey, userErrors } = created.body.data.createApiKey;
    expect(userErrors).toEqual([]);
    expect(secret).toMatch(/^gzk_[A-Za-z0-9]{12}_[A-Za-z0-9_-]{43}$/);
    expect(secret.startsWith(`gzk_${apiKey.prefix}_`)).toBe(true);
    expect(apiKey).toMatchObject({
      name: '红心物业同步',
      scopes: ['READ_PUBLIC', 'WRITE_PROPERTY'],
      organization: { id: company },
      createdBy: { id: admin.personId },
    });

    const asMachine = await ask(secret, '{ viewer { id } areas(first: 1) { totalCount } }');
    expect(asMachine.status).toBe(200);
    expect(asMachine.body.data.viewer).toBeNull();

    const listed = await ask(admin.token, '{ apiKeys(first: 50) { nodes { id prefix lastUsedAt } } }');
    const mine = listed.body.data.apiKeys.nodes.find((k: { id: string }) => k.id === apiKey.id);
    expect(mine.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(listed.body)).not.toContain(secret.slice(-20));
  });

  it('a key may change nothing its scopes do not allow', async () => {
    const admin = await signInAs('ADMINISTRATOR');
    const { secret } = (
      await ask(admin.token, CREATE, { input: { organization: await aCompany(), name: '只读', scopes: ['READ_PUBLIC'] } })
    ).body.data.createApiKey;
    const station = (await query('{ stations(first: 1, orderBy: { field: ID }) { nodes { id } } }')).stations.nodes[0];
    const r = await ask(secret, `mutation($input: UpdateStationInput!) { updateStation(input: $input) { userErrors { code } } }`, {
      input: { id: station.id, phone: '0435-7654321' },
    });
    expect(r.status).toBe(403);
    expect(r.body.errors?.[0].extensions.code).toBe('FORBIDDEN');
  });

  it('revoking a key takes effect on the next request', async () => {
    const admin = await signInAs('ADMINISTRATOR');
    const { secret, apiKey } = (
      await ask(admin.token, CREATE, { input: { organization: await aCompany(), name: '将撤销', scopes: ['READ_STATS'] } })
    ).body.data.createApiKey;
    expect((await ask(secret, '{ areas(first: 1) { totalCount } }')).status).toBe(200);
    const revoked = await ask(
      admin.token,
      `mutation($id: ID!) { revokeApiKey(input: { id: $id }) { apiKey { revokedAt } userErrors { code } } }`,
      { id: apiKey.id },
    );
    expect(revoked.body.data.revokeApiKey.apiKey.revokedAt).not.toBeNull();
    const after = await ask(secret, '{ areas(first: 1) { totalCount } }');
    expect(after.status).toBe(401);
    expect(after.body.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a key that was never issued', async () => {
    const r = await ask(`gzk_AAAAAAAAAAAA_${'B'.repeat(43)}`, '{ areas(first: 1) { totalCount } }');
    expect(r.status).toBe(401);
    expect(r.body.errors?.[0].message).toMatch(/API key is not valid/);
  });

  it('only administrators manage keys, and only for organisations in their area', async () => {
    const company = await aCompany();
    const worker = await signInAs('GRID_WORKER');
    for (const credential of [null, worker.token]) {
      const r = await ask(credential, CREATE, { input: { organization: company, name: 'x', scopes: ['READ_PUBLIC'] } });
      expect(r.status).toBe(403);
      expect(r.body.errors?.[0].extensions.code).toBe('FORBIDDEN');
      expect((await ask(credential, '{ apiKeys { totalCount } }')).status).toBe(403);
    }
    // A street's administrator sees nothing of a company sitting elsewhere in the district.
    const companyArea = (
      await query(`query($id: ID!) { node(id: $id) { ... on Organization { area { ancestors { id kind } } } } }`, { id: company })
    ).node.area;
    const street = companyArea.ancestors.find((a: { kind: string }) => a.kind === 'STREET')?.id;
    const streets = (await query('{ areas(first: 10, filter: { kind: [STREET] }, orderBy: { field: ID }) { nodes { id } } }')).areas.nodes;
    const otherStreet = streets.find((s: { id: string }) => s.id !== street).id;
    const streetAdmin = await signInAs('ADMINISTRATOR', otherStreet);
    const r = await ask(streetAdmin.token, CREATE, { input: { organization: company, name: 'x', scopes: ['READ_PUBLIC'] } });
    expect(r.body.data.createApiKey).toEqual({
      secret: null,
      apiKey: null,
      userErrors: [{ field: ['input', 'organization'], code: 'NOT_FOUND' }],
    });
  });
});
