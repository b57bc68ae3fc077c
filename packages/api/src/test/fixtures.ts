import { query } from './client.js';

/** The demo district's first area of a kind, found through the API. */
export async function firstArea(kind: string, within?: string): Promise<{ id: string; name: string; databaseId: number }> {
  const data = await query<{ areas: { nodes: { id: string; name: string; databaseId: number }[] } }>(
    `query($kind: [AreaKind!], $within: ID) { areas(first: 1, filter: { kind: $kind, within: $within }, orderBy: { field: ID }) { nodes { id name databaseId } } }`,
    { kind: [kind], within },
  );
  const area = data.areas.nodes[0];
  if (!area) throw new Error(`no ${kind} in the demo data`);
  return area;
}

export async function count(entityQuery: string): Promise<number> {
  const data = await query<Record<string, { totalCount: number }>>(`{ c: ${entityQuery} { totalCount } }`);
  return data.c.totalCount;
}

export function uniqueName(prefix: string): string {
  return `${prefix} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/**
 * A street and community of the test's own, in the second demo district, so tests that write
 * leave the first district exactly as seeded for the tests that count it.
 */
export async function scratchCommunity(): Promise<{ district: string; street: string; community: string }> {
  const create = async (kind: string, parent: string) => {
    const data = await query<{ createArea: { area: { id: string }; userErrors: unknown[] } }>(
      `mutation($input: CreateAreaInput!) { createArea(input: $input) { area { id } userErrors { field message code } } }`,
      { input: { kind, name: uniqueName(`测试${kind}`), parent } },
    );
    if (data.createArea.userErrors.length) throw new Error(JSON.stringify(data.createArea.userErrors));
    return data.createArea.area.id;
  };
  const districts = await query<{ areas: { nodes: { id: string }[] } }>(
    '{ areas(first: 2, filter: { kind: [DISTRICT] }, orderBy: { field: ID }) { nodes { id } } }',
  );
  const district = districts.areas.nodes[1].id;
  const street = await create('STREET', district);
  const community = await create('COMMUNITY', street);
  return { district, street, community };
}

/** A token for a person, from the development token mutation. */
export async function tokenForPerson(personId: string): Promise<string> {
  const issued = await query<{ issueDevelopmentToken: { token: string } }>(
    'mutation($p: ID!) { issueDevelopmentToken(input: { person: $p }) { token } }',
    { p: personId },
  );
  return issued.issueDevelopmentToken.token;
}

/**
 * Signs in as the first person (by ID) holding `role`, in `within`'s subtree if given, and no
 * other role: a grid worker who also owns a flat would test two roles at once.
 */
export async function signInAs(role: string, within?: string): Promise<{ token: string; personId: string }> {
  const found = await query<{ people: { nodes: { id: string; roles: { nodes: { role: string }[] } }[] } }>(
    `query($w: ID) { people(first: 100, filter: { role: [${role}], within: $w }, orderBy: { field: ID }) {
      nodes { id roles(first: 20) { nodes { role } } } } }`,
    { w: within },
  );
  const only = found.people.nodes.find((p) => p.roles.nodes.every((r) => r.role === role));
  if (!only) throw new Error(`nobody holds ${role} alone${within ? ` in ${within}` : ''}`);
  const personId = only.id;
  return { token: await tokenForPerson(personId), personId };
}

/** An API key of `organization` with `scopes`, made by the test operator (an administrator there). */
export async function apiKeyOf(organization: string, scopes: string[]): Promise<string> {
  const data = await query<{ createApiKey: { secret: string } }>(
    'mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { secret } }',
    {
      i: { organization, name: uniqueName('测试密钥'), scopes },
    },
  );
  return data.createApiKey.secret;
}

/** A property company sitting in `community`, managing a compound of its own there, with a WRITE_PROPERTY key. */
export async function propertyCompany(community: string, name: string): Promise<{ organization: string; compound: string; key: string }> {
  const org = await query<{ createOrganization: { organization: { id: string } | null; userErrors: unknown[] } }>(
    'mutation($i: CreateOrganizationInput!) { createOrganization(input: $i) { organization { id } userErrors { field message } } }',
    { i: { kind: 'PROPERTY_COMPANY', name: uniqueName(name), area: community, propertyCompanyKind: 'MARKET' } },
  );
  const organization = org.createOrganization.organization?.id;
  if (!organization) throw new Error(JSON.stringify(org.createOrganization.userErrors));
  const area = await query<{ createArea: { area: { id: string } | null; userErrors: unknown[] } }>(
    'mutation($i: CreateAreaInput!) { createArea(input: $i) { area { id } userErrors { field message } } }',
    { i: { kind: 'COMPOUND', name: uniqueName(`${name}小区`), parent: community, management: 'PROPERTY_COMPANY', manager: organization } },
  );
  const compound = area.createArea.area?.id;
  if (!compound) throw new Error(JSON.stringify(area.createArea.userErrors));
  return { organization, compound, key: await apiKeyOf(organization, ['WRITE_PROPERTY']) };
}
