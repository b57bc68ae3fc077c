/**
 * Open311 GeoReport v2 at /open311/v2, JSON only (a `.xml` resource is a 404 saying so). The rules
 * are the requests module's; the translation is open311.mapping.ts's.
 *
 * - GET services.json: the request categories, `metadata: false` (no service definitions).
 * - GET requests.json: public, newest first. Each request in full for a caller who may see it
 *   (as GraphQL's `requests`: staff of its area, supervisors, its reporter, the key that
 *   submitted it), otherwise its public summary (no description, photo or notes; the place only
 *   if the reporter made it public); nobody is ever named. Parameters: service_request_id
 *   (comma list; overrides the others but paging), service_code (comma list), status
 *   (open|closed, comma list), start_date and end_date (W3C date-times, on requested_datetime;
 *   without either, the last 90 days), page_size (default 50, at most 1,000) and page (from 1).
 *   jurisdiction_id is ignored: one jurisdiction per server.
 * - GET requests/{service_request_id}.json: the same, one request, as a one-element array.
 * - POST requests.json: an API key with SUBMIT_REQUESTS (in `api_key`, form-encoded or JSON, or
 *   as `Authorization: Bearer gzk_…`) submits for a place in its organisation's area, on a
 *   resident's behalf; 201 with `[{ service_request_id, service_notice, account_id: null }]`.
 *
 * Errors are `[{ code, description }]` with the same HTTP status: 400 bad input, 401 no key or a
 * key not valid, 403 a key that may not submit (there), 404 unknown, 429 rate limited.
 */
import { randomUUID } from 'node:crypto';
import type { FilterQuery } from '@mikro-orm/core';
import express, { type ErrorRequestHandler, type Request as HttpRequest, type NextFunction, type Response, type Router } from 'express';
import { authenticate } from '../auth/authenticate.js';
import { authorizeChange } from '../auth/authorize.js';
import { mayReadPersonalDataAt } from '../auth/personal-data.js';
import { TokenError, type Tokens } from '../auth/tokens.js';
import type { Orm } from '../db/orm.js';
import { type Context, createContext } from '../graphql/context.js';
import { GzError, InputProblem, InputProblems } from '../graphql/errors.js';
import type { RateLimit } from '../graphql/limits/rate-limit.js';
import type { ChangePubSub } from '../graphql/pubsub.js';
import { Area } from '../modules/areas/area.entity.js';
import { subtreePath } from '../modules/areas/area.service.js';
import type { Actor } from '../modules/audit/audit.service.js';
import { Organization } from '../modules/organizations/organization.entity.js';
import { Request, RequestCategory } from '../modules/requests/request.entity.js';
import { gridAt, requestWhere, responsibleArea, submitRequest } from '../modules/requests/request.service.js';
import { announceRequest } from '../modules/requests/request-events.js';
import {
  DEFAULT_PAGE_SIZE,
  GeoReportError,
  type ListQuery,
  MAX_PAGE_SIZE,
  noticeOf,
  type Open311ServiceRequest,
  parseListQuery,
  parseSubmission,
  serviceOf,
  serviceRequestOf,
  submissionError,
} from './open311.mapping.js';

export const OPEN311_PATH = '/open311/v2';
const MAX_BODY = '1mb';

export interface Open311Settings {
  orm: Orm;
  pubsub: ChangePubSub;
  tokens: Tokens | null;
  rateLimit: RateLimit | null;
}

const JSON_ONLY = new GeoReportError(404, 'This server speaks GeoReport v2 in JSON only: ask for the .json resource');

function fail(res: Response, error: GeoReportError): void {
  res.status(error.code).json(error.body);
}

/**
 * The caller, from `Authorization: Bearer …` (a person's token or an API key) or, on POST, from
 * the `api_key` field GeoReport v2 defines. A key in a GET's query string is ignored: URLs end up
 * in logs, so reads take the key in the header only.
 */
async function callerOf(req: HttpRequest, orm: Orm, tokens: Tokens | null, requestId: string): Promise<Actor> {
  const header = req.get('authorization');
  const field = req.method === 'POST' ? (req.body as Record<string, unknown> | undefined)?.api_key : undefined;
  if (field !== undefined && typeof field !== 'string') throw new GeoReportError(400, 'api_key is given once, as text');
  if (field && header && header.trim() !== `Bearer ${field}`) {
    throw new GeoReportError(400, 'Two different credentials: give api_key or the Authorization header, not both');
  }
  if (field && !field.startsWith('gzk_')) throw new GeoReportError(401, 'api_key is not valid (unknown, or revoked)');
  try {
    return await authenticate(orm.em, tokens, header ?? (field ? `Bearer ${field}` : undefined), requestId);
  } catch (error) {
    if (error instanceof TokenError) throw new GeoReportError(401, error.message);
    throw error;
  }
}

