import type { OpeningWindow } from './station.entity.js';

/**
 * One formatter per time zone, made once: making an Intl.DateTimeFormat costs about a hundred
 * times what formatting with it does, and a page of 1,000 stations (an export's) asks 1,000 times.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The last answer per time zone: a request judges every station at its one clock reading (Context.now). */
const lastAnswers = new Map<string, { at: number; answer: { weekday: number; time: string } }>();

/** The ISO weekday (1 = Monday) and `HH:MM` wall-clock time at `instant` in `timeZone`. */
export function localWeekdayAndTime(instant: Date, timeZone: string): { weekday: number; time: string } {
  const last = lastAnswers.get(timeZone);
  if (last?.at === instant.getTime()) return last.answer;
  const parts = formatterFor(timeZone).formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(part('weekday')) + 1;
  const answer = { weekday, time: `${part('hour')}:${part('minute')}` };
  lastAnswers.set(timeZone, { at: instant.getTime(), answer });
  return answer;
}

/**
 * Whether a station is open at `instant`: a window of that local weekday has opened and not yet
 * closed (`opens <= time < closes`). The SQL of the `openNow` filter (station.service.ts) states
 * the same rule, so the field and the filter agree.
 */
export function isOpenAt(hours: OpeningWindow[], timeZone: string, instant: Date): boolean {
  const { weekday, time } = localWeekdayAndTime(instant, timeZone);
  return hours.some((w) => w.weekday === weekday && w.opens <= time && time < w.closes);
}
