/** SQL of drafts (dossier_drafts) and their uploads (dossier_files with draft_id). */
import type { Db } from '../../../platform/db/database.js';
import type { DraftContent } from './draft.js';

export async function insertDraft(
  db: Db,
  r: { id: string; accountId: string; procedureCode: string; content: DraftContent; at: Date },
) {
  await db
    .insertInto('dossier_drafts')
    .values({
      id: r.id,
      account_id: r.accountId,
      procedure_code: r.procedureCode,
      content: JSON.stringify(r.content),
      row_version: 1,
      created_at: r.at,
      updated_at: r.at,
    })
    .execute();
}

export const selectDraft = (db: Db, accountId: string, id: string) =>
  db
    .selectFrom('dossier_drafts')
    .selectAll()
    .where('id', '=', id)
    .where('account_id', '=', accountId)
    .executeTakeFirst();

export const selectDraftFiles = (db: Db, draftId: string) =>
  db
    .selectFrom('dossier_files')
    .select(['id', 'slot', 'file_name', 'media_type', 'size', 'created_at'])
    .where('draft_id', '=', draftId)
    .where('removed_at', 'is', null)
    .where('dossier_id', 'is', null)
    .orderBy('slot')
    .orderBy('created_at')
    .orderBy('id')
    .execute();

export async function updateDraft(
  db: Db,
  r: { id: string; accountId: string; rowVersion: number; content: DraftContent; at: Date },
): Promise<boolean> {
  const res = await db
    .updateTable('dossier_drafts')
    .set((eb) => ({
      content: JSON.stringify(r.content),
      row_version: eb('row_version', '+', 1),
      updated_at: r.at,
    }))
    .where('id', '=', r.id)
    .where('account_id', '=', r.accountId)
    .where('row_version', '=', r.rowVersion)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** The account's drafts, last changed first (a person keeps a handful: no paging needed). */
export const selectDrafts = (db: Db, accountId: string) =>
  db
    .selectFrom('dossier_drafts')
    .select(['id', 'procedure_code', 'updated_at', 'created_at'])
    .where('account_id', '=', accountId)
    .orderBy('updated_at', 'desc')
    .orderBy('id', 'desc')
    .limit(100)
    .execute();

export async function removeDraftFiles(db: Db, draftId: string, ids: string[], at: Date) {
  if (ids.length === 0) return;
  await db
    .updateTable('dossier_files')
    .set({ removed_at: at })
    .where('draft_id', '=', draftId)
    .where('id', 'in', ids)
    .where('removed_at', 'is', null)
    .execute();
}

export async function deleteDraft(db: Db, accountId: string, id: string, at: Date) {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('dossier_files')
      .set({ removed_at: at })
      .where('draft_id', '=', id)
      .where('dossier_id', 'is', null)
      .where('removed_at', 'is', null)
      .execute();
    await trx.deleteFrom('dossier_drafts').where('id', '=', id).where('account_id', '=', accountId).execute();
  });
}

export async function findDossierCodeByKey(db: Db, caller: string, key: string) {
  const r = await db
    .selectFrom('dossier_submissions as s')
    .innerJoin('dossiers as d', 'd.id', 's.dossier_id')
    .select('d.code')
    .where('s.caller', '=', caller)
    .where('s.idempotency_key', '=', key)
    .executeTakeFirst();
  return r?.code ?? null;
}
