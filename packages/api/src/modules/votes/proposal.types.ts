import { DateTimeResolver } from 'graphql-scalars';
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Connection } from '../../graphql/connection.js';
import { enumFrom } from '../../graphql/enums.js';
import { UserError } from '../../graphql/mutation.js';
import { Node } from '../../graphql/node.js';
import { AreaType } from '../areas/area.types.js';
import {
  type BallotChoice,
  CHOICES,
  MATTER_TYPES,
  type MatterType,
  OUTCOMES,
  type Outcome,
  PROPOSAL_STAGES,
  type ProposalStage,
} from './proposal.entity.js';
import { VOTE_RULE_KINDS, type VoteRuleKind } from './vote.rules.js';

export const ProposalStageEnum = enumFrom(PROPOSAL_STAGES, 'ProposalStage', 'Where a proposal is (一提二审三通过, 四议两公开).', {
  PROPOSED: '提议',
  UNDER_REVIEW: '审核中',
  APPROVED_FOR_NOTICE: '审核通过，待公示',
  NOTICE_PERIOD: '公示期：表决前公示',
  VOTING: '表决中',
  DECIDED: '已表决：结果已定',
  RESULT_PUBLISHED: '结果已公示',
  IMPLEMENTED: '实施情况已公示',
  REJECTED: '审核未通过',
  WITHDRAWN: '已撤回',
});
export const MatterTypeEnum = enumFrom(MATTER_TYPES, 'MatterType', 'What owners decide (Civil Code art. 278).', {
  RULES: '制定和修改业主大会议事规则、管理规约',
  OWNERS_COMMITTEE_ELECTION: '选举业主委员会或者更换业主委员会成员',
  PROPERTY_COMPANY_HIRING: '选聘和解聘物业服务企业',
  MAINTENANCE_FUND_USE: '使用建筑物及其附属设施的维修资金',
  MAINTENANCE_FUND_RAISING: '筹集建筑物及其附属设施的维修资金 (special majority)',
  REBUILDING: '改建、重建建筑物及其附属设施 (special majority)',
  COMMON_PARTS_USE_CHANGE: '改变共有部分的用途 (special majority)',
  COMMON_PARTS_BUSINESS: '利用共有部分从事经营活动',
  COMMUNITY_AFFAIRS: '社区议事：not a matter of art. 278; any rule',
  OTHER: '其他共同管理事项',
});
export const VoteRuleKindEnum = enumFrom(VOTE_RULE_KINDS, 'VoteRuleKind', 'How a vote is decided.', {
  SIMPLE_MAJORITY: '一键表决: more than half of the ballots cast, by headcount',
  CIVIL_CODE_ORDINARY: '民法典278条一般事项: 2/3 of area and owners take part; more than half of each approves',
  CIVIL_CODE_SPECIAL: '民法典278条第6-8项: 2/3 of area and owners take part; at least 3/4 of each approves',
  CUSTOM: 'Thresholds of its own',
});
export const BallotChoiceEnum = enumFrom(
  CHOICES,
  'BallotChoice',
  'A ballot: for, against, or abstain (abstaining counts as taking part).',
  {
    FOR: '同意',
    AGAINST: '反对',
    ABSTAIN: '弃权',
  },
);
export const OutcomeEnum = enumFrom(OUTCOMES, 'ProposalOutcome', 'How a vote ended.', { PASSED: '通过', FAILED: '未通过' });
export const LanguageEnum = enumFrom(['ZH_CN', 'EN'] as const, 'Language', 'The language of text the API writes.');

@ObjectType('Fraction', { description: 'A fraction, compared exactly: 2/3 is { numerator: 2, denominator: 3 }.' })
export class FractionType {
  @Field(() => Int)
  numerator!: number;
  @Field(() => Int)
  denominator!: number;
}

@ObjectType('Threshold')
export class ThresholdType {
  @Field(() => FractionType)
  fraction!: FractionType;
  @Field(() => Boolean, { description: 'true: more than the fraction; false: at least it.' })
  strict!: boolean;
  @Field(() => Float, { description: 'The fraction as a number, for drawing.' })
  value!: number;
}

@ObjectType('VoteRule', { description: 'The thresholds a vote is decided by; null where the rule sets none.' })
export class VoteRuleType {
  @Field(() => VoteRuleKindEnum)
  kind!: VoteRuleKind;
  @Field(() => ThresholdType, { nullable: true, description: 'Share of the roll’s exclusive floor area that must take part.' })
  participationByArea!: ThresholdType | null;
  @Field(() => ThresholdType, { nullable: true, description: 'Share of the roll’s households that must take part.' })
  participationByHeadcount!: ThresholdType | null;
  @Field(() => ThresholdType, { nullable: true, description: 'Share of the participating area that must vote for.' })
  approvalByArea!: ThresholdType | null;
  @Field(() => ThresholdType, { nullable: true, description: 'Share of the participating households that must vote for.' })
  approvalByHeadcount!: ThresholdType | null;
}

