import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import WebSocket from 'ws';
import { loadConfig } from '../../config.js';
import { type Em, migrate, type Orm, openOrm } from '../../db/orm.js';
import { toGlobalId } from '../../graphql/global-id.js';
import { type RunningServer, startServer } from '../../server.js';
import { ask, graphqlUrl, query } from '../../test/client.js';
import { tokenForPerson } from '../../test/fixtures.js';
import { developmentToken } from '../../test/operator.js';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.js';
import { Area } from '../areas/area.entity.js';
import { AuditRecord } from '../audit/audit.entity.js';
import { Person, RoleAssignment } from '../people/person.entity.js';
import { Request, RequestCategory, RequestEvent } from './request.entity.js';
import { sweepRequests } from './request.service.js';

const REQUEST = `id trackingCode state level overdue reporterName address handlerName rating resolution supervisionNote supervisionReport
  grid { id } history { move fromState toState level role note actorName }`;
const PAYLOAD = `request { ${REQUEST} } userErrors { field message code }`;
const m = (name: string, input: string) => `mutation($i: ${input}!) { ${name}(input: $i) { ${PAYLOAD} } }`;
const SUBMIT = m('submitRequest', 'SubmitRequestInput');
const DISPATCH = m('dispatchRequest', 'DispatchRequestInput');
const ACCEPT = m('acceptRequest', 'RequestNoteInput');
const RETURN = m('returnRequest', 'RequestReasonInput');
const TAKE_ON = m('takeOnRequest', 'RequestNoteInput');
const RESOLVE = m('resolveRequest', 'ResolveRequestInput');
const RATE = m('rateRequest', 'RateRequestInput');
const REOPEN = m('reopenRequest', 'RequestReasonInput');
const CLOSE = m('closeRequest', 'RequestNoteInput');
const REJECT = m('rejectRequest', 'RequestReasonInput');
const SUPERVISE = m('superviseRequest', 'SuperviseRequestInput');
const REPORT = m('reportOnRequest', 'ReportOnRequestInput');
const NODE = `query($id: ID!) { node(id: $id) { ... on Request { ${REQUEST} } } }`;

interface Who {
  token: string;
  personId: string;
}

/** The first person holding `role` in `within` whose other roles are all in `alsoAllowed`, with the area of the role. */
async function holderOf(role: string, within: string, alsoAllowed: string[] = []): Promise<Who & { area: string }> {
  const found = await query<{ people: { nodes: { id: string; roles: { nodes: { role: string; area: { id: string } }[] } }[] } }>(
    `query($w: ID) { people(first: 100, filter: { role: [${role}], within: $w }, orderBy: { field: ID }) {
      nodes { id roles(first: 10) { nodes { role area { id } } } } } }`,
    { w: within },
  );
  const person = found.people.nodes.find((p) => p.roles.nodes.every((r) => r.role === role || alsoAllowed.includes(r.role)));
  if (!person) throw new Error(`no ${role} in ${within}`);
  const area = person.roles.nodes.find((r) => r.role === role)?.area.id as string;
  return { token: await tokenForPerson(person.id), personId: person.id, area };
}

/** Roles that grant nothing on requests but taking them on. */
const PLAIN = ['OWNER', 'RESIDENT', 'VOLUNTEER', 'IN_SERVICE_PARTY_MEMBER'];

let community: string;
let grid: { id: string; latitude: number; longitude: number };
let resident: Who;
let worker: Who & { area: string };
let staff: Who;
let partyMember: Who;
let outsider: Who;

async function act(who: Who | null, mutation: string, input: Record<string, unknown>) {
  const r = await ask(who?.token ?? null, mutation, { i: input });
  const payload = r.body.data
    ? (Object.values(r.body.data)[0] as { request: Record<string, any> | null; userErrors: { code: string }[] })
    : null;
  return {
    error: r.body.errors?.[0]?.extensions.code,
    request: payload?.request ?? null,
    codes: payload?.userErrors.map((e) => e.code) ?? [],
  };
}

