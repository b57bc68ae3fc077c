import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { authorizeChange } from '../../auth/authorize.js';
import { PageArgs } from '../../graphql/connection.js';
import type { Context } from '../../graphql/context.js';
import { InputProblem } from '../../graphql/errors.js';
import { type IdType, parseGlobalId } from '../../graphql/global-id.js';
import { inputId, optionalInputId } from '../../graphql/ids.js';
import { withUserErrors } from '../../graphql/mutation.js';
import { expectId } from '../../graphql/node.js';
import { orderingOf } from '../../graphql/ordering.js';
import { paginate } from '../../graphql/paginate.js';
import { Area } from '../areas/area.entity.js';
import { subtreePath } from '../areas/area.service.js';
import { areaSources } from '../areas/area.sources.js';
import { AreaConnection, AreaType } from '../areas/area.types.js';
import { Station } from '../stations/station.entity.js';
import { StationType } from '../stations/station.types.js';
import { Organization, Responsibility } from './organization.entity.js';
import { createOrganization, type OrganizationValues, organizationWhere, updateOrganization } from './organization.service.js';
import { organizationSources, responsibilitySources } from './organization.sources.js';
import {
  CreateOrganizationInput,
  OrganizationConnection,
  OrganizationFilter,
  OrganizationOrder,
  OrganizationPayload,
  OrganizationType,
  ResponsibilityConnection,
  ResponsibilityType,
  UpdateOrganizationInput,
} from './organization.types.js';

/** Splits `responsibleFor` IDs into communities and stations. */
function responsibleFor(ids: string[]): { areas: number[]; stations: number[] } {
  const areas: number[] = [];
  const stations: number[] = [];
  for (const id of ids) {
    const parsed = parseGlobalId(id);
    const allowed: IdType[] = ['Area', 'Station'];
    if (!parsed || !allowed.includes(parsed.type)) {
      throw new InputProblem(['input', 'responsibleFor'], `"${id}" is not the ID of a community or a station`, 'INVALID_ID');
    }
    (parsed.type === 'Area' ? areas : stations).push(parsed.id);
  }
  return { areas, stations };
}

function listValues(input: CreateOrganizationInput | UpdateOrganizationInput): Partial<OrganizationValues> {
  const values: Partial<OrganizationValues> = {};
  if (input.responsibleFor != null) values.responsibleFor = responsibleFor(input.responsibleFor);
  if (input.members != null) values.members = input.members.map((m) => inputId(m, 'Organization', ['input', 'members']));
  return values;
}

