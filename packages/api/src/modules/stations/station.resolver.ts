import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { authorizeChange } from '../../auth/authorize.js';
import { ChangeType } from '../../graphql/changes.js';
import { PageArgs } from '../../graphql/connection.js';
import type { Context } from '../../graphql/context.js';
import { badInput, GzError, InputProblem } from '../../graphql/errors.js';
import { GeoPointInput } from '../../graphql/geo.js';
import { inputId, optionalInputId } from '../../graphql/ids.js';
import { nestedConnectionsAsked } from '../../graphql/look-ahead.js';
import { withUserErrors } from '../../graphql/mutation.js';
import { expectId } from '../../graphql/node.js';
import { orderingOf } from '../../graphql/ordering.js';
import { orderingBy, paginate } from '../../graphql/paginate.js';
import { ancestorsOf, type ChangeEvent, Topics } from '../../graphql/pubsub.js';
import { Area } from '../areas/area.entity.js';
import { subtreePath } from '../areas/area.service.js';
import { areaSources } from '../areas/area.sources.js';
import { AreaConnection, AreaType } from '../areas/area.types.js';
import { Organization } from '../organizations/organization.entity.js';
import { responsibilitySources } from '../organizations/organization.sources.js';
import { OrganizationType, ResponsibilityConnection } from '../organizations/organization.types.js';
import { Person } from '../people/person.entity.js';
import { PersonType } from '../people/person.types.js';
import { coverageOf, DEFAULT_WALKING_RADIUS } from './coverage.service.js';
import { nearestStations } from './nearest.js';
import { isOpenAt } from './opening-hours.js';
import { Service, Station, StationStaff } from './station.entity.js';
import { createStation, type StationValues, serviceWhere, stationWhere, updateStation } from './station.service.js';
import { serviceSources, staffSources, stationSources } from './station.sources.js';
import {
  type BoundingBoxInput,
  CreateStationInput,
  MAX_STATIONS_PAGE,
  ServiceConnection,
  ServiceFilter,
  ServiceType,
  StationConnection,
  StationCoverageType,
  StationFilter,
  StationOrder,
  StationPageArgs,
  StationPayload,
  StationStaffConnection,
  StationStaffInput,
  StationStaffType,
  StationType,
  UpdateStationInput,
} from './station.types.js';

function checkPoint(point: GeoPointInput, argument: string): void {
  if (!(Math.abs(point.latitude) <= 90 && Math.abs(point.longitude) <= 180)) {
    throw badInput(`${argument}: latitude must be within ±90 and longitude within ±180`, argument);
  }
}

function checkBox(box: BoundingBoxInput, argument: string): void {
  checkPoint({ latitude: box.south, longitude: box.west }, argument);
  checkPoint({ latitude: box.north, longitude: box.east }, argument);
  if (box.south > box.north) throw badInput(`${argument}: south must not be north of north`, argument);
}

export const StationChange = ChangeType(StationType, 'Station', 'station');

function listValues(input: CreateStationInput | UpdateStationInput): Partial<StationValues> {
  const values: Partial<StationValues> = {};
  if (input.services != null) values.services = input.services.map((id) => inputId(id, 'Service', ['input', 'services']));
  if (input.coveredGrids != null) values.coveredGrids = input.coveredGrids.map((id) => inputId(id, 'Area', ['input', 'coveredGrids']));
  if (input.staff != null) {
    values.staff = input.staff.map((s: StationStaffInput) => ({ person: inputId(s.person, 'Person', ['input', 'staff']), post: s.post }));
  }
  return values;
}

async function publish(ctx: Context, station: Station, action: ChangeEvent['action']): Promise<void> {
  const area = await ctx.loaders.byId(Area).load(station.area.id);
  await ctx.pubsub.publish(Topics.STATION_CHANGED, { id: station.id, action, ancestors: ancestorsOf(area?.path) });
}

