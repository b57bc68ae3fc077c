/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** A level of the area tree. */
export type AreaKind =
  /** 楼栋: building */
  | 'BUILDING'
  /** 社区: community (residents’ committee area) */
  | 'COMMUNITY'
  /** 小区: residential compound */
  | 'COMPOUND'
  /** 区 / 县: district or county */
  | 'DISTRICT'
  /** 网格: grid, the management unit (about 350 households) */
  | 'GRID'
  /** 户: household */
  | 'HOUSEHOLD'
  /** 微网格: micro-grid, often one compound or yard */
  | 'MICRO_GRID'
  /** 街道: street (sub-district office) */
  | 'STREET';

/** A ballot: for, against, or abstain (abstaining counts as taking part). */
export type BallotChoice =
  /** 弃权 */
  | 'ABSTAIN'
  /** 反对 */
  | 'AGAINST'
  /** 同意 */
  | 'FOR';

/** Who a wish is for. */
export type BeneficiaryKind =
  /** 儿童 */
  | 'CHILD'
  /** 残疾人 */
  | 'DISABLED'
  /** 独居老人 */
  | 'ELDERLY_ALONE'
  /** 困难家庭 */
  | 'HARDSHIP_FAMILY'
  /** 其他 */
  | 'OTHER';

/** A latitude/longitude box, WGS-84 degrees; `west` > `east` crosses the antimeridian. */
export type BoundingBoxInput = {
  east: number;
  north: number;
  south: number;
  west: number;
};

export type CastBallotInput = {
  choice: BallotChoice;
  /** The household the ballot is for; needed only when you own several on the roll. */
  household?: string | number | null | undefined;
  proposal: string | number;
};

/** What happened to an object. */
export type ChangeAction =
  | 'CREATED'
  | 'UPDATED';

export type ClaimWishInput = {
  id: string | number;
  /** Claim for a unit or volunteer team you hold a role for (an in-service party member’s unit, a volunteer’s team); it earns the service record too. */
  onBehalfOf?: string | number | null | undefined;
};

/** The language of text the API writes. */
export type Language =
  | 'EN'
  | 'ZH_CN';

/** What owners decide (Civil Code art. 278). */
export type MatterType =
  /** 利用共有部分从事经营活动 */
  | 'COMMON_PARTS_BUSINESS'
  /** 改变共有部分的用途 (special majority) */
  | 'COMMON_PARTS_USE_CHANGE'
  /** 社区议事：not a matter of art. 278; any rule */
  | 'COMMUNITY_AFFAIRS'
  /** 筹集建筑物及其附属设施的维修资金 (special majority) */
  | 'MAINTENANCE_FUND_RAISING'
  /** 使用建筑物及其附属设施的维修资金 */
  | 'MAINTENANCE_FUND_USE'
  /** 其他共同管理事项 */
  | 'OTHER'
  /** 选举业主委员会或者更换业主委员会成员 */
  | 'OWNERS_COMMITTEE_ELECTION'
  /** 选聘和解聘物业服务企业 */
  | 'PROPERTY_COMPANY_HIRING'
  /** 改建、重建建筑物及其附属设施 (special majority) */
  | 'REBUILDING'
  /** 制定和修改业主大会议事规则、管理规约 */
  | 'RULES';

/** A new wish: for yourself, or (grid workers and community staff) for a resident of your area. */
export type PostWishInput = {
  /** The resident it is for; yourself when left out. */
  beneficiary?: string | number | null | undefined;
  beneficiaryKind: BeneficiaryKind;
  category: WishCategory;
  community: string | number;
  estimatedCost?: number | null | undefined;
  grid?: string | number | null | undefined;
  photoUrls?: Array<string> | null | undefined;
  story: string;
  title: string;
  /** YYYY-MM-DD */
  wantedBy?: string | null | undefined;
};

/** How a vote ended. */
export type ProposalOutcome =
  /** 未通过 */
  | 'FAILED'
  /** 通过 */
  | 'PASSED';

/** Where a proposal is (一提二审三通过, 四议两公开). */
export type ProposalStage =
  /** 审核通过，待公示 */
  | 'APPROVED_FOR_NOTICE'
  /** 已表决：结果已定 */
  | 'DECIDED'
  /** 实施情况已公示 */
  | 'IMPLEMENTED'
  /** 公示期：表决前公示 */
  | 'NOTICE_PERIOD'
  /** 提议 */
  | 'PROPOSED'
  /** 审核未通过 */
  | 'REJECTED'
  /** 结果已公示 */
  | 'RESULT_PUBLISHED'
  /** 审核中 */
  | 'UNDER_REVIEW'
  /** 表决中 */
  | 'VOTING'
  /** 已撤回 */
  | 'WITHDRAWN';

export type RateRequestInput = {
  comment?: string | null | undefined;
  id: string | number;
  /** 1 to 5. */
  rating: number;
};

/** Who answers for a request: what is late rises a level. */
export type RequestLevel =
  /** 社区 */
  | 'COMMUNITY'
  /** 网格 */
  | 'GRID'
  /** 街道 */
  | 'STREET';

export type RequestReasonInput = {
  id: string | number;
  /** Why: kept in the history. */
  reason: string;
};

/** Where a resident’s request is in its closed loop. */
export type RequestState =
  /** 已接单: the department or grid accepted it */
  | 'ACCEPTED'
  /** 已归档 */
  | 'CLOSED'
  /** 已派单: sent to a department or grid */
  | 'DISPATCHED'
  /** 已领单: a party member or worker is on it */
  | 'IN_HAND'
  /** 已评单: the reporter rated the result */
  | 'RATED'
  /** 不予受理: refused, with a reason */
  | 'REJECTED'
  /** 已重启: the reporter was not satisfied */
  | 'REOPENED'
  /** 已办结: the handler says it is done */
  | 'RESOLVED'
  /** 已退回: back to the dispatcher, with a reason */
  | 'RETURNED'
  /** 已点单: submitted, waiting to be dispatched */
  | 'SUBMITTED';

export type ReviewWishInput = {
  /** true opens the wish to claims; false rejects it. */
  approve: boolean;
  id: string | number;
  /** Why, when rejecting. */
  note?: string | null | undefined;
};

