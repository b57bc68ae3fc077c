import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { migrate, type Orm, openOrm } from '../../db/orm.js';
import { InputProblems } from '../../graphql/errors.js';
import { graphqlUrl } from '../../test/client.js';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.js';
import type { AreaValues } from '../areas/area.service.js';
import { createArea, updateArea } from '../areas/area.service.js';
import { createOrganization, updateOrganization } from '../organizations/organization.service.js';
import { createStation, updateStation } from '../stations/station.service.js';
import { AuditRecord } from './audit.entity.js';
import { type Actor, anonymous, GENESIS, verifyChain } from './audit.service.js';

const area = (name: string, kind: AreaValues['kind'] = 'DISTRICT', parent: number | null = null): AreaValues => ({
  kind,
  name,
  parent,
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
});

/** A database of its own, so the test may tamper with rows as an attacker with SQL access would. */
describe('the audit trail', () => {
  let database: TestDatabase;
  let orm: Orm;
  const actor: Actor = anonymous('req-audit-test');

  beforeAll(async () => {
    database = await createTestDatabase(inject('databaseKind'));
    orm = await openOrm({ databaseUrl: database.databaseUrl, dataDir: database.dataDir, logQueries: false });
    await migrate(orm);
  });

  afterAll(async () => {
    await orm?.close(true);
    await database?.drop();
  });

  it('records each change in its own transaction: who, what, the changed fields before and after', async () => {
    const district = await createArea(orm.em.fork(), area('审计区'), actor);
    await updateArea(orm.em.fork(), district.id, { name: '审计区（新）' }, actor);
    const records = await orm.em.fork().find(AuditRecord, { objectType: 'Area', objectId: district.id }, { orderBy: { id: 'asc' } });
    expect(records.map((r) => r.action)).toEqual(['area.create', 'area.update']);
    expect(records[0]).toMatchObject({ actorKind: 'ANONYMOUS', requestId: 'req-audit-test', before: null, prevHash: GENESIS });
    expect(records[0].after).toMatchObject({ kind: 'DISTRICT', name: '审计区' });
    expect(records[1]).toMatchObject({ before: { name: '审计区' }, after: { name: '审计区（新）' }, prevHash: records[0].hash });
  });

  it('records the lists a change replaced, before and after', async () => {
    const district = await createArea(orm.em.fork(), area('名单区'), actor);
    const unit = await createOrganization(
      orm.em.fork(),
      {
        kind: 'UNIT',
        name: '住建局',
        area: district.id,
        parent: null,
        host: null,
        partyLevel: null,
        propertyCompanyKind: null,
        redHeart: false,
      },
      actor,
    );
    const station = await createStation(
      orm.em.fork(),
      {
        name: '审计站',
        address: '审计路 1 号',
        latitude: 42.5,
        longitude: 125.6,
        area: district.id,
        phone: null,
        timeZone: 'Asia/Shanghai',
        openingHours: [],
        responsibleUnit: null,
      },
      actor,
    );
    await updateOrganization(orm.em.fork(), unit.id, { responsibleFor: { areas: [], stations: [station.id] } }, actor);
    await updateStation(orm.em.fork(), station.id, { responsibleUnit: unit.id, phone: '0435-1234567' }, actor);
    const [orgChange] = await orm.em.fork().find(AuditRecord, { action: 'organization.update', objectId: unit.id });
    expect(orgChange).toMatchObject({
      before: { responsibleFor: { areas: [], stations: [] } },
      after: { responsibleFor: { areas: [], stations: [station.id] } },
    });
    const [stationChange] = await orm.em.fork().find(AuditRecord, { action: 'station.update', objectId: station.id });
    expect(stationChange).toMatchObject({
      before: { responsibleUnit: null, phone: null },
      after: { responsibleUnit: unit.id, phone: '0435-1234567' },
    });
    expect(Object.keys(stationChange.after ?? {}).sort()).toEqual(['phone', 'responsibleUnit']);
  });

  it('writes nothing when the change is refused', async () => {
    const before = await orm.em.fork().count(AuditRecord);
    await expect(createArea(orm.em.fork(), area('', 'STREET'), actor)).rejects.toBeInstanceOf(InputProblems);
    expect(await orm.em.fork().count(AuditRecord)).toBe(before);
  });

  it('keeps one unbroken chain under concurrent changes', async () => {
    const district = await createArea(orm.em.fork(), area('并发区'), actor);
    await Promise.all(Array.from({ length: 12 }, (_, i) => createArea(orm.em.fork(), area(`街道${i}`, 'STREET', district.id), actor)));
    const report = await verifyChain(orm.em.fork());
    expect(report).toEqual({ records: await orm.em.fork().count(AuditRecord), broken: null });
  });

  it('refuses to edit or delete records', async () => {
    await expect(orm.em.fork().execute(`update audit_record set action = 'area.delete' where id = 1`)).rejects.toThrow(/append-only/);
    await expect(orm.em.fork().execute('delete from audit_record where id = 1')).rejects.toThrow(/append-only/);
    await expect(orm.em.fork().execute('truncate audit_record')).rejects.toThrow(/append-only/);
  });

  it('detects a record edited behind the trigger’s back, and one removed', async () => {
    const em = orm.em.fork();
    await em.execute('alter table audit_record disable trigger audit_record_no_update');
    try {
      const [victim] = await em.execute<{ id: number }[]>('select id from audit_record order by id limit 1 offset 2');
      await em.execute(`update audit_record set after = '{"name": "篡改"}' where id = ?`, [victim.id]);
      expect((await verifyChain(orm.em.fork())).broken).toEqual({ id: victim.id, reason: expect.stringMatching(/edited/) });

      const [next] = await em.execute<{ id: number }[]>('select id from audit_record where id > ? order by id limit 1', [victim.id]);
      await em.execute('delete from audit_record where id = ?', [victim.id]);
      expect((await verifyChain(orm.em.fork())).broken).toEqual({ id: next.id, reason: expect.stringMatching(/removed/) });
    } finally {
      await em.execute('alter table audit_record enable trigger audit_record_no_update');
    }
  });
});

describe('request ids', () => {
  it('every GraphQL response names its request, and keeps a sane id a proxy sent', async () => {
    const fresh = await fetch(graphqlUrl(), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query":"{ areas { totalCount } }"}',
    });
    expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const given = await fetch(graphqlUrl(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'gw-42.abc' },
      body: '{"query":"{ areas { totalCount } }"}',
    });
    expect(given.headers.get('x-request-id')).toBe('gw-42.abc');
  });
});
