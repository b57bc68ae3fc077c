import { DateTimeResolver } from 'graphql-scalars';
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Connection, PageArgsUpTo } from '../../graphql/connection.js';
import { enumFrom } from '../../graphql/enums.js';
import { UserError } from '../../graphql/mutation.js';
import { Node } from '../../graphql/node.js';
import { OrderInput, type OrderValue } from '../../graphql/ordering.js';
import { AreaType } from '../areas/area.types.js';
import { STAFF_POSTS, type StaffPost } from './station.entity.js';

export const StaffPostEnum = enumFrom(STAFF_POSTS, 'StaffPost', 'A post at a service station.', {
  HEAD: '站长',
  POLICE_OFFICER: '网格民警',
  GRID_HEAD: '网格长',
  SOCIAL_WORKER: '社工',
  VOLUNTEER: '志愿者',
});

@ObjectType('OpeningWindow', { description: 'Open from `opens` to `closes` (local time of the station) on one weekday.' })
export class OpeningWindowType {
  @Field(() => Int, { description: 'ISO weekday: 1 is Monday, 7 is Sunday.' })
  weekday!: number;
  @Field(() => String, { description: 'HH:MM' })
  opens!: string;
  @Field(() => String, { description: 'HH:MM' })
  closes!: string;
}

@ObjectType('Service', { implements: Node, description: 'A service from the catalogue that stations offer (帮办代办, 助餐 …).' })
export class ServiceType extends Node {
  @Field(() => String, { description: 'Stable code, e.g. `errand-proxy`.' })
  code!: string;
  @Field(() => String, { description: 'Chinese name.' })
  name!: string;
  @Field(() => String, { description: 'English name.' })
  nameEn!: string;
  @Field(() => String)
  category!: string;
}
export const ServiceConnection = Connection(ServiceType, 'Service');

@ObjectType('Station', { implements: Node, description: 'A party-and-masses service station (党群服务站).' })
export class StationType extends Node {
  @Field(() => String)
  name!: string;
  @Field(() => String)
  address!: string;
  @Field(() => Float, { description: 'WGS-84.' })
  latitude!: number;
  @Field(() => Float, { description: 'WGS-84.' })
  longitude!: number;
  @Field(() => String, { nullable: true, description: 'The station’s public contact number.' })
  phone!: string | null;
  @Field(() => String, { description: 'IANA time zone of the opening hours.' })
  timeZone!: string;
  @Field(() => [OpeningWindowType])
  openingHours!: OpeningWindowType[];
  @Field(() => DateTimeResolver)
  createdAt!: Date;
  @Field(() => DateTimeResolver)
  updatedAt!: Date;
}
@ObjectType()
class StationEdgeFields {
  @Field(() => Float, {
    nullable: true,
    description: 'Metres along the earth’s surface from the point given as `near`; null when the list was not asked `near` a point.',
  })
  distance?: number | null;
}
export const StationConnection = Connection(StationType, 'Station', StationEdgeFields);

/** The most stations one page of the root `stations` list returns: a map loads a district in a few pages. */
export const MAX_STATIONS_PAGE = 1000;

export const StationPageArgs = PageArgsUpTo(MAX_STATIONS_PAGE);
export type StationPageArgs = InstanceType<typeof StationPageArgs>;

@InputType('BoundingBoxInput', { description: 'A latitude/longitude box, WGS-84 degrees; `west` > `east` crosses the antimeridian.' })
export class BoundingBoxInput {
  @Field(() => Float)
  south!: number;
  @Field(() => Float)
  west!: number;
  @Field(() => Float)
  north!: number;
  @Field(() => Float)
  east!: number;
}

@ObjectType('StationStaff', { implements: Node, description: 'A person on a station’s staff.' })
export class StationStaffType extends Node {
  @Field(() => StaffPostEnum)
  post!: StaffPost;
}
export const StationStaffConnection = Connection(StationStaffType, 'StationStaff');

@InputType({ description: 'Narrows a list of stations; all given conditions must hold.' })
export class StationFilter {
  @Field(() => ID, { nullable: true, description: 'Only stations sitting in this area or below it.' })
  within?: string | null;
  @Field(() => ID, { nullable: true, description: 'Only stations offering this service.' })
  service?: string | null;
  @Field(() => ID, { nullable: true, description: 'Only stations covering this grid.' })
  coversGrid?: string | null;
  @Field(() => String, { nullable: true, description: 'Name contains this text (case-insensitive).' })
  nameContains?: string | null;
  @Field(() => Boolean, {
    nullable: true,
    description: 'true: only stations open now, by their own hours and time zone; false: only those closed now.',
  })
  openNow?: boolean | null;
  @Field(() => BoundingBoxInput, { nullable: true, description: 'Only stations inside this box (the part of a map on screen).' })
  boundingBox?: BoundingBoxInput | null;
}

export const StationOrder = OrderInput('Station', 'stations');
export type StationOrder = OrderValue;

