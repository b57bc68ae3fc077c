import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { authorizeChange } from '../../auth/authorize.js';
import { maskAddress } from '../../auth/mask.js';
import { mayReadPersonalDataAt } from '../../auth/personal-data.js';
import { maySeeArea, visibleAreasSql, visibleAreasWhere, visibleRolesSql } from '../../auth/visibility.js';
import { ChangeType } from '../../graphql/changes.js';
import { type ConnectionResult, PageArgs } from '../../graphql/connection.js';
import type { Context } from '../../graphql/context.js';
import { GzError, InputProblem } from '../../graphql/errors.js';
import { type GeoPointInput, GeoPointType } from '../../graphql/geo.js';
import { inputId, optionalInputId } from '../../graphql/ids.js';
import { withUserErrors } from '../../graphql/mutation.js';
import { expectId } from '../../graphql/node.js';
import { orderingOf } from '../../graphql/ordering.js';
import { paginate } from '../../graphql/paginate.js';
import { ancestorsOf, type ChangeEvent, Topics } from '../../graphql/pubsub.js';
import { Organization } from '../organizations/organization.entity.js';
import { organizationSources, responsibilitySources } from '../organizations/organization.sources.js';
import { OrganizationConnection, OrganizationType, ResponsibilityConnection } from '../organizations/organization.types.js';
import { roleSources } from '../people/person.sources.js';
import { RoleAssignmentConnection } from '../people/person.types.js';
import { stationSources } from '../stations/station.sources.js';
import { StationConnection } from '../stations/station.types.js';
import { Area } from './area.entity.js';
import { type AreaValues, areaWhere, createArea, subtreePath, updateArea } from './area.service.js';
import { areaSources } from './area.sources.js';
import { AreaConnection, AreaFilter, AreaOrder, AreaPayload, AreaType, CreateAreaInput, UpdateAreaInput } from './area.types.js';

export const AreaChange = ChangeType(AreaType, 'Area', 'area');

function changeOf(area: Area, action: ChangeEvent['action']): ChangeEvent {
  return { id: area.id, action, ancestors: ancestorsOf(area.path), ...(area.kind === 'HOUSEHOLD' ? { householdPath: area.path } : {}) };
}

/** An outline as stored: `[latitude, longitude]` pairs. */
function ring(points: GeoPointInput[] | null | undefined): [number, number][] | null {
  return points ? points.map((p) => [p.latitude, p.longitude]) : null;
}

function filterValues(filter: AreaFilter | null | undefined) {
  if (!filter) return null;
  return {
    ...filter,
    within: filter.within != null ? expectId(filter.within, 'Area', 'filter.within') : null,
    parent: filter.parent != null ? expectId(filter.parent, 'Area', 'filter.parent') : null,
  };
}

