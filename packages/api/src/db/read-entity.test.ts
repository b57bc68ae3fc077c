import type { EntityClass, EntityMetadata } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seedDemo } from '../seed/demo-district.js';
import { createTestDatabase, type TestDatabase } from '../test/test-database.js';
import { migrate, type Orm, openOrm } from './orm.js';
import { jsonRowColumns, readEntity, readJsonRow } from './read-entity.js';

/**
 * A nested page brought inside its parent's statement carries its rows as JSON
 * (graphql/nested-connection.ts, `embeddedPage`). Whatever JSON can carry must come out exactly
 * as the driver's own rows do: every entity, every row of the demo district, both ways.
 */
describe('rows carried as JSON read into the same entities as rows from the driver', () => {
  let database: TestDatabase;
  let orm: Orm;

  beforeAll(async () => {
    database = await createTestDatabase(inject('databaseKind'));
    orm = await openOrm({ databaseUrl: database.databaseUrl, dataDir: database.dataDir, logQueries: false });
    await migrate(orm);
    await seedDemo(orm.em.fork(), { scale: 1 });
  }, 120_000);

  afterAll(async () => {
    await orm?.close(true);
    await database?.drop();
  });

  it('gives every column of every entity JSON can carry the value the driver gives', async () => {
    const em = orm.em.fork();
    let compared = 0;
    const carried: string[] = [];
    for (const meta of em.getMetadata() as Iterable<EntityMetadata>) {
      if (meta.embeddable || meta.virtual || !meta.class) continue;
      const entity = meta.class as EntityClass<object>;
      const columns = jsonRowColumns(em, entity);
      if (!columns) continue;
      carried.push(meta.className);
      const key = meta.primaryKeys.length === 1 ? meta.properties[meta.primaryKeys[0]].fieldNames[0] : null;
      const order = key ? `order by t."${key}"` : '';
      const rows = await em.execute<Record<string, unknown>[]>(`select t.* from "${meta.tableName}" t ${order} limit 200`);
      const json = await em.execute<{ row: unknown[] }[]>(
        `select json_build_array(${columns.sql('t')}) as row from "${meta.tableName}" t ${order} limit 200`,
      );
      expect(json).toHaveLength(rows.length);
      rows.forEach((row, i) => {
        expect(readJsonRow(em, entity, columns, json[i].row)).toEqual(readEntity(em, entity, row));
        compared++;
      });
    }
    // The entities nested pages are made of, among them every column type the model uses.
    expect(carried).toEqual(expect.arrayContaining(['Service', 'Station', 'Area', 'Wish', 'Proposal', 'Person', 'Organization']));
    expect(compared).toBeGreaterThan(1000);
  });
});