/** A role a person holds in one area. */
export type RoleKind =
  /** An administrator of the area (a street’s or a district’s 管理员) */
  | 'ADMINISTRATOR'
  /** An auditor: reads the audit trail of the area (审计) */
  | 'AUDITOR'
  /** 楼长 */
  | 'BUILDING_HEAD'
  /** 社区“两委”成员 */
  | 'COMMUNITY_COMMITTEE_MEMBER'
  /** 第一书记 */
  | 'FIRST_SECRETARY'
  /** 网格长 */
  | 'GRID_HEAD'
  /** 网格民警 */
  | 'GRID_POLICE_OFFICER'
  /** 网格员 */
  | 'GRID_WORKER'
  /** 在职党员 registered with their home community (双报到) */
  | 'IN_SERVICE_PARTY_MEMBER'
  /** 调解员 */
  | 'MEDIATOR'
  /** 业主 */
  | 'OWNER'
  /** 党员 */
  | 'PARTY_MEMBER'
  /** Staff of the property company managing the compound (物业人员), as the company keeps them in step */
  | 'PROPERTY_STAFF'
  /** 居民 */
  | 'RESIDENT'
  /** 社工 */
  | 'SOCIAL_WORKER'
  /** 站长 */
  | 'STATION_HEAD'
  /** 志愿者 */
  | 'VOLUNTEER';

/** Narrows a list of stations; all given conditions must hold. */
export type StationFilter = {
  /** Only stations inside this box (the part of a map on screen). */
  boundingBox?: BoundingBoxInput | null | undefined;
  /** Only stations covering this grid. */
  coversGrid?: string | number | null | undefined;
  /** Name contains this text (case-insensitive). */
  nameContains?: string | null | undefined;
  /** true: only stations open now, by their own hours and time zone; false: only those closed now. */
  openNow?: boolean | null | undefined;
  /** Only stations offering this service. */
  service?: string | number | null | undefined;
  /** Only stations sitting in this area or below it. */
  within?: string | number | null | undefined;
};

/** A new request: yours, or (grid workers and dispatchers) a resident’s on their behalf. */
export type SubmitRequestInput = {
  address?: string | null | undefined;
  /** Let anyone with the tracking code see the address and the place. Default false. */
  addressPublic?: boolean | null | undefined;
  /** A category code from `requestCategories`. */
  category: string;
  description: string;
  /** The grid (网格), when known. */
  grid?: string | number | null | undefined;
  /** Where; the grid is found from it unless `grid` is given. */
  latitude?: number | null | undefined;
  longitude?: number | null | undefined;
  photoUrls?: Array<string> | null | undefined;
  /** The resident it is for; yourself when left out. */
  reporter?: string | number | null | undefined;
};

/** How a vote is decided. */
export type VoteRuleKind =
  /** 民法典278条一般事项: 2/3 of area and owners take part; more than half of each approves */
  | 'CIVIL_CODE_ORDINARY'
  /** 民法典278条第6-8项: 2/3 of area and owners take part; at least 3/4 of each approves */
  | 'CIVIL_CODE_SPECIAL'
  /** Thresholds of its own */
  | 'CUSTOM'
  /** 一键表决: more than half of the ballots cast, by headcount */
  | 'SIMPLE_MAJORITY';

/** What a wish asks for. */
export type WishCategory =
  /** 陪伴关爱 */
  | 'COMPANIONSHIP'
  /** 生活用品 */
  | 'DAILY_NEEDS'
  /** 医疗健康 */
  | 'HEALTH'
  /** 居家维修 */
  | 'HOME_REPAIR'
  /** 其他 */
  | 'OTHER'
  /** 学习用品、助学 */
  | 'STUDY';

/** Narrows a list of wishes; all given conditions must hold. */
export type WishFilter = {
  category?: Array<WishCategory> | null | undefined;
  state?: Array<WishState> | null | undefined;
  /** Only wishes of communities in this area or below it. */
  within?: string | number | null | undefined;
};

export type WishIdInput = {
  id: string | number;
};

/** Where a micro-wish is in its life. */
export type WishState =
  /** 已认领: a claimer is on it */
  | 'CLAIMED'
  /** 已点亮: confirmed by staff or the beneficiary */
  | 'CONFIRMED'
  /** 已过期: its wanted-by date passed unclaimed */
  | 'EXPIRED'
  /** 已完成: the claimer says it is done */
  | 'FULFILLED'
  /** 待认领: open to claim */
  | 'OPEN'
  /** 待审核: posted, waiting for community staff */
  | 'PENDING_REVIEW'
  /** 未通过: refused in review */
  | 'REJECTED'
  /** 已撤回 */
  | 'WITHDRAWN';

export type RequestFormSetupQueryVariables = Exact<{ [key: string]: never; }>;


export type RequestFormSetupQuery = { requestCategories: Array<{ code: string, name: string, nameEn: string }>, viewer: { id: string, roles: { nodes: Array<{ role: RoleKind, area: { id: string, kind: AreaKind, latitude: number | null, longitude: number | null, boundary: Array<{ latitude: number, longitude: number }> | null, ancestors: Array<{ id: string, kind: AreaKind, latitude: number | null, longitude: number | null, boundary: Array<{ latitude: number, longitude: number }> | null }> } }> } } | null };

export type RequestFormSubmitMutationVariables = Exact<{
  input: SubmitRequestInput;
}>;


export type RequestFormSubmitMutation = { submitRequest: { request: { id: string, trackingCode: string } | null, userErrors: Array<{ field: Array<string>, message: string, code: string }> } };

export type RequestTrackerSummaryFragment = { trackingCode: string, state: RequestState, level: RequestLevel, overdue: boolean, deadline: string | null, communityName: string, gridName: string, address: string | null, rating: number | null, submittedAt: string, yours: boolean, category: { code: string, name: string, nameEn: string }, steps: Array<{ move: string, toState: RequestState, level: RequestLevel, at: string }>, request: { id: string, resolvedAt: string | null, rating: number | null } | null };

export type RequestTrackerSummaryQueryVariables = Exact<{
  code: string;
}>;


export type RequestTrackerSummaryQuery = { requestByTrackingCode: { trackingCode: string, state: RequestState, level: RequestLevel, overdue: boolean, deadline: string | null, communityName: string, gridName: string, address: string | null, rating: number | null, submittedAt: string, yours: boolean, category: { code: string, name: string, nameEn: string }, steps: Array<{ move: string, toState: RequestState, level: RequestLevel, at: string }>, request: { id: string, resolvedAt: string | null, rating: number | null } | null } | null };

export type RequestTrackerPayloadFragment = { request: { id: string, state: RequestState, rating: number | null } | null, userErrors: Array<{ field: Array<string>, message: string, code: string }> };

export type RequestTrackerRateMutationVariables = Exact<{
  input: RateRequestInput;
}>;


export type RequestTrackerRateMutation = { rateRequest: { request: { id: string, state: RequestState, rating: number | null } | null, userErrors: Array<{ field: Array<string>, message: string, code: string }> } };

export type RequestTrackerReopenMutationVariables = Exact<{
  input: RequestReasonInput;
}>;


export type RequestTrackerReopenMutation = { reopenRequest: { request: { id: string, state: RequestState, rating: number | null } | null, userErrors: Array<{ field: Array<string>, message: string, code: string }> } };

