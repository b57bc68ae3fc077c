/**
 * Runs an export's pages (export.query.ts plans them) one after another, compiled once
 * (graphql/compiled-execution.ts) on the one schema, with the caller's context: what a row shows, and which rows there
 * are, follow exactly the rules of GraphQL (access, visibility, masking of personal data). Each
 * page is read on a fresh unit of work, so memory holds a page or two, never the export. No HTTP here:
 * export.routes.ts writes the rows as they come.
 */
import type { ExecutionResult } from 'graphql';
import type { CompiledExecution } from '../graphql/compiled-execution.js';
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

interface PageRead {
  rows: unknown[];
  totalCount: number | null;
  /** The cursor to read on from, or null when this was the last page. */
  next: string | null;
}

/**
 * The pages of `plan`, in order, until the rows or the caller's `first` run out, or `signal`
 * aborts. While the caller writes one page, the next is read (the database works while this
 * process encodes): two pages at most are in memory.
 */
export async function* exportPages(
  execution: CompiledExecution,
  plan: ExportPlan,
  context: Context,
  { signal, beforePage }: RunOptions,
): AsyncGenerator<ExportPage> {
  const read = async (index: number, size: number, after: string | null): Promise<PageRead> => {
    await beforePage?.(index, 1 + size * plan.rowCost);
    if (signal.aborted) return { rows: [], totalCount: null, next: null };
    // A fresh unit of work and fresh loaders per page: the identity map would otherwise keep every row read.
    if (index > 0) context.renew();
    const result: ExecutionResult = await execution.execute(
      index === 0 ? plan.firstPage : plan.nextPages,
      plan.operationName,
      context,
      pageVariables(plan, size, after),
    );
    // A row that GraphQL would answer with an error is not silently left out: the export stops.
    if (result.errors?.length) throw exportErrorOf(result.errors[0]);
    const connection = result.data?.[plan.responseKey] as ConnectionData | null | undefined;
    if (!connection) throw new ExportError(404, 'NOT_FOUND', `${plan.field} answered null: there is nothing to export`);
    const rows = (connection[plan.rowsKey] as unknown[] | null) ?? [];
    const pageInfo = connection[PAGE_INFO] as { hasNextPage: boolean; endCursor: string | null };
    return {
      rows,
      totalCount: index === 0 && plan.totalCountKey ? (connection[plan.totalCountKey] as number) : null,
      next: pageInfo.hasNextPage && rows.length > 0 ? pageInfo.endCursor : null,
    };
  };

  let remaining = plan.limit ?? Number.POSITIVE_INFINITY;
  if (remaining <= 0) return;
  let pending = read(0, Math.min(plan.pageSize, remaining), plan.after);
  for (let index = 0; ; index++) {
    const page = await pending;
    remaining -= page.rows.length;
    const more = page.next != null && remaining > 0 && !signal.aborted;
    if (more) {
      pending = read(index + 1, Math.min(plan.pageSize, remaining), page.next);
      // Awaited on the next turn; if the caller stops first, its failure must not go unhandled.
      pending.catch(() => undefined);
    }
    yield { index, rows: page.rows, totalCount: page.totalCount };
    if (!more) return;
  }
}
