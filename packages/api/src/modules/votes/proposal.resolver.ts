import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { authorizeChange } from '../../auth/authorize.js';
import { maskName } from '../../auth/mask.js';
import { mayReadPersonalDataAt } from '../../auth/personal-data.js';
import { maySeeProposal } from '../../auth/visibility.js';
import { PageArgs, PageArgsUpTo } from '../../graphql/connection.js';
import type { Context } from '../../graphql/context.js';
import { GzError, InputProblem } from '../../graphql/errors.js';
import { inputId, optionalInputId } from '../../graphql/ids.js';
import { withUserErrors } from '../../graphql/mutation.js';
import { expectId } from '../../graphql/node.js';
import { orderingBy, paginate } from '../../graphql/paginate.js';
import { type TallyEvent, Topics } from '../../graphql/pubsub.js';
import { Area } from '../areas/area.entity.js';
import { subtreePath } from '../areas/area.service.js';
import { AreaType } from '../areas/area.types.js';
import { Notice } from '../notices/notice.entity.js';
import { NoticeType } from '../notices/notice.types.js';
import { Person } from '../people/person.entity.js';
import { castBallot, checkReceipt, householdsOf, type LiveTally, tallyOf } from './ballot.service.js';
import { Ballot, Proposal } from './proposal.entity.js';
import type { ProposalMove } from './proposal.machine.js';
import { createProposal, moveProposal, proposalWhere } from './proposal.service.js';
import {
  BallotLogConnection,
  CastBallotInput,
  CastBallotPayload,
  CreateProposalInput,
  LanguageEnum,
  OwnBallotType,
  ProposalConnection,
  ProposalFilter,
  ProposalIdInput,
  ProposalPayload,
  ProposalTallyType,
  ProposalType,
  ReceiptCheckType,
  ReportImplementationInput,
  ReviewProposalInput,
  TallyChangeType,
  type TallyMeasureType,
  type ThresholdType,
  VoteRuleType,
} from './proposal.types.js';
import { announceTally } from './tally-events.js';
import { describeRule, type Threshold } from './vote.rules.js';

const NEWEST_FIRST = orderingBy('id', 'id', 'number', 'desc');
const BALLOT_LOG_ORDER = orderingBy('id', 'id', 'number', 'asc');
const BallotLogPageArgs = PageArgsUpTo(1000);

function signedInPerson(ctx: Context): number {
  if (ctx.actor.kind !== 'PERSON' || !ctx.actor.id) {
    throw new GzError('FORBIDDEN', 'Sign in as a person to do this', { http: { status: 403 } });
  }
  return ctx.actor.id;
}

const threshold = (t: Threshold | null): ThresholdType | null =>
  t && {
    fraction: { numerator: t.fraction.num, denominator: t.fraction.den },
    strict: t.strict,
    value: t.fraction.num / t.fraction.den,
  };

const share = (part: number | bigint, whole: number | bigint) => (Number(whole) > 0 ? Number(part) / Number(whole) : 0);

function tallyType(proposal: Proposal, live: LiveTally): ProposalTallyType {
  const { sums, tally } = live;
  const rollArea = BigInt(proposal.rollAreaHundredths ?? 0);
  const castArea = tally.participation.areaHundredths;
  const cast = tally.participation.households;
  const measure = (
    households: number,
    area: bigint,
    wholeHouseholds: number,
    wholeArea: bigint,
    met: [boolean | null, boolean | null],
  ): TallyMeasureType => ({
    households,
    area: Number(area) / 100,
    householdShare: share(households, wholeHouseholds),
    areaShare: share(area, wholeArea),
    byHeadcountMet: met[0],
    byAreaMet: met[1],
  });
  return {
    rollHouseholds: proposal.rollHouseholds ?? 0,
    rollArea: Number(rollArea) / 100,
    participation: measure(cast, castArea, proposal.rollHouseholds ?? 0, rollArea, [
      tally.participation.byHeadcountMet,
      tally.participation.byAreaMet,
    ]),
    approval: measure(tally.approval.households, tally.approval.areaHundredths, cast, castArea, [
      tally.approval.byHeadcountMet,
      tally.approval.byAreaMet,
    ]),
    against: measure(sums.against.count, BigInt(sums.against.areaHundredths), cast, castArea, [null, null]),
    abstain: measure(sums.abstain.count, BigInt(sums.abstain.areaHundredths), cast, castArea, [null, null]),
    passes: tally.passes,
    final: live.final,
  };
}

async function scopePathOf(ctx: Context, proposal: Proposal): Promise<string | null> {
  return (await ctx.loaders.byId(Area).load(proposal.scope.id as number))?.path ?? null;
}

