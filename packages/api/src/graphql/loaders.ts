import type { EntityClass } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/sql';
import DataLoader from 'dataloader';
import { today } from '../modules/people/person.service.js';
import type { ConnectionResult, PageArgs } from './connection.js';
import { type NestedSource, nestedConnectionLoader } from './nested-connection.js';

/**
 * Every relation resolves through one of these per-request loaders, made here and nowhere else:
 * `byId` for to-one relations and `node(id:)`, `connection` for nested lists.
 */
export class Loaders {
  readonly #byId = new Map<EntityClass<object>, DataLoader<number, object | null>>();
  readonly #connections = new Map<string, DataLoader<number, ConnectionResult<object>>>();
  #rolePaths: DataLoader<number, string[]> | undefined;

  constructor(private readonly em: EntityManager) {}

  /** Loads entities of one class by primary key; one `select … where id in (…)` per tick. */
  byId<T extends object>(entity: EntityClass<T>): DataLoader<number, T | null> {
    let loader = this.#byId.get(entity as EntityClass<object>);
    if (!loader) {
      loader = new DataLoader<number, object | null>(async (ids) => {
        const rows = await this.em.find(entity, { id: { $in: [...ids] } } as never);
        const byId = new Map(rows.map((row) => [(row as unknown as { id: number }).id, row as object]));
        return ids.map((id) => byId.get(id) ?? null);
      });
      this.#byId.set(entity as EntityClass<object>, loader);
    }
    return loader as DataLoader<number, T | null>;
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

  /** One page of a nested connection, batched across every parent that asks with the same arguments. */
  connection<T extends object>(source: NestedSource<T>, args: PageArgs, parentId: number): Promise<ConnectionResult<T>> {
    const key = `${source.name}|${args.first ?? ''}|${args.after ?? ''}|${args.last ?? ''}|${args.before ?? ''}`;
    let loader = this.#connections.get(key);
    if (!loader) {
      loader = nestedConnectionLoader(this.em, source as NestedSource<object>, args);
      this.#connections.set(key, loader);
    }
    return loader.load(parentId) as Promise<ConnectionResult<T>>;
  }
}
