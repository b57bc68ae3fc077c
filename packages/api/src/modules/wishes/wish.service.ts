import { type FilterQuery, LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/sql';
import { InputProblem, InputProblems } from '../../graphql/errors.js';
import { Area } from '../areas/area.entity.js';
import { cachedSubtreePath, communitiesIn, likePrefix, NOTHING, subtreePath } from '../areas/area.service.js';
import { type Actor, changedFields, recordChange, system } from '../audit/audit.service.js';
import { Organization } from '../organizations/organization.entity.js';
import { Person, RoleAssignment } from '../people/person.entity.js';
import { today } from '../people/person.service.js';
import { type BeneficiaryKind, Wish, type WishCategory, type WishState } from './wish.entity.js';
import { nextState, PUBLIC_STATES, type WishMove, WishMoveError } from './wish.machine.js';

/** How long a claimer has to fulfil a wish before the claim lapses, unless the wanted-by date comes first. */
export const CLAIM_PERIOD_DAYS = 7;

export interface WishValues {
  title: string;
  story: string;
  category: WishCategory;
  beneficiaryKind: BeneficiaryKind;
  beneficiary: number;
  community: number;
  grid: number | null;
  estimatedCost: number | null;
  wantedBy: string | null;
  photoUrls: string[];
}

export interface WishFilterValues {
  within?: number | null;
  state?: WishState[] | null;
  category?: WishCategory[] | null;
}

/**
 * The wishes a caller may list: the public ones (reviewed and not withdrawn), and every state
 * where they review wishes, and those they posted or that are for them.
 */
export async function wishWhere(
  em: EntityManager,
  filter: WishFilterValues | null,
  seeAll: { reviewAreas: string[]; self: number | null },
): Promise<FilterQuery<Wish>> {
  const where: Record<string, unknown>[] = [];
  // A wish sits in a community: a list of a few community ids lets PostgreSQL walk the wishes
  // newest first instead of joining every area of the subtree.
  if (filter?.within != null) {
    const path = await cachedSubtreePath(em, filter.within);
    if (!path) return NOTHING as FilterQuery<Wish>;
    where.push({ community: { $in: await communitiesIn(em, path) } });
  }
  if (filter?.state?.length) where.push({ state: { $in: filter.state } });
  if (filter?.category?.length) where.push({ category: { $in: filter.category } });
  const visible: Record<string, unknown>[] = [{ state: { $in: PUBLIC_STATES } }];
  for (const path of seeAll.reviewAreas) visible.push({ community: { $in: await communitiesIn(em, path) } });
  if (seeAll.self != null) visible.push({ postedBy: seeAll.self }, { beneficiary: seeAll.self });
  where.push({ $or: visible });
  return { $and: where } as FilterQuery<Wish>;
}

const URL = /^https?:\/\/[^\s]{1,500}$/;

async function validate(em: EntityManager, v: WishValues): Promise<Area> {
  const problems: InputProblem[] = [];
  if (!v.title.trim()) problems.push(new InputProblem(['input', 'title'], 'Title must not be empty', 'REQUIRED'));
  if (v.title.length > 100) problems.push(new InputProblem(['input', 'title'], 'Title must be at most 100 characters'));
  if (!v.story.trim()) problems.push(new InputProblem(['input', 'story'], 'Tell the story of the wish', 'REQUIRED'));
  if (v.story.length > 2000) problems.push(new InputProblem(['input', 'story'], 'Story must be at most 2,000 characters'));
  if (v.estimatedCost != null && !(v.estimatedCost >= 0 && v.estimatedCost <= 100_000)) {
    problems.push(new InputProblem(['input', 'estimatedCost'], 'Estimated cost must be between 0 and 100,000 yuan'));
  }
  if (v.wantedBy != null && (!/^\d{4}-\d{2}-\d{2}$/.test(v.wantedBy) || Number.isNaN(Date.parse(v.wantedBy)))) {
    problems.push(new InputProblem(['input', 'wantedBy'], 'Wanted-by must be a date, YYYY-MM-DD'));
  } else if (v.wantedBy != null && v.wantedBy < today()) {
    problems.push(new InputProblem(['input', 'wantedBy'], 'Wanted-by must not be in the past'));
  }
  if (v.photoUrls.length > 9) problems.push(new InputProblem(['input', 'photoUrls'], 'At most 9 photos'));
  v.photoUrls.forEach((url, i) => {
    if (!URL.test(url)) problems.push(new InputProblem(['input', 'photoUrls', String(i)], 'A photo is an http(s) address'));
  });
  const community = await em.findOne(Area, { id: v.community });
  if (!community) problems.push(new InputProblem(['input', 'community'], 'No such area', 'NOT_FOUND'));
  else if (community.kind !== 'COMMUNITY') {
    problems.push(new InputProblem(['input', 'community'], 'A wish belongs to a community', 'NOT_ALLOWED_HERE'));
  }
  if (v.grid != null) {
    const grid = await em.findOne(Area, { id: v.grid });
    if (!grid || !community || !grid.path.startsWith(community.path) || (grid.kind !== 'GRID' && grid.kind !== 'MICRO_GRID')) {
      problems.push(new InputProblem(['input', 'grid'], 'No such grid in the community', 'NOT_FOUND'));
    }
  }
  if (!(await em.count(Person, { id: v.beneficiary }))) {
    problems.push(new InputProblem(['input', 'beneficiary'], 'No such person', 'NOT_FOUND'));
  }
  if (problems.length || !community) throw new InputProblems(problems);
  return community;
}

/** What an audit record keeps of a wish. */
function snapshot(w: Wish): Record<string, unknown> {
  return {
    state: w.state,
    title: w.title,
    category: w.category,
    claimer: (w.claimer?.id as number | undefined) ?? null,
    claimedFor: (w.claimedFor?.id as number | undefined) ?? null,
    claimDeadline: w.claimDeadline ?? null,
    fulfilmentNote: w.fulfilmentNote ?? null,
    reviewNote: w.reviewNote ?? null,
  };
}

async function audit(tx: EntityManager, actor: Actor, wish: Wish, action: string, before: Record<string, unknown> | null) {
  await recordChange(tx, actor, {
    action,
    objectType: 'Wish',
    objectId: wish.id,
    areaPath: await subtreePath(tx, wish.community.id as number),
    ...changedFields(before, snapshot(wish)),
  });
}

export function postWish(em: EntityManager, values: WishValues, actor: Actor): Promise<Wish> {
  return em.transactional(async (tx) => {
    await validate(tx, values);
    const wish = tx.create(Wish, {
      ...values,
      title: values.title.trim(),
      story: values.story.trim(),
      postedBy: actor.id as number,
      state: 'PENDING_REVIEW',
    } as never);
    await tx.flush();
    await audit(tx, actor, wish, 'wish.post', null);
    return wish;
  });
}

/**
 * One move of one wish, in one transaction: the row is locked first, so of two moves at once
 * (fifty people claiming the same wish) one wins and the others find it already moved. `guard`
 * checks the locked wish and reads nothing else: whoever holds the lock must not wait for
 * another connection.
 */
export function moveWish(
  em: EntityManager,
  id: number,
  move: WishMove,
  actor: Actor,
  guard: (wish: Wish) => void,
  apply: (wish: Wish) => void = () => {},
): Promise<Wish> {
  return em.transactional(async (tx) => {
    const wish = await tx.findOne(Wish, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!wish) throw new InputProblem(['input', 'id'], 'No such wish', 'NOT_FOUND');
    guard(wish);
    const before = snapshot(wish);
    try {
      wish.state = nextState(wish.state, move);
    } catch (error) {
      if (error instanceof WishMoveError) throw new InputProblem(['input', 'id'], error.message, 'WRONG_STATE');
      throw error;
    }
    apply(wish);
    await tx.flush();
    await audit(tx, actor, wish, `wish.${move}`, before);
    return wish;
  });
}

/**
 * A claim for a unit or a volunteer team (单位认领, 志愿服务队认领): the claimer must hold a role in force
 * for it (an in-service party member for their unit, a volunteer for their team).
 */
export async function organizationClaimedFor(em: EntityManager, person: number, organization: number): Promise<Organization> {
  const found = await em.findOne(Organization, { id: organization });
  if (!found) throw new InputProblem(['input', 'onBehalfOf'], 'No such organisation', 'NOT_FOUND');
  const day = today();
  const member = await em.count(RoleAssignment, {
    person,
    organization,
    startsOn: { $lte: day },
    $or: [{ endsOn: null }, { endsOn: { $gte: day } }],
  });
  if (!member) throw new InputProblem(['input', 'onBehalfOf'], 'You hold no role for this organisation', 'NOT_A_MEMBER');
  return found;
}

export function claimDeadline(now: Date, wantedBy: string | null): Date {
  const period = new Date(now.getTime() + CLAIM_PERIOD_DAYS * 86_400_000);
  if (!wantedBy) return period;
  // The end of the wanted-by day in China.
  const endOfWantedBy = new Date(`${wantedBy}T23:59:59+08:00`);
  return endOfWantedBy < period && endOfWantedBy > now ? endOfWantedBy : period;
}

/**
 * Claims past their deadline lapse (the wish opens again); wishes whose wanted-by date has passed
 * unclaimed expire. Run at start-up and every minute, so it holds across restarts. Each is one
 * move of the state machine, audited as the system.
 */
export async function sweepWishes(em: EntityManager, now = new Date()): Promise<{ lapsed: number; expired: number }> {
  const lapsing = await em.find(Wish, { state: 'CLAIMED', claimDeadline: { $lt: now } }, { fields: ['id'] });
  const expiring = await em.find(Wish, { state: { $in: ['PENDING_REVIEW', 'OPEN'] }, wantedBy: { $lt: today() } }, { fields: ['id'] });
  let lapsed = 0;
  let expired = 0;
  for (const { id } of lapsing) {
    const moved = await moveIfStill(
      em,
      id,
      'lapse',
      (w) => w.state === 'CLAIMED' && (w.claimDeadline as Date) < now,
      (w) => {
        w.claimer = null;
        w.claimedFor = null;
        w.claimedAt = null;
        w.claimDeadline = null;
      },
    );
    if (moved) lapsed += 1;
  }
  for (const { id } of expiring) {
    if (await moveIfStill(em, id, 'expire', (w) => w.wantedBy != null && w.wantedBy < today())) expired += 1;
  }
  return { lapsed, expired };
}

async function moveIfStill(em: EntityManager, id: number, move: WishMove, still: (w: Wish) => boolean, apply?: (w: Wish) => void) {
  try {
    await moveWish(
      em.fork(),
      id,
      move,
      system(),
      (w) => {
        if (!still(w)) throw new InputProblem(['input', 'id'], 'moved meanwhile', 'WRONG_STATE');
      },
      apply,
    );
    return true;
  } catch (error) {
    if (error instanceof InputProblem) return false;
    throw error;
  }
}

export interface WishStatistics {
  posted: number;
  litUp: number;
  /** Of the wishes posted in the period, the share lit up by now; null when none were posted. */
  litUpRate: number | null;
  medianHoursToLitUp: number | null;
  topClaimers: { person: number; litUp: number }[];
  /** The units and volunteer teams whose members lit up the most. */
  topOrganizations: { organization: number; litUp: number }[];
}

/**
 * 微心愿 figures of an area and period [from, to): wishes posted, wishes lit up (confirmed), the
 * lit-up rate of those posted, the median time from open to lit up, and who lit up the most.
 */
export async function wishStatistics(em: EntityManager, areaPath: string, from: Date, to: Date): Promise<WishStatistics> {
  const inArea = `w.community_id in (select id from area where kind = 'COMMUNITY' and path like ?)`;
  const prefix = likePrefix(areaPath);
  const [[counts], top, topOrganizations] = await Promise.all([
    em.execute<{ posted: string; posted_lit: string; lit: string; median_hours: number | null }[]>(
      `select
         count(*) filter (where w.created_at >= ? and w.created_at < ?) as posted,
         count(*) filter (where w.created_at >= ? and w.created_at < ? and w.state = 'CONFIRMED') as posted_lit,
         count(*) filter (where w.confirmed_at >= ? and w.confirmed_at < ?) as lit,
         percentile_cont(0.5) within group (order by extract(epoch from w.confirmed_at - w.opened_at) / 3600)
           filter (where w.confirmed_at >= ? and w.confirmed_at < ? and w.opened_at is not null) as median_hours
       from wish w where ${inArea}`,
      [from, to, from, to, from, to, from, to, prefix],
    ),
    em.execute<{ claimer_id: number; n: string }[]>(
      `select w.claimer_id, count(*) as n from wish w
       where ${inArea} and w.confirmed_at >= ? and w.confirmed_at < ? and w.claimer_id is not null
       group by w.claimer_id order by count(*) desc, w.claimer_id limit 5`,
      [prefix, from, to],
    ),
    em.execute<{ claimed_for_id: number; n: string }[]>(
      `select w.claimed_for_id, count(*) as n from wish w
       where ${inArea} and w.confirmed_at >= ? and w.confirmed_at < ? and w.claimed_for_id is not null
       group by w.claimed_for_id order by count(*) desc, w.claimed_for_id limit 5`,
      [prefix, from, to],
    ),
  ]);
  const posted = Number(counts?.posted ?? 0);
  return {
    posted,
    litUp: Number(counts?.lit ?? 0),
    litUpRate: posted > 0 ? Number(counts?.posted_lit ?? 0) / posted : null,
    medianHoursToLitUp: counts?.median_hours == null ? null : Math.round(Number(counts.median_hours) * 10) / 10,
    topClaimers: top.map((row) => ({ person: Number(row.claimer_id), litUp: Number(row.n) })),
    topOrganizations: topOrganizations.map((row) => ({ organization: Number(row.claimed_for_id), litUp: Number(row.n) })),
  };
}
