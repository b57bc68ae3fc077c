import { registerEnumType } from 'type-graphql';

/**
 * Registers a GraphQL enum from a tuple of values kept beside the entity, so storage and API
 * share one list. `descriptions` carries the Chinese term of each value once.
 */
export function enumFrom<const T extends readonly string[]>(
  values: T,
  name: string,
  description: string,
  descriptions: Partial<Record<T[number], string>> = {},
): Record<T[number], T[number]> {
  const enumObject = Object.fromEntries(values.map((v) => [v, v])) as Record<T[number], T[number]>;
  registerEnumType(enumObject, {
    name,
    description,
    valuesConfig: Object.fromEntries(Object.entries(descriptions).map(([k, d]) => [k, { description: d as string }])) as never,
  });
  return enumObject;
}