@Resolver(() => StationType)
export class StationResolver {
  @Query(() => StationConnection, { description: 'Party-and-masses service stations.' })
  async stations(
    @Ctx() { em, now, loaders }: Context,
    @Info() info: GraphQLResolveInfo,
    @Args(() => StationPageArgs) page: StationPageArgs,
    @Arg('filter', () => StationFilter, { nullable: true }) filter: StationFilter | null,
    @Arg('orderBy', () => StationOrder, { nullable: true }) orderBy: StationOrder | null,
    @Arg('near', () => GeoPointInput, {
      nullable: true,
      description: 'Nearest first from this point, each edge with its `distance`; not together with `orderBy`.',
    })
    near: GeoPointInput | null,
  ) {
    if (near && orderBy) throw badInput('Pass either `near` or `orderBy`: `near` orders by distance', 'orderBy');
    if (near) checkPoint(near, 'near');
    if (filter?.boundingBox) checkBox(filter.boundingBox, 'filter.boundingBox');
    const where = await stationWhere(
      em,
      filter && {
        nameContains: filter.nameContains,
        within: filter.within != null ? expectId(filter.within, 'Area', 'filter.within') : null,
        service: filter.service != null ? expectId(filter.service, 'Service', 'filter.service') : null,
        coversGrid: filter.coversGrid != null ? expectId(filter.coversGrid, 'Area', 'filter.coversGrid') : null,
        openNow: filter.openNow,
        boundingBox: filter.boundingBox,
      },
      now,
    );
    if (near) {
      // The services a client asks of each station come in the stations' own statement.
      const embedded = nestedConnectionsAsked(info, 'Station', 'services')
        .map((asked) => loaders.embed(serviceSources.ofStation, asked.args, '"s"."id"', { total: asked.totalCount }))
        .filter((column) => column !== null);
      return nearestStations(em, where, near, page, MAX_STATIONS_PAGE, embedded);
    }
    return paginate(em, Station, where, orderingOf(orderBy), page, MAX_STATIONS_PAGE);
  }

  @Query(() => StationCoverageType, {
    nullable: true,
    description:
      'The 15-minute service circle of an area (read:stats): covered households, uncovered compounds, and a suggested site for the next station. Null for an area outside yours.',
  })
  async stationCoverage(
    @Ctx() ctx: Context,
    @Arg('area', () => ID) areaId: string,
    @Arg('radius', () => Int, { defaultValue: DEFAULT_WALKING_RADIUS, description: 'Walking radius in metres, 100 to 5,000.' })
    radius: number,
  ): Promise<StationCoverageType | null> {
    const id = expectId(areaId, 'Area', 'area');
    if (radius < 100 || radius > 5000) throw badInput(`radius must be between 100 and 5000 metres, got ${radius}`, 'radius');
    const granted = await ctx.grantedAreas('read:stats');
    if (!granted.length) throw new GzError('FORBIDDEN', 'Coverage figures need read:stats in an area', { http: { status: 403 } });
    const area = await ctx.loaders.byId(Area).load(id);
    if (!area || !granted.some((path) => area.path.startsWith(path))) return null;
    const coverage = await coverageOf(ctx.em, area.path, radius);
    const byId = new Map((await ctx.em.find(Area, { id: { $in: coverage.compounds.map((c) => c.id) } })).map((a) => [a.id, a]));
    const judged = coverage.households - coverage.unlocatedHouseholds;
    return {
      area: area as never,
      radius,
      households: coverage.households,
      coveredHouseholds: coverage.coveredHouseholds,
      unlocatedHouseholds: coverage.unlocatedHouseholds,
      share: judged > 0 ? coverage.coveredHouseholds / judged : null,
      uncoveredCompounds: coverage.compounds
        .filter((c) => !c.covered)
        .sort((a, b) => b.households - a.households || a.id - b.id)
        .map((c) => ({ compound: byId.get(c.id) as never, households: c.households })),
      suggestedSite: coverage.suggestedSite && {
        compound: byId.get(coverage.suggestedSite.compound.id) as never,
        latitude: coverage.suggestedSite.compound.latitude,
        longitude: coverage.suggestedSite.compound.longitude,
        newlyCoveredHouseholds: coverage.suggestedSite.newlyCoveredHouseholds,
      },
    };
  }

  @FieldResolver(() => Boolean, { description: 'Open at this moment, by its opening hours in its own time zone.' })
  openNow(@Root() station: Station, @Ctx() { now }: Context) {
    return isOpenAt(station.openingHours, station.timeZone, now);
  }

  @FieldResolver(() => AreaType, { description: 'The area the station sits in.' })
  area(@Root() station: Station, @Ctx() { loaders }: Context) {
    return loaders.byId(Area).load(station.area.id);
  }

  @FieldResolver(() => OrganizationType, { nullable: true, description: 'The unit answerable for the station (包保).' })
  responsibleUnit(@Root() station: Station, @Ctx() { loaders }: Context) {
    return station.responsibleUnit ? loaders.byId(Organization).load(station.responsibleUnit.id) : null;
  }

  @FieldResolver(() => ServiceConnection, { description: 'The services offered, by name.' })
  services(@Root() station: Station, @Ctx() { loaders }: Context, @Args(() => PageArgs) page: PageArgs) {
    return loaders.connection(serviceSources.ofStation, page, station.id);
  }

  @FieldResolver(() => AreaConnection, { description: 'The grids this station covers.' })
  coveredGrids(@Root() station: Station, @Ctx() { loaders }: Context, @Args(() => PageArgs) page: PageArgs) {
    return loaders.connection(areaSources.coveredGrids, page, station.id);
  }

  @FieldResolver(() => StationStaffConnection, { description: 'The people on the station’s staff.' })
  staff(@Root() station: Station, @Ctx() { loaders }: Context, @Args(() => PageArgs) page: PageArgs) {
    return loaders.connection(staffSources.ofStation, page, station.id);
  }

