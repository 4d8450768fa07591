/**
 * Hồ sơ nháp (drafts) of online intake: create, load, save under a row_version guard, list, delete;
 * uploads into a draft slot; photos of one slot merged into one PDF (Ghép ảnh thành PDF); and the
 * submission of a draft through submitDossier, with the draft's own idempotency key.
 */
import type { Readable } from 'node:stream';
import { conflict, notFound } from '../../../platform/errors.js';
import type { Principal } from '../../../platform/http/access.js';
import { newId } from '../../../platform/ids.js';
import type { AppContext } from '../../../platform/module.js';
import { mergePhotoUploads, type StoredUpload, storeUpload } from '../attachments/index.js';
import { type SubmitOutcome, submitDossier } from '../submission.service.js';
import type { NewDossierInput } from '../submission-input.js';
import { type Draft, type DraftContent, type DraftFile, PHOTO_TYPES } from './draft.js';
import * as repo from './drafts.repository.js';

type Ctx = Pick<AppContext, 'db' | 'clock'>;

export const draftNotFound = () =>
  notFound('draft.not_found', {
    vi: 'Không tìm thấy hồ sơ nháp (có thể đã được nộp hoặc đã xóa).',
    en: 'The draft was not found (it may have been submitted or deleted).',
  });

export async function createDraft(
  ctx: Ctx,
  accountId: string,
  procedureCode: string,
  content: DraftContent,
): Promise<Draft> {
  const now = ctx.clock.now();
  const id = newId();
  await repo.insertDraft(ctx.db, { id, accountId, procedureCode, content, at: now });
  return getDraft(ctx, accountId, id);
}

const isDraftId = (id: string) => /^[0-9a-f-]{36}$/i.test(id);

/** The draft of this account with its shown files; another account's draft is not found. */
export async function getDraft(ctx: Pick<Ctx, 'db'>, accountId: string, id: string): Promise<Draft> {
  const row = isDraftId(id) ? await repo.selectDraft(ctx.db, accountId, id) : undefined;
  if (!row) throw draftNotFound();
  const files = await repo.selectDraftFiles(ctx.db, id);
  return {
    id: row.id,
    accountId: row.account_id,
    procedureCode: row.procedure_code,
    content: row.content as unknown as DraftContent,
    rowVersion: row.row_version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    files: files.map(
      (f): DraftFile => ({
        id: f.id,
        slot: f.slot ?? -1,
        fileName: f.file_name,
        mediaType: f.media_type,
        size: Number(f.size),
        createdAt: f.created_at,
      }),
    ),
  };
}

/** Saves the content if nobody saved since `rowVersion` (another tab, another device): else 409. */
export async function saveDraft(
  ctx: Ctx,
  accountId: string,
  id: string,
  rowVersion: number,
  content: DraftContent,
): Promise<Draft> {
  if (!isDraftId(id)) throw draftNotFound();
  const saved = await repo.updateDraft(ctx.db, { id, accountId, rowVersion, content, at: ctx.clock.now() });
  if (!saved) {
    await getDraft(ctx, accountId, id);
    throw conflict('draft.changed', {
      vi: 'Bản nháp vừa được lưu từ nơi khác. Hãy kiểm tra lại rồi lưu lần nữa.',
      en: 'The draft was just saved elsewhere. Check it, then save again.',
    });
  }
  return getDraft(ctx, accountId, id);
}

export const listDrafts = (ctx: Pick<Ctx, 'db'>, accountId: string) => repo.selectDrafts(ctx.db, accountId);

/** Deletes the draft; its uploads are marked removed (the nightly clean-up drops the bytes). */
export async function deleteDraft(ctx: Ctx, accountId: string, id: string): Promise<void> {
  await getDraft(ctx, accountId, id);
  await repo.deleteDraft(ctx.db, accountId, id, ctx.clock.now());
}

export async function addDraftUpload(
  ctx: AppContext,
  accountId: string,
  draftId: string,
  slot: number,
  file: { stream: Readable; fileName: string },
): Promise<StoredUpload> {
  try {
    await getDraft(ctx, accountId, draftId);
  } catch (e) {
    file.stream.resume();
    throw e;
  }
  return storeUpload(ctx, {
    stream: file.stream,
    fileName: file.fileName,
    uploader: { kind: 'citizen', id: accountId },
    target: { draftId, slot },
  });
}

export async function removeDraftFile(ctx: Ctx, accountId: string, draftId: string, fileId: string) {
  const d = await getDraft(ctx, accountId, draftId);
  if (!d.files.some((f) => f.id === fileId)) {
    throw notFound('draft.file_not_found', { vi: 'Không tìm thấy tệp.', en: 'File not found.' });
  }
  await repo.removeDraftFiles(ctx.db, draftId, [fileId], ctx.clock.now());
}

/** Ghép ảnh thành PDF: the JPEG/PNG photos of the slot, in upload order, become one PDF. */
export async function mergeDraftPhotos(
  ctx: AppContext,
  accountId: string,
  draftId: string,
  slot: number,
): Promise<StoredUpload | null> {
  const d = await getDraft(ctx, accountId, draftId);
  const photos = d.files.filter((f) => f.slot === slot && PHOTO_TYPES.has(f.mediaType));
  if (photos.length === 0) return null;
  return mergePhotoUploads(ctx, {
    fileIds: photos.map((f) => f.id),
    uploader: { kind: 'citizen', id: accountId },
  });
}

/** The submission a draft makes: uploads per slot, or the data-store document chosen instead. */
export function draftInput(d: Draft): NewDossierInput {
  const c = d.content;
  const slots = new Set([...d.files.map((f) => f.slot), ...Object.keys(c.reuse).map(Number)]);
  const components = [...slots]
    .sort((a, b) => a - b)
    .map((position) => {
      const reuse = c.reuse[String(position)];
      return reuse
        ? { position, reuseDocumentId: reuse }
        : { position, fileIds: d.files.filter((f) => f.slot === position).map((f) => f.id) };
    });
  return {
    procedureCode: d.procedureCode,
    applicant: c.applicant,
    owner: c.owner?.name ? c.owner : null,
    receivingAgencyId: c.receivingAgencyId || null,
    returnMethod: c.returnMethod ?? ('' as never),
    returnAddress: c.returnAddress,
    assisted: c.assisted,
    components,
    draftId: d.id,
  };
}

/**
 * Nộp hồ sơ from a draft: photos of each slot become one PDF first, then submitDossier under the
 * draft's key. A validation error leaves the draft and its documents in place (photos already merged
 * stay merged: one PDF in their slot, the same pages).
 */
export async function submitDraft(
  ctx: AppContext,
  principal: Principal & { kind: 'citizen' },
  draftId: string,
): Promise<SubmitOutcome> {
  let d = await getDraft(ctx, principal.id, draftId);
  const photoSlots = new Set(d.files.filter((f) => PHOTO_TYPES.has(f.mediaType)).map((f) => f.slot));
  for (const slot of photoSlots) {
    if (d.content.reuse[String(slot)]) continue;
    await mergeDraftPhotos(ctx, principal.id, draftId, slot);
  }
  if (photoSlots.size > 0) d = await getDraft(ctx, principal.id, draftId);
  return submitDossier(ctx, principal, draftInput(d), d.content.key);
}

/** The dossier an earlier submission of this key made (a retry after the draft is gone). */
export async function findSubmittedByKey(ctx: Pick<Ctx, 'db'>, accountId: string, key: string) {
  return repo.findDossierCodeByKey(ctx.db, `citizen:${accountId}`, key);
}
