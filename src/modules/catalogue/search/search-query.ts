/**
 * Pure parts of procedure search (tra cứu thủ tục hành chính): the query as a client sends it,
 * what the search box held (a code or words), the tsquery of the words, and the keyset cursor.
 * No I/O.
 */

import { type Bilingual, validationError } from '../../../platform/errors.js';
import { searchKey } from '../../admin-units/index.js';
import type { Level, OnlineLevel } from '../content.js';
import { expandQuery } from './synonyms.js';

export interface ProcedureSearchQuery {
  q?: string;
  field?: string;
  level?: Level;
  agency?: string;
  online?: OnlineLevel;
  cursor?: string;
  /** Default 20, at most 100. */
  limit?: number;
}

export const SEARCH_LIMIT = { default: 20, max: 100 } as const;
export const LEVELS: readonly Level[] = ['ministry', 'province', 'commune', 'other'];
export const ONLINE_LEVELS: readonly OnlineLevel[] = ['toan_trinh', 'mot_phan', 'none'];
const MAX_TEXT = { q: 200, field: 200, agency: 300, cursor: 400 } as const;

const invalid = (field: string, message: Bilingual) =>
  validationError('catalogue.invalid_search', message, [{ field, message }]);

function readText(raw: Record<string, unknown>, name: keyof typeof MAX_TEXT): string | undefined {
  const value = raw[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') {
    throw invalid(name, {
      vi: `Tham số "${name}" chỉ được có một giá trị dạng chữ.`,
      en: `"${name}" must be given once, as text.`,
    });
  }
  const text = value.normalize('NFC').trim();
  if (text.length > MAX_TEXT[name]) {
    throw invalid(name, {
      vi: `Tham số "${name}" dài quá ${MAX_TEXT[name]} ký tự.`,
      en: `"${name}" is longer than ${MAX_TEXT[name]} characters.`,
    });
  }
  return text === '' ? undefined : text;
}

function readChoice<T extends string>(raw: Record<string, unknown>, name: string, choices: readonly T[]) {
  const value = raw[name];
  if (value === undefined || value === '') return undefined;
  if (typeof value === 'string' && (choices as readonly string[]).includes(value)) return value as T;
  throw invalid(name, {
    vi: `Tham số "${name}" phải là một trong: ${choices.join(', ')}.`,
    en: `"${name}" must be one of: ${choices.join(', ')}.`,
  });
}

function readLimit(value: unknown): number {
  if (value === undefined || value === '') return SEARCH_LIMIT.default;
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
  if (Number.isInteger(n) && n >= 1 && n <= SEARCH_LIMIT.max) return n;
  throw invalid('limit', {
    vi: `Tham số "limit" phải là số nguyên từ 1 đến ${SEARCH_LIMIT.max}.`,
    en: `"limit" must be an integer from 1 to ${SEARCH_LIMIT.max}.`,
  });
}

/** Checks a query string's values; anything wrong is a 400 naming the parameter (vi + en). */
export function readProcedureSearchQuery(raw: Record<string, unknown>): ProcedureSearchQuery {
  const query: ProcedureSearchQuery = { limit: readLimit(raw.limit) };
  const q = readText(raw, 'q');
  const field = readText(raw, 'field');
  const agency = readText(raw, 'agency');
  const cursor = readText(raw, 'cursor');
  const level = readChoice(raw, 'level', LEVELS);
  const online = readChoice(raw, 'online', ONLINE_LEVELS);
  if (q !== undefined) query.q = q;
  if (field !== undefined) query.field = field;
  if (agency !== undefined) query.agency = agency;
  if (level !== undefined) query.level = level;
  if (online !== undefined) query.online = online;
  if (cursor !== undefined) {
    decodeSearchCursor(cursor);
    query.cursor = cursor;
  }
  return query;
}

/** What the search box held: the start of a code (or local code), or words. */
export type SearchText =
  | { kind: 'code'; prefix: string }
  | {
      kind: 'words';
      /** The words as typed, in search-key form: compared by trigrams with names. */
      key: string;
      /** The words and their synonyms: a procedure matching any alternative matches. */
      alternatives: string[][];
    };

const CODE_START = /^[123]\.\d[0-9A-Za-z.]*$/;
const MAX_WORDS = 12;

/** Undefined when nothing searchable was typed (empty, or punctuation only). */
export function readSearchText(q: string | undefined): SearchText | undefined {
  const text = (q ?? '').normalize('NFC').trim();
  if (CODE_START.test(text)) return { kind: 'code', prefix: text.toUpperCase() };
  const words = searchKey(text).split(' ').filter(Boolean).slice(0, MAX_WORDS);
  if (words.length === 0) return undefined;
  return { kind: 'words', key: words.join(' '), alternatives: expandQuery(words) };
}

/**
 * The tsquery of the alternatives, ORed: every word whole but the last, which is a prefix as long
 * as it has two letters or more (`dang & ky & ket & ho:*`: what is still being typed). A Vietnamese
 * syllable is short, so a prefix of every word ("sao:* & y:*") would match nearly everything.
 * Words are search keys ([a-z0-9] only), so nothing needs quoting.
 */
export function toTsQuery(alternatives: string[][]): string {
  const term = (w: string, last: boolean) => (last && w.length >= 2 ? `${w}:*` : w);
  return alternatives
    .map((words) => `(${words.map((w, i) => term(w, i === words.length - 1)).join(' & ')})`)
    .join(' | ');
}

/**
 * Position of the last hit of a page. Search: score, name key, code; browse (no words): name key,
 * code. Opaque to clients (base64url JSON).
 */
export type SearchCursor =
  | { mode: 'search'; score: number; nameKey: string; code: string }
  | { mode: 'browse'; nameKey: string; code: string };

export function encodeSearchCursor(c: SearchCursor): string {
  const parts = c.mode === 'search' ? ['s', c.score, c.nameKey, c.code] : ['b', c.nameKey, c.code];
  return Buffer.from(JSON.stringify(parts), 'utf8').toString('base64url');
}

const INVALID_CURSOR = {
  vi: 'Tham số "cursor" không hợp lệ: hãy dùng đúng giá trị "next" của trang trước.',
  en: 'Invalid "cursor": pass the "next" value of the previous page unchanged.',
};

const isCode = (v: unknown): v is string => typeof v === 'string' && /^[123]\.\d{6}$/.test(v);

/** Reads a cursor made by {@link encodeSearchCursor}; anything else is a 400 on `cursor`. */
export function decodeSearchCursor(text: string): SearchCursor {
  let v: unknown;
  try {
    v = /^[A-Za-z0-9_-]+$/.test(text) ? JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) : null;
  } catch {
    v = null;
  }
  if (Array.isArray(v)) {
    const [mode, a, b, c] = v;
    if (mode === 's' && v.length === 4 && typeof a === 'number' && Number.isFinite(a)) {
      if (typeof b === 'string' && isCode(c)) return { mode: 'search', score: a, nameKey: b, code: c };
    }
    if (mode === 'b' && v.length === 3 && typeof a === 'string' && isCode(b)) {
      return { mode: 'browse', nameKey: a, code: b };
    }
  }
  throw invalid('cursor', INVALID_CURSOR);
}
