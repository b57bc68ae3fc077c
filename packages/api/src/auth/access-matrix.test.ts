/**
 * The access matrix (issue #3): every root field, `node` on every type, and every mutation,
 * asked by eight kinds of caller. Each cell names the outcome it expects; and wherever a caller
 * may not read personal data in the clear, the raw answer must not contain any of the subjects'
 * personal values. Later modules add their rows here.
 *
 * The subjects live in the second demo district (tests write there; the first stays as seeded).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ask, operatorToken, query, type RawResponse } from '../test/client.js';
import { signInAs, tokenForPerson, uniqueName } from '../test/fixtures.js';

const CALLERS = [
  'anonymous',
  'resident',
  'gridWorker',
  'communityStaff',
  'streetAdmin',
  'otherDistrictAdmin',
  'companyKey',
  'dataTeamKey',
] as const;
type Caller = (typeof CALLERS)[number];

/**
 * What a cell may come to. `clear`/`masked`: the object, personal fields in the clear or masked;
 * `public`: data with nothing personal in it; `own`: only the caller's own; `hidden`: null or
 * nothing, as if it did not exist; `forbidden`: 403 FORBIDDEN; `not-found`: a NOT_FOUND user
 * error; `ok`: the change was made.
 */
type Outcome =
  | 'clear'
  | 'masked'
  | 'public'
  | 'own'
  | 'hidden'
  | 'forbidden'
  | 'not-found'
  | 'not-claimer'
  | 'not-on-roll'
  | 'too-early'
  | 'not-handler'
  | 'not-reporter'
  | 'ok';

interface Subjects {
  district: string;
  street: string;
  community: string;
  grid: string;
  household: { id: string; name: string; ancestors: { compound: string } };
  /** The household the resident caller owns. */
  residentHome: string;
  /** A unit sitting in the community. */
  unit: string;
  /** An owner in the household, holding no other role and on no station's staff. */
  owner: { id: string; name: string; phone: string; idNumber: string; role: string };
  station: string;
  /** A station's staff member whose roles are in the community but not in the grid. */
  staff: { id: string; name: string; phone: string; staffId: string };
  service: string;
  organization: string;
  responsibility: string;
  company: string;
  /** A party member of the community holding no staff role: claims the wishes the rows need claimed. */
  partyMember: string;
  openWish: string;
  pendingWish: string;
  /** The compound of the resident caller's home: where the proposals of the rows are put to the vote. */
  residentCompound: string;
  /** A proposal published (in its notice period) and one only proposed, both by the operator. */
  publishedProposal: string;
  draftProposal: string;
  notice: string;
  /** A request of the resident caller's, in the grid, submitted for them by the operator. */
  request: { id: string; trackingCode: string };
}

const S = {} as Subjects;
const credentials = {} as Record<Caller, string | null>;
const residentId = { value: '' };

const MASKED = /\*/;

/** Reads a nested value out of `data` by a dotted path. */
function at(response: RawResponse, path: string): unknown {
  return path.split('.').reduce<unknown>((v, key) => (v == null ? v : (v as Record<string, unknown>)[key]), response.body.data);
}

function errorCode(r: RawResponse): string | undefined {
  return r.body.errors?.[0]?.extensions?.code;
}

/** The outcome of a read whose answer at `path` is an object with a personal field `field`. */
const personal =
  (path: string, field: string) =>
  (r: RawResponse): Outcome | string => {
    if (errorCode(r)) return errorCode(r) === 'FORBIDDEN' ? 'forbidden' : `error ${errorCode(r)}`;
    const value = at(r, path) as Record<string, unknown> | null;
    if (value == null) return 'hidden';
    return MASKED.test(String(value[field])) ? 'masked' : 'clear';
  };

/** The outcome of a read that returns public data at `path` (an object, or a connection's nodes). */
const publicData =
  (path: string) =>
  (r: RawResponse): Outcome | string => {
    if (errorCode(r)) return errorCode(r) === 'FORBIDDEN' ? 'forbidden' : `error ${errorCode(r)}`;
    const value = at(r, path);
    if (value == null || (Array.isArray(value) && value.length === 0)) return 'hidden';
    return 'public';
  };

/** A list at `path` with a personal `field` on each node. */
const personalList =
  (path: string, field: string, own?: () => string) =>
  (r: RawResponse): Outcome | string => {
    if (errorCode(r)) return errorCode(r) === 'FORBIDDEN' ? 'forbidden' : `error ${errorCode(r)}`;
    const nodes = (at(r, path) ?? []) as Record<string, unknown>[];
    if (!nodes.length) return 'hidden';
    if (own && nodes.length === 1 && nodes[0].id === own()) return 'own';
    return nodes.every((n) => MASKED.test(String(n[field])))
      ? 'masked'
      : nodes.some((n) => MASKED.test(String(n[field])))
        ? 'mixed'
        : 'clear';
  };

/** A mutation's payload at `path`: made, refused as not found, or forbidden. */
const change =
  (path: string) =>
  (r: RawResponse): Outcome | string => {
    if (errorCode(r)) return errorCode(r) === 'FORBIDDEN' ? 'forbidden' : `error ${errorCode(r)}`;
    const payload = at(r, path) as { userErrors?: { code: string }[] } | null;
    const codes = payload?.userErrors?.map((e) => e.code) ?? [];
    if (!codes.length) return 'ok';
    if (codes.includes('NOT_CLAIMER')) return 'not-claimer';
    if (codes.includes('NOT_ON_ROLL')) return 'not-on-roll';
    if (codes.includes('TOO_EARLY')) return 'too-early';
    if (codes.includes('NOT_HANDLER')) return 'not-handler';
    if (codes.includes('NOT_REPORTER')) return 'not-reporter';
    return codes.includes('NOT_FOUND') ? 'not-found' : `user error ${codes.join(',')}`;
  };

interface Row {
  name: string;
  query: string;
  variables: () => Record<string, unknown> | Promise<Record<string, unknown>>;
  outcome: (r: RawResponse) => Outcome | string;
  expect: Record<Caller, Outcome>;
}

/** Expectations in the order of CALLERS. */
function expected(...outcomes: Outcome[]): Record<Caller, Outcome> {
  return Object.fromEntries(CALLERS.map((c, i) => [c, outcomes[i]])) as Record<Caller, Outcome>;
}

const node = (fields: string) => `query($id: ID!) { node(id: $id) { id ${fields} } }`;

const MOVE_INPUT: Partial<Record<string, string>> = {
  reviewProposal: 'ReviewProposalInput',
  reportImplementation: 'ReportImplementationInput',
};
const MOVE_EXTRA: Partial<Record<string, Record<string, unknown>>> = {
  reviewProposal: { approve: true },
  reportImplementation: { report: '已实施。' },
};

