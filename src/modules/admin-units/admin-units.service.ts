/**
 * Look-ups of administrative units (tra cứu đơn vị hành chính) over the imported catalogue: what
 * a code meant on a date, where an old commune went and what a new one was formed from, and name
 * or code search. `get*` throws NotFound; `find*` and the look-ups may return nothing.
 */
import type { Db } from '../../platform/db/database.js';
import { notFound } from '../../platform/errors.js';
import {
  selectAliasTarget,
  selectEdgesFrom,
  selectEdgesInto,
  selectProfile,
  selectSearchPage,
  selectVersionAt,
  selectVersionsAt,
  selectVersionsOf,
  toVersion,
} from './admin-units.repository.js';
import type { CrosswalkEdge, IsoDate, UnitLevel, UnitProfile, UnitVersion } from './import/index.js';
import { CROSSWALK_EFFECTIVE } from './import/index.js';
import { checkDate, decodeSearchCursor, encodeSearchCursor, readSearchText } from './unit-search.js';

/**
 * What a code meant on a date: the unit holding it then, or else the unit it was another code of
 * (Ba Chẽ: 06970 stands for 06978 from 1 July 2025); undefined when it meant nothing.
 */
export async function unitAt(db: Db, code: string, date: IsoDate): Promise<UnitVersion | undefined> {
  checkDate(date, 'at');
  const direct = await selectVersionAt(db, code, date);
  if (direct) return direct;
  const target = await selectAliasTarget(db, code, date);
  return target === undefined ? undefined : selectVersionAt(db, target, date);
}

/** Where an old unit went on 1 July 2025: one whole edge, or several partial ones for a split. */
export function successorsOf(db: Db, oldCode: string): Promise<CrosswalkEdge[]> {
  return selectEdgesFrom(db, oldCode);
}

/** What a new commune was formed from; an alias (06970) finds the unit it stands for. */
export async function predecessorsOf(db: Db, newCode: string): Promise<CrosswalkEdge[]> {
  const direct = await selectEdgesInto(db, newCode);
  if (direct.length > 0) return direct;
  const target = await selectAliasTarget(db, newCode);
  return target === undefined ? [] : selectEdgesInto(db, target);
}

/** Every version of a code, oldest first (empty for an unknown code). */
export function findUnitVersions(db: Db, code: string): Promise<UnitVersion[]> {
  return selectVersionsOf(db, code);
}

export interface UnitDetail {
  /** The code asked for; differs from unit.code when it was another code of the unit. */
  requestedCode: string;
  at: IsoDate;
  unit: UnitVersion;
  /** The units above it on that date, province first. */
  parents: UnitVersion[];
  /** Sáp nhập từ: the old units this one was formed from (for versions from the reform on). */
  predecessors: CrosswalkEdge[];
  /** Sáp nhập vào: where this unit went (for versions that ended before the reform). */
  successors: CrosswalkEdge[];
  versions: UnitVersion[];
  /** Area, population and seat of a new commune (sapnhap.bando.com.vn), for versions from 1/7/2025. */
  profile: UnitProfile | null;
}

const unitNotFound = (code: string, at: IsoDate) =>
  notFound('admin_unit.not_found', {
    vi: `Không có đơn vị hành chính mã ${code} vào ngày ${at}`,
    en: `No administrative unit has code ${code} on ${at}`,
  });

/** The unit a code stands for on a date, with its parents and its place in the crosswalk. */
export async function getUnitDetail(db: Db, code: string, at: IsoDate): Promise<UnitDetail> {
  const unit = await unitAt(db, code, at);
  if (!unit) throw unitNotFound(code, at);
  const ancestors = [unit.parentCode, unit.provinceCode].filter(
    (c): c is string => c !== null && c !== unit.code,
  );
  const [parents, into, from, versions, profile] = await Promise.all([
    selectVersionsAt(db, [...new Set(ancestors)], at),
    selectEdgesInto(db, unit.code),
    selectEdgesFrom(db, unit.code),
    selectVersionsOf(db, unit.code),
    selectProfile(db, unit.code),
  ]);
  const startsAfter = (e: CrosswalkEdge) => unit.validFrom !== null && unit.validFrom >= e.effectiveFrom;
  const endsBefore = (e: CrosswalkEdge) => unit.validTo !== null && unit.validTo < e.effectiveFrom;
  const current = unit.validFrom !== null && unit.validFrom >= CROSSWALK_EFFECTIVE;
  return {
    requestedCode: code,
    at,
    unit,
    parents,
    predecessors: into.filter(startsAfter),
    successors: from.filter(endsBefore),
    versions,
    profile: current ? (profile ?? null) : null,
  };
}

export interface UnitSearchQuery {
  /** Words of the name (accents and type word optional, typos tolerated) or the start of a code. */
  q?: string | undefined;
  level?: UnitLevel | undefined;
  /** Code of the parent (district or province) on `at`. */
  parent?: string | undefined;
  at: IsoDate;
  limit?: number | undefined;
  /** `next` of the previous page. */
  after?: string | undefined;
}

/** How a result matched what was typed, best first. */
export type UnitMatch = 'code' | 'code_prefix' | 'full_name' | 'name' | 'name_prefix' | 'similar' | 'list';

const MATCHES: readonly UnitMatch[] = ['code', 'code_prefix', 'full_name', 'name', 'name_prefix', 'similar'];

export interface UnitSearchHit extends UnitVersion {
  parentName: string | null;
  match: UnitMatch;
  /** Trigram similarity of the accent-free name to what was typed (0 for code and list results). */
  score: number;
}

export interface UnitSearchPage {
  at: IsoDate;
  items: UnitSearchHit[];
  next: string | null;
}

export const SEARCH_LIMIT = { default: 20, max: 100 } as const;

/** Units in force on `at`, best match first; without `q`, in code order (provinces first). */
export async function searchUnits(db: Db, query: UnitSearchQuery): Promise<UnitSearchPage> {
  const at = checkDate(query.at, 'at');
  const limit = Math.min(Math.max(query.limit ?? SEARCH_LIMIT.default, 1), SEARCH_LIMIT.max);
  const text = readSearchText(query.q);
  const rows = await selectSearchPage(db, {
    text,
    level: query.level,
    parent: query.parent,
    at,
    after: query.after ? decodeSearchCursor(query.after) : undefined,
    limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const next =
    rows.length > limit && last
      ? encodeSearchCursor({
          rank: last.rank,
          score: last.score,
          codeLength: last.code_length,
          sortName: last.sort_name,
          code: last.code,
        })
      : null;
  const items = page.map((r) => ({
    ...toVersion(r),
    parentName: r.parent_name,
    match: text ? (MATCHES[r.rank] ?? 'similar') : ('list' as const),
    score: text?.kind === 'name' ? Math.round(r.score * 1000) / 1000 : 0,
  }));
  return { at, items, next };
}
