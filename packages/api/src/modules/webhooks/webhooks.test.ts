import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook as Verifier } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { migrate, type Orm, openOrm } from '../../db/orm.js';
import { toGlobalId } from '../../graphql/global-id.js';
import { type RunningServer, startServer } from '../../server.js';
import { createOperator, developmentToken } from '../../test/operator.js';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.js';
import { type AreaValues, createArea } from '../areas/area.service.js';
import { system } from '../audit/audit.service.js';
import { createOrganization } from '../organizations/organization.service.js';

/** Short intervals and back-off, so retries happen within a test. */
const SETTINGS = {
  GZ_RATE_LIMIT: '0',
  GZ_SWEEP_INTERVAL_MS: '3600000',
  GZ_WEBHOOK_INTERVAL_MS: '50',
  GZ_WEBHOOK_BACKOFF_MS: '100',
  GZ_WEBHOOK_BACKOFF_MAX_MS: '400',
  GZ_WEBHOOK_TIMEOUT_MS: '2000',
};

interface Delivery {
  headers: IncomingHttpHeaders;
  body: string;
  status: number;
}

/** A local receiver: answers each POST with the next status of `plan` (the last one repeats), and keeps what it got. */
async function receiver(plan: number[]): Promise<{ url: string; got: Delivery[]; plan: number[]; close(): Promise<void> }> {
  const got: Delivery[] = [];
  const state = { plan, got };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
    });
    req.on('end', () => {
      const status = state.plan.length > 1 ? (state.plan.shift() as number) : state.plan[0];
      got.push({ headers: req.headers, body, status });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/gongzhi`,
    got,
    get plan() {
      return state.plan;
    },
    set plan(next: number[]) {
      state.plan = next;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A fresh database with one district, two compounds of two property companies, and an operator. */
interface World {
  compound: number;
  otherCompound: number;
  company: number;
  operator: number;
}

async function buildWorld(orm: Orm): Promise<World> {
  const em = orm.em.fork();
  const blank: AreaValues = {
    kind: 'DISTRICT',
    name: '',
    parent: null,
    code: null,
    gridKind: null,
    gridLevel: null,
    floorArea: null,
    ownerCount: null,
    management: null,
    manager: null,
    address: null,
    latitude: null,
    longitude: null,
    boundary: null,
  };
  const place = async (kind: AreaValues['kind'], name: string, parent: number | null, more: Partial<AreaValues> = {}) =>
    (await createArea(em, { ...blank, kind, name, parent, ...more }, system())).id;
  const district = await place('DISTRICT', '测试区', null);
  const street = await place('STREET', '测试街道', district);
  const community = await place('COMMUNITY', '测试社区', street);
  const grid = await place('GRID', '测试网格', community, { gridKind: 'GEOGRAPHIC', gridLevel: 1 });
  const company = async (name: string) =>
    (
      await createOrganization(
        em,
        {
          kind: 'PROPERTY_COMPANY',
          name,
          area: district,
          parent: null,
          host: null,
          partyLevel: null,
          propertyCompanyKind: 'MARKET',
          redHeart: false,
        },
        system(),
      )
    ).id;
  const mine = await company('红心物业');
  const theirs = await company('另一家物业');
  const compound = await place('COMPOUND', '幸福小区', grid, { management: 'PROPERTY_COMPANY', manager: mine });
  const otherCompound = await place('COMPOUND', '和谐小区', grid, { management: 'PROPERTY_COMPANY', manager: theirs });
  const operator = await createOperator(orm.em.fork(), '测试管理员');
  return { compound, otherCompound, company: mine, operator: operator.id };
}

let database: TestDatabase;
let orm: Orm;
let server: RunningServer;
let world: World;
let operator: string;
let key: string;

async function start() {
  orm = await openOrm({ databaseUrl: database.databaseUrl, dataDir: database.dataDir, logQueries: false });
  await migrate(orm);
  server = await startServer({ ...loadConfig(SETTINGS), port: 0, host: '127.0.0.1' }, orm);
  // Development tokens are signed with a secret each server makes at start-up.
  operator = await developmentToken(server.graphqlUrl, world.operator);
}

async function stop() {
  await server.close();
  await orm.close(true);
}

async function call<T = Record<string, any>>(credential: string | null, query: string, variables: Record<string, unknown> = {}) {
  const res = await fetch(server.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(credential ? { authorization: `Bearer ${credential}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, ...((await res.json()) as { data?: T; errors?: { extensions: { code: string } }[] }) };
}

