import type { GraphQLResolveInfo } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { Arg, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { badInput, ErrorCode, GzError } from '../../graphql/errors.js';
import { expectId } from '../../graphql/node.js';
import { AREA_KINDS, Area, type AreaKind } from '../areas/area.entity.js';
import { AreaKindEnum } from '../areas/area.types.js';
import { EARLIEST, periodsBetween, type StatisticsPeriod, TIME_ZONE } from './periods.js';
import { StatisticsBatch } from './statistics.batch.js';
import { areasOf, cellKey, STATISTICS_LEVELS, STATISTICS_LIMITS, type StationReach, type StatisticsScope } from './statistics.service.js';
import {
  AreaStatisticsType,
  PartyServiceActivityType,
  PropertyManagementType,
  RequestActivityType,
  rate,
  StationActivityType,
  StatisticsPeriodEnum,
  StatisticsReportType,
  VoteActivityType,
  WishActivityType,
} from './statistics.types.js';

const tooLarge = (message: string, asked: Record<string, number>): GzError =>
  new GzError(ErrorCode.STATISTICS_TOO_LARGE, message, { ...asked, limits: STATISTICS_LIMITS, http: { status: 400 } });

@Resolver(() => StatisticsReportType)
export class StatisticsResolver {
  @Query(() => StatisticsReportType, {
    nullable: true,
    description: `一站数据: figures of the areas of \`level\` inside \`within\` (or of \`within\` itself without \`level\`) for each calendar period (in China time) overlapping [\`from\`, \`to\`), one row per (area, period), periods with nothing in them as zeros. Needs \`read:stats\` over \`within\` (403 FORBIDDEN for a caller who holds it nowhere; null when \`within\` is not an area where they hold it). At most ${STATISTICS_LIMITS.periods} periods, ${STATISTICS_LIMITS.areas} areas and ${STATISTICS_LIMITS.cells} rows (400 STATISTICS_TOO_LARGE).`,
  })
  async statistics(
    @Ctx() ctx: Context,
    @Arg('within', () => ID, { description: 'The area counted, or whose areas of `level` are.' }) withinId: string,
    @Arg('period', () => StatisticsPeriodEnum, { description: 'The calendar period of each row.' }) period: StatisticsPeriod,
    @Arg('from', () => DateTimeResolver, { description: 'Rounded down to the start of its period.' }) from: Date,
    @Arg('to', () => DateTimeResolver, { description: 'Exclusive; rounded up to the end of the period of the instant before it.' })
    to: Date,
    @Arg('level', () => AreaKindEnum, { nullable: true, description: `One of ${STATISTICS_LEVELS.join(', ')}, at or below \`within\`'s.` })
    level: AreaKind | null,
  ): Promise<StatisticsReportType | null> {
    const id = expectId(withinId, 'Area', 'within');
    if (from >= to) throw badInput('`from` must be before `to`', 'from');
    if (from < EARLIEST) throw badInput('statistics start on 1 January 2000 (China time)', 'from');
    if (level != null && !(STATISTICS_LEVELS as readonly string[]).includes(level)) {
      throw badInput(`level must be one of ${STATISTICS_LEVELS.join(', ')}: wishes and requests are placed no lower than a grid`, 'level');
    }
    const granted = await ctx.grantedAreas('read:stats');
    if (!granted.length) throw new GzError('FORBIDDEN', 'Statistics need read:stats in an area', { http: { status: 403 } });
    const within = await ctx.loaders.byId(Area).load(id);
    if (!within || !granted.some((path) => within.path.startsWith(path))) return null;
    if (level != null && AREA_KINDS.indexOf(level) < AREA_KINDS.indexOf(within.kind)) {
      throw badInput(`level ${level} is above ${within.kind}, the level of \`within\``, 'level');
    }

    const periods = periodsBetween(period, from, to, STATISTICS_LIMITS.periods);
    if (periods.length > STATISTICS_LIMITS.periods) {
      throw tooLarge(`More than ${STATISTICS_LIMITS.periods} periods: ask for a shorter span or a longer period`, {});
    }
    const areas = await areasOf(ctx.em, within, level, STATISTICS_LIMITS.areas);
    if (areas.length > STATISTICS_LIMITS.areas) {
      throw tooLarge(`More than ${STATISTICS_LIMITS.areas} areas: ask within a smaller area or at a higher level`, {});
    }
    const cells = areas.length * periods.length;
    if (cells > STATISTICS_LIMITS.cells) {
      throw tooLarge(
        `${areas.length} areas × ${periods.length} periods is ${cells} rows; at most ${STATISTICS_LIMITS.cells} at once: ask for fewer areas or a shorter span`,
        { areas: areas.length, periods: periods.length, cells },
      );
    }

    const scope: StatisticsScope = { within, level, period, periods };
    const batch = new StatisticsBatch(ctx.em, scope);
    return {
      within,
      level,
      period,
      from: (periods[0] as (typeof periods)[number]).start,
      to: (periods[periods.length - 1] as (typeof periods)[number]).end,
      timeZone: TIME_ZONE,
      rows: areas.flatMap((area) => periods.map((p) => ({ area, periodStart: p.start, periodEnd: p.end, periodLabel: p.key, batch }))),
    };
  }
}

const cell = (row: AreaStatisticsType): string => cellKey(row.area.id, row.periodLabel);

/** The stations' fields counted per period; the others (services, the 15-minute circle) take a statement of their own. */
const PERIOD_STATION_FIELDS = new Set(['stations', 'opened', '__typename']);

/** Whether the selection under this field names only `fields`, without fragments (which are not looked into). */
function asksOnlyFor(info: GraphQLResolveInfo, fields: Set<string>): boolean {
  return info.fieldNodes.every((node) =>
    (node.selectionSet?.selections ?? []).every((selection) => selection.kind === 'Field' && fields.has(selection.name.value)),
  );
}

@Resolver(() => AreaStatisticsType)
export class AreaStatisticsResolver {
  @FieldResolver(() => WishActivityType)
  async wishes(@Root() row: AreaStatisticsType): Promise<WishActivityType> {
    const f = (await row.batch.wishes()).get(cell(row));
    const posted = f?.posted ?? 0;
    return {
      posted,
      claimed: f?.claimed ?? 0,
      fulfilled: f?.fulfilled ?? 0,
      litUp: f?.litUp ?? 0,
      litUpRate: rate(f?.postedLitUp ?? 0, posted),
    };
  }

  @FieldResolver(() => RequestActivityType)
  async requests(@Root() row: AreaStatisticsType): Promise<RequestActivityType> {
    const f = (await row.batch.requests()).get(cell(row));
    const submitted = f?.submitted ?? 0;
    return {
      submitted,
      resolved: f?.resolved ?? 0,
      closed: f?.closed ?? 0,
      overdue: f?.overdue ?? 0,
      escalated: f?.escalated ?? 0,
      resolutionRate: rate(f?.submittedResolved ?? 0, submitted),
      rated: f?.rated ?? 0,
      averageRating: f?.averageRating ?? null,
    };
  }

  @FieldResolver(() => VoteActivityType)
  async votes(@Root() row: AreaStatisticsType): Promise<VoteActivityType> {
    const f = (await row.batch.votes()).get(cell(row));
    const decided = f?.decided ?? 0;
    return {
      opened: f?.opened ?? 0,
      decided,
      passed: f?.passed ?? 0,
      passRate: rate(f?.passed ?? 0, decided),
      averageParticipation: f?.averageParticipation ?? null,
    };
  }

  @FieldResolver(() => StationActivityType)
  async stations(@Root() row: AreaStatisticsType, @Info() info: GraphQLResolveInfo): Promise<StationActivityType> {
    const [byPeriod, reach] = await Promise.all([
      row.batch.stations(),
      asksOnlyFor(info, PERIOD_STATION_FIELDS) ? new Map<number, StationReach>() : row.batch.stationReach(),
    ]);
    const f = byPeriod.get(cell(row));
    const now = reach.get(row.area.id);
    return {
      stations: f?.stations ?? 0,
      opened: f?.opened ?? 0,
      services: now?.services ?? 0,
      households: now?.households ?? 0,
      coveredHouseholds: now?.coveredHouseholds ?? 0,
      coveredShare: rate(now?.coveredHouseholds ?? 0, now?.judgedHouseholds ?? 0),
    };
  }

  @FieldResolver(() => PartyServiceActivityType)
  async partyService(@Root() row: AreaStatisticsType): Promise<PartyServiceActivityType> {
    const f = (await row.batch.partyService()).get(cell(row));
    return {
      wishesLitUp: f?.wishesLitUp ?? 0,
      wishesLitUpByInServiceMembers: f?.wishesLitUpInService ?? 0,
      requestsTakenOn: f?.requestsTakenOn ?? 0,
      requestsTakenOnByInServiceMembers: f?.requestsTakenOnInService ?? 0,
      membersServed: f?.membersServed ?? 0,
      inServiceMembersServed: f?.inServiceMembersServed ?? 0,
    };
  }

  @FieldResolver(() => PropertyManagementType)
  async property(@Root() row: AreaStatisticsType): Promise<PropertyManagementType> {
    const f = (await row.batch.property()).get(row.area.id);
    const compounds = f?.compounds ?? 0;
    const companies = f?.propertyCompanies ?? 0;
    return {
      compounds,
      withPropertyCompany: f?.propertyCompany ?? 0,
      selfManaged: f?.selfManaged ?? 0,
      unmanaged: f?.unmanaged ?? 0,
      propertyCompanyShare: rate(f?.propertyCompany ?? 0, compounds),
      propertyCompanies: companies,
      companiesWithPartyOrganization: f?.companiesWithPartyOrganization ?? 0,
      partyOrganizationShare: rate(f?.companiesWithPartyOrganization ?? 0, companies),
      redHeartCompanies: f?.redHeartCompanies ?? 0,
      feeCollectionRate: f?.feeCollectionRate ?? null,
    };
  }
}
