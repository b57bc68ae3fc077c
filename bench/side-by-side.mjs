#!/usr/bin/env node
/**
 * Our API side by side with PostGraphile V5 on the same database (issue #9):
 *
 *   pnpm --filter @gongzhi/bench side-by-side -- --scale 10 --connections 32 --seconds 10
 *
 * A fresh PostgreSQL database `gz_bench_side`; the built API seeds `--scale` demo districts; SQL
 * adds synthetic wishes (until `--wishes`) and a compound whose proposal is in voting with
 * `--ballots` ballots; the few SQL functions PostGraphile needs for what it cannot express
 * otherwise (`bench_*`, in `public`, see README). Then PostGraphile V5 (postgraphile-server.mjs)
 * starts on the same database, and for each of four queries (the stations nearest a point with
 * their services; the wish board's first page of a district; a proposal's tally; a district's
 * streets, their communities and their grids with counts) both answers are checked to hold the
 * same data once, our SQL statements per request are read from `extensions.sqlStatements` (on a
 * traced server, before the timed runs), and autocannon drives each side with the same
 * connections for `--warmup` then `--seconds` seconds, ours and theirs in turn, `--rounds` times
 * (the order swapped each round). Results: bench/results/side-by-side.json.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { Kind, parse } from 'graphql';
import { buildApi, cpuMs, dropDatabase, freshDatabase, graphql, postgresCpuMs, root, startApi, stopApi, withClient } from './lib.mjs';

const argv = process.argv.slice(2);
const { values } = parseArgs({
  args: argv[0] === '--' ? argv.slice(1) : argv,
  options: {
    scale: { type: 'string', default: '10' },
    connections: { type: 'string', default: '32' },
    seconds: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    rounds: { type: 'string', default: '1' },
    wishes: { type: 'string', default: '10000' },
    ballots: { type: 'string', default: '100000' },
    port: { type: 'string', default: '4330' },
    'pgl-port': { type: 'string', default: '4331' },
    only: { type: 'string' },
    // Development: keep the database (and reuse it when it is there) instead of a fresh one.
    keep: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
  },
});
const scale = Number(values.scale);
const connections = Number(values.connections);
const seconds = Number(values.seconds);
const warmup = Number(values.warmup);
const rounds = Number(values.rounds);
const port = Number(values.port);
const pglPort = Number(values['pgl-port']);
const ours = `http://127.0.0.1:${port}/graphql`;
const theirs = `http://127.0.0.1:${pglPort}/graphql`;
const dbName = 'gz_bench_side';
/** The load averages (1, 5, 15 min) as `uptime` prints them: other work on the machine shows in the figures. */
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

// ---------------------------------------------------------------------------------------------
// Data beyond the seed, and what PostGraphile needs.

const WISHES = `
insert into wish (title, story, category, beneficiary_kind, beneficiary_id, posted_by_id, community_id, grid_id,
                  estimated_cost, wanted_by, photo_urls, state, opened_at, created_at, updated_at)
select '合成心愿' || g, '基准测试用的心愿。', (array['DAILY_NEEDS','STUDY','HEALTH','COMPANIONSHIP','HOME_REPAIR','OTHER'])[1 + (g % 6)],
       'ELDERLY_ALONE', o.people[1 + (g % array_length(o.people, 1))], o.people[1 + (g % array_length(o.people, 1))],
       c.ids[1 + (g % array_length(c.ids, 1))], null, 100, null, '[]'::jsonb,
       (array['CONFIRMED','CONFIRMED','CONFIRMED','CONFIRMED','OPEN','OPEN','CLAIMED','FULFILLED','PENDING_REVIEW','REJECTED'])[1 + (g % 10)],
       now() - interval '1 day', now() - (g || ' minutes')::interval, now()
from generate_series(1, $1) g
cross join (select array_agg(id order by id) ids from area where kind = 'COMMUNITY') c
cross join (select array_agg(person_id order by person_id) people from role_assignment where role = 'OWNER') o`;

const RULE = JSON.stringify({
  kind: 'CIVIL_CODE_ORDINARY',
  participationByArea: { fraction: { num: 2, den: 3 }, strict: false },
  participationByHeadcount: { fraction: { num: 2, den: 3 }, strict: false },
  approvalByArea: { fraction: { num: 1, den: 2 }, strict: true },
  approvalByHeadcount: { fraction: { num: 1, den: 2 }, strict: true },
});

