/**
 * Attachments of dossier intake (tệp đính kèm), for the rest of the dossiers module: receiving a
 * file into a draft slot or a dossier component, the per-dossier limit, merging photos into a PDF,
 * reading a file back, and the nightly clean-up. Lists of files must show only rows with
 * `removed_at IS NULL`; quarantined (infected) rows are attached to nothing and already removed.
 */
export { AttachmentError, attachmentErrors } from './attachment-errors.js';
export type { AttachmentContent, MergePhotosInput } from './attachments.service.js';
export { mergePhotoUploads, readAttachment } from './attachments.service.js';
export type { ClamdClient, ClamdOptions, ScanResult } from './clamd.js';
export { ClamdError, createClamdClient } from './clamd.js';
export { cleanUpDossierFiles, DOSSIERS_CLEANUP_JOB, dossiersCleanupJob } from './cleanup.job.js';
export type { FileKind, FileKindInput, FileKindName } from './file-kind.js';
export { checkFileKind, FILE_KINDS, SNIFF_BYTES } from './file-kind.js';
export { cleanFileName } from './file-name.js';
export { photosToPdf } from './photos-to-pdf.js';
export type {
  AttachmentsCtx,
  StoredUpload,
  StoreUploadInput,
  Uploader,
  UploadTarget,
} from './upload.service.js';
export { assertDossierBudget, earlierUpload, MB, storeUpload } from './upload.service.js';
