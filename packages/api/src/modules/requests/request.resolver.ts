import { DateTimeResolver } from 'graphql-scalars';
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { authorizeChange } from '../../auth/authorize.js';
import { maskAddress, maskName } from '../../auth/mask.js';
import type { Permission } from '../../auth/permissions.js';
import { mayReadPersonalDataAt } from '../../auth/personal-data.js';
import { maySeeRequest } from '../../auth/visibility.js';
import { ChangeType } from '../../graphql/changes.js';
import { PageArgs } from '../../graphql/connection.js';
import type { Context } from '../../graphql/context.js';
import { badInput, GzError, InputProblem } from '../../graphql/errors.js';
import { inputId, optionalInputId } from '../../graphql/ids.js';
import { withUserErrors } from '../../graphql/mutation.js';
import { expectId } from '../../graphql/node.js';
import { orderingBy, paginate } from '../../graphql/paginate.js';
import { type RequestChangeEvent, Topics } from '../../graphql/pubsub.js';
import { ApiKey } from '../api-keys/api-key.entity.js';
import { Area } from '../areas/area.entity.js';
import { subtreePath } from '../areas/area.service.js';
import { AreaType } from '../areas/area.types.js';
import { Organization } from '../organizations/organization.entity.js';
import { OrganizationType } from '../organizations/organization.types.js';
import { Person, RoleAssignment } from '../people/person.entity.js';
import { today } from '../people/person.service.js';
import { Request, RequestCategory, RequestEvent } from './request.entity.js';
import type { RequestMove } from './request.machine.js';
import {
  gridAt,
  moveRequest,
  REOPEN_WINDOW_DAYS,
  requestHistory,
  requestStatistics,
  requestWhere,
  responsibleArea,
  submitRequest,
} from './request.service.js';
import {
  DispatchRequestInput,
  RateRequestInput,
  ReportOnRequestInput,
  RequestCategoryType,
  RequestConnection,
  RequestEventType,
  RequestFilter,
  RequestNoteInput,
  RequestPayload,
  RequestReasonInput,
  RequestStatisticsType,
  RequestSummaryType,
  RequestType,
  ResolveRequestInput,
  SubmitRequestInput,
  SuperviseRequestInput,
} from './request.types.js';
import { announceRequest } from './request-events.js';

const NEWEST_FIRST = orderingBy('id', 'id', 'number', 'desc');

export const RequestChange = ChangeType(RequestType, 'Request', 'request');

function signedInPerson(ctx: Context): number {
  if (ctx.actor.kind !== 'PERSON' || !ctx.actor.id) {
    throw new GzError('FORBIDDEN', 'Sign in as a person to do this', { http: { status: 403 } });
  }
  return ctx.actor.id;
}

const pathOf = async (ctx: Context, areaId: number): Promise<string> => (await ctx.loaders.byId(Area).load(areaId))?.path ?? '';

function publish(ctx: Context, request: Request, action: RequestChangeEvent['action']): Promise<void> {
  return announceRequest(ctx.pubsub, ctx.em, request, action);
}

/**
 * The caller must hold one of `permissions` over `path`; the first that does is the authority
 * audited. None anywhere: FORBIDDEN; elsewhere only: NOT_FOUND.
 */
async function authorizeAny(ctx: Context, permissions: Permission[], path: string): Promise<void> {
  for (const permission of permissions) {
    if ((await ctx.grantedAreas(permission)).some((area) => path.startsWith(area))) {
      await authorizeChange(ctx, permission, [path], ['input', 'id']);
      return;
    }
  }
  const anywhere = await Promise.all(permissions.map((p) => ctx.grantedAreas(p)));
  if (!anywhere.some((areas) => areas.length)) {
    throw new GzError('FORBIDDEN', `You may not do this: it needs ${permissions.join(' or ')} in the area`, { http: { status: 403 } });
  }
  throw new InputProblem(['input', 'id'], 'No such object in your areas', 'NOT_FOUND');
}

