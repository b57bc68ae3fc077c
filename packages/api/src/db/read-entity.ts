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

/**
 * What a module may ask to come with every read-only lookup of its entity by ID, in the same
 * statement: a SQL expression over the row (aliased `t`) whose value is kept beside the read
 * entity, not on it. The proposal's live ballot sums come with the proposal this way, so its
 * tally is one round trip, not two (votes/ballot.service.ts).
 */
export interface ReadExtra {
  /** A column alias, unique per entity. */
  name: string;
  /** A SQL expression over the row `t`. */
  sql: string;
}

const extrasOf = new Map<EntityClass<object>, ReadExtra[]>();
const extraValues = new WeakMap<object, Record<string, unknown>>();

export function addReadExtra(entity: EntityClass<object>, extra: ReadExtra): void {
  const extras = extrasOf.get(entity) ?? [];
  if (!extras.some((e) => e.name === extra.name)) extras.push(extra);
  extrasOf.set(entity, extras);
}

export function readExtrasOf(entity: EntityClass<object>): readonly ReadExtra[] {
  return extrasOf.get(entity) ?? [];
}

/** Reads `row` (with its extras' columns) into a read entity, keeping the extras beside it. */
export function readEntityWithExtras<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  row: Record<string, unknown>,
  extras: readonly ReadExtra[],
): T {
  // The extras' columns name no property: reading the row into the entity passes over them.
  const read = readEntity(em, entity, row);
  if (extras.length === 0) return read;
  const values: Record<string, unknown> = {};
  for (const extra of extras) values[extra.name] = row[extra.name];
  extraValues.set(read, values);
  return read;
}

/** An extra's value read with `entity`, or undefined when it was not read that way (a mutation's entity, say). */
export function readExtra(entity: object, name: string): unknown {
  return extraValues.get(entity)?.[name];
}

/**
 * Rows carried inside a JSON value (a nested page brought with its parent's row, see
 * graphql/nested-connection.ts): each row a JSON array of the entity's columns in `names`
 * order. Each column is written so that JSON gives back what the pg driver gives for it:
 * numbers, booleans, strings and JSON as they are; dates, timestamps, intervals, bigints and
 * decimals as their text (MikroORM's pg type parsers keep those as strings too). Null when the
 * entity has a column JSON cannot carry faithfully (bytea, arrays, geometric types).
 */
export interface JsonRowColumns {
  names: string[];
  /** The SQL expressions over the row alias `alias`, in `names` order. */
  sql(alias: string): string;
}

const AS_JSON =
  /^(smallint|int2|integer|int|int4|serial|real|float4|double precision|double|float8|boolean|bool|json|jsonb|text|uuid|(character varying|varchar|character|char)(\(\d+\))?)$/;
const AS_TEXT =
  /^(bigint|int8|bigserial|(numeric|decimal)(\(\d+(,\s*\d+)?\))?|date|(timestamp|time)(\(\d\))?( with(out)? time zone)?|timestamptz(\(\d\))?|timetz(\(\d\))?|interval(\(\d\))?)$/;
const jsonColumns = new WeakMap<EntityMetadata, JsonRowColumns | null>();

export function jsonRowColumns(em: EntityManager, entity: EntityClass<object>): JsonRowColumns | null {
  const meta = em.getMetadata().get(entity) as EntityMetadata;
  if (jsonColumns.has(meta)) return jsonColumns.get(meta) ?? null;
  let answer: JsonRowColumns | null = null;
  if (isSimple(meta)) {
    const names: string[] = [];
    const casts: boolean[] = [];
    let faithful = true;
    for (const prop of meta.props) {
      if (prop.persist === false || prop.formula || !(prop.kind === ReferenceKind.SCALAR || isToOne(prop))) continue;
      // A simple entity's columns are one per property (isSimple): the key of a to-one is one column.
      const type = String(prop.columnTypes?.[0] ?? '').toLowerCase();
      if (AS_JSON.test(type)) casts.push(false);
      else if (AS_TEXT.test(type)) casts.push(true);
      else faithful = false;
      names.push(prop.fieldNames[0]);
    }
    if (faithful) {
      answer = {
        names,
        sql: (alias) => names.map((name, i) => `${alias}."${name}"${casts[i] ? '::text' : ''}`).join(', '),
      };
    }
  }
  jsonColumns.set(meta, answer);
  return answer;
}

/**
 * A read entity from one row of `jsonRowColumns` (its values in `columns.names` order), read as
 * the driver's rows are (MikroORM's result mapper parses dates, booleans and so on, then `readMapped`).
 */
export function readJsonRow<T extends object>(em: EntityManager, entity: EntityClass<T>, columns: JsonRowColumns, values: unknown[]): T {
  const row: Record<string, unknown> = {};
  for (let i = 0; i < columns.names.length; i++) row[columns.names[i]] = values[i];
  return readEntity(em, entity, row);
}
