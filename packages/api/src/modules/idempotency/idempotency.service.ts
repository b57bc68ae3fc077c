import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/sql';
import canonicalize from 'canonicalize';
import { GzError } from '../../graphql/errors.js';
import type { Actor } from '../audit/audit.service.js';

/** How long a key is remembered: a client retrying later than this is making a new call. */
export const IDEMPOTENCY_TTL_HOURS = 24;

const KEY = /^[A-Za-z0-9._:-]{8,100}$/;

/** Keys are per caller: per organisation for API keys (any of its keys may retry), per person otherwise. */
export function idempotencyCaller(actor: Actor, organizationId: number | null): string {
  if (actor.kind === 'API_KEY' && organizationId) return `ORGANIZATION:${organizationId}`;
  return `${actor.kind}:${actor.id ?? 0}`;
}

export function checkIdempotencyKey(key: string): void {
  if (!KEY.test(key)) {
    throw new GzError('BAD_USER_INPUT', 'idempotencyKey must be 8 to 100 letters, digits or . _ : - (a UUID will do)', {
      argument: 'idempotencyKey',
      http: { status: 400 },
    });
  }
}

export const hashOfInput = (input: unknown): string =>
  createHash('sha256')
    .update(canonicalize(input) ?? '')
    .digest('hex');

export type Idempotent<T> = { replayed: false; result: T } | { replayed: true; result: T };

/**
 * Runs `work` in `tx` at most once per (caller, key). The key's row is inserted first, in the same
 * transaction: a concurrent call with the same key waits on the unique index until this one
 * commits (then replays its answer) or rolls back (then does the work itself). The same key with
 * different input is refused with IDEMPOTENCY_KEY_REUSED.
 */
export async function runOnce<T>(
  tx: EntityManager,
  scope: { caller: string; key: string; operation: string; input: unknown },
  work: () => Promise<T>,
): Promise<Idempotent<T>> {
  const requestHash = hashOfInput({ operation: scope.operation, input: scope.input });
  const inserted = await tx.execute<{ id: string }[]>(
    `insert into idempotency_record (caller, key, operation, request_hash, response, created_at)
     values (?, ?, ?, ?, 'null'::jsonb, now())
     on conflict (caller, key) do nothing returning id`,
    [scope.caller, scope.key, scope.operation, requestHash],
  );
  if (!inserted.length) {
    const [first] = await tx.execute<{ operation: string; request_hash: string; response: unknown; created_at: Date }[]>(
      'select operation, request_hash, response, created_at from idempotency_record where caller = ? and key = ?',
      [scope.caller, scope.key],
    );
    if (first.operation !== scope.operation || first.request_hash !== requestHash) {
      throw new GzError(
        'IDEMPOTENCY_KEY_REUSED',
        `This idempotency key was used at ${new Date(first.created_at).toISOString()} for a different call; use a new key for new input`,
        { http: { status: 422 } },
      );
    }
    return { replayed: true, result: (typeof first.response === 'string' ? JSON.parse(first.response) : first.response) as T };
  }
  const result = await work();
  await tx.execute('update idempotency_record set response = ?::jsonb where id = ?', [JSON.stringify(result), inserted[0].id]);
  return { replayed: false, result };
}

/** Forgets keys older than the time-to-live (run by the server's sweep). */
export async function sweepIdempotencyKeys(em: EntityManager): Promise<number> {
  const rows = await em.execute<{ id: string }[]>(
    `delete from idempotency_record where created_at < now() - make_interval(hours => ?) returning id`,
    [IDEMPOTENCY_TTL_HOURS],
  );
  return rows.length;
}