/** A compound of `n` households under the first grid, a proposal of it in voting, a ballot from each household (as votes.mjs). */
async function votedProposal(db, n) {
  const {
    rows: [grid],
  } = await db.query(`select id, path, depth from area where kind = 'GRID' order by id limit 1`);
  const add = async (kind, label, parent) => {
    const {
      rows: [row],
    } = await db.query(
      `insert into area (kind, name, path, depth, parent_id, created_at, updated_at) values ($1, $2, '', $3, $4, now(), now()) returning id`,
      [kind, label, parent.depth + 1, parent.id],
    );
    const path = `${parent.path}${row.id}/`;
    await db.query('update area set path = $1 where id = $2', [path, row.id]);
    return { id: row.id, path, depth: parent.depth + 1 };
  };
  const c = await add('COMPOUND', '计票小区', grid);
  const b = await add('BUILDING', '计票小区1栋', c);
  await db.query(
    `insert into area (kind, name, path, depth, parent_id, floor_area, created_at, updated_at)
     select 'HOUSEHOLD', '计票小区-' || g, '', $1, $2, 60.25 + (g % 97), now(), now() from generate_series(1, $3) g`,
    [b.depth + 1, b.id, n],
  );
  await db.query(`update area set path = $1 || id || '/' where parent_id = $2`, [b.path, b.id]);
  const {
    rows: [p],
  } = await db.query(
    `insert into proposal (scope_id, title, text, attachment_urls, matter_type, rule_kind, rule, ballots_changeable, stage,
       proposed_by_id, voting_opens_at, voting_closes_at, voting_opened_at, created_at, updated_at)
     values ($1, '选聘物业（对比计票）', '基准测试', '[]', 'PROPERTY_COMPANY_HIRING', 'CIVIL_CODE_ORDINARY', $2, false, 'VOTING',
       (select min(id) from person), now() - interval '1 hour', now() + interval '1 day', now(), now(), now()) returning id`,
    [c.id, RULE],
  );
  await db.query(
    `insert into voter_roll_entry (proposal_id, household_id, area_hundredths)
     select $1, id, round(floor_area * 100)::int from area where kind = 'HOUSEHOLD' and path like $2`,
    [p.id, `${c.path}%`],
  );
  await db.query(
    `update proposal set roll_households = r.n, roll_area_hundredths = r.a
     from (select count(*) n, sum(area_hundredths) a from voter_roll_entry where proposal_id = $1) r where id = $1`,
    [p.id],
  );
  await db.query(
    `insert into ballot (proposal_id, household_id, voter_id, choice, area_hundredths, receipt_hash, cast_at, changes)
     select $1::int, r.household_id, (select min(id) from person), (array['FOR','FOR','AGAINST','ABSTAIN'])[1 + (row_number() over () % 4)],
            r.area_hundredths, encode(sha256(($1::text || '-' || r.household_id)::bytea), 'hex'), now(), 0
     from voter_roll_entry r where r.proposal_id = $1::int`,
    [p.id],
  );
  return p.id;
}

/**
 * What PostGraphile cannot express from the tables alone, as SQL functions it exposes: the
 * nearest stations (a root field ordered by the same GiST-indexed distance our API uses), a
 * subtree's public wishes newest first (the board's `within`), and a proposal's sums by choice
 * from the same counters our tally reads (a computed column). Inlinable `language sql stable`.
 */
const FUNCTIONS = `
create or replace function bench_stations_near(lat double precision, lon double precision) returns setof station
language sql stable as $$
  select s.* from station s order by ll_to_earth(s.latitude, s.longitude) <-> ll_to_earth(lat, lon)
$$;
create or replace function bench_wishes_within(area_id int) returns setof wish
language sql stable as $$
  select w.* from wish w
  where w.community_id in (select c.id from area c where c.kind = 'COMMUNITY'
                           and c.path like (select a.path from area a where a.id = area_id) || '%')
    and w.state in ('OPEN', 'CLAIMED', 'FULFILLED', 'CONFIRMED')
  order by w.id desc
$$;
do $$ begin
  create type bench_tally as (
    for_households bigint, for_area_hundredths numeric, against_households bigint, against_area_hundredths numeric,
    abstain_households bigint, abstain_area_hundredths numeric);
exception when duplicate_object then null; end $$;
create or replace function proposal_bench_tally(p proposal) returns bench_tally
language sql stable as $$
  select coalesce(sum(households) filter (where choice = 'FOR'), 0), coalesce(sum(area_hundredths) filter (where choice = 'FOR'), 0),
         coalesce(sum(households) filter (where choice = 'AGAINST'), 0), coalesce(sum(area_hundredths) filter (where choice = 'AGAINST'), 0),
         coalesce(sum(households) filter (where choice = 'ABSTAIN'), 0), coalesce(sum(area_hundredths) filter (where choice = 'ABSTAIN'), 0)
  from ballot_tally where proposal_id = p.id
$$;`;