/**
 * Like test/client.ts's `firstEvent`, signed in: subscribes with the caller's token and runs
 * `trigger` every 250 ms until the first event arrives.
 */
async function firstEvent(subscription: string, variables: Record<string, unknown>, trigger: () => Promise<void>, token: string) {
  const client = createClient({
    url: graphqlUrl().replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    lazy: false,
    connectionParams: { authorization: `Bearer ${token}` },
  });
  try {
    const events = client.iterate({ query: subscription, variables });
    let received = false;
    const first = events.next().finally(() => {
      received = true;
    });
    for (let attempt = 0; attempt < 40 && !received; attempt++) {
      await trigger();
      await Promise.race([first, new Promise((r) => setTimeout(r, 250))]);
    }
    const { value } = await first;
    await events.return?.();
    return value;
  } finally {
    await client.dispose();
  }
}

const submission = (extra: Record<string, unknown> = {}) => ({
  category: 'street-light',
  description: '3号楼东侧路灯不亮，晚上很黑。',
  latitude: grid.latitude,
  longitude: grid.longitude,
  address: '幸福小区3号楼东侧',
  ...extra,
});

/** A request of the resident's, moved by the grid worker and the party member to `state`. */
async function requestIn(state: 'SUBMITTED' | 'DISPATCHED' | 'ACCEPTED' | 'IN_HAND' | 'RESOLVED'): Promise<string> {
  const steps: [string, string, Who, Record<string, unknown>][] = [
    ['DISPATCHED', DISPATCH, worker, {}],
    ['ACCEPTED', ACCEPT, worker, {}],
    ['IN_HAND', TAKE_ON, partyMember, {}],
    ['RESOLVED', RESOLVE, partyMember, { resolution: '已更换灯泡。' }],
  ];
  const id = (await act(resident, SUBMIT, submission())).request?.id as string;
  for (const [to, mutation, who, extra] of steps) {
    if (state === 'SUBMITTED') break;
    const moved = await act(who, mutation, { id, ...extra });
    if (moved.request?.state !== to) throw new Error(`${to}: ${JSON.stringify(moved)}`);
    if (to === state) break;
  }
  return id;
}

beforeAll(async () => {
  const districts = await query<{ areas: { nodes: { id: string }[] } }>(
    '{ areas(first: 2, filter: { kind: [DISTRICT] }, orderBy: { field: ID }) { nodes { id } } }',
  );
  const [district1, district2] = districts.areas.nodes.map((n) => n.id);
  const communities = await query<{ areas: { nodes: { id: string }[] } }>(
    'query($d: ID) { areas(first: 30, filter: { kind: [COMMUNITY], within: $d }, orderBy: { field: ID }) { nodes { id } } }',
    { d: district2 },
  );
  for (const c of communities.areas.nodes) {
    try {
      worker = await holderOf('GRID_WORKER', c.id, ['PARTY_MEMBER', ...PLAIN]);
      resident = await holderOf('OWNER', worker.area);
      partyMember = await holderOf('PARTY_MEMBER', c.id, PLAIN);
      staff = await holderOf('COMMUNITY_COMMITTEE_MEMBER', c.id, ['PARTY_MEMBER', ...PLAIN]);
      community = c.id;
      break;
    } catch {}
  }
  expect(community, 'a community with a grid worker, an owner of their grid, a party member and a committee member').toBeTruthy();
  const outline = await query<{ node: { id: string; boundary: { latitude: number; longitude: number }[] } }>(
    'query($g: ID!) { node(id: $g) { id ... on Area { boundary { latitude longitude } } } }',
    { g: worker.area },
  );
  const ring = outline.node.boundary;
  grid = {
    id: outline.node.id,
    latitude: ring.reduce((s, p) => s + p.latitude, 0) / ring.length,
    longitude: ring.reduce((s, p) => s + p.longitude, 0) / ring.length,
  };
  outsider = await holderOf('GRID_WORKER', district1);
}, 60_000);

