import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { createPubSub } from '@graphql-yoga/subscription';
import type { RedisClients } from '../redis.js';

/** Change events published by mutations; `ancestors` are the area ids above the changed thing. */
export interface ChangeEvent {
  id: number;
  action: 'CREATED' | 'UPDATED';
  ancestors: number[];
  /** Set when the object is a household: its path, so only those who may see it hear of it. */
  householdPath?: string;
  /** Set when the object is not public (a wish in review …): who may hear of it. */
  restricted?: { areaPath: string; people: number[] };
}

export const Topics = {
  AREA_CHANGED: 'AREA_CHANGED',
  STATION_CHANGED: 'STATION_CHANGED',
  WISH_CHANGED: 'WISH_CHANGED',
  TALLY_CHANGED: 'TALLY_CHANGED',
  REQUEST_CHANGED: 'REQUEST_CHANGED',
} as const;

/** A resident's request was submitted or moved (escalations too): who may hear of it is decided from these. */
export interface RequestChangeEvent {
  id: number;
  action: 'CREATED' | 'UPDATED';
  trackingCode: string;
  /** The path of its grid. */
  gridPath: string;
  /** The path of the area answering for it now (grid, community or street). */
  responsiblePath: string;
  /** Its reporter, whoever submitted it, and its handler. */
  people: number[];
}

/** A proposal's tally changed: ballots were cast, or the vote was decided. */
export interface TallyEvent {
  proposal: number;
}

/**
 * Fan-out of change events to subscribers: in this process by default; through Redis pub/sub
 * when Redis is configured, so an event published by one API instance reaches the subscribers
 * connected to every other (channels are named `<prefix><topic>`).
 */
export function createChangePubSub(redis?: RedisClients) {
  return createPubSub<{
    [Topics.AREA_CHANGED]: [ChangeEvent];
    [Topics.STATION_CHANGED]: [ChangeEvent];
    [Topics.WISH_CHANGED]: [ChangeEvent];
    [Topics.TALLY_CHANGED]: [TallyEvent];
    [Topics.REQUEST_CHANGED]: [RequestChangeEvent];
  }>(
    redis
      ? {
          eventTarget: overRedis(redis),
        }
      : {},
  );
}

type RedisEventTarget = ReturnType<typeof createRedisEventTarget<CustomEvent>>;

/**
 * Yoga's Redis event target with every topic under the deployment's prefix. Publishing goes
 * straight to Redis with its failure caught: the library does not await its `publish`, and an
 * event announced after Redis went away (a tally coalesced while the server stopped) would
 * otherwise end as an unhandled rejection.
 */
function overRedis(redis: RedisClients): RedisEventTarget {
  const target = createRedisEventTarget<CustomEvent>({ publishClient: redis.commands, subscribeClient: redis.subscriber });
  return {
    addEventListener: (topic, listener) => target.addEventListener(redis.prefix + topic, listener),
    removeEventListener: (topic, listener) => target.removeEventListener(redis.prefix + topic, listener),
    dispatchEvent: (event: CustomEvent) => {
      const message = event.detail === undefined ? '' : JSON.stringify(event.detail);
      redis.commands.publish(redis.prefix + event.type, message).catch((error: Error) => {
        if (redis.commands.status !== 'end') console.error(`publishing ${event.type} to Redis failed: ${error.message}`);
      });
      return true;
    },
  };
}
export type ChangePubSub = ReturnType<typeof createChangePubSub>;

export function ancestorsOf(path: string | null | undefined): number[] {
  return (path ?? '').split('/').filter(Boolean).map(Number);
}
