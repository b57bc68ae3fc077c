import type { EntityName, RequiredEntityData } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/sql';

/**
 * Bulk writing for the seed: rows carry ids we allocate ourselves, go in as multi-row inserts,
 * and the serial sequences are moved past them at the end. Nothing goes through the unit of work.
 */

/** PostgreSQL's wire protocol caps a statement at 65,535 bind parameters; stay well below. */
const MAX_PARAMETERS = 60_000;
const MAX_ROWS = 5_000;

export function tableOf(em: EntityManager, entity: EntityName<object>): string {
  return em.getMetadata().get(entity).tableName;
}

/** Ids handed out in order, starting after the largest id already in the table. */
export class IdSequence {
  constructor(private nextId: number) {}

  take(): number {
    return this.nextId++;
  }
}

export async function idSequenceFor(em: EntityManager, entity: EntityName<object>): Promise<IdSequence> {
  const [row] = await em.execute<{ max: number | string | null }[]>(`select max("id") as "max" from "${tableOf(em, entity)}"`);
  return new IdSequence(Number(row?.max ?? 0) + 1);
}

/** Moves the table's serial sequence past the ids the seed wrote, so later inserts do not collide. */
export async function syncSequence(em: EntityManager, entity: EntityName<object>): Promise<void> {
  const table = tableOf(em, entity);
  await em.execute(`select setval(pg_get_serial_sequence('"${table}"', 'id'), coalesce((select max("id") from "${table}"), 0) + 1, false)`);
}

export async function insertChunked<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  rows: readonly RequiredEntityData<T>[],
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]).length;
  const size = Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_PARAMETERS / columns)));
  for (let start = 0; start < rows.length; start += size) {
    await em.insertMany(entity, rows.slice(start, start + size));
  }
}