// ---------------------------------------------------------------------------------------------
// The four queries, ours and PostGraphile's closest equivalent.

const globalId = (type, id) => Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');
const boardDocuments = readFileSync(join(root, 'packages/schema/operations/wish-board.graphql'), 'utf8');
function boardOperation(name) {
  const blocks = boardDocuments.split(/\n(?=query |mutation |subscription |fragment )/);
  const op = blocks.find((b) => b.startsWith(`query ${name}`));
  const fragments = blocks.filter((b) => b.startsWith('fragment ') && op.includes(`...${b.split(' ')[1]}`));
  return [op, ...fragments].join('\n');
}

/** Points spread over the districts' stations: the same list, in the same order, for both. */
function nearPoints(stations, n = 200) {
  let seed = 42;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  return Array.from({ length: n }, () => {
    const s = stations[Math.floor(random() * stations.length)];
    return { lat: s.latitude + (random() - 0.5) * 0.02, lon: s.longitude + (random() - 0.5) * 0.02 };
  });
}

function queries(setup) {
  const district = setup.district;
  return [
    {
      key: 'stationsNear',
      title: 'stations nearest a point, with their services (20)',
      ours: {
        query: `query($lat: Float!, $lon: Float!) { stations(near: { latitude: $lat, longitude: $lon }, first: 20) {
          nodes { id name address latitude longitude services(first: 20) { nodes { name } } } } }`,
        variables: (i) => setup.points[i % setup.points.length],
        count: (d) => d.stations.nodes.map((s) => `${s.name}:${s.services.nodes.length}`).join(),
      },
      theirs: {
        query: `query($lat: Float!, $lon: Float!) { benchStationsNear(lat: $lat, lon: $lon, first: 20) {
          nodes { id name address latitude longitude stationServicesByStationId(first: 20) { nodes { serviceByServiceId { name } } } } } }`,
        variables: (i) => setup.points[i % setup.points.length],
        count: (d) => d.benchStationsNear.nodes.map((s) => `${s.name}:${s.stationServicesByStationId.nodes.length}`).join(),
      },
      equivalent:
        'a SQL function `bench_stations_near(lat, lon) returns setof station` ordered by the same GiST-indexed distance, as a root connection; services through the join table',
    },
    {
      key: 'wishBoardPage',
      title: "the wish board's first page of a district (20)",
      ours: {
        query: boardOperation('WishBoardWishes'),
        variables: () => ({ filter: { within: globalId('Area', district) }, first: 20 }),
        count: (d) => `${d.wishes.totalCount}:${d.wishes.nodes.map((w) => w.title).join()}`,
      },
      theirs: {
        query: `query($area: Int!) { benchWishesWithin(areaId: $area, first: 20) { totalCount pageInfo { hasNextPage endCursor }
          nodes { id title story category beneficiaryKind personByBeneficiaryId { name } personByClaimerId { name }
            organizationByClaimedForId { id name } estimatedCost wantedBy state claimDeadline fulfilmentNote confirmedAt createdAt
            areaByCommunityId { id name } areaByGridId { id name } } } }`,
        variables: () => ({ area: district }),
        count: (d) => `${d.benchWishesWithin.totalCount}:${d.benchWishesWithin.nodes.map((w) => w.title).join()}`,
      },
      equivalent:
        'a SQL function `bench_wishes_within(area_id) returns setof wish` (public states, communities of the subtree, newest first), as a root connection with totalCount; names unmasked (ours masks them per wish)',
    },
    {
      key: 'proposalTally',
      title: "a proposal's tally (100,000 ballots)",
      ours: {
        query: `query($id: ID!) { node(id: $id) { ... on Proposal { tally { rollHouseholds rollArea passes final
          participation { households area householdShare areaShare byHeadcountMet byAreaMet }
          approval { households area householdShare areaShare byHeadcountMet byAreaMet } } } } }`,
        variables: () => ({ id: globalId('Proposal', setup.proposal) }),
        count: (d) => `${d.node.tally.participation.households}`,
      },
      theirs: {
        query: `query($id: Int!) { proposalByRowId(rowId: $id) { rollHouseholds rollAreaHundredths rule
          benchTally { forHouseholds forAreaHundredths againstHouseholds againstAreaHundredths abstainHouseholds abstainAreaHundredths } } }`,
        variables: () => ({ id: setup.proposal }),
        count: (d) => {
          const t = d.proposalByRowId.benchTally;
          return `${Number(t.forHouseholds) + Number(t.againstHouseholds) + Number(t.abstainHouseholds)}`;
        },
      },
      equivalent:
        'the proposal with its roll and rule, and a computed column `proposal_bench_tally(proposal)` summing the same counters by choice; shares and thresholds left to the client (ours computes them)',
    },
    {
      key: 'nestedAreas',
      title: "a district's streets > communities > grids, with counts",
      ours: {
        query: `query($d: ID!) { node(id: $d) { ... on Area { name children(first: 100) { nodes { name
          children(first: 100) { nodes { name children(first: 100) { totalCount nodes { name
            children(first: 0) { totalCount } coveringStations(first: 0) { totalCount } } } } } } } } } }`,
        variables: () => ({ d: globalId('Area', district) }),
        count: (d) => countNested(d.node, 'children'),
      },
      theirs: {
        query: `query($d: Int!) { areaByRowId(rowId: $d) { name areasByParentId(first: 100) { nodes { name
          areasByParentId(first: 100) { nodes { name areasByParentId(first: 100) { totalCount nodes { name
            areasByParentId { totalCount } stationGridsByGridId { totalCount } } } } } } } } }`,
        variables: () => ({ d: district }),
        count: (d) => countNested(d.areaByRowId, 'areasByParentId'),
      },
      equivalent:
        'the district by id and its `areasByParentId` relation three levels down, `totalCount` of the grids, their children and their `stationGridsByGridId` (the stations covering them)',
    },
  ];
}

