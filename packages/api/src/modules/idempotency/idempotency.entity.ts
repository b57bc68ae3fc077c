import { defineEntity, p } from '@mikro-orm/core';

/**
 * The first answer to a write made with an idempotency key. It is written in the same
 * transaction as the write itself, so the two exist together or not at all; a repeat of the
 * call (after a time-out, say) finds it and gets the same answer without writing anything.
 * Kept in PostgreSQL, so every API instance sees the same keys.
 */
const IdempotencyRecordSchema = defineEntity({
  name: 'IdempotencyRecord',
  tableName: 'idempotency_record',
  uniques: [{ name: 'idempotency_record_caller_key_unique', properties: ['caller', 'key'] }],
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    /** Whose key it is (`API_KEY:12`, `PERSON:7`): two callers may pick the same key. */
    caller: p.string().length(40),
    key: p.string().length(100),
    /** The operation the key was used for (`syncProperty`). */
    operation: p.string().length(64),
    /** SHA-256 of the call's canonical input: the same key with other input is refused. */
    requestHash: p.string().length(64),
    response: p.json<unknown>(),
    createdAt: p
      .datetime()
      .onCreate(() => new Date())
      .index(),
  },
});
export class IdempotencyRecord extends IdempotencyRecordSchema.class {}
IdempotencyRecordSchema.setClass(IdempotencyRecord);
