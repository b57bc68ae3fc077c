import { DateTimeResolver } from 'graphql-scalars';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { enumFrom } from '../../graphql/enums.js';
import type { Area, AreaKind } from '../areas/area.entity.js';
import { AreaKindEnum, AreaType } from '../areas/area.types.js';
import { STATISTICS_PERIODS, type StatisticsPeriod } from './periods.js';
import type { StatisticsBatch } from './statistics.batch.js';

export const StatisticsPeriodEnum = enumFrom(
  STATISTICS_PERIODS,
  'StatisticsPeriod',
  'A calendar period in China time (Asia/Shanghai, UTC+8), from midnight to midnight.',
  { DAY: 'A day (日).', WEEK: 'A week, Monday to Sunday (周).', MONTH: 'A calendar month (月).' },
);

/** A rate: null, not 0, when there is nothing to divide by. */
export const rate = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

@ObjectType('WishActivity', { description: '微心愿 in the period: each event counted in the period it happened in.' })
export class WishActivityType {
  @Field(() => Int, { description: 'Wishes posted (created, in any state since).' })
  posted!: number;
  @Field(() => Int, { description: 'Wishes claimed (by the latest claim: a lapsed claim re-claimed counts once, when re-claimed).' })
  claimed!: number;
  @Field(() => Int, { description: 'Wishes the claimer reported fulfilled.' })
  fulfilled!: number;
  @Field(() => Int, { description: 'Wishes lit up (点亮): fulfilment confirmed.' })
  litUp!: number;
  @Field(() => Float, {
    nullable: true,
    description: 'Of the wishes posted in the period, the share lit up by now, 0 to 1; null when none were posted.',
  })
  litUpRate!: number | null;
}

@ObjectType('RequestActivity', {
  description:
    '诉求 in the period. `submitted`, `resolved` and `closed` count events in the period they happened in; the rest describe the requests submitted in the period, as they are now.',
})
export class RequestActivityType {
  @Field(() => Int, { description: 'Requests submitted (群众点单).' })
  submitted!: number;
  @Field(() => Int, { description: 'Requests resolved in the period (by the latest resolution, whenever submitted).' })
  resolved!: number;
  @Field(() => Int, { description: 'Requests closed in the period (whenever submitted).' })
  closed!: number;
  @Field(() => Int, { description: 'Of those submitted, how many missed a deadline at least once.' })
  overdue!: number;
  @Field(() => Int, { description: 'Of those submitted, how many rose at least one level (grid → community → street).' })
  escalated!: number;
  @Field(() => Float, {
    nullable: true,
    description: 'Of those submitted, the share resolved by now (resolved, rated or closed), 0 to 1; null when none were submitted.',
  })
  resolutionRate!: number | null;
  @Field(() => Int, { description: 'Of those submitted, how many the reporter rated (群众评单).' })
  rated!: number;
  @Field(() => Float, { nullable: true, description: 'Their average rating, 1 to 5; null when none was rated.' })
  averageRating!: number | null;
}

@ObjectType('VoteActivity', { description: "业主表决: owners' votes on proposals of the area (put to a building, compound or community)." })
export class VoteActivityType {
  @Field(() => Int, { description: 'Proposals whose voting opened in the period.' })
  opened!: number;
  @Field(() => Int, { description: 'Proposals decided (voting closed and counted) in the period.' })
  decided!: number;
  @Field(() => Int, { description: 'Of those decided, how many passed.' })
  passed!: number;
  @Field(() => Float, { nullable: true, description: 'Of those decided, the share passed, 0 to 1; null when none was decided.' })
  passRate!: number | null;
  @Field(() => Float, {
    nullable: true,
    description: "Of those decided, the average share of the roll's households that cast a ballot, 0 to 1; null when none was decided.",
  })
  averageParticipation!: number | null;
}

@ObjectType('StationActivity', {
  description:
    '党群服务站 of the area. `stations` and `opened` follow the period; `services` and the 15-minute circle are as of now (with today’s stations), the same in every period.',
})
export class StationActivityType {
  @Field(() => Int, {
    description:
      'Stations sitting in the area (their `area`, usually a community, so a grid seldom has one) at the end of the period; removed stations are gone from every period.',
  })
  stations!: number;
  @Field(() => Int, { description: 'Stations opened (recorded) in the period.' })
  opened!: number;
  @Field(() => Int, { description: 'Now: the services the area’s stations offer, counted once per station.' })
  services!: number;
  @Field(() => Int, { description: 'Now: all households in the area.' })
  households!: number;
  @Field(() => Int, {
    description:
      'Now: households within a 1,000 m walk of a station (in the area or not), placed at their compound, as `stationCoverage` counts.',
  })
  coveredHouseholds!: number;
  @Field(() => Float, {
    nullable: true,
    description:
      'Now: coveredHouseholds over the households that can be judged (in a compound with a location), 0 to 1; null when none can.',
  })
  coveredShare!: number | null;
}