/** Streets, communities, grids, and the grids' two counts summed: the same numbers for the same data. */
function countNested(district, rel) {
  let streets = 0;
  let communities = 0;
  let grids = 0;
  let children = 0;
  let stations = 0;
  for (const s of district[rel].nodes) {
    streets++;
    for (const c of s[rel].nodes) {
      communities++;
      grids += c[rel].totalCount;
      for (const g of c[rel].nodes) {
        children += g[rel].totalCount;
        stations += (g.coveringStations ?? g.stationGridsByGridId).totalCount;
      }
    }
  }
  return `${streets} streets, ${communities} communities, ${grids} grids, ${children} children, ${stations} covering stations`;
}

/** The depth of a document: fields nested in fields (inline fragments and spreads add none), as depth limits count it. */
function depthOf(source) {
  const doc = parse(source);
  const fragments = Object.fromEntries(
    doc.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d.selectionSet]),
  );
  const depth = (set) =>
    Math.max(
      0,
      ...set.selections.map((s) => {
        if (s.kind === Kind.FIELD) return s.selectionSet ? 1 + depth(s.selectionSet) : 1;
        return depth(s.kind === Kind.INLINE_FRAGMENT ? s.selectionSet : fragments[s.name.value]);
      }),
    );
  const operation = doc.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  return depth(operation.selectionSet);
}

// ---------------------------------------------------------------------------------------------

async function post(endpoint, query, variables) {
  const res = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  if (body.errors) throw new Error(`${endpoint}: ${JSON.stringify(body.errors).slice(0, 500)}`);
  return body;
}

function startPostGraphile(databaseUrl) {
  const child = spawn(process.execPath, [join(root, 'bench/postgraphile-server.mjs')], {
    cwd: join(root, 'bench'),
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(pglPort), NODE_ENV: 'production' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return (async () => {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`PostGraphile exited with code ${child.exitCode}`);
      try {
        await graphql(theirs, '{ __typename }');
        return child;
      } catch {
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  })();
}

/** autocannon against `endpoint` with the side's query: warm-up, then the timed run; `pid` the server's process. */
async function drive(endpoint, side, pid) {
  const run = (duration) => {
    let i = 0;
    let errors = 0;
    return autocannon({
      url: endpoint,
      connections,
      duration,
      requests: [
        {
          method: 'POST',
          setupRequest: (req) => ({
            ...req,
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ query: side.query, variables: side.variables(i++) }),
          }),
          onResponse: (_status, body) => {
            if (body.includes('"errors"')) errors++;
          },
        },
      ],
    }).then((r) => ({ r, errors }));
  };
  if (warmup > 0) await run(warmup);
  const before = load();
  const cpuBefore = cpuMs(pid);
  const pgBefore = postgresCpuMs();
  const { r, errors } = await run(seconds);
  const cpuAfter = cpuMs(pid);
  const pgAfter = postgresCpuMs();
  return {
    requests: r.requests.total,
    rps: Number(r.requests.average.toFixed(0)),
    p50ms: r.latency.p50,
    p99ms: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors + errors,
    // The server process's CPU per answered request: what the server itself spends, apart from PostgreSQL.
    serverCpuMsPerRequest: cpuBefore == null ? null : Number(((cpuAfter - cpuBefore) / r.requests.total).toFixed(2)),
    // PostgreSQL's CPU per answered request (every postgres process on the machine; the bench's database is the only busy one).
    postgresCpuMsPerRequest: pgBefore == null ? null : Number(((pgAfter - pgBefore) / r.requests.total).toFixed(2)),
    loadavg: { before, after: load() },
  };
}

