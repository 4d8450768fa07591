/**
 * Tài liệu xử lý: documents an officer attaches to a processing action (a draft decision, an
 * appraisal note, a partner agency's tax notice). The file is uploaded first, bytes durable before
 * the row, attached to nothing; the action that carries it ties it to its history entry in the
 * action's own transaction. One no action carried is removed by the nightly clean-up. Citizens do
 * not see working documents: they are the administration's own papers until a result is returned.
 */
import type { Readable } from 'node:stream';
import type { Db } from '../../platform/db/database.js';
import { notFound, validationError } from '../../platform/errors.js';
import type { Principal } from '../../platform/http/access.js';
import type { AppContext } from '../../platform/module.js';
import { type StoredUpload, storeUpload } from './attachments/index.js';
import { getDossierForCaller } from './dossier-read.service.js';

export interface WorkingFile {
  id: string;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  uploadedById: string;
  createdAt: Date;
  /** The action that carried it; null while it waits for one. */
  historyId: string | null;
  action: string | null;
  actorName: string | null;
  at: Date | null;
}

const notFoundDossier = () =>
  notFound('dossier.not_found', { vi: 'Không tìm thấy hồ sơ.', en: 'Dossier not found.' });

/**
 * Stores one working document of the dossier for the officer. Who may add one (the holder of the
 * current step) is the caller's check; this one checks the officer may see the dossier.
 */
export async function storeWorkingFile(
  ctx: AppContext,
  principal: Principal,
  dossierId: string,
  file: { stream: Readable; fileName: string; requestKey?: string | undefined },
): Promise<StoredUpload> {
  if (principal.kind !== 'officer') {
    file.stream.resume();
    throw notFoundDossier();
  }
  return storeUpload(ctx, {
    stream: file.stream,
    fileName: file.fileName,
    uploader: { kind: 'officer', id: principal.id },
    target: { dossierId, componentId: null },
    ...(file.requestKey ? { requestKey: file.requestKey } : {}),
  });
}

const filesGone = () => {
  const message = {
    vi: 'Một số tài liệu đính kèm không còn, đã được đính kèm vào thao tác khác hoặc không do bạn tải lên: hãy tải lên lại.',
    en: 'Some attached documents are gone, already attached to another action or not uploaded by you: upload them again.',
  };
  return validationError('workflow.files_not_found', message, [{ field: 'files', message }]);
};

/**
 * Ties the officer's waiting working documents to the history entry of the action that carries
 * them; inside that action's transaction. Every id must be a working document of this dossier,
 * uploaded by this officer, clean or not scanned, not yet carried: else workflow.files_not_found.
 */
export async function attachWorkingFiles(
  trx: Db,
  a: { dossierId: string; uploadedById: string; fileIds: string[]; historyId: string; at: Date },
): Promise<number> {
  const ids = [...new Set(a.fileIds)];
  if (ids.length === 0) return 0;
  if (!ids.every((id) => /^[0-9a-f-]{36}$/i.test(id))) throw filesGone();
  const r = await trx
    .updateTable('dossier_files')
    .set({ history_id: a.historyId, attached_at: a.at })
    .where('id', 'in', ids)
    .where('dossier_id', '=', a.dossierId)
    .where('component_id', 'is', null)
    .where('history_id', 'is', null)
    .where('uploaded_by_kind', '=', 'officer')
    .where('uploaded_by_id', '=', a.uploadedById)
    .where('scan_status', '<>', 'infected')
    .where('removed_at', 'is', null)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== ids.length) throw filesGone();
  return ids.length;
}

/**
 * The dossier's working documents in upload order: those carried by an action (with it), and the
 * ones `waitingFor` uploaded that no action carried yet (a refused action keeps them for the retry).
 */
export async function listWorkingFiles(
  db: Db,
  dossierId: string,
  waitingFor?: string,
): Promise<WorkingFile[]> {
  const rows = await db
    .selectFrom('dossier_files as f')
    .leftJoin('dossier_history as h', 'h.id', 'f.history_id')
    .select([
      'f.id',
      'f.file_name',
      'f.media_type',
      'f.size',
      'f.sha256',
      'f.uploaded_by_id',
      'f.created_at',
      'f.history_id',
      'h.action',
      'h.actor_name',
      'h.at',
    ])
    .where('f.dossier_id', '=', dossierId)
    .where('f.component_id', 'is', null)
    .where('f.removed_at', 'is', null)
    .where((w) =>
      waitingFor
        ? w.or([w('f.history_id', 'is not', null), w('f.uploaded_by_id', '=', waitingFor)])
        : w('f.history_id', 'is not', null),
    )
    .orderBy('f.created_at')
    .orderBy('f.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    fileName: r.file_name,
    mediaType: r.media_type,
    size: Number(r.size),
    sha256: r.sha256,
    uploadedById: r.uploaded_by_id,
    createdAt: r.created_at,
    historyId: r.history_id,
    action: r.action,
    actorName: r.actor_name,
    at: r.at,
  }));
}

/**
 * A working document the caller may open: an officer who may see the dossier opens the carried
 * ones and their own waiting ones. Citizens never do (undefined).
 */
export async function findWorkingFile(
  db: Db,
  principal: Principal | null,
  idOrCode: string,
  fileId: string,
): Promise<WorkingFile | undefined> {
  if (principal?.kind !== 'officer') return undefined;
  const d = await getDossierForCaller(db, principal, idOrCode);
  return (await listWorkingFiles(db, d.id, principal.id)).find((f) => f.id === fileId);
}
