import { DateTimeResolver, LocalDateResolver } from 'graphql-scalars';
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { enumFrom } from '../../graphql/enums.js';
import { PROPERTY_RECORD_KINDS, PROPERTY_TICKET_STATES } from './property.entity.js';
import { MAX_BATCH, SYNC_STATUSES } from './property-sync.service.js';

export const PropertyRecordKindEnum = enumFrom(
  PROPERTY_RECORD_KINDS,
  'PropertyRecordKind',
  'A kind of record a property company keeps in step with ours.',
);
export const SyncStatusEnum = enumFrom(SYNC_STATUSES, 'SyncStatus', 'What became of one record of a sync.', {
  CREATED: 'New here (or your id was linked to one of our records for the first time)',
  UPDATED: 'Known, and at least one value changed',
  UNCHANGED: 'Known, and every value was the same: nothing was written',
  FAILED: 'Not written; `error` says why',
});
export const PropertyTicketStateEnum = enumFrom(PROPERTY_TICKET_STATES, 'PropertyTicketState', 'Where a property service ticket stands.');

const EXTERNAL = 'Your own id of the record: stable, at most 100 characters. It is how a later call updates it.';

@InputType({ description: 'A compound your company manages: links your id to ours, and keeps its address and location.' })
export class CompoundRecordInput {
  @Field(() => String, { description: EXTERNAL })
  externalId!: string;
  @Field(() => ID, {
    nullable: true,
    description: 'Our ID of the compound (an Area). Needed the first time; the district assigns compounds to companies.',
  })
  compound?: string | null;
  @Field(() => String, { nullable: true })
  address?: string | null;
  @Field(() => Float, { nullable: true })
  latitude?: number | null;
  @Field(() => Float, { nullable: true })
  longitude?: number | null;
}

@InputType({ description: 'A building (楼栋) in one of your compounds.' })
export class BuildingRecordInput {
  @Field(() => String, { description: EXTERNAL })
  externalId!: string;
  @Field(() => String, { description: 'Your id of its compound (sent as a compound record, in this call or before).' })
  compound!: string;
  @Field(() => ID, {
    nullable: true,
    description: 'Our ID of a building already in the tree, to link yours to it instead of creating one.',
  })
  id?: string | null;
  @Field(() => String)
  name!: string;
  @Field(() => String, { nullable: true })
  address?: string | null;
}

@InputType({ description: 'A household (户) in one of your buildings: floor area and owner count count in owners’ votes.' })
export class HouseholdRecordInput {
  @Field(() => String, { description: EXTERNAL })
  externalId!: string;
  @Field(() => String, { description: 'Your id of its building.' })
  building!: string;
  @Field(() => ID, { nullable: true, description: 'Our ID of a household already in the tree, to link yours to it.' })
  id?: string | null;
  @Field(() => String, { description: 'Its number, e.g. 3-1-201.' })
  name!: string;
  @Field(() => Float, { nullable: true, description: 'Exclusive floor area in m², two decimals.' })
  floorArea?: number | null;
  @Field(() => Int, { nullable: true })
  ownerCount?: number | null;
}

@InputType({ description: 'A member of your staff working in one of your compounds (物业人员).' })
export class StaffRecordInput {
  @Field(() => String, { description: EXTERNAL })
  externalId!: string;
  @Field(() => String, { description: 'Your id of the compound they work in.' })
  compound!: string;
  @Field(() => String)
  name!: string;
  @Field(() => String, { nullable: true, description: 'Personal data: shown only to those who may read it.' })
  phone?: string | null;
  @Field(() => LocalDateResolver)
  startsOn!: string;
  @Field(() => LocalDateResolver, { nullable: true, description: 'The last day; null while they work there.' })
  endsOn?: string | null;
}

@InputType({ description: 'Property fees of one household for one month (物业费收缴).' })
export class FeeRecordInput {
  @Field(() => String, { description: EXTERNAL })
  externalId!: string;
  @Field(() => String, { description: 'Your id of the household.' })
  household!: string;
  @Field(() => String, { description: 'The month billed, YYYY-MM.' })
  period!: string;
  @Field(() => Float, { description: 'Yuan, two decimals.' })
  amountDue!: number;
  @Field(() => Float, { description: 'Yuan paid so far, two decimals.' })
  amountPaid!: number;
  @Field(() => LocalDateResolver, { nullable: true })
  paidOn?: string | null;
}