export type RequestTrackerChangedSubscriptionVariables = Exact<{
  code: string;
}>;


export type RequestTrackerChangedSubscription = { requestChanged: { action: ChangeAction, request: { id: string, state: RequestState } | null } };

export type StationMapAreaQueryVariables = Exact<{
  area: string | number;
}>;


export type StationMapAreaQuery = { node:
    | { id: string, name: string, latitude: number | null, longitude: number | null, boundary: Array<{ latitude: number, longitude: number }> | null }
    | Record<PropertyKey, never>
   | null };

export type StationMapStationsQueryVariables = Exact<{
  filter?: StationFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type StationMapStationsQuery = { stations: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, name: string, address: string, latitude: number, longitude: number, phone: string | null, timeZone: string, openNow: boolean, openingHours: Array<{ weekday: number, opens: string, closes: string }>, services: { nodes: Array<{ id: string, name: string, nameEn: string, category: string }> } }> } };

export type StationMapStationFragment = { id: string, name: string, address: string, latitude: number, longitude: number, phone: string | null, timeZone: string, openNow: boolean, openingHours: Array<{ weekday: number, opens: string, closes: string }>, services: { nodes: Array<{ id: string, name: string, nameEn: string, category: string }> } };

export type VotingPanelMeasureFragment = { households: number, area: number, householdShare: number, areaShare: number, byHeadcountMet: boolean | null, byAreaMet: boolean | null };

export type VotingPanelTallyFragment = { rollHouseholds: number, rollArea: number, passes: boolean, final: boolean, participation: { households: number, area: number, householdShare: number, areaShare: number, byHeadcountMet: boolean | null, byAreaMet: boolean | null }, approval: { households: number, area: number, householdShare: number, areaShare: number, byHeadcountMet: boolean | null, byAreaMet: boolean | null }, against: { households: number, area: number, householdShare: number, areaShare: number, byHeadcountMet: boolean | null, byAreaMet: boolean | null }, abstain: { households: number, area: number, householdShare: number, areaShare: number, byHeadcountMet: boolean | null, byAreaMet: boolean | null } };

export type VotingPanelThresholdFragment = { strict: boolean, value: number, fraction: { numerator: number, denominator: number } };

export type VotingPanelOwnBallotFragment = { choice: BallotChoice | null, castAt: string | null, household: { id: string, name: string, parent: { name: string } | null } };

export type VotingPanelProgressFragment = { id: string, stage: ProposalStage, outcome: ProposalOutcome | null, decidedAt: string | null, ballotDigest: string | null, ballotCount: number | null, implementationReport: string | null };

export type VotingPanelMatterFragment = { title: string, text: string, attachmentUrls: Array<string>, matterType: MatterType, ruleKind: VoteRuleKind, ballotsChangeable: boolean, votingOpensAt: string, votingClosesAt: string, ruleDescription: string, id: string, stage: ProposalStage, outcome: ProposalOutcome | null, decidedAt: string | null, ballotDigest: string | null, ballotCount: number | null, implementationReport: string | null, scope: { id: string, name: string }, rule: { kind: VoteRuleKind, participationByArea: { strict: boolean, value: number, fraction: { numerator: number, denominator: number } } | null, participationByHeadcount: { strict: boolean, value: number, fraction: { numerator: number, denominator: number } } | null, approvalByArea: { strict: boolean, value: number, fraction: { numerator: number, denominator: number } } | null, approvalByHeadcount: { strict: boolean, value: number, fraction: { numerator: number, denominator: number } } | null }, tally: { rollHouseholds: number, rollArea: number, passes: boolean, final: boolean, participation: { households: number, area: number, householdShare: number, areaShare: number, byHeadcountMet: boolean | null, byAreaMet: boolean | null }, approval: { households: number, area: number, householdShare: number, areaShare: number, byHeadcountMet: boolean | null, byAreaMet: boolean | null }, against: { households: number, area: number, householdShare: number, areaShare: number, byHeadcountMet: boolean | null, byAreaMet: boolean | null }, abstain: { households: number, area: number, householdShare: number, areaShare: number, byHeadcountMet: boolean | null, byAreaMet: boolean | null } } | null, ownBallots: Array<{ choice: BallotChoice | null, castAt: string | null, household: { id: string, name: string, parent: { name: string } | null } }> };

export type VotingPanelProposalQueryVariables = Exact<{
  id: string | number;
  language: Language;
}>;


export type VotingPanelProposalQuery = { node:
    | { title: string, text: string, attachmentUrls: Array<string>, matterType: MatterType, ruleKind: VoteRuleKind, ballotsChangeable: boolean, votingOpensAt: string, votingClosesAt: string, ruleDescription: string, id: string, stage: ProposalStage, outcome: ProposalOutcome | null, decidedAt: string | null, ballotDigest: string | null, ballotCount: number | null, implementationReport: string | null, scope: { id: string, name: string }, rule: { kind: VoteRuleKind, participationByArea: { strict: boolean, value: number, fraction: { numerator: number, denominator: number } } | null, participationByHeadcount: { strict: boolean, value: number, fraction: { numerator: number, denominator: number } } | null, approvalByArea: { strict: boolean, value: number, fraction: { numerator: number, denominator: number } } | null, approvalByHeadcount: { strict: boolean, value: number, fraction: { numerator: number, denominator: number } } | null }, tally: { rollHouseholds: number, rollArea: number, passes: boolean, final: boolean, participation: { households: number, area: number, householdShare: number, areaShare: number, byHeadcountMet: boolean | null, byAreaMet: boolean | null }, approval: { households: number, area: number, householdShare: number, areaShare: number, byHeadcountMet: boolean | null, byAreaMet: boolean | null }, against: { households: number, area: number, householdShare: number, areaShare: number, byHeadcountMet: boolean | null, byAreaMet: boolean | null }, abstain: { households: number, area: number, householdShare: number, areaShare: number, byHeadcountMet: boolean | null, byAreaMet: boolean | null } } | null, ownBallots: Array<{ choice: BallotChoice | null, castAt: string | null, household: { id: string, name: string, parent: { name: string } | null } }> }
    | Record<PropertyKey, never>
   | null };

export type VotingPanelCastMutationVariables = Exact<{
  input: CastBallotInput;
}>;