/** The public facts of each request: its category, and who answers for it (the department it went to, or its grid, community or street). */
async function factsOf(ctx: Context, requests: Request[]) {
  return Promise.all(
    requests.map(async (request) => {
      const [category, agency] = await Promise.all([
        ctx.loaders.byId(RequestCategory).load(request.category.id as number),
        request.assignee
          ? ctx.loaders.byId(Organization).load(request.assignee.id as number)
          : ctx.loaders.byId(Area).load(responsibleArea(request)),
      ]);
      return { request, category: category as RequestCategory, agency: agency?.name ?? '' };
    }),
  );
}

/** The ids of `requests` the caller may see in full: the same rule as GraphQL's `requests`. */
async function seenInFull(ctx: Context, requests: Request[]): Promise<Set<number>> {
  if (!requests.length) return new Set();
  const [handle, supervise, takeOn] = await Promise.all([
    ctx.grantedAreas('handle:requests'),
    ctx.grantedAreas('supervise:requests'),
    ctx.grantedAreas('take:requests'),
  ]);
  const visible = await requestWhere(ctx.em, null, {
    staffAreas: [...handle, ...supervise],
    takeOnAreas: takeOn,
    self: ctx.actor.kind === 'PERSON' ? ctx.actor.id : null,
    key: ctx.actor.kind === 'API_KEY' ? ctx.actor.id : null,
  });
  const ids = requests.map((r) => r.id);
  const rows = await ctx.em.find(Request, { $and: [visible, { id: { $in: ids } }] } as FilterQuery<Request>, { fields: ['id'] });
  return new Set(rows.map((r) => r.id));
}

/** Whether the caller may read where a request is: their own, or read:personal in its grid. */
async function mayReadPlace(ctx: Context, request: Request): Promise<boolean> {
  const { actor } = ctx;
  if (actor.kind === 'PERSON' && actor.id != null && [request.reporter?.id, request.submittedBy?.id].includes(actor.id)) return true;
  if (actor.kind === 'API_KEY' && actor.id != null && request.submittedByKey?.id === actor.id) return true;
  const grid = await ctx.loaders.byId(Area).load(request.grid.id as number);
  return grid != null && mayReadPersonalDataAt(ctx, grid.path);
}

async function render(ctx: Context, requests: Request[]): Promise<Open311ServiceRequest[]> {
  const [facts, full] = await Promise.all([factsOf(ctx, requests), seenInFull(ctx, requests)]);
  return Promise.all(
    facts.map(async (f) => {
      const inFull = full.has(f.request.id);
      const placeShown = f.request.addressPublic || (inFull && (await mayReadPlace(ctx, f.request)));
      return serviceRequestOf(f, { full: inFull, placeShown });
    }),
  );
}

function listWhere(q: ListQuery): FilterQuery<Request> {
  if (q.ids) return { trackingCode: { $in: q.ids } };
  const where: Record<string, unknown> = {};
  if (q.serviceCodes) where.category = { code: { $in: q.serviceCodes } };
  if (q.states) where.state = { $in: q.states };
  if (q.from || q.to) where.submittedAt = { ...(q.from && { $gte: q.from }), ...(q.to && { $lte: q.to }) };
  return where as FilterQuery<Request>;
}

type Handler = (req: HttpRequest, res: Response, ctx: Context) => Promise<void>;

