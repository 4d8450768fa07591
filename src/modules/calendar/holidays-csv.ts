/**
 * Parser of the official day-off table (bảng ngày nghỉ lễ, tết, nghỉ bù, hoán đổi, làm bù), the CSV
 * shipped in datasets/holidays/ (its README describes the columns). Pure: text in, rows and errors out.
 *
 * It copes with dirty input (byte-order mark, CRLF, Unicode NFC, stray and embedded whitespace, header
 * case, column order, quoted fields, D/M/YYYY dates) and never drops a row silently: every row it cannot
 * read comes back as an error with its line, a stable code and a Vietnamese and English message. A row
 * that is not settled (kind `pending_unconfirmed`, or `verified = no`) is kept with status `pending`, so
 * it shows in the calendar but is not a day off until an administrator confirms it.
 */
import type { Bilingual } from '../../platform/errors.js';
import { type CsvRecord, readCsvRecords } from './csv-records.js';
import type { CalendarDay, CalendarDayKind } from './holiday-calendar.js';
import { formatIsoDate, tryParseIsoDate, weekdayOf } from './local-time.js';

export interface HolidayCsvError {
  /** 1-based line of the file where the unreadable row starts. */
  readonly line: number;
  /** Stable code, e.g. `calendar.holidays_csv.bad_date`. */
  readonly code: string;
  readonly message: Bilingual;
  /** The row as read. */
  readonly raw: string;
}

export interface HolidayCsvResult {
  readonly days: CalendarDay[];
  readonly errors: HolidayCsvError[];
}

const COLUMNS = ['date', 'weekday', 'kind', 'name_vi', 'break_range', 'verified', 'source'] as const;
type Column = (typeof COLUMNS)[number];
type Row = Record<Column, string>;

/** How each kind of the table maps onto the calendar model, and which days of the week it may fall on. */
const KINDS: Record<string, { kind: CalendarDayKind; on: 'weekday' | 'weekend' | 'any'; pending?: true }> = {
  public_holiday: { kind: 'holiday', on: 'weekday' },
  tet_day_off: { kind: 'tet', on: 'weekday' },
  compensatory_day_off: { kind: 'compensatory', on: 'weekday' },
  swapped_day_off: { kind: 'swapped_off', on: 'weekday' },
  makeup_workday: { kind: 'makeup_workday', on: 'weekend' },
  // A holiday on the weekly rest day changes nothing for a Monday–Friday agency, but it is a day off for
  // one that also works Saturdays, so it stays a day-off row.
  tet_day_off_on_weekend: { kind: 'tet', on: 'weekend' },
  public_holiday_on_weekend: { kind: 'holiday', on: 'weekend' },
  pending_unconfirmed: { kind: 'holiday', on: 'any', pending: true },
};

const SETTLED_EVIDENCE = new Set(['yes', 'law', 'law+lunar', 'derived']);
const WEEKDAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const SAME_AS_ABOVE = 'same as above';