@ObjectType('TallyMeasure', { description: 'One side of the count, by households and by exclusive floor area.' })
export class TallyMeasureType {
  @Field(() => Int)
  households!: number;
  @Field(() => Float, { description: 'm².' })
  area!: number;
  @Field(() => Float, {
    description: 'Of the whole it is measured against (the roll, or those taking part), 0 to 1; 0 when that is empty.',
  })
  householdShare!: number;
  @Field(() => Float)
  areaShare!: number;
  @Field(() => Boolean, { nullable: true, description: 'The headcount threshold met; null when the rule has none.' })
  byHeadcountMet!: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'The area threshold met; null when the rule has none.' })
  byAreaMet!: boolean | null;
}

@ObjectType('ProposalTally', { description: 'The count of a vote: live while voting, the result once decided.' })
export class ProposalTallyType {
  @Field(() => Int, { description: 'Households on the frozen roll.' })
  rollHouseholds!: number;
  @Field(() => Float, { description: 'Their exclusive floor area, m².' })
  rollArea!: number;
  @Field(() => TallyMeasureType, { description: 'Everyone who voted, against the roll.' })
  participation!: TallyMeasureType;
  @Field(() => TallyMeasureType, { description: 'Those who voted for, against those taking part.' })
  approval!: TallyMeasureType;
  @Field(() => TallyMeasureType, { description: 'Against, against those taking part (thresholds null).' })
  against!: TallyMeasureType;
  @Field(() => TallyMeasureType, { description: 'Abstentions, against those taking part (thresholds null).' })
  abstain!: TallyMeasureType;
  @Field(() => Boolean, { description: 'Would pass if voting closed now (once decided: passed).' })
  passes!: boolean;
  @Field(() => Boolean, { description: 'The vote is decided: these figures are the result and never change.' })
  final!: boolean;
}

@ObjectType('Proposal', { implements: Node, description: 'A matter put to the owners of a building, compound or community.' })
export class ProposalType extends Node {
  @Field(() => String)
  title!: string;
  @Field(() => String)
  text!: string;
  @Field(() => [String], { description: 'Documents (URLs).' })
  attachmentUrls!: string[];
  @Field(() => MatterTypeEnum)
  matterType!: MatterType;
  @Field(() => VoteRuleKindEnum)
  ruleKind!: VoteRuleKind;
  @Field(() => Boolean, { description: 'Whether an owner may change their ballot before voting closes.' })
  ballotsChangeable!: boolean;
  @Field(() => ProposalStageEnum)
  stage!: ProposalStage;
  @Field(() => String, { nullable: true })
  reviewNote!: string | null;
  @Field(() => DateTimeResolver)
  votingOpensAt!: Date;
  @Field(() => DateTimeResolver)
  votingClosesAt!: Date;
  @Field(() => DateTimeResolver, { nullable: true, description: 'When voting opened and the roll was frozen.' })
  votingOpenedAt!: Date | null;
  @Field(() => DateTimeResolver, { nullable: true })
  decidedAt!: Date | null;
  @Field(() => OutcomeEnum, { nullable: true })
  outcome!: Outcome | null;
  @Field(() => String, {
    nullable: true,
    description: 'Published at close: the last SHA-256 link of the chain over `ballotLog` (see `ballotLog` for how to recompute it).',
  })
  ballotDigest!: string | null;
  @Field(() => Int, { nullable: true, description: 'Ballots in the log at close.' })
  ballotCount!: number | null;
  @Field(() => String, { nullable: true })
  implementationReport!: string | null;
  @Field(() => DateTimeResolver)
  createdAt!: Date;
  @Field(() => DateTimeResolver)
  updatedAt!: Date;
}
export const ProposalConnection = Connection(ProposalType, 'Proposal');

@ObjectType('BallotLogEntry', { description: 'One ballot of the published log: no household, no voter, only what the count needs.' })
export class BallotLogEntryType {
  @Field(() => String, { description: 'SHA-256 (hex) of the receipt code, upper-cased, as the owner was given it.' })
  receiptHash!: string;
  @Field(() => BallotChoiceEnum)
  choice!: BallotChoice;
  @Field(() => Int, { description: 'The household’s exclusive floor area in hundredths of a m².' })
  areaHundredths!: number;
}
export const BallotLogConnection = Connection(BallotLogEntryType, 'BallotLogEntry');

@ObjectType('OwnBallot', { description: 'A household you may vote for, and your ballot for it if cast.' })
export class OwnBallotType {
  @Field(() => AreaType)
  household!: AreaType;
  @Field(() => BallotChoiceEnum, { nullable: true })
  choice!: BallotChoice | null;
  @Field(() => DateTimeResolver, { nullable: true })
  castAt!: Date | null;
}

