import {
  type BallotChoice,
  type MatterType,
  type ProposalStage,
  type VotingPanelMatterFragment,
  type VotingPanelOwnBallotFragment,
  type VotingPanelProgressFragment,
  VotingPanelProposalDocument,
  type VotingPanelTallyFragment,
  type VotingPanelThresholdFragment,
} from '../core/generated/graphql.js';
import type { GraphQLClient } from '../core/graphql-client.js';

/** A proposal as the panel shows it (the API's `Proposal`, with the rule in the panel's language). */
export type PanelProposal = VotingPanelMatterFragment;
export type PanelTally = VotingPanelTallyFragment;
export type PanelThreshold = VotingPanelThresholdFragment;
export type OwnBallot = VotingPanelOwnBallotFragment;
export type { BallotChoice, MatterType, ProposalStage };

export const CHOICES: readonly BallotChoice[] = ['FOR', 'AGAINST', 'ABSTAIN'];

/**
 * Where the vote is, for the panel: `before` voting opens (proposed, in review, on notice);
 * `voting`; `counting` once the window has passed but the vote is not yet closed (the API closes
 * it on its next sweep, or staff do); `decided` (decided, result published, implemented); `ended`
 * without a vote (rejected, withdrawn).
 */
export type Phase = 'before' | 'voting' | 'counting' | 'decided' | 'ended';

export function phaseOf(proposal: Pick<PanelProposal, 'stage' | 'votingClosesAt'>, now = Date.now()): Phase {
  switch (proposal.stage) {
    case 'VOTING':
      return Date.parse(proposal.votingClosesAt) > now ? 'voting' : 'counting';
    case 'DECIDED':
    case 'RESULT_PUBLISHED':
    case 'IMPLEMENTED':
      return 'decided';
    case 'REJECTED':
    case 'WITHDRAWN':
      return 'ended';
    default:
      return 'before';
  }
}

/** The proposal in the panel's language, or null when there is none the caller may see. */
export async function loadProposal(
  client: GraphQLClient,
  id: string,
  english: boolean,
  signal?: AbortSignal,
): Promise<PanelProposal | null> {
  const { node } = await client.request(VotingPanelProposalDocument, { id, language: english ? 'EN' : 'ZH_CN' }, signal);
  return node && 'title' in node ? (node as PanelProposal) : null;
}

/**
 * What moved (from `tallyChanged` or a cast's answer) merged into the proposal shown; the own
 * ballots only when given (the subscription carries none).
 */
export function applyProgress(
  proposal: PanelProposal,
  progress: VotingPanelProgressFragment,
  tally: PanelTally | null | undefined,
  ownBallots?: readonly OwnBallot[],
): PanelProposal {
  if (progress.id !== proposal.id) return proposal;
  return {
    ...proposal,
    ...progress,
    // A late event with a live count never replaces the final one.
    tally: proposal.tally?.final && !tally?.final ? proposal.tally : (tally ?? proposal.tally),
    ownBallots: ownBallots ? [...ownBallots] : proposal.ownBallots,
  };
}

/** One bar of the count: a share against its threshold. */
export interface Bar {
  key: 'participationByArea' | 'participationByHeadcount' | 'approvalByArea' | 'approvalByHeadcount';
  /** Of the whole: the roll for participation, those taking part for approval; 0 to 1. */
  share: number;
  /** m² or households, and the whole they are measured against. */
  part: number;
  whole: number;
  unit: 'area' | 'households';
  threshold: PanelThreshold | null;
  /** null when the rule sets no threshold here. */
  met: boolean | null;
}

/** The four bars: taking part by area and by headcount against the roll, in favour by area and by headcount against those taking part. */
export function barsOf(tally: PanelTally, rule: PanelProposal['rule']): Bar[] {
  const { participation: taking, approval: approving } = tally;
  return [
    {
      key: 'participationByArea',
      share: taking.areaShare,
      part: taking.area,
      whole: tally.rollArea,
      unit: 'area',
      threshold: rule.participationByArea,
      met: rule.participationByArea ? taking.byAreaMet : null,
    },
    {
      key: 'participationByHeadcount',
      share: taking.householdShare,
      part: taking.households,
      whole: tally.rollHouseholds,
      unit: 'households',
      threshold: rule.participationByHeadcount,
      met: rule.participationByHeadcount ? taking.byHeadcountMet : null,
    },
    {
      key: 'approvalByArea',
      share: approving.areaShare,
      part: approving.area,
      whole: taking.area,
      unit: 'area',
      threshold: rule.approvalByArea,
      met: rule.approvalByArea ? approving.byAreaMet : null,
    },
    {
      key: 'approvalByHeadcount',
      share: approving.householdShare,
      part: approving.households,
      whole: taking.households,
      unit: 'households',
      threshold: rule.approvalByHeadcount,
      met: rule.approvalByHeadcount ? approving.byHeadcountMet : null,
    },
  ];
}

/** A share as a percentage with one decimal, for `aria-valuenow` and bar widths (0 to 100). */
export function percent(share: number): number {
  return Math.round(Math.min(1, Math.max(0, share)) * 1000) / 10;
}

/** A household as the owner knows it: building and door (the API masks what the caller may not read). */
export function householdLabel(ballot: OwnBallot): string {
  return [ballot.household.parent?.name, ballot.household.name].filter(Boolean).join(' ');
}

/** Whether the owner may still vote for this household: no ballot yet, or ballots are changeable. */
export function mayVote(ballot: OwnBallot | undefined, changeable: boolean): boolean {
  return Boolean(ballot) && (ballot!.choice == null || changeable);
}

/** The household to offer first: the first without a ballot, else the first. */
export function firstHousehold(ballots: readonly OwnBallot[]): string {
  return (ballots.find((ballot) => ballot.choice == null) ?? ballots[0])?.household.id ?? '';
}

/**
 * The code of a refused ballot, for the message table: the API's `userErrors` code, except that
 * `REQUIRED` on `household` means "you own several: say which" (`CHOOSE_HOUSEHOLD`).
 */
export function castProblem(errors: readonly { field: readonly string[]; code: string }[]): string | null {
  const [first] = errors;
  if (!first) return null;
  return first.code === 'REQUIRED' && first.field.includes('household') ? 'CHOOSE_HOUSEHOLD' : first.code;
}

/** A receipt code as typed (spaces, lower case, no dashes): XXXX-XXXX-XXXX-XXXX when it has 16 characters. */
export function normalizeReceipt(text: string): string {
  const plain = text.toUpperCase().replace(/[^0-9A-Z]/g, '');
  return plain.length === 16 ? (plain.match(/.{4}/g) ?? []).join('-') : text.trim().toUpperCase();
}

/** An attachment's link text: the file's name from its URL, else the host. Null for anything but http(s). */
export function attachmentName(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  const last = parsed.pathname.split('/').filter(Boolean).pop();
  try {
    return last ? decodeURIComponent(last) : parsed.host;
  } catch {
    return last ?? parsed.host;
  }
}

/** Milliseconds until the voting window closes, if it is still open (for a timer that redraws the panel then). */
export function msUntilClose(proposal: Pick<PanelProposal, 'stage' | 'votingClosesAt'>, now = Date.now()): number | null {
  if (proposal.stage !== 'VOTING') return null;
  const left = Date.parse(proposal.votingClosesAt) - now;
  return left > 0 ? Math.min(left, 2 ** 31 - 1) : null;
}
