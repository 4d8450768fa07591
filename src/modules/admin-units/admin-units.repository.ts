/**
 * SQL of unit look-ups: versions at a date, aliases, crosswalk edges, profiles and search. The first
 * parameter is always the executor (the database or an open transaction). Dates are local dates
 * written YYYY-MM-DD; a version's valid_to is its last day in force.
 */
import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import type {
  CrosswalkEdge,
  Edition,
  IsoDate,
  UnitLevel,
  UnitProfile,
  UnitType,
  UnitVersion,
} from './import/index.js';
import type { SearchCursor, SearchText } from './unit-search.js';

interface VersionRow {
  code: string;
  edition: string;
  level: string;
  type: string;
  name: string;
  full_name: string;
  name_en: string | null;
  full_name_en: string | null;
  parent_code: string | null;
  province_code: string;
  valid_from: string | null;
  valid_to: string | null;
  alt_names: string[];
}

const VERSION_COLUMNS = sql`v.code, v.edition, v.level, v.type, v.name, v.full_name, v.name_en, v.full_name_en,
  v.parent_code, v.province_code, to_char(v.valid_from, 'YYYY-MM-DD') AS valid_from,
  to_char(v.valid_to, 'YYYY-MM-DD') AS valid_to, v.alt_names`;

export const toVersion = (r: VersionRow): UnitVersion => ({
  code: r.code,
  level: r.level as UnitLevel,
  type: r.type as UnitType,
  name: r.name,
  fullName: r.full_name,
  nameEn: r.name_en,
  fullNameEn: r.full_name_en,
  parentCode: r.parent_code,
  provinceCode: r.province_code,
  validFrom: r.valid_from,
  validTo: r.valid_to,
  altNames: r.alt_names,
  edition: r.edition as Edition,
});

const day = (date: IsoDate) => sql`${date}::date`;

/** The version of `code` in force on `date` (no alias resolution). */
export async function selectVersionAt(db: Db, code: string, date: IsoDate): Promise<UnitVersion | undefined> {
  const { rows } = await sql<VersionRow>`SELECT ${VERSION_COLUMNS} FROM admin_unit_versions v
    WHERE v.code = ${code} AND v.validity @> ${day(date)}`.execute(db);
  return rows[0] ? toVersion(rows[0]) : undefined;
}

/** The versions of several codes in force on `date`, provinces first. */
export async function selectVersionsAt(
  db: Db,
  codes: readonly string[],
  date: IsoDate,
): Promise<UnitVersion[]> {
  if (codes.length === 0) return [];
  const { rows } = await sql<VersionRow>`SELECT ${VERSION_COLUMNS} FROM admin_unit_versions v
    WHERE v.code = ANY(${[...codes]}::text[]) AND v.validity @> ${day(date)}
    ORDER BY length(v.code), v.code`.execute(db);
  return rows.map(toVersion);
}

/** Every version of a code, oldest first. */
export async function selectVersionsOf(db: Db, code: string): Promise<UnitVersion[]> {
  const { rows } = await sql<VersionRow>`SELECT ${VERSION_COLUMNS} FROM admin_unit_versions v
    WHERE v.code = ${code} ORDER BY v.valid_from NULLS FIRST`.execute(db);
  return rows.map(toVersion);
}

/** The code an alias stands for on `date`; with no date, on any date. */
export async function selectAliasTarget(db: Db, alias: string, date?: IsoDate): Promise<string | undefined> {
  const when = date === undefined ? sql`true` : sql`a.validity @> ${day(date)}`;
  const { rows } = await sql<{ code: string }>`SELECT a.code FROM admin_unit_aliases a
    WHERE a.alias = ${alias} AND ${when} ORDER BY a.valid_from NULLS FIRST LIMIT 1`.execute(db);
  return rows[0]?.code;
}

interface EdgeRow {
  old_code: string | null;
  old_level: string | null;
  old_name: string;
  new_code: string;
  new_name: string;
  kind: string;
  change: string;
  note: string;
  effective_from: string;
  source_old_code: string | null;
  source_new_code: string;
  source_row: number;
}

const toEdge = (r: EdgeRow): CrosswalkEdge => ({
  oldCode: r.old_code,
  oldLevel: r.old_level as UnitLevel | null,
  oldName: r.old_name,
  newCode: r.new_code,
  newName: r.new_name,
  kind: r.kind as CrosswalkEdge['kind'],
  change: r.change as CrosswalkEdge['change'],
  note: r.note,
  effectiveFrom: r.effective_from,
  sourceOldCode: r.source_old_code,
  sourceNewCode: r.source_new_code,
  row: r.source_row,
});

const EDGE_COLUMNS = sql`m.old_code, m.old_level, m.old_name, m.new_code, m.new_name, m.kind, m.change, m.note,
  to_char(m.effective_from, 'YYYY-MM-DD') AS effective_from, m.source_old_code, m.source_new_code, m.source_row`;

/** Edges from an old code, by new code (the order of UnitIndex.successorsOf). */
export async function selectEdgesFrom(db: Db, oldCode: string): Promise<CrosswalkEdge[]> {
  const { rows } = await sql<EdgeRow>`SELECT ${EDGE_COLUMNS} FROM admin_unit_mappings m
    WHERE m.old_code = ${oldCode} ORDER BY m.new_code, m.source_row`.execute(db);
  return rows.map(toEdge);
}