@InputType({ description: 'Narrows the service catalogue.' })
export class ServiceFilter {
  @Field(() => String, { nullable: true })
  category?: string | null;
  @Field(() => String, { nullable: true, description: 'Name (Chinese or English) contains this text.' })
  nameContains?: string | null;
}

@InputType('OpeningWindowInput')
export class OpeningWindowInput {
  @Field(() => Int)
  weekday!: number;
  @Field(() => String)
  opens!: string;
  @Field(() => String)
  closes!: string;
}

@InputType('StationStaffInput')
export class StationStaffInput {
  @Field(() => ID)
  person!: string;
  @Field(() => StaffPostEnum)
  post!: StaffPost;
}

@InputType()
export class CreateStationInput {
  @Field(() => String)
  name!: string;
  @Field(() => String)
  address!: string;
  @Field(() => Float)
  latitude!: number;
  @Field(() => Float)
  longitude!: number;
  @Field(() => ID, { description: 'The community (or other area) the station sits in.' })
  area!: string;
  @Field(() => String, { nullable: true })
  phone?: string | null;
  @Field(() => String, { nullable: true, description: 'IANA time zone; default Asia/Shanghai.' })
  timeZone?: string | null;
  @Field(() => [OpeningWindowInput], { nullable: true })
  openingHours?: OpeningWindowInput[] | null;
  @Field(() => ID, { nullable: true })
  responsibleUnit?: string | null;
  @Field(() => [ID], { nullable: true })
  services?: string[] | null;
  @Field(() => [ID], { nullable: true, description: 'The grids the station covers.' })
  coveredGrids?: string[] | null;
  @Field(() => [StationStaffInput], { nullable: true })
  staff?: StationStaffInput[] | null;
}

@InputType({ description: 'Fields left out stay as they are; lists given replace the old ones.' })
export class UpdateStationInput {
  @Field(() => ID)
  id!: string;
  @Field(() => String, { nullable: true })
  name?: string | null;
  @Field(() => String, { nullable: true })
  address?: string | null;
  @Field(() => Float, { nullable: true })
  latitude?: number | null;
  @Field(() => Float, { nullable: true })
  longitude?: number | null;
  @Field(() => ID, { nullable: true })
  area?: string | null;
  @Field(() => String, { nullable: true })
  phone?: string | null;
  @Field(() => String, { nullable: true })
  timeZone?: string | null;
  @Field(() => [OpeningWindowInput], { nullable: true })
  openingHours?: OpeningWindowInput[] | null;
  @Field(() => ID, { nullable: true })
  responsibleUnit?: string | null;
  @Field(() => [ID], { nullable: true })
  services?: string[] | null;
  @Field(() => [ID], { nullable: true })
  coveredGrids?: string[] | null;
  @Field(() => [StationStaffInput], { nullable: true })
  staff?: StationStaffInput[] | null;
}

@ObjectType()
export class StationPayload {
  @Field(() => StationType, { nullable: true })
  station!: StationType | null;
  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType('UncoveredCompound', { description: 'A compound (小区) no station is within walking distance of.' })
export class UncoveredCompoundType {
  @Field(() => AreaType)
  compound!: AreaType;
  @Field(() => Int)
  households!: number;
}

@ObjectType('SuggestedStationSite', { description: 'Where a new station would cover the most households not yet covered.' })
export class SuggestedStationSiteType {
  @Field(() => AreaType, { description: 'The compound at whose location the station would stand.' })
  compound!: AreaType;
  @Field(() => Float)
  latitude!: number;
  @Field(() => Float)
  longitude!: number;
  @Field(() => Int, { description: 'Households a station here would bring within the walking radius.' })
  newlyCoveredHouseholds!: number;
}

@ObjectType('StationCoverage', {
  description:
    'The 15-minute service circle (一刻钟服务圈) of an area: which households have a station within walking distance. A household is placed at its compound.',
})
export class StationCoverageType {
  @Field(() => AreaType)
  area!: AreaType;
  @Field(() => Int, { description: 'The walking radius, in metres.' })
  radius!: number;
  @Field(() => Int, { description: 'All households in the area.' })
  households!: number;
  @Field(() => Int, { description: 'Households whose compound lies within the radius of a station.' })
  coveredHouseholds!: number;
  @Field(() => Int, { description: 'Households in no compound, or in one without a location: not judged.' })
  unlocatedHouseholds!: number;
  @Field(() => Float, { nullable: true, description: 'coveredHouseholds over the households judged, 0 to 1; null when none are.' })
  share!: number | null;
  @Field(() => [UncoveredCompoundType], { description: 'Compounds outside every circle, most households first.' })
  uncoveredCompounds!: UncoveredCompoundType[];
  @Field(() => SuggestedStationSiteType, { nullable: true, description: 'Null when every household is covered.' })
  suggestedSite!: SuggestedStationSiteType | null;
}
