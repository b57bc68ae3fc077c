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
    // A registered operation goes by its hash alone (persisted queries: smaller requests, and the
    // only way in when the server runs a safelist); a server that does not know it gets the text.
    const hash = document.__meta__?.hash as string | undefined;
    let { response, body } = await this.post<TResult>(
      hash
        ? { variables, extensions: { persistedQuery: { version: 1, sha256Hash: hash.replace('sha256:', '') } } }
        : { query: document.toString(), variables },
      headers,
      signal,
    );
    if (hash && body?.errors?.[0]?.extensions?.code === 'PERSISTED_QUERY_NOT_FOUND') {
      ({ response, body } = await this.post<TResult>({ query: document.toString(), variables }, headers, signal));
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

  private async post<TResult>(
    payload: object,
    headers: Record<string, string>,
    signal?: AbortSignal,
  ): Promise<{ response: Response; body: GraphQLResponse<TResult> | undefined }> {
    let response: Response;
    try {
      response = await fetch(this.endpoint, { method: 'POST', headers, body: JSON.stringify(payload), signal });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new RequestError('OFFLINE', `The server at ${this.endpoint} could not be reached: ${(error as Error).message}`);
    }
    try {
      return { response, body: (await response.json()) as GraphQLResponse<TResult> };
    } catch {
      return { response, body: undefined };
    }
  }
}
