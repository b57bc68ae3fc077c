import { DateTimeResolver } from 'graphql-scalars';
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { authorizeChange } from '../../auth/authorize.js';
import { maskName } from '../../auth/mask.js';
import { mayReadPersonalDataAt } from '../../auth/personal-data.js';
import { maySeeWish } from '../../auth/visibility.js';
import { ChangeType } from '../../graphql/changes.js';
import { PageArgs } from '../../graphql/connection.js';
import type { Context } from '../../graphql/context.js';
import { badInput, GzError, InputProblem } from '../../graphql/errors.js';
import { inputId, optionalInputId } from '../../graphql/ids.js';
import { withUserErrors } from '../../graphql/mutation.js';
import type { NestedSource } from '../../graphql/nested-connection.js';
import { expectId } from '../../graphql/node.js';
import { orderingBy, paginate } from '../../graphql/paginate.js';
import { ancestorsOf, type ChangeEvent, Topics } from '../../graphql/pubsub.js';
import { Area } from '../areas/area.entity.js';
import { likePrefix, subtreePath } from '../areas/area.service.js';
import { AreaType } from '../areas/area.types.js';
import { Organization } from '../organizations/organization.entity.js';
import { OrganizationType } from '../organizations/organization.types.js';
import { Person } from '../people/person.entity.js';
import { PersonType } from '../people/person.types.js';
import { Wish } from './wish.entity.js';
import { PUBLIC_STATES, type WishMove } from './wish.machine.js';
import { claimDeadline, moveWish, organizationClaimedFor, postWish, wishStatistics, wishWhere } from './wish.service.js';
import {
  ClaimWishInput,
  FulfillWishInput,
  PostWishInput,
  ReviewWishInput,
  WishConnection,
  WishFilter,
  WishIdInput,
  WishPayload,
  WishStatisticsType,
  WishType,
} from './wish.types.js';

const NEWEST_FIRST = orderingBy('id', 'id', 'number', 'desc');

/** The path of the household in the community where a resident lives (owns or resides), if any. */
async function homeOf(ctx: Context, person: number, communityPath: string): Promise<string | null> {
  const [row] = await ctx.em.execute<{ path: string }[]>(
    `select a.path from role_assignment r join area a on a.id = r.area_id
     where r.person_id = ? and r.role in ('OWNER', 'RESIDENT') and a.kind = 'HOUSEHOLD' and a.path like ?
       and (r.ends_on is null or r.ends_on >= current_date)
     order by r.id limit 1`,
    [person, likePrefix(communityPath)],
  );
  return row?.path ?? null;
}

export const WishChange = ChangeType(WishType, 'Wish', 'wish');

/** Wishes are posted, claimed and confirmed by people; keys and anonymous callers only read. */
function signedInPerson(ctx: Context): number {
  if (ctx.actor.kind !== 'PERSON' || !ctx.actor.id) {
    throw new GzError('FORBIDDEN', 'Sign in as a person to do this', { http: { status: 403 } });
  }
  return ctx.actor.id;
}

async function publish(ctx: Context, wish: Wish, action: ChangeEvent['action']): Promise<void> {
  const path = (await subtreePath(ctx.em, wish.community.id as number)) ?? '';
  await ctx.pubsub.publish(Topics.WISH_CHANGED, {
    id: wish.id,
    action,
    ancestors: ancestorsOf(path),
    ...(PUBLIC_STATES.includes(wish.state)
      ? {}
      : { restricted: { areaPath: path, people: [wish.postedBy.id as number, wish.beneficiary.id as number] } }),
  });
}

