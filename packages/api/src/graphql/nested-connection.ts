import type { EntityClass } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/sql';
import DataLoader from 'dataloader';
import type { SqlCondition } from '../auth/visibility.js';
import type { Catalogue, CatalogueRows } from '../db/catalogue.js';
import { jsonRowColumns, readEntity, readJsonRow } from '../db/read-entity.js';
import type { ConnectionResult, PageArgs, PageRequest } from './connection.js';
import { type Ordering, pageRequest, toConnection } from './paginate.js';

/**
 * Where the items of a nested connection come from: the rows of `entity` (aliased `t` in
 * `from`, which may join other tables), grouped by `parentKey`, in `ordering`.
 */
export interface NestedSource<T extends object> {
  name: string;
  entity: EntityClass<T>;
  from: string;
  parentKey: string;
  ordering: Ordering;
  /**
   * When the items are rows of a catalogue each process keeps (db/catalogue.ts), in the same
   * ordering: the SQL that selects the IDs of a parent's items, over the parent's key. A first or
   * last page brought with its parents (`embeddedPage`) then carries only those IDs.
   */
  catalogue?: { of: Catalogue<T>; members(parentKey: string): string };
}

/** No restriction: every row of the source. */
export const EVERY_ROW: SqlCondition = { sql: 'true', params: [] };

interface Row extends Record<string, unknown> {
  __parent: number;
  __total: string | number;
  __after: string | number;
  __rn: string | number;
}

/**
 * One page of a nested connection for many parents in one SQL statement: window functions
 * number each parent's rows after the cursor and count them, so a nested query costs one
 * statement per level, however many parents that level has.
 */
export function nestedConnectionLoader<T extends object>(
  em: EntityManager,
  source: NestedSource<T>,
  args: PageArgs,
  only: SqlCondition = EVERY_ROW,
): DataLoader<number, ConnectionResult<T>> {
  const page: PageRequest = pageRequest(args, source.ordering.name, source.ordering.keys.length);
  const catalogued = fromCatalogue(em, source, page, only);
  if (catalogued) {
    // The parents' item IDs and the catalogue's version, one row per parent; the pages from the catalogue held.
    return new DataLoader(async (parentIds: readonly number[]) => {
      const rows = await em.execute<{ __parent: number; __members: unknown }[]>(
        `select p.id as "__parent", ${catalogued.sql('p.id')} as "__members" from (values ${parentIds.map(() => '(?::int)').join(', ')}) as p(id)`,
        [...parentIds],
      );
      const byParent = new Map(rows.map((row) => [Number(row.__parent), row.__members]));
      return Promise.all(parentIds.map((parentId) => catalogued.read(byParent.get(parentId), parentId)));
    });
  }
  return rowsLoader(em, source, page, only);
}

/** The rows of each parent's page, numbered and counted by window functions over the source's join. */
function rowsLoader<T extends object>(
  em: EntityManager,
  source: NestedSource<T>,
  page: PageRequest,
  only: SqlCondition,
): DataLoader<number, ConnectionResult<T>> {
  if (page.size === 0 && !page.cursor) return countsLoader(em, source, page, only);
  const keyedById = sameRowSameId(em, source.entity);
  return new DataLoader(async (parentIds: readonly number[]) => {
    const rows = await em.execute<Row[]>(buildSql(source, page, parentIds.length, only), [
      ...parentIds,
      ...only.params,
      ...(page.cursor ?? []),
    ]);
    // A row under several parents (a service of twenty stations) becomes one read entity.
    const mapped = new Map<unknown, T>();
    const entityOf = (data: Record<string, unknown>): T => {
      if (!keyedById || data.id == null) return readEntity(em, source.entity, data);
      let entity = mapped.get(data.id);
      if (!entity) {
        entity = readEntity(em, source.entity, data);
        mapped.set(data.id, entity);
      }
      return entity;
    };
    const byParent = new Map<number, Row[]>();
    for (const row of rows) {
      const list = byParent.get(Number(row.__parent)) ?? [];
      list.push(row);
      byParent.set(Number(row.__parent), list);
    }
    return parentIds.map((parentId) => {
      const found = byParent.get(parentId) ?? [];
      const total = found.length ? Number(found[0].__total) : null;
      const after = found.length ? Number(found[0].__after) : 0;
      const kept = page.size === 0 ? [] : found.slice(0, page.size);
      const items = kept.map((row) => {
        const { __parent, __total, __after, __rn, ...data } = row;
        return entityOf(data);
      });
      if (!page.forward) items.reverse();
      return toConnection(
        items,
        source.ordering,
        page,
        after > page.size,
        () => total ?? countOne(em, source, parentId, only),
        page.cursor != null && total != null ? total - after > 0 : undefined,
      );
    });
  });
}

