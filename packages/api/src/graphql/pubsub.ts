import { createPubSub } from '@graphql-yoga/subscription';

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
} as const;

/** A proposal's tally changed: ballots were cast, or the vote was decided. */
export interface TallyEvent {
  proposal: number;
}

/** In-process fan-out; one instance per server. */
export function createChangePubSub() {
  return createPubSub<{
    [Topics.AREA_CHANGED]: [ChangeEvent];
    [Topics.STATION_CHANGED]: [ChangeEvent];
    [Topics.WISH_CHANGED]: [ChangeEvent];
    [Topics.TALLY_CHANGED]: [TallyEvent];
  }>();
}
export type ChangePubSub = ReturnType<typeof createChangePubSub>;

export function ancestorsOf(path: string | null | undefined): number[] {
  return (path ?? '').split('/').filter(Boolean).map(Number);
}
