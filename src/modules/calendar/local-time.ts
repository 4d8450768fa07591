/**
 * Local civil time for business rules: Asia/Ho_Chi_Minh (giờ Việt Nam).
 *
 * Vietnam has kept UTC+07:00 without daylight saving since 13 June 1975, so every instant this system
 * handles maps to local time by a fixed offset. We therefore do the arithmetic on epoch milliseconds
 * with a constant +7 h shift instead of loading a time-zone library: it is exact for every date after
 * 1975, allocation free, and identical on machines whose own zone or ICU data differ.
 *
 * Dates are "epoch days": the number of local calendar days since 1970-01-01, an integer.
 */
import { validationError } from '../../platform/errors.js';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
/** UTC+07:00, no daylight saving (see the module comment). */
export const VIETNAM_OFFSET_MS = 7 * HOUR_MS;

/** Day of the week, 0 = Sunday … 6 = Saturday, as in `Date#getUTCDay`. */
export type WeekdayIndex = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export interface CivilDate {
  readonly year: number;
  /** 1–12 */
  readonly month: number;
  /** 1–31 */
  readonly day: number;
}

/** The local epoch day of an instant given in epoch milliseconds. */
export function epochDayOf(instantMs: number): number {
  return Math.floor((instantMs + VIETNAM_OFFSET_MS) / DAY_MS);
}

/** Milliseconds since local midnight of the instant's local day. */
export function msOfLocalDay(instantMs: number): number {
  const local = instantMs + VIETNAM_OFFSET_MS;
  return local - Math.floor(local / DAY_MS) * DAY_MS;
}

/** The instant (epoch ms) at `msOfDay` milliseconds after local midnight of `epochDay`. */
export function instantAt(epochDay: number, msOfDay: number): number {
  return epochDay * DAY_MS + msOfDay - VIETNAM_OFFSET_MS;
}

export function weekdayOf(epochDay: number): WeekdayIndex {
  // 1970-01-01 was a Thursday (4).
  return ((((epochDay + 4) % 7) + 7) % 7) as WeekdayIndex;
}

/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function epochDayFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** Inverse of {@link epochDayFromCivil} (H. Hinnant's civil_from_days). */
export function civilFromEpochDay(epochDay: number): CivilDate {
  const z = epochDay + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function daysInMonth(year: number, month: number): number {
  return (
    epochDayFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) -
    epochDayFromCivil(year, month, 1)
  );
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Reads `YYYY-MM-DD`; returns undefined when it is not a real calendar date (e.g. 2026-02-30). */
export function tryParseIsoDate(text: string): number | undefined {
  const m = ISO_DATE.exec(text);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return epochDayFromCivil(year, month, day);
}

/** Reads `YYYY-MM-DD` or throws a validation error (code `calendar.invalid_date`). */
export function parseIsoDate(text: string): number {
  const day = tryParseIsoDate(text);
  if (day === undefined) {
    throw validationError('calendar.invalid_date', {
      vi: `Ngày không hợp lệ: "${text}" (định dạng YYYY-MM-DD).`,
      en: `Invalid date: "${text}" (expected YYYY-MM-DD).`,
    });
  }
  return day;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

export function formatIsoDate(epochDay: number): string {
  const { year, month, day } = civilFromEpochDay(epochDay);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/** `HH:MM` for minutes after midnight (1440 prints as 24:00). */
export function formatClock(minutes: number): string {
  return `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
}

/**
 * ISO 8601 with the Vietnam offset, e.g. `2026-02-24T10:15:00+07:00`, the form the API returns.
 * Milliseconds are printed only when present.
 */
export function formatLocalIso(at: Date): string {
  const ms = at.getTime();
  const within = msOfLocalDay(ms);
  const hh = Math.floor(within / HOUR_MS);
  const mm = Math.floor((within % HOUR_MS) / MINUTE_MS);
  const ss = Math.floor((within % MINUTE_MS) / 1000);
  const frac = within % 1000;
  const fraction = frac === 0 ? '' : `.${String(frac).padStart(3, '0')}`;
  return `${formatIsoDate(epochDayOf(ms))}T${pad2(hh)}:${pad2(mm)}:${pad2(ss)}${fraction}+07:00`;
}

/** The instant of a local wall-clock time: `localInstant(2026, 2, 13, 16, 30)` is 16:30 on 13/2/2026 in Vietnam. */
export function localInstant(year: number, month: number, day: number, hour = 0, minute = 0): Date {
  return new Date(instantAt(epochDayFromCivil(year, month, day), hour * HOUR_MS + minute * MINUTE_MS));
}
