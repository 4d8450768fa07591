/**
 * JSON API of a dossier's attachments (tệp đính kèm): upload scans or documents to a component
 * (multipart, streamed to the file store, never buffered whole), take one off, download one.
 */
import { PassThrough, type Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AppError, validationError } from '../../platform/errors.js';
import type { Principal } from '../../platform/http/access.js';
import type { App } from '../../platform/http/app-type.js';
import { allowSameOriginFraming } from '../../platform/http/security.js';
import type { AppContext } from '../../platform/module.js';
import { attachmentErrors, readAttachment, type StoredUpload } from './attachments/index.js';
import { addAttachment, removeAttachment } from './dossier-attachments.service.js';
import { getDossierForCaller } from './dossier-read.service.js';
import { idempotencyKeyOf } from './dossiers.api.js';
import { findWorkingFile, storeWorkingFile } from './working-files.service.js';

const tags = ['dossiers'];
const CITIZEN_OR_DESK = { citizen: true, officer: ['one_stop'] } as const;
const READERS = { citizen: true, officer: 'any' } as const;
const FileParams = Type.Object({
  id: Type.String({ description: 'Id (uuid) hoặc mã hồ sơ' }),
  fileId: Type.String({ description: 'Id của tệp' }),
});

const StoredJson = Type.Object({
  id: Type.String(),
  fileName: Type.String(),
  mediaType: Type.String(),
  size: Type.Number(),
  sha256: Type.String(),
  scanStatus: Type.String(),
});

/** Media types a browser shows itself; anything else is offered as a download. */
const INLINE = /^(application\/pdf|image\/(jpeg|png))$/;

