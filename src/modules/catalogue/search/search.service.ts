/**
 * Tra cứu thủ tục hành chính: what a citizen types (words without diacritics, typos, everyday words
 * such as "sổ đỏ", a code or its start), with filters, best match first, keyset-paginated.
 */
import type { Db } from '../../../platform/db/database.js';
import { notFound, validationError } from '../../../platform/errors.js';
import { type ProcedureVersion, versionAt } from '../catalogue.service.js';
import type { Level, OnlineLevel } from '../content.js';
import { type HighlightSegment, highlightName } from './highlight.js';
import { procedureExists, selectFacets, selectSearchPage } from './search.repository.js';
import {
  decodeSearchCursor,
  encodeSearchCursor,
  type ProcedureSearchQuery,
  readSearchText,
  SEARCH_LIMIT,
  type SearchText,
} from './search-query.js';

export interface ProcedureSearchHit {
  code: string;
  name: string;
  field: string | null;
  levels: Level[];
  onlineLevel: OnlineLevel;
  agencies: string[];
  versionNumber: number;
  nameSegments: HighlightSegment[];
  score: number;
}

export interface ProcedureSearchPage {
  hits: ProcedureSearchHit[];
  next: string | null;
  /** Matches, counted up to {@link TOTAL_CAP}. */
  total: number;
  /** True when there are more than {@link TOTAL_CAP} matches. */
  totalCapped: boolean;
}

export interface CatalogueFacets {
  fields: { name: string; count: number }[];
  levels: { level: Level; count: number }[];
  agencies: { name: string; count: number }[];
  online: { level: OnlineLevel; count: number }[];
}

export const TOTAL_CAP = 1000;

const cursorMismatch = () => {
  const message = {
    vi: 'Tham số "cursor" thuộc về một lượt tìm khác: hãy tìm lại từ trang đầu.',
    en: '"cursor" belongs to another search: start again from the first page.',
  };
  return validationError('catalogue.invalid_search', message, [{ field: 'cursor', message }]);
};

/** The words whose matches are marked in names: every word of every alternative. */
const highlightTokens = (text: SearchText | undefined) =>
  text?.kind === 'words' ? [...new Set(text.alternatives.flat())] : [];

/** One page of procedures in force at `now` matching the query; without words, in name order. */
export async function searchProcedures(
  db: Db,
  query: ProcedureSearchQuery,
  now: Date,
): Promise<ProcedureSearchPage> {
  const text = readSearchText(query.q);
  const after = query.cursor === undefined ? undefined : decodeSearchCursor(query.cursor);
  if (after && (after.mode === 'browse') !== (text === undefined)) throw cursorMismatch();
  const limit = Math.min(Math.max(query.limit ?? SEARCH_LIMIT.default, 1), SEARCH_LIMIT.max);
  const { total, rows } = await selectSearchPage(db, {
    text,
    field: query.field,
    level: query.level,
    agency: query.agency,
    online: query.online,
    now,
    after,
    limit: limit + 1,
    totalCap: TOTAL_CAP,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const next =
    rows.length > limit && last
      ? encodeSearchCursor(
          text
            ? { mode: 'search', score: last.score, nameKey: last.name_key, code: last.code }
            : { mode: 'browse', nameKey: last.name_key, code: last.code },
        )
      : null;
  const tokens = highlightTokens(text);
  return {
    hits: page.map((r) => ({
      code: r.code,
      name: r.name,
      field: r.field,
      levels: r.levels as Level[],
      onlineLevel: r.online_level as OnlineLevel,
      agencies: r.agencies,
      versionNumber: r.version_number,
      nameSegments: tokens.length ? highlightName(r.name, tokens) : [{ text: r.name, marked: false }],
      score: r.score,
    })),
    next,
    total: Math.min(total, TOTAL_CAP),
    totalCapped: total > TOTAL_CAP,
  };
}

/** How many procedures in force each field, level, agency and online level has, largest first. */
export async function catalogueFacets(db: Db): Promise<CatalogueFacets> {
  const f = await selectFacets(db);
  return {
    fields: f.fields,
    levels: f.levels.map((l) => ({ level: l.level as Level, count: l.count })),
    agencies: f.agencies,
    online: f.online.map((o) => ({ level: o.level as OnlineLevel, count: o.count })),
  };
}

/**
 * The version of a procedure in force at an instant, for the API: catalogue.not_found for a code
 * the catalogue does not hold, catalogue.not_in_force when none of its versions was in force then.
 */
export async function procedureAt(db: Db, code: string, at: Date): Promise<ProcedureVersion> {
  if (!(await procedureExists(db, code))) {
    throw notFound('catalogue.not_found', {
      vi: `Không có thủ tục mã ${code} trong danh mục`,
      en: `The catalogue holds no procedure with code ${code}`,
    });
  }
  return versionAt(db, code, at);
}

const AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * An instant as a client writes it: ISO 8601 with an offset, or without one meaning Vietnam time.
 * A "+" left unescaped in a query string arrives as a space, and is read as the "+" it was.
 */
export function readInstant(text: string, field = 'at'): Date {
  const value = text.trim().replace(/ (\d{2}:\d{2})$/, '+$1');
  const withZone = /(Z|[+-]\d{2}:\d{2})$/.test(value) ? value : `${value}+07:00`;
  const instant = new Date(withZone);
  if (AT.test(value) && !Number.isNaN(instant.getTime())) return instant;
  const message = {
    vi: `Thời điểm "${text}" không hợp lệ: hãy viết theo ISO 8601, ví dụ 2026-01-01T08:00:00+07:00.`,
    en: `Instant "${text}" is not valid: write it in ISO 8601, e.g. 2026-01-01T08:00:00+07:00.`,
  };
  throw validationError('catalogue.invalid_instant', message, [{ field, message }]);
}
