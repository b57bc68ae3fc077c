import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import type { Em } from '../../db/orm.js';
import { toGlobalId } from '../../graphql/global-id.js';
import { firstEvent } from '../../test/client.js';
import { ownServer } from '../../test/own-server.js';
import { AuditRecord } from '../audit/audit.entity.js';
import { chainLink, genesisOf } from './ballot.service.js';
import { sweepProposals } from './proposal.service.js';

const SECRET = 'a-shared-secret-of-at-least-32-characters!';

/** The demo of a vote: a community with a small compound (10 flats) and a large one (5,000 flats), every flat with an owner. */
interface World {
  community: number;
  small: number;
  large: number;
  /** Owner person ids, by flat, in order. */
  smallOwners: number[];
  largeOwners: number[];
  smallAreas: number[];
  staff: number;
  outsider: number;
}
const world = {} as World;

async function insertArea(em: Em, kind: string, name: string, parent: { id: number; path: string; depth: number } | null) {
  const [row] = await em.execute<{ id: number }[]>(
    `insert into area (kind, name, path, depth, parent_id, created_at, updated_at) values (?, ?, '', ?, ?, now(), now()) returning id`,
    [kind, name, parent ? parent.depth + 1 : 0, parent?.id ?? null],
  );
  const path = `${parent?.path ?? '/'}${row.id}/`;
  await em.execute('update area set path = ? where id = ?', [path, row.id]);
  return { id: Number(row.id), path, depth: parent ? parent.depth + 1 : 0 };
}

/** `count` flats in one building of the compound, each with an owner; floor areas 60.00 + (i mod 97) + 0.25 m². */
async function flatsWithOwners(em: Em, building: { id: number; path: string; depth: number }, count: number, tag: string) {
  await em.execute(
    `insert into area (kind, name, path, depth, parent_id, floor_area, created_at, updated_at)
     select 'HOUSEHOLD', ? || g, '', ?, ?, 60.25 + (g % 97), now(), now() from generate_series(1, ?) g`,
    [`${tag}-`, building.depth + 1, building.id, count],
  );
  await em.execute(`update area set path = ? || id || '/' where parent_id = ? and kind = 'HOUSEHOLD'`, [building.path, building.id]);
  await em.execute(
    `insert into person (name, created_at, updated_at) select '业主' || a.name, now(), now() from area a where a.parent_id = ? and a.kind = 'HOUSEHOLD'`,
    [building.id],
  );
  await em.execute(
    `insert into role_assignment (person_id, role, area_id, starts_on)
     select p.id, 'OWNER', a.id, '2024-01-01' from area a join person p on p.name = '业主' || a.name where a.parent_id = ? and a.kind = 'HOUSEHOLD'`,
    [building.id],
  );
  const rows = await em.execute<{ person: number; area: string }[]>(
    `select p.id as person, a.floor_area as area from area a join person p on p.name = '业主' || a.name where a.parent_id = ? order by a.id`,
    [building.id],
  );
  return { owners: rows.map((r) => Number(r.person)), areas: rows.map((r) => Math.round(Number(r.area) * 100)) };
}