/** Content-Disposition with the file's real name (RFC 6266 / 5987) and an ASCII fallback. */
export function contentDisposition(fileName: string, mediaType: string): string {
  const ascii =
    fileName
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'D')
      .replace(/[^\x20-\x7e]|["\\]/g, '_') || 'tep';
  const kind = INLINE.test(mediaType) ? 'inline' : 'attachment';
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

const notMultipart = () =>
  new AppError('unsupported_media_type', 'attachment.multipart_required', {
    vi: 'Hãy gửi tệp dưới dạng multipart/form-data: trường componentId rồi đến các tệp.',
    en: 'Send the files as multipart/form-data: the componentId field first, then the files.',
  });

const componentFirst = () => {
  const message = {
    vi: 'Hãy chọn thành phần hồ sơ (trường componentId) trước các tệp.',
    en: 'Name the dossier component (the componentId field) before the files.',
  };
  return validationError('attachment.component_required', message, [{ field: 'componentId', message }]);
};

const noFile = () => {
  const message = { vi: 'Hãy chọn ít nhất một tệp.', en: 'Choose at least one file.' };
  return validationError('attachment.no_file', message, [{ field: 'file', message }]);
};

/**
 * The part's bytes, failing when the multipart limit cut the file: busboy then ends the stream
 * quietly at the limit (the error only comes at the next part), which would store a truncated file.
 */
function limited(file: Readable & { truncated?: boolean }, limitMb: number): Readable {
  const out = new PassThrough();
  // The consumer (the file store) sees the error; a late one after it gave up must not crash the process.
  out.on('error', () => undefined);
  const tooLarge = () => {
    if (!out.destroyed) out.destroy(attachmentErrors.tooLarge(limitMb));
  };
  file.on('limit', tooLarge);
  file.on('error', (e) => {
    if (!out.destroyed) out.destroy(e);
  });
  file.on('end', () => (file.truncated ? tooLarge() : out.end()));
  file.pipe(out, { end: false });
  return out;
}

/**
 * Reads a multipart request part by part: the componentId field, then each file streamed into
 * addAttachment. Shared by the API and the desk's upload form.
 */
export async function uploadParts(
  ctx: AppContext,
  req: FastifyRequest,
  principal: Principal,
  idOrCode: string,
  onField?: (name: string, value: string) => void,
): Promise<StoredUpload[]> {
  if (!req.isMultipart()) throw notMultipart();
  const header = req.headers['idempotency-key'];
  const requestKey = header === undefined ? undefined : idempotencyKeyOf(header);
  try {
    return await readParts(ctx, req, principal, idOrCode, requestKey, onField);
  } catch (e) {
    // The multipart limit (the same size) may fire in the parts iterator before the store's own gate.
    if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
      throw attachmentErrors.tooLarge(ctx.config.uploadMaxFileMb);
    throw e;
  }
}

async function readParts(
  ctx: AppContext,
  req: FastifyRequest,
  principal: Principal,
  idOrCode: string,
  requestKey: string | undefined,
  onField?: (name: string, value: string) => void,
): Promise<StoredUpload[]> {
  let componentId: string | null = null;
  const stored: StoredUpload[] = [];
  for await (const part of req.parts()) {
    if (part.type === 'field') {
      const value = typeof part.value === 'string' ? part.value : '';
      if (part.fieldname === 'componentId') componentId = value.trim() || null;
      onField?.(part.fieldname, value);
      continue;
    }
    if (!part.filename) {
      part.file.resume();
      continue;
    }
    if (!componentId) {
      part.file.resume();
      throw componentFirst();
    }
    stored.push(
      await addAttachment(ctx, principal, idOrCode, componentId, {
        stream: limited(part.file, ctx.config.uploadMaxFileMb),
        fileName: part.filename,
        // The part's place among the files: a retry sends the same files in the same order.
        requestKey: requestKey ? `${requestKey}#${stored.length}` : undefined,
      }),
    );
  }
  if (stored.length === 0) throw noFile();
  return stored;
}

/**
 * Reads a processing form sent as multipart: every field into the returned map (a repeated name
 * keeps each value, in order), every file part
 * stored as a working document of the dossier (see working-files.service.ts), in order. Shared by
 * the working-files API and the officer's action forms.
 */
export async function readWorkingParts(
  ctx: AppContext,
  req: FastifyRequest,
  principal: Principal,
  dossierId: string,
  /** Filled as the fields arrive: what was typed before a refused file is still there. */
  fields: Record<string, string[]> = {},
): Promise<{ fields: Record<string, string[]>; files: StoredUpload[] }> {
  if (!req.isMultipart()) throw notMultipart();
  const header = req.headers['idempotency-key'];
  const requestKey = header === undefined ? undefined : idempotencyKeyOf(header);
  const files: StoredUpload[] = [];
  try {
    for await (const part of req.parts()) {
      if (part.type === 'field') {
        const value = typeof part.value === 'string' ? part.value : '';
        fields[part.fieldname] = [...(fields[part.fieldname] ?? []), value];
        continue;
      }
      // An empty file input still sends a part without a name: nothing chosen.
      if (!part.filename) {
        part.file.resume();
        continue;
      }
      files.push(
        await storeWorkingFile(ctx, principal, dossierId, {
          stream: limited(part.file, ctx.config.uploadMaxFileMb),
          fileName: part.filename,
          requestKey: requestKey ? `${requestKey}#${files.length}` : undefined,
        }),
      );
    }
  } catch (e) {
    if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
      throw attachmentErrors.tooLarge(ctx.config.uploadMaxFileMb);
    throw e;
  }
  return { fields, files };
}

async function download(
  ctx: AppContext,
  req: FastifyRequest,
  reply: FastifyReply,
  id: string,
  fileId: string,
) {
  const d = await getDossierForCaller(ctx.db, req.principal, id);
  const shown =
    d.components.flatMap((c) => c.files).find((f) => f.id === fileId) ??
    (await findWorkingFile(ctx.db, req.principal, d.id, fileId));
  if (!shown) throw notFound();
  const content = await readAttachment(ctx, shown.id);
  // The officer's dossier page shows PDFs in a frame of its own.
  return allowSameOriginFraming(reply)
    .type(content.mediaType)
    .header('content-length', String(content.size))
    .header('content-disposition', contentDisposition(content.fileName, content.mediaType))
    .header('cache-control', 'private, no-store')
    .header('x-content-type-options', 'nosniff')
    .send(content.stream);
}

const notFound = () =>
  new AppError('not_found', 'attachment.not_found', {
    vi: 'Không tìm thấy tệp đính kèm',
    en: 'Attachment not found',
  });

export function registerDossierAttachmentApi(app: App, ctx: AppContext) {
  const params = Type.Object({ id: Type.String({ description: 'Id (uuid) hoặc mã hồ sơ' }) });
  app.post<{ Params: { id: string } }>(
    '/api/v1/dossiers/:id/attachments',
    {
      config: { access: CITIZEN_OR_DESK },
      schema: {
        tags,
        summary: 'Đính kèm tệp vào thành phần hồ sơ / Attach files to a component',
        description:
          'multipart/form-data: a field `componentId` (the component id or its position) BEFORE the file ' +
          'parts, then one or more file parts (PDF, JPEG, PNG, TIFF, DOC, DOCX, XLS, XLSX, ODT, ODS). ' +
          'The desk (one_stop officer of the receiving centre) may attach while the dossier is new; the ' +
          'citizen owner while it awaits completion. Send an Idempotency-Key header (any unsafe API call ' +
          'without a JSON body needs one): a retry with the same key and the same files in the same order ' +
          'stores nothing again and answers with the files of the first request (header ' +
          'Idempotent-Replayed: true when every file was stored before). Errors: attachment.too_large (413), attachment.type_not_allowed, ' +
          'attachment.executable, attachment.extension_mismatch, attachment.executable_inside, ' +
          'attachment.unreadable, attachment.infected (422), attachment.dossier_too_large (413), ' +
          'attachment.scan_unavailable (503), attachment.component_required, attachment.no_file (400), ' +
          'dossier.component_not_found (404), dossier.action_not_allowed (409).',
        consumes: ['multipart/form-data'],
        params,
        response: { 201: Type.Object({ files: Type.Array(StoredJson) }) },
      },
    },
    async (req, reply) => {
      const stored = await uploadParts(ctx, req, req.principal!, req.params.id);
      // A retry under the same Idempotency-Key gets the files of the first request, stored once.
      if (stored.every((f) => f.replayed)) reply.header('idempotent-replayed', 'true');
      const files = stored.map(({ replayed: _, ...f }) => f);
      return reply.status(201).send({ files });
    },
  );
  app.delete<{ Params: { id: string; fileId: string } }>(
    '/api/v1/dossiers/:id/attachments/:fileId',
    {
      config: { access: CITIZEN_OR_DESK },
      schema: {
        tags,
        summary: 'Gỡ tệp khỏi thành phần hồ sơ / Take a file off its component',
        description: 'The file is kept for the record and no longer shown. Same rule as uploading.',
        params: FileParams,
        response: { 204: Type.Null() },
      },
    },
    async (req, reply) => {
      await removeAttachment(ctx, req.principal!, req.params.id, req.params.fileId);
      return reply.status(204).send();
    },
  );
  app.get<{ Params: { id: string; fileId: string } }>(
    '/api/v1/dossiers/:id/attachments/:fileId',
    {
      config: { access: READERS },
      schema: {
        tags,
        summary: 'Tải tệp đính kèm / Download an attachment',
        description: 'For anyone who may see the dossier. PDFs and images open in the browser.',
        params: FileParams,
      },
    },
    async (req, reply) => download(ctx, req, reply, req.params.id, req.params.fileId),
  );
}
