import type { EntityClass } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/sql';
import DataLoader from 'dataloader';
import type { SqlCondition } from '../auth/visibility.js';
import { readPrepared } from '../db/prepared.js';
import { readEntityWithExtras, readExtrasOf } from '../db/read-entity.js';
import { today } from '../modules/people/person.service.js';
import type { ConnectionResult, PageArgs } from './connection.js';
import { type EmbeddedColumn, EVERY_ROW, embeddedPage, type NestedSource, nestedConnectionLoader } from './nested-connection.js';

/**
 * Every relation resolves through one of these per-request loaders, made here and nowhere else:
 * `byId` for to-one relations and `node(id:)`, `connection` for nested lists.
 */
export class Loaders {
  readonly #byId = new Map<EntityClass<object>, DataLoader<number, object | null>>();
  readonly #connections = new Map<string, DataLoader<number, ConnectionResult<object>>>();
  /** Pages of a connection loader brought ready by their parents' statement (`embed`), by parent. */
  readonly #ready = new WeakMap<DataLoader<number, ConnectionResult<object>>, Map<number, ConnectionResult<object>>>();
  #rolePaths: DataLoader<number, string[]> | undefined;
  #personFacts: DataLoader<number, { rolePaths: string[]; onStaff: boolean }> | undefined;

  /**
   * `readOnly` says whether the operation only reads (a query, a subscription's event, an
   * export): then entities are built from rows without the identity map (db/read-entity.ts),
   * about a fifth of the CPU of `em.find`. A mutation's are managed by its unit of work.
   */
  constructor(
    private readonly em: EntityManager,
    private readonly readOnly: () => boolean = () => false,
  ) {}

  /** Loads entities of one class by primary key; one `select … where id in (…)` per tick. */
  byId<T extends object>(entity: EntityClass<T>): DataLoader<number, T | null> {
    let loader = this.#byId.get(entity as EntityClass<object>);
    if (!loader) {
      loader = new DataLoader<number, object | null>(async (ids) => {
        const rows = this.readOnly() ? await this.#read(entity, ids) : await this.em.find(entity, { id: { $in: [...ids] } } as never);
        const byId = new Map(rows.map((row) => [(row as unknown as { id: number }).id, row as object]));
        return ids.map((id) => byId.get(id) ?? null);
      });
      this.#byId.set(entity as EntityClass<object>, loader);
    }
    return loader as DataLoader<number, T | null>;
  }