/**
 * Pages of no items (`first: 0`, asked for `totalCount` or `pageInfo` alone): each parent's count,
 * grouped, instead of every row numbered and counted to keep none of them.
 */
function countsLoader<T extends object>(
  em: EntityManager,
  source: NestedSource<T>,
  page: PageRequest,
  only: SqlCondition,
): DataLoader<number, ConnectionResult<T>> {
  return new DataLoader(async (parentIds: readonly number[]) => {
    const rows = await em.execute<{ __parent: number; __total: string | number }[]>(
      `select ${source.parentKey} as "__parent", count(*) as "__total" from ${source.from}
       where ${source.parentKey} in (${parentIds.map(() => '?').join(', ')}) and ${only.sql} group by ${source.parentKey}`,
      [...parentIds, ...only.params],
    );
    const totals = new Map(rows.map((row) => [Number(row.__parent), Number(row.__total)]));
    return parentIds.map((parentId) => {
      const total = totals.get(parentId) ?? 0;
      return toConnection([] as T[], source.ordering, page, total > 0, () => total);
    });
  });
}

/** Whether the entity's one primary key is `id`: then two rows of its table with the same `id` are the same row. */
function sameRowSameId(em: EntityManager, entity: EntityClass<object>): boolean {
  const keys = em.getMetadata().get(entity).primaryKeys;
  return keys.length === 1 && keys[0] === 'id';
}

function buildSql(source: NestedSource<object>, page: PageRequest, parents: number, only: SqlCondition): string {
  const ascending = (source.ordering.direction === 'asc') === page.forward;
  const dir = ascending ? 'asc' : 'desc';
  const order = source.ordering.keys.map((k) => `s.${quote(k.column)} ${dir}`).join(', ');
  const cursorCondition = page.cursor
    ? `where (${source.ordering.keys.map((k) => `s.${quote(k.column)}`).join(', ')}) ${ascending ? '>' : '<'} (${source.ordering.keys.map(() => '?').join(', ')})`
    : '';
  const limit = Math.max(page.size, 1);
  return `select u.* from (
  select s.*, row_number() over (partition by s.__parent order by ${order}) as __rn,
         count(*) over (partition by s.__parent) as __after
  from (
    select t.*, ${source.parentKey} as __parent, count(*) over (partition by ${source.parentKey}) as __total
    from ${source.from}
    where ${source.parentKey} in (${Array.from({ length: parents }, () => '?').join(', ')}) and ${only.sql}
  ) s ${cursorCondition}
) u where u.__rn <= ${limit} order by u.__parent, u.__rn`;
}

/**
 * A nested connection's first page for one parent, as a SQL expression over the parent's key
 * (`parentKey`, e.g. `"s"."id"`), for the parent list's own statement: a JSON array of the page's
 * rows (one more than the page, to tell whether there is a next) and, when `total` is asked, the
 * parent's count. One statement instead of two, and one JSON value per parent to decode instead
 * of a row per item. Null where the loader must do it: a page after or before a cursor, or an
 * entity whose columns JSON cannot carry (db/read-entity.ts).
 */
export interface EmbeddedPage<T extends object> {
  sql: string;
  params: unknown[];
  /** The connection from the expression's value, for the parent `parentId`. */
  read(value: unknown, parentId: number): ConnectionResult<T> | Promise<ConnectionResult<T>>;
}

/** A column a parent list selects to bring a nested page with each of its rows (Loaders.embed). */
export interface EmbeddedColumn {
  sql: string;
  params: unknown[];
  /** Hands one parent row's value of the column to the nested connection's loader. */
  take(value: unknown, parentId: number): void;
}

