import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { areasGranting, grants } from '../../auth/permissions.js';
import { PageArgs } from '../../graphql/connection.js';
import type { Context } from '../../graphql/context.js';
import { GzError, InputProblem } from '../../graphql/errors.js';
import { toGlobalId } from '../../graphql/global-id.js';
import { inputId } from '../../graphql/ids.js';
import { withUserErrors } from '../../graphql/mutation.js';
import { orderingBy, paginate } from '../../graphql/paginate.js';
import { likePrefix } from '../areas/area.service.js';
import { Organization } from '../organizations/organization.entity.js';
import { OrganizationType } from '../organizations/organization.types.js';
import { Person } from '../people/person.entity.js';
import { PersonType } from '../people/person.types.js';
import { ApiKey } from './api-key.entity.js';
import { createApiKey, organizationPath, revokeApiKey } from './api-key.service.js';
import {
  ApiKeyConnection,
  ApiKeyPayload,
  ApiKeyScopeEnum,
  ApiKeyType,
  CreateApiKeyInput,
  CreateApiKeyPayload,
  RevokeApiKeyInput,
  scopeFromApi,
  scopeToApi,
} from './api-key.types.js';

const forbidden = () => new GzError('FORBIDDEN', 'Only administrators manage API keys', { http: { status: 403 } });

@Resolver(() => ApiKeyType)
export class ApiKeyResolver {
  @Query(() => ApiKeyConnection, { description: 'The API keys of organisations in the areas you administer, newest first.' })
  async apiKeys(@Ctx() ctx: Context, @Args(() => PageArgs) page: PageArgs) {
    const paths = areasGranting(await ctx.roles(), 'manage:keys');
    if (!paths.length) throw forbidden();
    const where = { $or: paths.map((path) => ({ organization: { area: { path: { $like: likePrefix(path) } } } })) };
    return paginate(ctx.em, ApiKey, where as never, orderingBy('id', 'id', 'number', 'desc'), page);
  }

  @FieldResolver(() => ID)
  id(@Root() key: ApiKey): string {
    return toGlobalId('ApiKey', key.id);
  }

  @FieldResolver(() => [ApiKeyScopeEnum])
  scopes(@Root() key: ApiKey): string[] {
    return key.scopes.map(scopeToApi);
  }

  @FieldResolver(() => OrganizationType)
  organization(@Root() key: ApiKey, @Ctx() { loaders }: Context) {
    return loaders.byId(Organization).load(key.organization.id as number);
  }

  @FieldResolver(() => PersonType, { nullable: true, description: 'The administrator who created it.' })
  createdBy(@Root() key: ApiKey, @Ctx() { loaders }: Context) {
    return key.createdBy ? loaders.byId(Person).load(key.createdBy) : null;
  }

  @Mutation(() => CreateApiKeyPayload, { description: 'Administrators only: a key for an organisation in their area.' })
  async createApiKey(@Ctx() ctx: Context, @Arg('input', () => CreateApiKeyInput) input: CreateApiKeyInput) {
    const roles = await ctx.roles();
    if (!areasGranting(roles, 'manage:keys').length) throw forbidden();
    return withUserErrors(async () => {
      const organization = inputId(input.organization, 'Organization', ['input', 'organization']);
      // An organisation outside your areas is indistinguishable from one that does not exist.
      if (!grants(roles, 'manage:keys', await organizationPath(ctx.em, organization))) {
        throw new InputProblem(['input', 'organization'], 'No such organization', 'NOT_FOUND');
      }
      return createApiKey(ctx.em, { organization, name: input.name, scopes: input.scopes.map(scopeFromApi) }, ctx.actor);
    });
  }

  @Mutation(() => ApiKeyPayload, { description: 'Administrators only: the key stops working at once.' })
  async revokeApiKey(@Ctx() ctx: Context, @Arg('input', () => RevokeApiKeyInput) input: RevokeApiKeyInput) {
    const roles = await ctx.roles();
    if (!areasGranting(roles, 'manage:keys').length) throw forbidden();
    return withUserErrors(async () => {
      const id = inputId(input.id, 'ApiKey', ['input', 'id']);
      const key = await ctx.em.findOne(ApiKey, { id }, { fields: ['organization'] });
      if (!key || !grants(roles, 'manage:keys', await organizationPath(ctx.em, key.organization.id as number))) {
        throw new InputProblem(['input', 'id'], 'No such API key', 'NOT_FOUND');
      }
      return { apiKey: await revokeApiKey(ctx.em, id, ctx.actor) };
    });
  }
}