/** Edges into a new code, by old code, the edge without an old code first. */
export async function selectEdgesInto(db: Db, newCode: string): Promise<CrosswalkEdge[]> {
  const { rows } = await sql<EdgeRow>`SELECT ${EDGE_COLUMNS} FROM admin_unit_mappings m
    WHERE m.new_code = ${newCode} ORDER BY m.old_code NULLS FIRST, m.source_row`.execute(db);
  return rows.map(toEdge);
}

export async function selectProfile(db: Db, code: string): Promise<UnitProfile | undefined> {
  const row = await db
    .selectFrom('admin_unit_profiles')
    .selectAll()
    .where('code', '=', code)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    code: row.code,
    areaKm2: row.area_km2,
    population: row.population,
    adminCentre: row.admin_centre,
    longitude: row.longitude,
    latitude: row.latitude,
    mergedFromText: row.merged_from_text,
    row: row.source_row,
  };
}

export interface SearchFilters {
  text: SearchText | undefined;
  level: UnitLevel | undefined;
  parent: string | undefined;
  at: IsoDate;
  after: SearchCursor | undefined;
  limit: number;
}

export interface SearchRow extends VersionRow {
  parent_name: string | null;
  rank: number;
  score: number;
  code_length: number;
  sort_name: string;
}

/**
 * The least trigram similarity of a fuzzy match. pg_trgm's `%` (0.3, served by the index) finds
 * candidates; at 0.3 "ba dinh" also finds every "Định …" (0.42), while a typo such as "dong treu"
 * for "dong trieu" scores 0.62 and a lone word such as "trieu" 0.55.
 */
const MIN_SIMILARITY = 0.45;

/**
 * How a version matches: rank (0 code, 1 code prefix, 2 full name, 3 name, 4 name prefix,
 * 5 similar) and a similarity score, plus the condition that finds candidates through an index.
 */
function matchOf(text: SearchText | undefined, at: IsoDate) {
  if (!text) return { rank: sql`0`, score: sql`0::real`, sortName: sql`''`, where: sql`true` };
  if (text.kind === 'code') {
    const aliased = sql`v.code IN (SELECT a.code FROM admin_unit_aliases a
      WHERE a.alias = ${text.code} AND a.validity @> ${day(at)})`;
    return {
      rank: sql`CASE WHEN v.code = ${text.code} OR ${aliased} THEN 0 ELSE 1 END`,
      score: sql`0::real`,
      sortName: sql`''`,
      where: sql`(v.code LIKE ${`${text.code}%`} OR ${aliased})`,
    };
  }
  const name = sql`v.search_name`;
  const core = sql`immutable_unaccent(${text.core})`;
  const prefix = sql`${name} LIKE immutable_unaccent(${text.core.replace(/[\\%_]/g, '\\$&')}) || '%'`;
  return {
    rank: sql`CASE WHEN immutable_unaccent(v.full_name) = immutable_unaccent(${text.full}) THEN 2
      WHEN ${name} = ${core} THEN 3 WHEN ${prefix} THEN 4 ELSE 5 END`,
    score: sql`similarity(${name}, ${core})::real`,
    sortName: name,
    where: sql`(${prefix} OR (${name} % ${core} AND similarity(${name}, ${core}) >= ${MIN_SIMILARITY}))`,
  };
}

/** One page of versions in force on `at`, best match first, after the cursor. */
export async function selectSearchPage(db: Db, f: SearchFilters): Promise<SearchRow[]> {
  const m = matchOf(f.text, f.at);
  const filters: RawBuilder<unknown>[] = [sql`v.validity @> ${day(f.at)}`, m.where];
  if (f.level) filters.push(sql`v.level = ${f.level}`);
  if (f.parent) filters.push(sql`v.parent_code = ${f.parent}`);
  const after = f.after
    ? sql`WHERE (h.rank, -h.score, h.code_length, h.sort_name, h.code) >
        (${f.after.rank}::int, ${-f.after.score}::real, ${f.after.codeLength}::int, ${f.after.sortName}::text, ${f.after.code}::text)`
    : sql``;
  const order = sql`rank, score DESC, code_length, sort_name, code`;
  // The parent's name is looked up for the page's rows only, through the (code, validity) index.
  const { rows } = await sql<SearchRow>`
    WITH hits AS (
      SELECT ${VERSION_COLUMNS}, ${m.rank}::int AS rank, ${m.score} AS score, length(v.code) AS code_length,
        ${m.sortName}::text AS sort_name
      FROM admin_unit_versions v
      WHERE ${sql.join(filters, sql` AND `)}
    ), page AS (
      SELECT * FROM hits h ${after} ORDER BY ${order} LIMIT ${f.limit}
    )
    SELECT page.*, (SELECT p.full_name FROM admin_unit_versions p
      WHERE p.code = page.parent_code AND p.validity @> ${day(f.at)}) AS parent_name
    FROM page ORDER BY ${order}`.execute(db);
  return rows;
}

/** True when at least one unit version is stored. */
export async function hasUnits(db: Db): Promise<boolean> {
  const row = await db.selectFrom('admin_unit_versions').select('code').limit(1).executeTakeFirst();
  return row !== undefined;
}