export type VotingPanelCastMutation = { castBallot: { receipt: string | null, choice: BallotChoice | null, changed: boolean | null, userErrors: Array<{ field: Array<string>, message: string, code: string }>, proposal: { id: string, stage: ProposalStage, outcome: ProposalOutcome | null, decidedAt: string | null, ballotDigest: string | null, ballotCount: number | null, implementationReport: string | null, tally: { rollHouseholds: number, rollArea: number, passes: boolean, final: boolean, participation: { households: number, area: number, householdShare: number, areaShare: number, byHeadcountMet: boolean | null, byAreaMet: boolean | null }, approval: { households: number, area: number, householdShare: number, areaShare: number, byHeadcountMet: boolean | null, byAreaMet: boolean | null }, against: { households: number, area: number, householdShare: number, areaShare: number, byHeadcountMet: boolean | null, byAreaMet: boolean | null }, abstain: { households: number, area: number, householdShare: number, areaShare: number, byHeadcountMet: boolean | null, byAreaMet: boolean | null } } | null, ownBallots: Array<{ choice: BallotChoice | null, castAt: string | null, household: { id: string, name: string, parent: { name: string } | null } }> } | null } };

export type VotingPanelReceiptQueryVariables = Exact<{
  proposal: string | number;
  receipt: string;
}>;


export type VotingPanelReceiptQuery = { verifyReceipt: { counted: boolean, choice: BallotChoice | null, position: number | null, receiptHash: string, ballotDigest: string | null } | null };

export type VotingPanelTallyChangedSubscriptionVariables = Exact<{
  proposal: string | number;
}>;


export type VotingPanelTallyChangedSubscription = { tallyChanged: { proposal: { id: string, stage: ProposalStage, outcome: ProposalOutcome | null, decidedAt: string | null, ballotDigest: string | null, ballotCount: number | null, implementationReport: string | null }, tally: { rollHouseholds: number, rollArea: number, passes: boolean, final: boolean, participation: { households: number, area: number, householdShare: number, areaShare: number, byHeadcountMet: boolean | null, byAreaMet: boolean | null }, approval: { households: number, area: number, householdShare: number, areaShare: number, byHeadcountMet: boolean | null, byAreaMet: boolean | null }, against: { households: number, area: number, householdShare: number, areaShare: number, byHeadcountMet: boolean | null, byAreaMet: boolean | null }, abstain: { households: number, area: number, householdShare: number, areaShare: number, byHeadcountMet: boolean | null, byAreaMet: boolean | null } } | null } };

export type WishBoardWishFragment = { id: string, title: string, story: string, category: WishCategory, beneficiaryKind: BeneficiaryKind, beneficiaryName: string, claimerName: string | null, estimatedCost: number | null, wantedBy: string | null, state: WishState, claimDeadline: string | null, fulfilmentNote: string | null, confirmedAt: string | null, createdAt: string, claimedFor: { id: string, name: string } | null, community: { id: string, name: string }, grid: { id: string, name: string } | null };

export type WishBoardWishesQueryVariables = Exact<{
  filter?: WishFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type WishBoardWishesQuery = { wishes: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, title: string, story: string, category: WishCategory, beneficiaryKind: BeneficiaryKind, beneficiaryName: string, claimerName: string | null, estimatedCost: number | null, wantedBy: string | null, state: WishState, claimDeadline: string | null, fulfilmentNote: string | null, confirmedAt: string | null, createdAt: string, claimedFor: { id: string, name: string } | null, community: { id: string, name: string }, grid: { id: string, name: string } | null }> } };

export type WishBoardProgressQueryVariables = Exact<{
  area?: string | number | null | undefined;
}>;


export type WishBoardProgressQuery = { lit: { totalCount: number }, public: { totalCount: number } };

export type WishBoardViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type WishBoardViewerQuery = { viewer: { id: string, roles: { nodes: Array<{ role: RoleKind, startsOn: unknown, endsOn: unknown, area: { id: string, kind: AreaKind, ancestors: Array<{ id: string }> }, organization: { id: string, name: string } | null }> } } | null };

export type WishBoardPeopleQueryVariables = Exact<{
  within: string | number;
  name: string;
}>;


export type WishBoardPeopleQuery = { people: { nodes: Array<{ id: string, name: string, roles: { nodes: Array<{ role: RoleKind, area: { name: string, parent: { name: string } | null } }> } }> } };

export type WishBoardPayloadFragment = { wish: { id: string, title: string, story: string, category: WishCategory, beneficiaryKind: BeneficiaryKind, beneficiaryName: string, claimerName: string | null, estimatedCost: number | null, wantedBy: string | null, state: WishState, claimDeadline: string | null, fulfilmentNote: string | null, confirmedAt: string | null, createdAt: string, claimedFor: { id: string, name: string } | null, community: { id: string, name: string }, grid: { id: string, name: string } | null } | null, userErrors: Array<{ field: Array<string>, message: string, code: string }> };

export type WishBoardPostMutationVariables = Exact<{
  input: PostWishInput;
}>;


export type WishBoardPostMutation = { postWish: { wish: { id: string, title: string, story: string, category: WishCategory, beneficiaryKind: BeneficiaryKind, beneficiaryName: string, claimerName: string | null, estimatedCost: number | null, wantedBy: string | null, state: WishState, claimDeadline: string | null, fulfilmentNote: string | null, confirmedAt: string | null, createdAt: string, claimedFor: { id: string, name: string } | null, community: { id: string, name: string }, grid: { id: string, name: string } | null } | null, userErrors: Array<{ field: Array<string>, message: string, code: string }> } };

export type WishBoardReviewMutationVariables = Exact<{
  input: ReviewWishInput;
}>;


export type WishBoardReviewMutation = { reviewWish: { wish: { id: string, title: string, story: string, category: WishCategory, beneficiaryKind: BeneficiaryKind, beneficiaryName: string, claimerName: string | null, estimatedCost: number | null, wantedBy: string | null, state: WishState, claimDeadline: string | null, fulfilmentNote: string | null, confirmedAt: string | null, createdAt: string, claimedFor: { id: string, name: string } | null, community: { id: string, name: string }, grid: { id: string, name: string } | null } | null, userErrors: Array<{ field: Array<string>, message: string, code: string }> } };

export type WishBoardClaimMutationVariables = Exact<{
  input: ClaimWishInput;
}>;


export type WishBoardClaimMutation = { claimWish: { wish: { id: string, title: string, story: string, category: WishCategory, beneficiaryKind: BeneficiaryKind, beneficiaryName: string, claimerName: string | null, estimatedCost: number | null, wantedBy: string | null, state: WishState, claimDeadline: string | null, fulfilmentNote: string | null, confirmedAt: string | null, createdAt: string, claimedFor: { id: string, name: string } | null, community: { id: string, name: string }, grid: { id: string, name: string } | null } | null, userErrors: Array<{ field: Array<string>, message: string, code: string }> } };

export type WishBoardConfirmMutationVariables = Exact<{
  input: WishIdInput;
}>;