async function publishNotice(area: number, title: string): Promise<string> {
  const r = await call<{ publishNotice: { notice: { id: string }; userErrors: unknown[] } }>(
    operator,
    'mutation($i: PublishNoticeInput!) { publishNotice(input: $i) { notice { id } userErrors { field code message } } }',
    { i: { area: toGlobalId('Area', area), title, body: '详见公告栏。' } },
  );
  expect(r.data?.publishNotice.userErrors).toEqual([]);
  return r.data?.publishNotice.notice.id as string;
}

const CREATE = `mutation($i: CreateWebhookInput!) { createWebhook(input: $i) {
  secret webhook { id url kinds attempts delivered failures } userErrors { field code message } } }`;
const STATUS = `{ webhooks(first: 10) { nodes { id url attempts delivered failures lastError lastAttemptAt lastDeliveredAt nextAttemptAt disabledAt cursor } } }`;

interface Status {
  id: string;
  attempts: number;
  delivered: number;
  failures: number;
  lastError: string | null;
  lastAttemptAt: string | null;
  lastDeliveredAt: string | null;
  nextAttemptAt: string;
}

async function statusOf(id: string): Promise<Status> {
  const r = await call<{ webhooks: { nodes: Status[] } }>(key, STATUS);
  return r.data?.webhooks.nodes.find((w) => w.id === id) as Status;
}

async function createWebhook(url: string): Promise<{ id: string; secret: string }> {
  const r = await call<{ createWebhook: { secret: string; webhook: { id: string }; userErrors: unknown[] } }>(key, CREATE, {
    i: { url, kinds: ['NOTICE', 'VOTE'] },
  });
  expect(r.data?.createWebhook.userErrors).toEqual([]);
  return { id: r.data?.createWebhook.webhook.id as string, secret: r.data?.createWebhook.secret as string };
}

/** The deliveries of one notice, by the `objectId` in their payload. */
const of = (got: Delivery[], notice: string) => got.filter((d) => JSON.parse(d.body).data.objectId === notice);

beforeAll(async () => {
  database = await createTestDatabase(inject('databaseKind'));
  orm = await openOrm({ databaseUrl: database.databaseUrl, dataDir: database.dataDir, logQueries: false });
  await migrate(orm);
  world = await buildWorld(orm);
  await orm.close(true);
  await start();
  const made = await call<{ createApiKey: { secret: string } }>(
    operator,
    'mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { secret } }',
    { i: { organization: toGlobalId('Organization', world.company), name: '物业系统', scopes: ['WRITE_PROPERTY'] } },
  );
  key = made.data?.createApiKey.secret as string;
});

afterAll(async () => {
  await server?.close();
  await orm?.close(true);
  await database?.drop();
});

