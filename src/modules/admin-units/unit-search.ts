/**
 * Pure parts of unit search (tra cứu đơn vị hành chính): reading what a person typed, the keyset
 * cursor, and the date a search is about. No I/O.
 */
import { validationError } from '../../platform/errors.js';
import { cleanText, type IsoDate, searchKey } from './import/index.js';
import { isIsoDate } from './import/sources.js';

/** What a search box held, read either as the start of a code or as words of a name. */
export type SearchText =
  | { kind: 'code'; code: string }
  /**
   * `full` is the cleaned text as typed; `core` is the same without a leading type word
   * ("phường ba đình" → "ba đình"), which is what unit names (without type) are compared with.
   */
  | { kind: 'name'; full: string; core: string };

/** Type words, accent-free, longest first, that may open what a person types. */
const TYPE_WORDS = ['thanh pho', 'thi tran', 'thi xa', 'dac khu', 'phuong', 'huyen', 'quan', 'tinh', 'xa'];

/** Undefined when nothing searchable was typed (empty, or punctuation only). */
export function readSearchText(q: string | undefined): SearchText | undefined {
  const text = cleanText(q ?? '');
  if (/^\d{1,5}$/.test(text)) return { kind: 'code', code: text };
  const key = searchKey(text);
  if (key === '') return undefined;
  const typeWord = TYPE_WORDS.find((w) => key.startsWith(`${w} `));
  if (!typeWord) return { kind: 'name', full: text, core: text };
  const words = text.split(' ');
  const core = words.slice(typeWord.split(' ').length).join(' ');
  return { kind: 'name', full: text, core: searchKey(core) === '' ? text : core };
}

/**
 * Position of the last result of a page: match rank, similarity, code length (provinces, then
 * districts, then communes), accent-free name, code. Opaque to clients (base64url JSON).
 */
export interface SearchCursor {
  rank: number;
  score: number;
  codeLength: number;
  sortName: string;
  code: string;
}

export function encodeSearchCursor(c: SearchCursor): string {
  return Buffer.from(JSON.stringify([c.rank, c.score, c.codeLength, c.sortName, c.code]), 'utf8').toString(
    'base64url',
  );
}

const INVALID_CURSOR = {
  vi: 'Tham số "after" không hợp lệ: hãy dùng đúng giá trị "next" của trang trước.',
  en: 'Invalid "after": pass the "next" value of the previous page unchanged.',
};

/** Reads a cursor made by {@link encodeSearchCursor}; anything else is a 400 on `field`. */
export function decodeSearchCursor(text: string, field = 'after'): SearchCursor {
  try {
    const v: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (
      Array.isArray(v) &&
      v.length === 5 &&
      Number.isInteger(v[0]) &&
      typeof v[1] === 'number' &&
      Number.isFinite(v[1]) &&
      Number.isInteger(v[2]) &&
      typeof v[3] === 'string' &&
      typeof v[4] === 'string' &&
      /^\d{2,5}$/.test(v[4])
    ) {
      return { rank: v[0], score: v[1], codeLength: v[2], sortName: v[3], code: v[4] };
    }
  } catch {
    // not base64url JSON: reported below
  }
  throw validationError('admin_unit.invalid_cursor', INVALID_CURSOR, [{ field, message: INVALID_CURSOR }]);
}

const VN_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today in Vietnam (YYYY-MM-DD): the date a look-up is about when none is given. */
export function vietnamDate(now: Date): IsoDate {
  return VN_DATE.format(now);
}

/**
 * A date as a person types it where the browser has no date picker: YYYY-MM-DD (what date inputs
 * send) or the Vietnamese day/month/year (1/7/2025, 01-07-2025, 01.07.2025). Undefined when neither.
 */
export function readTypedDate(text: string): IsoDate | undefined {
  if (isIsoDate(text)) return text;
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text.trim());
  if (!dmy) return undefined;
  const iso = `${dmy[3]}-${dmy[2]?.padStart(2, '0')}-${dmy[1]?.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : undefined;
}

/** A checked YYYY-MM-DD date, or a 400 naming `field`. */
export function checkDate(value: string, field: string): IsoDate {
  if (isIsoDate(value)) return value;
  const message = {
    vi: `Ngày "${value}" không hợp lệ: hãy viết theo dạng YYYY-MM-DD, ví dụ 2025-07-01.`,
    en: `Date "${value}" is not valid: write it as YYYY-MM-DD, e.g. 2025-07-01.`,
  };
  throw validationError('admin_unit.invalid_date', message, [{ field, message }]);
}