@Resolver(() => AreaType)
export class AreaResolver {
  @Query(() => AreaConnection, {
    description: 'Areas of the tree, any level; households only where you have read:people, and your own home.',
  })
  async areas(
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => AreaFilter, { nullable: true }) filter: AreaFilter | null,
    @Arg('orderBy', () => AreaOrder, { nullable: true }) orderBy: AreaOrder | null,
  ): Promise<ConnectionResult<Area>> {
    const where = await areaWhere(ctx.em, filterValues(filter));
    const visible = visibleAreasWhere(await ctx.visibility());
    return paginate(ctx.em, Area, { $and: [where, visible] } as never, orderingOf(orderBy), page);
  }

  @FieldResolver(() => String, {
    description: 'A household’s name is its exact address (2单元301室): masked for callers who may not read it.',
  })
  async name(@Root() area: Area, @Ctx() ctx: Context): Promise<string> {
    return area.kind !== 'HOUSEHOLD' || (await mayReadPersonalDataAt(ctx, area.path)) ? area.name : maskAddress(area.name);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Postal address; a household’s is masked like its name.' })
  async address(@Root() area: Area, @Ctx() ctx: Context): Promise<string | null> {
    if (!area.address) return null;
    return area.kind !== 'HOUSEHOLD' || (await mayReadPersonalDataAt(ctx, area.path)) ? area.address : maskAddress(area.address);
  }

  @FieldResolver(() => [GeoPointType], {
    nullable: true,
    description: 'The outline (边界), WGS-84: one ring, not closed (the last point joins the first); null when not drawn.',
  })
  boundary(@Root() area: Area): GeoPointType[] | null {
    return area.boundary ? area.boundary.map(([latitude, longitude]) => ({ latitude, longitude })) : null;
  }

  @FieldResolver(() => AreaType, { nullable: true, description: 'The area this one sits in; null for a district.' })
  parent(@Root() area: Area, @Ctx() { loaders }: Context): Promise<Area | null> | null {
    return area.parent ? loaders.byId(Area).load(area.parent.id) : null;
  }

  @FieldResolver(() => [AreaType], { description: 'From the district down to the parent.' })
  async ancestors(@Root() area: Area, @Ctx() { loaders }: Context): Promise<Area[]> {
    const ids = area.path.split('/').filter(Boolean).map(Number).slice(0, -1);
    const found = await loaders.byId(Area).loadMany(ids);
    return found.filter((a): a is Area => a instanceof Area);
  }

  @FieldResolver(() => AreaConnection, { description: 'The areas directly below, by name.' })
  async children(@Root() area: Area, @Ctx() ctx: Context, @Args(() => PageArgs) page: PageArgs) {
    return ctx.loaders.connection(areaSources.children, page, area.id, visibleAreasSql(await ctx.visibility()));
  }

  @FieldResolver(() => OrganizationType, { nullable: true, description: 'Compounds only: the property company managing it.' })
  manager(@Root() area: Area, @Ctx() { loaders }: Context): Promise<Organization | null> | null {
    return area.manager ? loaders.byId(Organization).load(area.manager.id) : null;
  }

  @FieldResolver(() => OrganizationConnection, { description: 'Organisations sitting directly in this area.' })
  organizations(@Root() area: Area, @Ctx() { loaders }: Context, @Args(() => PageArgs) page: PageArgs) {
    return loaders.connection(organizationSources.inArea, page, area.id);
  }

  @FieldResolver(() => StationConnection, { description: 'Stations sitting directly in this area.' })
  stations(@Root() area: Area, @Ctx() { loaders }: Context, @Args(() => PageArgs) page: PageArgs) {
    return loaders.connection(stationSources.inArea, page, area.id);
  }

  @FieldResolver(() => StationConnection, { description: 'Grids only: the stations covering this grid.' })
  coveringStations(@Root() area: Area, @Ctx() { loaders }: Context, @Args(() => PageArgs) page: PageArgs) {
    return loaders.connection(stationSources.coveringGrid, page, area.id);
  }

  @FieldResolver(() => RoleAssignmentConnection, { description: 'Roles held in this area (not below it).' })
  async roles(@Root() area: Area, @Ctx() ctx: Context, @Args(() => PageArgs) page: PageArgs) {
    return ctx.loaders.connection(roleSources.inArea, page, area.id, visibleRolesSql(await ctx.visibility()));
  }

  @FieldResolver(() => ResponsibilityConnection, { description: 'Communities only: the units answerable for it (包保).' })
  responsibleUnits(@Root() area: Area, @Ctx() { loaders }: Context, @Args(() => PageArgs) page: PageArgs) {
    return loaders.connection(responsibilitySources.forArea, page, area.id);
  }

  @Subscription(() => AreaChange, {
    topics: Topics.AREA_CHANGED,
    filter: async ({ payload, args, context }: { payload: ChangeEvent; args: { within?: string | null }; context: Context }) =>
      (args.within == null || payload.ancestors.includes(expectId(args.within, 'Area', 'within'))) &&
      (payload.householdPath === undefined || maySeeArea(await context.visibility(), { kind: 'HOUSEHOLD', path: payload.householdPath })),
    description: 'Areas created or changed, optionally only those in an area’s subtree; households only for those who may see them.',
  })
  async areaChanged(@Root() event: ChangeEvent, @Ctx() ctx: Context, @Arg('within', () => ID, { nullable: true }) _within: string | null) {
    ctx.renew();
    return { action: event.action, area: await ctx.loaders.byId(Area).load(event.id) };
  }

  @Mutation(() => AreaPayload, { description: 'Adds an area under a parent of the right level.' })
  createArea(@Ctx() ctx: Context, @Arg('input', () => CreateAreaInput) input: CreateAreaInput) {
    const { em, pubsub, actor } = ctx;
    return withUserErrors(async () => {
      const values: AreaValues = {
        kind: input.kind,
        name: input.name,
        parent: optionalInputId(input.parent, 'Area', ['input', 'parent']) ?? null,
        code: input.code ?? null,
        gridKind: input.gridKind ?? null,
        gridLevel: input.gridLevel ?? null,
        floorArea: input.floorArea ?? null,
        ownerCount: input.ownerCount ?? null,
        management: input.management ?? null,
        manager: optionalInputId(input.manager, 'Organization', ['input', 'manager']) ?? null,
        address: input.address ?? null,
        latitude: input.latitude ?? null,
        longitude: input.longitude ?? null,
        boundary: ring(input.boundary),
      };
      if (values.kind === 'DISTRICT') {
        throw new GzError('FORBIDDEN', 'Districts are set up with the deployment (pnpm seed), not through the API', {
          http: { status: 403 },
        });
      }
      await authorizeChange(
        ctx,
        'write:areas',
        // Without a parent the input is refused below (REQUIRED); with one, it must be in your areas.
        values.parent === null ? [] : [await subtreePath(em, values.parent)],
        ['input', 'parent'],
      );
      const area = await createArea(em, values, actor);
      await pubsub.publish(Topics.AREA_CHANGED, changeOf(area, 'CREATED'));
      return { area };
    });
  }

  @Mutation(() => AreaPayload, { description: 'Changes an area; fields left out stay as they are.' })
  updateArea(@Ctx() ctx: Context, @Arg('input', () => UpdateAreaInput) input: UpdateAreaInput) {
    const { em, pubsub, actor } = ctx;
    return withUserErrors(async () => {
      const id = inputId(input.id, 'Area', ['input', 'id']);
      const { id: _id, parent, manager, boundary, ...rest } = input;
      const change: Partial<AreaValues> = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
      if (boundary !== undefined) change.boundary = ring(boundary);
      if (parent !== undefined) {
        if (parent === null)
          throw new InputProblem(['input', 'parent'], 'Only a district has no parent; move an area under another', 'REQUIRED');
        change.parent = inputId(parent, 'Area', ['input', 'parent']);
      }
      if (manager !== undefined) change.manager = optionalInputId(manager, 'Organization', ['input', 'manager']) ?? null;
      if (change.name === null) throw new InputProblem(['input', 'name'], 'Name must not be empty', 'REQUIRED');
      await authorizeChange(
        ctx,
        'write:areas',
        [await subtreePath(em, id), ...(change.parent != null ? [await subtreePath(em, change.parent)] : [])],
        ['input', 'id'],
      );
      const area = await updateArea(em, id, change, actor);
      await pubsub.publish(Topics.AREA_CHANGED, changeOf(area, 'UPDATED'));
      return { area };
    });
  }
}
