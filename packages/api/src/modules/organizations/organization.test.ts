import { describe, expect, it } from 'vitest';
import { gql, query } from '../../test/client.js';
import { firstArea, scratchCommunity, uniqueName } from '../../test/fixtures.js';

describe('organisations', () => {
  it('49 property companies, 34 of them with a party organisation', async () => {
    const district = await firstArea('DISTRICT');
    const data = await query(
      `query($d: ID) {
      all: organizations(filter: { within: $d, kind: [PROPERTY_COMPANY] }) { totalCount }
      withParty: organizations(filter: { within: $d, kind: [PROPERTY_COMPANY], hasPartyOrganization: true }) { totalCount nodes { partyOrganizations { nodes { kind host { id } } } } }
      without: organizations(filter: { within: $d, kind: [PROPERTY_COMPANY], hasPartyOrganization: false }) { totalCount }
    }`,
      { d: district.id },
    );
    expect(data.all.totalCount).toBe(49);
    expect(data.withParty.totalCount).toBe(34);
    expect(data.without.totalCount).toBe(15);
    for (const company of data.withParty.nodes) {
      expect(company.partyOrganizations.nodes[0].kind).toBe('PARTY_ORGANIZATION');
    }
  });

  it('property companies list the compounds they manage', async () => {
    const data = await query(
      `{ organizations(first: 100, filter: { kind: [PROPERTY_COMPANY] }) { nodes { id managedCompounds(first: 100) { totalCount nodes { kind manager { id } } } } } }`,
    );
    const managed = data.organizations.nodes.flatMap((o: any) => o.managedCompounds.nodes.map((c: any) => [o.id, c]));
    expect(managed.length).toBeGreaterThanOrEqual(99);
    for (const [id, c] of managed) expect(c).toEqual({ kind: 'COMPOUND', manager: { id } });
  });

  it('creates a unit answerable for a community and a station, and an alliance with members', async () => {
    const community = { id: (await scratchCommunity()).community };
    const station = await query(`{ stations(first: 1) { nodes { id } } }`);
    const unit = await gql(
      `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) {
        organization { id kind name area { id } responsibilities { totalCount nodes { area { id } station { id } unit { name } } } }
        userErrors { field message code } } }`,
      {
        input: {
          kind: 'UNIT',
          name: uniqueName('测试局'),
          area: community.id,
          responsibleFor: [community.id, station.stations.nodes[0].id],
        },
      },
    );
    expect(unit.data?.createOrganization.userErrors).toEqual([]);
    const org = unit.data?.createOrganization.organization;
    expect(org.responsibilities.totalCount).toBe(2);

    const alliance = await gql(
      `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) {
        organization { id members { totalCount nodes { id alliances { nodes { kind } } } } } userErrors { field code } } }`,
      { input: { kind: 'ALLIANCE', name: uniqueName('党建联盟'), area: community.id, members: [org.id] } },
    );
    expect(alliance.data?.createOrganization.userErrors).toEqual([]);
    expect(alliance.data?.createOrganization.organization.members.nodes[0].id).toBe(org.id);

    const renamed = await gql(
      `mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { organization { name responsibilities { totalCount } } userErrors { code } } }`,
      { input: { id: org.id, name: '改名后的局', responsibleFor: [] } },
    );
    expect(renamed.data?.updateOrganization.organization).toEqual({ name: '改名后的局', responsibilities: { totalCount: 0 } });
  });

  it('checks kind-specific fields', async () => {
    const r = await gql(
      `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id } userErrors { field code } } }`,
      {
        input: {
          kind: 'PARTY_ORGANIZATION',
          name: '没有级别的支部',
          area: (await scratchCommunity()).community,
          propertyCompanyKind: 'MARKET',
          members: [],
        },
      },
    );
    const fields = r.data?.createOrganization.userErrors.map((e: { field: string[] }) => e.field[1]);
    expect(fields).toEqual(expect.arrayContaining(['partyLevel', 'propertyCompanyKind']));
  });
});

describe('people and their roles', () => {
  it('finds the grid workers of a community, with their roles', async () => {
    const community = await firstArea('COMMUNITY');
    const data = await query(
      `query($c: ID) { people(first: 100, filter: { within: $c, role: [GRID_WORKER] }) {
      totalCount nodes { name roles { nodes { role area { kind ancestors { id } } } } } } }`,
      { c: community.id },
    );
    expect(data.people.totalCount).toBeGreaterThan(0);
    for (const person of data.people.nodes) {
      const worker = person.roles.nodes.find((r: { role: string }) => r.role === 'GRID_WORKER');
      expect(worker.area.ancestors.map((a: { id: string }) => a.id)).toContain(community.id);
    }
  });
});
