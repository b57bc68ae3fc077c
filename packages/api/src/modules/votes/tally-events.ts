import { type ChangePubSub, Topics } from '../../graphql/pubsub.js';

/** At most one tally event per proposal in this window: a thousand ballots a second make four events, not a thousand. */
const WINDOW_MS = 250;

const pending = new WeakMap<ChangePubSub, Set<number>>();

/** Announces that a proposal's tally changed, coalescing bursts of ballots into one event at the end of the window. */
export function announceTally(pubsub: ChangePubSub, proposal: number, immediately = false): void {
  if (immediately) {
    pubsub.publish(Topics.TALLY_CHANGED, { proposal });
    return;
  }
  const waiting = pending.get(pubsub) ?? new Set<number>();
  pending.set(pubsub, waiting);
  if (waiting.has(proposal)) return;
  waiting.add(proposal);
  setTimeout(() => {
    waiting.delete(proposal);
    pubsub.publish(Topics.TALLY_CHANGED, { proposal });
  }, WINDOW_MS).unref();
}
