import { defineEntity, p } from '@mikro-orm/core';
import { Area } from '../areas/area.entity.js';
import { Person } from '../people/person.entity.js';
import { VOTE_RULE_KINDS, type VoteRule, type VoteRuleKind } from './vote.rules.js';

/** 一提二审三通过, 四议两公开: where a proposal is (see proposal.machine.ts for the moves). */
export const PROPOSAL_STAGES = [
  'PROPOSED',
  'UNDER_REVIEW',
  'APPROVED_FOR_NOTICE',
  'NOTICE_PERIOD',
  'VOTING',
  'DECIDED',
  'RESULT_PUBLISHED',
  'IMPLEMENTED',
  'REJECTED',
  'WITHDRAWN',
] as const;
export type ProposalStage = (typeof PROPOSAL_STAGES)[number];

/** What owners decide; Civil Code 278's items, and the community's own smaller matters. */
export const MATTER_TYPES = [
  'RULES',
  'OWNERS_COMMITTEE_ELECTION',
  'PROPERTY_COMPANY_HIRING',
  'MAINTENANCE_FUND_USE',
  'MAINTENANCE_FUND_RAISING',
  'REBUILDING',
  'COMMON_PARTS_USE_CHANGE',
  'COMMON_PARTS_BUSINESS',
  'COMMUNITY_AFFAIRS',
  'OTHER',
] as const;
export type MatterType = (typeof MATTER_TYPES)[number];

export const CHOICES = ['FOR', 'AGAINST', 'ABSTAIN'] as const;
export type BallotChoice = (typeof CHOICES)[number];

export const OUTCOMES = ['PASSED', 'FAILED'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** The tally at close, kept as computed: it never changes afterwards. */
export interface ClosedTally {
  households: { for: number; against: number; abstain: number };
  /** Hundredths of a square metre, as decimal strings (they may exceed 2^53). */
  area: { for: string; against: string; abstain: string };
  participationByAreaMet: boolean | null;
  participationByHeadcountMet: boolean | null;
  approvalByAreaMet: boolean | null;
  approvalByHeadcountMet: boolean | null;
}

/** A matter put to the owners of a building, a compound or a community. */
const ProposalSchema = defineEntity({
  name: 'Proposal',
  tableName: 'proposal',
  indexes: [{ name: 'proposal_stage_schedule_index', properties: ['stage', 'votingOpensAt', 'votingClosesAt'] }],
  properties: {
    id: p.integer().primary().autoincrement(),
    /** A building, a compound or a community: whose owners vote. */
    scope: () => p.manyToOne(Area).index().deleteRule('restrict'),
    title: p.string().length(200),
    text: p.text(),
    attachmentUrls: p.json<string[]>(),
    matterType: p.enum(MATTER_TYPES).$type<MatterType>(),
    ruleKind: p.enum(VOTE_RULE_KINDS).$type<VoteRuleKind>(),
    /** The thresholds the vote is decided by (for CUSTOM, as given; else the statutory ones). */
    rule: p.json<VoteRule>(),
    ballotsChangeable: p.boolean().default(false),
    stage: p.enum(PROPOSAL_STAGES).$type<ProposalStage>().index(),
    proposedBy: () => p.manyToOne(Person).index().deleteRule('restrict'),
    reviewNote: p.text().nullable(),
    votingOpensAt: p.datetime(),
    votingClosesAt: p.datetime(),
    /** When voting actually opened and the roll was frozen. */
    votingOpenedAt: p.datetime().nullable(),
    /** The frozen roll's totals: households and their exclusive floor area in hundredths of m². */
    rollHouseholds: p.integer().nullable(),
    rollAreaHundredths: p.bigint('string').nullable(),
    decidedAt: p.datetime().nullable(),
    outcome: p.enum(OUTCOMES).$type<Outcome>().nullable(),
    result: p.json<ClosedTally>().nullable(),
    /** The last link of the hash chain over the ballot log, published with the result. */
    ballotDigest: p.string().length(64).nullable(),
    ballotCount: p.integer().nullable(),
    implementationReport: p.text().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});
export class Proposal extends ProposalSchema.class {}
ProposalSchema.setClass(Proposal);

/** A household on a proposal's voter roll, frozen when voting opens, with its exclusive floor area. */
const VoterRollEntrySchema = defineEntity({
  name: 'VoterRollEntry',
  tableName: 'voter_roll_entry',
  primaryKeys: ['proposal', 'household'],
  properties: {
    proposal: () => p.manyToOne(Proposal).primary().deleteRule('cascade'),
    household: () => p.manyToOne(Area).primary().deleteRule('restrict'),
    areaHundredths: p.integer(),
  },
});
export class VoterRollEntry extends VoterRollEntrySchema.class {}
VoterRollEntrySchema.setClass(VoterRollEntry);

/**
 * One household's ballot: one per household and proposal, enforced by the unique key. Only a
 * hash of the receipt is kept; the owner holds the receipt itself.
 */
const BallotSchema = defineEntity({
  name: 'Ballot',
  tableName: 'ballot',
  uniques: [{ name: 'ballot_proposal_household_unique', properties: ['proposal', 'household'] }],
  // The live tally is one aggregate over this index alone (an index-only scan).
  indexes: [
    {
      name: 'ballot_tally_index',
      expression: 'create index "ballot_tally_index" on "ballot" ("proposal_id", "choice") include ("area_hundredths")',
    },
  ],
  properties: {
    id: p.integer().primary().autoincrement(),
    proposal: () => p.manyToOne(Proposal).deleteRule('cascade'),
    household: () => p.manyToOne(Area).deleteRule('restrict'),
    voter: () => p.manyToOne(Person).index().deleteRule('restrict'),
    choice: p.enum(CHOICES).$type<BallotChoice>(),
    areaHundredths: p.integer(),
    receiptHash: p.string().length(64).unique(),
    castAt: p.datetime(),
    /** How many times it was changed before close (when the proposal allows it). */
    changes: p.smallint().default(0),
    requestId: p.string().length(100).nullable(),
  },
});
export class Ballot extends BallotSchema.class {}
BallotSchema.setClass(Ballot);