/** NFC, every run of whitespace (including line breaks and no-break spaces) as one space, trimmed. */
export function cleanCell(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/** `YYYY-MM-DD`, or the Vietnamese `D/M/YYYY`, to an ISO date; undefined if it is not a real date. */
function readDate(text: string): string | undefined {
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const iso = vn ? `${vn[3]}-${vn[2]!.padStart(2, '0')}-${vn[1]!.padStart(2, '0')}` : text;
  const day = tryParseIsoDate(iso);
  return day === undefined ? undefined : formatIsoDate(day);
}

class RowProblems {
  readonly list: { code: string; message: Bilingual }[] = [];
  add(code: string, vi: string, en: string): void {
    this.list.push({ code: `calendar.holidays_csv.${code}`, message: { vi, en } });
  }
}

function checkWeekday(row: Row, epochDay: number, on: 'weekday' | 'weekend' | 'any', problems: RowProblems) {
  const actual = weekdayOf(epochDay);
  const written = row.weekday.toLowerCase().slice(0, 3);
  if (row.weekday !== '' && written !== WEEKDAY_NAMES[actual]) {
    problems.add(
      'weekday_mismatch',
      `Thứ "${row.weekday}" không khớp với ngày ${row.date}.`,
      `Weekday "${row.weekday}" does not match the date ${row.date}.`,
    );
  }
  const weekend = actual === 0 || actual === 6;
  if ((on === 'weekday' && weekend) || (on === 'weekend' && !weekend)) {
    const vi = on === 'weekday' ? 'ngày thường (thứ Hai–thứ Sáu)' : 'ngày cuối tuần';
    const en = on === 'weekday' ? 'a weekday (Monday–Friday)' : 'a Saturday or Sunday';
    problems.add(
      'kind_on_wrong_day',
      `Loại "${row.kind}" phải rơi vào ${vi}, nhưng ${row.date} thì không.`,
      `Kind "${row.kind}" must fall on ${en}, but ${row.date} does not.`,
    );
  }
}

function readBreakRange(row: Row, date: string, problems: RowProblems): CalendarDay['breakRange'] {
  if (row.break_range === '') return undefined;
  const parts = row.break_range.split('..').map((p) => readDate(p.trim()));
  const [from, to] = parts;
  if (parts.length !== 2 || from === undefined || to === undefined || from > to) {
    problems.add(
      'bad_break_range',
      `Đợt nghỉ "${row.break_range}" không hợp lệ (YYYY-MM-DD..YYYY-MM-DD).`,
      `Invalid break range "${row.break_range}" (expected YYYY-MM-DD..YYYY-MM-DD).`,
    );
    return undefined;
  }
  if (date < from || date > to) {
    problems.add(
      'date_outside_break',
      `Ngày ${date} nằm ngoài đợt nghỉ ${row.break_range}.`,
      `Date ${date} is outside its break ${row.break_range}.`,
    );
  }
  return { from, to };
}

/** Reads one row into a calendar day, or records why it cannot. `source` is already resolved. */
function readRow(row: Row, source: string, problems: RowProblems): CalendarDay | undefined {
  const date = readDate(row.date);
  const kind = KINDS[row.kind.toLowerCase()];
  const evidence = row.verified.toLowerCase();
  if (date === undefined) {
    problems.add('bad_date', `Ngày không hợp lệ: "${row.date}".`, `Invalid date: "${row.date}".`);
  }
  if (!kind) {
    problems.add('unknown_kind', `Loại ngày không rõ: "${row.kind}".`, `Unknown kind: "${row.kind}".`);
  }
  if (evidence !== 'no' && !SETTLED_EVIDENCE.has(evidence)) {
    problems.add(
      'unknown_verified',
      `Giá trị "verified" không rõ: "${row.verified}" (yes, law, law+lunar, derived, no).`,
      `Unknown "verified" value: "${row.verified}" (yes, law, law+lunar, derived, no).`,
    );
  }
  if (row.name_vi === '')
    problems.add('missing_name', 'Thiếu tên ngày (name_vi).', 'Missing name (name_vi).');
  if (source === '') {
    problems.add('missing_source', 'Thiếu nguồn pháp lý (source).', 'Missing legal source (source).');
  }
  if (date === undefined || !kind) return undefined;
  checkWeekday(row, tryParseIsoDate(date)!, kind.on, problems);
  const breakRange = readBreakRange(row, date, problems);
  if (problems.list.length > 0) return undefined;
  const pending = kind.pending === true || evidence === 'no';
  return {
    date,
    kind: kind.kind,
    status: pending ? 'pending' : 'confirmed',
    name: row.name_vi,
    source,
    breakRange,
    evidence,
  };
}

function headerIndex(header: CsvRecord): Map<Column, number> | Column[] {
  const names = header.fields.map((f) => cleanCell(f).toLowerCase().replace(/ /g, '_'));
  const index = new Map<Column, number>();
  const missing: Column[] = [];
  for (const column of COLUMNS) {
    const i = names.indexOf(column);
    if (i < 0) missing.push(column);
    else index.set(column, i);
  }
  return missing.length > 0 ? missing : index;
}

function toRow(record: CsvRecord, index: Map<Column, number>): Row {
  const row = {} as Row;
  for (const column of COLUMNS) row[column] = cleanCell(record.fields[index.get(column)!] ?? '');
  return row;
}

/** Reads the data rows under a valid header, reporting each unreadable one through `fail`. */
function readDataRows(
  records: readonly CsvRecord[],
  width: number,
  index: Map<Column, number>,
  fail: (record: CsvRecord, code: string, message: Bilingual) => void,
): CalendarDay[] {
  const days: CalendarDay[] = [];
  const seen = new Map<string, number>();
  let previousSource = '';
  for (const record of records) {
    if (record.fields.length > width) {
      // The columns are shifted, so no cell can be trusted, nor this row as "the row above".
      fail(record, 'calendar.holidays_csv.too_many_fields', tooManyFields(record.fields.length, width));
      previousSource = '';
      continue;
    }
    const problems = new RowProblems();
    const row = toRow(record, index);
    const source = row.source.toLowerCase() === SAME_AS_ABOVE ? previousSource : row.source;
    previousSource = source;
    const day = readRow(row, source, problems);
    const firstLine = day ? seen.get(day.date) : undefined;
    if (day && firstLine !== undefined) {
      problems.add(
        'duplicate_date',
        `Ngày ${day.date} đã có ở dòng ${firstLine}.`,
        `Date ${day.date} already appears on line ${firstLine}.`,
      );
    }
    for (const p of problems.list) fail(record, p.code, p.message);
    if (day && problems.list.length === 0) {
      days.push(day);
      seen.set(day.date, record.line);
    }
  }
  return days;
}

/** Parses the day-off table. Every row ends up either in `days` or, with its reasons, in `errors`. */
export function parseHolidayCsv(text: string): HolidayCsvResult {
  const { records, unterminatedQuoteAt } = readCsvRecords(text);
  const rows = records.filter((r) => r.fields.some((f) => f.trim() !== ''));
  const errors: HolidayCsvError[] = [];
  const fail = (record: CsvRecord, code: string, message: Bilingual) => {
    errors.push({ line: record.line, code, message, raw: record.raw });
  };
  const header = rows[0];
  if (!header) return { days: [], errors: [emptyFileError()] };
  const index = headerIndex(header);
  if (Array.isArray(index)) {
    fail(header, 'calendar.holidays_csv.missing_columns', {
      vi: `Thiếu cột: ${index.join(', ')}.`,
      en: `Missing columns: ${index.join(', ')}.`,
    });
    return { days: [], errors };
  }
  const days = readDataRows(rows.slice(1), header.fields.length, index, fail);
  if (unterminatedQuoteAt !== undefined) errors.push(unterminatedError(unterminatedQuoteAt));
  return { days, errors };
}

function tooManyFields(found: number, expected: number): Bilingual {
  return {
    vi: `Dòng có ${found} cột, nhiều hơn tiêu đề (${expected}); có thể thiếu dấu ngoặc kép quanh một ô có dấu phẩy.`,
    en: `The row has ${found} fields, more than the header (${expected}); a cell with a comma may lack quotes.`,
  };
}

function emptyFileError(): HolidayCsvError {
  return {
    line: 1,
    code: 'calendar.holidays_csv.empty',
    message: { vi: 'Tệp không có dữ liệu.', en: 'The file is empty.' },
    raw: '',
  };
}

function unterminatedError(line: number): HolidayCsvError {
  return {
    line,
    code: 'calendar.holidays_csv.unterminated_quote',
    message: {
      vi: `Dấu ngoặc kép mở ở dòng ${line} không được đóng; phần còn lại của tệp không đọc được.`,
      en: `A quote opened on line ${line} is never closed; the rest of the file could not be read.`,
    },
    raw: '',
  };
}
