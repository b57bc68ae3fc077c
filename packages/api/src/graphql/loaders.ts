import type { EntityClass } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/sql';
import DataLoader from 'dataloader';
import type { ConnectionResult, PageArgs } from './connection.js';
import { type NestedSource, nestedConnectionLoader } from './nested-connection.js';

/**
 * Every relation resolves through one of these per-request loaders, made here and nowhere else:
 * `byId` for to-one relations and `node(id:)`, `connection` for nested lists.
 */
export class Loaders {
  readonly #byId = new Map<EntityClass<object>, DataLoader<number, object | null>>();
  readonly #connections = new Map<string, DataLoader<number, ConnectionResult<object>>>();

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
