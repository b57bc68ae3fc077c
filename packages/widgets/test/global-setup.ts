import { serveDemo } from '@gongzhi/api/test/serve-demo';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';
import { servePortal } from '../../../examples/portal/serve.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The real API's GraphQL URL, over a fresh database with the demo district (scale 1). */
    graphqlUrl: string;
    /** Global IDs of the seeded districts. */
    districtIds: string[];
    /** A valid development token of a seeded person. */
    token: string;
    /** A development token of the operator, an ADMINISTRATOR of every district: it lists people and manages proposals. */
    operatorToken: string;
    /** The example portal page, served with the built single-file bundle. */
    portalUrl: string;
    /** A community of the first district with the people the wish board's tests act as. */
    wishCommunity: string;
    /** Development tokens, by role in `wishCommunity`: an owner (resident), two party members with no staff role, a committee member. */
    wishTokens: { resident: string; claimer: string; secondClaimer: string; staff: string };
  }
}

/** One real API server for the widgets' browser tests, and the portal page's static server. */
export default async function setup(project: TestProject) {
  // The portal page loads dist/gongzhi-widgets.js: test the bundle as the sources are now.
  await build({ root: project.config.root, mode: 'bundle', logLevel: 'warn' });
  const demo = await serveDemo({ kind: 'postgres', scale: 1 });
  const portal = await servePortal({ port: 0 });
  project.provide('graphqlUrl', demo.graphqlUrl);
  project.provide(
    'districtIds',
    demo.districts.map((district) => district.id),
  );
  project.provide('token', demo.token);
  project.provide('operatorToken', demo.operatorToken);
  project.provide('portalUrl', portal.url);
  const people = await wishPeople(demo.graphqlUrl, demo.operatorToken, demo.districts[0].id);
  project.provide('wishCommunity', people.community);
  project.provide('wishTokens', people.tokens);
  return async () => {
    await portal.close();
    await demo.close();
  };
}

async function graphql<T>(url: string, token: string | null, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data: T; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/** Roles that neither review wishes nor see people (as in packages/api's wish tests). */
const PLAIN = ['OWNER', 'RESIDENT', 'BUILDING_HEAD', 'VOLUNTEER', 'IN_SERVICE_PARTY_MEMBER'];

/** A community with a resident, two plain party members and a committee member, and their tokens (the operator lists people). */
async function wishPeople(url: string, operatorToken: string, district: string) {
  const { areas } = await graphql<{ areas: { nodes: { id: string }[] } }>(
    url,
    operatorToken,
    'query($d: ID) { areas(first: 30, filter: { kind: [COMMUNITY], within: $d }, orderBy: { field: ID }) { nodes { id } } }',
    { d: district },
  );
  const holders = async (role: string, within: string, alsoAllowed: string[]) => {
    const { people } = await graphql<{ people: { nodes: { id: string; roles: { nodes: { role: string }[] } }[] } }>(
      url,
      operatorToken,
      `query($w: ID) { people(first: 100, filter: { role: [${role}], within: $w }, orderBy: { field: ID }) { nodes { id roles(first: 10) { nodes { role } } } } }`,
      { w: within },
    );
    return people.nodes
      .filter((person) => person.roles.nodes.every((r) => r.role === role || alsoAllowed.includes(r.role)))
      .map((p) => p.id);
  };
  const token = async (person: string) =>
    (
      await graphql<{ issueDevelopmentToken: { token: string } }>(
        url,
        null,
        'mutation($p: ID!) { issueDevelopmentToken(input: { person: $p, minutes: 720 }) { token } }',
        { p: person },
      )
    ).issueDevelopmentToken.token;
  for (const { id } of areas.nodes) {
    const [resident] = await holders('OWNER', id, PLAIN);
    const claimers = await holders('PARTY_MEMBER', id, PLAIN);
    const [staff] = await holders('COMMUNITY_COMMITTEE_MEMBER', id, ['PARTY_MEMBER', ...PLAIN]);
    if (!resident || claimers.length < 2 || !staff) continue;
    return {
      community: id,
      tokens: {
        resident: await token(resident),
        claimer: await token(claimers[0]),
        secondClaimer: await token(claimers[1]),
        staff: await token(staff),
      },
    };
  }
  throw new Error(`no community of ${district} has a resident, two party members and a committee member`);
}
