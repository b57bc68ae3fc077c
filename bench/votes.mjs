#!/usr/bin/env node
/**
 * Owners' votes under load (issue #6), on the built server over HTTP:
 *
 *   pnpm --filter @gongzhi/bench votes -- --connections 100 --seconds 10 --ballots 100000
 *
 * - Casting: `castBallot` from `--connections` concurrent clients (autocannon) for `--seconds`,
 *   every request a different owner of a 40,000-household compound (signed tokens, one per
 *   owner). Twice: "cold", each token never seen before; and "warm", each owner having loaded the
 *   panel first (`<gz-voting-panel>` asks for the proposal with the owner's token before the
 *   owner can vote), so the server has verified the token once. Bar: at least 1,000 ballots a
 *   second sustained with 100 clients.
 * - The tally of a proposal with `--ballots` ballots (the proposal's `tally`, anonymous, one
 *   request at a time). Bar: p95 at most 50 ms.
 *
 * A fresh PostgreSQL database; the built server seeds the demo district (scale 1); one SQL script
 * adds the two compounds, their owners, and the two proposals already in voting (the second with
 * its ballots). Results: bench/results/votes.json.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { SignJWT } from 'jose';
import { buildApi, dropDatabase, freshDatabase, graphql, root, startApi, stopApi, summary, withClient } from './lib.mjs';

const argv = process.argv.slice(2);
const { values } = parseArgs({
  args: argv[0] === '--' ? argv.slice(1) : argv,
  options: {
    connections: { type: 'string', default: '100' },
    seconds: { type: 'string', default: '10' },
    ballots: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '300' },
    port: { type: 'string', default: '4313' },
  },
});
const connections = Number(values.connections);
const seconds = Number(values.seconds);
const ballots = Number(values.ballots);
const runs = Number(values.runs);
const port = Number(values.port);
const CAST_BAR = 1_000;
const TALLY_BAR_MS = 50;
const OWNERS = 40_000;
const SECRET = 'bench-secret-of-at-least-32-characters!!';
const endpoint = `http://127.0.0.1:${port}/graphql`;
const dbName = 'gz_bench_votes';
const RULE = JSON.stringify({
  kind: 'CIVIL_CODE_ORDINARY',
  participationByArea: { fraction: { num: 2, den: 3 }, strict: false },
  participationByHeadcount: { fraction: { num: 2, den: 3 }, strict: false },
  approvalByArea: { fraction: { num: 1, den: 2 }, strict: true },
  approvalByHeadcount: { fraction: { num: 1, den: 2 }, strict: true },
});

/** A compound of `n` flats in one building under the first grid, with `owners` of them owned; returns its id. */
async function compound(db, name, n, withOwners) {
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
  const c = await add('COMPOUND', name, grid);
  const b = await add('BUILDING', `${name}1栋`, c);
  await db.query(
    `insert into area (kind, name, path, depth, parent_id, floor_area, created_at, updated_at)
     select 'HOUSEHOLD', $1 || g, '', $2, $3, 60.25 + (g % 97), now(), now() from generate_series(1, $4) g`,
    [`${name}-`, b.depth + 1, b.id, n],
  );
  await db.query(`update area set path = $1 || id || '/' where parent_id = $2`, [b.path, b.id]);
  if (withOwners) {
    await db.query(`insert into person (name, created_at, updated_at) select '业主' || name, now(), now() from area where parent_id = $1`, [
      b.id,
    ]);
    await db.query(
      `insert into role_assignment (person_id, role, area_id, starts_on)
       select p.id, 'OWNER', a.id, '2024-01-01' from area a join person p on p.name = '业主' || a.name where a.parent_id = $1`,
      [b.id],
    );
  }
  return { compound: c, building: b };
}

