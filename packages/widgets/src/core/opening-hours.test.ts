import { expect, it } from 'vitest';
import { isOpenAt, localTime } from './opening-hours.js';

const weekdays = [
  { weekday: 1, opens: '08:30', closes: '17:30' },
  { weekday: 6, opens: '09:00', closes: '12:00' },
];

it('reads the weekday and time in the station’s own time zone, not the browser’s', () => {
  // 2026-11-23 is a Monday; 00:30 UTC is 08:30 in Shanghai.
  expect(localTime(new Date('2026-11-23T00:30:00Z'), 'Asia/Shanghai')).toEqual({ weekday: 1, time: '08:30' });
  expect(localTime(new Date('2026-11-23T00:30:00Z'), 'Europe/London')).toEqual({ weekday: 1, time: '00:30' });
});

it('is open from the opening minute up to, not including, the closing minute', () => {
  expect(isOpenAt(weekdays, 'Asia/Shanghai', new Date('2026-11-23T00:29:00Z'))).toBe(false);
  expect(isOpenAt(weekdays, 'Asia/Shanghai', new Date('2026-11-23T00:30:00Z'))).toBe(true);
  expect(isOpenAt(weekdays, 'Asia/Shanghai', new Date('2026-11-23T09:29:00Z'))).toBe(true);
  expect(isOpenAt(weekdays, 'Asia/Shanghai', new Date('2026-11-23T09:30:00Z'))).toBe(false);
  // Sunday: no window.
  expect(isOpenAt(weekdays, 'Asia/Shanghai', new Date('2026-11-29T03:00:00Z'))).toBe(false);
});
