/**
 * Exports at /export: one root connection, with its filter, streamed as NDJSON or CSV page by
 * page, for a data team (一站数据) taking a whole table into its own tools.
 *
 * - The request: GET `?query=&variables=&operationName=` or POST JSON `{ query, variables,
 *   operationName }`, as on /graphql; the document selects exactly one root connection and its
 *   rows as `nodes { … }` or `edges { node { … } }` (export.query.ts).
 * - The format: `?format=ndjson|csv`, else the Accept header (`application/x-ndjson`,
 *   `text/csv`); NDJSON when anything goes. `?excel=true` (CSV) starts the file with a UTF-8 BOM,
 *   so Excel reads the Chinese right, and keeps text that starts like a formula as text.
 * - Who is asking, and what they see: as /graphql (the same authentication, 401 for a bad
 *   credential; the same resolvers, so the same access rules and masking).
 * - Refusals before the first row are JSON `{ errors: [{ message, extensions: { code } }] }` with
 *   their HTTP status. A failure once rows have gone out ends NDJSON with a last line
 *   `{"error":{"message":…,"extensions":{"code":…}}}`, and breaks off CSV without the end of the
 *   chunked body, so a client sees an incomplete transfer, never a short file that looks whole.
 * - Memory holds one page: each is written as it comes, and the next is read only once the client
 *   has taken the last (backpressure). A client that leaves stops the paging.
 */

import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { setImmediate, setTimeout as sleep } from 'node:timers/promises';
import { stringify } from 'csv-stringify/sync';
import express, { type ErrorRequestHandler, type Request, type Response, type Router } from 'express';
import type { GraphQLSchema, ValidationRule } from 'graphql';
import { authenticate } from '../auth/authenticate.js';
import { TokenError, type Tokens } from '../auth/tokens.js';
import type { Orm } from '../db/orm.js';
import type { CompiledExecution } from '../graphql/compiled-execution.js';
import { createContext } from '../graphql/context.js';
import type { RateLimit } from '../graphql/limits/rate-limit.js';
import type { ChangePubSub } from '../graphql/pubsub.js';
import { cellOf } from './export.columns.js';
import { ExportError } from './export.error.js';
import { type ExportPlan, type ExportRequest, planExport } from './export.query.js';
import { type ExportPage, exportPages, pagePoints } from './export.service.js';

export const EXPORT_PATH = '/export';
const MAX_BODY = '1mb';

export type ExportFormat = 'ndjson' | 'csv';
const MEDIA_TYPES: Record<ExportFormat, string> = {
  ndjson: 'application/x-ndjson; charset=utf-8',
  csv: 'text/csv; charset=utf-8; header=present',
};

export interface ExportSettings {
  orm: Orm;
  pubsub: ChangePubSub;
  tokens: Tokens | null;
  rateLimit: RateLimit | null;
  schema: GraphQLSchema;
  /** Runs the pages: the schema's documents, compiled. */
  execution: CompiledExecution;
  validationRules: ValidationRule[];
  maxCost: number;
}

function formatOf(req: Request): ExportFormat {
  const given = req.query.format;
  if (given !== undefined) {
    if (given === 'ndjson' || given === 'csv') return given;
    throw new ExportError(400, 'BAD_REQUEST', 'format is ndjson or csv');
  }
  const wanted = req.accepts(['application/x-ndjson', 'text/csv']);
  if (!wanted) {
    throw new ExportError(
      406,
      'NOT_ACCEPTABLE',
      'An export is NDJSON (application/x-ndjson) or CSV (text/csv): accept one of them, or pass ?format=',
    );
  }
  return wanted === 'text/csv' ? 'csv' : 'ndjson';
}

function flag(value: unknown, parameter: string): boolean {
  if (value === undefined || value === 'false' || value === '0') return false;
  if (value === '' || value === 'true' || value === '1') return true;
  throw new ExportError(400, 'BAD_REQUEST', `${parameter} is true or false`);
}

