import type { Faker } from '@faker-js/faker';
import type { RequiredEntityData } from '@mikro-orm/core';
import type { Notice } from '../modules/notices/notice.entity.js';
import { chainLink, genesisOf, receiptHashOf } from '../modules/votes/ballot.service.js';
import type {
  Ballot,
  BallotChoice,
  ClosedTally,
  MatterType,
  Proposal,
  ProposalStage,
  VoterRollEntry,
} from '../modules/votes/proposal.entity.js';
import { ruleOf, tally } from '../modules/votes/vote.rules.js';

const DAY = 86_400_000;

/** A compound whose every household has an owner on record: where the demo's votes are held. */
export interface VotingCompound {
  id: number;
  name: string;
  /** Its households: id, exclusive floor area in m², the owner's person id. */
  households: { id: number; floorArea: number; owner: number }[];
  /** A community committee member: proposes and publishes. */
  staff: number;
}

export interface VoteRows {
  proposals: RequiredEntityData<Proposal>[];
  roll: RequiredEntityData<VoterRollEntry>[];
  ballots: RequiredEntityData<Ballot>[];
  notices: RequiredEntityData<Notice>[];
}

interface Plan {
  title: string;
  text: string;
  matterType: MatterType;
  kind: 'CIVIL_CODE_ORDINARY' | 'CIVIL_CODE_SPECIAL';
  stage: ProposalStage;
  /** Days from the day of seeding: voting opens, voting closes. */
  opens: number;
  closes: number;
  /** Share of the households that voted, and the mix of their choices. */
  turnout: number;
  forShare: number;
}

/** Three matters of the first compound with owners on record: one decided and published, one voting now, one in its notice period. */
const PLANS: Plan[] = [
  {
    title: '使用专项维修资金维修屋面防水',
    text: '3号楼、5号楼屋面渗漏，拟使用专项维修资金约18万元进行防水维修，施工单位经公开比选确定。',
    matterType: 'MAINTENANCE_FUND_USE',
    kind: 'CIVIL_CODE_ORDINARY',
    stage: 'RESULT_PUBLISHED',
    opens: -40,
    closes: -33,
    turnout: 0.82,
    forShare: 0.74,
  },
  {
    title: '选聘红心物业为小区物业服务企业',
    text: '原物业服务合同将于年底到期。业主委员会经公开招标，拟选聘红心物业提供物业服务，服务费标准不变。',
    matterType: 'PROPERTY_COMPANY_HIRING',
    kind: 'CIVIL_CODE_ORDINARY',
    stage: 'VOTING',
    opens: -3,
    closes: 4,
    turnout: 0.58,
    forShare: 0.66,
  },
  {
    title: '利用地面停车位增设电动自行车充电桩',
    text: '拟将小区东侧部分地面停车位改建为电动自行车集中充电区，涉及改变共有部分用途，需经专有部分面积四分之三以上且人数四分之三以上的参与表决业主同意。',
    matterType: 'COMMON_PARTS_USE_CHANGE',
    kind: 'CIVIL_CODE_SPECIAL',
    stage: 'NOTICE_PERIOD',
    opens: 2,
    closes: 9,
    turnout: 0,
    forShare: 0,
  },
];

/**
 * The demo's votes: proposals of one compound at three stages, the roll frozen where voting has
 * opened, ballots drawn with `faker`, the decided one's result and digest computed as a real close
 * would, and the notices each published. Receipts are derived, not kept: the demo's owners never had them.
 */