const apiEnv = {
  GZ_SEED_SCALE: String(scale),
  // The nested query asks `first: 100` on three levels: over the default cost limit.
  GZ_MAX_COST: '100000000000',
};
const dataDir = mkdtempSync(join(tmpdir(), 'gz-bench-side-'));
let server;
let pgl;
if (!values['no-build']) buildApi();
const reuse =
  values.keep &&
  (await withClient('postgresql://postgres@127.0.0.1:5432/postgres', async (c) => {
    return (await c.query('select 1 from pg_database where datname = $1', [dbName])).rowCount > 0;
  }));
const databaseUrl = reuse ? `postgresql://postgres@127.0.0.1:5432/${dbName}` : await freshDatabase(dbName);
try {
  console.log(reuse ? `reusing ${dbName}` : `seeding ${scale} districts into ${dbName} …`);
  const seedStart = performance.now();
  server = await startApi({
    port,
    databaseUrl,
    dataDir,
    readyQuery: '{ areas(first: 1) { totalCount } }',
    env: { ...apiEnv, GZ_SQL_TRACE: 'true' },
  });
  const setup = await withClient(databaseUrl, async (db) => {
    const prepared = (await db.query(`select 1 from pg_proc where proname = 'proposal_bench_tally'`)).rowCount > 0;
    if (!prepared) {
      const {
        rows: [{ n: seeded }],
      } = await db.query('select count(*)::int n from wish');
      await db.query(WISHES, [Math.max(0, Number(values.wishes) - seeded)]);
      await votedProposal(db, Number(values.ballots));
      await db.query(FUNCTIONS);
      // Statistics for the planner, and the visibility map a freshly loaded table lacks until
      // autovacuum passes: index-only scans (a station's services, on both sides) then skip the heap.
      await db.query('vacuum analyze');
    }
    const {
      rows: [{ id: district }],
    } = await db.query(`select id from area where kind = 'DISTRICT' order by id limit 1`);
    const {
      rows: [{ id: proposal }],
    } = await db.query(`select id from proposal where title = '选聘物业（对比计票）' order by id desc limit 1`);
    const { rows: stations } = await db.query('select latitude, longitude from station order by id');
    const {
      rows: [sizes],
    } = await db.query(`select (select count(*)::int from area where kind = 'DISTRICT') districts, (select count(*)::int from area) areas,
      (select count(*)::int from station) stations, (select count(*)::int from wish) wishes, (select count(*)::int from ballot) ballots`);
    return { district, proposal, points: nearPoints(stations), sizes };
  });
  console.log(`data ready in ${((performance.now() - seedStart) / 1000).toFixed(0)} s: ${JSON.stringify(setup.sizes)}`);
  pgl = await startPostGraphile(databaseUrl);
  const list = queries(setup).filter((q) => !values.only || values.only.split(',').includes(q.key));

  // Once: the same data from both, and our statements per request (traced server).
  for (const q of list) {
    const a = await post(ours, q.ours.query, q.ours.variables(0));
    const b = await post(theirs, q.theirs.query, q.theirs.variables(0));
    const [ca, cb] = [q.ours.count(a.data), q.theirs.count(b.data)];
    if (ca !== cb) throw new Error(`${q.key}: ours ${ca.slice(0, 300)} ≠ theirs ${cb.slice(0, 300)}`);
    const statements = [];
    for (let i = 0; i < 5; i++) statements.push((await post(ours, q.ours.query, q.ours.variables(i))).extensions?.sqlStatements);
    q.sqlStatements = Math.max(...statements);
    q.depth = depthOf(q.ours.query);
    q.same = ca.length > 120 ? `${ca.slice(0, 120)}…` : ca;
    console.log(`${q.key}: same data (${q.same}); ours ran ${q.sqlStatements} SQL statements, depth ${q.depth}`);
  }
  // The timed runs on an untraced server.
  await stopApi(server);
  server = await startApi({ port, databaseUrl, dataDir, readyQuery: '{ areas(first: 1) { totalCount } }', env: apiEnv });

  const runs = Object.fromEntries(list.map((q) => [q.key, { ours: [], theirs: [] }]));
  for (let round = 0; round < rounds; round++) {
    for (const q of list) {
      const order = round % 2 === 0 ? ['ours', 'theirs'] : ['theirs', 'ours'];
      for (const side of order) {
        const figures = await drive(side === 'ours' ? ours : theirs, q[side], side === 'ours' ? server.pid : pgl.pid);
        runs[q.key][side].push(figures);
        console.log(
          `  ${q.key.padEnd(14)} ${side.padEnd(6)} ${String(figures.rps).padStart(6)} req/s  p50 ${figures.p50ms} ms  p99 ${figures.p99ms} ms  server CPU ${figures.serverCpuMsPerRequest} ms/request, PostgreSQL ${figures.postgresCpuMsPerRequest} ms  (${figures.requests} requests, ${figures.non2xx} non-2xx, ${figures.errors} errors; load ${figures.loadavg.before})`,
        );
      }
    }
  }
  const best = (list) => list.reduce((a, b) => (b.rps > a.rps ? b : a));
  const results = list.map((q) => {
    const o = best(runs[q.key].ours);
    const t = best(runs[q.key].theirs);
    return {
      query: q.key,
      title: q.title,
      ours: {
        rps: o.rps,
        p50ms: o.p50ms,
        p99ms: o.p99ms,
        serverCpuMsPerRequest: o.serverCpuMsPerRequest,
        postgresCpuMsPerRequest: o.postgresCpuMsPerRequest,
        sqlStatements: q.sqlStatements,
      },
      theirs: {
        rps: t.rps,
        p50ms: t.p50ms,
        p99ms: t.p99ms,
        serverCpuMsPerRequest: t.serverCpuMsPerRequest,
        postgresCpuMsPerRequest: t.postgresCpuMsPerRequest,
      },
      ratio: Number((o.rps / t.rps).toFixed(2)),
      depth: q.depth,
      postgraphileEquivalent: q.equivalent,
      sameData: q.same,
      runs: runs[q.key],
    };
  });
  console.log(
    `\nour API / PostGraphile ${pglVersion()}, ${connections} connections, ${warmup} s warm-up + ${seconds} s each, best of ${rounds} round(s); load ${load()}:`,
  );
  console.log(
    '| query | ours req/s | p50 | p99 | CPU/req | PostgreSQL CPU/req | PostGraphile req/s | p50 | p99 | CPU/req | PostgreSQL CPU/req | ratio | SQL statements (ours) / depth |',
  );
  console.log('| --- | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: |');
  for (const r of results) {
    console.log(
      `| ${r.title} | ${r.ours.rps} | ${r.ours.p50ms} ms | ${r.ours.p99ms} ms | ${r.ours.serverCpuMsPerRequest} ms | ${r.ours.postgresCpuMsPerRequest} ms | ${r.theirs.rps} | ${r.theirs.p50ms} ms | ${r.theirs.p99ms} ms | ${r.theirs.serverCpuMsPerRequest} ms | ${r.theirs.postgresCpuMsPerRequest} ms | **${r.ratio}** | ${r.ours.sqlStatements} / ${r.depth} |`,
    );
  }
  const file = join(root, 'bench/results', 'side-by-side.json');
  writeFileSync(
    file,
    `${JSON.stringify(
      {
        date: new Date().toISOString(),
        node: process.version,
        postgraphile: pglVersion(),
        scale,
        data: setup.sizes,
        connections,
        warmupSeconds: warmup,
        seconds,
        rounds,
        results,
      },
      null,
      2,
    )}\n`,
  );
  console.log(`wrote ${file}`);
} finally {
  await stopApi(server);
  await stopApi(pgl);
  if (!values.keep) await dropDatabase(dbName);
  rmSync(dataDir, { recursive: true, force: true });
}

function pglVersion() {
  return JSON.parse(readFileSync(join(root, 'bench/node_modules/postgraphile/package.json'), 'utf8')).version;
}
