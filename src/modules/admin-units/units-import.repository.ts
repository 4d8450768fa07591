/**
 * SQL of the unit import: each table is brought to exactly the rows of a build by comparing, in
 * one statement each, a temporary table loaded in bulk (json_to_recordset, one parameter) with the
 * stored rows: delete what the build no longer has, update what differs, insert what is new. The
 * caller runs all of it in one transaction. Identifiers here are constants of this file.
 */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import type { ImportAnomaly } from './import/index.js';

export interface TableChanges {
  inserted: number;
  updated: number;
  deleted: number;
  unchanged: number;
}

/** A stored table as the import writes it: key columns first, then the others, with SQL types. */
export interface SyncedTable {
  table: 'admin_unit_versions' | 'admin_unit_aliases' | 'admin_unit_mappings' | 'admin_unit_profiles';
  key: readonly string[];
  columns: readonly (readonly [name: string, type: string])[];
}

const countOf = async (db: Db, query: ReturnType<typeof sql>) =>
  Number(
    (await sql<{ n: number }>`WITH changed AS (${query}) SELECT count(*)::int AS n FROM changed`.execute(db))
      .rows[0]?.n ?? 0,
  );

/** Makes `spec.table` hold exactly `rows` (objects keyed by column name); returns what changed. */
export async function syncTable(
  db: Db,
  spec: SyncedTable,
  rows: readonly Record<string, unknown>[],
): Promise<TableChanges> {
  const target = sql.table(spec.table);
  const incoming = sql.table(`incoming_${spec.table}`);
  const names = spec.columns.map(([name]) => name);
  const ref = (alias: string, name: string) => sql.ref(`${alias}.${name}`);
  const list = (alias: string, cols: readonly string[]) => sql.join(cols.map((c) => ref(alias, c)));
  const definition = sql.join(spec.columns.map(([name, type]) => sql`${sql.ref(name)} ${sql.raw(type)}`));
  const sameKey = sql.join(
    spec.key.map((k) => sql`${ref('s', k)} = ${ref('t', k)}`),
    sql` AND `,
  );
  const others = names.filter((n) => !spec.key.includes(n));

  await sql`DROP TABLE IF EXISTS ${incoming}`.execute(db);
  await sql`CREATE TEMP TABLE ${incoming} ON COMMIT DROP AS
    SELECT * FROM json_to_recordset(${JSON.stringify(rows)}::json) AS r(${definition})`.execute(db);
  const deleted = await countOf(
    db,
    sql`DELETE FROM ${target} t WHERE NOT EXISTS (SELECT 1 FROM ${incoming} s WHERE ${sameKey}) RETURNING 1`,
  );
  const updated = await countOf(
    db,
    sql`UPDATE ${target} t SET ${sql.join(others.map((c) => sql`${sql.ref(c)} = ${ref('s', c)}`))}
      FROM ${incoming} s WHERE ${sameKey} AND (${list('t', others)}) IS DISTINCT FROM (${list('s', others)})
      RETURNING 1`,
  );
  const inserted = await countOf(
    db,
    sql`INSERT INTO ${target} (${sql.join(names.map((n) => sql.ref(n)))})
      SELECT ${list('s', names)} FROM ${incoming} s
      WHERE NOT EXISTS (SELECT 1 FROM ${target} t WHERE ${sameKey}) RETURNING 1`,
  );
  return { inserted, updated, deleted, unchanged: rows.length - inserted - updated };
}

/**
 * After a bulk change: the name index's pending list merged (searches would scan it otherwise) and
 * fresh planner statistics (the search plans depend on them).
 */
export async function settleUnitTables(db: Db): Promise<void> {
  // Only the index's owner may flush it; a database user without that right skips this step.
  await sql`DO $$ BEGIN
      PERFORM gin_clean_pending_list('admin_unit_versions_name_trgm_idx'::regclass);
    EXCEPTION WHEN insufficient_privilege THEN NULL;
    END $$`.execute(db);
  await sql`ANALYZE admin_unit_versions, admin_unit_aliases, admin_unit_mappings, admin_unit_profiles`.execute(
    db,
  );
}