const own = ownServer({ GZ_JWT_SECRET: SECRET, GZ_JWT_ISSUER: 'portal-sso', GZ_RATE_LIMIT: '0', GZ_SQL_TRACE: 'true' }, async (em) => {
  const district = await insertArea(em, 'DISTRICT', '表决区', null);
  const street = await insertArea(em, 'STREET', '表决街道', district);
  const community = await insertArea(em, 'COMMUNITY', '表决社区', street);
  const grid = await insertArea(em, 'GRID', '表决网格', community);
  const small = await insertArea(em, 'COMPOUND', '小小区', grid);
  const large = await insertArea(em, 'COMPOUND', '大小区', grid);
  const smallFlats = await flatsWithOwners(em, await insertArea(em, 'BUILDING', '1栋', small), 10, 'S');
  const largeFlats = await flatsWithOwners(em, await insertArea(em, 'BUILDING', '2栋', large), 5_000, 'L');
  const [staff] = await em.execute<{ id: number }[]>(
    `insert into person (name, created_at, updated_at) values ('社区两委', now(), now()) returning id`,
  );
  await em.execute(
    `insert into role_assignment (person_id, role, area_id, starts_on) values (?, 'COMMUNITY_COMMITTEE_MEMBER', ?, '2024-01-01')`,
    [staff.id, community.id],
  );
  const [outsider] = await em.execute<{ id: number }[]>(
    `insert into person (name, created_at, updated_at) values ('外人', now(), now()) returning id`,
  );
  Object.assign(world, {
    community: community.id,
    small: small.id,
    large: large.id,
    smallOwners: smallFlats.owners,
    smallAreas: smallFlats.areas,
    largeOwners: largeFlats.owners,
    staff: Number(staff.id),
    outsider: Number(outsider.id),
  });
});

const tokens = new Map<number, string>();
async function tokenOf(person: number): Promise<string> {
  let token = tokens.get(person);
  if (!token) {
    token = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(String(person))
      .setIssuer('portal-sso')
      .setAudience('gongzhi-api')
      .setExpirationTime('30m')
      .sign(new TextEncoder().encode(SECRET));
    tokens.set(person, token);
  }
  return token;
}

