import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../seed/demo-district.js';
import { ownServer } from '../../test/own-server.js';

interface Listed {
  data?: { stations: { nodes: { id: string; services: { totalCount: number; nodes: { id: string; name: string }[] } }[] } };
  errors?: unknown[];
  extensions?: { sqlStatements?: number };
}

const NEAR = `query($near: GeoPointInput!) { stations(near: $near, first: 8) {
  nodes { id services(first: 4) { totalCount nodes { id name } } } } }`;
const ALONE = `query($id: ID!) { node(id: $id) { ... on Station { id services(first: 4) { totalCount nodes { id name } } } } }`;

/**
 * The services of the nearest stations come from the catalogue each process keeps
 * (db/catalogue.ts), checked against the version the stations' own statement reads. Changes made
 * behind the API's back, in SQL, show at the next request, exactly as the station alone lists them.
 */
describe('the service catalogue a process keeps', () => {
  const own = ownServer({ GZ_RATE_LIMIT: '0', GZ_SQL_TRACE: 'true' }, (em) => seedDemo(em, { scale: 1 }).then(() => undefined));
  const near = { latitude: 42.53, longitude: 125.63 };

  async function post(query: string, variables: Record<string, unknown>): Promise<Listed> {
    const res = await fetch(own.server.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as Listed;
  }

  /** The nearest stations' services, checked against what each station lists alone (through the loader's join). */
  async function listedAndChecked(): Promise<Listed> {
    const listed = await post(NEAR, { near });
    expect(listed.errors).toBeUndefined();
    for (const station of listed.data?.stations.nodes ?? []) {
      const alone = (await post(ALONE, { id: station.id })) as unknown as { data: { node: unknown } };
      expect(station).toEqual(alone.data.node);
    }
    return listed;
  }

  const sql = (text: string, params: unknown[] = []) => own.orm.em.fork().execute(text, params);

  it('reads the catalogue once, then answers from it in the stations’ one statement', async () => {
    const first = await listedAndChecked();
    expect(first.extensions?.sqlStatements).toBeLessThanOrEqual(2);
    const again = await listedAndChecked();
    expect(again.extensions?.sqlStatements).toBe(1);
    expect(again.data).toEqual(first.data);
  });

  it('follows a service renamed, added and removed in SQL at the next request', async () => {
    const before = await listedAndChecked();
    const station = before.data?.stations.nodes.find((s) => s.services.totalCount >= 2);
    if (!station) throw new Error('the demo district has a station with two services near the point');
    const stationId = Number(Buffer.from(station.id, 'base64url').toString().split(':')[1]);
    const [last] = station.services.nodes.slice(-1);
    const lastId = Number(Buffer.from(last.id, 'base64url').toString().split(':')[1]);

    // Renamed to sort first: the next answer reads the catalogue again (one more statement) and reorders.
    await sql('update service set name = ? where id = ?', ['AAA 最先', lastId]);
    const renamed = await listedAndChecked();
    expect(renamed.extensions?.sqlStatements).toBe(2);
    const after = renamed.data?.stations.nodes.find((s) => s.id === station.id);
    expect(after?.services.nodes[0]).toEqual({ id: last.id, name: 'AAA 最先' });
    expect((await post(NEAR, { near })).extensions?.sqlStatements).toBe(1);

    // A new service offered by the station, and one removed from the catalogue.
    const [added] = await sql(
      `insert into service (code, name, name_en, category) values ('catalogue-test', 'AAA 新服务', 'New', 'test') returning id`,
    );
    await sql('insert into station_service (station_id, service_id) values (?, ?)', [stationId, added.id]);
    await sql('delete from service where id = ?', [lastId]);
    const changed = await listedAndChecked();
    const now = changed.data?.stations.nodes.find((s) => s.id === station.id);
    expect(now?.services.totalCount).toBe(station.services.totalCount);
    expect(now?.services.nodes[0].name).toBe('AAA 新服务');
    expect(now?.services.nodes.map((n) => n.id)).not.toContain(last.id);
  });
});
