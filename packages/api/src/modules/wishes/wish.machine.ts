import type { WishState } from './wish.entity.js';

/** The moves a wish can make, and who may make each. */
export type WishMove = 'approve' | 'reject' | 'claim' | 'lapse' | 'fulfill' | 'confirm' | 'withdraw' | 'expire';

/**
 * The one state machine of a wish: from which states each move is allowed, and where it leads.
 * Every mutation and the sweep of lapsed claims go through `nextState`; nothing else changes `state`.
 */
export const WISH_MOVES: Record<WishMove, { from: readonly WishState[]; to: WishState }> = {
  approve: { from: ['PENDING_REVIEW'], to: 'OPEN' },
  reject: { from: ['PENDING_REVIEW'], to: 'REJECTED' },
  claim: { from: ['OPEN'], to: 'CLAIMED' },
  /** A claim not fulfilled by its deadline: the wish opens again. */
  lapse: { from: ['CLAIMED'], to: 'OPEN' },
  fulfill: { from: ['CLAIMED'], to: 'FULFILLED' },
  /** Lit up (点亮): staff or the beneficiary confirm. */
  confirm: { from: ['FULFILLED'], to: 'CONFIRMED' },
  withdraw: { from: ['PENDING_REVIEW', 'OPEN'], to: 'WITHDRAWN' },
  /** Its wanted-by date passed before anyone claimed it. */
  expire: { from: ['PENDING_REVIEW', 'OPEN'], to: 'EXPIRED' },
};

export class WishMoveError extends Error {
  constructor(
    readonly move: WishMove,
    readonly state: WishState,
  ) {
    super(`A wish that is ${state.toLowerCase().replaceAll('_', ' ')} cannot be ${PAST[move]}`);
  }
}

const PAST: Record<WishMove, string> = {
  approve: 'approved',
  reject: 'rejected',
  claim: 'claimed',
  lapse: 'reopened',
  fulfill: 'fulfilled',
  confirm: 'confirmed',
  withdraw: 'withdrawn',
  expire: 'expired',
};

export function nextState(state: WishState, move: WishMove): WishState {
  if (!WISH_MOVES[move].from.includes(state)) throw new WishMoveError(move, state);
  return WISH_MOVES[move].to;
}

/** States the public sees: after review, before or after fulfilment. */
export const PUBLIC_STATES: readonly WishState[] = ['OPEN', 'CLAIMED', 'FULFILLED', 'CONFIRMED'];
