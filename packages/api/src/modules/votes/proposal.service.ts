import { type FilterQuery, LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/sql';
import { InputProblem, InputProblems } from '../../graphql/errors.js';
import { Area } from '../areas/area.entity.js';
import { likePrefix, NOTHING, subtreePath } from '../areas/area.service.js';
import { type Actor, changedFields, recordChange, system } from '../audit/audit.service.js';
import { Notice, type NoticeKind } from '../notices/notice.entity.js';
import { Person } from '../people/person.entity.js';
import { decide, freezeRoll } from './ballot.service.js';
import { type MatterType, Proposal, type ProposalStage } from './proposal.entity.js';
import { nextStage, type ProposalMove, ProposalMoveError, PUBLISHED_STAGES } from './proposal.machine.js';
import { customRule, ruleOf, type VoteRule, type VoteRuleKind } from './vote.rules.js';

/** Where owners vote: a building, a compound or a community (楼栋听事、小区议事、社区决事). */
export const SCOPE_KINDS = ['BUILDING', 'COMPOUND', 'COMMUNITY'] as const;

/** Civil Code 278 items 6–8 need the special majority; a community matter may be a simple headcount vote. */
const SPECIAL_MATTERS: readonly MatterType[] = ['MAINTENANCE_FUND_RAISING', 'REBUILDING', 'COMMON_PARTS_USE_CHANGE'];

export interface ProposalValues {
  scope: number;
  title: string;
  text: string;
  attachmentUrls: string[];
  matterType: MatterType;
  ruleKind: VoteRuleKind;
  customRule: Omit<VoteRule, 'kind'> | null;
  ballotsChangeable: boolean;
  votingOpensAt: Date;
  votingClosesAt: Date;
}

/** Every problem of a new proposal at once; the rule must be at least what the law asks for the matter. */
export async function validateProposal(em: EntityManager, v: ProposalValues, now: Date): Promise<{ scope: Area; rule: VoteRule }> {
  const problems: InputProblem[] = [];
  const scope = await em.findOne(Area, { id: v.scope });
  if (!scope) problems.push(new InputProblem(['input', 'scope'], 'No such area', 'NOT_FOUND'));
  else if (!(SCOPE_KINDS as readonly string[]).includes(scope.kind)) {
    problems.push(new InputProblem(['input', 'scope'], 'Owners vote in a building, a compound or a community', 'INVALID'));
  }
  if (!v.title.trim() || v.title.length > 200) problems.push(new InputProblem(['input', 'title'], '1 to 200 characters', 'INVALID'));
  if (!v.text.trim() || v.text.length > 20_000) problems.push(new InputProblem(['input', 'text'], '1 to 20,000 characters', 'INVALID'));
  if (v.attachmentUrls.length > 20) problems.push(new InputProblem(['input', 'attachmentUrls'], 'At most 20', 'INVALID'));
  v.attachmentUrls.forEach((url, i) => {
    if (!/^https?:\/\/\S+$/.test(url) || url.length > 500) {
      problems.push(new InputProblem(['input', 'attachmentUrls', String(i)], 'An http(s) URL of at most 500 characters', 'INVALID'));
    }
  });
  if (v.votingClosesAt <= v.votingOpensAt) {
    problems.push(new InputProblem(['input', 'votingClosesAt'], 'Voting must close after it opens', 'INVALID'));
  }
  if (v.votingClosesAt <= now) problems.push(new InputProblem(['input', 'votingClosesAt'], 'Must be in the future', 'INVALID'));
  let rule: VoteRule | null = null;
  if (v.ruleKind === 'CUSTOM') {
    if (!v.customRule) problems.push(new InputProblem(['input', 'customRule'], 'A custom rule needs its thresholds', 'REQUIRED'));
    else {
      try {
        rule = customRule(v.customRule);
      } catch (error) {
        problems.push(new InputProblem(['input', 'customRule'], (error as Error).message, 'INVALID'));
      }
    }
  } else {
    if (v.customRule) problems.push(new InputProblem(['input', 'customRule'], 'Only for the CUSTOM rule', 'INVALID'));
    rule = ruleOf(v.ruleKind);
  }
  // Matters of Art. 278 are the owners' jointly: the statutory rule, never less.
  const statutory =
    v.matterType === 'COMMUNITY_AFFAIRS' || v.matterType === 'OTHER'
      ? null
      : SPECIAL_MATTERS.includes(v.matterType)
        ? 'CIVIL_CODE_SPECIAL'
        : 'CIVIL_CODE_ORDINARY';
  if (statutory && v.ruleKind !== statutory && !(statutory === 'CIVIL_CODE_ORDINARY' && v.ruleKind === 'CIVIL_CODE_SPECIAL')) {
    problems.push(
      new InputProblem(['input', 'ruleKind'], `This matter is decided under Civil Code art. 278 by ${statutory}`, 'RULE_TOO_WEAK'),
    );
  }
  if (problems.length || !scope || !rule) throw new InputProblems(problems);
  return { scope, rule };
}

export async function createProposal(em: EntityManager, v: ProposalValues, proposer: number, actor: Actor, now: Date): Promise<Proposal> {
  const { scope, rule } = await validateProposal(em, v, now);
  return em.transactional(async (tx) => {
    const proposal = tx.create(Proposal, {
      scope: tx.getReference(Area, scope.id),
      title: v.title.trim(),
      text: v.text.trim(),
      attachmentUrls: v.attachmentUrls,
      matterType: v.matterType,
      ruleKind: v.ruleKind,
      rule,
      ballotsChangeable: v.ballotsChangeable,
      stage: 'PROPOSED',
      proposedBy: tx.getReference(Person, proposer),
      votingOpensAt: v.votingOpensAt,
      votingClosesAt: v.votingClosesAt,
    } as never);
    await tx.flush();
    await audit(tx, actor, proposal, 'proposal.create', null);
    return proposal;
  });
}

function snapshot(p: Proposal): Record<string, unknown> {
  return {
    stage: p.stage,
    title: p.title,
    votingOpensAt: p.votingOpensAt,
    votingClosesAt: p.votingClosesAt,
    reviewNote: p.reviewNote ?? null,
    outcome: p.outcome ?? null,
    ballotDigest: p.ballotDigest ?? null,
    implementationReport: p.implementationReport ?? null,
  };
}

async function audit(tx: EntityManager, actor: Actor, proposal: Proposal, action: string, before: Record<string, unknown> | null) {
  await recordChange(tx, actor, {
    action,
    objectType: 'Proposal',
    objectId: proposal.id,
    areaPath: await subtreePath(tx, proposal.scope.id as number),
    ...changedFields(before, snapshot(proposal)),
  });
}

/** A notice a move publishes (四议两公开: before the vote, the result, the implementation). */
async function noticeFor(tx: EntityManager, proposal: Proposal, kind: NoticeKind, body: string, actor: Actor, endsAt: Date | null) {
  const prefix: Record<NoticeKind, string> = {
    PROPOSAL: '表决事项公示',
    RESULT: '表决结果公示',
    IMPLEMENTATION: '实施情况公示',
    GENERAL: '',
  };
  const notice = tx.create(Notice, {
    area: tx.getReference(Area, proposal.scope.id as number),
    kind,
    title: `${prefix[kind]}：${proposal.title}`,
    body,
    attachmentUrls: kind === 'PROPOSAL' ? proposal.attachmentUrls : [],
    proposal,
    publishedBy: actor.kind === 'PERSON' && actor.id ? tx.getReference(Person, actor.id) : null,
    startsAt: new Date(),
    endsAt,
  } as never);
  await tx.flush();
  await recordChange(tx, actor, {
    action: 'notice.publish',
    objectType: 'Notice',
    objectId: notice.id,
    areaPath: await subtreePath(tx, proposal.scope.id as number),
    ...changedFields(null, { kind, title: notice.title }),
  });
}

const PERCENT = (part: number | bigint, whole: number | bigint) =>
  Number(whole) > 0 ? `${((Number(part) / Number(whole)) * 100).toFixed(1)}%` : '—';

/**
 * One move of one proposal, in one transaction with the row locked: checked by the state
 * machine, with what the move does (freeze the roll, count the vote, publish a notice), audited.
 * `guard` checks the locked proposal and reads nothing else.
 */
export function moveProposal(
  em: EntityManager,
  id: number,
  move: ProposalMove,
  actor: Actor,
  guard: (p: Proposal) => void = () => {},
  note: string | null = null,
): Promise<Proposal> {
  return em.transactional(async (tx) => {
    const proposal = await tx.findOne(Proposal, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!proposal) throw new InputProblem(['input', 'id'], 'No such proposal', 'NOT_FOUND');
    guard(proposal);
    const before = snapshot(proposal);
    try {
      proposal.stage = nextStage(proposal.stage, move);
    } catch (error) {
      if (error instanceof ProposalMoveError) throw new InputProblem(['input', 'id'], error.message, 'WRONG_STAGE');
      throw error;
    }
    const now = new Date();
    const scopePath = (await subtreePath(tx, proposal.scope.id as number)) ?? '';
    switch (move) {
      case 'approve':
      case 'reject':
        proposal.reviewNote = note;
        break;
      case 'publish':
        await noticeFor(
          tx,
          proposal,
          'PROPOSAL',
          `${proposal.text}\n\n表决时间：${proposal.votingOpensAt.toISOString()} 至 ${proposal.votingClosesAt.toISOString()}`,
          actor,
          proposal.votingClosesAt,
        );
        break;
      case 'openVoting':
        if (now < proposal.votingOpensAt) throw new InputProblem(['input', 'id'], 'Voting opens at its scheduled time', 'TOO_EARLY');
        await freezeRoll(tx, proposal, scopePath);
        break;
      case 'close':
        if (now < proposal.votingClosesAt) throw new InputProblem(['input', 'id'], 'Voting closes at its scheduled time', 'TOO_EARLY');
        await decide(tx, proposal);
        break;
      case 'publishResult': {
        const r = proposal.result;
        const cast = r ? r.households.for + r.households.against + r.households.abstain : 0;
        await noticeFor(
          tx,
          proposal,
          'RESULT',
          `结果：${proposal.outcome === 'PASSED' ? '通过' : '未通过'}。参与户数 ${cast} / ${proposal.rollHouseholds}（${PERCENT(cast, proposal.rollHouseholds ?? 0)}），同意 ${r?.households.for ?? 0} 户。选票摘要 ${proposal.ballotDigest}（${proposal.ballotCount} 张）。`,
          actor,
          null,
        );
        break;
      }
      case 'reportImplementation':
        proposal.implementationReport = note;
        await noticeFor(tx, proposal, 'IMPLEMENTATION', note ?? '', actor, null);
        break;
      default:
        break;
    }
    await tx.flush();
    await audit(tx, actor, proposal, `proposal.${move}`, before);
    return proposal;
  });
}

/**
 * Voting opens and closes on schedule without anyone looking: run at start-up and every minute,
 * so it holds across restarts. Each is one move of the machine, audited as the system.
 */
export async function sweepProposals(em: EntityManager, now = new Date()): Promise<{ opened: number[]; closed: number[] }> {
  const opening = await em.find(Proposal, { stage: 'NOTICE_PERIOD', votingOpensAt: { $lte: now } }, { fields: ['id'] });
  const closing = await em.find(Proposal, { stage: 'VOTING', votingClosesAt: { $lte: now } }, { fields: ['id'] });
  const opened: number[] = [];
  const closed: number[] = [];
  for (const { id } of opening) if (await moveIfStill(em, id, 'openVoting', 'NOTICE_PERIOD')) opened.push(id);
  for (const { id } of closing) if (await moveIfStill(em, id, 'close', 'VOTING')) closed.push(id);
  return { opened, closed };
}

async function moveIfStill(em: EntityManager, id: number, move: ProposalMove, stage: ProposalStage): Promise<boolean> {
  try {
    await moveProposal(em.fork(), id, move, system(), (p) => {
      if (p.stage !== stage) throw new InputProblem(['input', 'id'], 'moved meanwhile', 'WRONG_STAGE');
    });
    return true;
  } catch (error) {
    if (error instanceof InputProblem) return false;
    throw error;
  }
}

export interface ProposalFilterValues {
  within?: number | null;
  stage?: ProposalStage[] | null;
}

/** The proposals a caller may list: the published ones, and every stage where they manage proposals, and their own. */
export async function proposalWhere(
  em: EntityManager,
  filter: ProposalFilterValues | null,
  seeAll: { manageAreas: string[]; self: number | null },
): Promise<FilterQuery<Proposal>> {
  const where: Record<string, unknown>[] = [];
  if (filter?.within != null) {
    const path = await subtreePath(em, filter.within);
    if (!path) return NOTHING as FilterQuery<Proposal>;
    where.push({ scope: { path: { $like: likePrefix(path) } } });
  }
  if (filter?.stage?.length) where.push({ stage: { $in: filter.stage } });
  const visible: Record<string, unknown>[] = [{ stage: { $in: PUBLISHED_STAGES } }];
  for (const path of seeAll.manageAreas) visible.push({ scope: { path: { $like: likePrefix(path) } } });
  if (seeAll.self != null) visible.push({ proposedBy: seeAll.self });
  where.push({ $or: visible });
  return { $and: where } as FilterQuery<Proposal>;
}
