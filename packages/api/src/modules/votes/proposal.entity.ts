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
  // Keeps BallotTally with every ballot written. A changed ballot moves its household from the old
  // choice to the new; the two rows are taken in the order of the choices, so two changes at once
  // cannot deadlock.
  triggers: [
    {
      name: 'ballot_tally_apply',
      timing: 'after',
      events: ['insert', 'update'],
      forEach: 'row',
      body: `
        if tg_op = 'UPDATE' and old.choice = new.choice and old.area_hundredths = new.area_hundredths then
          return new;
        end if;
        if tg_op = 'UPDATE' and old.choice < new.choice then
          update ballot_tally set households = households - 1, area_hundredths = area_hundredths - old.area_hundredths
            where proposal_id = old.proposal_id and slot = old.household_id % 16 and choice = old.choice;
        end if;
        insert into ballot_tally (proposal_id, slot, choice, households, area_hundredths)
          values (new.proposal_id, new.household_id % 16, new.choice, 1, new.area_hundredths)
          on conflict (proposal_id, slot, choice) do update
            set households = ballot_tally.households + 1, area_hundredths = ballot_tally.area_hundredths + excluded.area_hundredths;
        if tg_op = 'UPDATE' and old.choice > new.choice then
          update ballot_tally set households = households - 1, area_hundredths = area_hundredths - old.area_hundredths
            where proposal_id = old.proposal_id and slot = old.household_id % 16 and choice = old.choice;
        end if;
        return new;`,
    },
  ],
  properties: {
    id: p.integer().primary().autoincrement(),
    // No foreign key to the proposal: every ballot would take a share lock on that one row, and a
    // thousand at once queue on it. A ballot is only written while its proposal is voting
    // (cast_ballot), and proposals are never deleted.
    proposal: () => p.manyToOne(Proposal).createForeignKeyConstraint(false),
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

/**
 * Running sums of a proposal's ballots by choice, in 16 slots (household id mod 16) so that
 * ballots cast at once seldom wait for the same row. Kept by the trigger `ballot_tally_apply`
 * on `ballot` (the Ballot entity's `triggers`), never written by the code.
 */
const BallotTallySchema = defineEntity({
  name: 'BallotTally',
  tableName: 'ballot_tally',
  primaryKeys: ['proposal', 'slot', 'choice'],
  properties: {
    // No foreign key, for the same reason as Ballot's.
    proposal: () => p.manyToOne(Proposal).primary().createForeignKeyConstraint(false),
    slot: p.smallint().primary(),
    choice: p.enum(CHOICES).$type<BallotChoice>().primary(),
    households: p.integer().default(0),
    areaHundredths: p.bigint('string').default('0'),
  },
});
export class BallotTally extends BallotTallySchema.class {}
BallotTallySchema.setClass(BallotTally);
