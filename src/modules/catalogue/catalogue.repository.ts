/** SQL of the catalogue: procedures, versions and everything a version holds. */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import type { DB } from '../../platform/db/schema.js';
import { newId } from '../../platform/ids.js';
import type { ProcedureContent } from './content.js';
import { childRows, resolveWorkflowAgencies } from './version-rows.js';

export interface VersionMeta {
  versionNumber: number;
  effectiveFrom: Date;
  publishedAt: Date;
  publishedBy: string;
  contentHash: string;
  /** sha-256 of the national record's content before local parts were merged (migration 0013). */
  nationalHash?: string | null;
}

export interface VersionRow extends VersionMeta {
  id: string;
  procedureId: string;
  code: string;
  localCode: string | null;
}

export async function lockCatalogue(trx: Db): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(727011)`.execute(trx);
}

export interface IndexedVersion {
  /** Undefined for a version planned in this run, not yet written. */
  id?: string;
  number: number;
  hash: string;
  /** The national record's hash (content_hash for versions older than the column). */
  nationalHash: string;
}

/** Every procedure's id and its published versions' numbers and hashes, by code. */
export async function selectVersionIndex(
  db: Db,
): Promise<Map<string, { id: string; versions: IndexedVersion[] }>> {
  const rows = await db
    .selectFrom('catalogue_procedures as p')
    .leftJoin('catalogue_procedure_versions as v', (j) =>
      j.onRef('v.procedure_id', '=', 'p.id').on('v.status', '=', 'published'),
    )
    .select(['p.id', 'p.code', 'v.id as version_id', 'v.version_number', 'v.content_hash', 'v.national_hash'])
    .orderBy('p.code')
    .orderBy('v.version_number')
    .execute();
  const index = new Map<string, { id: string; versions: IndexedVersion[] }>();
  for (const r of rows) {
    const entry = index.get(r.code) ?? { id: r.id, versions: [] };
    if (r.version_number !== null && r.content_hash !== null && r.version_id !== null)
      entry.versions.push({
        id: r.version_id,
        number: r.version_number,
        hash: r.content_hash,
        nationalHash: r.national_hash ?? r.content_hash,
      });
    index.set(r.code, entry);
  }
  return index;
}

export async function insertProcedure(
  db: Db,
  code: string,
  localCode: string | null,
  now: Date,
): Promise<string> {
  const id = newId();
  await db
    .insertInto('catalogue_procedures')
    .values({ id, code, local_code: localCode, created_at: now })
    .execute();
  return id;
}

/** Every version of a procedure, oldest first. */
export async function selectVersions(db: Db, procedureId: string): Promise<VersionRow[]> {
  const rows = await db
    .selectFrom('catalogue_procedure_versions as v')
    .innerJoin('catalogue_procedures as p', 'p.id', 'v.procedure_id')
    .select([
      'v.id',
      'v.procedure_id',
      'p.code',
      'p.local_code',
      'v.version_number',
      'v.effective_from',
      'v.published_at',
      'v.published_by',
      'v.content_hash',
    ])
    .where('v.procedure_id', '=', procedureId)
    .where('v.status', '=', 'published')
    .orderBy('v.version_number')
    .execute();
  return rows.map(toVersionRow);
}

function toVersionRow(r: {
  id: string;
  procedure_id: string;
  code: string;
  local_code: string | null;
  version_number: number;
  effective_from: Date | null;
  published_at: Date | null;
  published_by: string | null;
  content_hash: string;
}): VersionRow {
  return {
    id: r.id,
    procedureId: r.procedure_id,
    code: r.code,
    localCode: r.local_code,
    versionNumber: r.version_number,
    effectiveFrom: r.effective_from as Date,
    publishedAt: r.published_at as Date,
    publishedBy: r.published_by as string,
    contentHash: r.content_hash,
  };
}

/** The published version in force at an instant: the latest effective at or before it. */
export async function selectVersionAt(db: Db, code: string, at: Date): Promise<VersionRow | undefined> {
  const row = await db
    .selectFrom('catalogue_procedure_versions as v')
    .innerJoin('catalogue_procedures as p', 'p.id', 'v.procedure_id')
    .select([
      'v.id',
      'v.procedure_id',
      'p.code',
      'p.local_code',
      'v.version_number',
      'v.effective_from',
      'v.published_at',
      'v.published_by',
      'v.content_hash',
    ])
    .where('p.code', '=', code)
    .where('v.status', '=', 'published')
    .where('v.effective_from', '<=', at)
    .orderBy('v.effective_from', 'desc')
    .orderBy('v.version_number', 'desc')
    .executeTakeFirst();
  return row ? toVersionRow(row) : undefined;
}

export async function selectAllProcedures(
  db: Db,
): Promise<{ id: string; code: string; localCode: string | null }[]> {
  const rows = await db
    .selectFrom('catalogue_procedures')
    .select(['id', 'code', 'local_code'])
    .orderBy('code')
    .execute();
  return rows.map((r) => ({ id: r.id, code: r.code, localCode: r.local_code }));
}

export interface NewVersion {
  procedureId: string;
  content: ProcedureContent;
  meta: VersionMeta;
}

/** Inserts rows in chunks that stay under PostgreSQL's 65,535 parameters. */
async function insertChunked<R extends Record<string, unknown>>(
  trx: Db,
  table: string,
  rows: R[],
): Promise<void> {
  const columns = Object.keys(rows[0] ?? {}).length || 1;
  const size = Math.max(1, Math.floor(60_000 / columns));
  for (let i = 0; i < rows.length; i += size) {
    // One helper for every child table of a version: the rows are built per table in childRows().
    await trx
      .insertInto(table as keyof DB)
      .values(rows.slice(i, i + size) as never)
      .execute();
  }
}

/**
 * Inserts versions as drafts with all their rows, then publishes them in one statement: from then
 * on the triggers of migration 0011 keep them immutable.
 */
export async function insertVersions(trx: Db, items: NewVersion[], now: Date): Promise<string[]> {
  const ids = items.map(() => newId());
  const versionRows = items.map(({ procedureId, content: c, meta }, i) => ({
    id: ids[i] as string,
    procedure_id: procedureId,
    version_number: meta.versionNumber,
    status: 'draft',
    content_hash: meta.contentHash,
    national_hash: meta.nationalHash ?? null,
    name: c.name,
    field: c.field,
    levels: c.levels,
    procedure_type: c.procedureType,
    steps_text: c.stepsText,
    conditions_text: c.conditionsText,
    online_level: c.onlineLevel,
    online_level_source: c.onlineLevelSource,
    cut_off: c.cutOff === null ? null : JSON.stringify(c.cutOff),
    decision_number: c.decisionNumber,
    decision_date: c.decisionDate,
    disclosed_on: c.disclosedOn,
    source: JSON.stringify(c.source),
    parse_issues: JSON.stringify(c.parseIssues),
    created_at: now,
  }));
  await insertChunked(trx, 'catalogue_procedure_versions', versionRows);
  const agencyIds = await resolveWorkflowAgencies(
    trx,
    items.map((item) => item.content),
  );
  const children = childRows(
    items.map((item, i) => ({ id: ids[i] as string, content: item.content })),
    now,
    agencyIds,
  );
  for (const [table, rows] of Object.entries(children))
    if (rows.length) await insertChunked(trx, table, rows);
  // Publish in one statement per 1,000 versions: (id, effective_from, published_at, published_by).
  for (let i = 0; i < items.length; i += 1000) {
    const values = items
      .slice(i, i + 1000)
      .map(
        ({ meta }, j) =>
          sql`(${ids[i + j]}::uuid, ${meta.effectiveFrom}::timestamptz, ${meta.publishedAt}::timestamptz, ${meta.publishedBy}::text)`,
      );
    await sql`UPDATE catalogue_procedure_versions AS v
      SET status = 'published', effective_from = p.effective_from, published_at = p.published_at, published_by = p.published_by
      FROM (VALUES ${sql.join(values)}) AS p (id, effective_from, published_at, published_by)
      WHERE v.id = p.id`.execute(trx);
  }
  return ids;
}