describe('webhooks', () => {
  it('only a property company’s key makes them, and only to an http(s) address', async () => {
    for (const caller of [null, operator]) {
      const r = await call(caller, CREATE, { i: { url: 'https://example.org/hook' } });
      expect(r.status).toBe(403);
      expect(r.errors?.[0].extensions.code).toBe('FORBIDDEN');
    }
    for (const url of ['ftp://example.org/hook', 'not a url', 'https://user:pw@example.org/hook']) {
      const r = await call<{ createWebhook: { webhook: null; userErrors: { field: string[]; code: string }[] } }>(key, CREATE, {
        i: { url },
      });
      expect(r.data?.createWebhook).toMatchObject({ webhook: null, userErrors: [{ field: ['input', 'url'], code: 'INVALID' }] });
    }
  });

  it('delivers each change signed; a receiver that fails twice gets it again, and once after it succeeds', async () => {
    const receiving = await receiver([500, 500, 200]);
    const hook = await createWebhook(receiving.url);
    expect(hook.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    // The secret is shown once: the webhook's fields never carry it.
    expect(JSON.stringify(await call(key, STATUS))).not.toContain(hook.secret.slice(6, 30));

    const theirs = await publishNotice(world.otherCompound, '和谐小区停电通知');
    const notice = await publishNotice(world.compound, '幸福小区停水通知');
    const status = await until('the delivery', async () => {
      const s = await statusOf(hook.id);
      return s.delivered === 1 && s;
    });
    expect(status).toMatchObject({ attempts: 3, delivered: 1, failures: 0, lastError: null });
    expect(status.lastDeliveredAt).not.toBeNull();

    const attempts = of(receiving.got, notice);
    expect(attempts.map((d) => d.status)).toEqual([500, 500, 200]);
    // One event, one id: the receiver dedupes retries by `webhook-id`.
    expect(new Set(attempts.map((d) => d.headers['webhook-id'])).size).toBe(1);
    const verifier = new Verifier(hook.secret);
    for (const d of attempts) {
      const payload = verifier.verify(d.body, d.headers as Record<string, string>) as { type: string; data: Record<string, unknown> };
      expect(payload).toMatchObject({
        type: 'notice.publish',
        data: {
          id: d.headers['webhook-id'],
          kind: 'NOTICE',
          objectType: 'Notice',
          objectId: notice,
          compound: toGlobalId('Area', world.compound),
          summary: { kind: 'GENERAL', title: '幸福小区停水通知' },
        },
      });
    }
    // Another company's compound is not this company's business.
    expect(of(receiving.got, theirs)).toEqual([]);

    // Tampering: another body, another time, another secret each fail verification.
    const good = attempts[2];
    const headers = good.headers as Record<string, string>;
    expect(() => verifier.verify(good.body.replace('停水', '停电'), headers)).toThrow();
    expect(() =>
      verifier.verify(good.body, { ...headers, 'webhook-timestamp': String(Number(headers['webhook-timestamp']) + 1) }),
    ).toThrow();
    expect(() => new Verifier(`whsec_${Buffer.alloc(32, 7).toString('base64')}`).verify(good.body, headers)).toThrow();

    // Deleted, it sends nothing more.
    const deleted = await call<{ deleteWebhook: { userErrors: unknown[] } }>(
      key,
      'mutation($i: DeleteWebhookInput!) { deleteWebhook(input: $i) { webhook { url } userErrors { code } } }',
      { i: { id: hook.id } },
    );
    expect(deleted.data?.deleteWebhook.userErrors).toEqual([]);
    // A delivery under way when it was deleted may still arrive; none starts after.
    await new Promise((r) => setTimeout(r, 200));
    const later = await publishNotice(world.compound, '幸福小区绿化通知');
    await new Promise((r) => setTimeout(r, 400));
    expect(of(receiving.got, later)).toEqual([]);
    await receiving.close();
  });

  it('loses nothing across a restart: what failed before it is delivered after it', async () => {
    const receiving = await receiver([503]);
    const hook = await createWebhook(receiving.url);
    const notice = await publishNotice(world.compound, '幸福小区电梯检修通知');
    const failing = await until('a failed attempt', async () => {
      const s = await statusOf(hook.id);
      return s.failures >= 1 && s;
    });
    expect(failing).toMatchObject({ delivered: 0, lastError: 'HTTP 503' });
    expect(new Date(failing.nextAttemptAt).getTime()).toBeGreaterThan(new Date(failing.lastAttemptAt as string).getTime());

    await stop();
    const before = of(receiving.got, notice).length;
    receiving.plan = [200];
    await start();
    await until('the delivery after the restart', async () => (await statusOf(hook.id)).delivered === 1);

    const attempts = of(receiving.got, notice);
    expect(attempts.filter((d) => d.status === 200)).toHaveLength(1);
    expect(attempts.length).toBe(before + 1);
    expect(new Set(attempts.map((d) => d.headers['webhook-id'])).size).toBe(1);
    new Verifier(hook.secret).verify(attempts.at(-1)?.body as string, attempts.at(-1)?.headers as Record<string, string>);
    await receiving.close();
  });

  // Two instances need a database server: the embedded database is one process's.
  it.skipIf(inject('databaseKind') === 'embedded')('two instances on one database deliver each change once, in order', async () => {
    const second = await openOrm({ databaseUrl: database.databaseUrl, dataDir: database.dataDir, logQueries: false });
    const other = await startServer({ ...loadConfig(SETTINGS), port: 0, host: '127.0.0.1' }, second);
    try {
      const receiving = await receiver([200]);
      const hook = await createWebhook(receiving.url);
      const notices: string[] = [];
      for (let i = 0; i < 8; i++) notices.push(await publishNotice(world.compound, `幸福小区通知 ${i}`));
      await until('eight deliveries', async () => (await statusOf(hook.id)).delivered === 8);
      await new Promise((r) => setTimeout(r, 300));
      const objects = receiving.got.map((d) => JSON.parse(d.body).data.objectId);
      expect(objects).toEqual(notices);
      await receiving.close();
    } finally {
      await other.close();
      await second.close(true);
    }
  });
});
