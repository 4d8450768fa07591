import { type Readable, Transform } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { pipeline } from 'node:stream/promises';
import type { Db } from '../../../platform/db/database.js';
import type { FileStore, StoredFile } from '../../../platform/files/file-store.js';
import { newId } from '../../../platform/ids.js';
import type { AppContext } from '../../../platform/module.js';
import { attachmentErrors } from './attachment-errors.js';
import {
  componentBelongsTo,
  draftExists,
  findFileByRequestKey,
  insertFileRow,
  isShaReferenced,
  lockKey,
  type ScanStatus,
  sumShownBytes,
} from './attachments.repository.js';
import { ClamdError, createClamdClient } from './clamd.js';
import { checkFileKind, SNIFF_BYTES } from './file-kind.js';
import { cleanFileName } from './file-name.js';

/**
 * Tệp đính kèm: one uploaded part becomes durable bytes in the file store and then, only then, a
 * dossier_files row. A refused file leaves no row, and its bytes go unless something else names them.
 */
export const MB = 1_048_576;

export type AttachmentsCtx = Pick<AppContext, 'db' | 'files' | 'clock' | 'config'>;
/**
 * Where an upload goes: a draft's slot, a dossier's component, or (componentId null) a dossier's
 * working documents (tài liệu xử lý), which an officer's processing action attaches afterwards.
 */
export type UploadTarget =
  | { draftId: string; slot: number }
  | { dossierId: string; componentId: string | null };
export interface Uploader {
  kind: 'citizen' | 'officer';
  id: string;
}

export interface StoreUploadInput {
  stream: Readable;
  fileName: string;
  uploader: Uploader;
  target: UploadTarget;
  /** Per-file limit in bytes; default UPLOAD_MAX_FILE_MB. */
  maxBytes?: number;
  /**
   * For a dossier target: the request's Idempotency-Key and the part's place ("key#n"). A file
   * already stored under it is answered again instead of being stored twice.
   */
  requestKey?: string;
}

export interface StoredUpload {
  id: string;
  sha256: string;
  size: number;
  mediaType: string;
  fileName: string;
  scanStatus: ScanStatus;
  /** True when an earlier request with the same key stored it and this one stored nothing. */
  replayed?: boolean;
}

type FileRow = NonNullable<Awaited<ReturnType<typeof findFileByRequestKey>>>;
const storedOf = (r: FileRow): StoredUpload => ({
  id: r.id,
  sha256: r.sha256,
  size: Number(r.size),
  mediaType: r.media_type,
  fileName: r.file_name,
  scanStatus: r.scan_status as ScanStatus,
  replayed: true,
});

/** The file stored earlier under this upload's request key, if it names one. */
export async function earlierUpload(
  db: Db,
  input: Pick<StoreUploadInput, 'uploader' | 'target' | 'requestKey'>,
) {
  if (!input.requestKey || !isDossierTarget(input.target)) return undefined;
  const row = await findFileByRequestKey(db, {
    dossierId: input.target.dossierId,
    uploadedById: input.uploader.id,
    requestKey: input.requestKey,
  });
  return row ? storedOf(row) : undefined;
}

export const isDossierTarget = (t: UploadTarget): t is { dossierId: string; componentId: string | null } =>
  'dossierId' in t;
export const targetKey = (t: UploadTarget) => (isDossierTarget(t) ? t.dossierId : t.draftId);

/** The per-dossier limit (UPLOAD_MAX_DOSSIER_MB): call inside the transaction that adds the bytes. */
export async function assertDossierBudget(
  db: Db,
  dossierId: string,
  addBytes: number,
  maxDossierBytes: number,
) {
  const used = await sumShownBytes(db, { dossierId });
  if (used + addBytes > maxDossierBytes) throw attachmentErrors.dossierTooLarge(maxDossierBytes / MB);
}

export async function assertTargetBudget(db: Db, target: UploadTarget, addBytes: number, max: number) {
  if (isDossierTarget(target)) return assertDossierBudget(db, target.dossierId, addBytes, max);
  if ((await sumShownBytes(db, { draftId: target.draftId })) + addBytes > max)
    throw attachmentErrors.dossierTooLarge(max / MB);
}

async function assertTargetExists(db: Db, target: UploadTarget) {
  const found = isDossierTarget(target)
    ? await componentBelongsTo(db, target.dossierId, target.componentId ?? undefined)
    : await draftExists(db, target.draftId);
  if (!found) throw attachmentErrors.targetNotFound();
}

/**
 * Streams the part into the store through a gate that counts bytes and keeps the first SNIFF_BYTES;
 * over the limit the gate fails, so the store's write fails and leaves no file.
 */