/** A proposal of the compound already in voting, its roll frozen. */
async function votingProposal(db, scope, title) {
  const {
    rows: [p],
  } = await db.query(
    `insert into proposal (scope_id, title, text, attachment_urls, matter_type, rule_kind, rule, ballots_changeable, stage,
       proposed_by_id, voting_opens_at, voting_closes_at, voting_opened_at, created_at, updated_at)
     values ($1, $2, '基准测试', '[]', 'PROPERTY_COMPANY_HIRING', 'CIVIL_CODE_ORDINARY', $3, false, 'VOTING',
       (select min(id) from person), now() - interval '1 hour', now() + interval '1 day', now(), now(), now()) returning id`,
    [scope.id, title, RULE],
  );
  await db.query(
    `insert into voter_roll_entry (proposal_id, household_id, area_hundredths)
     select $1, id, round(floor_area * 100)::int from area where kind = 'HOUSEHOLD' and path like $2`,
    [p.id, `${scope.path}%`],
  );
  await db.query(
    `update proposal set roll_households = r.n, roll_area_hundredths = r.a
     from (select count(*) n, sum(area_hundredths) a from voter_roll_entry where proposal_id = $1) r where id = $1`,
    [p.id],
  );
  return p.id;
}

const globalId = (type, id) => Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');

