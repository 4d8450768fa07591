/**
 * Office hours of an agency (giờ làm việc): the sessions it receives and handles dossiers in, per day of
 * the week, plus the sessions of a make-up Saturday (ngày làm bù) and the length of one working day
 * (ngày làm việc) used to convert working days into hours.
 *
 * These are legal parameters, so they arrive as data (per agency, from the database); the default below
 * is the national one: 07:00–11:30 and 13:30–17:00, Monday to Friday, 8 hours a day (DOMAIN.md §6.1).
 */
import { validationError } from '../../platform/errors.js';
import { formatClock, type WeekdayIndex } from './local-time.js';

/** One working session of a day, in minutes after local midnight: [start, end). */
export interface Session {
  readonly start: number;
  readonly end: number;
}

export type Weekday = 'sun' | 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat';
export const WEEKDAYS: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

export interface OfficeHours {
  /** Sessions per day of the week, indexed 0 = Sunday … 6 = Saturday; an empty list is a rest day. */
  readonly week: readonly (readonly Session[])[];
  /** Sessions on a make-up working Saturday: civil servants work it as a full regular day. */
  readonly makeupDay: readonly Session[];
  /** One ngày làm việc, in minutes (480 by default). */
  readonly workingDayMinutes: number;
}

/** The editable form of office hours, as an administrator writes it. */
export interface OfficeHoursSpec {
  /** The regular day, e.g. `['07:00-11:30', '13:30-17:00']`. */
  readonly sessions?: readonly string[];
  /** Days that follow the regular day; default Monday to Friday. */
  readonly workdays?: readonly Weekday[];
  /** Per-day exceptions, e.g. `{ sat: ['07:00-11:30'] }`; an empty list closes that day. */
  readonly byWeekday?: Readonly<Partial<Record<Weekday, readonly string[]>>>;
  /** Sessions of a make-up Saturday; default the regular day. */
  readonly makeupDay?: readonly string[];
  /** Hours in one ngày làm việc; default the length of the regular day. */
  readonly workingDayHours?: number;
}

export const DEFAULT_OFFICE_HOURS_SPEC: OfficeHoursSpec = {
  sessions: ['07:00-11:30', '13:30-17:00'],
  workdays: ['mon', 'tue', 'wed', 'thu', 'fri'],
};

const SESSION_PATTERN = /^(\d{1,2}):(\d{2})\s*[-–]\s*(\d{1,2}):(\d{2})$/;

function invalid(vi: string, en: string): never {
  throw validationError('calendar.invalid_office_hours', { vi, en });
}

/** Reads `HH:MM` (00:00–24:00) into minutes after midnight, or undefined. */
export function parseClock(text: string): number | undefined {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m) return undefined;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  return Number(m[2]) < 60 && minutes <= 1440 ? minutes : undefined;
}

function parseSession(text: string): Session {
  const m = SESSION_PATTERN.exec(text.trim());
  const start = m ? parseClock(`${m[1]}:${m[2]}`) : undefined;
  const end = m ? parseClock(`${m[3]}:${m[4]}`) : undefined;
  if (start === undefined || end === undefined || start >= end) {
    invalid(
      `Ca làm việc không hợp lệ: "${text}" (ví dụ 07:00-11:30).`,
      `Invalid session: "${text}" (expected e.g. 07:00-11:30).`,
    );
  }
  return { start, end };
}

/** Sessions in order, separated by a break: touching or overlapping sessions are one session misspelt. */
export function parseSessions(texts: readonly string[]): Session[] {
  const sessions = texts.map(parseSession);
  for (let i = 1; i < sessions.length; i++) {
    if (sessions[i]!.start <= sessions[i - 1]!.end) {
      invalid(
        `Các ca phải theo thứ tự và cách nhau: "${texts[i - 1]}" rồi "${texts[i]}".`,
        `Sessions must be in order with a break between them: "${texts[i - 1]}" then "${texts[i]}".`,
      );
    }
  }
  return sessions;
}

export function sessionMinutes(sessions: readonly Session[]): number {
  return sessions.reduce((sum, s) => sum + s.end - s.start, 0);
}

/** Validates an administrator's spec and turns it into office hours; throws `calendar.invalid_office_hours`. */
export function defineOfficeHours(spec: OfficeHoursSpec = DEFAULT_OFFICE_HOURS_SPEC): OfficeHours {
  const regular = parseSessions(spec.sessions ?? DEFAULT_OFFICE_HOURS_SPEC.sessions!);
  const workdays = new Set(spec.workdays ?? DEFAULT_OFFICE_HOURS_SPEC.workdays!);
  const week = WEEKDAYS.map((day) => {
    const override = spec.byWeekday?.[day];
    if (override) return parseSessions(override);
    return workdays.has(day) ? regular : [];
  });
  const makeupDay = spec.makeupDay ? parseSessions(spec.makeupDay) : regular;
  const workingDayMinutes = Math.round((spec.workingDayHours ?? sessionMinutes(regular) / 60) * 60);
  if (!Number.isFinite(workingDayMinutes) || workingDayMinutes <= 0) {
    invalid('Số giờ của một ngày làm việc phải lớn hơn 0.', 'A working day must last more than 0 hours.');
  }
  if (week.every((sessions) => sessions.length === 0)) {
    invalid(
      'Cơ quan phải làm việc ít nhất một ngày trong tuần.',
      'An agency must work on at least one day a week.',
    );
  }
  return { week, makeupDay, workingDayMinutes };
}

/** The national default: 07:00–11:30 and 13:30–17:00, Monday to Friday; 8 h per ngày làm việc. */
export const DEFAULT_OFFICE_HOURS: OfficeHours = defineOfficeHours();

/** The spec form of office hours (for forms and storage): `defineOfficeHours(describeOfficeHours(h))` ≡ h. */
export function describeOfficeHours(
  hours: OfficeHours,
): Required<Omit<OfficeHoursSpec, 'sessions' | 'workdays'>> {
  const toText = (sessions: readonly Session[]) =>
    sessions.map((s) => `${formatClock(s.start)}-${formatClock(s.end)}`);
  const byWeekday: Partial<Record<Weekday, string[]>> = {};
  hours.week.forEach((sessions, i) => {
    byWeekday[WEEKDAYS[i as WeekdayIndex]!] = toText(sessions);
  });
  return { byWeekday, makeupDay: toText(hours.makeupDay), workingDayHours: hours.workingDayMinutes / 60 };
}
