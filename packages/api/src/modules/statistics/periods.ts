/** The calendar periods statistics are counted in: days, weeks (Monday first, ISO 8601) and months. */
export const STATISTICS_PERIODS = ['DAY', 'WEEK', 'MONTH'] as const;
export type StatisticsPeriod = (typeof STATISTICS_PERIODS)[number];

/** PostgreSQL's `date_trunc` field of each period; the SQL buckets rows with it. */
export const TRUNCATE_TO: Record<StatisticsPeriod, 'day' | 'week' | 'month'> = { DAY: 'day', WEEK: 'week', MONTH: 'month' };

/**
 * The time zone periods are counted in: a row at 23:30 Beijing time on 31 October is October's.
 * China has kept UTC+8 all year since 1991, so the dates below and PostgreSQL's
 * `at time zone 'Asia/Shanghai'` agree from then on (statistics start in 2000).
 */
export const TIME_ZONE = 'Asia/Shanghai';
const OFFSET_MS = 8 * 3_600_000;
export const EARLIEST = new Date(Date.UTC(2000, 0, 1) - OFFSET_MS);

export interface Period {
  /** The first day in China, `YYYY-MM-DD`: the key the SQL's `to_char(date_trunc(...))` gives. */
  key: string;
  start: Date;
  end: Date;
}

/** Midnight in China that starts the period containing `instant`. */
function startOf(period: StatisticsPeriod, instant: Date): Date {
  const local = new Date(instant.getTime() + OFFSET_MS);
  let day = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
  if (period === 'WEEK') day -= ((local.getUTCDay() + 6) % 7) * 86_400_000;
  if (period === 'MONTH') day = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), 1);
  return new Date(day - OFFSET_MS);
}

function next(period: StatisticsPeriod, start: Date): Date {
  const local = new Date(start.getTime() + OFFSET_MS);
  if (period === 'MONTH') return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + 1, 1) - OFFSET_MS);
  return new Date(start.getTime() + (period === 'WEEK' ? 7 : 1) * 86_400_000);
}

/** The date in China an instant falls on, `YYYY-MM-DD`. */
export function chinaDate(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * The whole periods that overlap [from, to), in order: the first one contains `from`, the last
 * one contains the instant before `to`. Stops after `limit` + 1 periods, enough to refuse.
 */
export function periodsBetween(period: StatisticsPeriod, from: Date, to: Date, limit: number): Period[] {
  const periods: Period[] = [];
  for (let start = startOf(period, from); start < to && periods.length <= limit; ) {
    const end = next(period, start);
    periods.push({ key: chinaDate(start), start, end });
    start = end;
  }
  return periods;
}
