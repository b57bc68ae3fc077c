import { Field, ID, Int, InterfaceType } from 'type-graphql';
import { badInput } from './errors.js';
import { type IdType, parseGlobalId } from './global-id.js';

/** Parses a global ID that must name a `type`; a malformed or foreign ID is the client's error. */
export function expectId(globalId: string, type: IdType, argument: string): number {
  const parsed = parseGlobalId(globalId);
  if (!parsed) throw badInput(`${argument}: "${globalId}" is not a valid ID`, argument);
  if (parsed.type !== type) throw badInput(`${argument}: expected the ID of a ${type}, got one of a ${parsed.type}`, argument);
  return parsed.id;
}

/** Every node's class is named as its GraphQL type. */
export const resolveNodeType = (value: object): string => value.constructor.name;

@InterfaceType({
  description: 'An object with a global ID, fetchable with `node(id:)` and `nodes(ids:)`.',
  resolveType: resolveNodeType,
})
export abstract class Node {
  @Field(() => ID, { description: 'Opaque global ID.' })
  id!: string;
  @Field(() => Int, { description: 'The numeric key in the database, for exports and joins.' })
  databaseId!: number;
}
