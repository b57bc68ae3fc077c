import type { TypedDocumentString } from './generated/graphql.js';

/**
 * Gives the caller's token for the API, without the `Bearer ` prefix; nothing for an anonymous
 * caller. The host page sets it as a property: `el.tokenProvider = async () => session.token`.
 * It is asked before every request, so it may refresh an expiring token.
 */
export type TokenProvider = () => string | null | undefined | Promise<string | null | undefined>;

/**
 * What went wrong, for a program to act on:
 * - `OFFLINE`: the server could not be reached (no network, wrong host, CORS refused);
 * - `HTTP`: it answered with an error status and no GraphQL result (a bad endpoint, say);
 * - `GRAPHQL`: it answered with GraphQL errors; `graphqlCode` holds the first one's code.
 */
export type RequestErrorCode = 'OFFLINE' | 'HTTP' | 'GRAPHQL';

export class RequestError extends Error {
  override name = 'RequestError';
  constructor(
    readonly code: RequestErrorCode,
    message: string,
    readonly status?: number,
    readonly graphqlCode?: string,
  ) {
    super(message);
  }
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/**
 * A GraphQL client over fetch: one POST per operation, typed by the generated documents.
 * Small on purpose (the widgets' bundle budget); no cache, no normalisation.
 */
export class GraphQLClient {
  constructor(
    readonly endpoint: string,
    readonly tokenProvider?: TokenProvider,
  ) {}

  async request<TResult, TVariables>(
    document: TypedDocumentString<TResult, TVariables>,
    variables: TVariables,
    signal?: AbortSignal,
  ): Promise<TResult> {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
    };
    const token = await this.tokenProvider?.();
    if (token) headers.authorization = `Bearer ${token}`;
    let response: Response;
    try {
      response = await fetch(this.endpoint, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query: document.toString(), variables }),
        signal,
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new RequestError('OFFLINE', `The server at ${this.endpoint} could not be reached: ${(error as Error).message}`);
    }
    let body: GraphQLResponse<TResult> | undefined;
    try {
      body = (await response.json()) as GraphQLResponse<TResult>;
    } catch {
      body = undefined;
    }
    // GraphQL over HTTP: an error status may still carry a GraphQL result with errors.
    if (body?.errors?.length) {
      const [first] = body.errors;
      throw new RequestError('GRAPHQL', first.message, response.status, first.extensions?.code);
    }
    if (!response.ok || !body?.data) {
      throw new RequestError(
        'HTTP',
        `The server at ${this.endpoint} answered ${response.status} ${response.statusText}`.trim(),
        response.status,
      );
    }
    return body.data;
  }
}
