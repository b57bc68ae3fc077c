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
const BY_NAME = `{ stations(first: 8) { nodes { id services(first: 4) { totalCount nodes { id name } } } } }`;
const ALONE = `query($id: ID!) { node(id: $id) { ... on Station { id services(last: 2) { totalCount nodes { id name } } } } }`;

const globalId = (type: string, id: unknown) => Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');
const databaseId = (id: string) => Number(Buffer.from(id, 'base64url').toString().split(':')[1]);

/**
 * The services of the nearest stations come from the catalogue each process keeps
 * (db/catalogue.ts), checked against the version each statement reads: the nearest stations'
 * own, and the nested loader's under any other list. Changes made behind the API's back, in SQL,
 * show at the next request, exactly as the tables have them.
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

  const sql = (text: string, params: unknown[] = []) => own.orm.em.fork().execute(text, params);

  /** A station's services by name, straight from the tables (the join the catalogue stands in for). */
  async function truth(stationId: string, first: number | null, last: number | null) {
    const rows = await sql(
      `select t.id, t.name from service t join station_service j on j.service_id = t.id where j.station_id = ? order by t.name, t.id`,
      [databaseId(stationId)],
    );
    const kept = first != null ? rows.slice(0, first) : rows.slice(Math.max(0, rows.length - (last ?? 0)));
    return {
      id: stationId,
      services: { totalCount: rows.length, nodes: kept.map((r) => ({ id: globalId('Service', r.id), name: r.name })) },
    };
  }

  /** The services of the nearest stations, of the first stations by name and of each station alone, against the tables. */
  async function listedAndChecked(): Promise<Listed> {
    const listed = await post(NEAR, { near });
    expect(listed.errors).toBeUndefined();
    const byName = await post(BY_NAME, {});
    expect(byName.errors).toBeUndefined();
    for (const station of [...(listed.data?.stations.nodes ?? []), ...(byName.data?.stations.nodes ?? [])]) {
      expect(station).toEqual(await truth(station.id, 4, null));
      const alone = (await post(ALONE, { id: station.id })) as unknown as { data: { node: unknown } };
      expect(alone.data.node).toEqual(await truth(station.id, null, 2));
    }
    return listed;
  }

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
    const stationId = databaseId(station.id);
    const [last] = station.services.nodes.slice(-1);
    const lastId = databaseId(last.id);

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
