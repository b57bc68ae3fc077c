import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { queryCost } from './query-cost.js';

/**
 * Refuses an operation that could return more than `maximum` objects, before it runs, and
 * reports every operation's cost in `extensions.cost` (as GitHub and Shopify do).
 */
export function useQueryCost<T extends BaseContext>(maximum: number): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      let requested: number | undefined;
      return {
        async didResolveOperation({ schema, document, request, operationName }) {
          try {
            requested = queryCost(schema, document, request.variables ?? {}, operationName ?? undefined);
          } catch (error) {
            // Variables that do not fit the operation: execution refuses them with BAD_USER_INPUT,
            // before anything runs.
            if (error instanceof GraphQLError) return;
            throw error;
          }
          if (requested > maximum) {
            throw new GraphQLError(
              `This query could return up to ${requested} objects; the limit is ${maximum}. Ask for smaller pages (first/last) or fewer levels.`,
              { extensions: { code: 'QUERY_TOO_COSTLY', cost: { requested, maximum }, http: { status: 400 } } },
            );
          }
        },
        async willSendResponse({ response }) {
          if (requested === undefined || response.body.kind !== 'single') return;
          response.body.singleResult.extensions = {
            ...response.body.singleResult.extensions,
            cost: { requested, maximum },
          };
        },
      };
    },
  };
}