const ROWS: Row[] = [
  // Root fields.
  {
    name: 'viewer',
    query: '{ viewer { id name } }',
    variables: () => ({}),
    outcome: (r) => (at(r, 'viewer') == null ? 'hidden' : 'own'),
    expect: expected('hidden', 'own', 'own', 'own', 'own', 'own', 'hidden', 'hidden'),
  },
  {
    name: 'areas: streets of the district',
    query: 'query($d: ID) { areas(first: 10, filter: { within: $d, kind: [STREET] }) { nodes { id name } } }',
    variables: () => ({ d: S.district }),
    outcome: publicData('areas.nodes'),
    expect: expected('public', 'public', 'public', 'public', 'public', 'public', 'public', 'public'),
  },
  {
    name: 'areas: households of the grid',
    query: 'query($g: ID) { areas(first: 100, filter: { within: $g, kind: [HOUSEHOLD] }) { nodes { id name } } }',
    variables: () => ({ g: S.grid }),
    outcome: personalList('areas.nodes', 'name', () => S.residentHome),
    expect: expected('hidden', 'own', 'clear', 'clear', 'clear', 'hidden', 'hidden', 'hidden'),
  },
  {
    name: 'organizations',
    query: 'query($d: ID) { organizations(first: 5, filter: { within: $d }) { nodes { id name } } }',
    variables: () => ({ d: S.district }),
    outcome: publicData('organizations.nodes'),
    expect: expected('public', 'public', 'public', 'public', 'public', 'public', 'public', 'public'),
  },
  {
    name: 'people: the owners of a household',
    query: 'query($h: ID) { people(first: 20, filter: { within: $h, role: [OWNER] }) { nodes { id name phone } } }',
    variables: () => ({ h: S.household.id }),
    outcome: personalList('people.nodes', 'name'),
    expect: expected('hidden', 'hidden', 'clear', 'clear', 'clear', 'hidden', 'hidden', 'hidden'),
  },
  {
    name: 'people ordered by name: only names the caller may read',
    query: 'query($h: ID) { people(first: 20, filter: { within: $h }, orderBy: { field: NAME }) { nodes { id name } } }',
    variables: () => ({ h: S.grid }),
    outcome: personalList('people.nodes', 'name', () => residentId.value),
    expect: expected('hidden', 'own', 'clear', 'clear', 'clear', 'hidden', 'hidden', 'hidden'),
  },
  {
    name: 'stations',
    query: 'query($c: ID) { stations(first: 5, filter: { within: $c }) { nodes { id name openNow } } }',
    variables: () => ({ c: S.community }),
    outcome: publicData('stations.nodes'),
    expect: expected('public', 'public', 'public', 'public', 'public', 'public', 'public', 'public'),
  },
  {
    name: 'services',
    query: '{ services(first: 5) { nodes { id name } } }',
    variables: () => ({}),
    outcome: publicData('services.nodes'),
    expect: expected('public', 'public', 'public', 'public', 'public', 'public', 'public', 'public'),
  },
  {
    name: 'stationCoverage',
    query: 'query($c: ID!) { stationCoverage(area: $c) { households coveredHouseholds } }',
    variables: () => ({ c: S.community }),
    outcome: publicData('stationCoverage'),
    expect: expected('forbidden', 'forbidden', 'hidden', 'public', 'public', 'hidden', 'forbidden', 'public'),
  },
  {
    name: 'auditLog of the community',
    query: 'query($c: ID) { auditLog(first: 5, filter: { object: $c }) { nodes { action } } }',
    variables: () => ({ c: S.community }),
    outcome: publicData('auditLog.nodes'),
    expect: expected('forbidden', 'forbidden', 'forbidden', 'forbidden', 'public', 'hidden', 'forbidden', 'forbidden'),
  },
  {
    name: 'apiKeys',
    query: '{ apiKeys(first: 5) { nodes { id } } }',
    variables: () => ({}),
    outcome: (r) => (errorCode(r) === 'FORBIDDEN' ? 'forbidden' : errorCode(r) ? `error ${errorCode(r)}` : 'ok'),
    expect: expected('forbidden', 'forbidden', 'forbidden', 'forbidden', 'ok', 'ok', 'forbidden', 'forbidden'),
  },
  // The change feed and webhooks (#8): a property company's key with WRITE_PROPERTY, nobody else.
  ...(
    [
      ['changes', '{ changes(first: 5) { cursor events { id } } }'],
      ['changesCursor', '{ changesCursor }'],
      ['webhooks', '{ webhooks(first: 5) { nodes { id } } }'],
    ] as const
  ).map(
    ([name, query]): Row => ({
      name,
      query,
      variables: () => ({}),
      outcome: (r) => (errorCode(r) === 'FORBIDDEN' ? 'forbidden' : errorCode(r) ? `error ${errorCode(r)}` : 'ok'),
      expect: expected('forbidden', 'forbidden', 'forbidden', 'forbidden', 'forbidden', 'forbidden', 'ok', 'forbidden'),
    }),
  ),
  {
    name: 'nodes: a household and a station at once',
    query: 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }',
    variables: () => ({ ids: [S.household.id, S.station] }),
    outcome: (r) => {
      const [household, station] = (at(r, 'nodes') ?? []) as unknown[];
      if (station == null) return 'hidden';
      return household == null ? 'public' : 'clear';
    },
    expect: expected('public', 'public', 'clear', 'clear', 'clear', 'public', 'public', 'public'),
  },
  // `node` on every type.
  {
    name: 'node: Area (a household)',
    query: node('... on Area { name }'),
    variables: () => ({ id: S.household.id }),
    outcome: personal('node', 'name'),
    expect: expected('hidden', 'hidden', 'clear', 'clear', 'clear', 'hidden', 'hidden', 'hidden'),
  },
  {
    name: 'node: Area (a street)',
    query: node('... on Area { name }'),
    variables: () => ({ id: S.street }),
    outcome: publicData('node'),
    expect: expected('public', 'public', 'public', 'public', 'public', 'public', 'public', 'public'),
  },
  {
    name: 'node: Person (an owner)',
    query: node('... on Person { name phone idNumber }'),
    variables: () => ({ id: S.owner.id }),
    outcome: personal('node', 'name'),
    expect: expected('hidden', 'hidden', 'clear', 'clear', 'clear', 'hidden', 'hidden', 'hidden'),
  },
  {
    name: 'node: Person (station staff)',
    query: node('... on Person { name phone }'),
    variables: () => ({ id: S.staff.id }),
    outcome: personal('node', 'name'),
    expect: expected('masked', 'masked', 'masked', 'clear', 'clear', 'masked', 'masked', 'masked'),
  },
  {
    name: 'node: RoleAssignment (the owner’s)',
    query: node('... on RoleAssignment { role person { name } }'),
    variables: () => ({ id: S.owner.role }),
    outcome: personal('node.person', 'name'),
    expect: expected('hidden', 'hidden', 'clear', 'clear', 'clear', 'hidden', 'hidden', 'hidden'),
  },
  {
    name: 'node: Station, with its staff',
    query: node('... on Station { name staff(first: 20) { nodes { person { id name } } } }'),
    variables: () => ({ id: S.station }),
    outcome: (r) => {
      const staff = ((at(r, 'node.staff.nodes') ?? []) as { person: { id: string; name: string } }[]).find(
        (s) => s.person.id === S.staff.id,
      );
      if (!staff) return 'hidden';
      return MASKED.test(staff.person.name) ? 'masked' : 'clear';
    },
    expect: expected('masked', 'masked', 'masked', 'clear', 'clear', 'masked', 'masked', 'masked'),
  },
  {
    name: 'node: StationStaff',
    query: node('... on StationStaff { post person { name } }'),
    variables: () => ({ id: S.staff.staffId }),
    outcome: personal('node.person', 'name'),
    expect: expected('masked', 'masked', 'masked', 'clear', 'clear', 'masked', 'masked', 'masked'),
  },
  {
    name: 'node: Service',
    query: node('... on Service { name }'),
    variables: () => ({ id: S.service }),
    outcome: publicData('node'),
    expect: expected('public', 'public', 'public', 'public', 'public', 'public', 'public', 'public'),
  },
  {
    name: 'node: Organization',
    query: node('... on Organization { name }'),
    variables: () => ({ id: S.organization }),
    outcome: publicData('node'),
    expect: expected('public', 'public', 'public', 'public', 'public', 'public', 'public', 'public'),
  },
  {
    name: 'node: Responsibility',
    query: node('... on Responsibility { unit { name } }'),
    variables: () => ({ id: S.responsibility }),
    outcome: publicData('node'),
    expect: expected('public', 'public', 'public', 'public', 'public', 'public', 'public', 'public'),
  },
  {
    name: 'nested: a compound’s households (other than your own) and the roles held in them',
    query: `query($id: ID!) { node(id: $id) { ... on Area { children(first: 20) { nodes { children(first: 50) {
      nodes { id kind name roles(first: 3) { nodes { person { name } } } } } } } } } }`,
    variables: () => ({ id: S.household.ancestors.compound }),
    outcome: (r) => {
      if (errorCode(r)) return `error ${errorCode(r)}`;
      const buildings = (at(r, 'node.children.nodes') ?? []) as { children: { nodes: { id: string; kind: string }[] } }[];
      // Nothing but, perhaps, the caller's own home.
      const others = buildings.flatMap((b) => b.children.nodes).filter((h) => h.kind === 'HOUSEHOLD' && h.id !== S.residentHome);
      if (!others.length) return 'hidden';
      const text = JSON.stringify(r.body.data);
      return text.includes(S.household.name) ? 'clear' : 'masked';
    },
    expect: expected('hidden', 'hidden', 'clear', 'clear', 'clear', 'hidden', 'hidden', 'hidden'),
  },
  // Mutations.
  {
    name: 'issueDevelopmentToken (development mode: anyone)',
    query: 'mutation($p: ID!) { issueDevelopmentToken(input: { person: $p, minutes: 1 }) { expiresAt } }',
    variables: () => ({ p: S.owner.id }),
    outcome: (r) => (errorCode(r) ? `error ${errorCode(r)}` : 'ok'),
    expect: expected('ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'),
  },
  {
    name: 'createArea: a grid in the community',
    query: 'mutation($i: CreateAreaInput!) { createArea(input: $i) { area { id } userErrors { code } } }',
    variables: () => ({ i: { kind: 'GRID', name: uniqueName('矩阵网格'), parent: S.community } }),
    outcome: change('createArea'),
    expect: expected('forbidden', 'forbidden', 'forbidden', 'ok', 'ok', 'not-found', 'forbidden', 'forbidden'),
  },
  {
    name: 'updateArea: the community',
    query: 'mutation($i: UpdateAreaInput!) { updateArea(input: $i) { area { id } userErrors { code } } }',
    variables: () => ({ i: { id: S.community, code: null } }),
    outcome: change('updateArea'),
    expect: expected('forbidden', 'forbidden', 'forbidden', 'ok', 'ok', 'not-found', 'forbidden', 'forbidden'),
  },
  {
    name: 'createOrganization: a unit in the community',
    query: 'mutation($i: CreateOrganizationInput!) { createOrganization(input: $i) { organization { id } userErrors { code } } }',
    variables: () => ({ i: { kind: 'UNIT', name: uniqueName('矩阵单位'), area: S.community } }),
    outcome: change('createOrganization'),
    expect: expected('forbidden', 'forbidden', 'forbidden', 'forbidden', 'ok', 'not-found', 'forbidden', 'forbidden'),
  },
  {
    name: 'updateOrganization: a unit of the community',
    query: 'mutation($i: UpdateOrganizationInput!) { updateOrganization(input: $i) { organization { id } userErrors { code } } }',
    variables: () => ({ i: { id: S.unit } }),
    outcome: change('updateOrganization'),
    expect: expected('forbidden', 'forbidden', 'forbidden', 'forbidden', 'ok', 'not-found', 'forbidden', 'forbidden'),
  },
  {
    name: 'createStation: in the community',
    query: 'mutation($i: CreateStationInput!) { createStation(input: $i) { station { id } userErrors { code } } }',
    variables: () => ({ i: { name: uniqueName('矩阵站'), address: '矩阵路1号', latitude: 42.6, longitude: 125.7, area: S.community } }),
    outcome: change('createStation'),
    expect: expected('forbidden', 'forbidden', 'forbidden', 'ok', 'ok', 'not-found', 'forbidden', 'forbidden'),
  },
  {
    name: 'updateStation: the station',
    query: 'mutation($i: UpdateStationInput!) { updateStation(input: $i) { station { id } userErrors { code } } }',
    variables: () => ({ i: { id: S.station } }),
    outcome: change('updateStation'),
    expect: expected('forbidden', 'forbidden', 'forbidden', 'ok', 'ok', 'not-found', 'forbidden', 'forbidden'),
  },
  {
    name: 'createApiKey: for the property company',
    query: 'mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { secret userErrors { code } } }',
    variables: () => ({ i: { organization: S.company, name: uniqueName('矩阵密钥'), scopes: ['READ_PUBLIC'] } }),
    outcome: change('createApiKey'),
    expect: expected('forbidden', 'forbidden', 'forbidden', 'forbidden', 'ok', 'not-found', 'forbidden', 'forbidden'),
  },
  {
    name: 'revokeApiKey: a key of the property company',
    query: 'mutation($i: RevokeApiKeyInput!) { revokeApiKey(input: $i) { apiKey { id } userErrors { code } } }',
    variables: async () => ({ i: { id: (await createKey(S.company, ['READ_PUBLIC'])).id } }),
    outcome: change('revokeApiKey'),
    expect: expected('forbidden', 'forbidden', 'forbidden', 'forbidden', 'ok', 'not-found', 'forbidden', 'forbidden'),
  },
  {
    name: 'createWebhook: for the company',
    query: 'mutation($i: CreateWebhookInput!) { createWebhook(input: $i) { secret userErrors { code } } }',
    // Port 9 (discard) refuses at once: the shared server's worker retries it quietly, with back-off.
    variables: () => ({ i: { url: 'http://127.0.0.1:9/matrix', kinds: ['NOTICE'] } }),
    outcome: change('createWebhook'),
    expect: expected('forbidden', 'forbidden', 'forbidden', 'forbidden', 'forbidden', 'forbidden', 'ok', 'forbidden'),
  },
  {
    name: 'deleteWebhook: one of the company',
    query: 'mutation($i: DeleteWebhookInput!) { deleteWebhook(input: $i) { webhook { url } userErrors { code } } }',
    variables: async () => {
      const made = await ask(credentials.companyKey, 'mutation($i: CreateWebhookInput!) { createWebhook(input: $i) { webhook { id } } }', {
        i: { url: 'http://127.0.0.1:9/matrix' },
      });
      return { i: { id: made.body.data.createWebhook.webhook.id } };
    },
    outcome: change('deleteWebhook'),
    expect: expected('forbidden', 'forbidden', 'forbidden', 'forbidden', 'forbidden', 'forbidden', 'ok', 'forbidden'),
  },
  // Micro-wishes (#5). Each moving row acts on a wish of its own, brought to the state it needs.
  {
    name: 'wishes: in review, of the community',
    query: 'query($c: ID) { wishes(first: 50, filter: { within: $c, state: [PENDING_REVIEW] }) { nodes { id beneficiaryName } } }',
    variables: async () => {
      await wishIn('PENDING_REVIEW');
      return { c: S.community };
    },
    outcome: personalList('wishes.nodes', 'beneficiaryName'),
    expect: expected('hidden', 'hidden', 'hidden', 'clear', 'clear', 'hidden', 'hidden', 'hidden'),
  },
  {
    name: 'wishStatistics of the community (claimers masked unless readable)',
    query: 'query($c: ID!) { wishStatistics(area: $c) { posted litUp topClaimers { name } } }',
    variables: () => ({ c: S.community }),
    outcome: (r) => {
      if (errorCode(r)) return `error ${errorCode(r)}`;
      const names = ((at(r, 'wishStatistics.topClaimers') ?? []) as { name: string }[]).map((c) => c.name);
      if (!names.length) return 'public';
      return names.every((n) => MASKED.test(n)) ? 'masked' : 'clear';
    },
    expect: expected('masked', 'masked', 'masked', 'clear', 'clear', 'masked', 'masked', 'masked'),
  },
  {
    name: 'node: Wish (open)',
    query: node('... on Wish { state beneficiaryName }'),
    variables: () => ({ id: S.openWish }),
    outcome: personal('node', 'beneficiaryName'),
    expect: expected('masked', 'masked', 'masked', 'clear', 'clear', 'masked', 'masked', 'masked'),
  },
  {
    name: 'node: Wish (in review)',
    query: node('... on Wish { state beneficiaryName }'),
    variables: () => ({ id: S.pendingWish }),
    outcome: personal('node', 'beneficiaryName'),
    expect: expected('hidden', 'hidden', 'hidden', 'clear', 'clear', 'hidden', 'hidden', 'hidden'),
  },
  {
    name: 'postWish: for a resident of the grid',
    query: 'mutation($i: PostWishInput!) { postWish(input: $i) { wish { id } userErrors { code } } }',
    variables: () => ({ i: { ...WISH_INPUT, community: S.community, grid: S.grid, beneficiary: S.owner.id } }),
    outcome: change('postWish'),
    expect: expected('forbidden', 'forbidden', 'ok', 'ok', 'ok', 'not-found', 'forbidden', 'forbidden'),
  },
  {
    name: 'reviewWish: approve a wish in review',
    query: 'mutation($i: ReviewWishInput!) { reviewWish(input: $i) { wish { id } userErrors { code } } }',
    variables: async () => ({ i: { id: await wishIn('PENDING_REVIEW'), approve: true } }),
    outcome: change('reviewWish'),
    expect: expected('forbidden', 'forbidden', 'forbidden', 'ok', 'ok', 'not-found', 'forbidden', 'forbidden'),
  },
  {
    name: 'claimWish: an open wish (none of these callers is a party member)',
    query: 'mutation($i: ClaimWishInput!) { claimWish(input: $i) { wish { id } userErrors { code } } }',
    variables: async () => ({ i: { id: await wishIn('OPEN') } }),
    outcome: change('claimWish'),
    expect: expected('forbidden', 'forbidden', 'forbidden', 'forbidden', 'forbidden', 'forbidden', 'forbidden', 'forbidden'),
  },
  {
    name: 'fulfillWish: a wish someone else claimed',
    query: 'mutation($i: FulfillWishInput!) { fulfillWish(input: $i) { wish { id } userErrors { code } } }',
    variables: async () => ({ i: { id: await wishIn('CLAIMED'), note: '已送达' } }),
    outcome: change('fulfillWish'),
    expect: expected('forbidden', 'not-claimer', 'not-claimer', 'not-claimer', 'not-claimer', 'not-claimer', 'forbidden', 'forbidden'),
  },
  {
    name: 'confirmWish: a fulfilled wish (not the caller’s own)',
    query: 'mutation($i: WishIdInput!) { confirmWish(input: $i) { wish { id } userErrors { code } } }',
    variables: async () => ({ i: { id: await wishIn('FULFILLED') } }),
    outcome: change('confirmWish'),
    expect: expected('forbidden', 'forbidden', 'forbidden', 'ok', 'ok', 'not-found', 'forbidden', 'forbidden'),
  },
  {
    name: 'withdrawWish: an open wish (not the caller’s own)',
    query: 'mutation($i: WishIdInput!) { withdrawWish(input: $i) { wish { id } userErrors { code } } }',
    variables: async () => ({ i: { id: await wishIn('OPEN') } }),
    outcome: change('withdrawWish'),
    expect: expected('forbidden', 'forbidden', 'forbidden', 'ok', 'ok', 'not-found', 'forbidden', 'forbidden'),
  },
  // Owners' votes and notices (#6): staff moves belong to manage:proposals (committee members, first secretaries, administrators).
  {
    name: 'proposals: published, of the community',
    // Published: in its notice period, or voting already (the server's sweep opens a vote whose time has come).
    query: 'query($c: ID) { proposals(first: 50, filter: { within: $c, stage: [NOTICE_PERIOD, VOTING] }) { nodes { id title stage } } }',
    variables: () => ({ c: S.community }),
    outcome: publicData('proposals.nodes'),
    expect: expected('public', 'public', 'public', 'public', 'public', 'public', 'public', 'public'),
  },
  {
    name: 'proposals: only proposed, of the compound',
    query: 'query($c: ID) { proposals(first: 50, filter: { within: $c, stage: [PROPOSED] }) { nodes { id title stage } } }',
    variables: () => ({ c: S.residentCompound }),
    outcome: publicData('proposals.nodes'),
    expect: expected('hidden', 'hidden', 'hidden', 'public', 'public', 'hidden', 'hidden', 'hidden'),
  },
  {
    name: 'node: Proposal (published)',
    query: node('... on Proposal { title stage ruleDescription tally { rollHouseholds } }'),
    variables: () => ({ id: S.publishedProposal }),
    outcome: publicData('node'),
    expect: expected('public', 'public', 'public', 'public', 'public', 'public', 'public', 'public'),
  },
  {
    name: 'node: Proposal (only proposed)',
    query: node('... on Proposal { title stage }'),
    variables: () => ({ id: S.draftProposal }),
    outcome: publicData('node'),
    expect: expected('hidden', 'hidden', 'hidden', 'public', 'public', 'hidden', 'hidden', 'hidden'),
  },
  {
    name: 'notices: of the community',
    query: 'query($c: ID) { notices(first: 10, filter: { within: $c }) { nodes { id title kind } } }',
    variables: () => ({ c: S.community }),
    outcome: publicData('notices.nodes'),
    expect: expected('public', 'public', 'public', 'public', 'public', 'public', 'public', 'public'),
  },
  {
    name: 'node: Notice',
    query: node('... on Notice { title kind }'),
    variables: () => ({ id: S.notice }),
    outcome: publicData('node'),
    expect: expected('public', 'public', 'public', 'public', 'public', 'public', 'public', 'public'),
  },
  {
    name: 'verifyReceipt: a published proposal, a receipt nobody holds',
    query: 'query($p: ID!) { verifyReceipt(proposal: $p, receipt: "AAAA-BBBB-CCCC-DDDD") { counted } }',
    variables: () => ({ p: S.publishedProposal }),
    outcome: publicData('verifyReceipt'),
    expect: expected('public', 'public', 'public', 'public', 'public', 'public', 'public', 'public'),
  },
  {
    name: 'createProposal: in the resident’s compound (owners there may propose)',
    query: 'mutation($i: CreateProposalInput!) { createProposal(input: $i) { proposal { id } userErrors { code } } }',
    variables: () => ({ i: proposalInput() }),
    outcome: change('createProposal'),
    expect: expected('forbidden', 'ok', 'forbidden', 'ok', 'ok', 'not-found', 'forbidden', 'forbidden'),
  },
  ...(
    [
      ['beginProposalReview', 'PROPOSED', 'ok'],
      ['reviewProposal', 'UNDER_REVIEW', 'ok'],
      ['publishProposal', 'APPROVED_FOR_NOTICE', 'ok'],
      ['openVoting', 'NOTICE_PERIOD', 'ok'],
      ['closeVoting', 'VOTING', 'too-early'],
      ['publishResult', 'DECIDED', 'ok'],
      ['reportImplementation', 'RESULT_PUBLISHED', 'ok'],
      ['withdrawProposal', 'PROPOSED', 'ok'],
    ] as const
  ).map(
    ([mutation, stage, staff]): Row => ({
      name: `${mutation}: a proposal ${stage.toLowerCase().replaceAll('_', ' ')} (the operator's)`,
      query: `mutation($i: ${MOVE_INPUT[mutation] ?? 'ProposalIdInput'}!) { ${mutation}(input: $i) { proposal { id } userErrors { code } } }`,
      variables: async () => ({ i: { id: await proposalIn(stage), ...MOVE_EXTRA[mutation] } }),
      outcome: change(mutation),
      expect: expected('forbidden', 'forbidden', 'forbidden', staff, staff, 'not-found', 'forbidden', 'forbidden'),
    }),
  ),
  {
    name: 'castBallot: voting in the resident’s compound',
    query: 'mutation($i: CastBallotInput!) { castBallot(input: $i) { receipt userErrors { code } } }',
    variables: async () => ({ i: { proposal: await proposalIn('VOTING'), choice: 'FOR' } }),
    outcome: change('castBallot'),
    expect: expected('forbidden', 'ok', 'not-on-roll', 'not-on-roll', 'not-on-roll', 'not-on-roll', 'forbidden', 'forbidden'),
  },
  // Property companies' records (#8): only a property company's key with WRITE_PROPERTY, in compounds the company manages.
  {
    name: 'syncProperty: the company links a compound it manages',
    query: `mutation($i: SyncPropertyInput!) { syncProperty(input: $i) { failed results { status error { code } } } }`,
    variables: async () => {
      const managed = await query<{ node: { managedCompounds: { nodes: { id: string }[] } } }>(
        'query($c: ID!) { node(id: $c) { ... on Organization { managedCompounds(first: 1) { nodes { id } } } } }',
        { c: S.company },
      );
      const compound = managed.node.managedCompounds.nodes[0].id;
      return {
        i: { idempotencyKey: `matrix-${Math.random().toString(36).slice(2)}`, compounds: [{ externalId: `M-${compound}`, compound }] },
      };
    },
    outcome: (r) => {
      if (errorCode(r)) return errorCode(r) === 'FORBIDDEN' ? 'forbidden' : `error ${errorCode(r)}`;
      const result = (at(r, 'syncProperty.results') as { status: string; error: { code: string } | null }[])[0];
      return result.status === 'FAILED' ? `error ${result.error?.code}` : 'ok';
    },
    expect: expected('forbidden', 'forbidden', 'forbidden', 'forbidden', 'forbidden', 'forbidden', 'ok', 'forbidden'),
  },
  {
    name: 'publishNotice: on the community’s board',
    query: 'mutation($i: PublishNoticeInput!) { publishNotice(input: $i) { notice { id } userErrors { code } } }',
    variables: () => ({ i: { area: S.community, title: '矩阵公示', body: '测试各类调用者。' } }),
    outcome: change('publishNotice'),
    expect: expected('forbidden', 'forbidden', 'forbidden', 'ok', 'ok', 'not-found', 'forbidden', 'forbidden'),
  },
  // Residents' requests (#7): dispatch:requests (grid workers and heads, committee members, first secretaries, station heads,
  // administrators) at the level answering for it; handle:requests (staff); take:requests; supervise:requests; the reporter's own moves.
  {
    name: 'requests: of the grid (the resident’s own among them)',
    query: 'query($g: ID) { requests(first: 100, filter: { within: $g }) { nodes { id reporterName } } }',
    variables: () => ({ g: S.grid }),
    outcome: personalList('requests.nodes', 'reporterName'),
    expect: expected('hidden', 'clear', 'clear', 'clear', 'clear', 'hidden', 'hidden', 'hidden'),
  },
  {
    name: 'requestByTrackingCode: the masked summary, to anyone with the code',
    query: 'query($c: String!) { requestByTrackingCode(trackingCode: $c) { state level gridName steps { move at } } }',
    variables: () => ({ c: S.request.trackingCode }),
    outcome: publicData('requestByTrackingCode'),
    expect: expected('public', 'public', 'public', 'public', 'public', 'public', 'public', 'public'),
  },
  {
    name: 'requestCategories',
    query: '{ requestCategories { code name dispatchMinutes } }',
    variables: () => ({}),
    outcome: publicData('requestCategories'),
    expect: expected('public', 'public', 'public', 'public', 'public', 'public', 'public', 'public'),
  },
  {
    name: 'requestStatistics of the community',
    query: 'query($c: ID!) { requestStatistics(area: $c) { submitted resolutionRate averageRating } }',
    variables: () => ({ c: S.community }),
    outcome: publicData('requestStatistics'),
    expect: expected('forbidden', 'forbidden', 'hidden', 'public', 'public', 'hidden', 'forbidden', 'public'),
  },
  {
    name: 'statistics of the community by month',
    query: `query($c: ID!) { statistics(within: $c, period: MONTH, from: "2026-10-01T00:00:00+08:00", to: "2026-11-01T00:00:00+08:00") {
      rows { periodLabel wishes { posted } requests { submitted } partyService { membersServed } property { compounds } } } }`,
    variables: () => ({ c: S.community }),
    outcome: publicData('statistics.rows'),
    expect: expected('forbidden', 'forbidden', 'hidden', 'public', 'public', 'hidden', 'forbidden', 'public'),
  },
  {
    name: 'node: Request',
    query: node('... on Request { state reporterName address history { move actorName } }'),
    variables: () => ({ id: S.request.id }),
    outcome: personal('node', 'reporterName'),
    expect: expected('hidden', 'clear', 'clear', 'clear', 'clear', 'hidden', 'hidden', 'hidden'),
  },
  {
    name: 'submitRequest: for the resident, in the grid (the resident for themselves)',
    query: 'mutation($i: SubmitRequestInput!) { submitRequest(input: $i) { request { id } userErrors { code } } }',
    variables: () => ({ i: { ...REQUEST_INPUT, grid: S.grid, reporter: residentId.value } }),
    outcome: change('submitRequest'),
    expect: expected('forbidden', 'ok', 'ok', 'ok', 'ok', 'not-found', 'forbidden', 'forbidden'),
  },
  ...(
    [
      ['dispatchRequest', 'DispatchRequestInput', 'SUBMITTED', {}, 'forbidden', 'ok', 'ok', 'ok'],
      ['acceptRequest', 'RequestNoteInput', 'DISPATCHED', {}, 'forbidden', 'ok', 'ok', 'ok'],
      ['returnRequest', 'RequestReasonInput', 'DISPATCHED', { reason: '不属本部门' }, 'forbidden', 'ok', 'ok', 'ok'],
      ['takeOnRequest', 'RequestNoteInput', 'ACCEPTED', {}, 'forbidden', 'ok', 'ok', 'ok'],
      [
        'resolveRequest',
        'ResolveRequestInput',
        'IN_HAND',
        { resolution: '已处理' },
        'not-handler',
        'not-handler',
        'not-handler',
        'not-handler',
      ],
      ['rateRequest', 'RateRequestInput', 'RESOLVED', { rating: 4 }, 'ok', 'not-reporter', 'not-reporter', 'not-reporter'],
      ['reopenRequest', 'RequestReasonInput', 'RESOLVED', { reason: '没有修好' }, 'ok', 'not-reporter', 'not-reporter', 'not-reporter'],
      ['closeRequest', 'RequestNoteInput', 'RESOLVED', {}, 'forbidden', 'ok', 'ok', 'ok'],
      ['rejectRequest', 'RequestReasonInput', 'SUBMITTED', { reason: '重复' }, 'forbidden', 'ok', 'ok', 'ok'],
      ['superviseRequest', 'SuperviseRequestInput', 'IN_HAND', { note: '说明进度' }, 'forbidden', 'forbidden', 'forbidden', 'ok'],
      ['reportOnRequest', 'ReportOnRequestInput', 'FLAGGED', { report: '本周办结' }, 'forbidden', 'ok', 'ok', 'ok'],
    ] as const
  ).map(
    ([mutation, input, state, extra, resident, gridWorker, communityStaff, streetAdmin]): Row => ({
      name: `${mutation}: a request ${state.toLowerCase().replaceAll('_', ' ')} (the resident's, moved by the operator)`,
      query: `mutation($i: ${input}!) { ${mutation}(input: $i) { request { id } userErrors { code } } }`,
      variables: async () => ({ i: { id: (await requestIn(state)).id, ...extra } }),
      outcome: change(mutation),
      expect: expected('forbidden', resident, gridWorker, communityStaff, streetAdmin, 'not-found', 'forbidden', 'forbidden'),
    }),
  ),
];

