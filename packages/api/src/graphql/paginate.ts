import { Cursor, type EntityClass, type FilterQuery, type FindByCursorOptions, QueryHelper } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/sql';
import { readMapped } from '../db/read-entity.js';
import { type ConnectionResult, connectionOf, encodeCursor, type PageArgs, type PageRequest, pageRequest } from './connection.js';

export type SortValueKind = 'string' | 'number' | 'date';

/**
 * An ordering of a connection: sort keys, ending in the primary key so the order is total.
 * `name` goes into cursors, so a cursor from one ordering is refused by another.
 */
export interface Ordering {
  name: string;
  direction: 'asc' | 'desc';
  keys: { property: string; column: string; kind: SortValueKind }[];
}

/** The usual ordering: one property, then `id`, both in `direction`. */
export function orderingBy(property: string, column: string, kind: SortValueKind, direction: 'asc' | 'desc'): Ordering {
  const keys = property === 'id' ? [] : [{ property, column, kind }];
  keys.push({ property: 'id', column: 'id', kind: 'number' });
  return { name: `${property}:${direction}`, direction, keys };
}

function sortValue(entity: object, key: Ordering['keys'][number]): string | number {
  const value = (entity as Record<string, unknown>)[key.property];
  if (value instanceof Date) return value.toISOString();
  return value as string | number;
}

function fromCursorValue(value: unknown, kind: SortValueKind): unknown {
  return kind === 'date' ? new Date(String(value)) : value;
}

export function cursorOf(entity: object, ordering: Ordering): string {
  return encodeCursor(
    ordering.name,
    ordering.keys.map((k) => sortValue(entity, k)),
  );
}

/**
 * A root connection over an entity: MikroORM's keyset pagination (first/after/last/before, as
 * `em.findByCursor` builds it) over `where`, in `ordering`, read into read entities
 * (`readByCursor`); `totalCount` runs only if asked for.
 */
export async function paginate<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  where: FilterQuery<T>,
  ordering: Ordering,
  args: PageArgs,
  maxPageSize?: number,
): Promise<ConnectionResult<T>> {
  const page = pageRequest(args, ordering.name, ordering.keys.length, maxPageSize);
  const orderBy = Object.fromEntries(ordering.keys.map((k) => [k.property, ordering.direction]));
  const cursor = page.cursor
    ? Object.fromEntries(ordering.keys.map((k, i) => [k.property, fromCursorValue(page.cursor?.[i], k.kind)]))
    : undefined;
  const size = Math.max(page.size, 1);
  const found = await readByCursor(em, entity, where, {
    orderBy: orderBy as never,
    overfetch: true,
    ...(page.forward ? { first: size, after: cursor as never } : { last: size, before: cursor as never }),
  });
  const items = page.size === 0 ? [] : [...found.items];
  const hasMore = page.size === 0 ? found.items.length > 0 : page.forward ? found.hasNextPage : found.hasPrevPage;
  return toConnection(items as T[], ordering, page, hasMore, () => em.count(entity, where as never));
}

/**
 * `em.findByCursor` without its entity manager's bookkeeping: the same SQL (MikroORM's driver
 * builds it from the same filter, order and cursor), but rows become read entities
 * (db/read-entity.ts) instead of hydrated MikroORM entities, which were most of a page's CPU.
 * Lists are read, never changed through.
 */
async function readByCursor<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  where: FilterQuery<T>,
  options: FindByCursorOptions<T>,
): Promise<Cursor<T>> {
  const metadata = em.getMetadata();
  const processed = QueryHelper.processWhere({ where, entityName: entity, metadata, platform: em.getPlatform(), aliased: true });
  const rows = await em.getDriver().find(entity, processed as never, { ...options, ctx: em.getTransactionContext(), em });
  const items = rows.map((data) => readMapped(em, entity, data as Record<string, unknown>));
  return new Cursor<T>(items as never, 0, options as never, metadata.get(entity));
}

/**
 * An edge whose cursor is encoded when asked for: most queries read `nodes`, or the edges'
 * nodes, and a nested connection of 20 stations' services has hundreds of edges.
 */
class LazyEdge<T extends object> {
  #cursor: string | undefined;
  constructor(
    readonly node: T,
    private readonly ordering: Ordering,
  ) {}
  get cursor(): string {
    this.#cursor ??= cursorOf(this.node, this.ordering);
    return this.#cursor;
  }
}

/** Assembles edges and page info from one page of items (Cursor Connections spec, "PageInfo"). */
export function toConnection<T extends object>(
  items: T[],
  ordering: Ordering,
  page: PageRequest,
  hasMore: boolean,
  count: () => Promise<number> | number,
  hasBefore?: boolean,
): ConnectionResult<T> {
  const hasOtherSide = hasBefore ?? page.cursor != null;
  return connectionOf(
    items,
    (node) => new LazyEdge(node, ordering),
    page.forward ? hasMore : hasOtherSide,
    page.forward ? hasOtherSide : hasMore,
    count,
  );
}

export { pageRequest };
