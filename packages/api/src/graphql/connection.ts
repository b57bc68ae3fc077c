import type { ClassType } from 'type-graphql';
import { ArgsType, Extensions, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { badInput } from './errors.js';

/** The largest page any connection returns; larger requests are refused, not truncated. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export enum OrderDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(OrderDirection, { name: 'OrderDirection', description: 'Ascending or descending.' });

@ObjectType({ description: 'Relay page information.' })
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;
  @Field(() => Boolean)
  hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true })
  startCursor!: string | null;
  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

/**
 * The extension on a connection's `first` argument that tells programs reading the schema (the
 * export, export/export.query.ts) the largest page the connection returns; SDL does not print it.
 */
export const MAX_PAGE_SIZE_EXTENSION = 'maxPageSize';

/** The pagination arguments of a connection whose pages hold at most `max` items. */
export function PageArgsUpTo(max: number) {
  @ArgsType()
  class Args {
    @Extensions({ [MAX_PAGE_SIZE_EXTENSION]: max })
    @Field(() => Int, {
      nullable: true,
      description: `Items after \`after\`: ${DEFAULT_PAGE_SIZE} if neither \`first\` nor \`last\` is given, at most ${max.toLocaleString('en')}.`,
    })
    first?: number | null;
    @Field(() => String, { nullable: true })
    after?: string | null;
    @Field(() => Int, { nullable: true, description: `Items before \`before\`, at most ${max.toLocaleString('en')}.` })
    last?: number | null;
    @Field(() => String, { nullable: true })
    before?: string | null;
  }
  return Args;
}

export const PageArgs = PageArgsUpTo(MAX_PAGE_SIZE);
export type PageArgs = InstanceType<typeof PageArgs>;

/** A validated page request: forward (`first`/`after`) or backward (`last`/`before`). */
export interface PageRequest {
  forward: boolean;
  size: number;
  cursor: unknown[] | null;
}

/** Cursors are opaque: base64url JSON of the ordering's name and the row's values in that ordering. */
export function encodeCursor(ordering: string, values: unknown[]): string {
  return Buffer.from(JSON.stringify([ordering, ...values]), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string, ordering: string, arity: number, argument: string): unknown[] {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    decoded = null;
  }
  if (!Array.isArray(decoded) || decoded.length !== arity + 1 || decoded[0] !== ordering) {
    throw badInput(`${argument}: "${cursor}" is not a cursor of this connection and ordering`, argument);
  }
  const values = decoded.slice(1);
  if (!values.every((v) => typeof v === 'string' || typeof v === 'number')) {
    throw badInput(`${argument}: "${cursor}" is not a cursor of this connection and ordering`, argument);
  }
  return values;
}

/** Relay's pagination arguments (Cursor Connections spec, "Arguments"), checked at the edge. */
export function pageRequest(args: PageArgs, ordering: string, arity: number, maxSize = MAX_PAGE_SIZE): PageRequest {
  const { first, after, last, before } = args;
  if (first != null && last != null) throw badInput('Pass either `first` or `last`, not both', 'first');
  if (after != null && before != null) throw badInput('Pass either `after` or `before`, not both', 'after');
  if (last == null && before != null && first != null) throw badInput('`before` goes with `last`', 'before');
  for (const [name, value] of [
    ['first', first],
    ['last', last],
  ] as const) {
    if (value != null && (value < 0 || value > maxSize)) {
      throw badInput(`\`${name}\` must be between 0 and ${maxSize}, got ${value}`, name);
    }
  }
  const forward = last == null && before == null;
  if (forward) {
    return {
      forward,
      size: first ?? DEFAULT_PAGE_SIZE,
      cursor: after != null ? decodeCursor(after, ordering, arity, 'after') : null,
    };
  }
  return {
    forward,
    size: last ?? DEFAULT_PAGE_SIZE,
    cursor: before != null ? decodeCursor(before, ordering, arity, 'before') : null,
  };
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

/** What every connection resolves to; `totalCount` is computed only when a client reads it. */
export interface ConnectionResult<T> {
  edges: Edge<T>[];
  nodes: T[];
  pageInfo: PageInfo;
  readonly totalCount: Promise<number>;
}

/**
 * What every connection resolves to, from a page of nodes: `edges` (each made by `edgeOf`) and
 * the cursors of `pageInfo` are built only if a client reads them (most read `nodes`, and a
 * nested connection of 20 stations' services has hundreds of them); `totalCount` is computed
 * only if read.
 */
export function connectionOf<T>(
  nodes: T[],
  edgeOf: (node: T, index: number) => Edge<T>,
  hasNextPage: boolean,
  hasPreviousPage: boolean,
  count: () => Promise<number> | number,
): ConnectionResult<T> {
  let edges: Edge<T>[] | undefined;
  let total: Promise<number> | undefined;
  const result: ConnectionResult<T> = {
    nodes,
    get edges() {
      edges ??= nodes.map(edgeOf);
      return edges;
    },
    pageInfo: {
      hasNextPage,
      hasPreviousPage,
      get startCursor() {
        return nodes.length ? result.edges[0].cursor : null;
      },
      get endCursor() {
        return nodes.length ? result.edges[nodes.length - 1].cursor : null;
      },
    },
    get totalCount() {
      total ??= Promise.resolve(count());
      return total;
    },
  };
  return result;
}

/**
 * Builds `XConnection` and `XEdge` object types for a node type; `EdgeBase` (an abstract
 * `@ObjectType`) adds fields to the edge, such as a station's distance from a point.
 */
export function Connection<T extends object>(nodeType: ClassType<T>, name: string, EdgeBase: ClassType = class {}) {
  @ObjectType(`${name}Edge`)
  class EdgeType extends EdgeBase {
    @Field(() => String)
    cursor!: string;
    @Field(() => nodeType)
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} objects (Relay cursor connection).` })
  class ConnectionType {
    @Field(() => [EdgeType])
    edges!: EdgeType[];
    @Field(() => [nodeType], { description: 'The nodes of `edges`, for clients that need no cursors.' })
    nodes!: T[];
    @Field(() => PageInfo)
    pageInfo!: PageInfo;
    @Field(() => Int, { description: 'All items matching the filter, across every page.' })
    totalCount!: number;
  }
  return ConnectionType;
}