/** A proposal for the resident's compound, open for an hour from a second ago. */
function proposalInput(closesInMs = 3_600_000) {
  return {
    scope: S.residentCompound,
    title: '矩阵议题',
    text: '测试各类调用者。',
    matterType: 'PROPERTY_COMPANY_HIRING',
    ruleKind: 'CIVIL_CODE_ORDINARY',
    votingOpensAt: new Date(Date.now() - 1_000).toISOString(),
    votingClosesAt: new Date(Date.now() + closesInMs).toISOString(),
  };
}

type Stage = 'PROPOSED' | 'UNDER_REVIEW' | 'APPROVED_FOR_NOTICE' | 'NOTICE_PERIOD' | 'VOTING' | 'DECIDED' | 'RESULT_PUBLISHED';
const STAGE_MOVES: [Stage, string, Record<string, unknown>, string][] = [
  ['UNDER_REVIEW', 'beginProposalReview', {}, 'ProposalIdInput'],
  ['APPROVED_FOR_NOTICE', 'reviewProposal', { approve: true }, 'ReviewProposalInput'],
  ['NOTICE_PERIOD', 'publishProposal', {}, 'ProposalIdInput'],
  ['VOTING', 'openVoting', {}, 'ProposalIdInput'],
  ['DECIDED', 'closeVoting', {}, 'ProposalIdInput'],
  ['RESULT_PUBLISHED', 'publishResult', {}, 'ProposalIdInput'],
];

