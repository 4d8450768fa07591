/**
 * Test support for the calendar module: the real 2024–2026 calendar and compact local-time notation, so
 * tables read like the worked examples of DOMAIN.md §6.4 ("2026-02-13 16:30" is Vietnam local time).
 */
import { buildWorkingCalendar, type WorkingCalendarOptions } from './calendar-index.js';
import type { CalendarDay } from './holiday-calendar.js';
import {
  epochDayOf,
  formatIsoDate,
  HOUR_MS,
  instantAt,
  MINUTE_MS,
  msOfLocalDay,
  parseIsoDate,
} from './local-time.js';
import { loadOfficialDaysOff } from './official-days-off.js';

export const officialDays: readonly CalendarDay[] = loadOfficialDaysOff();
export const officialCalendar = buildWorkingCalendar({ days: officialDays });

export function calendarWith(options: WorkingCalendarOptions) {
  return buildWorkingCalendar({ days: officialDays, ...options });
}

/** `at('2026-02-13 16:30')` or `at('2026-02-13 16:30:15')`: a Vietnam local wall-clock time. */
export function at(text: string): Date {
  const m = /^(\d{4}-\d{2}-\d{2}) (\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text);
  if (!m) throw new Error(`bad local time ${text}`);
  const ms = Number(m[2]) * HOUR_MS + Number(m[3]) * MINUTE_MS + Number(m[4] ?? 0) * 1000;
  return new Date(instantAt(parseIsoDate(m[1]!), ms));
}

/** The inverse of {@link at}: `2026-02-13 16:30` (seconds only when present). */
export function show(date: Date): string {
  const within = msOfLocalDay(date.getTime());
  const hh = String(Math.floor(within / HOUR_MS)).padStart(2, '0');
  const mm = String(Math.floor((within % HOUR_MS) / MINUTE_MS)).padStart(2, '0');
  const ss = Math.floor((within % MINUTE_MS) / 1000);
  const seconds = ss === 0 && within % 1000 === 0 ? '' : `:${String(ss).padStart(2, '0')}`;
  return `${formatIsoDate(epochDayOf(date.getTime()))} ${hh}:${mm}${seconds}`;
}