@Resolver(() => WishType)
export class WishResolver {
  @Query(() => WishConnection, {
    description:
      'Micro-wishes, newest first: the public ones (reviewed, not withdrawn) to anyone; every state to those who review wishes there, and your own.',
  })
  async wishes(
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => WishFilter, { nullable: true }) filter: WishFilter | null,
  ) {
    const where = await wishWhere(
      ctx.em,
      filter && { ...filter, within: filter.within != null ? expectId(filter.within, 'Area', 'filter.within') : null },
      { reviewAreas: await ctx.grantedAreas('review:wishes'), self: ctx.actor.kind === 'PERSON' ? ctx.actor.id : null },
    );
    return paginate(ctx.em, Wish, where, NEWEST_FIRST, page);
  }

  @Query(() => WishStatisticsType, {
    nullable: true,
    description:
      '微心愿 figures of an area over a period (default: the last 365 days), open to anyone; claimers’ names masked unless you may read them. Null for an unknown area.',
  })
  async wishStatistics(
    @Ctx() ctx: Context,
    @Arg('area', () => ID) areaId: string,
    @Arg('from', () => DateTimeResolver, { nullable: true }) from: Date | null,
    @Arg('to', () => DateTimeResolver, { nullable: true }) to: Date | null,
  ): Promise<WishStatisticsType | null> {
    const area = await ctx.loaders.byId(Area).load(expectId(areaId, 'Area', 'area'));
    if (!area) return null;
    const until = to ?? ctx.now;
    const since = from ?? new Date(until.getTime() - 365 * 86_400_000);
    if (since >= until) throw badInput('`from` must be before `to`', 'from');
    const figures = await wishStatistics(ctx.em, area.path, since, until);
    const readable = await mayReadPersonalDataAt(ctx, area.path);
    const people = await Promise.all(figures.topClaimers.map((c) => ctx.loaders.byId(Person).load(c.person)));
    const organizations = await Promise.all(figures.topOrganizations.map((c) => ctx.loaders.byId(Organization).load(c.organization)));
    return {
      from: since,
      to: until,
      ...figures,
      topClaimers: figures.topClaimers.map((c, i) => {
        const name = people[i]?.name ?? '';
        const own = ctx.actor.kind === 'PERSON' && ctx.actor.id === c.person;
        return { name: readable || own ? name : maskName(name), litUp: c.litUp };
      }),
      topOrganizations: figures.topOrganizations.flatMap((c, i) => {
        const organization = organizations[i];
        return organization ? [{ organization, litUp: c.litUp }] : [];
      }),
    };
  }

  @FieldResolver(() => String, {
    description: 'The beneficiary’s name, masked (王*华) unless you may read it where the wish is (its grid, or its community).',
  })
  async beneficiaryName(@Root() wish: Wish, @Ctx() ctx: Context): Promise<string> {
    const person = await ctx.loaders.byId(Person).load(wish.beneficiary.id as number);
    const area = await ctx.loaders.byId(Area).load((wish.grid?.id ?? wish.community.id) as number);
    const own = ctx.actor.kind === 'PERSON' && (ctx.actor.id === wish.beneficiary.id || ctx.actor.id === wish.postedBy.id);
    const name = person?.name ?? '';
    return own || (area && (await mayReadPersonalDataAt(ctx, area.path))) ? name : maskName(name);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Who claimed it, masked unless you may read it or it is you.' })
  async claimerName(@Root() wish: Wish, @Ctx() ctx: Context): Promise<string | null> {
    if (!wish.claimer) return null;
    const person = await ctx.loaders.byId(Person).load(wish.claimer.id as number);
    const area = await ctx.loaders.byId(Area).load(wish.community.id as number);
    const own = ctx.actor.kind === 'PERSON' && ctx.actor.id === wish.claimer.id;
    const name = person?.name ?? '';
    return own || (area && (await mayReadPersonalDataAt(ctx, area.path))) ? name : maskName(name);
  }

  @FieldResolver(() => OrganizationType, { nullable: true, description: 'The unit or volunteer team it was claimed for, if any.' })
  claimedFor(@Root() wish: Wish, @Ctx() { loaders }: Context) {
    return wish.claimedFor ? loaders.byId(Organization).load(wish.claimedFor.id as number) : null;
  }

  @FieldResolver(() => AreaType, { description: 'The community (社区) of the wish.' })
  community(@Root() wish: Wish, @Ctx() { loaders }: Context) {
    return loaders.byId(Area).load(wish.community.id as number);
  }

  @FieldResolver(() => AreaType, { nullable: true })
  grid(@Root() wish: Wish, @Ctx() { loaders }: Context) {
    return wish.grid ? loaders.byId(Area).load(wish.grid.id as number) : null;
  }

  @Mutation(() => WishPayload, {
    description:
      'A resident posts a wish for themselves; grid workers, building heads and community staff (post:wishes) for a resident of their area (where the resident lives). It waits for review.',
  })
  postWish(@Ctx() ctx: Context, @Arg('input', () => PostWishInput) input: PostWishInput) {
    return withUserErrors(async () => {
      const self = signedInPerson(ctx);
      const community = inputId(input.community, 'Area', ['input', 'community']);
      const beneficiary = optionalInputId(input.beneficiary, 'Person', ['input', 'beneficiary']) ?? self;
      const grid = optionalInputId(input.grid, 'Area', ['input', 'grid']) ?? null;
      const path = await subtreePath(ctx.em, community);
      if (beneficiary === self) {
        // For yourself: in a community where you live (hold a role).
        const home = (await ctx.roles()).some((r) => path !== null && r.areaPath.startsWith(path));
        if (!home) throw new InputProblem(['input', 'community'], 'You hold no role in this community', 'NOT_FOUND');
      } else {
        // On someone's behalf: where the poster works, over the resident's home in the community (so
        // a building head posts for the building's residents) or over the grid when given (a grid
        // worker's area), else the community.
        const home = path === null ? null : await homeOf(ctx, beneficiary, path);
        const area = grid != null ? await subtreePath(ctx.em, grid) : path;
        const field = ['input', grid != null ? 'grid' : 'community'];
        try {
          await authorizeChange(ctx, 'post:wishes', [home ?? area], home ? ['input', 'beneficiary'] : field);
        } catch (error) {
          // Not over the resident's home: over the grid or community named, then.
          if (!(home && error instanceof InputProblem)) throw error;
          await authorizeChange(ctx, 'post:wishes', [area], field);
        }
      }
      const wish = await postWish(
        ctx.em,
        {
          title: input.title,
          story: input.story,
          category: input.category,
          beneficiaryKind: input.beneficiaryKind,
          beneficiary,
          community,
          grid,
          estimatedCost: input.estimatedCost ?? null,
          wantedBy: input.wantedBy ?? null,
          photoUrls: input.photoUrls ?? [],
        },
        ctx.actor,
      );
      await publish(ctx, wish, 'CREATED');
      return { wish };
    });
  }

  @Mutation(() => WishPayload, { description: 'Community staff (review:wishes) open a new wish to claims, or reject it.' })
  reviewWish(@Ctx() ctx: Context, @Arg('input', () => ReviewWishInput) input: ReviewWishInput) {
    return this.move(
      ctx,
      input.id,
      input.approve ? 'approve' : 'reject',
      async (wish) => {
        await authorizeChange(ctx, 'review:wishes', [await subtreePath(ctx.em, wish.community.id as number)], ['input', 'id']);
      },
      undefined,
      (wish) => {
        wish.reviewNote = input.note?.trim() || null;
        if (input.approve) wish.openedAt ??= new Date();
      },
    );
  }

  @Mutation(() => WishPayload, {
    description: `Party members, in-service party members and volunteers of the area (claim:wishes) claim an open wish; of claims at once, exactly one wins. Unfulfilled by its deadline, the claim lapses.`,
  })
  claimWish(@Ctx() ctx: Context, @Arg('input', () => ClaimWishInput) input: ClaimWishInput) {
    const now = new Date();
    let claimedFor: Organization | null = null;
    return this.move(
      ctx,
      input.id,
      'claim',
      async (wish) => {
        const self = signedInPerson(ctx);
        await authorizeChange(ctx, 'claim:wishes', [await subtreePath(ctx.em, wish.community.id as number)], ['input', 'id']);
        const onBehalfOf = optionalInputId(input.onBehalfOf, 'Organization', ['input', 'onBehalfOf']);
        if (onBehalfOf != null) claimedFor = await organizationClaimedFor(ctx.em, self, onBehalfOf);
      },
      undefined,
      (wish) => {
        wish.claimer = ctx.em.getReference(Person, ctx.actor.id as number);
        wish.claimedFor = claimedFor ? ctx.em.getReference(Organization, claimedFor.id) : null;
        wish.claimedAt = now;
        wish.claimDeadline = claimDeadline(now, wish.wantedBy ?? null);
      },
    );
  }

  @Mutation(() => WishPayload, { description: 'The claimer marks the wish fulfilled, saying what was done.' })
  fulfillWish(@Ctx() ctx: Context, @Arg('input', () => FulfillWishInput) input: FulfillWishInput) {
    return this.move(
      ctx,
      input.id,
      'fulfill',
      async () => {
        signedInPerson(ctx);
      },
      (wish) => {
        const self = ctx.actor.id;
        if (wish.state === 'CLAIMED' && wish.claimer?.id !== self) {
          throw new InputProblem(['input', 'id'], 'Only the claimer fulfils a wish', 'NOT_CLAIMER');
        }
        if (!input.note.trim()) throw new InputProblem(['input', 'note'], 'Say what was done', 'REQUIRED');
      },
      (wish) => {
        wish.fulfilmentNote = input.note.trim();
        wish.fulfilledAt = new Date();
      },
    );
  }

  @Mutation(() => WishPayload, {
    description: 'Community staff (review:wishes) or the beneficiary confirm a fulfilled wish: it is lit up (点亮).',
  })
  confirmWish(@Ctx() ctx: Context, @Arg('input', () => WishIdInput) input: WishIdInput) {
    return this.move(
      ctx,
      input.id,
      'confirm',
      async (wish) => {
        const self = signedInPerson(ctx);
        if (wish.beneficiary.id === self) return;
        await authorizeChange(ctx, 'review:wishes', [await subtreePath(ctx.em, wish.community.id as number)], ['input', 'id']);
      },
      undefined,
      (wish) => {
        wish.confirmedAt = new Date();
      },
    );
  }

  @Mutation(() => WishPayload, { description: 'The poster or the beneficiary (or community staff) withdraw a wish not yet claimed.' })
  withdrawWish(@Ctx() ctx: Context, @Arg('input', () => WishIdInput) input: WishIdInput) {
    return this.move(ctx, input.id, 'withdraw', async (wish) => {
      const self = signedInPerson(ctx);
      if (wish.beneficiary.id === self || wish.postedBy.id === self) return;
      await authorizeChange(ctx, 'review:wishes', [await subtreePath(ctx.em, wish.community.id as number)], ['input', 'id']);
    });
  }

  /**
   * One move through the state machine, by a signed-in person. Who may make it is checked first, outside the
   * transaction (it reads roles and areas); inside, with the row locked, only the state and
   * `guard` (which reads nothing). A wish the caller may not see is reported as not found.
   */
  private move(
    ctx: Context,
    id: string,
    move: WishMove,
    authorize: (wish: Wish) => Promise<void>,
    guard: (wish: Wish) => void = () => {},
    apply?: (wish: Wish) => void,
  ) {
    return withUserErrors(async () => {
      signedInPerson(ctx);
      const wishId = inputId(id, 'Wish', ['input', 'id']);
      const current = await ctx.loaders.byId(Wish).load(wishId);
      if (!current) throw new InputProblem(['input', 'id'], 'No such wish', 'NOT_FOUND');
      // Rights first: a caller with none anywhere is FORBIDDEN, whichever wish they name.
      await authorize(current);
      if (!(await maySeeWish(ctx, current))) throw new InputProblem(['input', 'id'], 'No such wish', 'NOT_FOUND');
      const wish = await moveWish(ctx.em, wishId, move, ctx.actor, guard, apply);
      await publish(ctx, wish, 'UPDATED');
      return { wish };
    });
  }

  @Subscription(() => WishChange, {
    topics: Topics.WISH_CHANGED,
    filter: async ({ payload, args, context }: { payload: ChangeEvent; args: { within?: string | null }; context: Context }) => {
      if (args.within != null && !payload.ancestors.includes(expectId(args.within, 'Area', 'within'))) return false;
      if (!payload.restricted) return true;
      const { areaPath, people } = payload.restricted;
      if (context.actor.kind === 'PERSON' && context.actor.id != null && people.includes(context.actor.id)) return true;
      return (await context.grantedAreas('review:wishes')).some((path) => areaPath.startsWith(path));
    },
    description: 'Wishes posted or moved, optionally only those of an area; wishes in review only for those who may see them.',
  })
  async wishChanged(@Root() event: ChangeEvent, @Ctx() ctx: Context, @Arg('within', () => ID, { nullable: true }) _within: string | null) {
    ctx.renew();
    return { action: event.action, wish: await ctx.loaders.byId(Wish).load(event.id) };
  }
}