/** Decided proposals made ahead (their votes had to close), taken one per cell. */
const decidedPool: string[] = [];

async function operatorMove(mutation: string, input: string, variables: Record<string, unknown>) {
  const r = await ask(operatorToken(), `mutation($i: ${input}!) { ${mutation}(input: $i) { proposal { id stage } userErrors { code } } }`, {
    i: variables,
  });
  return Object.values(r.body.data ?? {})[0] as { proposal: { id: string; stage: string } | null; userErrors: { code: string }[] };
}

/** A fresh proposal of the operator's for the resident's compound, moved by the operator to `stage`. */
async function proposalIn(stage: Stage, closesInMs?: number): Promise<string> {
  let id: string;
  let at: Stage;
  if ((stage === 'DECIDED' || stage === 'RESULT_PUBLISHED') && decidedPool.length) {
    id = decidedPool.pop() as string;
    at = 'DECIDED';
  } else {
    const created = await operatorMove('createProposal', 'CreateProposalInput', proposalInput(closesInMs));
    if (!created.proposal) throw new Error(`createProposal: ${JSON.stringify(created.userErrors)}`);
    id = created.proposal.id;
    at = 'PROPOSED';
  }
  for (const [to, mutation, extra, input] of STAGE_MOVES) {
    if (at === stage) break;
    if (STAGE_MOVES.findIndex((m) => m[0] === to) <= STAGE_MOVES.findIndex((m) => m[0] === at)) continue;
    const moved = await operatorMove(mutation, input, { id, ...extra });
    if (moved.proposal?.stage !== to) throw new Error(`${mutation}: ${JSON.stringify(moved.userErrors)}`);
    at = to;
  }
  return id;
}

