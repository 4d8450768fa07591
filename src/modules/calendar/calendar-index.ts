/**
 * A compiled working calendar (lịch làm việc) of one agency: office hours and confirmed calendar rows,
 * precomputed into one entry per local day over a window of years so that every question is a few array
 * reads and a binary search (no walking minute by minute, no allocation per call).
 *
 * The central idea is the *working position* of an instant: the working milliseconds between the start of
 * the window and that instant. It is constant outside office hours, so 11:30 and 13:30 of a day (or 17:00
 * and the next working day's 07:00, across any nights, weekends and holidays) share one position. Working
 * time between two instants is the difference of their positions; adding working time adds to the
 * position, and an instant is recovered in one of two writings:
 * - the *opening* writing, the latest instant at that position (13:30; 07:00 of the next working day);
 * - the *closing* writing, the earliest instant at that position (11:30; 17:00).
 * Inside a session both writings are the same instant.
 */
import { validationError } from '../../platform/errors.js';
import {
  assertConsistentDays,
  type CalendarDay,
  countsAsDayOff,
  countsAsMakeupWorkday,
} from './holiday-calendar.js';
import {
  DAY_MS,
  epochDayFromCivil,
  epochDayOf,
  instantAt,
  MINUTE_MS,
  msOfLocalDay,
  parseIsoDate,
  weekdayOf,
} from './local-time.js';
import { DEFAULT_OFFICE_HOURS, type OfficeHours, type Session } from './office-hours.js';

interface DayLayout {
  /** Session starts and ends in ms after local midnight; `before[k]` = working ms before session k. */
  readonly starts: readonly number[];
  readonly ends: readonly number[];
  readonly before: readonly number[];
  readonly total: number;
}

export interface WorkingCalendarOptions {
  readonly officeHours?: OfficeHours;
  /** Calendar rows; pending and proposed ones are kept for display but change nothing. */
  readonly days?: readonly CalendarDay[];
  /**
   * Whether durations in ngày (calendar days) skip days off while counting. DOMAIN.md §6.1: a unit may be
   * configured to; the production default is no (the due time is still rolled off a day off).
   */
  readonly calendarDaysSkipDaysOff?: boolean;
  /** Window of years the calendar answers for (default 2000–2100); outside it calls throw. */
  readonly firstYear?: number;
  readonly lastYear?: number;
}

export interface WorkingCalendar {
  readonly officeHours: OfficeHours;
  readonly days: readonly CalendarDay[];
  readonly calendarDaysSkipDaysOff: boolean;
  /** One ngày làm việc in ms. */
  readonly workingDayMs: number;
  readonly firstDay: number;
  readonly dayCount: number;
  /** Per day: index into `layouts`; 0 is a closed day. */
  readonly layoutIds: Uint8Array;
  readonly layouts: readonly DayLayout[];
  /** Per day: 1 when a confirmed day-off row covers it. */
  readonly dayOff: Uint8Array;
  /** `cumulative[i]` = working ms from the window start to local midnight of day i (length dayCount + 1). */
  readonly cumulative: Float64Array;
}

function toLayout(sessions: readonly Session[]): DayLayout {
  const before: number[] = [];
  let total = 0;
  for (const s of sessions) {
    before.push(total);
    total += (s.end - s.start) * MINUTE_MS;
  }
  return {
    starts: sessions.map((s) => s.start * MINUTE_MS),
    ends: sessions.map((s) => s.end * MINUTE_MS),
    before,
    total,
  };
}

/**
 * Layouts of the day types: 0 is a closed day, 1–7 the days of the week (Sunday first), 8 a make-up day.
 * A day type without sessions uses 0, so "layout 0" means "not a working day" everywhere.
 */
function layoutTable(hours: OfficeHours) {
  const layouts = [toLayout([]), ...hours.week.map(toLayout), toLayout(hours.makeupDay)];
  const weekIds = hours.week.map((sessions, weekday) => (sessions.length > 0 ? 1 + weekday : 0));
  const makeupId = hours.makeupDay.length > 0 ? 8 : 0;
  return { layouts, weekIds, makeupId };
}

/** Compiles office hours and calendar rows; throws `calendar.invalid_days` on contradictory rows. */
export function buildWorkingCalendar(options: WorkingCalendarOptions = {}): WorkingCalendar {
  const officeHours = options.officeHours ?? DEFAULT_OFFICE_HOURS;
  const days = options.days ?? [];
  assertConsistentDays(days);
  const firstDay = epochDayFromCivil(options.firstYear ?? 2000, 1, 1);
  const dayCount = epochDayFromCivil((options.lastYear ?? 2100) + 1, 1, 1) - firstDay;
  const { layouts, weekIds, makeupId } = layoutTable(officeHours);

  const layoutIds = new Uint8Array(dayCount);
  const dayOff = new Uint8Array(dayCount);
  for (let i = 0; i < dayCount; i++) layoutIds[i] = weekIds[weekdayOf(firstDay + i)]!;
  for (const row of days) {
    const i = parseIsoDate(row.date) - firstDay;
    if (i < 0 || i >= dayCount) continue;
    if (countsAsDayOff(row)) {
      layoutIds[i] = 0;
      dayOff[i] = 1;
    } else if (countsAsMakeupWorkday(row)) {
      layoutIds[i] = makeupId;
    }
  }

  const cumulative = new Float64Array(dayCount + 1);
  for (let i = 0; i < dayCount; i++) cumulative[i + 1] = cumulative[i]! + layouts[layoutIds[i]!]!.total;

  return {
    officeHours,
    days,
    calendarDaysSkipDaysOff: options.calendarDaysSkipDaysOff ?? false,
    workingDayMs: officeHours.workingDayMinutes * MINUTE_MS,
    firstDay,
    dayCount,
    layoutIds,
    layouts,
    dayOff,
    cumulative,
  };
}

