import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireCompany } from '../../auth/property-company.js';
import { PageArgs } from '../../graphql/connection.js';
import type { Context } from '../../graphql/context.js';
import { toGlobalId } from '../../graphql/global-id.js';
import { inputId } from '../../graphql/ids.js';
import { withUserErrors } from '../../graphql/mutation.js';
import { orderingBy, paginate } from '../../graphql/paginate.js';
import { toCursor } from '../changes/changes.service.js';
import { Webhook } from './webhook.entity.js';
import { createWebhook, deleteWebhook } from './webhook.service.js';
import {
  CreateWebhookInput,
  CreateWebhookPayload,
  DeleteWebhookInput,
  WebhookConnection,
  WebhookPayload,
  WebhookType,
} from './webhook.types.js';

@Resolver(() => WebhookType)
export class WebhookResolver {
  @Query(() => WebhookConnection, {
    description:
      'Your company’s webhooks with their delivery status, newest first. For a property company’s API key with scope WRITE_PROPERTY.',
  })
  async webhooks(@Ctx() ctx: Context, @Args(() => PageArgs) page: PageArgs) {
    const company = await requireCompany(ctx);
    return paginate(ctx.em, Webhook, { organization: company } as never, orderingBy('id', 'id', 'number', 'desc'), page);
  }

  @FieldResolver(() => ID)
  id(@Root() webhook: Webhook): string {
    return toGlobalId('Webhook', webhook.id);
  }

  @FieldResolver(() => String, { description: 'The last change delivered: `changes(since:)` from here gives what is still to come.' })
  cursor(@Root() webhook: Webhook): string {
    return toCursor(webhook.cursor);
  }

  @Mutation(() => CreateWebhookPayload, {
    description:
      'A property company’s key (WRITE_PROPERTY): push its changes from now on to an address. Answers the signing secret, this once.',
  })
  async createWebhook(@Ctx() ctx: Context, @Arg('input', () => CreateWebhookInput) input: CreateWebhookInput) {
    const company = await requireCompany(ctx);
    return withUserErrors(() =>
      createWebhook(ctx.em, company, { url: input.url, kinds: input.kinds ?? [] }, ctx.actor, ctx.allowPrivateWebhooks),
    );
  }

  @Mutation(() => WebhookPayload, { description: 'A property company’s key (WRITE_PROPERTY): stop and remove one of its webhooks.' })
  async deleteWebhook(@Ctx() ctx: Context, @Arg('input', () => DeleteWebhookInput) input: DeleteWebhookInput) {
    const company = await requireCompany(ctx);
    return withUserErrors(async () => ({
      webhook: await deleteWebhook(ctx.em, company, inputId(input.id, 'Webhook', ['input', 'id']), ctx.actor),
    }));
  }
}
