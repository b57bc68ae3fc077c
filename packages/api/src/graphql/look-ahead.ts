import type { GraphQLResolveInfo } from 'graphql';
import { type FieldsByTypeName, parseResolveInfo, type ResolveTree } from 'graphql-parse-resolve-info';
import type { PageArgs } from './connection.js';

/** A nested connection as a client asks it of every node of a list. */
export interface NestedConnectionAsked {
  args: PageArgs;
  /** Whether any of the selections with these arguments asks `totalCount`. */
  totalCount: boolean;
}

const fieldsOf = (byType: FieldsByTypeName): ResolveTree[] => Object.values(byType).flatMap((fields) => Object.values(fields));

/**
 * What the client asks of the nested connection `field` on each node (of GraphQL type
 * `nodeType`) of the connection this resolver returns, under `nodes` or `edges { node }`,
 * fragments, aliases, variables and `@skip`/`@include` resolved (graphql-parse-resolve-info):
 * one entry per distinct page asked. Lets a list bring those pages in its own statement
 * (Loaders.embed) instead of the nested field's resolver asking for them afterwards.
 */
export function nestedConnectionsAsked(info: GraphQLResolveInfo, nodeType: string, field: string): NestedConnectionAsked[] {
  const tree = parseResolveInfo(info) as ResolveTree | null;
  if (!tree) return [];
  const nodes: ResolveTree[] = [];
  for (const selected of fieldsOf(tree.fieldsByTypeName)) {
    if (selected.name === 'nodes') nodes.push(selected);
    if (selected.name === 'edges') nodes.push(...fieldsOf(selected.fieldsByTypeName).filter((edgeField) => edgeField.name === 'node'));
  }
  const asked = new Map<string, NestedConnectionAsked>();
  for (const node of nodes) {
    for (const selected of Object.values(node.fieldsByTypeName[nodeType] ?? {})) {
      if (selected.name !== field) continue;
      const { first, after, last, before } = selected.args as PageArgs;
      const key = JSON.stringify([first, after, last, before]);
      const totalCount = fieldsOf(selected.fieldsByTypeName).some((f) => f.name === 'totalCount');
      const known = asked.get(key);
      if (known) known.totalCount ||= totalCount;
      else asked.set(key, { args: { first, after, last, before }, totalCount });
    }
  }
  return [...asked.values()];
}
