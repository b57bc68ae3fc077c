import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { requireCompany } from '../../auth/property-company.js';
import type { Context } from '../../graphql/context.js';
import { badInput } from '../../graphql/errors.js';
import { toGlobalId } from '../../graphql/global-id.js';
import { Area } from '../areas/area.entity.js';
import { AreaType } from '../areas/area.types.js';
import {
  type ChangeEventValue,
  type ChangeKind,
  changesAfter,
  compoundsOf,
  fromCursor,
  latestSequence,
  MAX_PAGE,
  toCursor,
} from './changes.service.js';
import { ChangeEventType, ChangeFeedType, ChangeKindEnum } from './changes.types.js';

@Resolver(() => ChangeEventType)
export class ChangesResolver {
  @Query(() => ChangeFeedType, {
    description:
      'What changed in the compounds your company manages (requests, votes, notices), oldest first. For a property company’s API key with scope WRITE_PROPERTY. `since` is a cursor from an earlier page or event, or `changesCursor`; without it the feed starts at the beginning.',
  })
  async changes(
    @Ctx() ctx: Context,
    @Arg('since', () => String, { nullable: true }) since: string | null,
    @Arg('first', () => Int, { defaultValue: 100, description: 'At most 1,000.' }) first: number,
    @Arg('kinds', () => [ChangeKindEnum], { nullable: true, description: 'Only these kinds; all without it.' }) kinds: ChangeKind[] | null,
  ) {
    const company = await requireCompany(ctx);
    if (first < 1 || first > MAX_PAGE) throw badInput(`first must be between 1 and ${MAX_PAGE}`, 'first');
    const after = since == null ? 0 : fromCursor(since);
    if (after === null) throw badInput('since is not a cursor of this feed', 'since');
    const page = await changesAfter(ctx.em, await compoundsOf(ctx.em, company), after, first, kinds ?? undefined);
    return { events: page.events, cursor: toCursor(page.cursor), hasMore: page.hasMore };
  }

  @Query(() => String, {
    description: 'A cursor at the newest change: pass it as `changes(since:)` to follow from now on, without the history.',
  })
  async changesCursor(@Ctx() ctx: Context): Promise<string> {
    await requireCompany(ctx);
    return toCursor(await latestSequence(ctx.em));
  }

  @FieldResolver(() => ID, {
    description: 'The event’s stable identity (its deliveries’ `webhook-id`), and a cursor: `changes(since:)` resumes after it.',
  })
  id(@Root() event: ChangeEventValue): string {
    return toCursor(event.sequence);
  }

  @FieldResolver(() => ID, {
    description: 'The changed object’s global ID: fetch it with `node(id:)`, under the usual rules of who sees what.',
  })
  objectId(@Root() event: ChangeEventValue): string {
    return toGlobalId(event.objectType, event.objectId);
  }

  @FieldResolver(() => AreaType, { nullable: true, description: 'Your compound the change is in; null for a notice published above it.' })
  compound(@Root() event: ChangeEventValue, @Ctx() { loaders }: Context) {
    return event.compoundId === null ? null : loaders.byId(Area).load(event.compoundId);
  }

  @FieldResolver(() => AreaType, {
    nullable: true,
    description: 'The area the object belongs to: the compound, a building in it, or, for a notice, the community or street above it.',
  })
  async area(@Root() event: ChangeEventValue, @Ctx() { loaders }: Context) {
    const area = event.areaId === null ? null : await loaders.byId(Area).load(event.areaId);
    // Households are not public; no change is filed under one today, and none would show it.
    return area && area.kind !== 'HOUSEHOLD' ? area : null;
  }
}
