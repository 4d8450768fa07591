/**
 * SQL of procedure search: the search rows (one per procedure, its version in force), a page of
 * hits, and the facets. The first parameter is always the executor (the database or a transaction).
 */
import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../../platform/db/database.js';
import type { SearchCursor, SearchText } from './search-query.js';
import { toTsQuery } from './search-query.js';

/**
 * Rewrites the search rows of the procedures named (or of all) from the published version in
 * force at `now`, in one statement; drops the rows of those with no version in force. With 'all',
 * rows already holding the version in force are left as they are (versions never change).
 * Returns the rows written and dropped.
 */
export async function refreshSearchRows(
  db: Db,
  procedureIds: readonly string[] | 'all',
  now: Date,
): Promise<{ written: number; dropped: number }> {
  if (procedureIds !== 'all' && procedureIds.length === 0) return { written: 0, dropped: 0 };
  const scope =
    procedureIds === 'all'
      ? sql`NOT EXISTS (SELECT 1 FROM catalogue_search s WHERE s.procedure_id = p.id AND s.version_id = v.id)`
      : sql`p.id = ANY(${[...procedureIds]}::uuid[])`;
  const written = await sql`
    INSERT INTO catalogue_search (procedure_id, version_id, version_number, code, local_code, name, name_key,
      field, field_key, levels, online_level, agencies, document, head, effective_from)
    SELECT p.id, v.id, v.version_number, p.code, p.local_code, v.name, immutable_unaccent(v.name),
      v.field, immutable_unaccent(v.field), v.levels, v.online_level, coalesce(ag.names, '{}'),
      h.head || setweight(to_tsvector('simple', immutable_unaccent(coalesce(rc.names, ''))), 'C') ||
      setweight(to_tsvector('simple', immutable_unaccent(array_to_string(coalesce(ag.names, '{}'), ' '))), 'D'),
      h.head, v.effective_from
    FROM catalogue_procedures p
    CROSS JOIN LATERAL (
      SELECT * FROM catalogue_procedure_versions x
      WHERE x.procedure_id = p.id AND x.status = 'published' AND x.effective_from <= ${now}
      ORDER BY x.effective_from DESC, x.version_number DESC LIMIT 1
    ) v
    LEFT JOIN LATERAL (
      SELECT array_agg(a.name ORDER BY a.first) AS names FROM (
        SELECT name, min(position) AS first FROM catalogue_version_agencies
        WHERE version_id = v.id AND role IN ('competent', 'implementing') GROUP BY name
      ) a
    ) ag ON true
    LEFT JOIN LATERAL (
      -- Each word once: the document only has to find them, and stays small enough to read fast.
      SELECT string_agg(DISTINCT w.word, ' ') AS names FROM (
        SELECT name FROM catalogue_results WHERE version_id = v.id
        UNION ALL SELECT name FROM catalogue_components WHERE version_id = v.id
      ) n CROSS JOIN regexp_split_to_table(lower(n.name), '[^[:alnum:]]+') AS w (word)
      WHERE w.word <> ''
    ) rc ON true
    CROSS JOIN LATERAL (
      SELECT setweight(to_tsvector('simple', immutable_unaccent(concat_ws(' ', v.name, p.code, p.local_code))), 'A') ||
        setweight(to_tsvector('simple', immutable_unaccent(coalesce(v.field, ''))), 'B') AS head
    ) h
    WHERE ${scope}
    ON CONFLICT (procedure_id) DO UPDATE SET version_id = EXCLUDED.version_id,
      version_number = EXCLUDED.version_number, code = EXCLUDED.code, local_code = EXCLUDED.local_code,
      name = EXCLUDED.name, name_key = EXCLUDED.name_key, field = EXCLUDED.field,
      field_key = EXCLUDED.field_key, levels = EXCLUDED.levels, online_level = EXCLUDED.online_level,
      agencies = EXCLUDED.agencies, document = EXCLUDED.document, head = EXCLUDED.head,
      effective_from = EXCLUDED.effective_from`.execute(db);
  const dropScope =
    procedureIds === 'all' ? sql`true` : sql`s.procedure_id = ANY(${[...procedureIds]}::uuid[])`;
  const dropped = await sql`DELETE FROM catalogue_search s WHERE ${dropScope} AND NOT EXISTS (
      SELECT 1 FROM catalogue_procedure_versions x
      WHERE x.procedure_id = s.procedure_id AND x.status = 'published' AND x.effective_from <= ${now})`.execute(
    db,
  );
  return { written: Number(written.numAffectedRows ?? 0), dropped: Number(dropped.numAffectedRows ?? 0) };
}

