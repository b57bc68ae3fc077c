import { DateTimeResolver } from 'graphql-scalars';
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Connection } from '../../graphql/connection.js';
import { enumFrom } from '../../graphql/enums.js';
import { UserError } from '../../graphql/mutation.js';
import { Node } from '../../graphql/node.js';
import type { Request as RequestEntity } from './request.entity.js';
import { REQUEST_LEVELS, REQUEST_STATES, type RequestLevel, type RequestState } from './request.entity.js';

export const RequestStateEnum = enumFrom(REQUEST_STATES, 'RequestState', 'Where a resident’s request is in its closed loop.', {
  SUBMITTED: '已点单: submitted, waiting to be dispatched',
  DISPATCHED: '已派单: sent to a department or grid',
  ACCEPTED: '已接单: the department or grid accepted it',
  IN_HAND: '已领单: a party member or worker is on it',
  RESOLVED: '已办结: the handler says it is done',
  RATED: '已评单: the reporter rated the result',
  CLOSED: '已归档',
  RETURNED: '已退回: back to the dispatcher, with a reason',
  REOPENED: '已重启: the reporter was not satisfied',
  REJECTED: '不予受理: refused, with a reason',
});
export const RequestLevelEnum = enumFrom(REQUEST_LEVELS, 'RequestLevel', 'Who answers for a request: what is late rises a level.', {
  GRID: '网格',
  COMMUNITY: '社区',
  STREET: '街道',
});

@ObjectType('RequestCategory', { description: 'A kind of request in the catalogue, with the minutes each stage may take.' })
export class RequestCategoryType {
  @Field(() => String, { description: 'Stable code, e.g. `street-light`.' })
  code!: string;
  @Field(() => String)
  name!: string;
  @Field(() => String)
  nameEn!: string;
  @Field(() => Int, { description: 'Minutes to dispatch (派单).' })
  dispatchMinutes!: number;
  @Field(() => Int, { description: 'Minutes to accept (接单).' })
  acceptMinutes!: number;
  @Field(() => Int, { description: 'Minutes to take on (领单).' })
  takeOnMinutes!: number;
  @Field(() => Int, { description: 'Minutes to resolve, once taken on.' })
  resolveMinutes!: number;
}

@ObjectType('RequestEvent', { description: 'One move of a request: who, when, from which state to which, and the note.' })
export class RequestEventType {
  @Field(() => String, {
    description: 'submit, dispatch, accept, return, takeOn, resolve, rate, reopen, close, reject, escalate, supervise, report.',
  })
  move!: string;
  @Field(() => RequestStateEnum, { nullable: true })
  fromState!: RequestState | null;
  @Field(() => RequestStateEnum)
  toState!: RequestState;
  @Field(() => RequestLevelEnum, { description: 'The level answering for it after the move.' })
  level!: RequestLevel;
  @Field(() => String, {
    nullable: true,
    description: 'The role the move was made in; null for the reporter’s own moves and the system’s.',
  })
  role!: string | null;
  @Field(() => String, { nullable: true })
  note!: string | null;
  @Field(() => DateTimeResolver)
  at!: Date;
}

