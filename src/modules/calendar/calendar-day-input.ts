/**
 * What an administrator types for a day of the calendar (a new day, an edit, a removal), checked
 * before anything is written: every problem is named on its field, in Vietnamese and English. Pure.
 */
import { type FieldError, validationError } from '../../platform/errors.js';
import { CALENDAR_DAY_KINDS, type CalendarDay, type CalendarDayKind } from './holiday-calendar.js';
import { parseIsoDate, tryParseIsoDate, weekdayOf } from './local-time.js';

/** The kind, name and legal source of a day, as typed. */
export interface DayContentInput {
  kind: string;
  name: string;
  source: string;
}

export interface NewCalendarDay extends DayContentInput {
  date: string;
}

export interface DayContent {
  kind: CalendarDayKind;
  name: string;
  source: string;
}

export const MAX_TEXT = 500;

/** NFC, one space between words, trimmed. */
export const cleanText = (text: string) => text.normalize('NFC').replace(/\s+/gu, ' ').trim();

type Problems = FieldError[];
const problem = (problems: Problems, field: string, vi: string, en: string) =>
  problems.push({ field, message: { vi, en } });

function checkDate(date: string, problems: Problems): boolean {
  if (tryParseIsoDate(date) !== undefined) return true;
  problem(problems, 'date', `Ngày không hợp lệ: "${date}" (YYYY-MM-DD).`, `Invalid date: "${date}".`);
  return false;
}

function checkText(value: string, field: 'name' | 'source' | 'reason', problems: Problems): string {
  const text = cleanText(value);
  const missing = {
    name: ['Chưa nhập tên ngày.', 'The name is missing.'],
    source: ['Ghi văn bản, thông báo làm căn cứ.', 'Give the legal source.'],
    reason: ['Ghi lý do xóa ngày.', 'Give the reason for removing the day.'],
  } as const;
  if (text === '') problem(problems, field, missing[field][0], missing[field][1]);
  else if (text.length > MAX_TEXT) {
    problem(problems, field, `Tối đa ${MAX_TEXT} ký tự.`, `At most ${MAX_TEXT} characters.`);
  }
  return text;
}

/** `makeupField`: where a make-up day on a weekday is reported (the date typed, or the kind chosen). */
function checkContent(
  date: string | undefined,
  input: DayContentInput,
  problems: Problems,
  makeupField: 'date' | 'kind',
): DayContent {
  const kind = (CALENDAR_DAY_KINDS as readonly string[]).includes(input.kind)
    ? (input.kind as CalendarDayKind)
    : undefined;
  if (!kind) problem(problems, 'kind', 'Chọn loại ngày.', 'Choose the kind of day.');
  const weekday = date !== undefined ? weekdayOf(parseIsoDate(date)) : undefined;
  if (kind === 'makeup_workday' && weekday !== undefined && weekday !== 0 && weekday !== 6) {
    problem(
      problems,
      makeupField,
      'Ngày làm bù phải là thứ Bảy hoặc Chủ nhật.',
      'A make-up working day falls on a weekend.',
    );
  }
  const name = checkText(input.name, 'name', problems);
  const source = checkText(input.source, 'source', problems);
  return { kind: kind!, name, source };
}

function fail(problems: Problems, vi: string, en: string): never {
  throw validationError('calendar.invalid_day', { vi, en }, problems);
}

/** A new day, or `calendar.invalid_day` naming each bad field. */
export function validateNewDay(input: NewCalendarDay): DayContent & { date: string } {
  const problems: Problems = [];
  const dateOk = checkDate(input.date, problems);
  const content = checkContent(dateOk ? input.date : undefined, input, problems, 'date');
  if (problems.length > 0) fail(problems, 'Ngày chưa hợp lệ.', 'The day is not valid.');
  return { date: input.date, ...content };
}

/**
 * The new kind, name and legal source of an existing row, or `calendar.invalid_day` naming each bad
 * field; `calendar.day_unchanged` when nothing would change (no empty entry in the history).
 */
export function validateEdit(row: CalendarDay, input: DayContentInput): DayContent {
  const problems: Problems = [];
  const content = checkContent(row.date, input, problems, 'kind');
  if (problems.length > 0) fail(problems, 'Thông tin ngày chưa hợp lệ.', 'The day is not valid.');
  if (content.kind === row.kind && content.name === row.name && content.source === row.source) {
    const message = {
      vi: 'Không có gì thay đổi: sửa loại, tên hoặc căn cứ rồi lưu.',
      en: 'Nothing changed: edit the kind, name or legal source, then save.',
    };
    throw validationError('calendar.day_unchanged', message, [{ field: 'kind', message }]);
  }
  return content;
}

/** The reason for removing a day (required), or `calendar.reason_required`. */
export function validateRemoval(input: { reason: string }): { reason: string } {
  const problems: Problems = [];
  const reason = checkText(input.reason, 'reason', problems);
  if (problems.length > 0) {
    throw validationError('calendar.reason_required', problems[0]!.message, problems);
  }
  return { reason };
}
