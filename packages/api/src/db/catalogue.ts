import { defineEntity, type EntityClass, p, type TriggerDef } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/sql';
import type { Ordering } from '../graphql/paginate.js';
import { readEntity } from './read-entity.js';

/**
 * The version of a table's whole content: a new random value each time a statement that changes
 * the table commits (`versionTrigger`). Two snapshots that see the same version see the same rows.
 */
const TableVersionSchema = defineEntity({
  name: 'TableVersion',
  tableName: 'table_version',
  properties: {
    tableName: p.string().length(63).primary(),
    version: p.uuid(),
  },
});
export class TableVersion extends TableVersionSchema.class {}
TableVersionSchema.setClass(TableVersion);

/**
 * The trigger that gives `table` a new version with every statement that changes it, in the
 * statement's own transaction. Not on TRUNCATE: PostgreSQL does not list such triggers where
 * MikroORM's schema diff looks (information_schema.triggers), so the diff would never settle. A
 * catalogue emptied by TRUNCATE has no rows to be referenced (TRUNCATE must take the tables that
 * reference it along), and rows added after it give it a new version.
 */
export function versionTrigger(table: string): TriggerDef {
  return {
    name: `${table}_version`,
    timing: 'after',
    events: ['insert', 'update', 'delete'],
    forEach: 'statement',
    body: `
        insert into table_version (table_name, version) values ('${table}', gen_random_uuid())
          on conflict (table_name) do update set version = excluded.version;
        return null;`,
  };
}

/** A catalogue's rows at one version, in its order. */
export interface CatalogueRows<T> {
  version: string | null;
  byId: ReadonlyMap<number, T>;
  /** Each row's place in the catalogue's order. */
  rank: ReadonlyMap<number, number>;
}

/**
 * A small table of reference data that changes rarely and is read with nearly every request of
 * some kind (the services stations offer: a few dozen rows, read with every station). Each
 * process keeps its rows, in `ordering` as PostgreSQL sorts them (its collation, not
 * JavaScript's), as read-only entities (read-entity.ts).
 *
 * Never stale: a statement that uses the catalogue selects `versionSql` in its own snapshot, and
 * the rows held are used only when they were read at that same version; otherwise they are read
 * again, in one statement. Rows changed by any means (the API, a migration, the seed, psql) give
 * the table a new version (`versionTrigger`), committed with the change. So every process, and a
 * replica, answers exactly from what its statement saw, with no message between processes.
 */
export class Catalogue<T extends object> {
  /** Per ORM (its configuration object): the rows held, or the read under way. */
  readonly #held = new WeakMap<object, CatalogueRows<T>>();
  readonly #reading = new WeakMap<object, Promise<CatalogueRows<T>>>();

  constructor(
    readonly entity: EntityClass<T>,
    readonly table: string,
    readonly ordering: Ordering,
  ) {}

  /** The table's version in the snapshot of the statement this is part of; null before any change was recorded. */
  get versionSql(): string {
    return `(select v.version::text from table_version v where v.table_name = '${this.table}')`;
  }

  /** The rows at `version`, if this process holds them. */
  heldAt(em: EntityManager, version: string | null): CatalogueRows<T> | undefined {
    const held = this.#held.get(em.config);
    return held && held.version === version ? held : undefined;
  }

  /**
   * The rows at `version`: held, or read again. Undefined when the table has changed again since
   * (the reading's snapshot saw a newer version): the caller then reads what it needs itself.
   */
  async at(em: EntityManager, version: string | null): Promise<CatalogueRows<T> | undefined> {
    const held = this.heldAt(em, version);
    if (held) return held;
    let reading = this.#reading.get(em.config);
    if (!reading) {
      reading = this.#read(em).finally(() => this.#reading.delete(em.config));
      this.#reading.set(em.config, reading);
    }
    const rows = await reading;
    return rows.version === version ? rows : undefined;
  }

  async #read(em: EntityManager): Promise<CatalogueRows<T>> {
    const order = this.ordering.keys.map((k) => `t."${k.column}" ${this.ordering.direction}`).join(', ');
    // The version and the rows in one snapshot; a left join so an empty table still gives its version.
    const rows = await em.execute<Record<string, unknown>[]>(
      `select ${this.versionSql} as "__version", t.* from (select 1) one left join ${this.table} t on true order by ${order}`,
    );
    const byId = new Map<number, T>();
    const rank = new Map<number, number>();
    for (const row of rows) {
      if (row.id == null) continue;
      const { __version, ...data } = row;
      const id = Number(data.id);
      rank.set(id, rank.size);
      byId.set(id, readEntity(em, this.entity, data));
    }
    const held: CatalogueRows<T> = { version: (rows[0]?.__version as string | null) ?? null, byId, rank };
    this.#held.set(em.config, held);
    return held;
  }
}
