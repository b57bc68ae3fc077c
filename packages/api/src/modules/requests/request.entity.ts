import { defineEntity, p } from '@mikro-orm/core';
import { ApiKey } from '../api-keys/api-key.entity.js';
import { Area } from '../areas/area.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { Person } from '../people/person.entity.js';

/** Where a request is in its closed loop (see request.machine.ts for the moves between them). */
export const REQUEST_STATES = [
  'SUBMITTED',
  'DISPATCHED',
  'ACCEPTED',
  'IN_HAND',
  'RESOLVED',
  'RATED',
  'CLOSED',
  'RETURNED',
  'REOPENED',
  'REJECTED',
] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

/** Who answers for a request now: 小事不出网格、大事不出社区, and what is late rises a level. */
export const REQUEST_LEVELS = ['GRID', 'COMMUNITY', 'STREET'] as const;
export type RequestLevel = (typeof REQUEST_LEVELS)[number];

/**
 * A kind of request in the catalogue, with the minutes each stage may take: to dispatch (派单),
 * to accept (接单), to take on (领单) and to resolve. 0 makes a stage due at once (for drills).
 */
const RequestCategorySchema = defineEntity({
  name: 'RequestCategory',
  tableName: 'request_category',
  properties: {
    id: p.integer().primary().autoincrement(),
    /** Stable: portals and Open311 clients refer to it. */
    code: p.string().length(64).unique(),
    name: p.string().length(100),
    nameEn: p.string().length(100),
    dispatchMinutes: p.integer(),
    acceptMinutes: p.integer(),
    takeOnMinutes: p.integer(),
    resolveMinutes: p.integer(),
  },
});
export class RequestCategory extends RequestCategorySchema.class {}
RequestCategorySchema.setClass(RequestCategory);

/** A resident's request (诉求): a need or a complaint, from 群众点单 to 群众评单. */
const RequestSchema = defineEntity({
  name: 'Request',
  tableName: 'resident_request',
  indexes: [{ name: 'resident_request_state_deadline_index', properties: ['state', 'deadline'] }],
  properties: {
    id: p.integer().primary().autoincrement(),
    /** What the reporter is given to follow the request without signing in. */
    trackingCode: p.string().length(16).unique(),
    category: () => p.manyToOne(RequestCategory).index().deleteRule('restrict'),
    description: p.text(),
    latitude: p.double().$type<number>().nullable(),
    longitude: p.double().$type<number>().nullable(),
    /** Where, in words ("3号楼东侧路灯"); shown to the public only when `addressPublic`. */
    address: p.string().length(300).nullable(),
    addressPublic: p.boolean().default(false),
    photoUrls: p.json<string[]>(),
    /** The resident whose request it is; null when an organisation submitted it through its API key (Open311). */
    reporter: () => p.manyToOne(Person).nullable().index().deleteRule('restrict'),
    /** The reporter, or a worker on their behalf; null when submitted through an API key. */
    submittedBy: () => p.manyToOne(Person).nullable().index().deleteRule('restrict'),
    /** The key an organisation submitted it with, on a resident's behalf (Open311 POST). */
    submittedByKey: () => p.manyToOne(ApiKey).nullable().index().deleteRule('restrict'),
    grid: () => p.manyToOne(Area).index().deleteRule('restrict'),
    community: () => p.manyToOne(Area).index().deleteRule('restrict'),
    street: () => p.manyToOne(Area).index().deleteRule('restrict'),
    level: p.enum(REQUEST_LEVELS).$type<RequestLevel>(),
    state: p.enum(REQUEST_STATES).$type<RequestState>().index(),
    /** When the current stage must be done by; null once resolved, or past the street level's. */
    deadline: p.datetime().nullable(),
    /** Missed a deadline at least once. */
    overdue: p.boolean().default(false),
    escalations: p.smallint().default(0),
    /** The department or unit it was dispatched to, if not the grid itself. */
    assignee: () => p.manyToOne(Organization).nullable().index().deleteRule('restrict'),
    /** Who took it on (领单). */
    handler: () => p.manyToOne(Person).nullable().index().deleteRule('restrict'),
    resolution: p.text().nullable(),
    rating: p.smallint().nullable(),
    ratingComment: p.text().nullable(),
    /** 督查: a supervisor flagged it and asked for a report. */
    supervisionNote: p.text().nullable(),
    supervisionReport: p.text().nullable(),
    submittedAt: p.datetime(),
    dispatchedAt: p.datetime().nullable(),
    acceptedAt: p.datetime().nullable(),
    takenOnAt: p.datetime().nullable(),
    resolvedAt: p.datetime().nullable(),
    closedAt: p.datetime().nullable(),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});
export class Request extends RequestSchema.class {}
RequestSchema.setClass(Request);

/** One move of a request: who made it, when, from which state to which, and why. Its full history. */
const RequestEventSchema = defineEntity({
  name: 'RequestEvent',
  tableName: 'request_event',
  properties: {
    id: p.integer().primary().autoincrement(),
    request: () => p.manyToOne(Request).index().deleteRule('cascade'),
    move: p.string().length(32),
    fromState: p.enum(REQUEST_STATES).$type<RequestState>().nullable(),
    toState: p.enum(REQUEST_STATES).$type<RequestState>(),
    level: p.enum(REQUEST_LEVELS).$type<RequestLevel>(),
    /** Null when the system made the move (an escalation). */
    actor: () => p.manyToOne(Person).nullable().index().deleteRule('restrict'),
    role: p.string().length(40).nullable(),
    note: p.text().nullable(),
    at: p.datetime(),
  },
});
export class RequestEvent extends RequestEventSchema.class {}
RequestEventSchema.setClass(RequestEvent);
