import { Field, ID, Int, InterfaceType } from 'type-graphql';
import { badInput } from './errors.js';

/** The GraphQL type names that can be fetched by global ID; each is also its entity's class name. */
export const NODE_TYPES = [
  'Area',
  'Organization',
  'Person',
  'RoleAssignment',
  'Station',
  'Service',
  'StationStaff',
  'Responsibility',
] as const;
export type NodeType = (typeof NODE_TYPES)[number];

/**
 * Opaque global IDs (Relay Global Object Identification): base64url of `Type:databaseId`.
 * Clients must not build them; they may store them.
 */
export function toGlobalId(type: NodeType, id: number): string {
  return Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');
}

export interface ParsedId {
  type: NodeType;
  id: number;
}

/** Parses a global ID; returns null when it is not one of ours. */
export function parseGlobalId(globalId: string): ParsedId | null {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(globalId)) return null;
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  const match = /^([A-Za-z]+):([1-9][0-9]{0,9})$/.exec(decoded);
  if (!match) return null;
  const type = match[1] as NodeType;
  const id = Number(match[2]);
  if (!NODE_TYPES.includes(type) || id > 2_147_483_647) return null;
  return { type, id };
}

/** Parses a global ID that must name a `type`; a malformed or foreign ID is the client's error. */
export function expectId(globalId: string, type: NodeType, argument: string): number {
  const parsed = parseGlobalId(globalId);
  if (!parsed) throw badInput(`${argument}: "${globalId}" is not a valid ID`, argument);
  if (parsed.type !== type) throw badInput(`${argument}: expected the ID of a ${type}, got one of a ${parsed.type}`, argument);
  return parsed.id;
}

@InterfaceType({
  description: 'An object with a global ID, fetchable with `node(id:)` and `nodes(ids:)`.',
  resolveType: (value: object) => value.constructor.name,
})
export abstract class Node {
  @Field(() => ID, { description: 'Opaque global ID.' })
  id!: string;
  @Field(() => Int, { description: 'The numeric key in the database, for exports and joins.' })
  databaseId!: number;
}
