import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ApolloServerPlugin } from '@apollo/server';
import { InMemoryLRUCache, type KeyValueCache } from '@apollo/utils.keyvaluecache';
import { GraphQLError } from 'graphql';

/** The widgets' operations, as codegen writes them (packages/schema, the contract). */
export const DEFAULT_MANIFEST = fileURLToPath(new URL('../../../../schema/persisted-operations.json', import.meta.url));

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Registered operations by the SHA-256 of their text. Reads either manifest format: GraphQL
 * Codegen's persisted documents (`{ "sha256:<hex>": "query …" }`) or Apollo's persisted query
 * manifest (`{ "format": "apollo-persisted-query-manifest", "operations": [{ "id", "body" }] }`).
 * Each entry's hash is checked against its text, so a hand-edited manifest cannot smuggle in an
 * operation under another's id.
 */
export function readManifests(paths: readonly string[]): Map<string, string> {
  const operations = new Map<string, string>();
  for (const path of paths) {
    const manifest = JSON.parse(readFileSync(path, 'utf8')) as unknown;
    const entries: [string, string][] =
      manifest && typeof manifest === 'object' && 'operations' in manifest && Array.isArray(manifest.operations)
        ? (manifest.operations as { id: string; body: string }[]).map((op) => [op.id, op.body])
        : Object.entries(manifest as Record<string, string>);
    for (const [id, body] of entries) {
      const hash = sha256(body);
      if (id.replace(/^sha256:/, '') !== hash) throw new Error(`${path}: the operation ${id} does not hash to its id (${hash})`);
      operations.set(hash, body);
    }
  }
  return operations;
}

/**
 * Automatic persisted queries (Apollo's protocol: `extensions.persistedQuery.sha256Hash`) with the
 * registered operations known from the start, so a widget may send only the hash. Without the
 * safelist, other clients register their own queries as usual (kept in memory, per instance).
 */
export function persistedQueryCache(registered: ReadonlyMap<string, string>, safelist: boolean): KeyValueCache<string> {
  const learned = new InMemoryLRUCache<string>({ maxSize: 8 * 1024 * 1024 });
  // Apollo prefixes its keys (`apq:<hash>`); the hash is what follows the last colon.
  const hashOf = (key: string) => key.slice(key.lastIndexOf(':') + 1);
  return {
    async get(key) {
      return registered.get(hashOf(key)) ?? (safelist ? undefined : learned.get(key));
    },
    async set(key, value, options) {
      if (!safelist) await learned.set(key, value, options);
    },
    async delete(key) {
      await learned.delete(key);
    },
  };
}

export const isRegistered = (registered: ReadonlyMap<string, string>, source: string) => registered.has(sha256(source));

export const notRegistered = () =>
  new GraphQLError('This server runs only registered operations (safelist mode); send a registered operation or its hash', {
    extensions: { code: 'PERSISTED_QUERY_NOT_ALLOWED', http: { status: 400 } },
  });

/**
 * Safelist mode: only registered operations run. A request may name one by its hash or send its
 * exact text; anything else is refused before it runs, with PERSISTED_QUERY_NOT_ALLOWED.
 * (Subscriptions over WebSocket are checked in server.ts, the same way.)
 */
export function useSafelist<T extends object>(registered: ReadonlyMap<string, string>): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        // Thrown here, a GraphQLError becomes the response (with its HTTP status); earlier hooks
        // would turn it into a 500.
        async didResolveOperation({ source }) {
          if (!isRegistered(registered, source)) throw notRegistered();
        },
      };
    },
  };
}
