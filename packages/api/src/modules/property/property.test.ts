import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { gql, query } from '../../test/client.js';
import { apiKeyOf, propertyCompany, scratchCommunity } from '../../test/fixtures.js';

/** Two property companies in a community of the test's own, each managing one compound, each with a key. */
let community: string;
let compoundA: string;
let compoundB: string;
let keyA: string;
let keyB: string;
let readOnlyKeyA: string;

const SYNC = `mutation($input: SyncPropertyInput!) { syncProperty(input: $input) {
  created updated unchanged failed replayed
  results { kind index externalId status id error { code field message } }
} }`;

interface Result {
  kind: string;
  index: number;
  externalId: string;
  status: string;
  id: string | null;
  error: { code: string; field: string[]; message: string } | null;
}
interface Payload {
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  replayed: boolean;
  results: Result[];
}

async function sync(key: string | null, input: Record<string, unknown>): Promise<Payload> {
  const data = await query<{ syncProperty: Payload }>(SYNC, { input: { idempotencyKey: randomUUID(), ...input } }, key);
  return data.syncProperty;
}

async function childrenOf(
  area: string,
): Promise<{ id: string; name: string; kind: string; floorArea: number | null; ownerCount: number | null }[]> {
  const data = await query<{
    node: { children: { nodes: { id: string; name: string; kind: string; floorArea: number | null; ownerCount: number | null }[] } };
  }>('query($a: ID!) { node(id: $a) { ... on Area { children(first: 100) { nodes { id name kind floorArea ownerCount } } } } }', {
    a: area,
  });
  return data.node.children.nodes;
}

beforeAll(async () => {
  ({ community } = await scratchCommunity());
  const companyA = await propertyCompany(community, '红心物业');
  const companyB = await propertyCompany(community, '安居物业');
  ({ compound: compoundA, key: keyA } = companyA);
  ({ compound: compoundB, key: keyB } = companyB);
  readOnlyKeyA = await apiKeyOf(companyA.organization, ['READ_PUBLIC']);
}, 60_000);