const WISH_INPUT = { title: '矩阵心愿', story: '测试各类调用者。', category: 'OTHER', beneficiaryKind: 'OTHER' };

/** A fresh wish for the owner, posted by the operator and moved by staff and a party member to `state`. */
async function wishIn(state: 'PENDING_REVIEW' | 'OPEN' | 'CLAIMED' | 'FULFILLED'): Promise<string> {
  const one = async (token: string | null, mutation: string, input: Record<string, unknown>) => {
    const r = await ask(token ?? null, mutation, { i: input });
    const payload = Object.values(r.body.data ?? {})[0] as { wish: { id: string } | null; userErrors: unknown[] } | undefined;
    if (!payload?.wish) throw new Error(`${mutation}: ${JSON.stringify(r.body)}`);
    return payload.wish.id;
  };
  const id = await one(operatorToken(), 'mutation($i: PostWishInput!) { postWish(input: $i) { wish { id } userErrors { code } } }', {
    ...WISH_INPUT,
    community: S.community,
    beneficiary: S.owner.id,
  });
  if (state === 'PENDING_REVIEW') return id;
  await one(operatorToken(), 'mutation($i: ReviewWishInput!) { reviewWish(input: $i) { wish { id } userErrors { code } } }', {
    id,
    approve: true,
  });
  if (state === 'OPEN') return id;
  await one(S.partyMember, 'mutation($i: ClaimWishInput!) { claimWish(input: $i) { wish { id } userErrors { code } } }', { id });
  if (state === 'CLAIMED') return id;
  await one(S.partyMember, 'mutation($i: FulfillWishInput!) { fulfillWish(input: $i) { wish { id } userErrors { code } } }', {
    id,
    note: '完成',
  });
  return id;
}

