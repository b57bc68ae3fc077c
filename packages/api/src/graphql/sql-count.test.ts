import { describe, expect, it } from 'vitest';
import { gql } from '../test/client.js';

/** Districts, their streets, communities, grids and the stations covering each grid: five levels. */
const NESTED = `query($n: Int) {
  areas(first: $n, filter: { kind: [DISTRICT] }) { nodes { name
    children(first: $n) { nodes { name
      children(first: $n) { nodes { name
        children(first: $n) { nodes { name kind
          coveringStations(first: $n) { nodes { name area { name } services(first: 3) { nodes { name } } } }
        } }
      } }
    } }
  } }
}`;

async function statements(n: number): Promise<{ sql: number; rows: number }> {
  const r = await gql(NESTED, { n });
  expect(r.errors).toBeUndefined();
  const rows = JSON.stringify(r.data).split('"name"').length - 1;
  return { sql: r.extensions?.sqlStatements ?? Number.NaN, rows };
}

describe('batching: every relation goes through a per-request DataLoader', () => {
  it('the SQL statement count of a nested query is set by its depth, not by its rows', async () => {
    const few = await statements(1);
    const many = await statements(100);
    expect(many.rows).toBeGreaterThan(few.rows * 20);
    // One statement per level (districts, streets, communities, grids, stations), one for the
    // stations' areas, one for their services: seven, however many rows each level has.
    expect(many.sql).toBe(7);
    expect(few.sql).toBe(many.sql);
    console.log(`nested query: ${many.rows} named objects in ${many.sql} SQL statements (${few.rows} objects: ${few.sql})`);
  });
});
