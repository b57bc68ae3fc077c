import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { Context } from '../context.js';
import { queryCost, tooCostly } from './query-cost.js';
import type { Budget, RateLimit } from './rate-limit.js';

/**
 * Refuses an operation that could return more than `maximum` objects, before it runs; with a
 * rate limit, spends its cost from the caller's points of the minute and refuses it (429,
 * RATE_LIMITED, Retry-After) when they run out. Every response reports the cost and what is
 * left in `extensions.cost`, as GitHub and Shopify do.
 */
export function useQueryCost(maximum: number, rateLimit: RateLimit | null): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      let requested: number | undefined;
      let budget: Budget | undefined;
      return {
        async didResolveOperation({ schema, document, request, operationName, contextValue }) {
          try {
            requested = queryCost(schema, document, request.variables ?? {}, operationName ?? undefined);
          } catch (error) {
            // Variables that do not fit the operation: execution refuses them with BAD_USER_INPUT,
            // before anything runs.
            if (error instanceof GraphQLError) return;
            throw error;
          }
          if (requested > maximum) throw tooCostly(requested, maximum);
          if (!rateLimit) return;
          const spent = await rateLimit.spend(contextValue.rateKey, requested);
          budget = spent.budget;
          if (!spent.ok) {
            const retryAfter = Math.max(1, Math.ceil((budget.resetAt.getTime() - Date.now()) / 1000));
            throw new GraphQLError(
              `Rate limit: this query costs ${requested} of the ${rateLimit.pointsPerMinute} points you have each minute, and ${budget.remaining} are left. Try again in ${retryAfter} s.`,
              {
                extensions: {
                  code: 'RATE_LIMITED',
                  cost: { requested, maximum, remaining: budget.remaining, resetAt: budget.resetAt.toISOString() },
                  http: { status: 429, headers: new Map([['retry-after', String(retryAfter)]]) },
                },
              },
            );
          }
        },
        async willSendResponse({ response }) {
          if (requested === undefined || response.body.kind !== 'single') return;
          response.body.singleResult.extensions = {
            ...response.body.singleResult.extensions,
            cost: { requested, maximum, ...(budget ? { remaining: budget.remaining, resetAt: budget.resetAt.toISOString() } : {}) },
          };
        },
      };
    },
  };
}
