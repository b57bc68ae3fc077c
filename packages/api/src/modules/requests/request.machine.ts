import type { RequestLevel, RequestState } from './request.entity.js';

/**
 * The moves of a request's closed loop (群众点单、社区派单、部门接单、党员领单、群众评单), and the moves
 * beside it: returned to the dispatcher, reopened by the reporter, rejected, escalated by the
 * clock, flagged by a supervisor (督查) and reported on.
 */
export type RequestMove =
  | 'dispatch'
  | 'accept'
  | 'return'
  | 'takeOn'
  | 'resolve'
  | 'rate'
  | 'reopen'
  | 'close'
  | 'reject'
  | 'escalate'
  | 'supervise'
  | 'report';

/** States where someone still has something to do: deadlines run, escalation applies, supervisors may flag. */
export const OPEN_STATES: readonly RequestState[] = ['SUBMITTED', 'DISPATCHED', 'ACCEPTED', 'IN_HAND', 'RETURNED', 'REOPENED'];

/**
 * The one state machine: from which states each move is allowed, and where it leads (`to`
 * absent: the state stays, as when a request is escalated). Every mutation and the sweep go
 * through `nextState`; nothing else changes `state`.
 */
export const REQUEST_MOVES: Record<RequestMove, { from: readonly RequestState[]; to?: RequestState }> = {
  dispatch: { from: ['SUBMITTED', 'RETURNED', 'REOPENED'], to: 'DISPATCHED' },
  accept: { from: ['DISPATCHED'], to: 'ACCEPTED' },
  /** Back to the dispatcher, with a reason: not theirs, or not doable as asked. */
  return: { from: ['DISPATCHED', 'ACCEPTED'], to: 'RETURNED' },
  takeOn: { from: ['ACCEPTED'], to: 'IN_HAND' },
  resolve: { from: ['IN_HAND'], to: 'RESOLVED' },
  /** 一键评价: the reporter, once. */
  rate: { from: ['RESOLVED'], to: 'RATED' },
  /** The reporter is not satisfied, within the reopening window. */
  reopen: { from: ['RESOLVED', 'RATED'], to: 'REOPENED' },
  close: { from: ['RESOLVED', 'RATED'], to: 'CLOSED' },
  reject: { from: ['SUBMITTED', 'RETURNED', 'REOPENED'], to: 'REJECTED' },
  escalate: { from: OPEN_STATES },
  supervise: { from: OPEN_STATES },
  report: { from: OPEN_STATES },
};

export class RequestMoveError extends Error {
  constructor(
    readonly move: RequestMove,
    readonly state: RequestState,
  ) {
    super(`A request that is ${state.toLowerCase().replaceAll('_', ' ')} cannot be ${PAST[move]}`);
  }
}

const PAST: Record<RequestMove, string> = {
  dispatch: 'dispatched',
  accept: 'accepted',
  return: 'returned',
  takeOn: 'taken on',
  resolve: 'resolved',
  rate: 'rated',
  reopen: 'reopened',
  close: 'closed',
  reject: 'rejected',
  escalate: 'escalated',
  supervise: 'flagged for supervision',
  report: 'reported on',
};

export function nextState(state: RequestState, move: RequestMove): RequestState {
  const { from, to } = REQUEST_MOVES[move];
  if (!from.includes(state)) throw new RequestMoveError(move, state);
  return to ?? state;
}

/** The level above, or null at the top (the street answers last). */
export function levelAbove(level: RequestLevel): RequestLevel | null {
  return level === 'GRID' ? 'COMMUNITY' : level === 'COMMUNITY' ? 'STREET' : null;
}

/** Which stage's deadline runs in a state: the minutes of the category that apply. */
export function stageOf(state: RequestState): 'dispatchMinutes' | 'acceptMinutes' | 'takeOnMinutes' | 'resolveMinutes' | null {
  switch (state) {
    case 'SUBMITTED':
    case 'RETURNED':
    case 'REOPENED':
      return 'dispatchMinutes';
    case 'DISPATCHED':
      return 'acceptMinutes';
    case 'ACCEPTED':
      return 'takeOnMinutes';
    case 'IN_HAND':
      return 'resolveMinutes';
    default:
      return null;
  }
}