/** Serialises imports: a second import waits for the first to commit, then finds nothing to do. */
export async function lockImports(db: Db): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(727002)`.execute(db);
}

export interface ImportRunRecord {
  id: string;
  importedAt: Date;
  datasetSha256: string | null;
  buildSha256: string;
  importerVersion: number;
  counts: unknown;
  changes: unknown;
  anomalyCounts: Record<string, number>;
  anomalyTotal: number;
  durationMs: number;
}

export async function selectLatestRun(db: Db): Promise<ImportRunRecord | undefined> {
  const r = await db
    .selectFrom('admin_unit_imports')
    .selectAll()
    .orderBy('imported_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!r) return undefined;
  return {
    id: r.id,
    importedAt: new Date(r.imported_at),
    datasetSha256: r.dataset_sha256,
    buildSha256: r.build_sha256,
    importerVersion: r.importer_version,
    counts: r.counts,
    changes: r.changes,
    anomalyCounts: r.anomaly_counts as Record<string, number>,
    anomalyTotal: r.anomaly_total,
    durationMs: r.duration_ms,
  };
}

export async function insertRun(
  db: Db,
  run: ImportRunRecord,
  anomalies: readonly ImportAnomaly[],
): Promise<void> {
  await db
    .insertInto('admin_unit_imports')
    .values({
      id: run.id,
      imported_at: run.importedAt,
      dataset_sha256: run.datasetSha256,
      build_sha256: run.buildSha256,
      importer_version: run.importerVersion,
      counts: JSON.stringify(run.counts),
      changes: JSON.stringify(run.changes),
      anomaly_counts: JSON.stringify(run.anomalyCounts),
      anomaly_total: run.anomalyTotal,
      duration_ms: run.durationMs,
    })
    .execute();
  const rows = anomalies.map((a, i) => ({
    seq: i + 1,
    kind: a.kind,
    severity: a.severity,
    source: a.source,
    source_row: a.row,
    field: a.field,
    codes: a.codes,
    message_vi: a.messageVi,
    message_en: a.messageEn,
  }));
  await sql`INSERT INTO admin_unit_import_anomalies
      (import_id, seq, kind, severity, source, source_row, field, codes, message_vi, message_en)
    SELECT ${run.id}::uuid, r.seq, r.kind, r.severity, r.source, r.source_row, r.field, r.codes, r.message_vi, r.message_en
    FROM json_to_recordset(${JSON.stringify(rows)}::json) AS r(seq int, kind text, severity text, source text,
      source_row int, field text, codes text[], message_vi text, message_en text)`.execute(db);
}

export interface AnomalyFilter {
  importId: string;
  kind?: string | undefined;
  code?: string | undefined;
  afterSeq?: number | undefined;
  limit: number;
}

/** Anomalies of one run in report order, optionally of one kind or about one code. */
export async function selectAnomalies(
  db: Db,
  f: AnomalyFilter,
): Promise<(ImportAnomaly & { seq: number })[]> {
  let q = db
    .selectFrom('admin_unit_import_anomalies')
    .selectAll()
    .where('import_id', '=', f.importId)
    .orderBy('seq')
    .limit(f.limit);
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.code) q = q.where('codes', '@>', sql<string[]>`ARRAY[${f.code}]::text[]`);
  if (f.afterSeq !== undefined) q = q.where('seq', '>', f.afterSeq);
  const rows = await q.execute();
  return rows.map((r) => ({
    seq: r.seq,
    kind: r.kind as ImportAnomaly['kind'],
    severity: r.severity as ImportAnomaly['severity'],
    source: r.source as ImportAnomaly['source'],
    row: r.source_row,
    field: r.field,
    codes: r.codes,
    messageVi: r.message_vi,
    messageEn: r.message_en,
  }));
}
