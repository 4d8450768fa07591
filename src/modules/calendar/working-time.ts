/**
 * Working-time arithmetic for deadlines (thời hạn giải quyết, ngày hẹn trả), DOMAIN.md §6.3.
 *
 * All rules run in Vietnam local time (UTC+07:00, no daylight saving; see local-time.ts); inputs and
 * outputs are instants (`Date`).
 *
 * **Boundary convention** (the one DOMAIN.md §6.3 uses, kept everywhere in this module). The end of the
 * morning and the start of the afternoon (11:30 / 13:30), and the close of a working day and the opening
 * of the next one (17:00 / 07:00), are one instant of working time; this module writes such an instant by
 * its role, never at random:
 * - a **start** (a normalised receipt, work resuming after a pause) is written at the *opening*:
 *   13:30, or 07:00 of the next working day — never 11:30 or 17:00 (§6.3 step 1);
 * - an **end reached by walking hours** (§6.3 step 3: a duration that is not a whole number of working
 *   days) is written at the *closing*: exactly 11:30 or 17:00 is kept, never moved on;
 * - **whole working days** (§6.3 step 4) keep the clock time of what they are added to, so a whole number
 *   of working days from a 07:00 start ends at 07:00 (example B3: Wednesday 25/02/2026 07:00, the same
 *   working instant as the close of Tuesday 24/02);
 * - a **same-day cut-off** due time (§6.5) is the close of the day, 17:00.
 * In one line: a start is written at the opening; the due time of D working hours is written at the
 * opening when D is a whole number of working days and at the closing otherwise; subtracting working days
 * keeps the writing of the instant it starts from. Two writings of one instant are therefore never mixed
 * up by accident, but they do occur, so comparisons must use working time: `workingTimeBetween` gives 0 between the two writings of one
 * instant and `sameWorkingInstant` says whether two instants are one.
 *
 * For agencies whose working days all have the same sessions (the default), moving a whole working day
 * keeping the clock time is exactly adding one day's working hours; the implementation adds working time
 * in that form (see calendar-index.ts), which also defines a ngày làm việc for irregular weeks.
 */
import { validationError } from '../../platform/errors.js';
import {
  instantAtClose,
  instantAtOpen,
  isDayOffEpochDay,
  positionOf,
  type WorkingCalendar,
  workingDayOnOrAfter,
} from './calendar-index.js';
import {
  civilFromEpochDay,
  daysInMonth,
  epochDayFromCivil,
  epochDayOf,
  HOUR_MS,
  instantAt,
  MINUTE_MS,
  msOfLocalDay,
} from './local-time.js';
import { type PauseInterval, pausedWorkingMs } from './pauses.js';

/**
 * Units of a statutory duration (đơn vị thời gian): `gio` giờ (working hours), `ngay-lam-viec` ngày làm
 * việc (working days), `ngay` ngày (calendar days), `thang` tháng (calendar months).
 */
export type DurationUnit = 'gio' | 'ngay-lam-viec' | 'ngay' | 'thang';
export const DURATION_UNITS: readonly DurationUnit[] = ['gio', 'ngay-lam-viec', 'ngay', 'thang'];

export interface Duration {
  readonly value: number;
  readonly unit: DurationUnit;
}

/** A receipt and its deadline: the API's `{ receivedAt, startsAt, dueAt }`. */
export interface DueTime {
  readonly receivedAt: Date;
  /** When the clock starts: the receipt normalised into office hours. */
  readonly startsAt: Date;
  /** The promised return time (ngày hẹn trả). */
  readonly dueAt: Date;
}

function invalidDuration(vi: string, en: string): never {
  throw validationError('calendar.invalid_duration', { vi, en });
}

function checkDuration(duration: Duration): void {
  if (!DURATION_UNITS.includes(duration.unit)) {
    invalidDuration(
      `Đơn vị thời gian không hợp lệ: "${duration.unit}".`,
      `Unknown duration unit: "${duration.unit}".`,
    );
  }
  if (!Number.isFinite(duration.value) || duration.value < 0) {
    invalidDuration('Thời hạn phải là một số không âm.', 'A duration must be a non-negative number.');
  }
  const wholeUnit = duration.unit === 'ngay' || duration.unit === 'thang';
  if (wholeUnit && !Number.isInteger(duration.value)) {
    invalidDuration(
      'Thời hạn tính theo ngày hoặc tháng phải là số nguyên.',
      'A duration in calendar days or months must be a whole number.',
    );
  }
}

/**
 * §6.3 step 1: a receipt on a day off or at/after closing moves to the next working day's opening, before
 * opening to the opening, during the lunch break (11:30 up to 13:30) to 13:30; otherwise it stays.
 */
export function normaliseReceipt(at: Date, calendar: WorkingCalendar): Date {
  return new Date(instantAtOpen(calendar, positionOf(calendar, at.getTime())));
}

/**
 * Adds `workingMs` of working time to `start` (normalised first), written per the boundary convention:
 * at the opening when the span is a whole number of working days, at the closing otherwise.
 */
