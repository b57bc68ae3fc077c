import { type FilterQuery, raw } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/sql';
import { type ConnectionResult, connectionResult, encodeCursor, type PageArgs, pageRequest } from '../../graphql/connection.js';
import { Station } from './station.entity.js';
import type { GeoPoint } from './station.service.js';

/** The ordering's name in cursors: a cursor of `near` ordering is refused by the others. */
const ORDERING = 'distance';

/** A station and how far it is from the point asked about, in metres along the earth's surface. */
export interface StationAtDistance {
  station: Station;
  distance: number;
}

/**
 * Stations nearest first (earthdistance's `<->` between `ll_to_earth` points, which walks the
 * GiST index `station_location_index` instead of sorting every station), paged by keyset on
 * (straight-line distance, id). Each edge carries the great-circle distance in metres.
 */
export async function nearestStations(
  em: EntityManager,
  where: FilterQuery<Station>,
  near: GeoPoint,
  args: PageArgs,
  maxPageSize: number,
): Promise<ConnectionResult<Station> & { edges: { distance: number }[] }> {
  const page = pageRequest(args, ORDERING, 2, maxPageSize);
  const point = [near.latitude, near.longitude];
  const chord = (alias: string) => `(ll_to_earth(${alias}."latitude", ${alias}."longitude") <-> ll_to_earth(?, ?))`;
  const qb = em
    .createQueryBuilder(Station, 's')
    .select([
      's.*',
      raw(`${chord('s')} as "chord"`, point),
      raw(`earth_distance(ll_to_earth("s"."latitude", "s"."longitude"), ll_to_earth(?, ?)) as "distance"`, point),
    ])
    .where(where as never);
  if (page.cursor) {
    const [after, id] = page.cursor as [number, number];
    qb.andWhere(raw(`(${chord('s')}, "s"."id") ${page.forward ? '>' : '<'} (?, ?)`, [...point, after, id]));
  }
  const direction = page.forward ? 'asc' : 'desc';
  qb.orderBy([{ [raw(chord('s'), point)]: direction }, { id: direction }]).limit(page.size + 1);
  const rows = page.size === 0 ? [] : await qb.execute<(Record<string, unknown> & { chord: number; distance: number })[]>('all', false);
  const hasMore = rows.length > page.size;
  const kept = rows.slice(0, page.size);
  if (!page.forward) kept.reverse();
  const edges = kept.map((row) => ({
    node: em.map(Station, row),
    cursor: encodeCursor(ORDERING, [Number(row.chord), Number(row.id)]),
    distance: Math.round(Number(row.distance) * 10) / 10,
  }));
  const hasOtherSide = page.cursor != null;
  const result = connectionResult(
    edges,
    {
      hasNextPage: page.forward ? hasMore : hasOtherSide,
      hasPreviousPage: page.forward ? hasOtherSide : hasMore,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    () => em.count(Station, where as never),
  );
  return result as ConnectionResult<Station> & { edges: { distance: number }[] };
}
