import { beforeAll, describe, expect, it } from 'vitest';
import { ask, operatorToken, query } from '../../test/client.js';

/** A compound of the second demo district managed by a property company, with what the tests need of it. */
interface Managed {
  compound: { id: string; databaseId: number; latitude: number; longitude: number; parent: { id: string } };
  company: string;
}

const FEED = `query($since: String, $first: Int, $kinds: [ChangeKind!]) { changes(since: $since, first: $first, kinds: $kinds) {
  cursor hasMore events { id at kind action objectId objectType summary compound { id } area { id kind } } } }`;

interface Event {
  id: string;
  kind: string;
  action: string;
  objectId: string;
  objectType: string;
  summary: Record<string, unknown>;
  compound: { id: string } | null;
  area: { id: string; kind: string } | null;
}
interface Feed {
  cursor: string;
  hasMore: boolean;
  events: Event[];
}

/** Two compounds of the second district, each managed by a different property company. */
async function twoManagedCompounds(): Promise<[Managed, Managed]> {
  const districts = await query<{ areas: { nodes: { id: string }[] } }>(
    '{ areas(first: 2, filter: { kind: [DISTRICT] }, orderBy: { field: ID }) { nodes { id } } }',
  );
  const found = await query<{
    areas: { nodes: (Managed['compound'] & { management: string | null; manager: { id: string; kind: string } | null })[] };
  }>(
    `query($w: ID) { areas(first: 100, filter: { kind: [COMPOUND], within: $w }, orderBy: { field: ID }) {
      nodes { id databaseId latitude longitude management parent { id } manager { id kind } } } }`,
    { w: districts.areas.nodes[1].id },
  );
  const managed = found.areas.nodes.filter((a) => a.management === 'PROPERTY_COMPANY' && a.manager?.kind === 'PROPERTY_COMPANY');
  const first = managed[0];
  const second = managed.find((a) => a.manager?.id !== first.manager?.id);
  if (!first || !second) throw new Error('the second district has no two compounds of different property companies');
  const shape = (a: (typeof managed)[number]): Managed => ({
    compound: { id: a.id, databaseId: a.databaseId, latitude: a.latitude, longitude: a.longitude, parent: a.parent },
    company: a.manager?.id as string,
  });
  return [shape(first), shape(second)];
}

/** A key of an organisation, made by the test operator (an administrator of both districts). */
async function keyFor(organization: string, scopes: string[]): Promise<string> {
  const made = await query<{ createApiKey: { secret: string; userErrors: unknown[] } }>(
    'mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { secret userErrors { field code } } }',
    { i: { organization, name: `feed test ${scopes.join(' ')}`, scopes } },
  );
  expect(made.createApiKey.userErrors).toEqual([]);
  return made.createApiKey.secret;
}

async function feed(key: string | null, variables: Record<string, unknown> = {}) {
  return ask(key, FEED, variables);
}

/** Every event after `since`, page by page. */
async function allAfter(key: string, since: string | null, first = 100): Promise<{ events: Event[]; cursor: string; pages: number }> {
  const events: Event[] = [];
  let cursor = since;
  let pages = 0;
  for (;;) {
    const r = await feed(key, { since: cursor, first });
    expect(r.body.errors).toBeUndefined();
    const page = r.body.data.changes as Feed;
    events.push(...page.events);
    cursor = page.cursor;
    pages += 1;
    if (!page.hasMore) return { events, cursor: page.cursor, pages };
  }
}

let mine: Managed;
let theirs: Managed;
let myKey: string;
let theirKey: string;

beforeAll(async () => {
  [mine, theirs] = await twoManagedCompounds();
  myKey = await keyFor(mine.company, ['WRITE_PROPERTY']);
  theirKey = await keyFor(theirs.company, ['WRITE_PROPERTY', 'READ_PUBLIC']);
});

/**
 * A compound's outline, a small square around its centre: the demo's compounds have none, and a
 * request counts for a compound when its point lies in the compound's outline.
 */
async function outline(compound: Managed['compound']) {
  const d = 0.0005;
  const { latitude: y, longitude: x } = compound;
  const updated = await query<{ updateArea: { userErrors: unknown[] } }>(
    'mutation($i: UpdateAreaInput!) { updateArea(input: $i) { userErrors { field code message } } }',
    {
      i: {
        id: compound.id,
        boundary: [
          { latitude: y - d, longitude: x - d },
          { latitude: y - d, longitude: x + d },
          { latitude: y + d, longitude: x + d },
          { latitude: y + d, longitude: x - d },
        ],
      },
    },
  );
  expect(updated.updateArea.userErrors).toEqual([]);
}

