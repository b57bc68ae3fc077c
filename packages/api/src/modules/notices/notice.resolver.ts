import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { authorizeChange } from '../../auth/authorize.js';
import { PageArgs } from '../../graphql/connection.js';
import type { Context } from '../../graphql/context.js';
import { GzError } from '../../graphql/errors.js';
import { inputId } from '../../graphql/ids.js';
import { withUserErrors } from '../../graphql/mutation.js';
import { expectId } from '../../graphql/node.js';
import { orderingBy, paginate } from '../../graphql/paginate.js';
import { Area } from '../areas/area.entity.js';
import { subtreePath } from '../areas/area.service.js';
import { AreaType } from '../areas/area.types.js';
import { Proposal } from '../votes/proposal.entity.js';
import { ProposalType } from '../votes/proposal.types.js';
import { Notice } from './notice.entity.js';
import { noticeWhere, publishNotice } from './notice.service.js';
import { NoticeConnection, NoticeFilter, NoticePayload, NoticeType, PublishNoticeInput } from './notice.types.js';

const NEWEST_FIRST = orderingBy('startsAt', 'starts_at', 'date', 'desc');

@Resolver(() => NoticeType)
export class NoticeResolver {
  @Query(() => NoticeConnection, {
    description:
      'Public notices (一窗公示), newest first: those started, to anyone; scheduled ones also to those who publish notices there.',
  })
  async notices(
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => NoticeFilter, { nullable: true }) filter: NoticeFilter | null,
  ) {
    const where = await noticeWhere(
      ctx.em,
      filter && { ...filter, within: filter.within != null ? expectId(filter.within, 'Area', 'filter.within') : null },
      ctx.now,
      await ctx.grantedAreas('publish:notices'),
    );
    return paginate(ctx.em, Notice, where, NEWEST_FIRST, page);
  }

  @FieldResolver(() => AreaType, { description: 'The area whose board it is on.' })
  area(@Root() notice: Notice, @Ctx() { loaders }: Context) {
    return loaders.byId(Area).load(notice.area.id as number);
  }

  @FieldResolver(() => ProposalType, { nullable: true, description: 'The proposal it publishes, if any.' })
  proposal(@Root() notice: Notice, @Ctx() { loaders }: Context) {
    return notice.proposal ? loaders.byId(Proposal).load(notice.proposal.id as number) : null;
  }

  @Mutation(() => NoticePayload, {
    description: 'Community staff and station heads (publish:notices) publish a notice on an area’s board.',
  })
  publishNotice(@Ctx() ctx: Context, @Arg('input', () => PublishNoticeInput) input: PublishNoticeInput) {
    return withUserErrors(async () => {
      if (ctx.actor.kind !== 'PERSON' || !ctx.actor.id) {
        throw new GzError('FORBIDDEN', 'Sign in as a person to do this', { http: { status: 403 } });
      }
      const area = inputId(input.area, 'Area', ['input', 'area']);
      const path = await subtreePath(ctx.em, area);
      await authorizeChange(ctx, 'publish:notices', [path], ['input', 'area']);
      const notice = await publishNotice(
        ctx.em,
        {
          area,
          title: input.title,
          body: input.body,
          attachmentUrls: input.attachmentUrls ?? [],
          startsAt: input.startsAt ?? ctx.now,
          endsAt: input.endsAt ?? null,
        },
        ctx.actor.id,
        ctx.actor,
      );
      return { notice };
    });
  }
}