@ObjectType('Request', {
  implements: Node,
  description:
    'A resident’s request (诉求): a need or a complaint, through the closed loop 群众点单、社区派单、部门接单、党员领单、群众评单. Seen by its reporter, by staff of its area, and by those who may take it on while it waits for them.',
})
export class RequestType extends Node {
  @Field(() => String, { description: 'Follow it without signing in: `requestByTrackingCode`.' })
  trackingCode!: string;
  @Field(() => String)
  description!: string;
  @Field(() => Float, { nullable: true })
  latitude!: number | null;
  @Field(() => Float, { nullable: true })
  longitude!: number | null;
  @Field(() => Boolean, { description: 'The reporter let the public see the address and the place.' })
  addressPublic!: boolean;
  @Field(() => [String])
  photoUrls!: string[];
  @Field(() => RequestLevelEnum)
  level!: RequestLevel;
  @Field(() => RequestStateEnum)
  state!: RequestState;
  @Field(() => DateTimeResolver, { nullable: true, description: 'When the current stage is due; past it, the request rises a level.' })
  deadline!: Date | null;
  @Field(() => Boolean, { description: 'It missed a deadline at least once.' })
  overdue!: boolean;
  @Field(() => Int, { description: 'How many levels it rose.' })
  escalations!: number;
  @Field(() => String, { nullable: true, description: 'What the handler did.' })
  resolution!: string | null;
  @Field(() => Int, { nullable: true, description: '1 to 5, by the reporter (一键评价).' })
  rating!: number | null;
  @Field(() => String, { nullable: true })
  ratingComment!: string | null;
  @Field(() => String, { nullable: true, description: '督查: what the supervisor asked; set while flagged.' })
  supervisionNote!: string | null;
  @Field(() => String, { nullable: true, description: 'The report given to the supervisor.' })
  supervisionReport!: string | null;
  @Field(() => DateTimeResolver)
  submittedAt!: Date;
  @Field(() => DateTimeResolver, { nullable: true })
  dispatchedAt!: Date | null;
  @Field(() => DateTimeResolver, { nullable: true })
  acceptedAt!: Date | null;
  @Field(() => DateTimeResolver, { nullable: true })
  takenOnAt!: Date | null;
  @Field(() => DateTimeResolver, { nullable: true })
  resolvedAt!: Date | null;
  @Field(() => DateTimeResolver, { nullable: true })
  closedAt!: Date | null;
  @Field(() => DateTimeResolver)
  updatedAt!: Date;
}
export const RequestConnection = Connection(RequestType, 'Request');

@ObjectType('RequestStep', { description: 'A step of a request as the public sees it: what happened and when, no one named.' })
export class RequestStepType {
  @Field(() => String)
  move!: string;
  @Field(() => RequestStateEnum)
  toState!: RequestState;
  @Field(() => RequestLevelEnum)
  level!: RequestLevel;
  @Field(() => DateTimeResolver)
  at!: Date;
}

@ObjectType('RequestSummary', {
  description:
    'What anyone holding the tracking code sees of a request: no reporter, no handler, no notes; the address and place only if the reporter made them public.',
})
export class RequestSummaryType {
  @Field(() => String)
  trackingCode!: string;
  @Field(() => RequestCategoryType)
  category!: RequestCategoryType;
  @Field(() => RequestStateEnum)
  state!: RequestState;
  @Field(() => RequestLevelEnum)
  level!: RequestLevel;
  @Field(() => Boolean)
  overdue!: boolean;
  @Field(() => DateTimeResolver, { nullable: true })
  deadline!: Date | null;
  @Field(() => String, { description: 'The community’s name.' })
  communityName!: string;
  @Field(() => String, { description: 'The grid’s name.' })
  gridName!: string;
  @Field(() => String, { nullable: true, description: 'Only if the reporter made it public.' })
  address!: string | null;
  @Field(() => Float, { nullable: true, description: 'Only if the reporter made the place public.' })
  latitude!: number | null;
  @Field(() => Float, { nullable: true })
  longitude!: number | null;
  @Field(() => Int, { nullable: true })
  rating!: number | null;
  @Field(() => DateTimeResolver)
  submittedAt!: Date;
  @Field(() => [RequestStepType])
  steps!: RequestStepType[];
  @Field(() => Boolean, { description: 'True when you, signed in, reported it: you may rate it once it is resolved, and reopen it.' })
  yours!: boolean;
  @Field(() => RequestType, { nullable: true, description: 'The request itself, when it is yours (to rate or reopen it by its id).' })
  request!: RequestEntity | null;
}

@InputType({ description: 'Narrows a list of requests; all given conditions must hold.' })
export class RequestFilter {
  @Field(() => ID, { nullable: true, description: 'Only requests of grids in this area or below it.' })
  within?: string | null;
  @Field(() => [RequestStateEnum], { nullable: true })
  state?: RequestState[] | null;
  @Field(() => [RequestLevelEnum], { nullable: true })
  level?: RequestLevel[] | null;
  @Field(() => Boolean, { nullable: true })
  overdue?: boolean | null;
}