/** Changes made through the API as the test operator: a request, a notice and a proposal's moves in a compound. */
async function changesIn(compound: Managed['compound'], label: string) {
  await outline(compound);
  const me = await query<{ viewer: { id: string } }>('{ viewer { id } }');
  const categories = await query<{ requestCategories: { code: string }[] }>('{ requestCategories { code } }');
  const submitted = await query<{ submitRequest: { request: { id: string }; userErrors: unknown[] } }>(
    'mutation($i: SubmitRequestInput!) { submitRequest(input: $i) { request { id } userErrors { field code message } } }',
    {
      i: {
        category: categories.requestCategories[0].code,
        description: `${label}: 3号楼电梯停运，请尽快维修（王先生 13800001234）`,
        latitude: compound.latitude,
        longitude: compound.longitude,
        reporter: me.viewer.id,
      },
    },
  );
  expect(submitted.submitRequest.userErrors).toEqual([]);
  const notice = await query<{ publishNotice: { notice: { id: string }; userErrors: unknown[] } }>(
    'mutation($i: PublishNoticeInput!) { publishNotice(input: $i) { notice { id } userErrors { field code message } } }',
    { i: { area: compound.id, title: `${label} 停水通知`, body: '明日9时至12时停水。' } },
  );
  expect(notice.publishNotice.userErrors).toEqual([]);
  const proposed = await query<{ createProposal: { proposal: { id: string }; userErrors: unknown[] } }>(
    'mutation($i: CreateProposalInput!) { createProposal(input: $i) { proposal { id } userErrors { field code message } } }',
    {
      i: {
        scope: compound.id,
        title: `${label} 加装电梯`,
        text: '拟在3号楼加装电梯。',
        matterType: 'OTHER',
        ruleKind: 'SIMPLE_MAJORITY',
        votingOpensAt: new Date(Date.now() + 86_400_000).toISOString(),
        votingClosesAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
      },
    },
  );
  expect(proposed.createProposal.userErrors).toEqual([]);
  const reviewed = await query<{ beginProposalReview: { userErrors: unknown[] } }>(
    'mutation($i: ProposalIdInput!) { beginProposalReview(input: $i) { userErrors { field code message } } }',
    { i: { id: proposed.createProposal.proposal.id } },
  );
  expect(reviewed.beginProposalReview.userErrors).toEqual([]);
  return {
    request: submitted.submitRequest.request.id,
    notice: notice.publishNotice.notice.id,
    proposal: proposed.createProposal.proposal.id,
  };
}

describe('the change feed', () => {
  it('gives a company the changes in its compounds, in order, page by page, and none of another company’s', async () => {
    const start = (await ask(myKey, '{ changesCursor }')).body.data.changesCursor as string;
    const theirStart = (await ask(theirKey, '{ changesCursor }')).body.data.changesCursor as string;
    const made = await changesIn(mine.compound, '甲');
    await changesIn(theirs.compound, '乙');

    // Other tests write in the same district at the same time: look at this test's objects only.
    const ours = new Set(Object.values(made));
    const all = await allAfter(myKey, start, 2);
    expect(all.pages).toBeGreaterThanOrEqual(2);
    const events = all.events.filter((e) => ours.has(e.objectId));
    expect(events.map((e) => [e.action, e.objectId])).toEqual([
      ['request.submit', made.request],
      ['notice.publish', made.notice],
      ['proposal.create', made.proposal],
      ['proposal.beginReview', made.proposal],
    ]);
    const [request, notice, proposal, review] = events;
    expect(new Set(events.map((e) => e.compound?.id))).toEqual(new Set([mine.compound.id]));
    expect(request).toMatchObject({ kind: 'REQUEST', objectType: 'Request', summary: { state: 'SUBMITTED', level: 'GRID' } });
    expect(request.summary.category).toEqual(expect.any(String));
    expect(notice).toMatchObject({ kind: 'NOTICE', summary: { kind: 'GENERAL', title: '甲 停水通知' }, area: { id: mine.compound.id } });
    expect(proposal).toMatchObject({ kind: 'VOTE', summary: { stage: 'PROPOSED' } });
    expect(review.summary).toEqual({ stage: 'UNDER_REVIEW' });
    // No personal data: the request's description (with a name and a phone) is not in the feed.
    expect(JSON.stringify(events)).not.toMatch(/13800001234|王先生|电梯停运/);

    // Events are cursors too, and `kinds` narrows the feed.
    const afterRequest = await feed(myKey, { since: request.id, kinds: ['VOTE'] });
    const votes = (afterRequest.body.data.changes as Feed).events.filter((e) => ours.has(e.objectId));
    expect(votes.map((e) => e.action)).toEqual(['proposal.create', 'proposal.beginReview']);
    // The end of the feed: an empty page gives back a cursor to wait at.
    const end = await allAfter(myKey, all.cursor);
    expect(end.events).toEqual([]);
    expect(end.cursor).toBe(all.cursor);

    const other = await allAfter(theirKey, theirStart);
    expect(other.events.filter((e) => e.compound?.id === theirs.compound.id)).toHaveLength(4);
    expect(other.events.some((e) => ours.has(e.objectId))).toBe(false);
  });

  it('includes notices published above the compound, with no compound', async () => {
    const start = (await ask(myKey, '{ changesCursor }')).body.data.changesCursor as string;
    const published = await query<{ publishNotice: { notice: { id: string } } }>(
      'mutation($i: PublishNoticeInput!) { publishNotice(input: $i) { notice { id } } }',
      { i: { area: mine.compound.parent.id, title: '网格通知：周末消防演练', body: '请各小区居民配合。' } },
    );
    const { events } = await allAfter(myKey, start);
    expect(events.filter((e) => e.objectId === published.publishNotice.notice.id)).toEqual([
      expect.objectContaining({
        objectId: published.publishNotice.notice.id,
        compound: null,
        area: expect.objectContaining({ id: mine.compound.parent.id }),
      }),
    ]);
  });

  it('starts at the beginning without `since`, and refuses bad arguments', async () => {
    const first = await feed(myKey, { first: 1 });
    expect(first.body.data.changes.events).toHaveLength(1);
    expect((await feed(myKey, { since: 'not-a-cursor' })).body.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect((await feed(myKey, { first: 1001 })).body.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('is refused to anyone but a property company’s key with WRITE_PROPERTY', async () => {
    const readOnly = await keyFor(mine.company, ['READ_PUBLIC']);
    // Anonymous, the company's key without the scope, and a person (the operator, an administrator).
    for (const caller of [null, readOnly, operatorToken()]) {
      const r = await feed(caller);
      expect(r.status).toBe(403);
      expect(r.body.errors?.[0].extensions.code).toBe('FORBIDDEN');
      expect(r.body.data).toBeNull();
    }
  });
});