export function addWorkingMilliseconds(start: Date, workingMs: number, calendar: WorkingCalendar): Date {
  if (!Number.isInteger(workingMs) || workingMs < 0) {
    invalidDuration('Thời gian làm việc phải là số không âm.', 'Working time must be a non-negative number.');
  }
  const target = positionOf(calendar, start.getTime()) + workingMs;
  const wholeDays = workingMs % calendar.workingDayMs === 0;
  return new Date(wholeDays ? instantAtOpen(calendar, target) : instantAtClose(calendar, target));
}

/** §6.1/6.3 Ngày: the same clock time n calendar days later, rolled forward off a non-working day. */
function addCalendarDays(start: Date, days: number, calendar: WorkingCalendar): Date {
  const from = epochDayOf(start.getTime());
  let day = from + days;
  if (calendar.calendarDaysSkipDaysOff) {
    day = from;
    for (let left = days; left > 0; ) {
      day++;
      if (!isDayOffEpochDay(calendar, day)) left--;
    }
  }
  return new Date(instantAt(workingDayOnOrAfter(calendar, day), msOfLocalDay(start.getTime())));
}

/** §6.1 Tháng: the same day n months later (clamped to the month's last day), then as for Ngày. */
function addCalendarMonths(start: Date, months: number, calendar: WorkingCalendar): Date {
  const { year, month, day } = civilFromEpochDay(epochDayOf(start.getTime()));
  const index = month - 1 + months;
  const y = year + Math.floor(index / 12);
  const m = (index % 12) + 1;
  const target = epochDayFromCivil(y, m, Math.min(day, daysInMonth(y, m)));
  return new Date(instantAt(workingDayOnOrAfter(calendar, target), msOfLocalDay(start.getTime())));
}

/**
 * The due time of a duration counted from a receipt (DOMAIN.md §6.3). Giờ and ngày làm việc count office
 * hours only, from the normalised receipt; a ngày làm việc is the agency's working day (8 h by default)
 * and fractions (half days) work. Ngày and tháng count from the receipt's own clock time and never end
 * on a day off. Throws `calendar.invalid_duration` or `calendar.out_of_range`.
 */
export function addWorkingTime(start: Date, duration: Duration, calendar: WorkingCalendar): Date {
  checkDuration(duration);
  switch (duration.unit) {
    case 'gio':
      return addWorkingMilliseconds(start, Math.round(duration.value * HOUR_MS), calendar);
    case 'ngay-lam-viec':
      return addWorkingMilliseconds(start, Math.round(duration.value * calendar.workingDayMs), calendar);
    case 'ngay':
      return addCalendarDays(start, duration.value, calendar);
    case 'thang':
      return addCalendarMonths(start, duration.value, calendar);
  }
}

/**
 * The instant a working duration (giờ or ngày làm việc) before `end`, e.g. the latest time to send the
 * apology letter, one working day before the due time (Mẫu 04, DOMAIN.md §6.7). Whole working days keep
 * the clock time of `end`, like §6.3 step 4, so `end` at 07:00 gives 07:00 and `end` at 17:00 gives 17:00.
 */
export function subtractWorkingTime(end: Date, duration: Duration, calendar: WorkingCalendar): Date {
  checkDuration(duration);
  if (duration.unit !== 'gio' && duration.unit !== 'ngay-lam-viec') {
    invalidDuration(
      'Chỉ trừ được giờ hoặc ngày làm việc.',
      'Only working hours or working days can be subtracted.',
    );
  }
  const perUnit = duration.unit === 'gio' ? HOUR_MS : calendar.workingDayMs;
  const position = positionOf(calendar, end.getTime());
  const target = position - Math.round(duration.value * perUnit);
  const openWriting = instantAtOpen(calendar, position) === end.getTime();
  return new Date(openWriting ? instantAtOpen(calendar, target) : instantAtClose(calendar, target));
}

/** Receipt, clock start and due time together, as the deadline API reports them. */
export function computeDue(receivedAt: Date, duration: Duration, calendar: WorkingCalendar): DueTime {
  return {
    receivedAt,
    startsAt: normaliseReceipt(receivedAt, calendar),
    dueAt: addWorkingTime(receivedAt, duration, calendar),
  };
}

/** Working milliseconds from a to b (negative when b is before a). */
export function workingMsBetween(a: Date, b: Date, calendar: WorkingCalendar): number {
  return positionOf(calendar, b.getTime()) - positionOf(calendar, a.getTime());
}

/**
 * Working minutes from a to b: office hours on working days only, minus any working time inside the
 * given pauses (§6.6). Negative when b is before a; fractional when the instants carry seconds.
 */
export function workingTimeBetween(
  a: Date,
  b: Date,
  calendar: WorkingCalendar,
  pauses: readonly PauseInterval[] = [],
): number {
  if (b.getTime() < a.getTime()) return -workingTimeBetween(b, a, calendar, pauses);
  const from = positionOf(calendar, a.getTime());
  const to = positionOf(calendar, b.getTime());
  const paused = pauses.length === 0 ? 0 : pausedWorkingMs(from, to, pauses, calendar);
  return (to - from - paused) / MINUTE_MS;
}

/** Whether two instants are one instant of working time (e.g. 17:00 and the next working day's 07:00). */
export function sameWorkingInstant(a: Date, b: Date, calendar: WorkingCalendar): boolean {
  return workingMsBetween(a, b, calendar) === 0;
}
