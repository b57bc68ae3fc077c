import { describe, expect, it } from 'vitest';
import { gql } from '../test/client.js';

/**
 * Districts, their streets, communities, grids and the stations covering each grid: five levels.
 * `$streets` … `$stations` set the page size of each level.
 */
const NESTED = `query($streets: Int, $communities: Int, $grids: Int, $stations: Int) {
  areas(first: 1, filter: { kind: [DISTRICT] }, orderBy: { field: ID }) { nodes { name
    children(first: $streets) { nodes { name
      children(first: $communities) { nodes { name
        children(first: $grids) { nodes { name kind
          coveringStations(first: $stations) { nodes { name area { name } services(first: 3) { nodes { name } } } }
        } }
      } }
    } }
  } }
}`;

/** One row per level, or pages as large as the cost limit allows: every row of the demo district. */
const ONE = { streets: 1, communities: 1, grids: 1, stations: 1 };
const ALL = { streets: 5, communities: 10, grids: 30, stations: 5 };

async function statements(pages: typeof ONE): Promise<{ sql: number; rows: number }> {
  // Anonymous: signing in costs a statement of its own (who is this person?), once per request.
  const r = await gql(NESTED, pages, null);
  expect(r.errors).toBeUndefined();
  const rows = JSON.stringify(r.data).split('"name"').length - 1;
  return { sql: r.extensions?.sqlStatements ?? Number.NaN, rows };
}

describe('batching: every relation goes through a per-request DataLoader', () => {
  it('the SQL statement count of a nested query is set by its depth, not by its rows', async () => {
    const few = await statements(ONE);
    const many = await statements(ALL);
    expect(many.rows).toBeGreaterThan(few.rows * 20);
    // One statement per level (districts, streets, communities, grids, stations), one for the
    // stations' areas, one for their services: seven, however many rows each level has.
    expect(many.sql).toBe(7);
    expect(few.sql).toBe(many.sql);
    console.log(`nested query: ${many.rows} named objects in ${many.sql} SQL statements (${few.rows} objects: ${few.sql})`);
  });
});