const REQUEST_INPUT = { category: 'street-light', description: '矩阵诉求：测试各类调用者。' };

/**
 * A fresh request of the resident caller's in the grid, submitted for them and moved by the operator (an administrator:
 * dispatcher, handler and supervisor) to `state`; FLAGGED is in hand and flagged for supervision.
 */
async function requestIn(
  state: 'SUBMITTED' | 'DISPATCHED' | 'ACCEPTED' | 'IN_HAND' | 'RESOLVED' | 'FLAGGED',
): Promise<{ id: string; trackingCode: string }> {
  const one = async (mutation: string, input: string, variables: Record<string, unknown>) => {
    const r = await ask(
      operatorToken(),
      `mutation($i: ${input}!) { ${mutation}(input: $i) { request { id trackingCode state } userErrors { code } } }`,
      {
        i: variables,
      },
    );
    const payload = Object.values(r.body.data ?? {})[0] as { request: { id: string; trackingCode: string } | null } | undefined;
    if (!payload?.request) throw new Error(`${mutation}: ${JSON.stringify(r.body)}`);
    return payload.request;
  };
  const request = await one('submitRequest', 'SubmitRequestInput', { ...REQUEST_INPUT, grid: S.grid, reporter: residentId.value });
  const steps: [string, string, string, Record<string, unknown>][] = [
    ['DISPATCHED', 'dispatchRequest', 'DispatchRequestInput', {}],
    ['ACCEPTED', 'acceptRequest', 'RequestNoteInput', {}],
    ['IN_HAND', 'takeOnRequest', 'RequestNoteInput', {}],
    state === 'FLAGGED'
      ? ['FLAGGED', 'superviseRequest', 'SuperviseRequestInput', { note: '说明进度' }]
      : ['RESOLVED', 'resolveRequest', 'ResolveRequestInput', { resolution: '已处理' }],
  ];
  for (const [reached, mutation, input, extra] of steps) {
    if (state === 'SUBMITTED') break;
    await one(mutation, input, { id: request.id, ...extra });
    if (reached === state) break;
  }
  return request;
}