export type WishBoardConfirmMutation = { confirmWish: { wish: { id: string, title: string, story: string, category: WishCategory, beneficiaryKind: BeneficiaryKind, beneficiaryName: string, claimerName: string | null, estimatedCost: number | null, wantedBy: string | null, state: WishState, claimDeadline: string | null, fulfilmentNote: string | null, confirmedAt: string | null, createdAt: string, claimedFor: { id: string, name: string } | null, community: { id: string, name: string }, grid: { id: string, name: string } | null } | null, userErrors: Array<{ field: Array<string>, message: string, code: string }> } };

export type WishBoardChangedSubscriptionVariables = Exact<{
  within?: string | number | null | undefined;
}>;


export type WishBoardChangedSubscription = { wishChanged: { action: ChangeAction, wish: { id: string, title: string, story: string, category: WishCategory, beneficiaryKind: BeneficiaryKind, beneficiaryName: string, claimerName: string | null, estimatedCost: number | null, wantedBy: string | null, state: WishState, claimDeadline: string | null, fulfilmentNote: string | null, confirmedAt: string | null, createdAt: string, claimedFor: { id: string, name: string } | null, community: { id: string, name: string }, grid: { id: string, name: string } | null } | null } };

export type WishBoardCommunitiesQueryVariables = Exact<{
  area: string | number;
}>;


