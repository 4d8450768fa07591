import type { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { newId } from '../../../platform/ids.js';
import { attachmentErrors } from './attachment-errors.js';
import { findFileRow, findFileRows, insertFileRow, lockKey, markRemoved } from './attachments.repository.js';
import { photosToPdf } from './photos-to-pdf.js';
import {
  type AttachmentsCtx,
  assertTargetBudget,
  discardBytes,
  MB,
  type StoredUpload,
  targetKey,
  type Uploader,
  type UploadTarget,
} from './upload.service.js';

const PHOTO_TYPES = new Set(['image/jpeg', 'image/png']);
type FileRow = NonNullable<Awaited<ReturnType<typeof findFileRow>>>;

/** The one target all rows share, or undefined when they are not photos of one slot or component. */
function commonTarget(rows: FileRow[]): UploadTarget | undefined {
  const first = rows[0];
  if (!first) return undefined;
  const sameTarget = rows.every(
    (r) =>
      r.draft_id === first.draft_id &&
      r.slot === first.slot &&
      r.dossier_id === first.dossier_id &&
      r.component_id === first.component_id,
  );
  const photos = rows.every((r) => PHOTO_TYPES.has(r.media_type) && r.removed_at === null);
  if (!sameTarget || !photos) return undefined;
  if (first.dossier_id && first.component_id)
    return { dossierId: first.dossier_id, componentId: first.component_id };
  if (first.draft_id && first.slot !== null) return { draftId: first.draft_id, slot: first.slot };
  return undefined;
}

export interface MergePhotosInput {
  /** The photos' rows, in page order. */
  fileIds: string[];
  uploader: Uploader;
  fileName?: string;
}

/**
 * Ghép ảnh thành PDF: the photos of one slot or component become one PDF row in the same place; the
 * photo rows are marked removed (kept, no longer shown). Who may do it is the caller's check.
 */
export async function mergePhotoUploads(ctx: AttachmentsCtx, input: MergePhotosInput): Promise<StoredUpload> {
  const rows = await findFileRows(ctx.db, input.fileIds);
  if (rows.length !== new Set(input.fileIds).size) throw attachmentErrors.notFound();
  const ordered = input.fileIds.map((id) => rows.find((r) => r.id === id)!);
  const target = commonTarget(ordered);
  if (!target) throw attachmentErrors.notPhotos();
  const photos = await Promise.all(ordered.map(async (r) => buffer(await ctx.files.get(r.sha256))));
  const stored = await ctx.files.put(await photosToPdf(photos));
  const id = newId();
  // Made by motcua from photos that were all scanned clean, so it holds nothing they did not.
  const scanStatus = ordered.every((r) => r.scan_status === 'clean') ? 'clean' : 'not_scanned';
  const fileName = input.fileName ?? `${ordered[0]!.file_name.replace(/\.[^.]*$/, '')}.pdf`;
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await lockKey(trx, stored.sha256);
      await lockKey(trx, targetKey(target));
      const now = ctx.clock.now();
      // A concurrent merge or removal of the same photos: one wins, the other changes nothing.
      if ((await markRemoved(trx, input.fileIds, now)) !== input.fileIds.length)
        throw attachmentErrors.notPhotos();
      await assertTargetBudget(trx, target, stored.size, ctx.config.uploadMaxDossierMb * MB);
      await insertFileRow(trx, {
        id,
        uploadedByKind: input.uploader.kind,
        uploadedById: input.uploader.id,
        draftId: 'draftId' in target ? target.draftId : null,
        slot: 'draftId' in target ? target.slot : null,
        dossierId: 'dossierId' in target ? target.dossierId : null,
        componentId: 'dossierId' in target ? target.componentId : null,
        sha256: stored.sha256,
        size: stored.size,
        mediaType: 'application/pdf',
        fileName,
        scanStatus,
        scanDetail: null,
        at: now,
        removedAt: null,
      });
    });
  } catch (e) {
    await discardBytes(ctx, stored.sha256);
    throw e;
  }
  return { id, ...stored, mediaType: 'application/pdf', fileName, scanStatus };
}

export interface AttachmentContent {
  stream: Readable;
  mediaType: string;
  fileName: string;
  size: number;
}

/**
 * The bytes of an attachment for download. Quarantined files are never served, whoever asks; who
 * may read which dossier's files is the caller's check.
 */
export async function readAttachment(ctx: Pick<AttachmentsCtx, 'db' | 'files'>, fileRowId: string) {
  const row = await findFileRow(ctx.db, fileRowId);
  if (!row) throw attachmentErrors.notFound();
  if (row.scan_status === 'infected') throw attachmentErrors.infected();
  const content: AttachmentContent = {
    stream: await ctx.files.get(row.sha256),
    mediaType: row.media_type,
    fileName: row.file_name,
    size: row.size,
  };
  return content;
}
