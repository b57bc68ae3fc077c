import { GraphQLError } from 'graphql';

/**
 * Why an export was refused or cut short: an HTTP status, a code a program can act on (the same
 * codes GraphQL answers with, plus BAD_EXPORT_QUERY) and a message a person can read.
 */
export class ExportError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ExportError';
  }

  /** The body of a refusal, as GraphQL over HTTP has it: `{ errors: [{ message, extensions: { code } }] }`. */
  get body(): { errors: { message: string; extensions: Record<string, unknown> }[] } {
    return { errors: [{ message: this.message, extensions: { code: this.code, ...this.extensions } }] };
  }
}

/** A document that is not one root connection, or asks for what an export cannot page through. */
export const badExportQuery = (message: string): ExportError => new ExportError(400, 'BAD_EXPORT_QUERY', message);

const STATUS_OF_CODE: Record<string, number> = {
  BAD_USER_INPUT: 400,
  GRAPHQL_PARSE_FAILED: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  QUERY_TOO_COSTLY: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  RATE_LIMITED: 429,
};

/**
 * A GraphQL error as an export error, with the status GraphQL over HTTP would give it. An error
 * we did not raise on purpose is logged and reported without its internals, as server.ts does.
 */
export function exportErrorOf(error: GraphQLError): ExportError {
  const code = typeof error.extensions.code === 'string' ? error.extensions.code : undefined;
  const original = error.originalError;
  if (!code && original && !(original instanceof GraphQLError)) {
    console.error('Unexpected error in an export:', original);
    return new ExportError(500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
  }
  const { code: _code, http, ...rest } = error.extensions as Record<string, unknown>;
  const given = (http as { status?: number } | undefined)?.status;
  const status = given ?? STATUS_OF_CODE[code ?? ''] ?? 400;
  return new ExportError(status, code ?? 'BAD_USER_INPUT', error.message, {
    ...rest,
    ...(error.path ? { path: error.path } : {}),
  });
}
