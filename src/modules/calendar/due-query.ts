/**
 * Reading the deadline API's query (`agency`, `receivedAt`, `value`, `unit`) into a request, with a
 * message in Vietnamese and English for every bad field at once. Pure.
 */
import { type FieldError, validationError } from '../../platform/errors.js';
import { daysInMonth, epochDayFromCivil, HOUR_MS, instantAt, MINUTE_MS } from './local-time.js';
import { DURATION_UNITS, type Duration, type DurationUnit } from './working-time.js';

export interface DueRequest {
  agencyCode: string;
  receivedAt: Date;
  duration: Duration;
}

/** The largest duration value accepted (any unit). */
export const MAX_DURATION_VALUE = 10_000;

const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})?$/;
const NUMBER = /^\d+(\.\d+)?$/;
const AGENCY_CODE = /^[A-Za-z0-9]+(\.[A-Za-z0-9]+)*$/;

/**
 * An ISO 8601 date-time (`2026-02-13T16:00:00+07:00`, `…Z`, or without offset, read as Vietnam time),
 * or undefined. A space before the offset is read as `+`: an unencoded `+` in a query string arrives
 * as a space.
 */
export function parseIsoInstant(text: string): Date | undefined {
  const m = ISO_DATE_TIME.exec(text.replace(/ (\d{2}:\d{2})$/, '+$1'));
  if (!m) return undefined;
  const [year, month, day, hour, minute] = [1, 2, 3, 4, 5].map((i) => Number(m[i]));
  const second = Number(m[6] ?? 0);
  const ms = Number((m[7] ?? '0').padEnd(3, '0').slice(0, 3));
  if (month! < 1 || month! > 12 || day! < 1 || day! > daysInMonth(year!, month!)) return undefined;
  if (hour! > 23 || minute! > 59 || second > 59) return undefined;
  const local = instantAt(
    epochDayFromCivil(year!, month!, day!),
    hour! * HOUR_MS + minute! * MINUTE_MS + second * 1000 + ms,
  );
  const zone = m[8];
  if (zone === undefined) return new Date(local);
  if (zone === 'Z') return new Date(local + 7 * HOUR_MS);
  const [oh, om] = [Number(zone.slice(1, 3)), Number(zone.slice(4, 6))];
  if (oh > 14 || om > 59) return undefined;
  const offset = (zone.startsWith('-') ? -1 : 1) * (oh * HOUR_MS + om * MINUTE_MS);
  // `local` was computed as if the wall time were in +07:00; move it to the given offset.
  return new Date(local + 7 * HOUR_MS - offset);
}

type Query = Record<string, string | undefined>;

function field(list: FieldError[], name: string, vi: string, en: string) {
  list.push({ field: name, message: { vi, en } });
}

function readAgency(q: Query, errors: FieldError[]): string {
  const code = q.agency?.trim() ?? '';
  if (code === '')
    field(errors, 'agency', 'Thiếu mã định danh cơ quan (agency).', 'The agency code (agency) is missing.');
  else if (code.length > 20 || !AGENCY_CODE.test(code)) {
    field(
      errors,
      'agency',
      `Mã định danh cơ quan không đúng dạng: "${code}".`,
      `The agency code has the wrong shape: "${code}".`,
    );
  }
  return code;
}

function readReceivedAt(q: Query, errors: FieldError[]): Date {
  const text = q.receivedAt?.trim() ?? '';
  const at = text === '' ? undefined : parseIsoInstant(text);
  if (text === '')
    field(
      errors,
      'receivedAt',
      'Thiếu thời điểm tiếp nhận (receivedAt).',
      'The receipt time (receivedAt) is missing.',
    );
  else if (!at) {
    field(
      errors,
      'receivedAt',
      `Thời điểm tiếp nhận không đúng định dạng ISO 8601: "${text}" (ví dụ 2026-02-13T16:00:00+07:00).`,
      `The receipt time is not ISO 8601: "${text}" (e.g. 2026-02-13T16:00:00+07:00).`,
    );
  }
  return at ?? new Date(Number.NaN);
}

function readUnit(q: Query, errors: FieldError[]): DurationUnit {
  const unit = q.unit?.trim() ?? '';
  const known = (DURATION_UNITS as readonly string[]).includes(unit);
  if (!known) {
    const list = DURATION_UNITS.join(', ');
    if (unit === '')
      field(errors, 'unit', `Thiếu đơn vị thời gian (unit): ${list}.`, `The unit is missing: ${list}.`);
    else
      field(
        errors,
        'unit',
        `Đơn vị thời gian không hợp lệ: "${unit}" (${list}).`,
        `Unknown unit "${unit}" (${list}).`,
      );
  }
  return unit as DurationUnit;
}

function readValue(q: Query, unit: DurationUnit, errors: FieldError[]): number {
  const text = q.value?.trim() ?? '';
  const value = NUMBER.test(text) ? Number(text) : Number.NaN;
  if (text === '') field(errors, 'value', 'Thiếu thời hạn (value).', 'The duration (value) is missing.');
  else if (Number.isNaN(value) || value > MAX_DURATION_VALUE) {
    field(
      errors,
      'value',
      `Thời hạn phải là số không âm, tối đa ${MAX_DURATION_VALUE}: "${text}".`,
      `The duration must be a non-negative number up to ${MAX_DURATION_VALUE}: "${text}".`,
    );
  } else if ((unit === 'ngay' || unit === 'thang') && !Number.isInteger(value)) {
    field(
      errors,
      'value',
      'Thời hạn tính theo ngày hoặc tháng phải là số nguyên.',
      'Days and months must be whole numbers.',
    );
  }
  return value;
}

/** The request, or `request.validation` listing every bad field (400). */
export function parseDueQuery(q: Query): DueRequest {
  const errors: FieldError[] = [];
  const agencyCode = readAgency(q, errors);
  const receivedAt = readReceivedAt(q, errors);
  const unit = readUnit(q, errors);
  const value = readValue(q, unit, errors);
  if (errors.length > 0) {
    throw validationError('request.validation', { vi: 'Dữ liệu không hợp lệ', en: 'Invalid data' }, errors);
  }
  return { agencyCode, receivedAt, duration: { value, unit } };
}