/** Whether the person holds a role in force for the organisation (a department's staff accepting for it). */
async function memberOf(ctx: Context, person: number, organization: number): Promise<boolean> {
  const day = today();
  return (
    (await ctx.em.count(RoleAssignment, {
      person,
      organization,
      startsOn: { $lte: day },
      $or: [{ endsOn: null }, { endsOn: { $gte: day } }],
    })) > 0
  );
}

/** The organisation whose API key submitted a request, by name (organisations are public). */
async function submittingOrganization(ctx: Context, request: Request): Promise<string> {
  const key = request.submittedByKey ? await ctx.loaders.byId(ApiKey).load(request.submittedByKey.id as number) : null;
  const organization = key ? await ctx.loaders.byId(Organization).load(key.organization.id as number) : null;
  return organization?.name ?? '';
}

const required = (text: string | null | undefined, field: string, message: string): string => {
  const trimmed = text?.trim();
  if (!trimmed) throw new InputProblem(['input', field], message, 'REQUIRED');
  return trimmed;
};

@Resolver(() => RequestType)
export class RequestResolver {
  @Query(() => RequestConnection, {
    description:
      'Residents’ requests (诉求), newest first: your own, every one of the areas where you handle or supervise requests, and those waiting to be taken on where you may take them on.',
  })
  async requests(
    @Ctx() ctx: Context,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => RequestFilter, { nullable: true }) filter: RequestFilter | null,
  ) {
    const [handle, supervise, takeOn] = await Promise.all([
      ctx.grantedAreas('handle:requests'),
      ctx.grantedAreas('supervise:requests'),
      ctx.grantedAreas('take:requests'),
    ]);
    const where = await requestWhere(
      ctx.em,
      filter && { ...filter, within: filter.within != null ? expectId(filter.within, 'Area', 'filter.within') : null },
      {
        staffAreas: [...handle, ...supervise],
        takeOnAreas: takeOn,
        self: ctx.actor.kind === 'PERSON' ? ctx.actor.id : null,
        key: ctx.actor.kind === 'API_KEY' ? ctx.actor.id : null,
      },
    );
    return paginate(ctx.em, Request, where, NEWEST_FIRST, page);
  }

  @Query(() => RequestSummaryType, {
    nullable: true,
    description: 'Anyone holding a tracking code follows the request: a summary with no one named. Null for an unknown code.',
  })
  async requestByTrackingCode(@Ctx() ctx: Context, @Arg('trackingCode', () => String) code: string): Promise<RequestSummaryType | null> {
    if (!/^[A-Z0-9]{1,16}$/.test(code.trim().toUpperCase())) return null;
    const request = await ctx.em.findOne(Request, { trackingCode: code.trim().toUpperCase() });
    if (!request) return null;
    const [category, community, grid, history] = await Promise.all([
      ctx.loaders.byId(RequestCategory).load(request.category.id as number),
      ctx.loaders.byId(Area).load(request.community.id as number),
      ctx.loaders.byId(Area).load(request.grid.id as number),
      requestHistory(ctx.em, request.id),
    ]);
    const open = request.addressPublic;
    const yours = ctx.actor.kind === 'PERSON' && ctx.actor.id != null && request.reporter?.id === ctx.actor.id;
    return {
      trackingCode: request.trackingCode,
      category: category as RequestCategoryType,
      state: request.state,
      level: request.level,
      overdue: request.overdue,
      deadline: request.deadline ?? null,
      communityName: community?.name ?? '',
      gridName: grid?.name ?? '',
      address: open ? (request.address ?? null) : null,
      latitude: open ? (request.latitude ?? null) : null,
      longitude: open ? (request.longitude ?? null) : null,
      rating: request.rating ?? null,
      submittedAt: request.submittedAt,
      steps: history.map((e) => ({ move: e.move, toState: e.toState, level: e.level, at: e.at })),
      yours: yours,
      request: yours ? request : null,
    };
  }

  @Query(() => [RequestCategoryType], { description: 'The catalogue of request categories, with each stage’s minutes.' })
  requestCategories(@Ctx() ctx: Context) {
    return ctx.em.find(RequestCategory, {}, { orderBy: { id: 'asc' } });
  }

  @Query(() => RequestStatisticsType, {
    nullable: true,
    description:
      'Figures of the requests submitted in an area over a period (default: the last 365 days), optionally only those dispatched to one department; needs read:stats there. Null for an area outside your grant.',
  })
  async requestStatistics(
    @Ctx() ctx: Context,
    @Arg('area', () => ID) areaId: string,
    @Arg('from', () => DateTimeResolver, { nullable: true }) from: Date | null,
    @Arg('to', () => DateTimeResolver, { nullable: true }) to: Date | null,
    @Arg('department', () => ID, { nullable: true }) department: string | null,
  ): Promise<RequestStatisticsType | null> {
    const id = expectId(areaId, 'Area', 'area');
    const assignee = department != null ? expectId(department, 'Organization', 'department') : null;
    const until = to ?? ctx.now;
    const since = from ?? new Date(until.getTime() - 365 * 86_400_000);
    if (since >= until) throw badInput('`from` must be before `to`', 'from');
    const granted = await ctx.grantedAreas('read:stats');
    if (!granted.length) throw new GzError('FORBIDDEN', 'Request figures need read:stats in an area', { http: { status: 403 } });
    const area = await ctx.loaders.byId(Area).load(id);
    if (!area || !granted.some((path) => area.path.startsWith(path))) return null;
    return { from: since, to: until, ...(await requestStatistics(ctx.em, area.path, since, until, assignee)) };
  }

  @FieldResolver(() => RequestCategoryType)
  category(@Root() request: Request, @Ctx() { loaders }: Context) {
    return loaders.byId(RequestCategory).load(request.category.id as number);
  }

  @FieldResolver(() => String, {
    description:
      'The reporter’s name, masked (王*华) unless it is you or you may read it in the grid; for a request an organisation submitted through its API key (Open311), the organisation’s name.',
  })
  async reporterName(@Root() request: Request, @Ctx() ctx: Context): Promise<string> {
    if (!request.reporter) return submittingOrganization(ctx, request);
    const person = await ctx.loaders.byId(Person).load(request.reporter.id as number);
    return (await this.readable(ctx, request)) ? (person?.name ?? '') : maskName(person?.name ?? '');
  }

  @FieldResolver(() => String, { nullable: true, description: 'Who took it on, masked unless it is you or you may read it.' })
  async handlerName(@Root() request: Request, @Ctx() ctx: Context): Promise<string | null> {
    if (!request.handler) return null;
    const person = await ctx.loaders.byId(Person).load(request.handler.id as number);
    const own = ctx.actor.kind === 'PERSON' && ctx.actor.id === request.handler.id;
    return own || (await mayReadPersonalDataAt(ctx, await pathOf(ctx, request.grid.id as number)))
      ? (person?.name ?? '')
      : maskName(person?.name ?? '');
  }

  @FieldResolver(() => String, { nullable: true, description: 'Where, in words; masked (3号****) unless it is yours or you may read it.' })
  async address(@Root() request: Request, @Ctx() ctx: Context): Promise<string | null> {
    if (!request.address) return null;
    return (await this.readable(ctx, request)) ? request.address : maskAddress(request.address);
  }

  @FieldResolver(() => AreaType, { description: 'The grid (网格) it falls in.' })
  grid(@Root() request: Request, @Ctx() { loaders }: Context) {
    return loaders.byId(Area).load(request.grid.id as number);
  }

  @FieldResolver(() => AreaType)
  community(@Root() request: Request, @Ctx() { loaders }: Context) {
    return loaders.byId(Area).load(request.community.id as number);
  }

  @FieldResolver(() => AreaType)
  street(@Root() request: Request, @Ctx() { loaders }: Context) {
    return loaders.byId(Area).load(request.street.id as number);
  }

  @FieldResolver(() => AreaType, { description: 'The area answering for it now: its grid, community or street, by `level`.' })
  responsibleArea(@Root() request: Request, @Ctx() { loaders }: Context) {
    return loaders.byId(Area).load(responsibleArea(request));
  }

  @FieldResolver(() => OrganizationType, { nullable: true, description: 'The department or unit it was dispatched to.' })
  assignee(@Root() request: Request, @Ctx() { loaders }: Context) {
    return request.assignee ? loaders.byId(Organization).load(request.assignee.id as number) : null;
  }

  @FieldResolver(() => [RequestEventType], { description: 'Every move, oldest first: the full history (at most a few dozen).' })
  history(@Root() request: Request, @Ctx() ctx: Context) {
    return requestHistory(ctx.em, request.id);
  }

  private async readable(ctx: Context, request: Request): Promise<boolean> {
    const self = ctx.actor.kind === 'PERSON' ? ctx.actor.id : null;
    if (self != null && (self === request.reporter?.id || self === request.submittedBy?.id)) return true;
    if (ctx.actor.kind === 'API_KEY' && ctx.actor.id != null && ctx.actor.id === request.submittedByKey?.id) return true;
    return mayReadPersonalDataAt(ctx, await pathOf(ctx, request.grid.id as number));
  }

  @Mutation(() => RequestPayload, {
    description:
      '群众点单: a resident submits a request for themselves; staff of the grid (handle:requests) for a resident. The grid comes from the place unless given; the reporter gets a tracking code.',
  })
  submitRequest(@Ctx() ctx: Context, @Arg('input', () => SubmitRequestInput) input: SubmitRequestInput) {
    return withUserErrors(async () => {
      const self = signedInPerson(ctx);
      const reporter = optionalInputId(input.reporter, 'Person', ['input', 'reporter']) ?? self;
      let grid = optionalInputId(input.grid, 'Area', ['input', 'grid']) ?? null;
      if (reporter !== self) {
        // On a resident's behalf: where the worker works, so the grid must be known first.
        if (grid == null && input.latitude != null && input.longitude != null) {
          grid = await gridAt(ctx.em, input.latitude, input.longitude);
        }
        const path = grid != null ? await subtreePath(ctx.em, grid) : null;
        if (path === null) throw new InputProblem(['input', 'grid'], 'No such grid', 'NOT_FOUND');
        await authorizeChange(ctx, 'handle:requests', [path], ['input', 'grid']);
      }
      const request = await submitRequest(
        ctx.em,
        {
          category: input.category,
          description: input.description,
          latitude: input.latitude ?? null,
          longitude: input.longitude ?? null,
          address: input.address ?? null,
          addressPublic: input.addressPublic ?? false,
          photoUrls: input.photoUrls ?? [],
          reporter,
          grid,
        },
        ctx.actor,
      );
      await publish(ctx, request, 'CREATED');
      return { request };
    });
  }

  @Mutation(() => RequestPayload, {
    description:
      '社区派单: a dispatcher of the level answering for it (dispatch:requests) sends it to a department or unit of the street, or to the grid itself.',
  })
  dispatchRequest(@Ctx() ctx: Context, @Arg('input', () => DispatchRequestInput) input: DispatchRequestInput) {
    let assignee: number | null = null;
    return this.move(
      ctx,
      input.id,
      'dispatch',
      async (request) => {
        await authorizeAny(ctx, ['dispatch:requests'], await pathOf(ctx, responsibleArea(request)));
        const given = optionalInputId(input.assignee, 'Organization', ['input', 'assignee']);
        if (given != null) {
          const organization = await ctx.loaders.byId(Organization).load(given);
          const at = organization?.area ? await pathOf(ctx, organization.area.id as number) : null;
          const street = await pathOf(ctx, request.street.id as number);
          if (!at?.startsWith(street)) throw new InputProblem(['input', 'assignee'], 'No such department in the street', 'NOT_FOUND');
          assignee = given;
        }
      },
      {
        note: input.note?.trim() || null,
        apply: (r, now) => {
          r.assignee = assignee != null ? ctx.em.getReference(Organization, assignee) : null;
          r.dispatchedAt = now;
        },
      },
    );
  }

  @Mutation(() => RequestPayload, {
    description:
      '部门接单: staff of the department it was dispatched to, or staff of the level answering for it (handle:requests), accept it.',
  })
  acceptRequest(@Ctx() ctx: Context, @Arg('input', () => RequestNoteInput) input: RequestNoteInput) {
    return this.move(ctx, input.id, 'accept', (request) => this.authorizeHandling(ctx, request), {
      note: input.note?.trim() || null,
      apply: (r, now) => Object.assign(r, { acceptedAt: now }),
    });
  }

  @Mutation(() => RequestPayload, {
    description: 'Those who may accept it return a dispatched or accepted request to the dispatcher, with a reason.',
  })
  returnRequest(@Ctx() ctx: Context, @Arg('input', () => RequestReasonInput) input: RequestReasonInput) {
    return this.move(ctx, input.id, 'return', (request) => this.authorizeHandling(ctx, request), {
      note: () => required(input.reason, 'reason', 'Say why it goes back'),
      apply: (r) => Object.assign(r, { assignee: null }),
    });
  }

  @Mutation(() => RequestPayload, {
    description:
      '党员领单: a party member, in-service party member or volunteer of the area (take:requests), or staff there (handle:requests), takes on an accepted request; of many at once, one wins.',
  })
  takeOnRequest(@Ctx() ctx: Context, @Arg('input', () => RequestNoteInput) input: RequestNoteInput) {
    return this.move(
      ctx,
      input.id,
      'takeOn',
      async (request) => authorizeAny(ctx, ['take:requests', 'handle:requests'], await pathOf(ctx, request.grid.id as number)),
      {
        note: input.note?.trim() || null,
        apply: (r, now) => Object.assign(r, { handler: ctx.em.getReference(Person, ctx.actor.id as number), takenOnAt: now }),
      },
    );
  }

  @Mutation(() => RequestPayload, { description: 'Whoever took it on resolves it, saying what was done.' })
  resolveRequest(@Ctx() ctx: Context, @Arg('input', () => ResolveRequestInput) input: ResolveRequestInput) {
    return this.move(ctx, input.id, 'resolve', async () => {}, {
      guard: (r) => {
        if (r.state === 'IN_HAND' && r.handler?.id !== ctx.actor.id) {
          throw new InputProblem(['input', 'id'], 'Only whoever took it on resolves it', 'NOT_HANDLER');
        }
      },
      note: () => required(input.resolution, 'resolution', 'Say what was done'),
      apply: (r, now) => Object.assign(r, { resolution: input.resolution.trim(), resolvedAt: now }),
    });
  }

  @Mutation(() => RequestPayload, { description: '群众评单 (一键评价): the reporter rates the result, 1 to 5, once.' })
  rateRequest(@Ctx() ctx: Context, @Arg('input', () => RateRequestInput) input: RateRequestInput) {
    return this.move(ctx, input.id, 'rate', async () => {}, {
      guard: (r) => {
        this.reporterOnly(ctx, r);
        if (r.rating != null) throw new InputProblem(['input', 'id'], 'You rated this request already', 'ALREADY_RATED');
        if (!Number.isInteger(input.rating) || input.rating < 1 || input.rating > 5) {
          throw new InputProblem(['input', 'rating'], 'A rating is 1 to 5', 'INVALID');
        }
      },
      note: input.comment?.trim() || null,
      apply: (r) => Object.assign(r, { rating: input.rating, ratingComment: input.comment?.trim() || null }),
    });
  }

  @Mutation(() => RequestPayload, {
    description: `The reporter reopens a resolved request within ${REOPEN_WINDOW_DAYS} days, saying why; it goes back to the dispatcher.`,
  })
  reopenRequest(@Ctx() ctx: Context, @Arg('input', () => RequestReasonInput) input: RequestReasonInput) {
    return this.move(ctx, input.id, 'reopen', async () => {}, {
      guard: (r) => {
        this.reporterOnly(ctx, r);
        if (r.resolvedAt && Date.now() - r.resolvedAt.getTime() > REOPEN_WINDOW_DAYS * 86_400_000) {
          throw new InputProblem(['input', 'id'], `Requests reopen within ${REOPEN_WINDOW_DAYS} days of being resolved`, 'TOO_LATE');
        }
      },
      note: () => required(input.reason, 'reason', 'Say why it is not resolved'),
      apply: (r) => Object.assign(r, { handler: null, assignee: null, resolution: null }),
    });
  }

  @Mutation(() => RequestPayload, { description: 'A dispatcher of the level answering for it closes a resolved or rated request.' })
  closeRequest(@Ctx() ctx: Context, @Arg('input', () => RequestNoteInput) input: RequestNoteInput) {
    return this.move(
      ctx,
      input.id,
      'close',
      async (request) => authorizeAny(ctx, ['dispatch:requests'], await pathOf(ctx, responsibleArea(request))),
      { note: input.note?.trim() || null, apply: (r, now) => Object.assign(r, { closedAt: now }) },
    );
  }

  @Mutation(() => RequestPayload, {
    description: 'A dispatcher of the level answering for it rejects a request not yet dispatched (不予受理), with a reason.',
  })
  rejectRequest(@Ctx() ctx: Context, @Arg('input', () => RequestReasonInput) input: RequestReasonInput) {
    return this.move(
      ctx,
      input.id,
      'reject',
      async (request) => authorizeAny(ctx, ['dispatch:requests'], await pathOf(ctx, responsibleArea(request))),
      { note: () => required(input.reason, 'reason', 'Say why it is rejected'), apply: (r, now) => Object.assign(r, { closedAt: now }) },
    );
  }

  @Mutation(() => RequestPayload, {
    description: '督查: a supervisor of the area (supervise:requests) flags an open request and asks for a report.',
  })
  superviseRequest(@Ctx() ctx: Context, @Arg('input', () => SuperviseRequestInput) input: SuperviseRequestInput) {
    return this.move(
      ctx,
      input.id,
      'supervise',
      async (request) => authorizeAny(ctx, ['supervise:requests'], await pathOf(ctx, request.grid.id as number)),
      {
        note: () => required(input.note, 'note', 'Say what is to be reported'),
        apply: (r) => Object.assign(r, { supervisionNote: input.note.trim(), supervisionReport: null }),
      },
    );
  }

  @Mutation(() => RequestPayload, {
    description: 'Whoever has it in hand, or staff of the level answering for it (handle:requests), report on a flagged request.',
  })
  reportOnRequest(@Ctx() ctx: Context, @Arg('input', () => ReportOnRequestInput) input: ReportOnRequestInput) {
    return this.move(
      ctx,
      input.id,
      'report',
      async (request) => {
        if (request.handler?.id === signedInPerson(ctx)) return;
        await authorizeAny(ctx, ['handle:requests'], await pathOf(ctx, responsibleArea(request)));
      },
      {
        guard: (r) => {
          if (!r.supervisionNote) throw new InputProblem(['input', 'id'], 'No supervisor asked for a report', 'NOT_SUPERVISED');
        },
        note: () => required(input.report, 'report', 'Write the report'),
        apply: (r) => Object.assign(r, { supervisionReport: input.report.trim() }),
      },
    );
  }

  /** Accept and return: the department's own staff, or staff of the level answering for it. */
  private async authorizeHandling(ctx: Context, request: Request): Promise<void> {
    const self = signedInPerson(ctx);
    if (request.assignee && (await memberOf(ctx, self, request.assignee.id as number))) return;
    await authorizeAny(ctx, ['handle:requests'], await pathOf(ctx, responsibleArea(request)));
  }

  /** Checked once the caller is known to see the request: others are told it is not theirs to do. */
  private reporterOnly(ctx: Context, request: Request): void {
    if (request.reporter?.id == null || request.reporter.id !== ctx.actor.id) {
      throw new InputProblem(['input', 'id'], 'Only the reporter does this', 'NOT_REPORTER');
    }
  }

  /**
   * One move by a signed-in person. Who may make it is checked first, outside the transaction; a
   * request the caller may not see is reported as not found (after a caller with no rights at all
   * is told FORBIDDEN). Inside, with the row locked, the state and `guard`, which read nothing.
   */
  private move(
    ctx: Context,
    id: string,
    move: RequestMove,
    authorize: (request: Request) => Promise<void>,
    options: {
      guard?: (request: Request) => void;
      apply?: (request: Request, now: Date) => void;
      note?: string | null | (() => string);
    } = {},
  ) {
    return withUserErrors(async () => {
      signedInPerson(ctx);
      const requestId = inputId(id, 'Request', ['input', 'id']);
      const current = await ctx.loaders.byId(Request).load(requestId);
      if (!current) throw new InputProblem(['input', 'id'], 'No such request', 'NOT_FOUND');
      await authorize(current);
      if (!(await maySeeRequest(ctx, current))) throw new InputProblem(['input', 'id'], 'No such request', 'NOT_FOUND');
      const note = typeof options.note === 'function' ? options.note() : (options.note ?? null);
      const request = await moveRequest(ctx.em, requestId, move, ctx.actor, {
        guard: (r) => {
          // Escalated between the check and the lock: the caller may no longer answer for it.
          if (r.level !== current.level) throw new InputProblem(['input', 'id'], 'It rose a level meanwhile', 'WRONG_STATE');
          options.guard?.(r);
        },
        apply: options.apply,
        note,
      });
      await publish(ctx, request, 'UPDATED');
      return { request };
    });
  }

  @Subscription(() => RequestChange, {
    topics: Topics.REQUEST_CHANGED,
    filter: async ({
      payload,
      args,
      context,
    }: {
      payload: RequestChangeEvent;
      args: { id?: string | null; trackingCode?: string | null };
      context: Context;
    }) => {
      if (args.id != null && payload.id !== expectId(args.id, 'Request', 'id')) return false;
      if (args.trackingCode != null && payload.trackingCode !== args.trackingCode.trim().toUpperCase()) return false;
      if (args.id == null && args.trackingCode == null) return false;
      if (context.actor.kind === 'PERSON' && context.actor.id != null && payload.people.includes(context.actor.id)) return true;
      const staff = [...(await context.grantedAreas('handle:requests')), ...(await context.grantedAreas('supervise:requests'))];
      return staff.some((path) => payload.gridPath.startsWith(path));
    },
    description:
      'One request’s moves, by its id or tracking code: for its reporter (and whoever submitted it or has it in hand) and staff of its area.',
  })
  async requestChanged(
    @Root() event: RequestChangeEvent,
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { nullable: true }) _id: string | null,
    @Arg('trackingCode', () => String, { nullable: true }) _trackingCode: string | null,
  ) {
    ctx.renew();
    return { action: event.action, request: await ctx.loaders.byId(Request).load(event.id) };
  }

  @Subscription(() => RequestChange, {
    topics: Topics.REQUEST_CHANGED,
    filter: async ({ payload, args, context }: { payload: RequestChangeEvent; args: { area: string }; context: Context }) => {
      const area = await context.loaders.byId(Area).load(expectId(args.area, 'Area', 'area'));
      if (!area || !payload.gridPath.startsWith(area.path)) return false;
      return (await context.grantedAreas('dispatch:requests')).some((path) => payload.responsiblePath.startsWith(path));
    },
    description:
      'A dispatcher’s queue: requests of an area submitted or moved, delivered only to dispatchers of the level answering for each (an escalated one reaches the level above).',
  })
  async requestQueue(@Root() event: RequestChangeEvent, @Ctx() ctx: Context, @Arg('area', () => ID) _area: string) {
    ctx.renew();
    return { action: event.action, request: await ctx.loaders.byId(Request).load(event.id) };
  }
}

@Resolver(() => RequestEventType)
export class RequestEventResolver {
  @FieldResolver(() => String, { nullable: true, description: 'Who made the move, masked unless you may read it; null for the system.' })
  async actorName(@Root() event: RequestEvent, @Ctx() ctx: Context): Promise<string | null> {
    if (!event.actor) return null;
    const person = await ctx.loaders.byId(Person).load(event.actor.id as number);
    const request = await ctx.loaders.byId(Request).load(event.request.id as number);
    const own = ctx.actor.kind === 'PERSON' && ctx.actor.id === event.actor.id;
    const readable = own || (request != null && (await mayReadPersonalDataAt(ctx, await pathOf(ctx, request.grid.id as number))));
    return readable ? (person?.name ?? '') : maskName(person?.name ?? '');
  }
}