const dataDir = mkdtempSync(join(tmpdir(), 'gz-bench-votes-'));
let server;
buildApi();
const databaseUrl = await freshDatabase(dbName);
process.env.GZ_JWT_SECRET = SECRET;
try {
  server = await startApi({ port, databaseUrl, dataDir, readyQuery: '{ areas(first: 1) { totalCount } }' });
  const setup = await withClient(databaseUrl, async (db) => {
    const casting = await compound(db, '投票小区', OWNERS, true);
    const counted = await compound(db, '计票小区', ballots, false);
    const castProposal = await votingProposal(db, casting.compound, '选聘物业（压测投票）');
    const tallyProposal = await votingProposal(db, counted.compound, '选聘物业（压测计票）');
    await db.query(
      `insert into ballot (proposal_id, household_id, voter_id, choice, area_hundredths, receipt_hash, cast_at, changes)
       select $1::int, r.household_id, (select min(id) from person), (array['FOR','FOR','AGAINST','ABSTAIN'])[1 + (row_number() over () % 4)],
              r.area_hundredths, encode(sha256(($1::text || '-' || r.household_id)::bytea), 'hex'), now(), 0
       from voter_roll_entry r where r.proposal_id = $1::int`,
      [tallyProposal],
    );
    await db.query('analyze ballot; analyze voter_roll_entry');
    const { rows: owners } = await db.query(
      `select ra.person_id from role_assignment ra join area a on a.id = ra.area_id where a.parent_id = $1 order by ra.person_id`,
      [casting.building.id],
    );
    return { castProposal, tallyProposal, owners: owners.map((o) => o.person_id) };
  });
  console.log(`${setup.owners.length} owners on the casting roll; ${ballots} ballots on the counted proposal`);
  const key = new TextEncoder().encode(SECRET);
  const tokens = await Promise.all(
    setup.owners.map((person) =>
      new SignJWT({})
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(String(person))
        .setIssuer('gongzhi')
        .setAudience('gongzhi-api')
        .setExpirationTime('1h')
        .sign(key),
    ),
  );

  // Casting: every request a new owner; a short warm-up with the first 500.
  const CAST = 'mutation($i: CastBallotInput!) { castBallot(input: $i) { receipt userErrors { code } } }';
  const proposalId = globalId('Proposal', setup.castProposal);
  let next = 0;
  const outcomes = {};
  const errorSamples = [];
  const body = (choice) => JSON.stringify({ query: CAST, variables: { i: { proposal: proposalId, choice } } });
  const castRun = (duration, limit) =>
    autocannon({
      url: endpoint,
      connections,
      duration,
      ...(limit ? { amount: limit } : {}),
      requests: [
        {
          method: 'POST',
          onResponse: (_status, responseBody) => {
            const parsed = JSON.parse(responseBody);
            const codes = parsed.data?.castBallot?.userErrors?.map((e) => e.code) ?? [parsed.errors?.[0]?.extensions?.code ?? 'HTTP'];
            if (!parsed.data?.castBallot && errorSamples.length < 3) errorSamples.push(parsed.errors?.[0]?.message);
            const key = codes.join(',') || 'ok';
            outcomes[key] = (outcomes[key] ?? 0) + 1;
          },
          setupRequest: (req) => {
            const i = next++;
            return {
              ...req,
              headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[i % tokens.length]}` },
              body: body(['FOR', 'AGAINST', 'ABSTAIN', 'FOR'][i % 4]),
            };
          },
        },
      ],
    });
  const countBallots = () =>
    withClient(
      databaseUrl,
      async (db) => (await db.query('select count(*)::int n from ballot where proposal_id = $1', [setup.castProposal])).rows[0].n,
    );
  const measure = async (label) => {
    for (const key of Object.keys(outcomes)) delete outcomes[key];
    const before = await countBallots();
    const started = next;
    const run = await castRun(seconds, 0);
    if (next > tokens.length) throw new Error(`more requests (${next}) than owners (${tokens.length}): raise OWNERS`);
    const stored = (await countBallots()) - before;
    const figures = {
      connections,
      seconds,
      sent: next - started,
      non2xx: run.non2xx,
      errors: run.errors,
      outcomes: { ...outcomes },
      errorSamples: [...errorSamples],
      ballotsStored: stored,
      ballotsPerSecond: Number((stored / run.duration).toFixed(0)),
      latencyMs: { p50: run.latency.p50, p90: run.latency.p90, p99: run.latency.p99, max: run.latency.max },
      bar: CAST_BAR,
    };
    figures.ratioToBar = Number((figures.ballotsPerSecond / CAST_BAR).toFixed(2));
    console.log(
      `casting (${label}) with ${connections} clients for ${seconds} s: ${figures.ballotsPerSecond} ballots/s stored (${figures.sent} sent, ${figures.non2xx} non-2xx), latency p50 ${figures.latencyMs.p50} / p99 ${figures.latencyMs.p99} ms; ratio to the bar of ${CAST_BAR}/s: ${figures.ratioToBar}`,
    );
    return figures;
  };
  await castRun(3, 500);
  const cold = await measure('cold tokens');
  // The owners about to vote open the panel first: one request each with their token.
  const warmFrom = next;
  const warmCount = Math.min(tokens.length - warmFrom, 19_000);
  let warmed = 0;
  await autocannon({
    url: endpoint,
    connections,
    amount: warmCount,
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => ({
          ...req,
          headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[warmFrom + warmed++]}` },
          body: JSON.stringify({ query: '{ viewer { id } }' }),
        }),
      },
    ],
  });
  const warm = await measure('tokens seen once, as after the panel loads');
  if (next > warmFrom + warmCount) console.log(`(the warm run went past the ${warmCount} warmed tokens)`);
  const casting = { cold, warm };

  // The tally of the counted proposal, one request at a time.
  const TALLY = `query($id: ID!) { node(id: $id) { ... on Proposal { tally { rollHouseholds rollArea passes final
    participation { households area householdShare areaShare byHeadcountMet byAreaMet }
    approval { households area householdShare areaShare byHeadcountMet byAreaMet } } } } }`;
  const tallyId = globalId('Proposal', setup.tallyProposal);
  const check = await graphql(endpoint, TALLY, { id: tallyId });
  if (check.node.tally.participation.households !== ballots) throw new Error(`tally counted ${check.node.tally.participation.households}`);
  const times = [];
  for (let i = 0; i < 30 + runs; i++) {
    const t = performance.now();
    await graphql(endpoint, TALLY, { id: tallyId });
    if (i >= 30) times.push(performance.now() - t);
  }
  const tally = summary(times, TALLY_BAR_MS, { ballots });
  console.log(
    `the tally over ${ballots} ballots: p50 ${tally.p50ms} / p95 ${tally.p95ms} / p99 ${tally.p99ms} ms, p95/bar ${tally.p95ToBar} (bar ${TALLY_BAR_MS} ms, ${tally.runs} runs)`,
  );
  const file = join(root, 'bench/results', 'votes.json');
  writeFileSync(file, `${JSON.stringify({ date: new Date().toISOString(), node: process.version, casting, tally }, null, 2)}\n`);
  console.log(`wrote ${file}`);
} finally {
  await stopApi(server);
  await dropDatabase(dbName);
  rmSync(dataDir, { recursive: true, force: true });
}