@InputType({ description: 'A service ticket of your own system (报修, 投诉): no description or resident, only what the district counts.' })
export class TicketRecordInput {
  @Field(() => String, { description: EXTERNAL })
  externalId!: string;
  @Field(() => String, { description: 'Your id of the compound.' })
  compound!: string;
  @Field(() => String, { nullable: true, description: 'Your id of the household, if it concerns one.' })
  household?: string | null;
  @Field(() => String, { description: 'Your category code, e.g. repair.elevator.' })
  category!: string;
  @Field(() => PropertyTicketStateEnum)
  state!: (typeof PROPERTY_TICKET_STATES)[number];
  @Field(() => DateTimeResolver)
  openedAt!: Date;
  @Field(() => DateTimeResolver, { nullable: true })
  resolvedAt?: Date | null;
  @Field(() => Int, { nullable: true, description: 'The resident’s rating, 1 to 5.' })
  rating?: number | null;
}

@InputType({
  description: `Up to ${MAX_BATCH} records of any kinds. They are written in the order compounds, buildings, households, staff, fees, tickets, so a record may name one sent earlier in the same call.`,
})
export class SyncPropertyInput {
  @Field(() => String, {
    description:
      'Required: a fresh key per call (a UUID). Repeating the call with the same key (after a time-out, say) returns the first answer and writes nothing. Keys are kept 24 hours, per organisation.',
  })
  idempotencyKey!: string;
  @Field(() => [CompoundRecordInput], { nullable: true })
  compounds?: CompoundRecordInput[] | null;
  @Field(() => [BuildingRecordInput], { nullable: true })
  buildings?: BuildingRecordInput[] | null;
  @Field(() => [HouseholdRecordInput], { nullable: true })
  households?: HouseholdRecordInput[] | null;
  @Field(() => [StaffRecordInput], { nullable: true })
  staff?: StaffRecordInput[] | null;
  @Field(() => [FeeRecordInput], { nullable: true })
  fees?: FeeRecordInput[] | null;
  @Field(() => [TicketRecordInput], { nullable: true })
  tickets?: TicketRecordInput[] | null;
}

@ObjectType({ description: 'Why one record was not written.' })
export class SyncRecordError {
  @Field(() => String, { description: 'INVALID, REQUIRED, NOT_FOUND, NOT_MANAGED, CONFLICT, DUPLICATE, NOT_ALLOWED_HERE.' })
  code!: string;
  @Field(() => [String], { description: 'Path into the arguments, e.g. ["input", "households", "3", "floorArea"].' })
  field!: string[];
  @Field(() => String)
  message!: string;
}

@ObjectType({ description: 'What became of one record.' })
export class SyncRecordResult {
  @Field(() => PropertyRecordKindEnum)
  kind!: string;
  @Field(() => Int, { description: 'Its position in its list of the input.' })
  index!: number;
  @Field(() => String)
  externalId!: string;
  @Field(() => SyncStatusEnum)
  status!: string;
  @Field(() => ID, {
    nullable: true,
    description: 'Our global ID of the record (an Area for compounds, buildings and households; a RoleAssignment for staff).',
  })
  id!: string | null;
  @Field(() => SyncRecordError, { nullable: true })
  error!: SyncRecordError | null;
}

@ObjectType({ description: 'The answer to a sync: a result per record, in the order of the input, and the totals.' })
export class SyncPropertyPayload {
  @Field(() => [SyncRecordResult])
  results!: SyncRecordResult[];
  @Field(() => Int)
  created!: number;
  @Field(() => Int)
  updated!: number;
  @Field(() => Int)
  unchanged!: number;
  @Field(() => Int)
  failed!: number;
  @Field(() => Boolean, {
    description: 'True when this is the stored answer to an earlier call with the same idempotency key: nothing was written now.',
  })
  replayed!: boolean;
}
