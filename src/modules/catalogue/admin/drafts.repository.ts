/** SQL of the catalogue's administration: drafts, their publications, the procedure list. */
import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.js';
import type { ProcedureContent } from '../content.js';

export interface DraftRow {
  id: string;
  procedureId: string;
  basedOnVersionId: string;
  content: ProcedureContent;
  createdBy: string;
  createdAt: Date;
  updatedBy: string;
  updatedAt: Date;
  rowVersion: number;
}

const DRAFT_COLUMNS = [
  'id',
  'procedure_id',
  'based_on_version_id',
  'content',
  'created_by',
  'created_at',
  'updated_by',
  'updated_at',
  'row_version',
] as const;

function toDraft(r: {
  id: string;
  procedure_id: string;
  based_on_version_id: string;
  content: unknown;
  created_by: string;
  created_at: Date;
  updated_by: string;
  updated_at: Date;
  row_version: number;
}): DraftRow {
  return {
    id: r.id,
    procedureId: r.procedure_id,
    basedOnVersionId: r.based_on_version_id,
    content: r.content as ProcedureContent,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedBy: r.updated_by,
    updatedAt: r.updated_at,
    rowVersion: r.row_version,
  };
}

export async function selectDraft(db: Db, procedureId: string, lock = false): Promise<DraftRow | undefined> {
  let q = db.selectFrom('catalogue_drafts').select(DRAFT_COLUMNS).where('procedure_id', '=', procedureId);
  if (lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row ? toDraft(row) : undefined;
}

/** Inserts the procedure's draft unless one exists (then nothing): the caller reads it back. */
export async function insertDraft(
  db: Db,
  d: {
    id: string;
    procedureId: string;
    basedOnVersionId: string;
    content: ProcedureContent;
    by: string;
    now: Date;
  },
): Promise<void> {
  await db
    .insertInto('catalogue_drafts')
    .values({
      id: d.id,
      procedure_id: d.procedureId,
      based_on_version_id: d.basedOnVersionId,
      content: JSON.stringify(d.content),
      created_by: d.by,
      created_at: d.now,
      updated_by: d.by,
      updated_at: d.now,
    })
    .onConflict((oc) => oc.column('procedure_id').doNothing())
    .execute();
}

/** Saves new content if the row version is still `expected`; false when someone saved in between. */
export async function updateDraftContent(
  db: Db,
  id: string,
  expected: number,
  content: ProcedureContent,
  by: string,
  now: Date,
): Promise<boolean> {
  const r = await db
    .updateTable('catalogue_drafts')
    .set({
      content: JSON.stringify(content),
      updated_by: by,
      updated_at: now,
      row_version: sql`row_version + 1`,
    })
    .where('id', '=', id)
    .where('row_version', '=', expected)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function deleteDraft(db: Db, id: string): Promise<void> {
  await db.deleteFrom('catalogue_drafts').where('id', '=', id).execute();
}

export async function insertPublication(
  db: Db,
  p: { draftId: string; procedureId: string; versionId: string; requestKey: string | null; now: Date },
): Promise<void> {
  await db
    .insertInto('catalogue_draft_publications')
    .values({
      draft_id: p.draftId,
      procedure_id: p.procedureId,
      version_id: p.versionId,
      request_key: p.requestKey,
      published_at: p.now,
    })
    .execute();
}

/** The publication a draft id or a request key made, with the version's number. */
export async function selectPublication(
  db: Db,
  by: { draftId?: string | undefined; requestKey?: string | undefined },
): Promise<{ procedureId: string; versionId: string; versionNumber: number } | undefined> {
  if (!by.draftId && !by.requestKey) return undefined;
  const row = await db
    .selectFrom('catalogue_draft_publications as p')
    .innerJoin('catalogue_procedure_versions as v', 'v.id', 'p.version_id')
    .select(['p.procedure_id', 'p.version_id', 'v.version_number'])
    .where((eb) =>
      eb.or([
        ...(by.draftId ? [eb('p.draft_id', '=', by.draftId)] : []),
        ...(by.requestKey ? [eb('p.request_key', '=', by.requestKey)] : []),
      ]),
    )
    .executeTakeFirst();
  return row
    ? { procedureId: row.procedure_id, versionId: row.version_id, versionNumber: row.version_number }
    : undefined;
}

/** The numbers, hashes and publication times a new version is checked against. */
export async function selectVersionFacts(
  db: Db,
  procedureId: string,
): Promise<{ id: string; number: number; hash: string; nationalHash: string | null; publishedAt: Date }[]> {
  const rows = await db
    .selectFrom('catalogue_procedure_versions')
    .select(['id', 'version_number', 'content_hash', 'national_hash', 'published_at'])
    .where('procedure_id', '=', procedureId)
    .where('status', '=', 'published')
    .orderBy('version_number')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    number: r.version_number,
    hash: r.content_hash,
    nationalHash: r.national_hash,
    publishedAt: r.published_at as Date,
  }));
}

export interface ProcedureListItem {
  code: string;
  name: string;
  versionNumber: number;
  hasDraft: boolean;
}

/**
 * Procedures by code, with the name of their latest version, keyset-paginated on the code; `q`
 * matches the code or the name without diacritics (immutable_unaccent).
 */
export async function selectProcedureList(
  db: Db,
  opts: { q: string; after: string | null; limit: number },
): Promise<ProcedureListItem[]> {
  const pattern = `%${opts.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
  const rows = await sql<{ code: string; name: string; version_number: number; has_draft: boolean }>`
    SELECT p.code, v.name, v.version_number, (d.id IS NOT NULL) AS has_draft
    FROM catalogue_procedures p
    JOIN LATERAL (
      SELECT name, version_number FROM catalogue_procedure_versions
      WHERE procedure_id = p.id AND status = 'published'
      ORDER BY version_number DESC LIMIT 1
    ) v ON true
    LEFT JOIN catalogue_drafts d ON d.procedure_id = p.id
    WHERE (${opts.q} = '' OR p.code LIKE ${pattern}
           OR immutable_unaccent(v.name) LIKE immutable_unaccent(${pattern}))
      AND (${opts.after}::text IS NULL OR p.code > ${opts.after}::text)
    ORDER BY p.code
    LIMIT ${opts.limit}`.execute(db);
  return rows.rows.map((r) => ({
    code: r.code,
    name: r.name,
    versionNumber: r.version_number,
    hasDraft: r.has_draft,
  }));
}

/** Province root agencies (UBND tỉnh without a parent), else every agency without a parent. */
export async function selectProvinceRootIds(db: Db): Promise<string[]> {
  const roots = await db
    .selectFrom('agencies')
    .select(['id', 'kind'])
    .where('parent_id', 'is', null)
    .execute();
  const province = roots.filter((r) => r.kind === 'provincial_committee');
  return (province.length > 0 ? province : roots).map((r) => r.id);
}

export interface AgencyOption {
  id: string;
  code: string;
  name: string;
  kind: string;
}

/** Every agency with its current identifier code, by name. */
export async function selectAgencyOptions(db: Db, at: Date): Promise<AgencyOption[]> {
  const rows = await sql<AgencyOption>`
    SELECT a.id, c.code, a.name, a.kind FROM agencies a
    JOIN agency_codes c ON c.agency_id = a.id
      AND c.valid_from <= (${at}::timestamptz AT TIME ZONE 'Asia/Ho_Chi_Minh')::date
      AND (c.valid_to IS NULL OR c.valid_to > (${at}::timestamptz AT TIME ZONE 'Asia/Ho_Chi_Minh')::date)
    ORDER BY a.sort_key, a.id`.execute(db);
  return rows.rows;
}
