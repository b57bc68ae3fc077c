import type { RequestLevel, RequestState, RequestTrackerSummaryFragment } from '../core/generated/graphql.js';

export type TrackedRequest = RequestTrackerSummaryFragment;
export type TrackedStep = TrackedRequest['steps'][number];
export type { RequestLevel, RequestState };

/** The API's reopening window (REOPEN_WINDOW_DAYS in packages/api's request service). */
export const REOPEN_DAYS = 7;

/** A tracking code as the API reads it: trimmed, upper case; null when it cannot be one. */
export function normalizeCode(text: string | null | undefined): string | null {
  const code = (text ?? '').trim().toUpperCase();
  return /^[A-Z0-9]{1,16}$/.test(code) ? code : null;
}

/** A step, and whether it raised the level (网格 → 社区 → 街道) over the one before. */
export function markedSteps(steps: readonly TrackedStep[]): (TrackedStep & { rise: boolean })[] {
  const order: RequestLevel[] = ['GRID', 'COMMUNITY', 'STREET'];
  return steps.map((step, i) => ({ ...step, rise: i > 0 && order.indexOf(step.level) > order.indexOf(steps[i - 1].level) }));
}

/** The signed-in reporter's own request of this code, when resolved or rated: what rating and reopening need. */
export interface OwnRequest {
  id: string;
  resolvedAt: string | null;
  rating: number | null;
}

/** The tracked request, when the signed-in viewer reported it (the API says so: `yours`). */
export function ownRequest(summary: Pick<RequestTrackerSummaryFragment, 'yours' | 'request'> | null): OwnRequest | null {
  if (!summary?.yours || !summary.request) return null;
  return { id: summary.request.id, resolvedAt: summary.request.resolvedAt ?? null, rating: summary.request.rating ?? null };
}

/** Whether the reporter may still reopen it: resolved or rated, within the window. */
export function mayReopen(state: RequestState, resolvedAt: string | null, now = Date.now()): boolean {
  if (state !== 'RESOLVED' && state !== 'RATED') return false;
  return !resolvedAt || now - Date.parse(resolvedAt) <= REOPEN_DAYS * 86_400_000;
}
