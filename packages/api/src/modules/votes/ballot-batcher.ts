import type { EntityManager } from '@mikro-orm/sql';
import DataLoader from 'dataloader';
import type { BallotChoice } from './proposal.entity.js';

/** One ballot waiting for its batch. */
export interface PendingBallot {
  proposal: number;
  voter: number;
  household: number | null;
  choice: BallotChoice;
  receiptHash: string;
  requestId: string | null;
  day: string;
}

/** What the batch wrote for a ballot, or null: not written (cast it alone to learn why). */
export type Written = { ballotId: number; changes: number; household: number } | null;

/** How long ballots wait for company, in ms: a batch is written with one call and one commit. */
const WINDOW_MS = 2;
const MAX_BATCH = 250;

const batchers = new WeakMap<object, DataLoader<PendingBallot, Written>>();

/**
 * Ballots cast at about the same moment (a thousand a second, in the minutes before a vote
 * closes) are written together: one call of cast_ballots per proposal and batch instead of one
 * statement and one commit each. Each caller still waits for its own ballot to be committed.
 * One batcher per database (the driver is shared by every request's EntityManager).
 */
export function ballotBatcher(em: EntityManager): DataLoader<PendingBallot, Written> {
  const driver = em.getDriver();
  let batcher = batchers.get(driver);
  if (!batcher) {
    const root = em.fork();
    batcher = new DataLoader<PendingBallot, Written>((ballots) => writeBatch(root, ballots), {
      cache: false,
      maxBatchSize: MAX_BATCH,
      batchScheduleFn: (callback) => setTimeout(callback, WINDOW_MS),
    });
    batchers.set(driver, batcher);
  }
  return batcher;
}

/** Writes ballots with one call of cast_ballots per proposal; null for each the call did not write. */
export async function writeBatch(em: EntityManager, ballots: readonly PendingBallot[]): Promise<Written[]> {
  const written = new Map<string, Written>();
  const byProposal = new Map<string, PendingBallot[]>();
  for (const b of ballots) {
    const key = `${b.proposal} ${b.day}`;
    byProposal.set(key, [...(byProposal.get(key) ?? []), b]);
  }
  for (const group of byProposal.values()) {
    const rows = await em
      .fork()
      .execute<{ out_receipt_hash: string; out_ballot: number; out_changes: number; out_household: number }[]>(
        'select * from cast_ballots(?, ?, ?::jsonb)',
        [
          group[0].proposal,
          group[0].day,
          JSON.stringify(
            group.map((b) => ({
              voter: b.voter,
              household: b.household,
              choice: b.choice,
              receipt_hash: b.receiptHash,
              request_id: b.requestId,
            })),
          ),
        ],
      );
    for (const row of rows) {
      written.set(row.out_receipt_hash, {
        ballotId: Number(row.out_ballot),
        changes: Number(row.out_changes),
        household: Number(row.out_household),
      });
    }
  }
  return ballots.map((b) => written.get(b.receiptHash) ?? null);
}