/** The GraphQL request, from the query string (GET) or the JSON body (POST), as GraphQL over HTTP has it. */
function exportRequestOf(req: Request): ExportRequest {
  const source = (req.method === 'POST' ? req.body : req.query) as Record<string, unknown> | undefined;
  const { query, operationName } = source ?? {};
  let variables = source?.variables;
  if (typeof query !== 'string' || !query.trim())
    throw new ExportError(400, 'BAD_REQUEST', 'Give the GraphQL document to export in `query`');
  if (operationName != null && typeof operationName !== 'string') throw new ExportError(400, 'BAD_REQUEST', 'operationName is text');
  if (typeof variables === 'string' && req.method === 'GET') {
    try {
      variables = JSON.parse(variables);
    } catch {
      throw new ExportError(400, 'BAD_REQUEST', 'variables is not valid JSON');
    }
  }
  if (variables != null && (typeof variables !== 'object' || Array.isArray(variables))) {
    throw new ExportError(400, 'BAD_REQUEST', 'variables is a JSON object');
  }
  return { query, variables: (variables ?? {}) as Record<string, unknown>, operationName: operationName ?? undefined };
}

/** The page's rows as lines of NDJSON or CSV; the CSV header goes before the first page. */
function encode(page: ExportPage, plan: ExportPlan, format: ExportFormat, excel: boolean): string {
  if (format === 'ndjson') {
    return page.rows.length ? `${page.rows.map((row) => JSON.stringify(row)).join('\n')}\n` : '';
  }
  const header = page.index === 0 ? stringify([plan.columns.map((c) => c.header)]) : '';
  const cells = page.rows.map((row) => plan.columns.map((column) => cellOf(row, column, excel)));
  return `${excel && page.index === 0 ? '\uFEFF' : ''}${header}${cells.length ? stringify(cells) : ''}`;
}

/** Writes `chunk`, then waits while the client is behind: the next page is not read before it has taken this one. */
async function send(res: Response, chunk: string, signal: AbortSignal): Promise<void> {
  if (chunk && !res.write(chunk)) await once(res, 'drain', { signal });
}