export function open311Router({ orm, pubsub, tokens, rateLimit }: Open311Settings): Router {
  const router = express.Router();
  router.use(express.urlencoded({ extended: false, limit: MAX_BODY }), express.json({ limit: MAX_BODY }));

  /** Who is asking, their rate limit (a list spends its page size, anything else 1 point), then the handler; errors as GeoReport. */
  const answer =
    (points: (req: HttpRequest) => number, handler: Handler) =>
    async (req: HttpRequest, res: Response, next: NextFunction): Promise<void> => {
      const requestId = /^[A-Za-z0-9._:-]{1,64}$/.test(req.get('x-request-id') ?? '') ? (req.get('x-request-id') as string) : randomUUID();
      res.set('x-request-id', requestId);
      try {
        const ctx = createContext(orm.em, pubsub, tokens, await callerOf(req, orm, tokens, requestId), req.ip);
        // A POST writes: its loaders load into the unit of work (graphql/context.ts).
        if (req.method !== 'GET') ctx.usePrimary();
        const spent = rateLimit ? await rateLimit.spend(ctx.rateKey, points(req)) : null;
        if (spent && !spent.ok) {
          const retryAfter = Math.max(1, Math.ceil((spent.budget.resetAt.getTime() - Date.now()) / 1000));
          res.set('retry-after', String(retryAfter));
          throw new GeoReportError(429, `Rate limit: try again in ${retryAfter} s`);
        }
        await handler(req, res, ctx);
      } catch (error) {
        if (error instanceof GeoReportError) fail(res, error);
        else next(error);
      }
    };

  router.get(
    '/services.json',
    answer(
      () => 1,
      async (_req, res, ctx) => {
        const categories = await ctx.em.find(RequestCategory, {}, { orderBy: { id: 'asc' } });
        res.json(categories.map(serviceOf));
      },
    ),
  );

  router.get(
    '/requests.json',
    answer(
      (req) => Math.min(Number(req.query.page_size) || DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE),
      async (req, res, ctx) => {
        const q = parseListQuery(req.query as Record<string, unknown>, ctx.now);
        const requests = await ctx.em.find(Request, listWhere(q), {
          orderBy: { id: 'desc' },
          limit: q.pageSize,
          offset: (q.page - 1) * q.pageSize,
        });
        res.json(await render(ctx, requests));
      },
    ),
  );

  router.post(
    '/requests.json',
    answer(
      () => 1,
      async (req, res, ctx) => {
        if (ctx.actor.kind === 'ANONYMOUS') {
          res.set('www-authenticate', 'Bearer');
          throw new GeoReportError(401, 'An API key is required: send api_key, or Authorization: Bearer gzk_…');
        }
        if (ctx.actor.kind !== 'API_KEY') {
          throw new GeoReportError(
            403,
            'Open311 submissions are made with an organisation’s API key; residents submit through submitRequest',
          );
        }
        if (!(await ctx.grantedAreas('submit:requests')).length) {
          throw new GeoReportError(403, 'This API key may not submit requests: it needs the SUBMIT_REQUESTS scope');
        }
        const submission = parseSubmission((req.body ?? {}) as Record<string, unknown>);
        const grid = await gridAt(ctx.em, submission.latitude, submission.longitude);
        if (grid == null) throw new GeoReportError(400, 'lat/long: the place is in no grid we know');
        try {
          await authorizeChange(ctx, 'submit:requests', [await subtreePath(ctx.em, grid)], ['input', 'grid']);
        } catch (error) {
          if (error instanceof InputProblem) throw new GeoReportError(403, 'lat/long: the place is outside your organisation’s area');
          if (error instanceof GzError) throw new GeoReportError(403, error.message);
          throw error;
        }
        let request: Request;
        try {
          request = await submitRequest(
            ctx.em,
            {
              category: submission.serviceCode,
              description: submission.description,
              latitude: submission.latitude,
              longitude: submission.longitude,
              address: submission.address,
              // Published only if the resident says so, which GeoReport v2 has no field for.
              addressPublic: false,
              photoUrls: submission.mediaUrl ? [submission.mediaUrl] : [],
              reporter: null,
              grid,
            },
            ctx.actor,
          );
        } catch (error) {
          if (error instanceof InputProblem || error instanceof InputProblems) throw submissionError(error);
          throw error;
        }
        await announceRequest(pubsub, ctx.em, request, 'CREATED');
        const category = await ctx.loaders.byId(RequestCategory).load(request.category.id as number);
        res
          .status(201)
          .json([{ service_request_id: request.trackingCode, service_notice: category ? noticeOf(category) : null, account_id: null }]);
      },
    ),
  );

  router.get(
    '/requests/:file',
    answer(
      () => 1,
      async (req, res, ctx) => {
        const [, code, format] = /^([^.]+)\.(\w+)$/.exec(req.params.file as string) ?? [];
        if (format === 'xml') throw JSON_ONLY;
        const trackingCode = code?.toUpperCase() ?? '';
        const request = format === 'json' && /^[A-Z0-9]{1,16}$/.test(trackingCode) ? await ctx.em.findOne(Request, { trackingCode }) : null;
        if (!request) throw new GeoReportError(404, 'No request has this service_request_id');
        res.json(await render(ctx, [request]));
      },
    ),
  );

  router.use((req, res) => {
    fail(res, /\.xml$/.test(req.path) ? JSON_ONLY : new GeoReportError(404, `No such GeoReport v2 resource: ${req.method} ${req.path}`));
  });

  const errors: ErrorRequestHandler = (error, _req, res, next) => {
    const status = (error as { status?: number }).status ?? 500;
    if (res.headersSent) {
      next(error);
      return;
    }
    if (status >= 500) {
      console.error('Unexpected error:', error);
      fail(res, new GeoReportError(500, 'Internal server error'));
      return;
    }
    const tooLarge = (error as { type?: string }).type === 'entity.too.large';
    fail(
      res,
      tooLarge ? new GeoReportError(413, `The request body is larger than ${MAX_BODY}`) : new GeoReportError(400, (error as Error).message),
    );
  };
  router.use(errors);
  return router;
}
