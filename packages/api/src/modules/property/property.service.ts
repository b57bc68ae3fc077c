import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/sql';
import type { Actor } from '../audit/audit.service.js';
import { checkIdempotencyKey, idempotencyCaller, runOnce } from '../idempotency/idempotency.service.js';
import { type SyncInput, type SyncResult, syncPropertyRecords } from './property-sync.service.js';

export interface SyncAnswer extends SyncResult {
  replayed: boolean;
}

/** Two calls racing to create the same ids: the loser sees the winner's rows when it runs again. */
const ATTEMPTS = 3;

/**
 * A company's sync call: at most once per idempotency key, all of it in one transaction, so a
 * call that fails midway (the database went away) leaves nothing behind and can be repeated.
 */
export async function syncProperty(
  em: EntityManager,
  company: number,
  input: SyncInput & { idempotencyKey: string },
  actor: Actor,
): Promise<SyncAnswer> {
  checkIdempotencyKey(input.idempotencyKey);
  const { idempotencyKey, ...records } = input;
  for (let attempt = 1; ; attempt++) {
    try {
      const { replayed, result } = await em
        .fork()
        .transactional((tx) =>
          runOnce(tx, { caller: idempotencyCaller(actor, company), key: idempotencyKey, operation: 'syncProperty', input: records }, () =>
            syncPropertyRecords(tx, company, records, actor),
          ),
        );
      return { ...result, replayed };
    } catch (error) {
      if (!(error instanceof UniqueConstraintViolationException) || attempt >= ATTEMPTS) throw error;
    }
  }
}
