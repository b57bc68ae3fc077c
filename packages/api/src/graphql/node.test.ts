import { describe, expect, it } from 'vitest';
import { gql, query } from '../test/client.js';
import { parseGlobalId, toGlobalId } from './global-id.js';

describe('global IDs', () => {
  it('round-trip and refuse what is not ours', () => {
    expect(parseGlobalId(toGlobalId('Station', 42))).toEqual({ type: 'Station', id: 42 });
    expect(parseGlobalId('not an id')).toBeNull();
    expect(parseGlobalId(Buffer.from('Secret:1').toString('base64url'))).toBeNull();
    expect(parseGlobalId(Buffer.from('Area:0').toString('base64url'))).toBeNull();
    expect(parseGlobalId(Buffer.from('Area:99999999999').toString('base64url'))).toBeNull();
  });

  it('node and nodes fetch any type by its ID, null where there is none', async () => {
    const some = await query(`{
      areas(first: 1) { nodes { id databaseId __typename } }
      stations(first: 1) { nodes { id __typename } }
      organizations(first: 1) { nodes { id __typename } }
      people(first: 1) { nodes { id __typename } }
      services(first: 1) { nodes { id __typename } }
    }`);
    const objects = [some.areas, some.stations, some.organizations, some.people, some.services].map((c) => c.nodes[0]);
    const missing = toGlobalId('Area', 2_000_000_000);
    const data = await query(`query($ids: [ID!]!) { nodes(ids: $ids) { id __typename } }`, { ids: [...objects.map((o) => o.id), missing] });
    expect(data.nodes).toEqual([...objects.map((o) => ({ id: o.id, __typename: o.__typename })), null]);
    const one = await query(`query($id: ID!) { node(id: $id) { ... on Area { databaseId } } }`, { id: some.areas.nodes[0].id });
    expect(one.node.databaseId).toBe(some.areas.nodes[0].databaseId);
  });

  it('nodes takes at most 100 IDs', async () => {
    const r = await gql(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, {
      ids: Array.from({ length: 101 }, (_, i) => toGlobalId('Area', i + 1)),
    });
    expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