export type WishBoardCommunitiesQuery = { node:
    | { id: string, name: string, kind: AreaKind, ancestors: Array<{ id: string }> }
    | Record<PropertyKey, never>
   | null, areas: { nodes: Array<{ id: string, name: string, ancestors: Array<{ id: string }> }> } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const RequestTrackerSummaryFragmentDoc = new TypedDocumentString(`
    fragment RequestTrackerSummary on RequestSummary {
  trackingCode
  category {
    code
    name
    nameEn
  }
  state
  level
  overdue
  deadline
  communityName
  gridName
  address
  rating
  submittedAt
  steps {
    move
    toState
    level
    at
  }
  yours
  request {
    id
    resolvedAt
    rating
  }
}
    `, {"fragmentName":"RequestTrackerSummary"}) as unknown as TypedDocumentString<RequestTrackerSummaryFragment, unknown>;
export const RequestTrackerPayloadFragmentDoc = new TypedDocumentString(`
    fragment RequestTrackerPayload on RequestPayload {
  request {
    id
    state
    rating
  }
  userErrors {
    field
    message
    code
  }
}
    `, {"fragmentName":"RequestTrackerPayload"}) as unknown as TypedDocumentString<RequestTrackerPayloadFragment, unknown>;
export const StationMapStationFragmentDoc = new TypedDocumentString(`
    fragment StationMapStation on Station {
  id
  name
  address
  latitude
  longitude
  phone
  timeZone
  openNow
  openingHours {
    weekday
    opens
    closes
  }
  services(first: 50) {
    nodes {
      id
      name
      nameEn
      category
    }
  }
}
    `, {"fragmentName":"StationMapStation"}) as unknown as TypedDocumentString<StationMapStationFragment, unknown>;
export const VotingPanelProgressFragmentDoc = new TypedDocumentString(`
    fragment VotingPanelProgress on Proposal {
  id
  stage
  outcome
  decidedAt
  ballotDigest
  ballotCount
  implementationReport
}
    `, {"fragmentName":"VotingPanelProgress"}) as unknown as TypedDocumentString<VotingPanelProgressFragment, unknown>;
export const VotingPanelThresholdFragmentDoc = new TypedDocumentString(`
    fragment VotingPanelThreshold on Threshold {
  fraction {
    numerator
    denominator
  }
  strict
  value
}
    `, {"fragmentName":"VotingPanelThreshold"}) as unknown as TypedDocumentString<VotingPanelThresholdFragment, unknown>;
export const VotingPanelMeasureFragmentDoc = new TypedDocumentString(`
    fragment VotingPanelMeasure on TallyMeasure {
  households
  area
  householdShare
  areaShare
  byHeadcountMet
  byAreaMet
}
    `, {"fragmentName":"VotingPanelMeasure"}) as unknown as TypedDocumentString<VotingPanelMeasureFragment, unknown>;
export const VotingPanelTallyFragmentDoc = new TypedDocumentString(`
    fragment VotingPanelTally on ProposalTally {
  rollHouseholds
  rollArea
  participation {
    ...VotingPanelMeasure
  }
  approval {
    ...VotingPanelMeasure
  }
  against {
    ...VotingPanelMeasure
  }
  abstain {
    ...VotingPanelMeasure
  }
  passes
  final
}
    fragment VotingPanelMeasure on TallyMeasure {
  households
  area
  householdShare
  areaShare
  byHeadcountMet
  byAreaMet
}`, {"fragmentName":"VotingPanelTally"}) as unknown as TypedDocumentString<VotingPanelTallyFragment, unknown>;
export const VotingPanelOwnBallotFragmentDoc = new TypedDocumentString(`
    fragment VotingPanelOwnBallot on OwnBallot {
  household {
    id
    name
    parent {
      name
    }
  }
  choice
  castAt
}
    `, {"fragmentName":"VotingPanelOwnBallot"}) as unknown as TypedDocumentString<VotingPanelOwnBallotFragment, unknown>;
export const VotingPanelMatterFragmentDoc = new TypedDocumentString(`
    fragment VotingPanelMatter on Proposal {
  ...VotingPanelProgress
  title
  text
  attachmentUrls
  matterType
  ruleKind
  ballotsChangeable
  votingOpensAt
  votingClosesAt
  scope {
    id
    name
  }
  rule {
    kind
    participationByArea {
      ...VotingPanelThreshold
    }
    participationByHeadcount {
      ...VotingPanelThreshold
    }
    approvalByArea {
      ...VotingPanelThreshold
    }
    approvalByHeadcount {
      ...VotingPanelThreshold
    }
  }
  ruleDescription(language: $language)
  tally {
    ...VotingPanelTally
  }
  ownBallots {
    ...VotingPanelOwnBallot
  }
}
    fragment VotingPanelMeasure on TallyMeasure {
  households
  area
  householdShare
  areaShare
  byHeadcountMet
  byAreaMet
}
fragment VotingPanelTally on ProposalTally {
  rollHouseholds
  rollArea
  participation {
    ...VotingPanelMeasure
  }
  approval {
    ...VotingPanelMeasure
  }
  against {
    ...VotingPanelMeasure
  }
  abstain {
    ...VotingPanelMeasure
  }
  passes
  final
}
fragment VotingPanelThreshold on Threshold {
  fraction {
    numerator
    denominator
  }
  strict
  value
}
fragment VotingPanelOwnBallot on OwnBallot {
  household {
    id
    name
    parent {
      name
    }
  }
  choice
  castAt
}
fragment VotingPanelProgress on Proposal {
  id
  stage
  outcome
  decidedAt
  ballotDigest
  ballotCount
  implementationReport
}`, {"fragmentName":"VotingPanelMatter"}) as unknown as TypedDocumentString<VotingPanelMatterFragment, unknown>;
export const WishBoardWishFragmentDoc = new TypedDocumentString(`
    fragment WishBoardWish on Wish {
  id
  title
  story
  category
  beneficiaryKind
  beneficiaryName
  claimerName
  claimedFor {
    id
    name
  }
  estimatedCost
  wantedBy
  state
  claimDeadline
  fulfilmentNote
  confirmedAt
  createdAt
  community {
    id
    name
  }
  grid {
    id
    name
  }
}
    `, {"fragmentName":"WishBoardWish"}) as unknown as TypedDocumentString<WishBoardWishFragment, unknown>;
export const WishBoardPayloadFragmentDoc = new TypedDocumentString(`
    fragment WishBoardPayload on WishPayload {
  wish {
    ...WishBoardWish
  }
  userErrors {
    field
    message
    code
  }
}
    fragment WishBoardWish on Wish {
  id
  title
  story
  category
  beneficiaryKind
  beneficiaryName
  claimerName
  claimedFor {
    id
    name
  }
  estimatedCost
  wantedBy
  state
  claimDeadline
  fulfilmentNote
  confirmedAt
  createdAt
  community {
    id
    name
  }
  grid {
    id
    name
  }
}`, {"fragmentName":"WishBoardPayload"}) as unknown as TypedDocumentString<WishBoardPayloadFragment, unknown>;
export const RequestFormSetupDocument = new TypedDocumentString(`
    query RequestFormSetup {
  requestCategories {
    code
    name
    nameEn
  }
  viewer {
    id
    roles(first: 20) {
      nodes {
        role
        area {
          id
          kind
          latitude
          longitude
          boundary {
            latitude
            longitude
          }
          ancestors {
            id
            kind
            latitude
            longitude
            boundary {
              latitude
              longitude
            }
          }
        }
      }
    }
  }
}
    `, {"hash":"sha256:0ba47876966cd824d8642275b5a17b967b3d42f772d1973f7a6d52cfec709e85"}) as unknown as TypedDocumentString<RequestFormSetupQuery, RequestFormSetupQueryVariables>;
export const RequestFormSubmitDocument = new TypedDocumentString(`
    mutation RequestFormSubmit($input: SubmitRequestInput!) {
  submitRequest(input: $input) {
    request {
      id
      trackingCode
    }
    userErrors {
      field
      message
      code
    }
  }
}
    `, {"hash":"sha256:16c29647b5f40fb80bd21247a373ad3e7868136fd1765875d2dde7d25f480663"}) as unknown as TypedDocumentString<RequestFormSubmitMutation, RequestFormSubmitMutationVariables>;
export const RequestTrackerSummaryDocument = new TypedDocumentString(`
    query RequestTrackerSummary($code: String!) {
  requestByTrackingCode(trackingCode: $code) {
    ...RequestTrackerSummary
  }
}
    fragment RequestTrackerSummary on RequestSummary {
  trackingCode
  category {
    code
    name
    nameEn
  }
  state
  level
  overdue
  deadline
  communityName
  gridName
  address
  rating
  submittedAt
  steps {
    move
    toState
    level
    at
  }
  yours
  request {
    id
    resolvedAt
    rating
  }
}`, {"hash":"sha256:b9fd3cd46008f7d66629a1eead9bbc3c80d36f51d9000d71bfd81371fc1baa3a"}) as unknown as TypedDocumentString<RequestTrackerSummaryQuery, RequestTrackerSummaryQueryVariables>;
export const RequestTrackerRateDocument = new TypedDocumentString(`
    mutation RequestTrackerRate($input: RateRequestInput!) {
  rateRequest(input: $input) {
    ...RequestTrackerPayload
  }
}
    fragment RequestTrackerPayload on RequestPayload {
  request {
    id
    state
    rating
  }
  userErrors {
    field
    message
    code
  }
}`, {"hash":"sha256:9a26b2cecd92b8dc95bdedfa202b34d3bdc1cacc434b8211040090de99a697f7"}) as unknown as TypedDocumentString<RequestTrackerRateMutation, RequestTrackerRateMutationVariables>;
export const RequestTrackerReopenDocument = new TypedDocumentString(`
    mutation RequestTrackerReopen($input: RequestReasonInput!) {
  reopenRequest(input: $input) {
    ...RequestTrackerPayload
  }
}
    fragment RequestTrackerPayload on RequestPayload {
  request {
    id
    state
    rating
  }
  userErrors {
    field
    message
    code
  }
}`, {"hash":"sha256:46445789a073b2517f7824bd66f24f5036a3e2c5cbd56822d07baad06a227127"}) as unknown as TypedDocumentString<RequestTrackerReopenMutation, RequestTrackerReopenMutationVariables>;
export const RequestTrackerChangedDocument = new TypedDocumentString(`
    subscription RequestTrackerChanged($code: String!) {
  requestChanged(trackingCode: $code) {
    action
    request {
      id
      state
    }
  }
}
    `, {"hash":"sha256:bd67385f346de2f289254798e98e775aa158a6c94e65543ea483868552043402"}) as unknown as TypedDocumentString<RequestTrackerChangedSubscription, RequestTrackerChangedSubscriptionVariables>;
export const StationMapAreaDocument = new TypedDocumentString(`
    query StationMapArea($area: ID!) {
  node(id: $area) {
    ... on Area {
      id
      name
      latitude
      longitude
      boundary {
        latitude
        longitude
      }
    }
  }
}
    `, {"hash":"sha256:dc6b3ffade724a3118b5555cfcc7f206a9b0cdc14fc843f5a6eb52d674358145"}) as unknown as TypedDocumentString<StationMapAreaQuery, StationMapAreaQueryVariables>;
export const StationMapStationsDocument = new TypedDocumentString(`
    query StationMapStations($filter: StationFilter, $first: Int, $after: String) {
  stations(filter: $filter, first: $first, after: $after, orderBy: {field: NAME}) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      ...StationMapStation
    }
  }
}
    fragment StationMapStation on Station {
  id
  name
  address
  latitude
  longitude
  phone
  timeZone
  openNow
  openingHours {
    weekday
    opens
    closes
  }
  services(first: 50) {
    nodes {
      id
      name
      nameEn
      category
    }
  }
}`, {"hash":"sha256:c850be025d35135599572e2b32872333329ba76d14ef0f0d9ce60ce2f3645734"}) as unknown as TypedDocumentString<StationMapStationsQuery, StationMapStationsQueryVariables>;
export const VotingPanelProposalDocument = new TypedDocumentString(`
    query VotingPanelProposal($id: ID!, $language: Language!) {
  node(id: $id) {
    ... on Proposal {
      ...VotingPanelMatter
    }
  }
}
    fragment VotingPanelMeasure on TallyMeasure {
  households
  area
  householdShare
  areaShare
  byHeadcountMet
  byAreaMet
}
fragment VotingPanelTally on ProposalTally {
  rollHouseholds
  rollArea
  participation {
    ...VotingPanelMeasure
  }
  approval {
    ...VotingPanelMeasure
  }
  against {
    ...VotingPanelMeasure
  }
  abstain {
    ...VotingPanelMeasure
  }
  passes
  final
}
fragment VotingPanelThreshold on Threshold {
  fraction {
    numerator
    denominator
  }
  strict
  value
}
fragment VotingPanelOwnBallot on OwnBallot {
  household {
    id
    name
    parent {
      name
    }
  }
  choice
  castAt
}
fragment VotingPanelProgress on Proposal {
  id
  stage
  outcome
  decidedAt
  ballotDigest
  ballotCount
  implementationReport
}
fragment VotingPanelMatter on Proposal {
  ...VotingPanelProgress
  title
  text
  attachmentUrls
  matterType
  ruleKind
  ballotsChangeable
  votingOpensAt
  votingClosesAt
  scope {
    id
    name
  }
  rule {
    kind
    participationByArea {
      ...VotingPanelThreshold
    }
    participationByHeadcount {
      ...VotingPanelThreshold
    }
    approvalByArea {
      ...VotingPanelThreshold
    }
    approvalByHeadcount {
      ...VotingPanelThreshold
    }
  }
  ruleDescription(language: $language)
  tally {
    ...VotingPanelTally
  }
  ownBallots {
    ...VotingPanelOwnBallot
  }
}`, {"hash":"sha256:2f21e071eb8f4c8964a36de310b5e22602071886006ac6abd4d914b70743df0b"}) as unknown as TypedDocumentString<VotingPanelProposalQuery, VotingPanelProposalQueryVariables>;
export const VotingPanelCastDocument = new TypedDocumentString(`
    mutation VotingPanelCast($input: CastBallotInput!) {
  castBallot(input: $input) {
    receipt
    choice
    changed
    userErrors {
      field
      message
      code
    }
    proposal {
      ...VotingPanelProgress
      tally {
        ...VotingPanelTally
      }
      ownBallots {
        ...VotingPanelOwnBallot
      }
    }
  }
}
    fragment VotingPanelMeasure on TallyMeasure {
  households
  area
  householdShare
  areaShare
  byHeadcountMet
  byAreaMet
}
fragment VotingPanelTally on ProposalTally {
  rollHouseholds
  rollArea
  participation {
    ...VotingPanelMeasure
  }
  approval {
    ...VotingPanelMeasure
  }
  against {
    ...VotingPanelMeasure
  }
  abstain {
    ...VotingPanelMeasure
  }
  passes
  final
}
fragment VotingPanelOwnBallot on OwnBallot {
  household {
    id
    name
    parent {
      name
    }
  }
  choice
  castAt
}
fragment VotingPanelProgress on Proposal {
  id
  stage
  outcome
  decidedAt
  ballotDigest
  ballotCount
  implementationReport
}`, {"hash":"sha256:7bb74b7e6dd778039e591d2cbc393dd29979bb55639349c5f0ab6007c4d23bfe"}) as unknown as TypedDocumentString<VotingPanelCastMutation, VotingPanelCastMutationVariables>;
export const VotingPanelReceiptDocument = new TypedDocumentString(`
    query VotingPanelReceipt($proposal: ID!, $receipt: String!) {
  verifyReceipt(proposal: $proposal, receipt: $receipt) {
    counted
    choice
    position
    receiptHash
    ballotDigest
  }
}
    `, {"hash":"sha256:94a957676abbb832e29024c3ea1b16e27ebfd110030df9240679365e3044621c"}) as unknown as TypedDocumentString<VotingPanelReceiptQuery, VotingPanelReceiptQueryVariables>;
export const VotingPanelTallyChangedDocument = new TypedDocumentString(`
    subscription VotingPanelTallyChanged($proposal: ID!) {
  tallyChanged(proposal: $proposal) {
    proposal {
      ...VotingPanelProgress
    }
    tally {
      ...VotingPanelTally
    }
  }
}
    fragment VotingPanelMeasure on TallyMeasure {
  households
  area
  householdShare
  areaShare
  byHeadcountMet
  byAreaMet
}
fragment VotingPanelTally on ProposalTally {
  rollHouseholds
  rollArea
  participation {
    ...VotingPanelMeasure
  }
  approval {
    ...VotingPanelMeasure
  }
  against {
    ...VotingPanelMeasure
  }
  abstain {
    ...VotingPanelMeasure
  }
  passes
  final
}
fragment VotingPanelProgress on Proposal {
  id
  stage
  outcome
  decidedAt
  ballotDigest
  ballotCount
  implementationReport
}`, {"hash":"sha256:fb7852748c8ca17e7401251328c7d7bbf6f58c1918e86d9037a967b6f18a80ce"}) as unknown as TypedDocumentString<VotingPanelTallyChangedSubscription, VotingPanelTallyChangedSubscriptionVariables>;
export const WishBoardWishesDocument = new TypedDocumentString(`
    query WishBoardWishes($filter: WishFilter, $first: Int, $after: String) {
  wishes(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      ...WishBoardWish
    }
  }
}
    fragment WishBoardWish on Wish {
  id
  title
  story
  category
  beneficiaryKind
  beneficiaryName
  claimerName
  claimedFor {
    id
    name
  }
  estimatedCost
  wantedBy
  state
  claimDeadline
  fulfilmentNote
  confirmedAt
  createdAt
  community {
    id
    name
  }
  grid {
    id
    name
  }
}`, {"hash":"sha256:e1ac935df6a1ce972d8e0172422c7fa335b2b9c6d00b3c48ed2c038ff8b2086b"}) as unknown as TypedDocumentString<WishBoardWishesQuery, WishBoardWishesQueryVariables>;
export const WishBoardProgressDocument = new TypedDocumentString(`
    query WishBoardProgress($area: ID) {
  lit: wishes(filter: {within: $area, state: [CONFIRMED]}, first: 0) {
    totalCount
  }
  public: wishes(
    filter: {within: $area, state: [OPEN, CLAIMED, FULFILLED, CONFIRMED]}
    first: 0
  ) {
    totalCount
  }
}
    `, {"hash":"sha256:b3a1f27cf63ed172368238b71bfffb19c7c68f4b69d2b43b16f6a05f2076dbd2"}) as unknown as TypedDocumentString<WishBoardProgressQuery, WishBoardProgressQueryVariables>;
export const WishBoardViewerDocument = new TypedDocumentString(`
    query WishBoardViewer {
  viewer {
    id
    roles(first: 50) {
      nodes {
        role
        startsOn
        endsOn
        area {
          id
          kind
          ancestors {
            id
          }
        }
        organization {
          id
          name
        }
      }
    }
  }
}
    `, {"hash":"sha256:81e34280831ce7dadc17e243d0af4571df0ba3a5717f0a8a744164e29ae7c753"}) as unknown as TypedDocumentString<WishBoardViewerQuery, WishBoardViewerQueryVariables>;
export const WishBoardPeopleDocument = new TypedDocumentString(`
    query WishBoardPeople($within: ID!, $name: String!) {
  people(
    first: 10
    filter: {within: $within, nameContains: $name, role: [OWNER, RESIDENT]}
  ) {
    nodes {
      id
      name
      roles(first: 5) {
        nodes {
          role
          area {
            name
            parent {
              name
            }
          }
        }
      }
    }
  }
}
    `, {"hash":"sha256:67de59830e344df4b3e51fd8efb032f24882bc78cca41879df10db59a88170a0"}) as unknown as TypedDocumentString<WishBoardPeopleQuery, WishBoardPeopleQueryVariables>;
export const WishBoardPostDocument = new TypedDocumentString(`
    mutation WishBoardPost($input: PostWishInput!) {
  postWish(input: $input) {
    ...WishBoardPayload
  }
}
    fragment WishBoardWish on Wish {
  id
  title
  story
  category
  beneficiaryKind
  beneficiaryName
  claimerName
  claimedFor {
    id
    name
  }
  estimatedCost
  wantedBy
  state
  claimDeadline
  fulfilmentNote
  confirmedAt
  createdAt
  community {
    id
    name
  }
  grid {
    id
    name
  }
}
fragment WishBoardPayload on WishPayload {
  wish {
    ...WishBoardWish
  }
  userErrors {
    field
    message
    code
  }
}`, {"hash":"sha256:7316fa0e72c6fb0800cc10ebeaf4b9b5798beb6aab80f479f170e3c52e1b972b"}) as unknown as TypedDocumentString<WishBoardPostMutation, WishBoardPostMutationVariables>;
export const WishBoardReviewDocument = new TypedDocumentString(`
    mutation WishBoardReview($input: ReviewWishInput!) {
  reviewWish(input: $input) {
    ...WishBoardPayload
  }
}
    fragment WishBoardWish on Wish {
  id
  title
  story
  category
  beneficiaryKind
  beneficiaryName
  claimerName
  claimedFor {
    id
    name
  }
  estimatedCost
  wantedBy
  state
  claimDeadline
  fulfilmentNote
  confirmedAt
  createdAt
  community {
    id
    name
  }
  grid {
    id
    name
  }
}
fragment WishBoardPayload on WishPayload {
  wish {
    ...WishBoardWish
  }
  userErrors {
    field
    message
    code
  }
}`, {"hash":"sha256:4d74c4f1978b7453c949fa836dbdbbd3355f83b902c7289db1bfbd868e74349b"}) as unknown as TypedDocumentString<WishBoardReviewMutation, WishBoardReviewMutationVariables>;
export const WishBoardClaimDocument = new TypedDocumentString(`
    mutation WishBoardClaim($input: ClaimWishInput!) {
  claimWish(input: $input) {
    ...WishBoardPayload
  }
}
    fragment WishBoardWish on Wish {
  id
  title
  story
  category
  beneficiaryKind
  beneficiaryName
  claimerName
  claimedFor {
    id
    name
  }
  estimatedCost
  wantedBy
  state
  claimDeadline
  fulfilmentNote
  confirmedAt
  createdAt
  community {
    id
    name
  }
  grid {
    id
    name
  }
}
fragment WishBoardPayload on WishPayload {
  wish {
    ...WishBoardWish
  }
  userErrors {
    field
    message
    code
  }
}`, {"hash":"sha256:29daceef380fbbbac848fd0afa73303972fb202abf7e787366e28c4ef63a6417"}) as unknown as TypedDocumentString<WishBoardClaimMutation, WishBoardClaimMutationVariables>;
export const WishBoardConfirmDocument = new TypedDocumentString(`
    mutation WishBoardConfirm($input: WishIdInput!) {
  confirmWish(input: $input) {
    ...WishBoardPayload
  }
}
    fragment WishBoardWish on Wish {
  id
  title
  story
  category
  beneficiaryKind
  beneficiaryName
  claimerName
  claimedFor {
    id
    name
  }
  estimatedCost
  wantedBy
  state
  claimDeadline
  fulfilmentNote
  confirmedAt
  createdAt
  community {
    id
    name
  }
  grid {
    id
    name
  }
}
fragment WishBoardPayload on WishPayload {
  wish {
    ...WishBoardWish
  }
  userErrors {
    field
    message
    code
  }
}`, {"hash":"sha256:e77dc3c342ccddd6d1e889eb95d27ceb3e8ce6ad2b26352a6bc3b5bca7a978d5"}) as unknown as TypedDocumentString<WishBoardConfirmMutation, WishBoardConfirmMutationVariables>;
export const WishBoardChangedDocument = new TypedDocumentString(`
    subscription WishBoardChanged($within: ID) {
  wishChanged(within: $within) {
    action
    wish {
      ...WishBoardWish
    }
  }
}
    fragment WishBoardWish on Wish {
  id
  title
  story
  category
  beneficiaryKind
  beneficiaryName
  claimerName
  claimedFor {
    id
    name
  }
  estimatedCost
  wantedBy
  state
  claimDeadline
  fulfilmentNote
  confirmedAt
  createdAt
  community {
    id
    name
  }
  grid {
    id
    name
  }
}`, {"hash":"sha256:d295458592aa4c09393f895e6de83e1090662713b0bec58c3ece7215b8566f20"}) as unknown as TypedDocumentString<WishBoardChangedSubscription, WishBoardChangedSubscriptionVariables>;
export const WishBoardCommunitiesDocument = new TypedDocumentString(`
    query WishBoardCommunities($area: ID!) {
  node(id: $area) {
    ... on Area {
      id
      name
      kind
      ancestors {
        id
      }
    }
  }
  areas(filter: {kind: [COMMUNITY], within: $area}, first: 100) {
    nodes {
      id
      name
      ancestors {
        id
      }
    }
  }
}
    `, {"hash":"sha256:198b4698c2fe2d3d9546da00d06985b1cd39ed8e5030b55f4a0594716c75e142"}) as unknown as TypedDocumentString<WishBoardCommunitiesQuery, WishBoardCommunitiesQueryVariables>;