  async #read<T extends object>(entity: EntityClass<T>, ids: readonly number[]): Promise<T[]> {
    const meta = this.em.getMetadata().get(entity);
    const table = meta.schema ? `"${meta.schema}"."${meta.tableName}"` : `"${meta.tableName}"`;
    const extras = readExtrasOf(entity as EntityClass<object>);
    const select = `select t.*${extras.map((e) => `, ${e.sql} as "${e.name}"`).join('')} from ${table} t`;
    // Two prepared statements per entity, whatever the number of IDs; MikroORM's simple query where
    // they cannot be. One ID (a `node(id:)`, a relation of one parent) is `= $1`, for which
    // PostgreSQL settles on the generic plan after five runs. For `= any($1)` it never does: the
    // generic plan's estimate for an array of unknown length stays above a custom plan's, so every
    // run is planned again (a proposal with its ballot sums: 0.08 ms planning, 0.05 executing).
    // Through the API, PostgreSQL's CPU for the tally fell from 0.23-0.31 to 0.11-0.14 ms a request.
    const [where, key] = ids.length === 1 ? ['= $1', ids[0]] : ['= any($1)', [...ids]];
    const rows =
      (await readPrepared<Record<string, unknown>>(this.em, `${select} where t."id" ${where}`, [key])) ??
      (await this.em.execute<Record<string, unknown>[]>(`${select} where t."id" in (${ids.map(() => '?').join(', ')})`, [...ids]));
    return rows.map((row) => readEntityWithExtras(this.em, entity, row, extras));
  }

  /** The paths of the areas where a person holds a role today: where their personal data lives. */
  rolePaths(personId: number): Promise<string[]> {
    this.#rolePaths ??= new DataLoader<number, string[]>(async (ids) => {
      const day = today();
      const rows = await this.em.execute<{ person_id: number; path: string }[]>(
        `select r.person_id, a.path from role_assignment r join area a on a.id = r.area_id
         where r.person_id in (${ids.map(() => '?').join(', ')}) and r.starts_on <= ? and (r.ends_on is null or r.ends_on >= ?)`,
        [...ids, day, day],
      );
      const byPerson = new Map<number, string[]>();
      for (const row of rows) byPerson.set(Number(row.person_id), [...(byPerson.get(Number(row.person_id)) ?? []), row.path]);
      return ids.map((id) => byPerson.get(id) ?? []);
    });
    return this.#rolePaths.load(personId);
  }

  /**
   * What decides whether a person is visible (auth/visibility.ts): the paths of every area where
   * they hold or held a role, and whether a station lists them as staff. Two statements per tick.
   */
  personFacts(personId: number): Promise<{ rolePaths: string[]; onStaff: boolean }> {
    this.#personFacts ??= new DataLoader(async (ids) => {
      const marks = ids.map(() => '?').join(', ');
      const [roles, staff] = await Promise.all([
        this.em.execute<{ person_id: number; path: string }[]>(
          `select r.person_id, a.path from role_assignment r join area a on a.id = r.area_id where r.person_id in (${marks})`,
          [...ids],
        ),
        this.em.execute<{ person_id: number }[]>(`select distinct person_id from station_staff where person_id in (${marks})`, [...ids]),
      ]);
      const onStaff = new Set(staff.map((row) => Number(row.person_id)));
      return ids.map((id) => ({
        rolePaths: roles.filter((row) => Number(row.person_id) === id).map((row) => row.path),
        onStaff: onStaff.has(id),
      }));
    });
    return this.#personFacts.load(personId);
  }

  /**
   * One page of a nested connection, batched across every parent that asks with the same
   * arguments; `only` keeps the rows the caller may see.
   */
  connection<T extends object>(
    source: NestedSource<T>,
    args: PageArgs,
    parentId: number,
    only: SqlCondition = EVERY_ROW,
  ): ConnectionResult<T> | Promise<ConnectionResult<T>> {
    const loader = this.#connection(source, args, only);
    // A page its parent's statement brought, ready: returned as it is, so GraphQL goes on with it
    // at once instead of after a promise per parent (twenty stations, twenty promises).
    const ready = this.#ready.get(loader)?.get(parentId);
    if (ready) return ready as ConnectionResult<T>;
    return loader.load(parentId) as Promise<ConnectionResult<T>>;
  }

  #connection<T extends object>(source: NestedSource<T>, args: PageArgs, only: SqlCondition): DataLoader<number, ConnectionResult<object>> {
    const key = `${source.name}|${args.first ?? ''}|${args.after ?? ''}|${args.last ?? ''}|${args.before ?? ''}|${only.sql}|${JSON.stringify(only.params)}`;
    let loader = this.#connections.get(key);
    if (!loader) {
      loader = nestedConnectionLoader(this.em, source as NestedSource<object>, args, only);
      this.#connections.set(key, loader);
    }
    return loader;
  }

  /**
   * The page `connection(source, args, parentId, only)` would load, brought instead by the
   * parent list's own statement (nested-connection.ts, `embeddedPage`): `sql` (with `params`) is
   * the column to select over the parent's key `parentKey`; `take` hands each parent row's value to the loader,
   * so the nested field's resolver finds it there without a statement of its own. Null when the
   * page cannot come this way; the resolver then loads it as usual.
   */
  embed<T extends object>(
    source: NestedSource<T>,
    args: PageArgs,
    parentKey: string,
    options: { only?: SqlCondition; total?: boolean } = {},
  ): EmbeddedColumn | null {
    const only = options.only ?? EVERY_ROW;
    const page = embeddedPage(this.em, source, args, only, parentKey, options.total ?? false);
    if (!page) return null;
    const loader = this.#connection(source, args, only);
    return {
      sql: page.sql,
      params: page.params,
      take: (value, parentId) => {
        const read = page.read(value, parentId) as ConnectionResult<object> | Promise<ConnectionResult<object>>;
        if (!(read instanceof Promise)) {
          let ready = this.#ready.get(loader);
          if (!ready) {
            ready = new Map();
            this.#ready.set(loader, ready);
          }
          ready.set(parentId, read);
        }
        loader.prime(parentId, read);
      },
    };
  }
}