export function draftVotes(
  faker: Faker,
  day: Date,
  compound: VotingCompound,
  ids: { proposal: () => number; ballot: () => number; notice: () => number },
): VoteRows {
  const rows: VoteRows = { proposals: [], roll: [], ballots: [], notices: [] };
  for (const plan of PLANS) {
    const id = ids.proposal();
    const opensAt = new Date(day.getTime() + plan.opens * DAY + 9 * 3_600_000);
    const closesAt = new Date(day.getTime() + plan.closes * DAY + 18 * 3_600_000);
    const rule = ruleOf(plan.kind);
    const voting = plan.stage !== 'NOTICE_PERIOD';
    const rollArea = compound.households.reduce((sum, h) => sum + Math.round(h.floorArea * 100), 0);
    const proposal: RequiredEntityData<Proposal> = {
      id,
      scope: compound.id,
      title: plan.title,
      text: plan.text,
      attachmentUrls: [],
      matterType: plan.matterType,
      ruleKind: plan.kind,
      rule,
      ballotsChangeable: false,
      stage: plan.stage,
      proposedBy: compound.staff,
      reviewNote: '符合业主大会议事规则，同意公示。',
      votingOpensAt: opensAt,
      votingClosesAt: closesAt,
      votingOpenedAt: voting ? opensAt : null,
      rollHouseholds: voting ? compound.households.length : null,
      rollAreaHundredths: voting ? String(rollArea) : null,
      createdAt: new Date(opensAt.getTime() - 10 * DAY),
      updatedAt: opensAt,
    } as RequiredEntityData<Proposal>;
    rows.proposals.push(proposal);
    rows.notices.push(
      notice(
        ids.notice(),
        compound.id,
        id,
        'PROPOSAL',
        `表决事项公示：${plan.title}`,
        plan.text,
        compound.staff,
        new Date(opensAt.getTime() - 7 * DAY),
        closesAt,
      ),
    );
    if (!voting) continue;

    let link = genesisOf(id);
    let position = 0;
    // Ballots come in over the window so far, in order of their ids (the log's order).
    const until = Math.min(closesAt.getTime(), day.getTime());
    const step = Math.max(1, Math.floor((until - opensAt.getTime()) / Math.max(1, compound.households.length)));
    const sums = {
      for: { count: 0, areaHundredths: 0n },
      against: { count: 0, areaHundredths: 0n },
      abstain: { count: 0, areaHundredths: 0n },
    };
    for (const h of compound.households) {
      const area = Math.round(h.floorArea * 100);
      rows.roll.push({ proposal: id, household: h.id, areaHundredths: area } as RequiredEntityData<VoterRollEntry>);
      if (faker.number.float() >= plan.turnout) continue;
      const draw = faker.number.float();
      const choice: BallotChoice = draw < plan.forShare ? 'FOR' : draw < plan.forShare + (1 - plan.forShare) * 0.7 ? 'AGAINST' : 'ABSTAIN';
      const ballotId = ids.ballot();
      const receiptHash = receiptHashOf(`DEMO-${id}-${h.id}`);
      rows.ballots.push({
        id: ballotId,
        proposal: id,
        household: h.id,
        voter: h.owner,
        choice,
        areaHundredths: area,
        receiptHash,
        castAt: new Date(opensAt.getTime() + (position + 1) * step),
        changes: 0,
        requestId: null,
      } as RequiredEntityData<Ballot>);
      const sum = sums[choice.toLowerCase() as 'for' | 'against' | 'abstain'];
      sum.count += 1;
      sum.areaHundredths += BigInt(area);
      position += 1;
      link = chainLink(link, { position, receiptHash, choice, areaHundredths: area });
    }
    if (plan.stage === 'VOTING') continue;
    const result = tally(rule, { households: compound.households.length, areaHundredths: BigInt(rollArea) }, sums);
    const closed: ClosedTally = {
      households: { for: sums.for.count, against: sums.against.count, abstain: sums.abstain.count },
      area: {
        for: String(sums.for.areaHundredths),
        against: String(sums.against.areaHundredths),
        abstain: String(sums.abstain.areaHundredths),
      },
      participationByAreaMet: result.participation.byAreaMet,
      participationByHeadcountMet: result.participation.byHeadcountMet,
      approvalByAreaMet: result.approval.byAreaMet,
      approvalByHeadcountMet: result.approval.byHeadcountMet,
    };
    const cast = sums.for.count + sums.against.count + sums.abstain.count;
    Object.assign(proposal, {
      decidedAt: closesAt,
      outcome: result.passes ? 'PASSED' : 'FAILED',
      result: closed,
      ballotDigest: link,
      ballotCount: cast,
      updatedAt: new Date(closesAt.getTime() + DAY),
    });
    rows.notices.push(
      notice(
        ids.notice(),
        compound.id,
        id,
        'RESULT',
        `表决结果公示：${plan.title}`,
        `结果：${result.passes ? '通过' : '未通过'}。参与户数 ${cast} / ${compound.households.length}，同意 ${sums.for.count} 户。选票摘要 ${link}（${cast} 张）。`,
        compound.staff,
        new Date(closesAt.getTime() + DAY),
        null,
      ),
    );
  }
  return rows;
}

function notice(
  id: number,
  area: number,
  proposal: number | null,
  kind: Notice['kind'],
  title: string,
  body: string,
  publishedBy: number,
  startsAt: Date,
  endsAt: Date | null,
): RequiredEntityData<Notice> {
  return {
    id,
    area,
    kind,
    title,
    body,
    attachmentUrls: [],
    proposal,
    publishedBy,
    startsAt,
    endsAt,
    createdAt: startsAt,
  } as RequiredEntityData<Notice>;
}