@ObjectType('ReceiptCheck', { description: 'Whether a receipt’s ballot is in the log.' })
export class ReceiptCheckType {
  @Field(() => Boolean)
  counted!: boolean;
  @Field(() => BallotChoiceEnum, { nullable: true })
  choice!: BallotChoice | null;
  @Field(() => Int, { nullable: true, description: 'Its place in `ballotLog` (1-based), in order of casting.' })
  position!: number | null;
  @Field(() => String)
  receiptHash!: string;
  @Field(() => String, { nullable: true, description: 'The published digest, once decided.' })
  ballotDigest!: string | null;
}

@InputType({ description: 'Narrows a list of proposals; all given conditions must hold.' })
export class ProposalFilter {
  @Field(() => ID, { nullable: true, description: 'Only proposals whose scope is this area or below it.' })
  within?: string | null;
  @Field(() => [ProposalStageEnum], { nullable: true })
  stage?: ProposalStage[] | null;
}

@InputType()
export class FractionInput {
  @Field(() => Int)
  numerator!: number;
  @Field(() => Int)
  denominator!: number;
}

@InputType()
export class ThresholdInput {
  @Field(() => FractionInput)
  fraction!: FractionInput;
  @Field(() => Boolean, { description: 'true: more than; false: at least.' })
  strict!: boolean;
}

@InputType({ description: 'A custom rule; leave a threshold out for none.' })
export class CustomRuleInput {
  @Field(() => ThresholdInput, { nullable: true })
  participationByArea?: ThresholdInput | null;
  @Field(() => ThresholdInput, { nullable: true })
  participationByHeadcount?: ThresholdInput | null;
  @Field(() => ThresholdInput, { nullable: true })
  approvalByArea?: ThresholdInput | null;
  @Field(() => ThresholdInput, { nullable: true })
  approvalByHeadcount?: ThresholdInput | null;
}

@InputType({ description: 'A new proposal (一提). Matters of Civil Code art. 278 take the statutory rule (or a stricter one).' })
export class CreateProposalInput {
  @Field(() => ID, { description: 'A building, compound or community: whose owners vote.' })
  scope!: string;
  @Field(() => String)
  title!: string;
  @Field(() => String)
  text!: string;
  @Field(() => [String], { nullable: true })
  attachmentUrls?: string[] | null;
  @Field(() => MatterTypeEnum)
  matterType!: MatterType;
  @Field(() => VoteRuleKindEnum)
  ruleKind!: VoteRuleKind;
  @Field(() => CustomRuleInput, { nullable: true, description: 'Only with ruleKind CUSTOM.' })
  customRule?: CustomRuleInput | null;
  @Field(() => Boolean, { nullable: true, description: 'May owners change their ballot before close? Default false.' })
  ballotsChangeable?: boolean | null;
  @Field(() => DateTimeResolver)
  votingOpensAt!: Date;
  @Field(() => DateTimeResolver)
  votingClosesAt!: Date;
}

@InputType()
export class ProposalIdInput {
  @Field(() => ID)
  id!: string;
}

@InputType()
export class ReviewProposalInput {
  @Field(() => ID)
  id!: string;
  @Field(() => Boolean, { description: 'true approves it for notice; false rejects it.' })
  approve!: boolean;
  @Field(() => String, { nullable: true })
  note?: string | null;
}

@InputType()
export class ReportImplementationInput {
  @Field(() => ID)
  id!: string;
  @Field(() => String, { description: 'What was done: published as a notice.' })
  report!: string;
}

@InputType()
export class CastBallotInput {
  @Field(() => ID)
  proposal!: string;
  @Field(() => BallotChoiceEnum)
  choice!: BallotChoice;
  @Field(() => ID, { nullable: true, description: 'The household the ballot is for; needed only when you own several on the roll.' })
  household?: string | null;
}

@ObjectType()
export class ProposalPayload {
  @Field(() => ProposalType, { nullable: true })
  proposal!: ProposalType | null;
  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType()
export class CastBallotPayload {
  @Field(() => ProposalType, { nullable: true })
  proposal!: ProposalType | null;
  @Field(() => String, { nullable: true, description: 'The receipt code: shown once, keep it to check your ballot is counted.' })
  receipt!: string | null;
  @Field(() => BallotChoiceEnum, { nullable: true })
  choice!: BallotChoice | null;
  @Field(() => Boolean, { nullable: true, description: 'true when this replaced an earlier ballot of the household.' })
  changed!: boolean | null;
  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType('TallyChange', { description: 'A proposal’s tally changed (ballots cast, or the vote decided).' })
export class TallyChangeType {
  @Field(() => ProposalType)
  proposal!: ProposalType;
  @Field(() => ProposalTallyType, { nullable: true })
  tally!: ProposalTallyType | null;
}
