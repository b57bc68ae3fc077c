/**
 * Stopping the server while a request whose client has gone is still reading the database:
 * `close()` waits for it, so main.ts does not close the database under it. PostgreSQL only: the
 * request is held by a lock taken on another connection, which the embedded database (one
 * connection, in this process) cannot have.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { loadConfig } from './config.js';
import { migrate, type Orm, openOrm } from './db/orm.js';
import { type RunningServer, startServer } from './server.js';
import { createTestDatabase, type TestDatabase } from './test/test-database.js';

const onPostgres = inject('databaseKind') === 'postgres';

describe.runIf(onPostgres)('stopping the server', () => {
  let database: TestDatabase;
  let orm: Orm;
  let server: RunningServer;
  let locker: pg.Client;

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    orm = await openOrm({ databaseUrl: database.databaseUrl, dataDir: database.dataDir, logQueries: false });
    await migrate(orm);
    server = await startServer({ ...loadConfig({}), port: 0, host: '127.0.0.1' }, orm);
    locker = new pg.Client({ connectionString: database.databaseUrl });
    await locker.connect();
  });
  afterAll(async () => {
    await locker?.end();
    await orm?.close(true);
    await database?.drop();
  });

  it('waits for a request whose client has gone before the database may close', async () => {
    const errors = vi.spyOn(console, 'error');
    // A browser's preflight is answered by the CORS policy alone; nothing of it is left running.
    const preflight = await fetch(server.graphqlUrl, {
      method: 'OPTIONS',
      headers: { origin: 'https://portal.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    // The request's statement waits on this lock until the transaction ends.
    await locker.query('begin');
    await locker.query('lock table area in access exclusive mode');
    const client = new AbortController();
    const request = fetch(server.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ areas(first: 1) { totalCount } }' }),
      signal: client.signal,
    }).catch((error: unknown) => error);
    await vi.waitFor(
      async () => {
        // (A statement waiting to be parsed still shows its connection's previous one: match the wait alone.)
        const waiting = await locker.query(
          `select 1 from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and wait_event_type = 'Lock'`,
        );
        expect(waiting.rowCount).toBeGreaterThan(0);
      },
      { timeout: 5_000, interval: 50 },
    );
    client.abort();
    expect(await request).toBeInstanceOf(Error);

    let closed = false;
    const closing = server.close().then(() => {
      closed = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    // The client is gone and the HTTP server drained, but the request still runs.
    expect(closed).toBe(false);
    await locker.query('commit');
    await closing;
    expect(closed).toBe(true);
    // It finished on an open database, and nothing else was left running: nothing logged.
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  });
});
