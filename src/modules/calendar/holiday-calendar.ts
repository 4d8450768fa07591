/**
 * The yearly calendar of days off and make-up working days (lịch nghỉ lễ, tết, nghỉ bù, hoán đổi, làm bù),
 * as data with its legal source (DOMAIN.md §6.2). Only confirmed rows change a day: a pending row (e.g.
 * 24/11/2026, planned but not enacted) or a generated proposal counts only after an administrator
 * confirms it against the year's official notice.
 */
import { validationError } from '../../platform/errors.js';
import { tryParseIsoDate } from './local-time.js';

/**
 * - `holiday`: statutory public holiday (ngày nghỉ lễ), Labour Code 2019 art. 112;
 * - `tet`: a day of the Lunar New Year break (nghỉ Tết Nguyên đán);
 * - `compensatory`: nghỉ bù, a weekday off because a holiday fell on the weekly rest day;
 * - `swapped_off`: nghỉ hoán đổi, a weekday off repaid by a make-up Saturday;
 * - `makeup_workday`: làm bù, a Saturday (or Sunday) that is a working day.
 */
export type CalendarDayKind = 'holiday' | 'tet' | 'compensatory' | 'swapped_off' | 'makeup_workday';

export const CALENDAR_DAY_KINDS: readonly CalendarDayKind[] = [
  'holiday',
  'tet',
  'compensatory',
  'swapped_off',
  'makeup_workday',
];

/** `confirmed` rows count; `pending` (announced, not enacted) and `proposed` (generated) do not. */
export type CalendarDayStatus = 'confirmed' | 'pending' | 'proposed';

/** One row of the calendar: a day off or a make-up working day. */
export interface CalendarDay {
  /** Local date, `YYYY-MM-DD`. */
  readonly date: string;
  readonly kind: CalendarDayKind;
  readonly status: CalendarDayStatus;
  /** Vietnamese name, e.g. "Tết Nguyên đán (mùng 1)". */
  readonly name: string;
  /** Legal source: the notice, law article or report the row comes from. */
  readonly source: string;
  /** The whole continuous break the day belongs to, if known. */
  readonly breakRange?: { readonly from: string; readonly to: string } | undefined;
  /** How sure the source is (the official table's `verified` column: yes, law, law+lunar, derived, no). */
  readonly evidence?: string | undefined;
}

export function isDayOffKind(kind: CalendarDayKind): boolean {
  return kind !== 'makeup_workday';
}

export function countsAsDayOff(day: CalendarDay): boolean {
  return day.status === 'confirmed' && isDayOffKind(day.kind);
}

export function countsAsMakeupWorkday(day: CalendarDay): boolean {
  return day.status === 'confirmed' && day.kind === 'makeup_workday';
}

/** An administrator's confirmation of a pending or proposed row, recording the notice that settled it. */
export function confirmCalendarDay(day: CalendarDay, source: string): CalendarDay {
  return {
    ...day,
    status: 'confirmed',
    source: source.trim() === '' ? day.source : source.normalize('NFC').trim(),
  };
}

/**
 * Checks a set of rows before they drive arithmetic: valid dates, and at most one confirmed row per date
 * (a day cannot be both off and a make-up workday). Throws `calendar.invalid_days` listing every problem.
 */
export function assertConsistentDays(days: readonly CalendarDay[]): void {
  const problems: string[] = [];
  const confirmed = new Map<string, CalendarDay>();
  for (const day of days) {
    if (tryParseIsoDate(day.date) === undefined) problems.push(`${day.date}: not a date`);
    if (day.status !== 'confirmed') continue;
    const other = confirmed.get(day.date);
    if (other && other.kind !== day.kind) problems.push(`${day.date}: both ${other.kind} and ${day.kind}`);
    confirmed.set(day.date, day);
  }
  if (problems.length > 0) {
    throw validationError('calendar.invalid_days', {
      vi: `Lịch nghỉ không nhất quán: ${problems.join('; ')}.`,
      en: `Inconsistent calendar rows: ${problems.join('; ')}.`,
    });
  }
}