async function createKey(organization: string, scopes: string[]): Promise<{ id: string; secret: string }> {
  const data = await query<{ createApiKey: { apiKey: { id: string }; secret: string } }>(
    'mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { apiKey { id } secret } }',
    { i: { organization, name: uniqueName('矩阵'), scopes } },
  );
  return { id: data.createApiKey.apiKey.id, secret: data.createApiKey.secret };
}

beforeAll(async () => {
  const districts = await query<{ areas: { nodes: { id: string }[] } }>(
    '{ areas(first: 2, filter: { kind: [DISTRICT] }, orderBy: { field: ID }) { nodes { id } } }',
  );
  const [otherDistrict, district] = districts.areas.nodes.map((n) => n.id);
  S.district = district;
  // A station in a community of the district, with a staff member whose roles are all outside one of its grids.
  const stations = await query<{
    stations: {
      nodes: {
        id: string;
        area: { id: string; kind: string; parent: { id: string } };
        coveredGrids: { nodes: { id: string }[] };
        services: { nodes: { id: string }[] };
        responsibleUnits: { nodes: { id: string; unit: { id: string } }[] };
        staff: {
          nodes: {
            id: string;
            person: { id: string; name: string; phone: string; roles: { nodes: { area: { id: string; ancestors: { id: string }[] } }[] } };
          }[];
        };
      }[];
    };
  }>(
    `query($d: ID) { stations(first: 60, filter: { within: $d }, orderBy: { field: ID }) { nodes {
      id area { id kind parent { id } } coveredGrids(first: 10) { nodes { id } } services(first: 1) { nodes { id } }
      responsibleUnits(first: 1) { nodes { id unit { id } } }
      staff(first: 10) { nodes { id person { id name phone roles(first: 10) { nodes { area { id ancestors { id } } } } } } } } } }`,
    { d: district },
  );
  const staffIds = new Set(stations.stations.nodes.flatMap((s) => s.staff.nodes.map((m) => m.person.id)));

  // Owners who hold nothing else and serve at no station, by the grid their home is in.
  const ownersIn = (area: string) =>
    query<{
      people: {
        nodes: {
          id: string;
          name: string;
          phone: string;
          idNumber: string;
          roles: { nodes: { id: string; area: { id: string; kind: string; name: string; ancestors: { id: string; kind: string }[] } }[] };
        }[];
      };
    }>(
      `query($d: ID) { people(first: 100, filter: { within: $d, role: [OWNER] }, orderBy: { field: ID }) { nodes {
      id name phone idNumber roles(first: 5) { nodes { id area { id kind name ancestors { id kind } } } } } } }`,
      { d: area },
    );
  const ownersOnlyIn = async (grid: string) => {
    const found: Awaited<ReturnType<typeof ownersIn>>['people']['nodes'] = [];
    for (const p of (await ownersIn(grid)).people.nodes) {
      const [home] = p.roles.nodes;
      if (!p.phone || !p.idNumber || staffIds.has(p.id) || p.roles.nodes.length !== 1 || home.area.kind !== 'HOUSEHOLD') continue;
      if (!found.some((q) => q.roles.nodes[0].area.id === home.area.id)) found.push(p);
    }
    return found;
  };
  // A station in a community, covering such a grid, with a staff member whose roles are in the community but outside the grid.
  for (const station of stations.stations.nodes) {
    if (station.area.kind !== 'COMMUNITY' || !station.services.nodes.length || !station.responsibleUnits.nodes.length) continue;
    for (const grid of station.coveredGrids.nodes) {
      const member = station.staff.nodes.find(
        (s) =>
          s.person.phone &&
          s.person.roles.nodes.length > 0 &&
          s.person.roles.nodes.every((r) => r.area.id !== grid.id && !r.area.ancestors.some((a) => a.id === grid.id)) &&
          s.person.roles.nodes.every((r) => r.area.id === station.area.id || r.area.ancestors.some((a) => a.id === station.area.id)),
      );
      if (!member) continue;
      const gridOwners = await ownersOnlyIn(grid.id);
      if (gridOwners.length < 2) continue;
      S.station = station.id;
      S.community = station.area.id;
      S.street = station.area.parent.id;
      S.grid = grid.id;
      S.service = station.services.nodes[0].id;
      S.responsibility = station.responsibleUnits.nodes[0].id;
      S.organization = station.responsibleUnits.nodes[0].unit.id;
      S.staff = { id: member.person.id, name: member.person.name, phone: member.person.phone, staffId: member.id };
      const [subject, resident] = gridOwners;
      const home = subject.roles.nodes[0];
      S.household = { id: home.area.id, name: home.area.name, ancestors: { compound: '' } };
      S.residentHome = resident.roles.nodes[0].area.id;
      S.owner = { id: subject.id, name: subject.name, phone: subject.phone, idNumber: subject.idNumber, role: home.id };
      residentId.value = resident.id;
      break;
    }
    if (S.station) break;
  }
  expect(S.station, 'a station covering a grid with two owners, and a staff member from outside that grid').toBeTruthy();

  const companies = await query<{ organizations: { nodes: { id: string }[] } }>(
    'query($d: ID) { organizations(first: 1, filter: { within: $d, kind: [PROPERTY_COMPANY] }, orderBy: { field: ID }) { nodes { id } } }',
    { d: district },
  );
  S.company = companies.organizations.nodes[0].id;

  credentials.anonymous = null;
  credentials.resident = await tokenForPerson(residentId.value);
  credentials.gridWorker = (await signInAs('GRID_WORKER', S.grid)).token;
  credentials.communityStaff = (await signInAs('COMMUNITY_COMMITTEE_MEMBER', S.community)).token;
  credentials.streetAdmin = (await signInAs('ADMINISTRATOR', S.street)).token;
  credentials.otherDistrictAdmin = (await signInAs('ADMINISTRATOR', otherDistrict)).token;
  credentials.companyKey = (await createKey(S.company, ['READ_PUBLIC', 'WRITE_PROPERTY'])).secret;
  credentials.dataTeamKey = (await createKey(S.organization, ['READ_STATS'])).secret;
  const compound = await query<{ node: { ancestors: { id: string; kind: string }[] } }>(
    'query($id: ID!) { node(id: $id) { ... on Area { ancestors { id kind } } } }',
    { id: S.household.id },
  );
  S.household.ancestors.compound = compound.node.ancestors.find((a) => a.kind === 'COMPOUND')?.id ?? '';
  const unit = await query<{ createOrganization: { organization: { id: string } } }>(
    'mutation($i: CreateOrganizationInput!) { createOrganization(input: $i) { organization { id } } }',
    { i: { kind: 'UNIT', name: uniqueName('矩阵社区单位'), area: S.community } },
  );
  S.unit = unit.createOrganization.organization.id;
  const partyMembers = await query<{ people: { nodes: { id: string; roles: { nodes: { role: string }[] } }[] } }>(
    `query($c: ID) { people(first: 100, filter: { within: $c, role: [PARTY_MEMBER] }, orderBy: { field: ID }) {
      nodes { id roles(first: 10) { nodes { role } } } } }`,
    { c: S.community },
  );
  const plain = partyMembers.people.nodes.find((p) =>
    p.roles.nodes.every((r) => ['PARTY_MEMBER', 'OWNER', 'BUILDING_HEAD'].includes(r.role)),
  );
  expect(plain, 'a party member of the community with no staff role').toBeTruthy();
  S.partyMember = await tokenForPerson(plain?.id as string);
  S.openWish = await wishIn('OPEN');
  S.pendingWish = await wishIn('PENDING_REVIEW');
  // Votes: the resident's compound, a published and a draft proposal, decided ones for the moves after the vote, a notice.
  const home = await query<{ node: { ancestors: { id: string; kind: string }[] } }>(
    'query($id: ID!) { node(id: $id) { ... on Area { ancestors { id kind } } } }',
    { id: S.residentHome },
  );
  S.residentCompound = home.node.ancestors.find((a) => a.kind === 'COMPOUND')?.id ?? '';
  S.publishedProposal = await proposalIn('NOTICE_PERIOD');
  S.draftProposal = await proposalIn('PROPOSED');
  // Each closes 10 s after its creation began: long enough for the slower embedded database to
  // create and open all sixteen, so every one is still in the future when it is validated.
  const closing = await Promise.all(Array.from({ length: 16 }, () => proposalIn('VOTING', 10_000)));
  await new Promise((resolve) => setTimeout(resolve, 10_200));
  for (const id of closing) {
    // The server's own sweep may have closed it first: decided either way.
    await operatorMove('closeVoting', 'ProposalIdInput', { id });
    decidedPool.push(id);
  }
  const notice = await query<{ publishNotice: { notice: { id: string } } }>(
    'mutation($i: PublishNoticeInput!) { publishNotice(input: $i) { notice { id } } }',
    { i: { area: S.community, title: '停水通知', body: '周三9:00-12:00停水。' } },
  );
  S.notice = notice.publishNotice.notice.id;
  S.request = await requestIn('SUBMITTED');
  // A record about the community for its auditors to find.
  await query('mutation($i: UpdateAreaInput!) { updateArea(input: $i) { userErrors { code } } }', { i: { id: S.community, code: null } });
}, 180_000);

