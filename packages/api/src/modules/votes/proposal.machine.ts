import type { ProposalStage } from './proposal.entity.js';

/**
 * The moves of a proposal (一提二审三通过, 四议两公开): proposed, reviewed, published as a notice,
 * voted, decided, its result published, its implementation reported. Every mutation and the
 * schedule's sweep go through `nextStage`; nothing else changes `stage`.
 */
export type ProposalMove =
  | 'beginReview'
  | 'approve'
  | 'reject'
  | 'publish'
  | 'openVoting'
  | 'close'
  | 'publishResult'
  | 'reportImplementation'
  | 'withdraw';

export const PROPOSAL_MOVES: Record<ProposalMove, { from: readonly ProposalStage[]; to: ProposalStage }> = {
  beginReview: { from: ['PROPOSED'], to: 'UNDER_REVIEW' },
  approve: { from: ['UNDER_REVIEW'], to: 'APPROVED_FOR_NOTICE' },
  reject: { from: ['UNDER_REVIEW'], to: 'REJECTED' },
  /** The first public notice (公示): the matter is published before the vote. */
  publish: { from: ['APPROVED_FOR_NOTICE'], to: 'NOTICE_PERIOD' },
  /** The roll is frozen here. */
  openVoting: { from: ['NOTICE_PERIOD'], to: 'VOTING' },
  /** The result is computed here, once. */
  close: { from: ['VOTING'], to: 'DECIDED' },
  /** The second public notice: the result. */
  publishResult: { from: ['DECIDED'], to: 'RESULT_PUBLISHED' },
  reportImplementation: { from: ['RESULT_PUBLISHED'], to: 'IMPLEMENTED' },
  withdraw: { from: ['PROPOSED', 'UNDER_REVIEW', 'APPROVED_FOR_NOTICE', 'NOTICE_PERIOD'], to: 'WITHDRAWN' },
};

export class ProposalMoveError extends Error {
  constructor(
    readonly move: ProposalMove,
    readonly stage: ProposalStage,
  ) {
    super(`A proposal in stage ${stage} cannot make the move "${move}"`);
  }
}

export function nextStage(stage: ProposalStage, move: ProposalMove): ProposalStage {
  if (!PROPOSAL_MOVES[move].from.includes(stage)) throw new ProposalMoveError(move, stage);
  return PROPOSAL_MOVES[move].to;
}

/** Stages the public sees: once published as a notice. */
export const PUBLISHED_STAGES: readonly ProposalStage[] = ['NOTICE_PERIOD', 'VOTING', 'DECIDED', 'RESULT_PUBLISHED', 'IMPLEMENTED'];
