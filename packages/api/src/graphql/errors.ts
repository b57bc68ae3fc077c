import { GraphQLError } from 'graphql';

/** Codes a client can act on, in `extensions.code` of top-level errors and in `UserError.code`. */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  FORBIDDEN: 'FORBIDDEN',
  /** An idempotency key sent again with different input (see modules/idempotency). */
  IDEMPOTENCY_KEY_REUSED: 'IDEMPOTENCY_KEY_REUSED',
  /** A statistics request for more areas, periods or cells than one answer holds. */
  STATISTICS_TOO_LARGE: 'STATISTICS_TOO_LARGE',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** A request the client can correct: becomes a GraphQL error with `extensions.code`. */
export class GzError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extensions } });
  }
}

/** Bad arguments: the request as a whole is refused with HTTP 400 (Apollo reads `extensions.http`). */
export const badInput = (message: string, argument?: string): GzError =>
  new GzError(ErrorCode.BAD_USER_INPUT, message, { ...(argument ? { argument } : {}), http: { status: 400 } });

/**
 * A problem with one field of a mutation's input. Mutations return these in `userErrors`
 * and write nothing; `field` is the path into the input, e.g. `["input", "name"]`.
 */
export class InputProblem extends Error {
  constructor(
    readonly field: string[],
    message: string,
    readonly code: string = 'INVALID',
  ) {
    super(message);
    this.name = 'InputProblem';
  }
}

/** Collects every problem of an input before failing, so the client can fix them all at once. */
export class InputProblems extends Error {
  constructor(readonly problems: InputProblem[]) {
    super(problems.map((p) => `${p.field.join('.')}: ${p.message}`).join('; '));
    this.name = 'InputProblems';
  }
}