function outOfRange(cal: WorkingCalendar): never {
  const from = new Date(cal.firstDay * DAY_MS).getUTCFullYear();
  const to = new Date((cal.firstDay + cal.dayCount - 1) * DAY_MS).getUTCFullYear();
  throw validationError('calendar.out_of_range', {
    vi: `Thời điểm nằm ngoài phạm vi của lịch làm việc (${from}–${to}).`,
    en: `The time is outside the working calendar's range (${from}–${to}).`,
  });
}

/** Index of a local epoch day in the calendar, or a `calendar.out_of_range` error. */
export function dayIndex(cal: WorkingCalendar, epochDay: number): number {
  const i = epochDay - cal.firstDay;
  if (i < 0 || i >= cal.dayCount) outOfRange(cal);
  return i;
}

function layoutAt(cal: WorkingCalendar, i: number): DayLayout {
  return cal.layouts[cal.layoutIds[i]!]!;
}

/** Working position of an instant (epoch ms), see the module comment. */
export function positionOf(cal: WorkingCalendar, instantMs: number): number {
  const i = dayIndex(cal, epochDayOf(instantMs));
  const layout = layoutAt(cal, i);
  const within = msOfLocalDay(instantMs);
  let worked = 0;
  for (let k = 0; k < layout.starts.length; k++) {
    const start = layout.starts[k]!;
    if (within <= start) break;
    worked += Math.min(within, layout.ends[k]!) - start;
  }
  return cal.cumulative[i]! + worked;
}

/** First index j with cumulative[j] > p (upper) or >= p (lower). */
function search(cumulative: Float64Array, p: number, upper: boolean): number {
  let lo = 0;
  let hi = cumulative.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const v = cumulative[mid]!;
    if (v < p || (upper && v === p)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The instant `offset` working ms into day i; `closing` picks a session end over the next start. */
function instantInDay(cal: WorkingCalendar, i: number, offset: number, closing: boolean): number {
  const layout = layoutAt(cal, i);
  let k = 0;
  const last = layout.starts.length - 1;
  while (k < last) {
    const endOfK = layout.before[k]! + layout.ends[k]! - layout.starts[k]!;
    if (offset < endOfK || (closing && offset === endOfK)) break;
    k++;
  }
  return instantAt(cal.firstDay + i, layout.starts[k]! + offset - layout.before[k]!);
}

/** The latest instant at working position p: a boundary is written 13:30 / next working day's 07:00. */
export function instantAtOpen(cal: WorkingCalendar, position: number): number {
  const i = search(cal.cumulative, position, true) - 1;
  if (i < 0 || i >= cal.dayCount) outOfRange(cal);
  return instantInDay(cal, i, position - cal.cumulative[i]!, false);
}

/** The earliest instant at working position p: a boundary is written 11:30 / 17:00. */
export function instantAtClose(cal: WorkingCalendar, position: number): number {
  const i = search(cal.cumulative, position, false) - 1;
  if (i < 0 || i >= cal.dayCount) outOfRange(cal);
  return instantInDay(cal, i, position - cal.cumulative[i]!, true);
}

/** Whether the agency works on this local epoch day (has office hours after days off and make-ups). */
export function isWorkingEpochDay(cal: WorkingCalendar, epochDay: number): boolean {
  return cal.layoutIds[dayIndex(cal, epochDay)] !== 0;
}

/** Whether a confirmed day-off row covers this local epoch day. */
export function isDayOffEpochDay(cal: WorkingCalendar, epochDay: number): boolean {
  return cal.dayOff[dayIndex(cal, epochDay)] === 1;
}

/** The first working epoch day on or after `epochDay`. */
export function workingDayOnOrAfter(cal: WorkingCalendar, epochDay: number): number {
  let day = epochDay;
  while (!isWorkingEpochDay(cal, day)) day++;
  return day;
}

/** The instant a working day closes (end of its last session), e.g. 17:00. */
export function closingInstantOf(cal: WorkingCalendar, epochDay: number): number {
  const layout = layoutAt(cal, dayIndex(cal, epochDay));
  const end = layout.ends[layout.ends.length - 1];
  if (end === undefined) {
    throw validationError('calendar.not_a_working_day', {
      vi: 'Ngày này không phải ngày làm việc.',
      en: 'This day is not a working day.',
    });
  }
  return instantAt(epochDay, end);
}

/** Whether a date (`YYYY-MM-DD`, or the local day of an instant) is a working day (ngày làm việc). */
export function isWorkingDay(date: Date | string, calendar: WorkingCalendar): boolean {
  const epochDay = typeof date === 'string' ? parseIsoDate(date) : epochDayOf(date.getTime());
  return isWorkingEpochDay(calendar, epochDay);
}