@InputType({ description: 'A new request: yours, or (grid workers and dispatchers) a resident’s on their behalf.' })
export class SubmitRequestInput {
  @Field(() => String, { description: 'A category code from `requestCategories`.' })
  category!: string;
  @Field(() => String)
  description!: string;
  @Field(() => Float, { nullable: true, description: 'Where; the grid is found from it unless `grid` is given.' })
  latitude?: number | null;
  @Field(() => Float, { nullable: true })
  longitude?: number | null;
  @Field(() => ID, { nullable: true, description: 'The grid (网格), when known.' })
  grid?: string | null;
  @Field(() => String, { nullable: true })
  address?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Let anyone with the tracking code see the address and the place. Default false.' })
  addressPublic?: boolean | null;
  @Field(() => [String], { nullable: true })
  photoUrls?: string[] | null;
  @Field(() => ID, { nullable: true, description: 'The resident it is for; yourself when left out.' })
  reporter?: string | null;
}

@InputType()
export class DispatchRequestInput {
  @Field(() => ID)
  id!: string;
  @Field(() => ID, { nullable: true, description: 'The department or unit it goes to; the grid itself when left out.' })
  assignee?: string | null;
  @Field(() => String, { nullable: true })
  note?: string | null;
}

@InputType()
export class RequestNoteInput {
  @Field(() => ID)
  id!: string;
  @Field(() => String, { nullable: true })
  note?: string | null;
}

@InputType()
export class RequestReasonInput {
  @Field(() => ID)
  id!: string;
  @Field(() => String, { description: 'Why: kept in the history.' })
  reason!: string;
}

@InputType()
export class ResolveRequestInput {
  @Field(() => ID)
  id!: string;
  @Field(() => String, { description: 'What was done.' })
  resolution!: string;
}

@InputType()
export class RateRequestInput {
  @Field(() => ID)
  id!: string;
  @Field(() => Int, { description: '1 to 5.' })
  rating!: number;
  @Field(() => String, { nullable: true })
  comment?: string | null;
}

@InputType()
export class SuperviseRequestInput {
  @Field(() => ID)
  id!: string;
  @Field(() => String, { description: 'What the supervisor asks to be reported.' })
  note!: string;
}

@InputType()
export class ReportOnRequestInput {
  @Field(() => ID)
  id!: string;
  @Field(() => String)
  report!: string;
}

@ObjectType()
export class RequestPayload {
  @Field(() => RequestType, { nullable: true })
  request!: RequestType | null;
  @Field(() => [UserError])
  userErrors!: UserError[];
}

@ObjectType('RequestStateCount')
export class RequestStateCountType {
  @Field(() => RequestStateEnum)
  state!: RequestState;
  @Field(() => Int)
  count!: number;
}

@ObjectType('RequestStatistics', { description: 'Figures of the requests submitted in an area over a period.' })
export class RequestStatisticsType {
  @Field(() => DateTimeResolver)
  from!: Date;
  @Field(() => DateTimeResolver)
  to!: Date;
  @Field(() => Int)
  submitted!: number;
  @Field(() => [RequestStateCountType], { description: 'Where they are now.' })
  byState!: RequestStateCountType[];
  @Field(() => Float, { nullable: true, description: 'The share resolved (resolved, rated or closed) by now, 0 to 1.' })
  resolutionRate!: number | null;
  @Field(() => Float, { nullable: true })
  medianMinutesToDispatch!: number | null;
  @Field(() => Float, { nullable: true })
  medianMinutesToAccept!: number | null;
  @Field(() => Float, { nullable: true })
  medianMinutesToTakeOn!: number | null;
  @Field(() => Float, { nullable: true })
  medianMinutesToResolve!: number | null;
  @Field(() => Int, { description: 'Requests that missed a deadline.' })
  overdue!: number;
  @Field(() => Int, { description: 'Levels risen, in all.' })
  escalations!: number;
  @Field(() => Float, { nullable: true })
  averageRating!: number | null;
}
