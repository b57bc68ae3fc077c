import { createClient } from 'graphql-ws';
import { inject } from 'vitest';
import WebSocket from 'ws';

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string; [k: string]: unknown } }[];
  extensions?: { sqlStatements?: number; [k: string]: unknown };
}

export const apiUrl = (): string => inject('apiUrl');
export const graphqlUrl = (): string => `${apiUrl()}/graphql`;

/** The test operator's token: an administrator of both demo districts. */
export const operatorToken = (): string => inject('operatorToken');

/**
 * A GraphQL request over real HTTP to the server the global setup started, as the test
 * operator unless another credential (or `null`, anonymous) is given.
 */
export async function gql<T = Record<string, any>>(
  query: string,
  variables?: Record<string, unknown>,
  credential: string | null = operatorToken(),
): Promise<GraphQLResponse<T>> {
  const res = await fetch(graphqlUrl(), {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...(credential ? { authorization: `Bearer ${credential}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, ...((await res.json()) as object) };
}

/** Like `gql`, but fails the test on any error and returns the data. */
export async function query<T = Record<string, any>>(
  q: string,
  variables?: Record<string, unknown>,
  credential: string | null = operatorToken(),
): Promise<T> {
  const response = await gql<T>(q, variables, credential);
  if (response.errors?.length || !response.data) {
    throw new Error(`GraphQL errors (HTTP ${response.status}): ${JSON.stringify(response.errors)}`);
  }
  return response.data;
}

/**
 * Subscribes over WebSocket (graphql-ws) and resolves with the first event. graphql-ws does not
 * say when the server has registered a subscription, so `trigger` runs again every 250 ms until
 * an event arrives (at most 40 times).
 */
export async function firstEvent(
  subscription: string,
  variables: Record<string, unknown>,
  trigger: () => Promise<void>,
  url = graphqlUrl(),
): Promise<unknown> {
  const client = createClient({ url: url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, lazy: false });
  try {
    const events = client.iterate({ query: subscription, variables });
    let received = false;
    const first = events.next().finally(() => {
      received = true;
    });
    for (let attempt = 0; attempt < 40 && !received; attempt++) {
      await trigger();
      await Promise.race([first, new Promise((r) => setTimeout(r, 250))]);
    }
    const { value } = await first;
    await events.return?.();
    return value;
  } finally {
    await client.dispose();
  }
}

export interface RawResponse {
  status: number;
  headers: globalThis.Headers;
  body: { data?: any; errors?: { message: string; extensions: { code: string; [k: string]: unknown } }[]; extensions?: any };
}

/** A raw request with a given credential (`null`: anonymous), for tests about who may do what. */
export async function ask(credential: string | null, q: string, variables: Record<string, unknown> = {}): Promise<RawResponse> {
  const res = await fetch(graphqlUrl(), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(credential ? { authorization: `Bearer ${credential}` } : {}) },
    body: JSON.stringify({ query: q, variables }),
  });
  return {
    status: res.status,
    headers: res.headers,
    body: (await res.json()) as {
      data?: any;
      errors?: { message: string; extensions: { code: string; [k: string]: unknown } }[];
      extensions?: any;
    },
  };
}
