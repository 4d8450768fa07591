/**
 * Dọn dẹp tệp và hồ sơ nháp (nightly clean-up of the dossiers module):
 *
 * - drafts not changed for DRAFT_RETENTION_DAYS (30): a citizen who has not come back in a month
 *   starts again, and the personal data in an abandoned form is not kept for ever;
 * - uploads never attached to a dossier, older than UPLOAD_ORPHAN_HOURS (24), whose draft is gone or
 *   expired: files sent to a form that was never submitted;
 * - then their bytes, unless another attachment row or a citizen document names the same sha-256.
 *
 * Quarantined (infected) uploads are kept for the administrator. Rows are deleted before bytes, so a
 * crash in between leaves unreferenced bytes (harmless, never served) rather than rows without bytes.
 * Idempotent: running it twice deletes nothing more.
 */
import { defineJob } from '../../../platform/jobs.js';
import { deleteExpiredDrafts, deleteOrphanFiles } from './attachments.repository.js';
import { type AttachmentsCtx, discardBytes } from './upload.service.js';

export const DOSSIERS_CLEANUP_JOB = 'dossiers.cleanup';
const BATCH = 1000;

export async function cleanUpDossierFiles(ctx: AttachmentsCtx, signal?: AbortSignal) {
  const now = ctx.clock.now().getTime();
  const draftsBefore = new Date(now - ctx.config.draftRetentionDays * 86_400_000);
  const orphansBefore = new Date(now - ctx.config.uploadOrphanHours * 3_600_000);
  let drafts = 0;
  for (;;) {
    const deleted = await deleteExpiredDrafts(ctx.db, draftsBefore, BATCH);
    drafts += deleted;
    if (deleted < BATCH || signal?.aborted) break;
  }
  let files = 0;
  const hashes = new Set<string>();
  for (;;) {
    const deleted = await deleteOrphanFiles(ctx.db, orphansBefore, draftsBefore, BATCH);
    files += deleted.length;
    for (const sha of deleted) hashes.add(sha);
    if (deleted.length < BATCH || signal?.aborted) break;
  }
  for (const sha of hashes) await discardBytes(ctx, sha);
  return { drafts, files, hashes: hashes.size };
}

/** Every night at 02:30 Vietnam time, away from office hours and from identity's clean-up at 03:17. */
export function dossiersCleanupJob(ctx: AttachmentsCtx) {
  return defineJob<Record<string, never>>({
    name: DOSSIERS_CLEANUP_JOB,
    cron: '30 2 * * *',
    retryLimit: 2,
    handler: async (_data, { log, signal }) => {
      const deleted = await cleanUpDossierFiles(ctx, signal);
      log.info({ deleted }, 'dossiers clean-up done');
    },
  });
}
