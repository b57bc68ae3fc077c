/**
 * More than one API instance (issue #9): two servers on one PostgreSQL and one Redis, and a
 * server reading from a replica. PostgreSQL only: the embedded database lives in one process.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from './config.js';
import { migrate, type Orm, openOrm } from './db/orm.js';
import { type RunningServer, startServer } from './server.js';
import { firstEvent, query } from './test/client.js';
import { createOperator, developmentToken } from './test/operator.js';
import { ADMIN_URL } from './test/test-database.js';

const REDIS_URL = process.env.GZ_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const onPostgres = inject('databaseKind') === 'postgres';

async function post(url: string, body: object, token?: string): Promise<{ status: number; body: any }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

describe.runIf(onPostgres)('two API instances on one PostgreSQL and one Redis', () => {
  let orm: Orm;
  const servers: RunningServer[] = [];
  // A prefix of this run's own, so other runs sharing the Redis neither hear nor spend ours.
  // As behind a load balancer: one signing secret, so a token from one instance works on the other.
  const env = {
    REDIS_URL,
    GZ_REDIS_PREFIX: `gz-test-${randomUUID().slice(0, 8)}:`,
    GZ_RATE_LIMIT: '40',
    GZ_JWT_SECRET: `multi-instance-secret-${randomUUID()}`,
  };

  beforeAll(async () => {
    orm = await openOrm({ databaseUrl: inject('databaseUrl'), dataDir: inject('dataDir'), logQueries: false });
    for (let i = 0; i < 2; i++) servers.push(await startServer({ ...loadConfig(env), port: 0, host: '127.0.0.1' }, orm));
  });
  afterAll(async () => {
    for (const server of servers) await server.close();
    await orm?.close(true);
  });

  it('a ballot cast on one instance reaches a tally subscriber connected to the other', async () => {
    // A vote of the second demo district in progress, and owners on its roll who have not voted.
    const rows = await orm.em.fork().execute<{ proposal: number; person: number }[]>(
      `select p.id as proposal, ra.person_id as person
       from proposal p
       join area s on s.id = p.scope_id
       join voter_roll_entry v on v.proposal_id = p.id
       join role_assignment ra on ra.area_id = v.household_id and ra.role = 'OWNER' and ra.ends_on is null
       where p.stage = 'VOTING' and p.voting_closes_at > now() + interval '1 hour'
         and s.path like (select path || '%' from area where kind = 'DISTRICT' order by id offset 1 limit 1)
         and not exists (select 1 from ballot b where b.proposal_id = p.id and b.household_id = v.household_id)
       order by p.id, ra.person_id limit 40`,
    );
    expect(rows.length, 'a vote in progress with owners yet to vote').toBeGreaterThan(5);
    const proposal = rows[0].proposal;
    const voters = rows.filter((r) => r.proposal === proposal).map((r) => r.person);
    const proposalId = Buffer.from(`Proposal:${proposal}`).toString('base64url');
    const [a, b] = servers;
    let next = 0;
    const event = (await firstEvent(
      'subscription($p: ID!) { tallyChanged(proposal: $p) { proposal { id } tally { participation { households } } } }',
      { p: proposalId },
      async () => {
        const voter = voters[next++];
        if (voter === undefined) return;
        const token = await developmentToken(a.graphqlUrl, voter);
        const cast = await post(
          a.graphqlUrl,
          {
            query: 'mutation($i: CastBallotInput!) { castBallot(input: $i) { receipt userErrors { code } } }',
            variables: { i: { proposal: proposalId, choice: 'FOR' } },
          },
          token,
        );
        expect(cast.body.data.castBallot.userErrors).toEqual([]);
      },
      b.graphqlUrl,
    )) as { data: { tallyChanged: { proposal: { id: string }; tally: { participation: { households: number } } } } };
    expect(event.data.tallyChanged.proposal.id).toBe(proposalId);
    expect(event.data.tallyChanged.tally.participation.households).toBeGreaterThanOrEqual(1);
  });

  it('an area changed through one instance is announced by the other', async () => {
    const [a, b] = servers;
    const operator = await createOperator(orm.em.fork(), '多实例测试员');
    const token = await developmentToken(a.graphqlUrl, operator.id);
    const districts = await query<{ areas: { nodes: { id: string }[] } }>(
      '{ areas(first: 2, filter: { kind: [DISTRICT] }, orderBy: { field: ID }) { nodes { id } } }',
    );
    const district = districts.areas.nodes[1].id;
    const streets = await query<{ areas: { nodes: { id: string; name: string }[] } }>(
      'query($d: ID) { areas(first: 1, filter: { kind: [STREET], within: $d }, orderBy: { field: ID }) { nodes { id name } } }',
      { d: district },
    );
    const street = streets.areas.nodes[0];
    const event = (await firstEvent(
      'subscription($w: ID) { areaChanged(within: $w) { action area { id } } }',
      { w: district },
      async () => {
        const changed = await post(
          a.graphqlUrl,
          {
            query: 'mutation($i: UpdateAreaInput!) { updateArea(input: $i) { userErrors { code } } }',
            variables: { i: { id: street.id, address: `多实例 ${randomUUID()}` } },
          },
          token,
        );
        expect(changed.body.data.updateArea.userErrors).toEqual([]);
      },
      b.graphqlUrl,
    )) as { data: { areaChanged: { action: string; area: { id: string } } } };
    expect(event.data.areaChanged).toEqual({ action: 'UPDATED', area: { id: street.id } });
  });

  it('the rate limit is one budget across instances', async () => {
    const [a, b] = servers;
    // A caller of its own (a person's budget is theirs, wherever they call from).
    const caller = await createOperator(orm.em.fork(), '限流测试员');
    const token = await developmentToken(a.graphqlUrl, caller.id);
    const ask = (server: RunningServer) => post(server.graphqlUrl, { query: '{ areas(first: 9) { nodes { id } } }' }, token);
    const first = await ask(a);
    const { requested, remaining } = first.body.extensions.cost;
    expect([requested, remaining]).toEqual([10, 30]);
    // The other instance spends from what the first left.
    const second = await ask(b);
    expect(second.body.extensions.cost.remaining).toBe(remaining - requested);
    const third = await ask(a);
    expect(third.body.extensions.cost.remaining).toBe(remaining - 2 * requested);
    // 40 points a minute: the fifth query of 10, on either instance, does not fit.
    const fourth = await ask(b);
    expect(fourth.status).toBe(200);
    const fifth = await ask(a);
    expect(fifth.status).toBe(429);
    expect(fifth.body.errors[0].extensions.code).toBe('RATE_LIMITED');
    expect((await ask(b)).status).toBe(429);
  });
});

describe.runIf(onPostgres)('read replicas', () => {
  const name = `gz_test_replica_${process.pid}_${Date.now().toString(36)}`;
  const url = (db: string) => Object.assign(new URL(ADMIN_URL), { pathname: `/${db}` }).toString();
  let orm: Orm;
  let primary: Orm;
  let server: RunningServer;
  let token: string;
  let areaId: string;

  const admin = async (sql: string, db = 'postgres') => {
    const client = new pg.Client({ connectionString: url(db) });
    await client.connect();
    try {
      return await client.query(sql);
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    // A primary with one district, and a "replica": a copy of it whose district has another name,
    // so every answer says which database it was read from.
    await admin(`create database ${name}`);
    const setup = await openOrm({ databaseUrl: url(name), dataDir: inject('dataDir'), logQueries: false });
    await migrate(setup);
    await setup.em
      .fork()
      .execute(`insert into area (kind, name, path, depth, created_at, updated_at) values ('DISTRICT', '主库区', '', 0, now(), now())`);
    await setup.em.fork().execute(`update area set path = '/' || id || '/' where kind = 'DISTRICT'`);
    const operator = await createOperator(setup.em.fork(), '副本测试员');
    await setup.close(true);
    await admin(`create database ${name}_copy template ${name}`);
    await admin(`update area set name = '副本区' where kind = 'DISTRICT'`, `${name}_copy`);
    const config = {
      ...loadConfig({ GZ_RATE_LIMIT: '0' }),
      port: 0,
      host: '127.0.0.1',
      databaseUrl: url(name),
      replicaUrls: [url(`${name}_copy`)],
    };
    orm = await openOrm(config);
    primary = await openOrm({ ...config, replicaUrls: [] });
    server = await startServer(config, orm, primary);
    token = await developmentToken(server.graphqlUrl, operator.id);
  });
  afterAll(async () => {
    await server?.close();
    await primary?.close(true);
    await orm?.close(true);
    await admin(`drop database if exists ${name}_copy with (force)`);
    await admin(`drop database if exists ${name} with (force)`);
  });

  it('queries read from the replica; a mutation reads what it wrote on the primary', async () => {
    const read = await post(server.graphqlUrl, { query: '{ areas(first: 1) { nodes { id name } } }' }, token);
    expect(read.body.data.areas.nodes[0].name).toBe('副本区');
    areaId = read.body.data.areas.nodes[0].id;
    const changed = await post(
      server.graphqlUrl,
      {
        query: 'mutation($i: UpdateAreaInput!) { updateArea(input: $i) { area { name code } userErrors { code } } }',
        variables: { i: { id: areaId, code: 'GZ-REPLICA' } },
      },
      token,
    );
    expect(changed.body.data.updateArea.userErrors).toEqual([]);
    // The payload comes from the primary: its name, and the code just written.
    expect(changed.body.data.updateArea.area).toEqual({ name: '主库区', code: 'GZ-REPLICA' });
    // The "replica" is a copy that replicates nothing: queries still read it.
    const again = await post(server.graphqlUrl, { query: '{ areas(first: 1) { nodes { name code } } }' }, token);
    expect(again.body.data.areas.nodes[0]).toEqual({ name: '副本区', code: null });
  });
});