export async function receive(files: FileStore, source: Readable, maxBytes: number) {
  const head: Buffer[] = [];
  let headLength = 0;
  let seen = 0;
  const gate = new Transform({
    transform(chunk: Buffer, _enc, done) {
      seen += chunk.length;
      if (seen > maxBytes) return done(attachmentErrors.tooLarge(maxBytes / MB));
      if (headLength < SNIFF_BYTES) {
        const part = chunk.subarray(0, SNIFF_BYTES - headLength);
        head.push(part);
        headLength += part.length;
      }
      done(null, chunk);
    },
  });
  const feeding = pipeline(source, gate);
  feeding.catch(() => undefined);
  try {
    const stored = await files.put(gate);
    await feeding;
    // @fastify/multipart stops a part at its limit and only marks it truncated: never keep a cut file.
    if ((source as { truncated?: boolean }).truncated) {
      await files.delete(stored.sha256).catch(() => undefined);
      throw attachmentErrors.tooLarge(maxBytes / MB);
    }
    return { stored, head: Buffer.concat(head) };
  } catch (e) {
    source.destroy();
    // @fastify/multipart (throwFileSizeLimit) fails the part itself when it passes its limit.
    if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
      throw attachmentErrors.tooLarge(maxBytes / MB);
    throw e;
  }
}

/** Deletes bytes nobody names any more; the lock keeps a concurrent upload of the same bytes safe. */
export async function discardBytes(ctx: Pick<AttachmentsCtx, 'db' | 'files'>, sha256: string) {
  await ctx.db.transaction().execute(async (trx) => {
    await lockKey(trx, sha256);
    if (!(await isShaReferenced(trx, sha256))) await ctx.files.delete(sha256);
  });
}

async function scan(
  ctx: AttachmentsCtx,
  sha256: string,
): Promise<{ status: ScanStatus; detail: string | null }> {
  if (!ctx.config.clamd) return { status: 'not_scanned', detail: null };
  try {
    const result = await createClamdClient(ctx.config.clamd).scan(await ctx.files.get(sha256));
    return result.infected
      ? { status: 'infected', detail: result.signature ?? 'FOUND' }
      : { status: 'clean', detail: null };
  } catch (e) {
    if (e instanceof ClamdError) throw attachmentErrors.scanUnavailable();
    throw e;
  }
}

interface Verdict {
  stored: StoredFile;
  mediaType: string;
  fileName: string;
  scan: { status: ScanStatus; detail: string | null };
}

/**
 * Writes the row once the bytes are durable. Infected files are quarantined: the row keeps who sent
 * them and the signature, attached to nothing and already removed, so no list shows them and
 * readAttachment refuses them, while the bytes stay for the administrator.
 */
async function recordUpload(
  ctx: AttachmentsCtx,
  input: StoreUploadInput,
  v: Verdict,
): Promise<string | StoredUpload> {
  const id = newId();
  const infected = v.scan.status === 'infected';
  const t = input.target;
  return ctx.db.transaction().execute(async (trx) => {
    await lockKey(trx, v.stored.sha256);
    if (!(await ctx.files.has(v.stored.sha256))) throw attachmentErrors.storeRace();
    if (!infected) {
      await lockKey(trx, targetKey(t));
      // A copy of this request that ran beside it stored the part first (under the same lock).
      const earlier = await earlierUpload(trx, input);
      if (earlier) return earlier;
      await assertTargetBudget(trx, t, v.stored.size, ctx.config.uploadMaxDossierMb * MB);
    }
    const now = ctx.clock.now();
    await insertFileRow(trx, {
      id,
      uploadedByKind: input.uploader.kind,
      uploadedById: input.uploader.id,
      draftId: !infected && !isDossierTarget(t) ? t.draftId : null,
      slot: !infected && !isDossierTarget(t) ? t.slot : null,
      dossierId: !infected && isDossierTarget(t) ? t.dossierId : null,
      componentId: !infected && isDossierTarget(t) ? t.componentId : null,
      sha256: v.stored.sha256,
      size: v.stored.size,
      mediaType: v.mediaType,
      fileName: v.fileName,
      scanStatus: v.scan.status,
      scanDetail: v.scan.detail,
      at: now,
      removedAt: infected ? now : null,
      requestKey: !infected && isDossierTarget(t) ? (input.requestKey ?? null) : null,
    });
    return id;
  });
}

/**
 * Receives one attachment into a draft slot or a dossier component. Who may attach to the target is
 * the caller's check. Throws attachment.* errors (see attachment-errors.ts); an infected file is
 * recorded in quarantine and then refused with attachment.infected.
 */
export async function storeUpload(ctx: AttachmentsCtx, input: StoreUploadInput): Promise<StoredUpload> {
  const fileName = cleanFileName(input.fileName);
  const maxBytes = input.maxBytes ?? ctx.config.uploadMaxFileMb * MB;
  await assertTargetExists(ctx.db, input.target);
  const { stored, head } = await receive(ctx.files, input.stream, maxBytes);
  let recorded = false;
  try {
    const { mediaType } = await checkFileKind({
      head,
      size: stored.size,
      fileName,
      loadWhole: async () => buffer(await ctx.files.get(stored.sha256)),
    });
    const verdict = { stored, mediaType, fileName, scan: await scan(ctx, stored.sha256) };
    const id = await recordUpload(ctx, input, verdict);
    if (typeof id !== 'string') {
      // Nothing of this copy was recorded: its bytes go unless the earlier file names the same ones.
      await discardBytes(ctx, stored.sha256);
      recorded = true;
      return id;
    }
    recorded = true;
    if (verdict.scan.status === 'infected') throw attachmentErrors.infected();
    return { id, ...stored, mediaType, fileName, scanStatus: verdict.scan.status };
  } catch (e) {
    if (!recorded) await discardBytes(ctx, stored.sha256);
    throw e;
  }
}