export interface SearchFilters {
  text: SearchText | undefined;
  field: string | undefined;
  level: string | undefined;
  agency: string | undefined;
  online: string | undefined;
  now: Date;
  after: SearchCursor | undefined;
  /** Rows to fetch: the page size plus one, to know whether a next page exists. */
  limit: number;
  /** `total` counts matches up to this many. */
  totalCap: number;
}

export interface SearchRow {
  code: string;
  name: string;
  name_key: string;
  field: string | null;
  levels: string[];
  online_level: string;
  agencies: string[];
  version_number: number;
  score: number;
}

/**
 * The least pg_trgm word similarity of a typed text to a name: "khai snh" is 0.78 of "… khai
 * sinh", "dang ki ket hon" 0.87 of "… đăng ký kết hôn". Served by the name_key trigram index.
 */
export const WORD_SIMILARITY = 0.6;
/**
 * Typo matching is tried when fewer procedures than this hold the words themselves: a trigram
 * look-up reads hundreds of names for two common syllables, so it is kept for when it is needed.
 */
export const FUZZY_BELOW = 3;
const WEIGHTS = sql`'{0.1, 0.2, 0.4, 1.0}'::float4[]`;

/**
 * The match condition and score of what was typed; browse (nothing typed) scores 0. Words: names,
 * codes or fields holding every word of an alternative first (2 + full-text rank, shorter names
 * higher), then names close by trigrams when typos are tried (0.6..1.5, shorter names higher), then procedures matching
 * through component, result or agency names only (0.3).
 */
function matchOf(
  text: SearchText | undefined,
  fuzzy: boolean,
): { where: RawBuilder<unknown>; score: RawBuilder<unknown> } {
  if (!text) return { where: sql`true`, score: sql`0` };
  if (text.kind === 'code') {
    const like = `${text.prefix}%`;
    return {
      where: sql`(s.code LIKE ${like} OR upper(s.local_code) LIKE ${like})`,
      score: sql`CASE WHEN s.code = ${text.prefix} OR upper(s.local_code) = ${text.prefix} THEN 2 ELSE 1 END`,
    };
  }
  const tsq = sql`to_tsquery('simple', ${toTsQuery(text.alternatives)})`;
  const similar = fuzzy ? sql`${text.key} <% s.name_key` : sql`false`;
  return {
    where: sql`(s.document @@ ${tsq} OR ${similar})`,
    score: sql`CASE WHEN s.head @@ ${tsq} THEN 2 + ts_rank_cd(${WEIGHTS}, s.head, ${tsq}, 2 | 32)
      WHEN ${similar} THEN word_similarity(${text.key}, s.name_key) + 0.5 * similarity(${text.key}, s.name_key)
      ELSE 0.3 END`,
  };
}

