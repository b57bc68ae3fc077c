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
  'Wish',
  'Proposal',
  'Notice',
  'Request',
] as const;
export type NodeType = (typeof NODE_TYPES)[number];

/** Types with global IDs that `node(id:)` does not fetch: they are reached only through their own fields. */
export const ID_TYPES = [...NODE_TYPES, 'ApiKey', 'PropertyFee', 'PropertyTicket', 'Webhook'] as const;
export type IdType = (typeof ID_TYPES)[number];

/**
 * Opaque global IDs (Relay Global Object Identification): base64url of `Type:databaseId`.
 * Clients must not build them; they may store them.
 */
export function toGlobalId(type: IdType, id: number): string {
  return Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');
}

export interface ParsedId {
  type: IdType;
  id: number;
}

/** Parses a global ID; returns null when it is not one of ours. */
export function parseGlobalId(globalId: string): ParsedId | null {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(globalId)) return null;
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  const match = /^([A-Za-z]+):([1-9][0-9]{0,9})$/.exec(decoded);
  if (!match) return null;
  const type = match[1] as IdType;
  const id = Number(match[2]);
  if (!ID_TYPES.includes(type) || id > 2_147_483_647) return null;
  return { type, id };
}