async function ask(person: number | null, query: string, variables: Record<string, unknown> = {}) {
  const res = await fetch(own.server.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(person ? { authorization: `Bearer ${await tokenOf(person)}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data?: any; errors?: { message: string; extensions: { code: string } }[] };
}

const PROPOSAL = 'id stage outcome ballotDigest ballotCount rollHouseholds: tally { rollHouseholds }';
const MOVE = (name: string, input = 'ProposalIdInput') =>
  `mutation($i: ${input}!) { ${name}(input: $i) { proposal { ${PROPOSAL} } userErrors { field code message } } }`;
const CAST = 'mutation($i: CastBallotInput!) { castBallot(input: $i) { receipt choice changed userErrors { field code } } }';
const TALLY = `query($id: ID!) { node(id: $id) { ... on Proposal { stage outcome ballotDigest ballotCount
  tally { rollHouseholds rollArea final passes
    participation { households area householdShare areaShare byHeadcountMet byAreaMet }
    approval { households area householdShare areaShare byHeadcountMet byAreaMet } } } } }`;

async function move(person: number, name: string, id: string, extra: Record<string, unknown> = {}, input = 'ProposalIdInput') {
  const r = await ask(person, MOVE(name, input), { i: { id, ...extra } });
  const payload = r.data?.[name];
  return {
    stage: payload?.proposal?.stage as string | undefined,
    codes: (payload?.userErrors ?? []).map((e: { code: string }) => e.code),
    errors: r.errors,
  };
}

async function propose(person: number, scope: number, extra: Record<string, unknown> = {}) {
  const r = await ask(
    person,
    'mutation($i: CreateProposalInput!) { createProposal(input: $i) { proposal { id stage } userErrors { field code message } } }',
    {
      i: {
        scope: toGlobalId('Area', scope),
        title: '选聘新的物业服务企业',
        text: '原物业合同到期，拟选聘红心物业。',
        attachmentUrls: ['https://example.org/contract.pdf'],
        matterType: 'PROPERTY_COMPANY_HIRING',
        ruleKind: 'CIVIL_CODE_ORDINARY',
        votingOpensAt: new Date(Date.now() - 1000).toISOString(),
        votingClosesAt: new Date(Date.now() + 60 * 60_000).toISOString(),
        ...extra,
      },
    },
  );
  return r.data?.createProposal as { proposal: { id: string; stage: string } | null; userErrors: { field: string[]; code: string }[] };
}

/** A proposal by the first small owner, reviewed, published and opened by staff. */
async function openVote(scope: number, extra: Record<string, unknown> = {}): Promise<string> {
  const created = await propose(world.smallOwners[0], scope, extra);
  expect(created.userErrors).toEqual([]);
  const id = created.proposal?.id as string;
  for (const [name, more, input] of [
    ['beginProposalReview', {}, 'ProposalIdInput'],
    ['reviewProposal', { approve: true }, 'ReviewProposalInput'],
    ['publishProposal', {}, 'ProposalIdInput'],
    ['openVoting', {}, 'ProposalIdInput'],
  ] as const) {
    expect((await move(world.staff, name, id, more, input)).codes).toEqual([]);
  }
  return id;
}

describe('owners’ votes: the stages', () => {
  it('goes from proposed to implemented, each move by whom it belongs to, each audited, with its notices', async () => {
    const created = await propose(world.smallOwners[0], world.small);
    expect(created.userErrors).toEqual([]);
    const id = created.proposal?.id as string;
    // Not yet published: the public does not see it; the proposer and staff do.
    expect((await ask(null, TALLY, { id })).data.node).toBeNull();
    expect((await ask(world.smallOwners[1], TALLY, { id })).data.node).toBeNull();
    expect((await ask(world.smallOwners[0], TALLY, { id })).data.node.stage).toBe('PROPOSED');

    // An owner may not review; staff may, in order only.
    expect((await move(world.smallOwners[1], 'beginProposalReview', id)).errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect((await move(world.staff, 'publishProposal', id)).codes).toEqual(['WRONG_STAGE']);
    expect((await move(world.staff, 'beginProposalReview', id)).stage).toBe('UNDER_REVIEW');
    expect((await move(world.staff, 'reviewProposal', id, { approve: true, note: '符合议事规则' }, 'ReviewProposalInput')).stage).toBe(
      'APPROVED_FOR_NOTICE',
    );
    expect((await move(world.staff, 'publishProposal', id)).stage).toBe('NOTICE_PERIOD');
    expect((await ask(null, TALLY, { id })).data.node).toMatchObject({ stage: 'NOTICE_PERIOD', tally: null });
    const notices = await ask(
      null,
      `query($a: ID) { notices(first: 10, filter: { within: $a, current: true }) { nodes { kind title proposal { id } } } }`,
      {
        a: toGlobalId('Area', world.small),
      },
    );
    expect(notices.data.notices.nodes).toContainEqual({ kind: 'PROPOSAL', title: '表决事项公示：选聘新的物业服务企业', proposal: { id } });

    expect((await move(world.staff, 'openVoting', id)).stage).toBe('VOTING');
    // Closing before its time is refused; so is publishing a result not yet decided.
    expect((await move(world.staff, 'closeVoting', id)).codes).toEqual(['TOO_EARLY']);
    expect((await move(world.staff, 'publishResult', id)).codes).toEqual(['WRONG_STAGE']);
    expect((await move(world.smallOwners[0], 'withdrawProposal', id)).codes).toEqual(['WRONG_STAGE']);

    const records = await own.orm.em
      .fork()
      .find(
        AuditRecord,
        { objectType: 'Proposal', objectId: Number(Buffer.from(id, 'base64url').toString().split(':')[1]) },
        { orderBy: { id: 'asc' } },
      );
    expect(records.map((r) => r.action)).toEqual([
      'proposal.create',
      'proposal.beginReview',
      'proposal.approve',
      'proposal.publish',
      'proposal.openVoting',
    ]);
  });

  it('takes the statutory rule for matters of art. 278, or a stricter one', async () => {
    const weak = await propose(world.smallOwners[0], world.small, {
      matterType: 'MAINTENANCE_FUND_RAISING',
      ruleKind: 'CIVIL_CODE_ORDINARY',
    });
    expect(weak.userErrors.map((e) => e.code)).toEqual(['RULE_TOO_WEAK']);
    const simple = await propose(world.smallOwners[0], world.small, { ruleKind: 'SIMPLE_MAJORITY' });
    expect(simple.userErrors.map((e) => e.code)).toEqual(['RULE_TOO_WEAK']);
    const stricter = await propose(world.smallOwners[0], world.small, { ruleKind: 'CIVIL_CODE_SPECIAL' });
    expect(stricter.userErrors).toEqual([]);
    const custom = await propose(world.smallOwners[0], world.small, {
      matterType: 'COMMUNITY_AFFAIRS',
      ruleKind: 'CUSTOM',
      customRule: { approvalByHeadcount: { fraction: { numerator: 3, denominator: 2 }, strict: false } },
    });
    expect(custom.userErrors.map((e) => e.code)).toEqual(['INVALID']);
    const outsider = await ask(
      world.outsider,
      'mutation($i: CreateProposalInput!) { createProposal(input: $i) { proposal { id } userErrors { code } } }',
      {
        i: {
          scope: toGlobalId('Area', world.small),
          title: 't',
          text: 't',
          matterType: 'OTHER',
          ruleKind: 'SIMPLE_MAJORITY',
          votingOpensAt: new Date().toISOString(),
          votingClosesAt: new Date(Date.now() + 60_000).toISOString(),
        },
      },
    );
    expect(outsider.errors?.[0].extensions.code).toBe('FORBIDDEN');
  });
});

describe('owners’ votes: ballots, the count and the digest', () => {
  it('counts one ballot per household by area and headcount, decides once, and publishes a digest anyone can recompute', async () => {
    const id = await openVote(world.small, { votingClosesAt: new Date(Date.now() + 4_000).toISOString() });
    const [a, b, c, d, e, f, g] = world.smallOwners;
    const cast = async (who: number, choice: string) => (await ask(who, CAST, { i: { proposal: id, choice } })).data.castBallot;
    const receipts: Record<number, string> = {};
    for (const [who, choice] of [
      [a, 'FOR'],
      [b, 'FOR'],
      [c, 'FOR'],
      [d, 'FOR'],
      [e, 'AGAINST'],
      [f, 'ABSTAIN'],
      [g, 'FOR'],
    ] as const) {
      const answer = await cast(who, choice);
      expect(answer.userErrors).toEqual([]);
      expect(answer.receipt).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      receipts[who] = answer.receipt;
    }
    // Once per household; not at all for someone owning nothing on the roll.
    expect((await cast(a, 'AGAINST')).userErrors.map((x: { code: string }) => x.code)).toEqual(['ALREADY_VOTED']);
    expect((await cast(world.outsider, 'FOR')).userErrors.map((x: { code: string }) => x.code)).toEqual(['NOT_ON_ROLL']);

    const live = (await ask(null, TALLY, { id })).data.node;
    const areaOf = (i: number) => world.smallAreas[i];
    const cast7 = [0, 1, 2, 3, 4, 5, 6].reduce((s, i) => s + areaOf(i), 0);
    const for5 = [0, 1, 2, 3, 6].reduce((s, i) => s + areaOf(i), 0);
    const roll = world.smallAreas.reduce((s, x) => s + x, 0);
    expect(live.tally).toMatchObject({
      rollHouseholds: 10,
      final: false,
      participation: { households: 7, byHeadcountMet: true, byAreaMet: cast7 * 3 >= roll * 2 },
      approval: { households: 5, byHeadcountMet: true, byAreaMet: for5 * 2 > cast7 },
    });
    expect(live.tally.participation.area).toBeCloseTo(cast7 / 100, 2);
    // The live sums come with the proposal looked up by ID: the whole answer is one SQL statement.
    const counted = (await ask(null, 'query($id: ID!) { node(id: $id) { ... on Proposal { tally { participation { households } } } } }', {
      id,
    })) as { data: any; extensions?: { sqlStatements?: number } };
    expect(counted.data.node.tally.participation.households).toBe(7);
    expect(counted.extensions?.sqlStatements).toBe(1);

    await new Promise((resolve) => setTimeout(resolve, 4_100 - 0));
    expect((await cast(world.smallOwners[7], 'FOR')).userErrors.map((x: { code: string }) => x.code)).toEqual(['VOTING_CLOSED']);
    expect((await move(world.staff, 'closeVoting', id)).stage).toBe('DECIDED');
    const decided = (await ask(null, TALLY, { id })).data.node;
    expect(decided).toMatchObject({ stage: 'DECIDED', ballotCount: 7, tally: { final: true, participation: { households: 7 } } });
    expect(decided.outcome).toBe(live.tally.passes ? 'PASSED' : 'FAILED');

    // Anyone recomputes the digest and the count from the published log.
    const log = await ask(
      null,
      'query($id: ID!) { node(id: $id) { ... on Proposal { databaseId ballotLog(first: 100) { nodes { receiptHash choice areaHundredths } } } } }',
      { id },
    );
    const { databaseId, ballotLog } = log.data.node;
    let link = genesisOf(databaseId);
    ballotLog.nodes.forEach((entry: { receiptHash: string; choice: 'FOR'; areaHundredths: number }, i: number) => {
      link = chainLink(link, { position: i + 1, ...entry });
    });
    expect(link).toBe(decided.ballotDigest);
    expect(ballotLog.nodes.filter((n: { choice: string }) => n.choice === 'FOR')).toHaveLength(5);

    // The owner checks their receipt; a made-up one is not counted.
    const check = await ask(
      null,
      'query($p: ID!, $r: String!) { verifyReceipt(proposal: $p, receipt: $r) { counted choice position ballotDigest } }',
      {
        p: id,
        r: receipts[e].toLowerCase(),
      },
    );
    expect(check.data.verifyReceipt).toEqual({ counted: true, choice: 'AGAINST', position: 5, ballotDigest: decided.ballotDigest });
    const fake = await ask(null, 'query($p: ID!, $r: String!) { verifyReceipt(proposal: $p, receipt: $r) { counted } }', {
      p: id,
      r: 'AAAA-BBBB-CCCC-DDDD',
    });
    expect(fake.data.verifyReceipt.counted).toBe(false);

    // The result, then the implementation, each published as a notice.
    expect((await move(world.staff, 'publishResult', id)).stage).toBe('RESULT_PUBLISHED');
    expect(
      (await move(world.staff, 'reportImplementation', id, { report: '已与红心物业签订合同。' }, 'ReportImplementationInput')).stage,
    ).toBe('IMPLEMENTED');
    const notices = await ask(null, 'query($id: ID!) { node(id: $id) { ... on Proposal { notices { kind } } } }', { id });
    expect(notices.data.node.notices.map((n: { kind: string }) => n.kind)).toEqual(['PROPOSAL', 'RESULT', 'IMPLEMENTATION']);
    // The result never changes.
    expect((await ask(null, TALLY, { id })).data.node.tally).toEqual(decided.tally);
  });

  it('lets an owner change their ballot where the proposal allows it, counting the household once', async () => {
    const id = await openVote(world.small, { ballotsChangeable: true });
    const owner = world.smallOwners[3];
    const first = (await ask(owner, CAST, { i: { proposal: id, choice: 'AGAINST' } })).data.castBallot;
    const second = (await ask(owner, CAST, { i: { proposal: id, choice: 'FOR' } })).data.castBallot;
    expect([first.changed, second.changed]).toEqual([false, true]);
    const tally = (await ask(null, TALLY, { id })).data.node.tally;
    expect(tally.participation.households).toBe(1);
    expect(tally.approval.households).toBe(1);
    const old = await ask(null, 'query($p: ID!, $r: String!) { verifyReceipt(proposal: $p, receipt: $r) { counted } }', {
      p: id,
      r: first.receipt,
    });
    expect(old.data.verifyReceipt.counted).toBe(false);
  });

  it('pushes the tally to a subscriber as ballots come in', async () => {
    const id = await openVote(world.small);
    let next = 0;
    const event = (await firstEvent(
      'subscription($p: ID!) { tallyChanged(proposal: $p) { proposal { id } tally { participation { households } } } }',
      { p: id },
      async () => {
        const owner = world.smallOwners[next++];
        if (owner) await ask(owner, CAST, { i: { proposal: id, choice: 'FOR' } });
      },
      own.server.graphqlUrl,
    )) as { data: { tallyChanged: { proposal: { id: string }; tally: { participation: { households: number } } } } };
    expect(event.data.tallyChanged.proposal.id).toBe(id);
    expect(event.data.tallyChanged.tally.participation.households).toBeGreaterThanOrEqual(1);
  });

  it('opens and closes on schedule without anyone looking', async () => {
    const created = await propose(world.smallOwners[0], world.small, { votingClosesAt: new Date(Date.now() + 2_000).toISOString() });
    const id = created.proposal?.id as string;
    await move(world.staff, 'beginProposalReview', id);
    await move(world.staff, 'reviewProposal', id, { approve: true }, 'ReviewProposalInput');
    await move(world.staff, 'publishProposal', id);
    const opened = await sweepProposals(own.orm.em.fork());
    expect(opened.opened.length).toBeGreaterThanOrEqual(1);
    await ask(world.smallOwners[2], CAST, { i: { proposal: id, choice: 'FOR' } });
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    await sweepProposals(own.orm.em.fork());
    const node = (await ask(null, TALLY, { id })).data.node;
    expect(node).toMatchObject({ stage: 'DECIDED', ballotCount: 1 });
  });
});

describe('owners’ votes under load', () => {
  it('takes 1,000 ballots at once for a 5,000-household compound, repeats included: none lost, none counted twice', async () => {
    const created = await propose(world.largeOwners[0], world.large);
    expect(created.userErrors).toEqual([]);
    const id = created.proposal?.id as string;
    for (const [name, more, input] of [
      ['beginProposalReview', {}, 'ProposalIdInput'],
      ['reviewProposal', { approve: true }, 'ReviewProposalInput'],
      ['publishProposal', {}, 'ProposalIdInput'],
      ['openVoting', {}, 'ProposalIdInput'],
    ] as const) {
      expect((await move(world.staff, name, id, more, input)).codes).toEqual([]);
    }
    // 800 households, 200 of them twice: 1,000 requests in flight together.
    const voters = world.largeOwners.slice(0, 800);
    const requests = [...voters, ...voters.slice(0, 200)];
    await Promise.all(requests.map((v) => tokenOf(v)));
    const choices = ['FOR', 'AGAINST', 'ABSTAIN', 'FOR'];
    const answers = await Promise.all(
      requests.map(async (v, i) => (await ask(v, CAST, { i: { proposal: id, choice: choices[i % 4] } })).data?.castBallot),
    );
    const ok = answers.filter((a) => a && a.userErrors.length === 0).length;
    const repeated = answers.filter((a) => a?.userErrors.some((e: { code: string }) => e.code === 'ALREADY_VOTED')).length;
    expect([ok, repeated]).toEqual([800, 200]);
    const [{ n }] = await own.orm.em
      .fork()
      .execute<{ n: string }[]>(`select count(*) as n from ballot where proposal_id = ?`, [
        Number(Buffer.from(id, 'base64url').toString().split(':')[1]),
      ]);
    expect(Number(n)).toBe(800);
    const tally = (await ask(null, TALLY, { id })).data.node.tally;
    expect(tally.rollHouseholds).toBe(5_000);
    expect(tally.participation.households).toBe(800);
  }, 120_000);
});
