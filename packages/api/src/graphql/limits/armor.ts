import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { Config } from '../../config.js';

/**
 * Limits on the shape of a document, checked before anything runs (graphql-armor): how deep it
 * nests, how many aliases and directives it has; and, in production, no "did you mean"
 * suggestions that would map the schema for someone who may not introspect it.
 */
export function armor(config: Pick<Config, 'maxDepth' | 'production'>) {
  return new ApolloArmor({
    maxDepth: { n: config.maxDepth },
    maxAliases: { n: 15 },
    maxDirectives: { n: 50 },
    // Counted by graphql-js's own parser (Apollo's `parseOptions`, server.ts): armor's Apollo
    // plugin re-parses and turns every syntax error into a 500.
    maxTokens: { enabled: false },
    // Cost is ours (use-query-cost.ts): armor's does not multiply by page sizes.
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: config.production },
  }).protect();
}
