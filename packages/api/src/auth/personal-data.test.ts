import { describe, expect, it } from 'vitest';
import { ask, graphqlUrl, query } from '../test/client.js';
import { tokenForPerson } from '../test/fixtures.js';

const askData = async (credential: string | null, q: string, variables: Record<string, unknown> = {}) =>
  (await ask(credential, q, variables)).body.data;

const PEOPLE = `query($within: ID, $role: [RoleKind!]) { people(first: 20, filter: { within: $within, role: $role }, orderBy: { field: ID }) {
  nodes { id name phone idNumber } } }`;
const MASKED_NAME = /^.\*+.?$/u;

async function twoCommunities(): Promise<[string, string]> {
  const nodes = (await query('{ areas(first: 2, filter: { kind: [COMMUNITY] }, orderBy: { field: ID }) { nodes { id } } }')).areas.nodes;
  return [nodes[0].id, nodes[1].id];
}

describe('personal data is masked for those who may not read it', () => {
  it('anonymous callers see every name, phone and ID number masked', async () => {
    const data = await askData(null, PEOPLE, {});
    expect(data.people.nodes.length).toBe(20);
    for (const p of data.people.nodes) {
      expect(p.name).toMatch(MASKED_NAME);
      expect(p.phone).toMatch(/^\d{3}\*+\d{4}$/);
      expect(p.idNumber).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    }
  });

  it('a grid worker reads the people of their grid in the clear, and no one else', async () => {
    const [community, other] = await twoCommunities();
    const grid = (
      await query(`query($c: ID) { areas(first: 1, filter: { within: $c, kind: [GRID] }, orderBy: { field: ID }) { nodes { id } } }`, {
        c: community,
      })
    ).areas.nodes[0].id;
    const worker = (await query(PEOPLE, { within: grid, role: ['GRID_WORKER'] })).people.nodes[0];
    const token = await tokenForPerson(worker.id);
    const mine = await askData(token, PEOPLE, { within: grid });
    expect(mine.people.nodes.some((p: { name: string }) => !MASKED_NAME.test(p.name))).toBe(true);
    for (const p of mine.people.nodes) expect(p.phone).toMatch(/^1\d{10}$|^0\d{2,3}-\d{7,8}$/);
    const elsewhere = await askData(token, PEOPLE, { within: other, role: ['COMMUNITY_COMMITTEE_MEMBER'] });
    for (const p of elsewhere.people.nodes) expect(p.name).toMatch(MASKED_NAME);
  });

  it('everyone reads their own data in the clear', async () => {
    const someone = (await query(PEOPLE, { role: ['OWNER'] })).people.nodes[0];
    const me = await askData(await tokenForPerson(someone.id), '{ viewer { name phone idNumber } }');
    expect(me.viewer.name).not.toMatch(MASKED_NAME);
    expect(me.viewer.phone).not.toContain('*');
    expect(me.viewer.idNumber).not.toContain('*');
  });

  it('a household’s exact address is masked wherever it appears, unless you may read it', async () => {
    const household = (
      await query('{ areas(first: 1, filter: { kind: [HOUSEHOLD] }, orderBy: { field: ID }) { nodes { id ancestors { id kind } } } }')
    ).areas.nodes[0];
    const HOUSE = `query($id: ID!) { node(id: $id) { ... on Area { name } } }`;
    // Anonymous callers do not see households at all; an auditor sees them, masked.
    expect((await askData(null, HOUSE, { id: household.id })).node).toBeNull();
    const auditor = (await query(PEOPLE, { within: household.ancestors[0].id, role: ['AUDITOR'] })).people.nodes[0];
    const masked = (await askData(await tokenForPerson(auditor.id), HOUSE, { id: household.id })).node.name;
    expect(masked).toMatch(/\*/);
    const grid = household.ancestors.find((a: { kind: string }) => a.kind === 'GRID').id;
    const worker = (await query(PEOPLE, { within: grid, role: ['GRID_WORKER'] })).people.nodes[0];
    const clear = (await askData(await tokenForPerson(worker.id), HOUSE, { id: household.id })).node.name;
    expect(clear).not.toMatch(/\*/);
    expect(clear.slice(0, 2)).toBe(masked.slice(0, 2));
  });

  it('a key with the read:personal scope reads the people of its organisation’s area', async () => {
    const admin = (await query(PEOPLE, { role: ['ADMINISTRATOR'] })).people.nodes[0];
    const company = (
      await query('{ organizations(first: 1, filter: { kind: [PROPERTY_COMPANY] }, orderBy: { field: ID }) { nodes { id area { id } } } }')
    ).organizations.nodes[0];
    const create = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }`;
    const adminToken = await tokenForPerson(admin.id);
    const personal = (
      await askData(adminToken, create, { input: { organization: company.id, name: 'personal', scopes: ['READ_PERSONAL'] } })
    ).createApiKey.secret;
    const plain = (await askData(adminToken, create, { input: { organization: company.id, name: 'plain', scopes: ['READ_PUBLIC'] } }))
      .createApiKey.secret;
    const inArea = { within: company.area.id };
    const withScope = (await askData(personal, PEOPLE, inArea)).people.nodes;
    const without = (await askData(plain, PEOPLE, inArea)).people.nodes;
    expect(withScope.length).toBeGreaterThan(0);
    expect(withScope.every((p: { phone: string }) => !p.phone.includes('*'))).toBe(true);
    expect(without.every((p: { phone: string }) => p.phone.includes('*'))).toBe(true);
  });
});

describe('searching people by name', () => {
  it('needs read:personal, and finds only people where the caller has it', async () => {
    const anonymous = await fetch(graphqlUrl(), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ people(filter: { nameContains: "王" }) { totalCount } }' }),
    });
    expect(anonymous.status).toBe(403);
    const [community, other] = await twoCommunities();
    const worker = (await query(PEOPLE, { within: community, role: ['GRID_WORKER'] })).people.nodes[0];
    const token = await tokenForPerson(worker.id);
    const me = await askData(token, '{ viewer { name } }');
    const surname = [...me.viewer.name][0];
    const found = await askData(token, `query($n: String) { people(first: 100, filter: { nameContains: $n }) { nodes { name } } }`, {
      n: surname,
    });
    expect(found.people.nodes.length).toBeGreaterThan(0);
    for (const p of found.people.nodes) expect(p.name).not.toMatch(MASKED_NAME);
    const elsewhere = await askData(
      token,
      `query($n: String, $w: ID) { people(filter: { nameContains: $n, within: $w }) { totalCount } }`,
      {
        n: surname,
        w: other,
      },
    );
    expect(elsewhere.people.totalCount).toBe(0);
  });
});
