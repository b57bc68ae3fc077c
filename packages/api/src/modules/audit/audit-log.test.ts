import { describe, expect, it } from 'vitest';
import { ask, query } from '../../test/client.js';
import { scratchCommunity, signInAs, uniqueName } from '../../test/fixtures.js';

const LOG = `query($object: ID, $actor: ID) { auditLog(first: 10, filter: { object: $object, actor: $actor }) {
  totalCount nodes { databaseId action objectType objectId before after actorKind actor { id } requestId hash prevHash } } }`;

describe('auditLog', () => {
  it('shows a district’s auditor the changes in their district, newest first, with who made them', async () => {
    const station = (await query('{ stations(first: 1, orderBy: { field: ID }) { nodes { id name } } }')).stations.nodes[0];
    const admin = await signInAs('ADMINISTRATOR');
    const renamed = uniqueName('改名站');
    const change = await ask(
      admin.token,
      `mutation($input: UpdateStationInput!) { updateStation(input: $input) { userErrors { code } } }`,
      {
        input: { id: station.id, name: renamed },
      },
    );
    expect(change.body.data.updateStation.userErrors).toEqual([]);
    await ask(admin.token, `mutation($input: UpdateStationInput!) { updateStation(input: $input) { userErrors { code } } }`, {
      input: { id: station.id, name: station.name },
    });

    const auditor = await signInAs('AUDITOR');
    const log = await ask(auditor.token, LOG, { object: station.id, actor: admin.personId });
    expect(log.status).toBe(200);
    const [restored, first] = log.body.data.auditLog.nodes;
    expect(first).toMatchObject({
      action: 'station.update',
      objectType: 'Station',
      objectId: station.id,
      actorKind: 'PERSON',
      actor: { id: admin.personId },
      after: { name: renamed },
    });
    expect(restored).toMatchObject({ before: { name: renamed }, after: { name: station.name } });
    expect(restored.databaseId).toBeGreaterThan(first.databaseId);
  });

  it('shows nothing of another district', async () => {
    const { district } = await scratchCommunity();
    const auditor = await signInAs('AUDITOR');
    const log = await ask(auditor.token, LOG, { object: district });
    expect(log.body.data.auditLog.totalCount).toBe(0);
  });

  it('is refused to anonymous callers and to people who are not auditors or administrators', async () => {
    const anonymous = await ask(null, LOG);
    expect(anonymous.status).toBe(403);
    expect(anonymous.body.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const worker = await signInAs('GRID_WORKER');
    const refused = await ask(worker.token, LOG);
    expect(refused.status).toBe(403);
    expect(refused.body.errors?.[0].extensions.code).toBe('FORBIDDEN');
  });
});
