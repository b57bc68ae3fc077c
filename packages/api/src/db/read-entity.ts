import { type EntityClass, type EntityMetadata, type EntityProperty, ReferenceKind } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/sql';

/**
 * Entities for reading only, built from rows: what lists, nested connections and a query's
 * lookups by ID hand to GraphQL. They are instances of the entity's class (`instanceof`, and the
 * class name that names the GraphQL type, hold), with every column as a plain property and every
 * to-one relation as a reference holding its key, exactly as the resolvers read them
 * (`wish.community.id`). They are not in any identity map and have no change-tracking snapshot;
 * nothing is ever changed through them. An entity that must be changed is loaded by the
 * mutation's unit of work (`em.findOne`, or the loaders once `usePrimary()` is called).
 *
 * Why not MikroORM's own entities: hydrating one (`em.find`, `em.map`, or the entity factory)
 * costs 7 to 35 µs a row (per-instance property handlers, a reference entity per relation,
 * the identity map), which was most of the CPU of a page of wishes or stations; this costs
 * well under a microsecond.
 */

/**
 * Each entity class's prototype puts a setter on every property (MikroORM's per-instance
 * handlers). A read entity's prototype sits between: a plain writable slot per property shadows
 * those setters, so assignment makes an ordinary own property.
 */
const readPrototypes = new WeakMap<EntityMetadata, object>();

/** Whether rows of this entity can be read this way (one primary key, no embeddables or inheritance); the factory reads the others. */
const simple = new WeakMap<EntityMetadata, boolean>();

function readPrototypeOf(meta: EntityMetadata): object {
  let prototype = readPrototypes.get(meta);
  if (!prototype) {
    const slots: PropertyDescriptorMap = {};
    for (const prop of meta.props) slots[prop.name] = { value: undefined, writable: true, enumerable: false, configurable: true };
    prototype = Object.create(meta.prototype, slots) as object;
    readPrototypes.set(meta, prototype);
  }
  return prototype;
}

function isSimple(meta: EntityMetadata): boolean {
  let answer = simple.get(meta);
  if (answer === undefined) {
    answer =
      meta.primaryKeys.length === 1 &&
      !meta.root.inheritanceType &&
      !meta.props.some((prop) => prop.kind === ReferenceKind.EMBEDDED || (isToOne(prop) && prop.targetMeta?.primaryKeys.length !== 1));
    simple.set(meta, answer);
  }
  return answer;
}

const isToOne = (prop: EntityProperty): boolean =>
  prop.kind === ReferenceKind.MANY_TO_ONE || (prop.kind === ReferenceKind.ONE_TO_ONE && !!prop.owner);

/** A reference to the row `key` of `meta`'s table: its primary key only, as an unloaded relation has. */
function referenceTo(meta: EntityMetadata, key: unknown): object {
  const reference = Object.create(readPrototypeOf(meta)) as Record<string, unknown>;
  reference[meta.primaryKeys[0]] = key;
  return reference;
}

/** A read entity from `data` keyed by property names (as MikroORM's driver maps rows). */
export function readMapped<T extends object>(em: EntityManager, entity: EntityClass<T>, data: Record<string, unknown>): T {
  const meta = em.getMetadata().get(entity) as EntityMetadata;
  if (!isSimple(meta)) {
    return em.getEntityFactory().create(entity, data as never, { merge: false, newEntity: false, convertCustomTypes: true }) as T;
  }
  const platform = em.getPlatform();
  const read = Object.create(readPrototypeOf(meta)) as Record<string, unknown>;
  for (const prop of meta.props) {
    const value = data[prop.name];
    if (value === undefined) continue;
    if (isToOne(prop)) read[prop.name] = value === null ? null : referenceTo(prop.targetMeta as EntityMetadata, value);
    else if (prop.kind !== ReferenceKind.SCALAR) continue;
    else read[prop.name] = prop.customType && value !== null ? prop.customType.convertToJSValue(value, platform) : value;
  }
  return read as T;
}

/** A read entity from a raw row (column names as the database gives them). */
export function readEntity<T extends object>(em: EntityManager, entity: EntityClass<T>, row: Record<string, unknown>): T {
  const meta = em.getMetadata().get(entity);
  return readMapped(em, entity, em.getDriver().mapResult(row as never, meta) as Record<string, unknown>);
}