describe('residents’ requests: the closed loop', () => {
  it('goes from submitted to closed, each move by the one who may make it; the history and the audit trail hold every move', async () => {
    const submitted = await act(resident, SUBMIT, submission());
    expect(submitted.codes).toEqual([]);
    // The grid comes from the place.
    expect(submitted.request).toMatchObject({ state: 'SUBMITTED', level: 'GRID', grid: { id: grid.id } });
    expect(submitted.request?.trackingCode).toMatch(/^GZ[2-9A-Z]{10}$/);
    const id = submitted.request?.id as string;

    expect((await act(worker, DISPATCH, { id, note: '网格内处理' })).request?.state).toBe('DISPATCHED');
    expect((await act(worker, ACCEPT, { id })).request?.state).toBe('ACCEPTED');
    expect((await act(partyMember, TAKE_ON, { id })).request?.state).toBe('IN_HAND');
    expect((await act(worker, RESOLVE, { id, resolution: '不是我领的' })).codes).toEqual(['NOT_HANDLER']);
    expect((await act(partyMember, RESOLVE, { id, resolution: ' ' })).codes).toEqual(['REQUIRED']);
    expect((await act(partyMember, RESOLVE, { id, resolution: '已更换灯泡。' })).request?.state).toBe('RESOLVED');
    expect((await act(worker, RATE, { id, rating: 5 })).codes).toEqual(['NOT_REPORTER']);
    expect((await act(resident, RATE, { id, rating: 6 })).codes).toEqual(['INVALID']);
    const rated = await act(resident, RATE, { id, rating: 5, comment: '很及时' });
    expect(rated.request).toMatchObject({ state: 'RATED', rating: 5 });
    expect((await act(resident, RATE, { id, rating: 1 })).codes).toEqual(['ALREADY_RATED']);
    const closed = await act(staff, CLOSE, { id });
    expect(closed.request?.state).toBe('CLOSED');

    const history = closed.request?.history as { move: string; fromState: string | null; toState: string; role: string | null }[];
    expect(history.map((e) => [e.move, e.fromState, e.toState])).toEqual([
      ['submit', null, 'SUBMITTED'],
      ['dispatch', 'SUBMITTED', 'DISPATCHED'],
      ['accept', 'DISPATCHED', 'ACCEPTED'],
      ['takeOn', 'ACCEPTED', 'IN_HAND'],
      ['resolve', 'IN_HAND', 'RESOLVED'],
      ['rate', 'RESOLVED', 'RATED'],
      ['close', 'RATED', 'CLOSED'],
    ]);
    expect(history.map((e) => e.role)).toEqual([
      null,
      'GRID_WORKER',
      'GRID_WORKER',
      'PARTY_MEMBER',
      null,
      null,
      'COMMUNITY_COMMITTEE_MEMBER',
    ]);
    const log = await query<{ auditLog: { nodes: { action: string }[] } }>(
      'query($o: ID) { auditLog(first: 20, filter: { object: $o }) { nodes { action } } }',
      { o: id },
    );
    expect(log.auditLog.nodes.map((n) => n.action).reverse()).toEqual(history.map((e) => `request.${e.move}`));
  });

  it('refuses moves that are not allowed, with a code, and changes nothing', async () => {
    expect((await act(null, SUBMIT, submission())).error).toBe('FORBIDDEN');
    expect((await act(resident, SUBMIT, submission({ latitude: 0, longitude: 0 }))).codes).toEqual(['NOT_FOUND']);
    expect((await act(resident, SUBMIT, submission({ latitude: undefined, longitude: undefined }))).codes).toEqual(['REQUIRED']);
    expect((await act(resident, SUBMIT, submission({ grid: community }))).codes).toEqual(['NOT_FOUND']);
    expect((await act(resident, SUBMIT, submission({ category: 'nope', description: '' }))).codes.sort()).toEqual([
      'NOT_FOUND',
      'REQUIRED',
    ]);
    // On a resident's behalf: a worker of the grid, not one of another district.
    const forResident = await act(worker, SUBMIT, submission({ reporter: resident.personId }));
    expect(forResident.codes).toEqual([]);
    expect(forResident.request?.reporterName).not.toMatch(/\*/);
    expect((await act(outsider, SUBMIT, submission({ reporter: resident.personId }))).codes).toEqual(['NOT_FOUND']);
    expect((await act(partyMember, SUBMIT, submission({ reporter: resident.personId }))).error).toBe('FORBIDDEN');

    const id = forResident.request?.id as string;
    expect((await act(resident, DISPATCH, { id })).error).toBe('FORBIDDEN');
    expect((await act(outsider, DISPATCH, { id })).codes).toEqual(['NOT_FOUND']);
    expect((await act(partyMember, TAKE_ON, { id })).codes).toEqual(['NOT_FOUND']);
    expect((await act(worker, ACCEPT, { id })).codes).toEqual(['WRONG_STATE']);
    const units = await query<{ near: { nodes: { id: string }[] }; far: { nodes: { id: string }[] } }>(
      `query($c: ID, $d: ID) { near: organizations(first: 1, filter: { within: $c }) { nodes { id } }
        far: organizations(first: 1, filter: { within: $d }) { nodes { id } } }`,
      {
        c: community,
        d: (
          await query<{ areas: { nodes: { id: string }[] } }>(
            '{ areas(first: 1, filter: { kind: [DISTRICT] }, orderBy: { field: ID }) { nodes { id } } }',
          )
        ).areas.nodes[0].id,
      },
    );
    expect((await act(worker, DISPATCH, { id, assignee: units.far.nodes[0].id })).codes).toEqual(['NOT_FOUND']);
    const dispatched = await ask(
      worker.token,
      'mutation($i: DispatchRequestInput!) { dispatchRequest(input: $i) { request { state assignee { id } } userErrors { code } } }',
      {
        i: { id, assignee: units.near.nodes[0].id },
      },
    );
    expect(dispatched.body.data.dispatchRequest.request).toEqual({ state: 'DISPATCHED', assignee: { id: units.near.nodes[0].id } });
    expect((await act(worker, RETURN, { id, reason: '' })).codes).toEqual(['REQUIRED']);
    const returned = await act(worker, RETURN, { id, reason: '不属本网格' });
    expect(returned.request?.state).toBe('RETURNED');
    expect(returned.request?.history.at(-1)).toMatchObject({ move: 'return', note: '不属本网格' });
    const rejected = await act(staff, REJECT, { id, reason: '重复诉求' });
    expect(rejected.request?.state).toBe('REJECTED');
    expect((await act(worker, DISPATCH, { id })).codes).toEqual(['WRONG_STATE']);
  });

  it('the reporter reopens a resolved request; it goes back to the dispatcher and round again', async () => {
    const id = await requestIn('RESOLVED');
    expect((await act(partyMember, REOPEN, { id, reason: '还是不亮' })).codes).toEqual(['NOT_REPORTER']);
    const reopened = await act(resident, REOPEN, { id, reason: '还是不亮' });
    expect(reopened.request).toMatchObject({ state: 'REOPENED', handlerName: null, resolution: null });
    expect((await act(worker, DISPATCH, { id })).request?.state).toBe('DISPATCHED');
  });

  it('a supervisor flags a request and asks for a report; whoever has it in hand reports', async () => {
    const id = await requestIn('IN_HAND');
    expect((await act(partyMember, REPORT, { id, report: '正在处理' })).codes).toEqual(['NOT_SUPERVISED']);
    expect((await act(worker, SUPERVISE, { id, note: '说明进度' })).error).toBe('FORBIDDEN');
    const flagged = await ask(inject('operatorToken'), SUPERVISE, { i: { id, note: '请说明为何未按时办结' } });
    expect(flagged.body.data.superviseRequest.request.supervisionNote).toBe('请说明为何未按时办结');
    const reported = await act(partyMember, REPORT, { id, report: '灯具需订货，周五前更换。' });
    expect(reported.request).toMatchObject({ state: 'IN_HAND', supervisionReport: '灯具需订货，周五前更换。' });
  });

  it('of 20 party members’ take-ons at once, one wins', async () => {
    const id = await requestIn('ACCEPTED');
    const results = await Promise.all(Array.from({ length: 20 }, () => act(partyMember, TAKE_ON, { id })));
    expect(results.filter((r) => r.request?.state === 'IN_HAND' && !r.codes.length)).toHaveLength(1);
    expect(results.filter((r) => r.codes.join() === 'WRONG_STATE')).toHaveLength(19);
  });
});