const litUpBy: NestedSource<Wish> = {
  name: 'Person.litUpWishes',
  entity: Wish,
  from: 'wish t',
  parentKey: 't.claimer_id',
  ordering: orderingBy('id', 'id', 'number', 'desc'),
};

const litUpFor: NestedSource<Wish> = {
  name: 'Organization.litUpWishes',
  entity: Wish,
  from: 'wish t',
  parentKey: 't.claimed_for_id',
  ordering: orderingBy('id', 'id', 'number', 'desc'),
};

/** A unit's or volunteer team's service record: the wishes its members claimed for it and lit up. */
@Resolver(() => OrganizationType)
export class OrganizationWishesResolver {
  @FieldResolver(() => WishConnection, {
    description: 'The wishes claimed for this unit or team and lit up (confirmed), newest first: its service record.',
  })
  litUpWishes(@Root() organization: Organization, @Ctx() { loaders }: Context, @Args(() => PageArgs) page: PageArgs) {
    return loaders.connection(litUpFor, page, organization.id, { sql: `t.state = 'CONFIRMED'`, params: [] });
  }
}

/** A person's service record (服务记录): in-service party members (双报到) earn it from the wishes they light up. */
@Resolver(() => PersonType)
export class PersonWishesResolver {
  @FieldResolver(() => WishConnection, {
    description: 'The wishes this person claimed and lit up (confirmed), newest first: their service record.',
  })
  litUpWishes(@Root() person: Person, @Ctx() { loaders }: Context, @Args(() => PageArgs) page: PageArgs) {
    return loaders.connection(litUpBy, page, person.id, { sql: `t.state = 'CONFIRMED'`, params: [] });
  }
}