@ObjectType('PartyServiceActivity', {
  description:
    "党员服务记录: service done in the area by people holding a party member's or an in-service party member's (双报到) role, in any area, on the day they did it.",
})
export class PartyServiceActivityType {
  @Field(() => Int, { description: 'Wishes lit up in the period whose claimer was a party member (either kind).' })
  wishesLitUp!: number;
  @Field(() => Int, { description: 'Of those, the ones whose claimer was an in-service party member (在职党员).' })
  wishesLitUpByInServiceMembers!: number;
  @Field(() => Int, { description: 'Requests taken on (领单) in the period by a party member (either kind).' })
  requestsTakenOn!: number;
  @Field(() => Int, { description: 'Of those, the ones taken on by an in-service party member.' })
  requestsTakenOnByInServiceMembers!: number;
  @Field(() => Int, { description: 'Distinct party members (either kind) who lit up a wish or took on a request in the period.' })
  membersServed!: number;
  @Field(() => Int, { description: 'Of those, the in-service party members.' })
  inServiceMembersServed!: number;
}

@ObjectType('PropertyManagement', {
  description: '物业管理 of the compounds (小区) in the area, as of now (the same in every period): the tree keeps no history of it.',
})
export class PropertyManagementType {
  @Field(() => Int, { description: 'Compounds in the area.' })
  compounds!: number;
  @Field(() => Int, { description: 'Compounds managed by a property company.' })
  withPropertyCompany!: number;
  @Field(() => Int, { description: 'Compounds managed by their owners (自管会).' })
  selfManaged!: number;
  @Field(() => Int, {
    description: 'Compounds managed by nobody (无物业). Compounds whose management is not recorded are in none of the three.',
  })
  unmanaged!: number;
  @Field(() => Float, { nullable: true, description: 'withPropertyCompany over compounds, 0 to 1; null when there is no compound.' })
  propertyCompanyShare!: number | null;
  @Field(() => Int, { description: 'Distinct property companies managing the compounds.' })
  propertyCompanies!: number;
  @Field(() => Int, {
    description: 'Of those companies, the ones with a party organisation set up inside them (Organization.partyOrganizations).',
  })
  companiesWithPartyOrganization!: number;
  @Field(() => Float, {
    nullable: true,
    description: 'companiesWithPartyOrganization over propertyCompanies, 0 to 1; null when no company manages there.',
  })
  partyOrganizationShare!: number | null;
  @Field(() => Int, { description: 'Of those companies, the 红心物业 ones.' })
  redHeartCompanies!: number;
  @Field(() => Float, {
    nullable: true,
    description:
      'Of the property fees billed for the months of the report in the area (as the property companies push them, syncProperty), the share collected (物业费收缴率), 0 to 1. Null when none were billed.',
  })
  feeCollectionRate!: number | null;
}

@ObjectType('AreaStatistics', {
  description:
    'The figures of one area in one period. Each section is counted for every row at once when asked for: leave out the sections you do not need.',
})
export class AreaStatisticsType {
  @Field(() => AreaType)
  area!: Area;
  @Field(() => DateTimeResolver, { description: 'The period’s first instant: midnight in China.' })
  periodStart!: Date;
  @Field(() => DateTimeResolver, { description: 'The next period’s first instant (exclusive).' })
  periodEnd!: Date;
  @Field(() => String, { description: 'The period’s first day in China, `YYYY-MM-DD`: a label for tables.' })
  periodLabel!: string;
  /** Counts the sections of every row of the report, each once, when first asked for. */
  batch!: StatisticsBatch;
}

@ObjectType('StatisticsReport', { description: '一站数据: figures per area and period, one row for each (area, period), zeros included.' })
export class StatisticsReportType {
  @Field(() => AreaType, { description: 'The area asked about.' })
  within!: Area;
  @Field(() => AreaKindEnum, { nullable: true, description: 'The level of the rows’ areas; null when the rows are `within` itself.' })
  level!: AreaKind | null;
  @Field(() => StatisticsPeriodEnum)
  period!: StatisticsPeriod;
  @Field(() => DateTimeResolver, { description: 'The first period’s start (`from`, rounded down to a whole period).' })
  from!: Date;
  @Field(() => DateTimeResolver, { description: 'The last period’s end (`to`, rounded up to a whole period).' })
  to!: Date;
  @Field(() => String, { description: 'The time zone the periods are counted in: `Asia/Shanghai`.' })
  timeZone!: string;
  @Field(() => [AreaStatisticsType], { description: 'By area (in order of name), then by period.' })
  rows!: AreaStatisticsType[];
}
