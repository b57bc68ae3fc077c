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

/** In-process fan-out; one instance per server. */
export function createChangePubSub() {
  return createPubSub<{
    [Topics.AREA_CHANGED]: [ChangeEvent];
    [Topics.STATION_CHANGED]: [ChangeEvent];
    [Topics.WISH_CHANGED]: [ChangeEvent];
    [Topics.TALLY_CHANGED]: [TallyEvent];
    [Topics.REQUEST_CHANGED]: [RequestChangeEvent];
  }>();
}
export type ChangePubSub = ReturnType<typeof createChangePubSub>;

export function ancestorsOf(path: string | null | undefined): number[] {
  return (path ?? '').split('/').filter(Boolean).map(Number);
}