describe('syncProperty: a property company keeps its records in step', () => {
  it('writes a compound, its buildings and households in one call, and says what became of each record', async () => {
    const answer = await sync(keyA, {
      compounds: [{ externalId: 'C1', compound: compoundA, address: '幸福路1号' }],
      buildings: [{ externalId: 'B1', compound: 'C1', name: '1号楼' }],
      households: [
        { externalId: 'H1', building: 'B1', name: '1-101', floorArea: 89.5, ownerCount: 2 },
        { externalId: 'H2', building: 'B1', name: '1-102', floorArea: 120.25, ownerCount: 1 },
      ],
    });
    expect(answer).toMatchObject({ created: 4, updated: 0, unchanged: 0, failed: 0, replayed: false });
    expect(answer.results.map((r) => [r.kind, r.externalId, r.status])).toEqual([
      ['COMPOUND', 'C1', 'CREATED'],
      ['BUILDING', 'B1', 'CREATED'],
      ['HOUSEHOLD', 'H1', 'CREATED'],
      ['HOUSEHOLD', 'H2', 'CREATED'],
    ]);
    expect(answer.results[0].id).toBe(compoundA);
    const [building] = await childrenOf(compoundA);
    expect(building).toMatchObject({ id: answer.results[1].id, name: '1号楼', kind: 'BUILDING' });
    const households = await childrenOf(building.id);
    expect(households.map((h) => [h.name, h.floorArea, h.ownerCount]).sort()).toEqual([
      ['1-101', 89.5, 2],
      ['1-102', 120.25, 1],
    ]);

    // The same records again: nothing changes; one changed value updates that record only.
    const again = await sync(keyA, {
      households: [
        { externalId: 'H1', building: 'B1', name: '1-101', floorArea: 89.5, ownerCount: 2 },
        { externalId: 'H2', building: 'B1', name: '1-102', floorArea: 121, ownerCount: 1 },
      ],
    });
    expect(again).toMatchObject({ created: 0, updated: 1, unchanged: 1, failed: 0 });
    expect(again.results.map((r) => r.status)).toEqual(['UNCHANGED', 'UPDATED']);
    expect(again.results[1].id).toBe(answer.results[3].id);
    expect((await childrenOf(building.id)).find((h) => h.name === '1-102')?.floorArea).toBe(121);
  });

  it('writes the good records of a batch and gives each bad one its code and field; nothing of a bad record is written', async () => {
    const answer = await sync(keyA, {
      compounds: [{ externalId: 'C1' }],
      buildings: [{ externalId: 'B2', compound: 'C1', name: '2号楼' }],
      households: [
        { externalId: 'H21', building: 'B2', name: '2-101', floorArea: 75, ownerCount: 1 },
        { externalId: 'H22', building: 'B2', name: '2-102', floorArea: -5, ownerCount: 1 },
        { externalId: 'H23', building: 'NO-SUCH', name: '2-103', floorArea: 80, ownerCount: 1 },
        { externalId: 'H21', building: 'B2', name: '2-101 again', floorArea: 75 },
        { externalId: 'H24', building: 'B2', name: '2-104', floorArea: 60, ownerCount: 101 },
      ],
      staff: [
        { externalId: 'S1', compound: 'C1', name: '李管家', phone: '13900001111', startsOn: '2026-01-01' },
        { externalId: 'S2', compound: 'C1', name: '王保安', startsOn: '2026-03-01', endsOn: '2026-02-01' },
      ],
      fees: [
        { externalId: 'F1', household: 'H21', period: '2026-10', amountDue: 200, amountPaid: 200, paidOn: '2026-10-05' },
        { externalId: 'F2', household: 'H21', period: '2026-13', amountDue: 200, amountPaid: 0 },
        { externalId: 'F3', household: 'H22', period: '2026-10', amountDue: 200, amountPaid: 0 },
        { externalId: 'F4', household: 'H21', period: '2026-11', amountDue: 200.001, amountPaid: 0 },
      ],
      tickets: [
        {
          externalId: 'T1',
          compound: 'C1',
          household: 'H21',
          category: 'repair.elevator',
          state: 'RESOLVED',
          openedAt: '2026-11-01T02:00:00Z',
          resolvedAt: '2026-11-01T06:00:00Z',
          rating: 5,
        },
        { externalId: 'T2', compound: 'C1', category: 'repair.light', state: 'OPEN', openedAt: '2026-11-02T02:00:00Z', rating: 9 },
      ],
    });
    const byKey = new Map(answer.results.map((r) => [`${r.kind} ${r.index}`, r]));
    const failure = (k: string) => byKey.get(k)?.error;
    expect(byKey.get('COMPOUND 0')?.status).toBe('UNCHANGED');
    expect(byKey.get('BUILDING 0')?.status).toBe('CREATED');
    expect(byKey.get('HOUSEHOLD 0')?.status).toBe('CREATED');
    expect(failure('HOUSEHOLD 1')).toMatchObject({ code: 'INVALID', field: ['input', 'households', '1', 'floorArea'] });
    expect(failure('HOUSEHOLD 2')).toMatchObject({ code: 'NOT_FOUND', field: ['input', 'households', '2', 'building'] });
    expect(failure('HOUSEHOLD 3')).toMatchObject({ code: 'DUPLICATE', field: ['input', 'households', '3', 'externalId'] });
    expect(failure('HOUSEHOLD 4')).toMatchObject({ code: 'INVALID', field: ['input', 'households', '4', 'ownerCount'] });
    expect(byKey.get('STAFF 0')?.status).toBe('CREATED');
    expect(failure('STAFF 1')).toMatchObject({ code: 'INVALID', field: ['input', 'staff', '1', 'endsOn'] });
    expect(byKey.get('FEE 0')?.status).toBe('CREATED');
    expect(failure('FEE 1')).toMatchObject({ code: 'INVALID', field: ['input', 'fees', '1', 'period'] });
    // H22 was refused above, so a fee for it names a household that does not exist.
    expect(failure('FEE 2')).toMatchObject({ code: 'NOT_FOUND', field: ['input', 'fees', '2', 'household'] });
    expect(failure('FEE 3')).toMatchObject({ code: 'INVALID', field: ['input', 'fees', '3', 'amountDue'] });
    expect(byKey.get('TICKET 0')?.status).toBe('CREATED');
    expect(failure('TICKET 1')).toMatchObject({ code: 'INVALID', field: ['input', 'tickets', '1', 'rating'] });
    expect(answer).toMatchObject({ created: 5, updated: 0, unchanged: 1, failed: 9 });

    const buildings = await childrenOf(compoundA);
    const b2 = buildings.find((b) => b.name === '2号楼');
    expect((await childrenOf(b2?.id as string)).map((h) => h.name)).toEqual(['2-101']);

    // The staff member holds a role in the compound; the phone is personal data, masked for the public.
    const staff = await query<{ node: { person: { name: string; phone: string | null }; role: string; area: { id: string } } }>(
      'query($id: ID!) { node(id: $id) { ... on RoleAssignment { role area { id } person { name phone } } } }',
      { id: byKey.get('STAFF 0')?.id },
    );
    expect(staff.node).toMatchObject({ role: 'PROPERTY_STAFF', area: { id: compoundA }, person: { name: '李管家', phone: '13900001111' } });
  });

  it('repeating a call with the same idempotency key returns the first answer and writes nothing', async () => {
    const input = {
      idempotencyKey: randomUUID(),
      buildings: [{ externalId: 'B3', compound: 'C1', name: '3号楼' }],
      households: [
        { externalId: 'H31', building: 'B3', name: '3-101', floorArea: 66 },
        { externalId: 'H32', building: 'B3', name: '3-102', floorArea: 0 },
      ],
    };
    const first = (await query<{ syncProperty: Payload }>(SYNC, { input }, keyA)).syncProperty;
    expect(first).toMatchObject({ created: 2, failed: 1, replayed: false });
    const buildingsAfterFirst = await childrenOf(compoundA);

    // Twice more, once at the same moment as another: the same answer, and no third building.
    const [second, third] = await Promise.all([
      query<{ syncProperty: Payload }>(SYNC, { input }, keyA),
      query<{ syncProperty: Payload }>(SYNC, { input }, keyA),
    ]);
    for (const repeat of [second.syncProperty, third.syncProperty]) {
      expect(repeat.replayed).toBe(true);
      expect(repeat.results).toEqual(first.results);
      expect({ ...repeat, replayed: false }).toEqual(first);
    }
    expect(await childrenOf(compoundA)).toEqual(buildingsAfterFirst);

    // Even after the data changed, a repeat is a repeat: it does not write again.
    await sync(keyA, { households: [{ externalId: 'H31', building: 'B3', name: '3-101', floorArea: 70 }] });
    const fourth = (await query<{ syncProperty: Payload }>(SYNC, { input }, keyA)).syncProperty;
    expect(fourth.replayed).toBe(true);
    const b3 = (await childrenOf(compoundA)).find((b) => b.name === '3号楼');
    expect((await childrenOf(b3?.id as string))[0].floorArea).toBe(70);

    // The same key with other input is refused, and writes nothing.
    const reused = await gql(SYNC, { input: { ...input, buildings: [{ externalId: 'B4', compound: 'C1', name: '4号楼' }] } }, keyA);
    expect(reused.errors?.[0].extensions?.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect((await childrenOf(compoundA)).some((b) => b.name === '4号楼')).toBe(false);
  });

  it('a company writing to a compound it does not manage is refused, and nothing is written there', async () => {
    const before = await childrenOf(compoundB);
    // B's compound by our id, and A's own id of A's compound from B's key: neither is B's to write.
    const answer = await sync(keyB, {
      compounds: [{ externalId: 'X1', compound: compoundA, address: '改地址' }],
      buildings: [
        { externalId: 'XB', compound: 'C1', name: '闯入楼' },
        { externalId: 'XB2', compound: 'X1', name: '闯入楼2' },
      ],
      households: [{ externalId: 'XH', building: 'B1', name: '闯入户', floorArea: 50 }],
    });
    expect(answer).toMatchObject({ created: 0, updated: 0, failed: 4 });
    expect(answer.results.map((r) => r.error?.code)).toEqual(['NOT_MANAGED', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND']);
    expect(await childrenOf(compoundB)).toEqual(before);
    const a = await query<{ node: { address: string } }>('query($a: ID!) { node(id: $a) { ... on Area { address } } }', { a: compoundA });
    expect(a.node.address).toBe('幸福路1号');
    expect((await childrenOf(compoundA)).some((b) => b.name.startsWith('闯入'))).toBe(false);

    // Adopting A's building by our id does not work for B either.
    const [buildingOfA] = await childrenOf(compoundA);
    const adopt = await sync(keyB, {
      compounds: [{ externalId: 'MINE', compound: compoundB }],
      buildings: [{ externalId: 'YB', compound: 'MINE', id: buildingOfA.id, name: '抢来的楼' }],
    });
    expect(adopt.results.map((r) => r.status)).toEqual(['CREATED', 'FAILED']);
    expect(adopt.results[1].error).toMatchObject({ code: 'NOT_MANAGED', field: ['input', 'buildings', '0', 'id'] });
    expect((await childrenOf(compoundA)).find((b) => b.id === buildingOfA.id)?.name).toBe(buildingOfA.name);
  });

  it('only a property company’s key with WRITE_PROPERTY may sync; oversized calls and bad keys are refused whole', async () => {
    for (const credential of [null, readOnlyKeyA]) {
      const refused = await gql(SYNC, { input: { idempotencyKey: randomUUID(), compounds: [{ externalId: 'C1' }] } }, credential);
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    // The operator is a person, not a company: refused too.
    const operator = await gql(SYNC, { input: { idempotencyKey: randomUUID(), compounds: [{ externalId: 'C1' }] } });
    expect(operator.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const tooMany = await gql(
      SYNC,
      {
        input: {
          idempotencyKey: randomUUID(),
          households: Array.from({ length: 1001 }, (_, i) => ({ externalId: `H${i}`, building: 'B1', name: `${i}` })),
        },
      },
      keyA,
    );
    expect(tooMany.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const badKey = await gql(SYNC, { input: { idempotencyKey: 'short', compounds: [{ externalId: 'C1' }] } }, keyA);
    expect(badKey.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('records every write in the audit trail, as the company’s key', async () => {
    const answer = await sync(keyA, { buildings: [{ externalId: 'B9', compound: 'C1', name: '9号楼' }] });
    const audit = await query<{ auditLog: { nodes: { action: string; actorKind: string; role: string; objectId: string }[] } }>(
      'query($o: ID!) { auditLog(first: 5, filter: { object: $o }) { nodes { action actorKind role objectId } } }',
      { o: answer.results[0].id },
    );
    expect(audit.auditLog.nodes).toEqual([
      { action: 'area.create', actorKind: 'API_KEY', role: 'write:property', objectId: answer.results[0].id },
    ]);
    expect(answer.results[0].status).toBe('CREATED');
  });

  it('fees pushed by the company give the area’s fee collection rate in statistics, from SQL over the pushed records', async () => {
    const answer = await sync(keyA, {
      fees: [
        { externalId: 'F-0909-H1', household: 'H1', period: '2026-09', amountDue: 300, amountPaid: 150 },
        { externalId: 'F-0909-H2', household: 'H2', period: '2026-09', amountDue: 200, amountPaid: 200, paidOn: '2026-09-03' },
      ],
    });
    expect(answer.created).toBe(2);
    const statistics = async () =>
      (
        await query<{ statistics: { rows: { property: { feeCollectionRate: number | null } }[] } }>(
          `query($c: ID!) { statistics(within: $c, period: MONTH, from: "2026-09-01T00:00:00+08:00", to: "2026-10-01T00:00:00+08:00") {
            rows { property { feeCollectionRate } } } }`,
          { c: community },
        )
      ).statistics.rows[0].property.feeCollectionRate;
    expect(await statistics()).toBe(0.7);
    // A payment arrives: the company pushes the record again, and the rate follows.
    await sync(keyA, {
      fees: [{ externalId: 'F-0909-H1', household: 'H1', period: '2026-09', amountDue: 300, amountPaid: 300, paidOn: '2026-09-20' }],
    });
    expect(await statistics()).toBe(1);
  });
});