export function embeddedPage<T extends object>(
  em: EntityManager,
  source: NestedSource<T>,
  args: PageArgs,
  only: SqlCondition,
  parentKey: string,
  total: boolean,
): EmbeddedPage<T> | null {
  if (args.after != null || args.before != null) return null;
  let page: PageRequest;
  try {
    page = pageRequest(args, source.ordering.name, source.ordering.keys.length);
  } catch {
    return null; // the loader refuses these arguments with the error the client should see
  }
  const catalogued = fromCatalogue(em, source, page, only);
  if (catalogued) return { sql: catalogued.sql(parentKey), params: [], read: catalogued.read };
  const columns = jsonRowColumns(em, source.entity as EntityClass<object>);
  if (!columns) return null;
  const ascending = (source.ordering.direction === 'asc') === page.forward;
  const order = source.ordering.keys.map((k) => `t.${quote(k.column)} ${ascending ? 'asc' : 'desc'}`).join(', ');
  const where = `${source.parentKey} = ${parentKey} and ${only.sql}`;
  const rows = `to_json(array(select json_build_array(${columns.sql('t')}) from ${source.from} where ${where} order by ${order} limit ${page.size + 1}))`;
  const count = total ? `(select count(*) from ${source.from} where ${where})` : 'null';
  return {
    sql: `json_build_array(${rows}, ${count})`,
    params: total ? [...only.params, ...only.params] : [...only.params],
    read(value, parentId) {
      const [found, counted] = value as [unknown[][], number | null];
      const items = found.slice(0, page.size).map((values) => readJsonRow(em, source.entity, columns, values));
      if (!page.forward) items.reverse();
      return toConnection(items, source.ordering, page, found.length > page.size, () => counted ?? countOne(em, source, parentId, only));
    },
  };
}

/**
 * Pages of catalogue rows (db/catalogue.ts): a statement selects, per parent, the catalogue's
 * version in the statement's snapshot and the IDs of the parent's items; the items, their order
 * and the count come from the rows the process holds at that version (read again first if it
 * holds another). No join, no sort and no rows to decode: the services of twenty stations cost
 * PostgreSQL an index-only scan per station. Should the catalogue have changed again before it
 * could be read, or an ID be missing from it, the parent's page is loaded from its rows instead.
 * For first and last pages of every row; null for the others (a cursor, a condition).
 */
function fromCatalogue<T extends object>(
  em: EntityManager,
  source: NestedSource<T>,
  page: PageRequest,
  only: SqlCondition,
): {
  sql(parentKey: string): string;
  /** The page of `parentId` from its value of `sql`. */
  read(value: unknown, parentId: number): ConnectionResult<T> | Promise<ConnectionResult<T>>;
} | null {
  const link = source.catalogue;
  if (!link || link.of.ordering !== source.ordering || page.cursor || only.sql !== EVERY_ROW.sql || only.params.length) return null;
  const catalogue = link.of;
  // The parents whose page the catalogue could not give, read from their rows in one statement.
  let alone: DataLoader<number, ConnectionResult<T>> | undefined;
  const loadAlone = (parentId: number) => {
    alone ??= rowsLoader(em, source, page, only);
    return alone.load(parentId);
  };
  const sign = (source.ordering.direction === 'asc') === page.forward ? 1 : -1;
  const pageOf = (held: CatalogueRows<T>, ids: number[]): ConnectionResult<T> | undefined => {
    if (!ids.every((id) => held.byId.has(id))) return undefined;
    const rank = held.rank as Map<number, number>;
    const sorted = [...ids].sort((a, b) => sign * ((rank.get(a) as number) - (rank.get(b) as number)));
    const items = sorted.slice(0, page.size).map((id) => held.byId.get(id) as T);
    if (!page.forward) items.reverse();
    return toConnection(items, source.ordering, page, sorted.length > page.size, () => ids.length);
  };
  return {
    sql: (parentKey) => `json_build_array(${catalogue.versionSql}, array(${link.members(parentKey)}))`,
    read(value, parentId) {
      const [version, ids] = (value as [string | null, number[]] | undefined) ?? [null, []];
      const held = catalogue.heldAt(em, version);
      const found = held && pageOf(held, ids);
      if (found) return found;
      return catalogue.at(em, version).then((rows) => (rows && pageOf(rows, ids)) ?? loadAlone(parentId));
    },
  };
}

async function countOne(em: EntityManager, source: NestedSource<object>, parentId: number, only: SqlCondition): Promise<number> {
  const [row] = await em.execute<{ n: string }[]>(
    `select count(*) as n from ${source.from} where ${source.parentKey} = ? and ${only.sql}`,
    [parentId, ...only.params],
  );
  return Number(row?.n ?? 0);
}

function quote(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`;
}