/** The personal values of the subjects, as the operator reads them in the clear. */
function secrets(): string[] {
  return [S.owner.name, S.owner.phone, S.owner.idNumber, S.household.name, S.staff.name, S.staff.phone];
}

/** Callers who may read the subjects' personal data in the clear (the staff subject: only community staff and up). */
const READS_PERSONAL: readonly Caller[] = ['gridWorker', 'communityStaff', 'streetAdmin'];

describe('the access matrix', () => {
  let cells = 0;

  for (const row of ROWS) {
    it(row.name, async () => {
      const seen: Record<string, string> = {};
      for (const caller of CALLERS) {
        const variables = await row.variables();
        const response = await ask(credentials[caller], row.query, variables);
        seen[caller] = row.outcome(response);
        cells += 1;
        if (!READS_PERSONAL.includes(caller)) {
          const text = JSON.stringify(response.body);
          for (const secret of secrets()) expect(text, `${row.name} as ${caller} leaks "${secret}"`).not.toContain(secret);
        }
      }
      expect(seen).toEqual(row.expect);
    });
  }

  it('has a cell for every root field and mutation of the schema', async () => {
    const schema = await query<{ __schema: { queryType: { fields: { name: string }[] }; mutationType: { fields: { name: string }[] } } }>(
      '{ __schema { queryType { fields { name } } mutationType { fields { name } } } }',
    );
    const asked = ROWS.map((r) => r.query).join('\n');
    const roots = [...schema.__schema.queryType.fields, ...schema.__schema.mutationType.fields].map((f) => f.name);
    // A field is asked with arguments, `{ name { … } }`, or, a scalar without any, `{ name }`.
    const missing = roots.filter((name) => !new RegExp(`\\b${name}\\(|\\{ ${name} [{}]`).test(asked));
    expect(missing).toEqual([]);
    expect(cells).toBe(ROWS.length * CALLERS.length);
  });
});
