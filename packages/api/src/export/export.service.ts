/**
 * Runs an export's pages (export.query.ts plans them) one after another with graphql-js's
 * `execute` on the one schema, with the caller's context: what a row shows, and which rows there
 * are, follow exactly the rules of GraphQL (access, visibility, masking of personal data). Each
 * page is read on a fresh unit of work, so memory holds one page, never the export. No HTTP here:
 * export.routes.ts writes the rows as they come.
 */
import { type ExecutionResult, execute, type GraphQLSchema } from 'graphql';
import type { Context } from '../graphql/context.js';
import { ExportError, exportErrorOf } from './export.error.js';
import { type ExportPlan, PAGE_INFO, pageVariables } from './export.query.js';

export interface ExportPage {
  /** 0 for the first page. */
  index: number;
  rows: unknown[];
  /** The caller's `totalCount`, on the first page when asked for. */
  totalCount: number | null;
}

export interface RunOptions {
  /** Stops the paging between pages: the client has gone. */
  signal: AbortSignal;
  /** Called before each page runs, with what it costs (query-cost.ts): the rate limit's turn. */
  beforePage?: (index: number, cost: number) => Promise<void>;
}

/**
 * How many of the caller's rate-limit points a page spends: the first page its full cost, as
 * the same query on /graphql would; every later page a hundredth of it, so a data team's export
 * of 100,000 stations (about 100 pages of 1,001 points) spends about 2,100 points, not 100,100.
 */
export function pagePoints(index: number, cost: number): number {
  return index === 0 ? cost : Math.ceil(cost / 100);
}

interface ConnectionData {
  [key: string]: unknown;
}

/** The pages of `plan`, in order, until the rows or the caller's `first` run out, or `signal` aborts. */
export async function* exportPages(
  schema: GraphQLSchema,
  plan: ExportPlan,
  context: Context,
  { signal, beforePage }: RunOptions,
): AsyncGenerator<ExportPage> {
  let after = plan.after;
  let remaining = plan.limit ?? Number.POSITIVE_INFINITY;
  for (let index = 0; remaining > 0 && !signal.aborted; index++) {
    const size = Math.min(plan.pageSize, remaining);
    await beforePage?.(index, 1 + size * plan.rowCost);
    if (signal.aborted) return;
    // A fresh unit of work and fresh loaders per page: the identity map would otherwise keep every row read.
    if (index > 0) context.renew();
    const result: ExecutionResult = await execute({
      schema,
      document: index === 0 ? plan.firstPage : plan.nextPages,
      operationName: plan.operationName,
      variableValues: pageVariables(plan, size, after),
      contextValue: context,
    });
    // A row that GraphQL would answer with an error is not silently left out: the export stops.
    if (result.errors?.length) throw exportErrorOf(result.errors[0]);
    const connection = result.data?.[plan.responseKey] as ConnectionData | null | undefined;
    if (!connection) throw new ExportError(404, 'NOT_FOUND', `${plan.field} answered null: there is nothing to export`);
    const rows = (connection[plan.rowsKey] as unknown[] | null) ?? [];
    const totalCount = index === 0 && plan.totalCountKey ? (connection[plan.totalCountKey] as number) : null;
    yield { index, rows, totalCount };
    remaining -= rows.length;
    const pageInfo = connection[PAGE_INFO] as { hasNextPage: boolean; endCursor: string | null };
    if (!pageInfo.hasNextPage || !pageInfo.endCursor || rows.length === 0) return;
    after = pageInfo.endCursor;
  }
}