export function exportRouter(settings: ExportSettings): Router {
  const { orm, pubsub, tokens, rateLimit, execution } = settings;
  const router = express.Router();
  router.use(express.json({ limit: MAX_BODY }));

  /** Spends the caller's points before each page (pagePoints); a later page waits for the next minute's points instead of failing. */
  const charger = (key: string, signal: AbortSignal) => async (index: number, cost: number) => {
    if (!rateLimit) return;
    const points = index === 0 ? pagePoints(index, cost) : Math.min(pagePoints(index, cost), rateLimit.pointsPerMinute);
    for (;;) {
      const spent = await rateLimit.spend(key, points);
      if (spent.ok) return;
      const waitMs = Math.max(1000, spent.budget.resetAt.getTime() - Date.now());
      if (index === 0) {
        const retryAfter = Math.ceil(waitMs / 1000);
        throw new ExportError(
          429,
          'RATE_LIMITED',
          `Rate limit: the first page of this export costs ${points} of the ${rateLimit.pointsPerMinute} points you have each minute, and ${spent.budget.remaining} are left. Try again in ${retryAfter} s.`,
          { cost: { requested: points, remaining: spent.budget.remaining, resetAt: spent.budget.resetAt.toISOString() }, retryAfter },
        );
      }
      await sleep(waitMs, undefined, { signal }).catch(() => undefined);
      if (signal.aborted) return;
    }
  };

  const handle = async (req: Request, res: Response): Promise<void> => {
    const started = performance.now();
    const given = req.get('x-request-id');
    const requestId = given && /^[A-Za-z0-9._:-]{1,64}$/.test(given) ? given : randomUUID();
    res.set('x-request-id', requestId);
    const controller = new AbortController();
    const { signal } = controller;
    res.on('close', () => controller.abort());

    let plan: ExportPlan;
    let format: ExportFormat;
    let excel: boolean;
    let pages: AsyncGenerator<ExportPage>;
    let first: IteratorResult<ExportPage>;
    try {
      format = formatOf(req);
      excel = flag(req.query.excel, 'excel');
      const request = exportRequestOf(req);
      let actor: Awaited<ReturnType<typeof authenticate>>;
      try {
        actor = await authenticate(orm.em, tokens, req.get('authorization'), requestId);
      } catch (error) {
        if (!(error instanceof TokenError)) throw error;
        res.set('www-authenticate', `Bearer error="invalid_token", error_description="${error.message.replace(/"/g, "'")}"`);
        throw new ExportError(401, 'UNAUTHENTICATED', error.message);
      }
      plan = planExport(request, settings);
      const context = createContext(orm.em, pubsub, tokens, actor, req.ip);
      pages = exportPages(execution, plan, context, { signal, beforePage: charger(context.rateKey, signal) });
      // The first page runs before anything is sent: a refusal still has its status.
      first = await pages.next();
    } catch (error) {
      if (!(error instanceof ExportError)) throw error;
      if (error.status === 429) res.set('retry-after', String(error.extensions.retryAfter));
      if (error.status >= 500) console.error(`export ${requestId} failed before its first row:`, error.message);
      res.status(error.status).json(error.body);
      return;
    }

    const extension = format === 'csv' ? 'csv' : 'ndjson';
    res.status(200).set({
      'content-type': MEDIA_TYPES[format],
      'content-disposition': `attachment; filename="${plan.field}-${new Date().toISOString().slice(0, 10)}.${extension}"`,
      // Personal data may be in it: no cache keeps a copy.
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    if (!first.done && first.value.totalCount != null) res.set('x-total-count', String(first.value.totalCount));

    let rows = 0;
    let count = 0;
    let outcome = 'complete';
    try {
      if (format === 'csv' && first.done) await send(res, encode({ index: 0, rows: [], totalCount: null }, plan, format, excel), signal);
      for (let page = first; !page.done; page = await pages.next()) {
        rows += page.value.rows.length;
        count += 1;
        await send(res, encode(page.value, plan, format, excel), signal);
        // A turn of the event loop between pages: other requests, and the news that the client has
        // gone, get in even when the database answers without one (the embedded one, in-process).
        await setImmediate();
      }
      if (signal.aborted) outcome = 'stopped: the client left';
      else res.end();
    } catch (error) {
      if (signal.aborted) {
        outcome = 'stopped: the client left';
      } else {
        const failure = error instanceof ExportError ? error : new ExportError(500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
        if (!(error instanceof ExportError)) console.error(`export ${requestId} failed:`, error);
        outcome = `failed after ${rows} rows: ${failure.code} ${failure.message}`;
        if (format === 'ndjson') {
          res.end(`${JSON.stringify({ error: failure.body.errors[0] })}\n`);
        } else {
          res.destroy(failure);
        }
      }
    } finally {
      await pages.return(undefined);
      console.info(
        `export ${requestId}: ${plan.field} as ${format}, ${rows} rows in ${count} pages, ${Math.round(performance.now() - started)} ms, ${outcome}`,
      );
    }
  };
  router.get('/', handle);
  router.post('/', handle);

  const errors: ErrorRequestHandler = (error, _req, res, next) => {
    const status = (error as { status?: number }).status ?? 500;
    if (res.headersSent || status >= 500) {
      next(error);
      return;
    }
    const type = (error as { type?: string }).type;
    const failure =
      type === 'entity.too.large'
        ? new ExportError(413, 'PAYLOAD_TOO_LARGE', `The request body is larger than ${MAX_BODY}`)
        : new ExportError(
            status,
            'BAD_REQUEST',
            type === 'entity.parse.failed' ? `The request body is not valid JSON: ${(error as Error).message}` : (error as Error).message,
          );
    res.status(failure.status).json(failure.body);
  };
  router.use(errors);
  return router;
}