describe('residents’ requests: who sees what', () => {
  it('the public follow a request by its code: no one named, the address only if the reporter made it public', async () => {
    const hidden = await act(resident, SUBMIT, submission());
    const shown = await act(resident, SUBMIT, submission({ addressPublic: true }));
    const track = async (code: string) =>
      (
        await ask(
          null,
          `query($c: String!) { requestByTrackingCode(trackingCode: $c) { trackingCode state level category { code name } address latitude communityName gridName steps { move toState at } } }`,
          { c: code },
        )
      ).body.data.requestByTrackingCode;
    const summary = await track(hidden.request?.trackingCode);
    expect(summary).toMatchObject({ state: 'SUBMITTED', level: 'GRID', category: { code: 'street-light' }, address: null, latitude: null });
    expect(summary.steps.map((s: { move: string }) => s.move)).toEqual(['submit']);
    expect(JSON.stringify(summary)).not.toContain(hidden.request?.reporterName);
    expect((await track(shown.request?.trackingCode)).address).toBe('幸福小区3号楼东侧');
    expect(await track('GZNOSUCHCODE')).toBeNull();
    // The request itself is not public; its reporter and the grid's staff see it, the reporter's name masked for others.
    expect((await ask(null, NODE, { id: hidden.request?.id })).body.data.node).toBeNull();
    expect((await ask(partyMember.token, NODE, { id: hidden.request?.id })).body.data.node).toBeNull();
    expect((await ask(outsider.token, NODE, { id: hidden.request?.id })).body.data.node).toBeNull();
    expect((await ask(worker.token, NODE, { id: hidden.request?.id })).body.data.node.address).toBe('幸福小区3号楼东侧');
    expect((await ask(resident.token, NODE, { id: hidden.request?.id })).body.data.node.reporterName).not.toMatch(/\*/);
    // `yours` tells the reporter it is theirs (to rate or reopen it by `request.id`); nobody else.
    const mine = `query($c: String!) { requestByTrackingCode(trackingCode: $c) { yours request { id } } }`;
    const code = { c: hidden.request?.trackingCode };
    expect((await ask(resident.token, mine, code)).body.data.requestByTrackingCode).toEqual({
      yours: true,
      request: { id: hidden.request?.id },
    });
    for (const who of [null, worker.token, outsider.token]) {
      expect((await ask(who, mine, code)).body.data.requestByTrackingCode).toEqual({ yours: false, request: null });
    }
  });

  it('lists: the reporter their own, staff their area’s, party members those waiting to be taken on', async () => {
    const waiting = await requestIn('ACCEPTED');
    const fresh = await requestIn('SUBMITTED');
    const list = async (who: Who) =>
      (
        (
          await ask(who.token, 'query($c: ID) { requests(first: 100, filter: { within: $c }) { nodes { id state } } }', {
            c: community,
          })
        ).body.data.requests.nodes as { id: string; state: string }[]
      ).map((n) => n.id);
    expect(await list(resident)).toEqual(expect.arrayContaining([waiting, fresh]));
    expect(await list(staff)).toEqual(expect.arrayContaining([waiting, fresh]));
    const party = await list(partyMember);
    expect(party).toContain(waiting);
    expect(party).not.toContain(fresh);
    expect(await list(outsider)).toEqual([]);
  });

  it('statistics count by state, with the resolution rate, median times, overdue, escalations and the average rating', async () => {
    const figures = await query<{ requestStatistics: Record<string, any> }>(
      `query($a: ID!) { requestStatistics(area: $a) { submitted byState { state count } resolutionRate medianMinutesToDispatch
        medianMinutesToResolve overdue escalations averageRating } }`,
      { a: community },
    );
    const s = figures.requestStatistics;
    expect(s.submitted).toBe(s.byState.reduce((n: number, b: { count: number }) => n + b.count, 0));
    const resolved = s.byState
      .filter((b: { state: string }) => ['RESOLVED', 'RATED', 'CLOSED'].includes(b.state))
      .reduce((n: number, b: { count: number }) => n + b.count, 0);
    expect(s.resolutionRate).toBeCloseTo(resolved / s.submitted, 10);
    expect(s.medianMinutesToDispatch).toBeGreaterThanOrEqual(0);
    expect(s.averageRating).toBeGreaterThanOrEqual(1);
    expect(
      (await ask(resident.token, 'query($a: ID!) { requestStatistics(area: $a) { submitted } }', { a: community })).body.errors?.[0]
        .extensions.code,
    ).toBe('FORBIDDEN');
  });

  it('requestChanged tells the reporter of their request’s moves; requestQueue tells the grid’s dispatcher of new ones', async () => {
    const id = await requestIn('SUBMITTED');
    const code = (await ask(resident.token, NODE, { id })).body.data.node.trackingCode as string;
    let step = 0;
    const moved = (await firstEvent(
      'subscription($c: String) { requestChanged(trackingCode: $c) { action request { id state } } }',
      { c: code },
      async () => {
        // Dispatch, then return and dispatch again: every attempt moves it.
        if (step++ % 2 === 0) await act(worker, DISPATCH, { id });
        else await act(worker, RETURN, { id, reason: '再派' });
      },
      resident.token,
    )) as { data: { requestChanged: { action: string; request: { id: string } } } };
    expect(moved.data.requestChanged).toMatchObject({ action: 'UPDATED', request: { id } });

    const queued = (await firstEvent(
      'subscription($a: ID!) { requestQueue(area: $a) { action request { id state reporterName } } }',
      { a: grid.id },
      async () => {
        await act(resident, SUBMIT, submission());
      },
      worker.token,
    )) as { data: { requestQueue: { action: string; request: { state: string } } } };
    expect(queued.data.requestQueue).toMatchObject({ action: 'CREATED', request: { state: 'SUBMITTED' } });
  });
});

