import { afterAll, describe, expect, inject, it } from 'vitest';
import { migrate, type Orm, openOrm } from '../db/orm.js';
import { digestOf } from '../modules/votes/ballot.service.js';
import { createTestDatabase, type TestDatabase } from '../test/test-database.js';
import { isEmpty, type SeedSummary, seedDemo } from './demo-district.js';
import { idNumberCheck } from './identity.js';

/**
 * The seed gets databases of its own: the shared one is changed by other tests' mutations.
 * Every figure here is one of Meihekou's (DOMAIN.md).
 */
const opened: { orm: Orm; database: TestDatabase }[] = [];

async function freshlySeeded(): Promise<{ orm: Orm; summary: SeedSummary }> {
  const database = await createTestDatabase(inject('databaseKind'));
  const orm = await openOrm({ databaseUrl: database.databaseUrl, dataDir: database.dataDir, logQueries: false });
  opened.push({ orm, database });
  await migrate(orm);
  expect(await isEmpty(orm.em.fork())).toBe(true);
  const summary = await seedDemo(orm.em.fork(), { scale: 1 });
  expect(await isEmpty(orm.em.fork())).toBe(false);
  return { orm, summary };
}

async function rows<T>(orm: Orm, sql: string): Promise<T[]> {
  return orm.em.fork().execute<T[]>(sql);
}

async function value(orm: Orm, sql: string): Promise<number> {
  const [row] = await rows<{ n: number | string }>(orm, sql);
  return Number(row.n);
}

const TABLES: Record<string, string> = {
  area: 'id',
  organization: 'id',
  responsibility: 'id',
  alliance_membership: 'id',
  person: 'id',
  role_assignment: 'id',
  service: 'id',
  station: 'id',
  station_service: 'station_id, service_id',
  station_grid: 'station_id, grid_id',
  station_staff: 'id',
};

async function fingerprint(orm: Orm): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const [table, order] of Object.entries(TABLES)) {
    const [row] = await rows<{ md5: string }>(orm, `select md5(string_agg(t::text, ',' order by ${order})) as md5 from "${table}" t`);
    result[table] = row.md5;
  }
  return result;
}

afterAll(async () => {
  for (const { orm, database } of opened) {
    await orm.close(true);
    await database.drop();
  }
});

