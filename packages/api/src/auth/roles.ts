import type { EntityManager } from '@mikro-orm/sql';
import type { RoleKind } from '../modules/people/person.entity.js';
import { today } from '../modules/people/person.service.js';

/** A role a person holds today, with the path of its area: it holds there and everywhere below. */
export interface HeldRole {
  role: RoleKind;
  areaId: number;
  areaPath: string;
}

/** The roles a person holds today, in one statement. */
export async function rolesHeldToday(em: EntityManager, personId: number): Promise<HeldRole[]> {
  const day = today();
  const rows = await em.execute<{ role: RoleKind; area_id: number; path: string }[]>(
    `select r.role, r.area_id, a.path from role_assignment r join area a on a.id = r.area_id
     where r.person_id = ? and r.starts_on <= ? and (r.ends_on is null or r.ends_on >= ?)`,
    [personId, day, day],
  );
  return rows.map((r) => ({ role: r.role, areaId: Number(r.area_id), areaPath: r.path }));
}
