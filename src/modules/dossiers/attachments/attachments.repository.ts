/** SQL of attachments (dossier_files). The first parameter is always the executor (db or trx). */
import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.js';

export type ScanStatus = 'clean' | 'infected' | 'not_scanned';

export interface NewFileRow {
  id: string;
  uploadedByKind: 'citizen' | 'officer';
  uploadedById: string;
  draftId: string | null;
  slot: number | null;
  dossierId: string | null;
  componentId: string | null;
  sha256: string;
  size: number;
  mediaType: string;
  fileName: string;
  scanStatus: ScanStatus;
  scanDetail: string | null;
  at: Date;
  removedAt: Date | null;
  /** Idempotency-Key of the request and the part's place, for a dossier upload sent under one. */
  requestKey?: string | null;
}

export async function insertFileRow(db: Db, r: NewFileRow): Promise<void> {
  await db
    .insertInto('dossier_files')
    .values({
      id: r.id,
      uploaded_by_kind: r.uploadedByKind,
      uploaded_by_id: r.uploadedById,
      draft_id: r.draftId,
      slot: r.slot,
      dossier_id: r.dossierId,
      component_id: r.componentId,
      sha256: r.sha256,
      size: r.size,
      media_type: r.mediaType,
      file_name: r.fileName,
      scan_status: r.scanStatus,
      scan_detail: r.scanDetail,
      created_at: r.at,
      // A working document waits for the action that carries it (history_id, attached_at).
      attached_at: r.dossierId && r.componentId ? r.at : null,
      removed_at: r.removedAt,
      request_key: r.requestKey ?? null,
    })
    .execute();
}

/** The file a dossier upload stored under this request key, if any. */
export const findFileByRequestKey = (
  db: Db,
  k: { dossierId: string; uploadedById: string; requestKey: string },
) =>
  db
    .selectFrom('dossier_files')
    .selectAll()
    .where('dossier_id', '=', k.dossierId)
    .where('uploaded_by_id', '=', k.uploadedById)
    .where('request_key', '=', k.requestKey)
    .executeTakeFirst();

export const findFileRows = (db: Db, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db.selectFrom('dossier_files').selectAll().where('id', 'in', ids).execute();

export const findFileRow = (db: Db, id: string) =>
  db.selectFrom('dossier_files').selectAll().where('id', '=', id).executeTakeFirst();

/**
 * Serialises everything that decides whether bytes named `key` (a sha-256, or a target id) may be
 * written, referenced or deleted, until the transaction ends.
 */
export async function lockKey(db: Db, key: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`motcua.attachments:${key}`}, 0))`.execute(db);
}

/** Whether any attachment row or citizen document still names these bytes. */
export async function isShaReferenced(db: Db, sha256: string): Promise<boolean> {
  const r = await sql<{ used: boolean }>`
    SELECT EXISTS (SELECT 1 FROM dossier_files WHERE sha256 = ${sha256})
        OR EXISTS (SELECT 1 FROM citizen_documents WHERE sha256 = ${sha256}) AS used`.execute(db);
  return r.rows[0]?.used ?? false;
}

export async function draftExists(db: Db, draftId: string): Promise<boolean> {
  const r = await db.selectFrom('dossier_drafts').select('id').where('id', '=', draftId).executeTakeFirst();
  return r !== undefined;
}

/** The component is the dossier's; without a component (working documents), the dossier exists. */
export async function componentBelongsTo(db: Db, dossierId: string, componentId?: string): Promise<boolean> {
  const r = componentId
    ? await db
        .selectFrom('dossier_components')
        .select('id')
        .where('id', '=', componentId)
        .where('dossier_id', '=', dossierId)
        .executeTakeFirst()
    : await db.selectFrom('dossiers').select('id').where('id', '=', dossierId).executeTakeFirst();
  return r !== undefined;
}

/** Bytes of the files shown in a dossier or in a draft (removed and quarantined ones excluded). */
export async function sumShownBytes(
  db: Db,
  by: { dossierId: string } | { draftId: string },
): Promise<number> {
  const r = await db
    .selectFrom('dossier_files')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('size'), eb.lit(0)).as('total'))
    .where('removed_at', 'is', null)
    .$if('dossierId' in by, (q) => q.where('dossier_id', '=', (by as { dossierId: string }).dossierId))
    .$if('draftId' in by, (q) => q.where('draft_id', '=', (by as { draftId: string }).draftId))
    .executeTakeFirstOrThrow();
  return Number(r.total);
}

/** Marks shown rows removed (kept, no longer shown); returns how many were still shown. */
export async function markRemoved(db: Db, ids: string[], at: Date): Promise<number> {
  if (ids.length === 0) return 0;
  const r = await db
    .updateTable('dossier_files')
    .set({ removed_at: at })
    .where('id', 'in', ids)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Deletes up to `limit` drafts not changed since `before`; their uploads lose draft_id (SET NULL). */
export async function deleteExpiredDrafts(db: Db, before: Date, limit: number): Promise<number> {
  const r = await db
    .deleteFrom('dossier_drafts')
    .where('id', 'in', (eb) =>
      eb.selectFrom('dossier_drafts').select('id').where('updated_at', '<', before).limit(limit),
    )
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

/**
 * Deletes up to `limit` uploads never attached, created before `before`: draft uploads whose draft
 * is gone or was not changed since `draftBefore`, and working documents no action carried; returns
 * the sha-256 of each deleted row.
 * Quarantined (infected) rows stay: an administrator may need them.
 */
export async function deleteOrphanFiles(
  db: Db,
  before: Date,
  draftBefore: Date,
  limit: number,
): Promise<string[]> {
  const rows = await db
    .deleteFrom('dossier_files')
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('dossier_files as f')
        .leftJoin('dossier_drafts as d', 'd.id', 'f.draft_id')
        .select('f.id')
        .where('f.created_at', '<', before)
        .where('f.scan_status', '<>', 'infected')
        .where((w) =>
          w.or([
            w.and([
              w('f.dossier_id', 'is', null),
              w.or([w('d.id', 'is', null), w('d.updated_at', '<', draftBefore)]),
            ]),
            w.and([
              w('f.dossier_id', 'is not', null),
              w('f.component_id', 'is', null),
              w('f.history_id', 'is', null),
              w('f.attached_at', 'is', null),
            ]),
          ]),
        )
        .limit(limit),
    )
    .returning('sha256')
    .execute();
  return rows.map((r) => r.sha256);
}
