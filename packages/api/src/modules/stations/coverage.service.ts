import type { EntityManager } from '@mikro-orm/sql';

/** 一刻钟服务圈: a 15-minute walk is about 1,000 m. */
export const DEFAULT_WALKING_RADIUS = 1000;

export interface CompoundCoverage {
  id: number;
  latitude: number;
  longitude: number;
  households: number;
  covered: boolean;
}

export interface Coverage {
  households: number;
  coveredHouseholds: number;
  /** Households in no compound, or in one without a location: coverage cannot be judged. */
  unlocatedHouseholds: number;
  compounds: CompoundCoverage[];
  suggestedSite: { compound: CompoundCoverage; newlyCoveredHouseholds: number } | null;
}

/**
 * How well the stations serve an area's households: a household counts as covered when its
 * compound (小区) lies within `radius` metres of any station, in this area or not. The suggested
 * site is the compound location from which a new station would cover the most households that
 * no station covers yet.
 */
export async function coverageOf(em: EntityManager, areaPath: string, radius: number): Promise<Coverage> {
  const prefix = `${areaPath}%`;
  const [rows, [total]] = await Promise.all([
    em.execute<{ id: number; latitude: number; longitude: number; households: string; covered: boolean }[]>(
      // A household sits in a building, a building in a compound (the tree's rules, area.service.ts).
      `with compound as (
         select id, latitude, longitude from area
         where kind = 'COMPOUND' and path like ? and latitude is not null and longitude is not null
       ),
       home as (
         select b.parent_id as compound, count(*) as n
         from area h join area b on b.id = h.parent_id
         where h.kind = 'HOUSEHOLD' and h.path like ?
         group by b.parent_id
       )
       select c.id, c.latitude, c.longitude, coalesce(h.n, 0) as households,
         exists (select 1 from station s
                 where earth_box(ll_to_earth(c.latitude, c.longitude), ?) @> ll_to_earth(s.latitude, s.longitude)
                   and earth_distance(ll_to_earth(c.latitude, c.longitude), ll_to_earth(s.latitude, s.longitude)) <= ?) as covered
       from compound c left join home h on h.compound = c.id
       order by c.id`,
      [prefix, prefix, radius, radius],
    ),
    em.execute<{ n: string }[]>(`select count(*) as n from area where kind = 'HOUSEHOLD' and path like ?`, [prefix]),
  ]);
  const compounds = rows.map((r) => ({
    id: Number(r.id),
    latitude: Number(r.latitude),
    longitude: Number(r.longitude),
    households: Number(r.households),
    covered: Boolean(r.covered),
  }));
  const located = compounds.reduce((sum, c) => sum + c.households, 0);
  const coveredHouseholds = compounds.filter((c) => c.covered).reduce((sum, c) => sum + c.households, 0);
  return {
    households: Number(total?.n ?? 0),
    coveredHouseholds,
    unlocatedHouseholds: Number(total?.n ?? 0) - located,
    compounds,
    suggestedSite: bestSite(compounds, radius),
  };
}

function bestSite(compounds: CompoundCoverage[], radius: number): Coverage['suggestedSite'] {
  const uncovered = compounds.filter((c) => !c.covered && c.households > 0);
  let best: Coverage['suggestedSite'] = null;
  for (const candidate of compounds) {
    let gain = 0;
    for (const u of uncovered) if (metresBetween(candidate, u) <= radius) gain += u.households;
    if (gain > 0 && (!best || gain > best.newlyCoveredHouseholds)) best = { compound: candidate, newlyCoveredHouseholds: gain };
  }
  return best;
}

/** Great-circle distance on earthdistance's sphere (radius 6,378,168 m), so it agrees with the SQL above. */
export function metresBetween(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const rad = Math.PI / 180;
  const h =
    Math.sin(((b.latitude - a.latitude) * rad) / 2) ** 2 +
    Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(((b.longitude - a.longitude) * rad) / 2) ** 2;
  return 2 * 6_378_168 * Math.asin(Math.min(1, Math.sqrt(h)));
}
