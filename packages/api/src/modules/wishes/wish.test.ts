import { beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../graphql/global-id.js';
import { ask, firstEvent, query } from '../../test/client.js';
import { signInAs, tokenForPerson } from '../../test/fixtures.js';
import { ownServer } from '../../test/own-server.js';
import { Area } from '../areas/area.entity.js';
import { AuditRecord } from '../audit/audit.entity.js';
import { Person } from '../people/person.entity.js';
import { Wish } from './wish.entity.js';

const WISH = `id state title beneficiaryName claimerName claimDeadline fulfilmentNote confirmedAt community { id }`;
const POST = `mutation($i: PostWishInput!) { postWish(input: $i) { wish { ${WISH} } userErrors { field message code } } }`;
const REVIEW = `mutation($i: ReviewWishInput!) { reviewWish(input: $i) { wish { ${WISH} } userErrors { field message code } } }`;
const CLAIM = `mutation($i: ClaimWishInput!) { claimWish(input: $i) { wish { ${WISH} } userErrors { field message code } } }`;
const FULFILL = `mutation($i: FulfillWishInput!) { fulfillWish(input: $i) { wish { ${WISH} } userErrors { field message code } } }`;
const CONFIRM = `mutation($i: WishIdInput!) { confirmWish(input: $i) { wish { ${WISH} } userErrors { field message code } } }`;
const WITHDRAW = `mutation($i: WishIdInput!) { withdrawWish(input: $i) { wish { ${WISH} } userErrors { field message code } } }`;
const NODE = `query($id: ID!) { node(id: $id) { ... on Wish { ${WISH} } } }`;

interface Who {
  token: string;
  personId: string;
}

/** The `skip`-th person holding `role` in `within` whose other roles are all in `alsoAllowed`; with the area of the role. */
async function holderOf(role: string, within: string, skip = 0, alsoAllowed: string[] = []): Promise<Who & { area: string }> {
  const found = await query<{ people: { nodes: { id: string; roles: { nodes: { role: string; area: { id: string } }[] } }[] } }>(
    `query($w: ID) { people(first: 100, filter: { role: [${role}], within: $w }, orderBy: { field: ID }) {
      nodes { id roles(first: 10) { nodes { role area { id } } } } } }`,
    { w: within },
  );
  const fitting = found.people.nodes.filter((p) => p.roles.nodes.every((r) => r.role === role || alsoAllowed.includes(r.role)));
  const person = fitting[skip];
  if (!person) throw new Error(`no ${role} in ${within}`);
  const area = person.roles.nodes.find((r) => r.role === role)?.area.id as string;
  return { token: await tokenForPerson(person.id), personId: person.id, area };
}

/** Roles that neither review wishes nor see people: a claimer holding them still sees only public wishes. */
const PLAIN = ['OWNER', 'RESIDENT', 'BUILDING_HEAD', 'VOLUNTEER', 'IN_SERVICE_PARTY_MEMBER'];

let community: string;
let otherCommunity: string;
let resident: Who;
let staff: Who;
let worker: Who & { area: string };
let claimer: Who;
let secondClaimer: Who;
let outsider: Who;

const wishInput = (extra: Record<string, unknown> = {}) => ({
  title: '想要一台收音机',
  story: '独居多年，眼睛不好，想听听新闻和戏曲。',
  category: 'DAILY_NEEDS',
  beneficiaryKind: 'ELDERLY_ALONE',
  community,
  estimatedCost: 120,
  ...extra,
});

async function act(who: Who | null, mutation: string, input: Record<string, unknown>) {
  const r = await ask(who?.token ?? null, mutation, { i: input });
  const payload = r.body.data
    ? (Object.values(r.body.data)[0] as { wish: Record<string, any> | null; userErrors: { code: string }[] })
    : null;
  return {
    status: r.status,
    error: r.body.errors?.[0]?.extensions.code,
    wish: payload?.wish ?? null,
    codes: payload?.userErrors.map((e) => e.code) ?? [],
  };
}

beforeAll(async () => {
  const districts = await query<{ areas: { nodes: { id: string }[] } }>(
    '{ areas(first: 2, filter: { kind: [DISTRICT] }, orderBy: { field: ID }) { nodes { id } } }',
  );
  const [district1, district2] = districts.areas.nodes.map((n) => n.id);
  // A community of the second district with owners, party members and a committee member.
  const communities = await query<{ areas: { nodes: { id: string }[] } }>(
    'query($d: ID) { areas(first: 30, filter: { kind: [COMMUNITY], within: $d }, orderBy: { field: ID }) { nodes { id } } }',
    { d: district2 },
  );
  for (const c of communities.areas.nodes) {
    try {
      resident = await signInAs('OWNER', c.id);
      claimer = await holderOf('PARTY_MEMBER', c.id, 0, PLAIN);
      secondClaimer = await holderOf('PARTY_MEMBER', c.id, 1, PLAIN);
      staff = await holderOf('COMMUNITY_COMMITTEE_MEMBER', c.id, 0, ['PARTY_MEMBER', ...PLAIN]);
      worker = await holderOf('GRID_WORKER', c.id, 0, ['PARTY_MEMBER', ...PLAIN]);
      community = c.id;
      break;
    } catch {}
  }
  expect(community, 'a community with an owner, two party members, a committee member and a grid worker').toBeTruthy();
  otherCommunity = communities.areas.nodes.find((c) => c.id !== community)?.id as string;
  outsider = await holderOf('GRID_WORKER', district1);
}, 60_000);

describe('micro-wishes: the claim-and-fulfil workflow', () => {
  it('goes from posted to lit up, each move by the one who may make it, each audited', async () => {
    const posted = await act(resident, POST, wishInput());
    expect(posted.codes).toEqual([]);
    expect(posted.wish).toMatchObject({ state: 'PENDING_REVIEW', community: { id: community } });
    const id = posted.wish?.id as string;
    // In review, the wish is not public.
    expect((await ask(null, NODE, { id })).body.data.node).toBeNull();
    expect((await ask(claimer.token, NODE, { id })).body.data.node).toBeNull();

    const approved = await act(staff, REVIEW, { id, approve: true });
    expect(approved.wish?.state).toBe('OPEN');
    const seen = (await ask(null, NODE, { id })).body.data.node;
    expect(seen.state).toBe('OPEN');
    expect(seen.beneficiaryName).toMatch(/\*/);

    const claimed = await act(claimer, CLAIM, { id });
    expect(claimed.codes).toEqual([]);
    expect(claimed.wish?.state).toBe('CLAIMED');
    expect(new Date(claimed.wish?.claimDeadline).getTime()).toBeGreaterThan(Date.now() + 6 * 86_400_000);
    expect((await act(secondClaimer, FULFILL, { id, note: '不是我认领的' })).codes).toEqual(['NOT_CLAIMER']);
    expect((await act(claimer, FULFILL, { id, note: ' ' })).codes).toEqual(['REQUIRED']);

    const fulfilled = await act(claimer, FULFILL, { id, note: '送去了一台收音机，教会了使用。' });
    expect(fulfilled.wish?.state).toBe('FULFILLED');
    const confirmed = await act(resident, CONFIRM, { id });
    expect(confirmed.wish?.state).toBe('CONFIRMED');
    expect(confirmed.wish?.confirmedAt).toBeTruthy();

    const log = await query<{ auditLog: { nodes: { action: string; role: string | null }[] } }>(
      'query($o: ID) { auditLog(first: 10, filter: { object: $o }) { nodes { action role } } }',
      { o: id },
    );
    expect(log.auditLog.nodes.map((n) => n.action).reverse()).toEqual([
      'wish.post',
      'wish.approve',
      'wish.claim',
      'wish.fulfill',
      'wish.confirm',
    ]);
    expect(log.auditLog.nodes.find((n) => n.action === 'wish.claim')?.role).toBe('PARTY_MEMBER');
  });

  it('refuses every move that is not allowed, with a code, and changes nothing', async () => {
    expect((await act(null, POST, wishInput())).error).toBe('FORBIDDEN');
    expect((await act(resident, POST, wishInput({ community: otherCommunity }))).codes).toEqual(['NOT_FOUND']);
    expect((await act(resident, POST, wishInput({ title: '', wantedBy: '2001-01-01' }))).codes.sort()).toEqual(['INVALID', 'REQUIRED']);
    // A grid worker posts for a resident in their grid; not in the whole community.
    expect((await act(worker, POST, wishInput({ beneficiary: resident.personId }))).codes).toEqual(['NOT_FOUND']);
    const onBehalf = await act(worker, POST, wishInput({ beneficiary: resident.personId, grid: worker.area }));
    expect(onBehalf.codes).toEqual([]);
    expect(onBehalf.wish?.beneficiaryName).not.toMatch(/\*/);
    expect((await act(outsider, POST, wishInput({ beneficiary: resident.personId, grid: worker.area }))).codes).toEqual(['NOT_FOUND']);
    const id = onBehalf.wish?.id as string;

    expect((await act(resident, REVIEW, { id, approve: true })).error).toBe('FORBIDDEN');
    expect((await act(claimer, CLAIM, { id })).codes).toEqual(['NOT_FOUND']);
    expect((await act(staff, CONFIRM, { id })).codes).toEqual(['WRONG_STATE']);
    expect((await act(staff, REVIEW, { id, approve: true })).wish?.state).toBe('OPEN');
    expect((await act(staff, REVIEW, { id, approve: false })).codes).toEqual(['WRONG_STATE']);
    expect((await act(outsider, CLAIM, { id })).error).toBe('FORBIDDEN');
    expect((await act(claimer, CLAIM, { id })).wish?.state).toBe('CLAIMED');
    expect((await act(secondClaimer, CLAIM, { id })).codes).toEqual(['WRONG_STATE']);
    expect((await act(resident, WITHDRAW, { id })).codes).toEqual(['WRONG_STATE']);
    expect((await act(null, FULFILL, { id, note: 'x' })).error).toBe('FORBIDDEN');

    const rejected = await act(resident, POST, wishInput());
    expect((await act(staff, REVIEW, { id: rejected.wish?.id, approve: false, note: '请联系社区' })).wish?.state).toBe('REJECTED');
    const withdrawn = await act(resident, POST, wishInput());
    expect((await act(resident, WITHDRAW, { id: withdrawn.wish?.id })).wish?.state).toBe('WITHDRAWN');
  });

  it('of 50 claims at once on one open wish, exactly one wins; the trail holds one claim', async () => {
    const posted = await act(resident, POST, wishInput({ title: '五十人同时认领' }));
    const id = posted.wish?.id as string;
    await act(staff, REVIEW, { id, approve: true });
    const claimers = [claimer, secondClaimer];
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => act(claimers[i % 2], CLAIM, { id })));
    expect(results.filter((r) => r.codes.length === 0 && r.wish?.state === 'CLAIMED')).toHaveLength(1);
    expect(results.filter((r) => r.codes.join() === 'WRONG_STATE')).toHaveLength(49);
    const log = await query<{ auditLog: { nodes: { action: string }[] } }>(
      'query($o: ID) { auditLog(first: 100, filter: { object: $o, action: ["wish.claim"] }) { nodes { action } } }',
      { o: id },
    );
    expect(log.auditLog.nodes).toHaveLength(1);
  });

  it('lists public wishes to anyone, and every state only to reviewers and the wish’s own people', async () => {
    const pending = await act(resident, POST, wishInput({ title: '待审核的心愿' }));
    const list = async (who: Who | null) =>
      (
        await ask(who?.token ?? null, 'query($c: ID) { wishes(first: 100, filter: { within: $c }) { nodes { id state } } }', {
          c: community,
        })
      ).body.data.wishes.nodes as { id: string; state: string }[];
    const ids = (nodes: { id: string }[]) => nodes.map((n) => n.id);
    expect(ids(await list(null))).not.toContain(pending.wish?.id);
    expect((await list(null)).every((w) => ['OPEN', 'CLAIMED', 'FULFILLED', 'CONFIRMED'].includes(w.state))).toBe(true);
    expect(ids(await list(staff))).toContain(pending.wish?.id);
    expect(ids(await list(resident))).toContain(pending.wish?.id);
    expect(ids(await list(claimer))).not.toContain(pending.wish?.id);
  });
});

