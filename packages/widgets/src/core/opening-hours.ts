/** One weekly opening window: ISO weekday (1 Monday … 7 Sunday), HH:MM to HH:MM local time. */
export interface OpeningWindow {
  weekday: number;
  opens: string;
  closes: string;
}

const weekdays: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/** The weekday and HH:MM of a moment in a time zone (a station's own, not the browser's). */
export function localTime(moment: Date, timeZone: string): { weekday: number; time: string } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(moment);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { weekday: weekdays[part('weekday')], time: `${part('hour')}:${part('minute')}` };
}

/**
 * Open at `moment` by the station's hours in its time zone: the same rule as the API's
 * `Station.openNow`, for host-provided stations and for a page left open across a closing time.
 */
export function isOpenAt(hours: readonly OpeningWindow[], timeZone: string, moment: Date): boolean {
  const { weekday, time } = localTime(moment, timeZone);
  return hours.some((window) => window.weekday === weekday && window.opens <= time && time < window.closes);
}
