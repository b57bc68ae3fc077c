import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/sql';
import { escapeLike, likePrefix, NOTHING, subtreePath } from '../areas/area.service.js';
import type { Person, RoleKind } from './person.entity.js';

export interface PersonFilterValues {
  within?: number | null;
  role?: RoleKind[] | null;
  current?: boolean | null;
  nameContains?: string | null;
  /** Where the caller may read names: a name is matched only for people who hold a role there. */
  namesReadableIn?: string[];
}

/** Today's date in China (Asia/Shanghai), for deciding whether a role is in force. */
/** Made once: building a DateTimeFormat costs far more than formatting with one. */
const CHINA_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' });

export function today(): string {
  return CHINA_DAY.format(new Date());
}

export async function personWhere(em: EntityManager, filter: PersonFilterValues | null): Promise<FilterQuery<Person>> {
  if (!filter) return {};
  const where: Record<string, unknown>[] = [];
  const role: Record<string, unknown> = {};
  if (filter.within != null) {
    const path = await subtreePath(em, filter.within);
    if (!path) return NOTHING;
    role.area = { path: { $like: likePrefix(path) } };
  }
  if (filter.role?.length) role.role = { $in: filter.role };
  if (Object.keys(role).length) {
    if (filter.current !== false) {
      const day = today();
      role.startsOn = { $lte: day };
      role.$or = [{ endsOn: null }, { endsOn: { $gte: day } }];
    }
    where.push({ roles: { $some: role } });
  }
  if (filter.nameContains) {
    // Matching a full name tells whether someone of that name exists: only where names are readable.
    const readable = (filter.namesReadableIn ?? []).map((path) => ({ area: { path: { $like: likePrefix(path) } } }));
    where.push({
      name: { $ilike: escapeLike(filter.nameContains) },
      roles: { $some: { $or: readable.length ? readable : [{ id: { $in: [] } }] } },
    });
  }
  return where.length ? ({ $and: where } as FilterQuery<Person>) : {};
}