describe('escalation: an untouched request rises from grid to community to street, across a restart', () => {
  let database: TestDatabase;
  let orm: Orm;
  let server: RunningServer | null = null;
  let requestId = 0;
  let dispatchers = { grid: 0, community: 0, communityArea: 0 };

  beforeAll(async () => {
    database = await createTestDatabase(inject('databaseKind'));
    orm = await openOrm({ databaseUrl: database.databaseUrl, dataDir: database.dataDir, logQueries: false });
    await migrate(orm);
    const em = orm.em.fork();
    const area = async (kind: string, parent: Area | null) => {
      const created = em.create(Area, { kind, name: `测试${kind}`, path: '', depth: parent ? parent.depth + 1 : 0, parent } as never);
      await em.flush();
      created.path = `${parent?.path ?? '/'}${created.id}/`;
      await em.flush();
      return created;
    };
    const district = await area('DISTRICT', null);
    const street = await area('STREET', district);
    const community = await area('COMMUNITY', street);
    const gridArea = await area('GRID', community);
    const reporter = em.create(Person, { name: '王小华' } as never);
    // The dispatchers of the grid and of the community: an escalated request reaches the second.
    const gridDispatcher = em.create(Person, { name: '网格员' } as never);
    const communityDispatcher = em.create(Person, { name: '社区两委' } as never);
    em.create(RoleAssignment, { person: gridDispatcher, role: 'GRID_WORKER', area: gridArea, startsOn: '2024-01-01' } as never);
    em.create(RoleAssignment, {
      person: communityDispatcher,
      role: 'COMMUNITY_COMMITTEE_MEMBER',
      area: community,
      startsOn: '2024-01-01',
    } as never);
    // "A short deadline configured": every stage due at once.
    const drill = em.create(RequestCategory, {
      code: 'drill',
      name: '演练',
      nameEn: 'Drill',
      dispatchMinutes: 0,
      acceptMinutes: 0,
      takeOnMinutes: 0,
      resolveMinutes: 0,
    } as never);
    await em.flush();
    const request = em.create(Request, {
      trackingCode: 'GZESCALATE01',
      category: drill,
      description: '无人处理',
      photoUrls: [],
      reporter,
      submittedBy: reporter,
      grid: gridArea,
      community,
      street,
      level: 'GRID',
      state: 'SUBMITTED',
      deadline: new Date(Date.now() - 1_000),
      submittedAt: new Date(Date.now() - 60_000),
    } as never);
    await em.flush();
    requestId = request.id;
    dispatchers = { grid: gridDispatcher.id, community: communityDispatcher.id, communityArea: community.id };
  });

  afterAll(async () => {
    await server?.close();
    await orm?.close(true);
    await database?.drop();
  });

  const levelNow = async () => (await orm.em.fork().findOneOrFail(Request, { id: requestId })).level;

  /** Another request like the first (same category, reporter and places), untouched at the grid unless `values` say otherwise. */
  async function anotherRequest(em: Em, trackingCode: string, values: Record<string, unknown>): Promise<Request> {
    const first = await em.findOneOrFail(Request, { id: requestId });
    const request = em.create(Request, {
      trackingCode,
      category: first.category,
      description: '无人处理',
      photoUrls: [],
      reporter: first.reporter,
      submittedBy: first.reporter,
      grid: first.grid,
      community: first.community,
      street: first.street,
      level: 'GRID',
      state: 'SUBMITTED',
      submittedAt: new Date(),
      ...values,
    } as never);
    await em.flush();
    return request;
  }

  it('rises one level when the server starts, and the next when it starts again; each rise is in the history, audited as the system', async () => {
    // A sweep only at start-up (the interval is an hour): the first server raises it once.
    server = await startServer({ ...loadConfig({ GZ_SWEEP_INTERVAL_MS: '3600000' }), port: 0, host: '127.0.0.1' }, orm);
    expect(await levelNow()).toBe('COMMUNITY');
    await server.close();
    server = null;
    // Its deadline at the community passed while the server was down: the restart raises it.
    server = await startServer({ ...loadConfig({ GZ_SWEEP_INTERVAL_MS: '3600000' }), port: 0, host: '127.0.0.1' }, orm);
    const request = await orm.em.fork().findOneOrFail(Request, { id: requestId });
    expect(request).toMatchObject({ level: 'STREET', overdue: true, escalations: 2, state: 'SUBMITTED' });
    const events = await orm.em.fork().find(RequestEvent, { request: requestId }, { orderBy: { id: 'asc' } });
    expect(events.map((e) => [e.move, e.level, e.actor])).toEqual([
      ['escalate', 'COMMUNITY', null],
      ['escalate', 'STREET', null],
    ]);
    const records = await orm.em.fork().find(AuditRecord, { objectType: 'Request', objectId: requestId }, { orderBy: { id: 'asc' } });
    expect(records.map((r) => [r.action, r.actorKind])).toEqual([
      ['request.escalate', 'SYSTEM'],
      ['request.escalate', 'SYSTEM'],
    ]);
    await server.close();
    server = null;
  });

  it('with a short sweep interval, a running server raises a fresh request to the street within seconds, and stops there', async () => {
    const fresh = await anotherRequest(orm.em.fork(), 'GZESCALATE02', { deadline: new Date(Date.now() + 1_000) });
    server = await startServer({ ...loadConfig({ GZ_SWEEP_INTERVAL_MS: '200' }), port: 0, host: '127.0.0.1' }, orm);
    const until = Date.now() + 10_000;
    let now = await orm.em.fork().findOneOrFail(Request, { id: fresh.id });
    while (Date.now() < until && now.deadline !== null) {
      await new Promise((r) => setTimeout(r, 100));
      now = await orm.em.fork().findOneOrFail(Request, { id: fresh.id });
    }
    expect(now).toMatchObject({ level: 'STREET', overdue: true, escalations: 2, deadline: null });
    const events = await orm.em.fork().find(RequestEvent, { request: fresh.id }, { orderBy: { id: 'asc' } });
    expect(events.map((e) => [e.move, e.level])).toEqual([
      ['escalate', 'COMMUNITY'],
      ['escalate', 'STREET'],
      ['escalate', 'STREET'],
    ]);
    // The public see it rose, by the code.
    const r = await fetch(server.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ requestByTrackingCode(trackingCode: "GZESCALATE02") { level overdue steps { move level } } }' }),
    });
    const body = (await r.json()) as { data: { requestByTrackingCode: { level: string; overdue: boolean; steps: unknown[] } } };
    expect(body.data.requestByTrackingCode).toMatchObject({ level: 'STREET', overdue: true });
    expect(body.data.requestByTrackingCode.steps).toHaveLength(3);
  });

  it('closes a resolved request once the reporter’s window to reopen it has passed, as the system', async () => {
    const resolved = (days: number, code: string, state: string) =>
      anotherRequest(orm.em.fork(), code, {
        description: '已办结',
        state,
        deadline: null,
        submittedAt: new Date(Date.now() - 30 * 86_400_000),
        resolvedAt: new Date(Date.now() - days * 86_400_000),
      });
    const old = await resolved(8, 'GZCLOSEOLD01', 'RESOLVED');
    const rated = await resolved(9, 'GZCLOSERATED', 'RATED');
    const recent = await resolved(2, 'GZCLOSENEW01', 'RESOLVED');
    await sweepRequests(orm.em.fork());
    const states = await orm.em.fork().find(Request, { id: { $in: [old.id, rated.id, recent.id] } }, { orderBy: { id: 'asc' } });
    expect(states.map((r) => r.state)).toEqual(['CLOSED', 'CLOSED', 'RESOLVED']);
    const events = await orm.em.fork().find(RequestEvent, { request: old.id });
    expect(events.map((e) => [e.move, e.actor])).toEqual([['close', null]]);
  });

  it('tells the level above: the community’s dispatchers hear of a request that rose from the grid, its grid worker does not', async () => {
    server ??= await startServer({ ...loadConfig({ GZ_SWEEP_INTERVAL_MS: '200' }), port: 0, host: '127.0.0.1' }, orm);
    const running = server;
    const queue = 'subscription($a: ID!) { requestQueue(area: $a) { request { trackingCode level } } }';
    const area = toGlobalId('Area', dispatchers.communityArea);
    const heard: Record<string, string[]> = { grid: [], community: [] };
    const clients = await Promise.all(
      (['grid', 'community'] as const).map(async (who) => {
        const token = await developmentToken(running.graphqlUrl, dispatchers[who]);
        const client = createClient({
          url: running.graphqlUrl.replace(/^http/, 'ws'),
          webSocketImpl: WebSocket,
          connectionParams: { authorization: `Bearer ${token}` },
        });
        client.subscribe(
          { query: queue, variables: { a: area } },
          {
            next: (event) => {
              const request = (event.data as { requestQueue: { request: { trackingCode: string; level: string } } }).requestQueue.request;
              heard[who].push(`${request.trackingCode} ${request.level}`);
            },
            error: () => {},
            complete: () => {},
          },
        );
        return client;
      }),
    );
    try {
      // New overdue requests until one is heard rising (the subscriptions take a moment to start).
      const until = Date.now() + 15_000;
      for (let n = 0; Date.now() < until && !heard.community.some((h) => h.endsWith(' COMMUNITY')); n++) {
        await anotherRequest(orm.em.fork(), `GZQUEUE${String(n).padStart(5, '0')}`, { deadline: new Date(Date.now() - 1_000) });
        await new Promise((r) => setTimeout(r, 500));
      }
      expect(heard.community.some((h) => h.endsWith(' COMMUNITY'))).toBe(true);
      // The grid's worker is not told of requests now answered above the grid.
      expect(heard.grid.filter((h) => !h.endsWith(' GRID'))).toEqual([]);
    } finally {
      await Promise.all(clients.map((c) => c.dispose()));
      await running.close();
      server = null;
    }
  });
});