@Resolver(() => ProposalType)
export class ProposalResolver {
  @Query(() => ProposalConnection, {
    description: 'Proposals, newest first: the published ones to anyone; every stage to those who manage proposals there, and your own.',
  })
  async proposals(
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => ProposalFilter, { nullable: true }) filter: ProposalFilter | null,
  ) {
    const where = await proposalWhere(
      ctx.em,
      filter && { ...filter, within: filter.within != null ? expectId(filter.within, 'Area', 'filter.within') : null },
      { manageAreas: await ctx.grantedAreas('manage:proposals'), self: ctx.actor.kind === 'PERSON' ? ctx.actor.id : null },
    );
    return paginate(ctx.em, Proposal, where, NEWEST_FIRST, page);
  }

  @Query(() => ReceiptCheckType, {
    nullable: true,
    description: 'An owner checks that the ballot of their receipt is in the log (and so counted). Null for a proposal you may not see.',
  })
  async verifyReceipt(
    @Ctx() ctx: Context,
    @Arg('proposal', () => ID) proposalId: string,
    @Arg('receipt', () => String) receipt: string,
  ): Promise<ReceiptCheckType | null> {
    const proposal = await ctx.loaders.byId(Proposal).load(expectId(proposalId, 'Proposal', 'proposal'));
    if (!proposal || !(await maySeeProposal(ctx, proposal))) return null;
    const check = await checkReceipt(ctx.em, proposal.id, receipt);
    return { ...check, ballotDigest: proposal.ballotDigest ?? null };
  }

  @FieldResolver(() => AreaType, { description: 'Whose owners vote: a building, compound or community.' })
  scope(@Root() proposal: Proposal, @Ctx() { loaders }: Context) {
    return loaders.byId(Area).load(proposal.scope.id as number);
  }

  @FieldResolver(() => String, { description: 'Who proposed it, masked unless you may read it.' })
  async proposedByName(@Root() proposal: Proposal, @Ctx() ctx: Context): Promise<string> {
    const person = await ctx.loaders.byId(Person).load(proposal.proposedBy.id as number);
    const own = ctx.actor.kind === 'PERSON' && ctx.actor.id === proposal.proposedBy.id;
    const path = await scopePathOf(ctx, proposal);
    const name = person?.name ?? '';
    return own || (path && (await mayReadPersonalDataAt(ctx, path))) ? name : maskName(name);
  }

  @FieldResolver(() => VoteRuleType)
  rule(@Root() proposal: Proposal): VoteRuleType {
    const r = proposal.rule;
    return {
      kind: r.kind,
      participationByArea: threshold(r.participationByArea),
      participationByHeadcount: threshold(r.participationByHeadcount),
      approvalByArea: threshold(r.approvalByArea),
      approvalByHeadcount: threshold(r.approvalByHeadcount),
    };
  }

  @FieldResolver(() => String, { description: 'The rule in plain words.' })
  ruleDescription(
    @Root() proposal: Proposal,
    @Arg('language', () => LanguageEnum, { defaultValue: 'ZH_CN' }) language: 'ZH_CN' | 'EN',
  ): string {
    return describeRule(proposal.rule, language === 'EN' ? 'en' : 'zh-CN');
  }

  @FieldResolver(() => ProposalTallyType, {
    nullable: true,
    description: 'Live while voting; the result once decided; null before voting opens.',
  })
  async tally(@Root() proposal: Proposal, @Ctx() ctx: Context): Promise<ProposalTallyType | null> {
    const live = await tallyOf(ctx.em, proposal);
    return live && tallyType(proposal, live);
  }

  @FieldResolver(() => [OwnBallotType], { description: 'The households on the roll you own, with your ballot for each; empty if none.' })
  async ownBallots(@Root() proposal: Proposal, @Ctx() ctx: Context): Promise<OwnBallotType[]> {
    if (ctx.actor.kind !== 'PERSON' || !ctx.actor.id || proposal.rollHouseholds == null) return [];
    const eligible = await householdsOf(ctx.em, proposal.id, ctx.actor.id);
    if (!eligible.length) return [];
    const ballots = await ctx.em.find(Ballot, { proposal: proposal.id, household: { $in: eligible.map((e) => e.household) } });
    return Promise.all(
      eligible.map(async (e) => {
        const ballot = ballots.find((b) => b.household.id === e.household);
        return {
          household: (await ctx.loaders.byId(Area).load(e.household)) as never,
          choice: ballot?.choice ?? null,
          castAt: ballot?.castAt ?? null,
        };
      }),
    );
  }

  @FieldResolver(() => BallotLogConnection, {
    description:
      'Once decided, the ballots in order of casting. Recompute the digest: h0 = SHA-256("gongzhi ballot log of proposal " + databaseId); for the n-th entry (from 1), h = SHA-256(previous + "\\n" + n + " " + receiptHash + " " + choice + " " + areaHundredths), hex; the last h is `ballotDigest`. Empty before the vote is decided.',
  })
  async ballotLog(@Root() proposal: Proposal, @Ctx() ctx: Context, @Args(() => BallotLogPageArgs) page: PageArgs) {
    const where = proposal.ballotDigest ? { proposal: proposal.id } : { id: { $in: [] as number[] } };
    return paginate(ctx.em, Ballot, where, BALLOT_LOG_ORDER, page, 1000);
  }

  @FieldResolver(() => [NoticeType], { description: 'The notices it published: before the vote, the result, the implementation.' })
  notices(@Root() proposal: Proposal, @Ctx() ctx: Context) {
    return ctx.em.find(Notice, { proposal: proposal.id, startsAt: { $lte: ctx.now } }, { orderBy: { id: 'asc' } });
  }

  // ---------------------------------------------------------------- moves

  @Mutation(() => ProposalPayload, {
    description: 'Put a matter to the owners (一提): owners of a household in the scope, building heads, grid heads and community staff.',
  })
  createProposal(@Ctx() ctx: Context, @Arg('input', () => CreateProposalInput) input: CreateProposalInput) {
    return withUserErrors(async () => {
      const self = signedInPerson(ctx);
      const scope = inputId(input.scope, 'Area', ['input', 'scope']);
      const path = await subtreePath(ctx.em, scope);
      const ownsThere = path != null && (await ctx.roles()).some((r) => r.role === 'OWNER' && r.areaPath.startsWith(path));
      if (!ownsThere) await authorizeChange(ctx, 'propose:matters', [path], ['input', 'scope']);
      const proposal = await createProposal(
        ctx.em,
        {
          scope,
          title: input.title,
          text: input.text,
          attachmentUrls: input.attachmentUrls ?? [],
          matterType: input.matterType,
          ruleKind: input.ruleKind,
          customRule: input.customRule
            ? {
                participationByArea: thresholdValue(input.customRule.participationByArea),
                participationByHeadcount: thresholdValue(input.customRule.participationByHeadcount),
                approvalByArea: thresholdValue(input.customRule.approvalByArea),
                approvalByHeadcount: thresholdValue(input.customRule.approvalByHeadcount),
              }
            : null,
          ballotsChangeable: input.ballotsChangeable ?? false,
          votingOpensAt: input.votingOpensAt,
          votingClosesAt: input.votingClosesAt,
        },
        self,
        ctx.actor,
        ctx.now,
      );
      return { proposal };
    });
  }

  @Mutation(() => ProposalPayload, { description: 'Community staff (manage:proposals) take a proposal up for review (二审).' })
  beginProposalReview(@Ctx() ctx: Context, @Arg('input', () => ProposalIdInput) input: ProposalIdInput) {
    return this.staffMove(ctx, input.id, 'beginReview');
  }

  @Mutation(() => ProposalPayload, { description: 'Community staff approve a proposal under review for notice, or reject it.' })
  reviewProposal(@Ctx() ctx: Context, @Arg('input', () => ReviewProposalInput) input: ReviewProposalInput) {
    return this.staffMove(ctx, input.id, input.approve ? 'approve' : 'reject', input.note?.trim() || null);
  }

  @Mutation(() => ProposalPayload, { description: 'Publish the matter as a notice before the vote (公示); voting opens at its time.' })
  publishProposal(@Ctx() ctx: Context, @Arg('input', () => ProposalIdInput) input: ProposalIdInput) {
    return this.staffMove(ctx, input.id, 'publish');
  }

  @Mutation(() => ProposalPayload, { description: 'Open voting once its time has come (it also opens by itself): the roll is frozen.' })
  openVoting(@Ctx() ctx: Context, @Arg('input', () => ProposalIdInput) input: ProposalIdInput) {
    return this.staffMove(ctx, input.id, 'openVoting');
  }

  @Mutation(() => ProposalPayload, {
    description: 'Close voting once its time is up (it also closes by itself): the result and the digest are computed once.',
  })
  closeVoting(@Ctx() ctx: Context, @Arg('input', () => ProposalIdInput) input: ProposalIdInput) {
    return this.staffMove(ctx, input.id, 'close');
  }

  @Mutation(() => ProposalPayload, { description: 'Publish the result as a notice (结果公示).' })
  publishResult(@Ctx() ctx: Context, @Arg('input', () => ProposalIdInput) input: ProposalIdInput) {
    return this.staffMove(ctx, input.id, 'publishResult');
  }

  @Mutation(() => ProposalPayload, { description: 'Report how the decision was carried out, published as a notice (实施情况公示).' })
  reportImplementation(@Ctx() ctx: Context, @Arg('input', () => ReportImplementationInput) input: ReportImplementationInput) {
    return withUserErrors(async () => {
      if (!input.report.trim() || input.report.length > 20_000) {
        signedInPerson(ctx);
        throw new InputProblem(['input', 'report'], '1 to 20,000 characters', 'INVALID');
      }
      return this.staffMove(ctx, input.id, 'reportImplementation', input.report.trim(), false);
    });
  }

  @Mutation(() => ProposalPayload, { description: 'The proposer, or community staff, withdraw a proposal before voting opens.' })
  withdrawProposal(@Ctx() ctx: Context, @Arg('input', () => ProposalIdInput) input: ProposalIdInput) {
    return this.move(ctx, input.id, 'withdraw', async (proposal, path) => {
      if (proposal.proposedBy.id === ctx.actor.id) return;
      await authorizeChange(ctx, 'manage:proposals', [path], ['input', 'id']);
    });
  }

  @Mutation(() => CastBallotPayload, {
    description:
      'An owner casts their household’s ballot (one per household; changeable before close only if the proposal says so). The receipt is shown once.',
  })
  castBallot(@Ctx() ctx: Context, @Arg('input', () => CastBallotInput) input: CastBallotInput) {
    return withUserErrors(async () => {
      const self = signedInPerson(ctx);
      const id = inputId(input.proposal, 'Proposal', ['input', 'proposal']);
      const household = optionalInputId(input.household, 'Area', ['input', 'household']) ?? null;
      // One statement checks that the proposal is voting (and so public) and writes the ballot;
      // only on a refusal is there more to read. The proposal is loaded only if the answer asks for it.
      const cast = await castBallot(ctx.em, id, self, household, input.choice, ctx.actor.requestId).catch(async (error: unknown) => {
        // A proposal the caller may not see does not exist for them, whatever its stage.
        const proposal = error instanceof InputProblem ? await ctx.loaders.byId(Proposal).load(id) : null;
        if (error instanceof InputProblem && (!proposal || !(await maySeeProposal(ctx, proposal)))) {
          throw new InputProblem(['input', 'proposal'], 'No such proposal', 'NOT_FOUND');
        }
        throw error;
      });
      announceTally(ctx.pubsub, id);
      return {
        get proposal() {
          return ctx.loaders.byId(Proposal).load(id);
        },
        receipt: cast.receipt,
        choice: input.choice,
        changed: cast.changed,
      };
    });
  }

  @Subscription(() => TallyChangeType, {
    topics: Topics.TALLY_CHANGED,
    filter: ({ payload, args }: { payload: TallyEvent; args: { proposal: string } }) =>
      payload.proposal === expectId(args.proposal, 'Proposal', 'proposal'),
    description: 'A proposal’s tally as ballots come in (at most four times a second), and once more when it is decided.',
  })
  async tallyChanged(
    @Root() event: TallyEvent,
    @Ctx() ctx: Context,
    @Arg('proposal', () => ID) _proposal: string,
  ): Promise<TallyChangeType | null> {
    ctx.renew();
    const proposal = await ctx.em.fork().findOne(Proposal, { id: event.proposal });
    if (!proposal || !(await maySeeProposal(ctx, proposal))) return null;
    const live = await tallyOf(ctx.em, proposal);
    return { proposal: proposal as never, tally: live && tallyType(proposal, live) };
  }

  private staffMove(ctx: Context, id: string, move: ProposalMove, note: string | null = null, wrap = true) {
    return this.move(ctx, id, move, (_proposal, path) => authorizeChange(ctx, 'manage:proposals', [path], ['input', 'id']), note, wrap);
  }

  /**
   * One move by a signed-in person: rights first (outside the transaction: they read roles), then
   * the move itself with the row locked. A proposal the caller may not see is reported as not found.
   */
  private move(
    ctx: Context,
    id: string,
    move: ProposalMove,
    authorize: (proposal: Proposal, path: string | null) => Promise<void>,
    note: string | null = null,
    wrap = true,
  ) {
    const work = async () => {
      signedInPerson(ctx);
      const proposalId = inputId(id, 'Proposal', ['input', 'id']);
      const current = await ctx.loaders.byId(Proposal).load(proposalId);
      if (!current) throw new InputProblem(['input', 'id'], 'No such proposal', 'NOT_FOUND');
      await authorize(current, await scopePathOf(ctx, current));
      if (!(await maySeeProposal(ctx, current))) throw new InputProblem(['input', 'id'], 'No such proposal', 'NOT_FOUND');
      const proposal = await moveProposal(ctx.em, proposalId, move, ctx.actor, undefined, note);
      if (move === 'close' || move === 'openVoting') announceTally(ctx.pubsub, proposal.id, true);
      return { proposal };
    };
    return wrap ? withUserErrors(work) : work();
  }
}

function thresholdValue(t: { fraction: { numerator: number; denominator: number }; strict: boolean } | null | undefined): Threshold | null {
  return t ? { fraction: { num: t.fraction.numerator, den: t.fraction.denominator }, strict: t.strict } : null;
}