  @FieldResolver(() => ResponsibilityConnection, { description: 'Units answerable for this station (包保).' })
  responsibleUnits(@Root() station: Station, @Ctx() { loaders }: Context, @Args(() => PageArgs) page: PageArgs) {
    return loaders.connection(responsibilitySources.forStation, page, station.id);
  }

  @Mutation(() => StationPayload)
  createStation(@Ctx() ctx: Context, @Arg('input', () => CreateStationInput) input: CreateStationInput) {
    return withUserErrors(async () => {
      const values: StationValues = {
        name: input.name,
        address: input.address,
        latitude: input.latitude,
        longitude: input.longitude,
        area: inputId(input.area, 'Area', ['input', 'area']),
        phone: input.phone ?? null,
        timeZone: input.timeZone ?? 'Asia/Shanghai',
        openingHours: input.openingHours ?? [],
        responsibleUnit: optionalInputId(input.responsibleUnit, 'Organization', ['input', 'responsibleUnit']) ?? null,
        ...listValues(input),
      };
      await authorizeChange(ctx, 'write:stations', [await subtreePath(ctx.em, values.area)], ['input', 'area']);
      const station = await createStation(ctx.em, values, ctx.actor);
      await publish(ctx, station, 'CREATED');
      return { station };
    });
  }

  @Mutation(() => StationPayload, { description: 'Changes a station; fields left out stay as they are.' })
  updateStation(@Ctx() ctx: Context, @Arg('input', () => UpdateStationInput) input: UpdateStationInput) {
    return withUserErrors(async () => {
      const id = inputId(input.id, 'Station', ['input', 'id']);
      const change: Partial<StationValues> = listValues(input);
      for (const key of ['name', 'address', 'latitude', 'longitude', 'timeZone', 'openingHours'] as const) {
        if (input[key] === null) throw new InputProblem(['input', key], `${key} cannot be cleared`, 'REQUIRED');
        if (input[key] !== undefined) Object.assign(change, { [key]: input[key] });
      }
      if (input.area === null) throw new InputProblem(['input', 'area'], 'A station sits in an area', 'REQUIRED');
      if (input.area !== undefined) change.area = inputId(input.area, 'Area', ['input', 'area']);
      if (input.phone !== undefined) change.phone = input.phone;
      if (input.responsibleUnit !== undefined) {
        change.responsibleUnit = optionalInputId(input.responsibleUnit, 'Organization', ['input', 'responsibleUnit']);
      }
      const current = await ctx.em.findOne(Station, { id }, { fields: ['area'] });
      const paths = [current ? await subtreePath(ctx.em, current.area.id as number) : null];
      if (change.area != null) paths.push(await subtreePath(ctx.em, change.area));
      await authorizeChange(ctx, 'write:stations', paths, ['input', 'id']);
      const station = await updateStation(ctx.em, id, change, ctx.actor);
      await publish(ctx, station, 'UPDATED');
      return { station };
    });
  }

  @Subscription(() => StationChange, {
    topics: Topics.STATION_CHANGED,
    filter: ({ payload, args }: { payload: ChangeEvent; args: { within?: string | null } }) =>
      args.within == null || payload.ancestors.includes(expectId(args.within, 'Area', 'within')),
    description: 'Stations created or changed, optionally only those in an area’s subtree.',
  })
  async stationChanged(
    @Root() event: ChangeEvent,
    @Ctx() ctx: Context,
    @Arg('within', () => ID, { nullable: true }) _within: string | null,
  ) {
    ctx.renew();
    return { action: event.action, station: await ctx.loaders.byId(Station).load(event.id) };
  }
}

@Resolver(() => StationStaffType)
export class StationStaffResolver {
  @FieldResolver(() => PersonType)
  person(@Root() staff: StationStaff, @Ctx() { loaders }: Context) {
    return loaders.byId(Person).load(staff.person.id);
  }

  @FieldResolver(() => StationType)
  station(@Root() staff: StationStaff, @Ctx() { loaders }: Context) {
    return loaders.byId(Station).load(staff.station.id);
  }
}

@Resolver(() => ServiceType)
export class ServiceResolver {
  @Query(() => ServiceConnection, { description: 'The catalogue of services stations offer.' })
  services(
    @Ctx() { em }: Context,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => ServiceFilter, { nullable: true }) filter: ServiceFilter | null,
  ) {
    return paginate(em, Service, serviceWhere(filter), orderingBy('code', 'code', 'string', 'asc'), page);
  }

  @FieldResolver(() => StationConnection, { description: 'Stations offering this service.' })
  stations(@Root() service: Service, @Ctx() { loaders }: Context, @Args(() => PageArgs) page: PageArgs) {
    return loaders.connection(stationSources.offering, page, service.id);
  }
}