/** Whether fewer than FUZZY_BELOW procedures hold the words (then typos are tried). */
async function needsFuzzy(db: Db, text: SearchText & { kind: 'words' }, filters: RawBuilder<unknown>[]) {
  const tsq = sql`to_tsquery('simple', ${toTsQuery(text.alternatives)})`;
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM (SELECT 1 FROM catalogue_search s
    WHERE ${sql.join([...filters, sql`s.document @@ ${tsq}`], sql` AND `)} LIMIT ${FUZZY_BELOW}) x`.execute(
    db,
  );
  return (rows[0]?.n ?? 0) < FUZZY_BELOW;
}

function filtersOf(f: SearchFilters): RawBuilder<unknown>[] {
  const where: RawBuilder<unknown>[] = [sql`s.effective_from <= ${f.now}`];
  if (f.field !== undefined) where.push(sql`s.field_key = immutable_unaccent(${f.field})`);
  if (f.level !== undefined) where.push(sql`s.levels @> ARRAY[${f.level}]::text[]`);
  if (f.agency !== undefined) where.push(sql`s.agencies @> ARRAY[${f.agency}]::text[]`);
  if (f.online !== undefined) where.push(sql`s.online_level = ${f.online}`);
  return where;
}

function afterOf(after: SearchCursor | undefined): RawBuilder<unknown> {
  if (!after) return sql`true`;
  const key = sql`${after.nameKey}::text COLLATE "C"`;
  if (after.mode === 'browse') return sql`(m.name_key, m.code) > (${key}, ${after.code}::text)`;
  return sql`(-m.score, m.name_key, m.code) > (${-after.score}::float8, ${key}, ${after.code}::text)`;
}

/**
 * One page of hits after the cursor, best first (ties by name key, code), and the number of
 * matches counted up to `totalCap + 1`.
 */
export async function selectSearchPage(
  db: Db,
  f: SearchFilters,
): Promise<{ total: number; rows: SearchRow[] }> {
  const filters = filtersOf(f);
  const fuzzy = f.text?.kind === 'words' && (await needsFuzzy(db, f.text, filters));
  const m = matchOf(f.text, fuzzy);
  const order = f.text ? sql`score DESC, name_key, code` : sql`name_key, code`;
  const run = (executor: Db) =>
    sql<SearchRow & { total: number }>`
      WITH m AS MATERIALIZED (
        SELECT s.code, s.name, s.name_key, s.field, s.levels, s.online_level, s.agencies, s.version_number,
          round((${m.score})::numeric, 6)::float8 AS score
        FROM catalogue_search s
        WHERE ${sql.join([...filters, m.where], sql` AND `)}
      )
      SELECT c.total, p.* FROM (SELECT count(*)::int AS total FROM (SELECT 1 FROM m LIMIT ${f.totalCap + 1}) x) c
      LEFT JOIN LATERAL (
        SELECT m.* FROM m WHERE ${afterOf(f.after)} ORDER BY ${order} LIMIT ${f.limit}
      ) p ON true
      ORDER BY ${order}`.execute(executor);
  const page = async (executor: Db) => {
    const { rows } = await run(executor);
    return { total: rows[0]?.total ?? 0, rows: rows.filter((r) => r.code !== null) };
  };
  if (!fuzzy) return page(db);
  return db.transaction().execute(async (trx) => {
    await sql`SELECT set_config('pg_trgm.word_similarity_threshold', ${String(WORD_SIMILARITY)}, true)`.execute(
      trx,
    );
    return page(trx);
  });
}

export interface FacetRows {
  fields: { name: string; count: number }[];
  levels: { level: string; count: number }[];
  agencies: { name: string; count: number }[];
  online: { level: string; count: number }[];
}

/** Counts of the searchable procedures by field, level, agency and online level, largest first. */
export async function selectFacets(db: Db): Promise<FacetRows> {
  const [fields, levels, agencies, online] = await Promise.all([
    sql<{
      name: string;
      count: number;
    }>`SELECT s.field AS name, count(*)::int AS count FROM catalogue_search s
      WHERE s.field IS NOT NULL GROUP BY s.field ORDER BY count DESC, s.field`.execute(db),
    sql<{ level: string; count: number }>`SELECT l AS level, count(*)::int AS count
      FROM catalogue_search s CROSS JOIN unnest(s.levels) l
      GROUP BY l ORDER BY count DESC, l`.execute(db),
    sql<{ name: string; count: number }>`SELECT a AS name, count(*)::int AS count
      FROM catalogue_search s CROSS JOIN unnest(s.agencies) a
      GROUP BY a ORDER BY count DESC, a`.execute(db),
    sql<{ level: string; count: number }>`SELECT s.online_level AS level, count(*)::int AS count
      FROM catalogue_search s GROUP BY s.online_level ORDER BY count DESC, s.online_level`.execute(db),
  ]);
  return { fields: fields.rows, levels: levels.rows, agencies: agencies.rows, online: online.rows };
}

export async function procedureExists(db: Db, code: string): Promise<boolean> {
  const row = await db
    .selectFrom('catalogue_procedures')
    .select('id')
    .where('code', '=', code)
    .executeTakeFirst();
  return row !== undefined;
}
