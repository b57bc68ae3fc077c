import type { EntityClass } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/sql';

/**
 * Replaces the rows that belong to one owner (a station's services, a unit's responsibilities)
 * with a new set: what a mutation's list field means. Call inside the mutation's transaction.
 */
export async function replaceRows<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  owner: { property: string; id: number },
  rows: Record<string, unknown>[],
): Promise<void> {
  await em.nativeDelete(entity, { [owner.property]: owner.id } as never);
  for (const row of rows) em.create(entity, { [owner.property]: owner.id, ...row } as never);
}