describe('micro-wishes: figures, service records and the live feed', () => {
  it('the statistics agree with the lists: lit up, posted, and the rate', async () => {
    const stats = await ask(
      null,
      'query($a: ID!) { wishStatistics(area: $a) { posted litUp litUpRate medianHoursToLitUp topClaimers { name litUp } } }',
      {
        a: community,
      },
    );
    const figures = stats.body.data.wishStatistics;
    const total = async (who: Who | null, states: string) =>
      (
        await ask(who?.token ?? null, `query($c: ID) { wishes(filter: { within: $c, state: [${states}] }) { totalCount } }`, {
          c: community,
        })
      ).body.data.wishes.totalCount as number;
    expect(figures.litUp).toBe(await total(null, 'CONFIRMED'));
    const every = 'PENDING_REVIEW, OPEN, CLAIMED, FULFILLED, CONFIRMED, WITHDRAWN, REJECTED, EXPIRED';
    expect(figures.posted).toBe(await total(staff, every));
    expect(figures.litUpRate).toBeCloseTo(figures.litUp / figures.posted, 10);
    expect(figures.medianHoursToLitUp).toBeGreaterThan(0);
    expect(figures.topClaimers.length).toBeGreaterThan(0);
    expect(figures.topClaimers.every((c: { name: string }) => /\*/.test(c.name))).toBe(true);
    const bad = await ask(
      null,
      'query($a: ID!) { wishStatistics(area: $a, from: "2026-01-02T00:00:00Z", to: "2026-01-01T00:00:00Z") { posted } }',
      {
        a: community,
      },
    );
    expect(bad.body.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('a claimer’s service record lists the wishes they lit up', async () => {
    const posted = await act(resident, POST, wishInput({ title: '服务记录' }));
    const id = posted.wish?.id as string;
    await act(staff, REVIEW, { id, approve: true });
    await act(claimer, CLAIM, { id });
    await act(claimer, FULFILL, { id, note: '已完成' });
    await act(staff, CONFIRM, { id });
    const record = await ask(
      claimer.token,
      'query($p: ID!) { node(id: $p) { ... on Person { litUpWishes(first: 100) { totalCount nodes { id state } } } } }',
      {
        p: claimer.personId,
      },
    );
    const wishes = record.body.data.node.litUpWishes;
    expect(wishes.nodes.map((w: { id: string }) => w.id)).toContain(id);
    expect(wishes.nodes.every((w: { state: string }) => w.state === 'CONFIRMED')).toBe(true);
  });

  it('a building head posts for a resident of their building, not for one of another building', async () => {
    const heads = await query<{ people: { nodes: { id: string; roles: { nodes: { role: string; area: { id: string } }[] } }[] } }>(
      `query($c: ID) { people(first: 50, filter: { role: [BUILDING_HEAD], within: $c }, orderBy: { field: ID }) {
        nodes { id roles(first: 10) { nodes { role area { id } } } } } }`,
      { c: community },
    );
    const ownersOf = async (within: string) =>
      (
        await query<{ people: { nodes: { id: string }[] } }>(
          'query($w: ID) { people(first: 100, filter: { role: [OWNER], within: $w }, orderBy: { field: ID }) { nodes { id } } }',
          { w: within },
        )
      ).people.nodes.map((p) => p.id);
    const inCommunity = await ownersOf(community);
    // A building head with no staff role, whose building has another owner on record.
    let head: (typeof heads.people.nodes)[number] | undefined;
    let neighbour = '';
    let elsewhere = '';
    for (const candidate of heads.people.nodes.filter((p) => p.roles.nodes.every((r) => ['BUILDING_HEAD', ...PLAIN].includes(r.role)))) {
      const building = candidate.roles.nodes.find((r) => r.role === 'BUILDING_HEAD')?.area.id as string;
      const inBuilding = await ownersOf(building);
      neighbour = inBuilding.find((id) => id !== candidate.id) ?? '';
      elsewhere = inCommunity.find((id) => !inBuilding.includes(id) && id !== candidate.id) ?? '';
      if (neighbour && elsewhere) {
        head = candidate;
        break;
      }
    }
    expect(head, 'a building head with a neighbour on record, and an owner outside the building').toBeTruthy();
    const who = { token: await tokenForPerson(head?.id as string), personId: head?.id as string };
    const ok = await act(who, POST, wishInput({ title: '楼长代发', beneficiary: neighbour }));
    expect(ok.codes).toEqual([]);
    expect(ok.wish?.state).toBe('PENDING_REVIEW');
    const refused = await act(who, POST, wishInput({ title: '楼长代发', beneficiary: elsewhere }));
    expect(refused.codes).toEqual(['NOT_FOUND']);
  });

  it('an in-service party member claims for their unit; the unit earns the service record and the statistics count it', async () => {
    const member = await holderOf('IN_SERVICE_PARTY_MEMBER', community, 0, PLAIN);
    const roles = await ask(
      member.token,
      'query($p: ID!) { node(id: $p) { ... on Person { roles(first: 10) { nodes { role organization { id kind name } } } } } }',
      {
        p: member.personId,
      },
    );
    const unit = roles.body.data.node.roles.nodes.find((r: { role: string }) => r.role === 'IN_SERVICE_PARTY_MEMBER').organization;
    expect(unit.kind).toBe('UNIT');
    const posted = await act(resident, POST, wishInput({ title: '单位认领' }));
    const id = posted.wish?.id as string;
    await act(staff, REVIEW, { id, approve: true });

    // A team the member holds no role for: refused, and the wish stays open.
    const team = await query<{ organizations: { nodes: { id: string }[] } }>(
      'query($a: ID) { organizations(first: 1, filter: { kind: [VOLUNTEER_TEAM], within: $a }) { nodes { id } } }',
      { a: community },
    );
    const foreign = await act(member, CLAIM, { id, onBehalfOf: team.organizations.nodes[0].id });
    expect(foreign.codes).toEqual(['NOT_A_MEMBER']);
    expect((await act(member, CLAIM, { id, onBehalfOf: toGlobalId('Organization', 999_999_999) })).codes).toEqual(['NOT_FOUND']);

    const claimed = await ask(
      member.token,
      'mutation($i: ClaimWishInput!) { claimWish(input: $i) { wish { state claimedFor { id name } } userErrors { code } } }',
      { i: { id, onBehalfOf: unit.id } },
    );
    expect(claimed.body.data.claimWish).toEqual({
      wish: { state: 'CLAIMED', claimedFor: { id: unit.id, name: unit.name } },
      userErrors: [],
    });
    await act(member, FULFILL, { id, note: '单位党支部送去了收音机。' });
    await act(staff, CONFIRM, { id });

    const record = await query<{ node: { litUpWishes: { totalCount: number; nodes: { id: string; claimedFor: { id: string } }[] } } }>(
      'query($u: ID!) { node(id: $u) { ... on Organization { litUpWishes(first: 100) { totalCount nodes { id claimedFor { id } } } } } }',
      { u: unit.id },
    );
    expect(record.node.litUpWishes.nodes.map((w) => w.id)).toContain(id);
    expect(record.node.litUpWishes.nodes.every((w) => w.claimedFor.id === unit.id)).toBe(true);
    const figures = await query<{ wishStatistics: { topOrganizations: { organization: { id: string }; litUp: number }[] } }>(
      'query($a: ID!) { wishStatistics(area: $a) { topOrganizations { organization { id } litUp } } }',
      { a: community },
    );
    expect(figures.wishStatistics.topOrganizations.find((o) => o.organization.id === unit.id)?.litUp).toBeGreaterThanOrEqual(1);
  });

  it('wishChanged delivers a wish opened in the area to an anonymous subscriber', async () => {
    // Each attempt opens a wish of its own: the first may come before the subscription is in place.
    const opened: string[] = [];
    const event = (await firstEvent(
      'subscription($c: ID) { wishChanged(within: $c) { action wish { id state beneficiaryName } } }',
      { c: community },
      async () => {
        const posted = await act(resident, POST, wishInput({ title: '实时推送' }));
        opened.push(posted.wish?.id as string);
        await act(staff, REVIEW, { id: posted.wish?.id, approve: true });
      },
    )) as { data: { wishChanged: { action: string; wish: { id: string; state: string; beneficiaryName: string } } } };
    // Posting is not announced to the public (the wish is in review); opening it is.
    expect(event.data.wishChanged).toMatchObject({ action: 'UPDATED', wish: { state: 'OPEN' } });
    expect(opened).toContain(event.data.wishChanged.wish.id);
    expect(event.data.wishChanged.wish.beneficiaryName).toMatch(/\*/);
  });
});

describe('a claim not fulfilled by its deadline', () => {
  let wishId = 0;
  const own = ownServer({}, async (em) => {
    const district = em.create(Area, { kind: 'DISTRICT', name: '测试区', path: '', depth: 0 } as never);
    await em.flush();
    district.path = `/${district.id}/`;
    const community = em.create(Area, { kind: 'COMMUNITY', name: '测试社区', path: '', depth: 1, parent: district } as never);
    await em.flush();
    community.path = `${district.path}${community.id}/`;
    const person = em.create(Person, { name: '王小华' } as never);
    const partyMember = em.create(Person, { name: '李党员' } as never);
    await em.flush();
    const wish = em.create(Wish, {
      title: '过期的认领',
      story: '认领后没有完成。',
      category: 'OTHER',
      beneficiaryKind: 'OTHER',
      beneficiary: person,
      postedBy: person,
      community,
      photoUrls: [],
      state: 'CLAIMED',
      claimer: partyMember,
      claimedAt: new Date(Date.now() - 8 * 86_400_000),
      claimDeadline: new Date(Date.now() - 86_400_000),
    } as never);
    await em.flush();
    wishId = wish.id;
  });

  it('lapses when the server starts, after a restart too: the wish opens again, audited as the system', async () => {
    const r = await fetch(own.server.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ node(id: "${toGlobalId('Wish', wishId)}") { ... on Wish { state claimerName claimDeadline } } }` }),
    });
    expect(((await r.json()) as { data: { node: unknown } }).data.node).toEqual({ state: 'OPEN', claimerName: null, claimDeadline: null });
    const records = await own.orm.em.fork().find(AuditRecord, { objectType: 'Wish', objectId: wishId });
    expect(records.map((rec) => [rec.action, rec.actorKind])).toEqual([['wish.lapse', 'SYSTEM']]);
  });
});