describe('the demo district', () => {
  let seeded: { orm: Orm; summary: SeedSummary };

  it('has the Meihekou figures', { timeout: 120_000 }, async () => {
    seeded = await freshlySeeded();
    const { orm } = seeded;
    const kinds = Object.fromEntries(
      (await rows<{ kind: string; n: string | number }>(orm, 'select kind, count(*) as n from area group by kind')).map((r) => [
        r.kind,
        Number(r.n),
      ]),
    );
    expect(kinds).toMatchObject({ DISTRICT: 1, STREET: 5, COMMUNITY: 18, GRID: 341, COMPOUND: 420, BUILDING: 1080 });
    expect(kinds.MICRO_GRID).toBeGreaterThan(0);
    expect(await value(orm, `select count(*) as n from area where kind = 'COMPOUND' and manager_id is null`)).toBe(321);
    expect(await value(orm, `select count(*) as n from organization where kind = 'PROPERTY_COMPANY'`)).toBe(49);
    expect(
      await value(
        orm,
        `select count(distinct host_id) as n from organization where kind = 'PARTY_ORGANIZATION' and host_id in (select id from organization where kind = 'PROPERTY_COMPANY')`,
      ),
    ).toBe(34);
    expect(await value(orm, 'select count(*) as n from station')).toBe(100);
    expect(await value(orm, `select count(*) as n from role_assignment where role = 'IN_SERVICE_PARTY_MEMBER'`)).toBe(3500);
    expect(await value(orm, `select count(*) as n from role_assignment where role = 'BUILDING_HEAD'`)).toBe(1080);
    expect(await value(orm, 'select count(*) as n from person')).toBeLessThan(15_000);
    expect(seeded.summary.area).toBe(Object.values(kinds).reduce((a, b) => a + b, 0));
  });

  it('keeps the tree, the stations and the people consistent', async () => {
    const { orm } = seeded;
    // Materialised paths and depths agree with the parents.
    expect(
      await value(
        orm,
        `select count(*) as n from area a left join area p on p.id = a.parent_id
         where a.path <> coalesce(p.path, '/') || a.id || '/' or a.depth <> coalesce(p.depth + 1, 0)`,
      ),
    ).toBe(0);
    expect(
      await value(
        orm,
        `select count(*) as n from area where kind = 'HOUSEHOLD' and (floor_area not between 45 and 160 or owner_count not between 1 and 3)`,
      ),
    ).toBe(0);
    // Every grid is covered; a station covers 3 to 4 grids of its own community and has 5 staff or more.
    expect(
      await value(
        orm,
        `select count(*) as n from area g where kind = 'GRID' and not exists (select 1 from station_grid sg where sg.grid_id = g.id)`,
      ),
    ).toBe(0);
    const stations = await rows<{ grids: number | string; staff: number | string; services: number | string; foreign: number | string }>(
      orm,
      `select (select count(*) from station_grid sg where sg.station_id = s.id) as grids,
              (select count(*) from station_staff ss where ss.station_id = s.id) as staff,
              (select count(*) from station_service sv where sv.station_id = s.id) as services,
              (select count(*) from station_grid sg join area g on g.id = sg.grid_id where sg.station_id = s.id and g.parent_id <> s.area_id) as foreign
       from station s`,
    );
    for (const s of stations) {
      expect(Number(s.grids)).toBeGreaterThanOrEqual(3);
      expect(Number(s.grids)).toBeLessThanOrEqual(4);
      expect(Number(s.staff)).toBeGreaterThanOrEqual(5);
      expect(Number(s.services)).toBeGreaterThanOrEqual(8);
      expect(Number(s.services)).toBeLessThanOrEqual(20);
      expect(Number(s.foreign)).toBe(0);
    }
    const people = await rows<{ id_number: string; phone: string }>(orm, 'select id_number, phone from person');
    for (const p of people) expect(p.id_number[17]).toBe(idNumberCheck(p.id_number.slice(0, 17)));
    expect(new Set(people.map((p) => p.id_number)).size).toBe(people.length);
    expect(new Set(people.map((p) => p.phone)).size).toBe(people.length);
    // Owners' votes: three matters of one compound; the decided one's digest is the log's, and the
    // counters the trigger keeps agree with the ballots.
    expect(seeded.summary.proposal).toBe(3);
    const [decided] = await rows<{ id: number; ballot_digest: string; ballot_count: number }>(
      orm,
      `select id, ballot_digest, ballot_count from proposal where stage = 'RESULT_PUBLISHED'`,
    );
    const recount = await digestOf(orm.em.fork(), decided.id);
    expect([recount.digest, recount.count]).toEqual([decided.ballot_digest, Number(decided.ballot_count)]);
    expect(
      await value(
        orm,
        `select count(*) as n from (select proposal_id, choice, count(*) as n from ballot group by 1, 2) b
         full join (select proposal_id, choice, sum(households) as n from ballot_tally group by 1, 2) t using (proposal_id, choice)
         where b.n is distinct from t.n`,
      ),
    ).toBe(0);
    // The sequences have moved past the ids the seed chose.
    expect(await value(orm, `select nextval(pg_get_serial_sequence('area', 'id')) as n`)).toBe(seeded.summary.area + 1);
  });

  it.runIf(inject('databaseKind') === 'postgres')('is the same, byte for byte, on every fresh database', { timeout: 120_000 }, async () => {
    const again = await freshlySeeded();
    expect(await fingerprint(again.orm)).toEqual(await fingerprint(seeded.orm));
  });
});
