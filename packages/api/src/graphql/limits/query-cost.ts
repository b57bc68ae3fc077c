import { type DocumentNode, GraphQLError, type GraphQLSchema, getNamedType, isLeafType } from 'graphql';
import { type ComplexityEstimator, getComplexity } from 'graphql-query-complexity';
import { DEFAULT_PAGE_SIZE } from '../connection.js';

/**
 * The cost of a query is the number of objects it could return at most: each object costs 1,
 * scalars and page information nothing, and a connection multiplies what one of its items costs
 * by the page size asked for (`first` or `last`; 20 when neither is given), as GitHub counts.
 */
const objectCount: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  const returned = getNamedType(field.type);
  if (isLeafType(returned) || returned.name === 'PageInfo') return 0;
  if (returned.name.endsWith('Connection')) {
    const size = (args.first as number | undefined) ?? (args.last as number | undefined) ?? DEFAULT_PAGE_SIZE;
    return 1 + size * childComplexity;
  }
  // An edge's `node` is the object its edge already counted.
  if (type.name.endsWith('Edge') && field.name === 'node') return childComplexity;
  return 1 + childComplexity;
};

/**
 * Costs already computed, by document (Apollo parses a query text once and hands the same
 * document to every request with that text) and then by operation name and variables; a few
 * hundred per document at most. The schema is the process's one schema.
 */
const known = new WeakMap<DocumentNode, Map<string, number>>();
const KNOWN_PER_DOCUMENT = 256;

export function queryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
  operationName?: string,
): number {
  let costs = known.get(document);
  if (!costs) {
    costs = new Map();
    known.set(document, costs);
  }
  const key = `${operationName ?? ''} ${JSON.stringify(variables)}`;
  const cached = costs.get(key);
  if (cached !== undefined) return cached;
  const cost = getComplexity({ schema, query: document, variables, operationName, estimators: [objectCount] });
  if (costs.size >= KNOWN_PER_DOCUMENT) costs.delete(costs.keys().next().value as string);
  costs.set(key, cost);
  return cost;
}

/** The refusal of an operation that could return more objects than allowed. */
export function tooCostly(requested: number, maximum: number): GraphQLError {
  return new GraphQLError(
    `This query could return up to ${requested} objects; the limit is ${maximum}. Ask for smaller pages (first/last) or fewer levels.`,
    { extensions: { code: 'QUERY_TOO_COSTLY', cost: { requested, maximum }, http: { status: 400 } } },
  );
}