@Resolver(() => OrganizationType)
export class OrganizationResolver {
  @Query(() => OrganizationConnection, { description: 'Party organisations, units, property companies, teams and alliances.' })
  async organizations(
    @Ctx() { em }: Context,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => OrganizationFilter, { nullable: true }) filter: OrganizationFilter | null,
    @Arg('orderBy', () => OrganizationOrder, { nullable: true }) orderBy: OrganizationOrder | null,
  ) {
    const where = await organizationWhere(
      em,
      filter && { ...filter, within: filter.within != null ? expectId(filter.within, 'Area', 'filter.within') : null },
    );
    return paginate(em, Organization, where, orderingOf(orderBy), page);
  }

  @FieldResolver(() => AreaType, { nullable: true, description: 'The area the organisation sits in.' })
  area(@Root() org: Organization, @Ctx() { loaders }: Context) {
    return org.area ? loaders.byId(Area).load(org.area.id) : null;
  }

  @FieldResolver(() => OrganizationType, { nullable: true, description: 'The superior organisation.' })
  parent(@Root() org: Organization, @Ctx() { loaders }: Context) {
    return org.parent ? loaders.byId(Organization).load(org.parent.id) : null;
  }

  @FieldResolver(() => OrganizationType, { nullable: true, description: 'Party organisations only: the organisation it sits in.' })
  host(@Root() org: Organization, @Ctx() { loaders }: Context) {
    return org.host ? loaders.byId(Organization).load(org.host.id) : null;
  }

  @FieldResolver(() => OrganizationConnection, { description: 'Organisations whose superior this is.' })
  children(@Root() org: Organization, @Ctx() { loaders }: Context, @Args(() => PageArgs) page: PageArgs) {
    return loaders.connection(organizationSources.children, page, org.id);
  }

  @FieldResolver(() => OrganizationConnection, { description: 'Party organisations set up inside this organisation.' })
  partyOrganizations(@Root() org: Organization, @Ctx() { loaders }: Context, @Args(() => PageArgs) page: PageArgs) {
    return loaders.connection(organizationSources.partyOrganizations, page, org.id);
  }

  @FieldResolver(() => OrganizationConnection, { description: 'Alliances only: their members.' })
  members(@Root() org: Organization, @Ctx() { loaders }: Context, @Args(() => PageArgs) page: PageArgs) {
    return loaders.connection(organizationSources.members, page, org.id);
  }

  @FieldResolver(() => OrganizationConnection, { description: 'The alliances this organisation belongs to.' })
  alliances(@Root() org: Organization, @Ctx() { loaders }: Context, @Args(() => PageArgs) page: PageArgs) {
    return loaders.connection(organizationSources.alliances, page, org.id);
  }

  @FieldResolver(() => AreaConnection, { description: 'Property companies only: the compounds they manage.' })
  managedCompounds(@Root() org: Organization, @Ctx() { loaders }: Context, @Args(() => PageArgs) page: PageArgs) {
    return loaders.connection(areaSources.managedCompounds, page, org.id);
  }

  @FieldResolver(() => ResponsibilityConnection, { description: 'Units only: what they answer for (包保).' })
  responsibilities(@Root() org: Organization, @Ctx() { loaders }: Context, @Args(() => PageArgs) page: PageArgs) {
    return loaders.connection(responsibilitySources.ofUnit, page, org.id);
  }

  @Mutation(() => OrganizationPayload)
  createOrganization(@Ctx() ctx: Context, @Arg('input', () => CreateOrganizationInput) input: CreateOrganizationInput) {
    return withUserErrors(async () => {
      const values: OrganizationValues = {
        kind: input.kind,
        name: input.name,
        area: optionalInputId(input.area, 'Area', ['input', 'area']) ?? null,
        parent: optionalInputId(input.parent, 'Organization', ['input', 'parent']) ?? null,
        host: optionalInputId(input.host, 'Organization', ['input', 'host']) ?? null,
        partyLevel: input.partyLevel ?? null,
        propertyCompanyKind: input.propertyCompanyKind ?? null,
        redHeart: input.redHeart ?? false,
        ...listValues(input),
      };
      if (values.area === null)
        throw new InputProblem(['input', 'area'], 'An organisation is created in an area you administer', 'REQUIRED');
      await authorizeChange(ctx, 'write:organizations', [await subtreePath(ctx.em, values.area)], ['input', 'area']);
      return { organization: await createOrganization(ctx.em, values, ctx.actor) };
    });
  }

  @Mutation(() => OrganizationPayload, { description: 'Changes an organisation; fields left out stay as they are.' })
  updateOrganization(@Ctx() ctx: Context, @Arg('input', () => UpdateOrganizationInput) input: UpdateOrganizationInput) {
    return withUserErrors(async () => {
      const id = inputId(input.id, 'Organization', ['input', 'id']);
      const change: Partial<OrganizationValues> = listValues(input);
      if (input.name !== undefined) {
        if (input.name === null) throw new InputProblem(['input', 'name'], 'Name must not be empty', 'REQUIRED');
        change.name = input.name;
      }
      if (input.area !== undefined) change.area = optionalInputId(input.area, 'Area', ['input', 'area']);
      if (input.parent !== undefined) change.parent = optionalInputId(input.parent, 'Organization', ['input', 'parent']);
      if (input.host !== undefined) change.host = optionalInputId(input.host, 'Organization', ['input', 'host']);
      if (input.partyLevel !== undefined) change.partyLevel = input.partyLevel;
      if (input.propertyCompanyKind !== undefined) change.propertyCompanyKind = input.propertyCompanyKind;
      if (input.redHeart != null) change.redHeart = input.redHeart;
      const current = await ctx.em.findOne(Organization, { id }, { fields: ['area'] });
      const paths = [current?.area ? await subtreePath(ctx.em, current.area.id as number) : null];
      if (change.area != null) paths.push(await subtreePath(ctx.em, change.area));
      await authorizeChange(ctx, 'write:organizations', paths, ['input', 'id']);
      return { organization: await updateOrganization(ctx.em, id, change, ctx.actor) };
    });
  }
}

@Resolver(() => ResponsibilityType)
export class ResponsibilityResolver {
  @FieldResolver(() => OrganizationType, { description: 'The unit that answers.' })
  unit(@Root() r: Responsibility, @Ctx() { loaders }: Context) {
    return loaders.byId(Organization).load(r.unit.id);
  }

  @FieldResolver(() => AreaType, { nullable: true, description: 'The community it answers for.' })
  area(@Root() r: Responsibility, @Ctx() { loaders }: Context) {
    return r.area ? loaders.byId(Area).load(r.area.id) : null;
  }

  @FieldResolver(() => StationType, { nullable: true, description: 'The station it answers for.' })
  station(@Root() r: Responsibility, @Ctx() { loaders }: Context) {
    return r.station ? loaders.byId(Station).load(r.station.id) : null;
  }
}
