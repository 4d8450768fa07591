import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { describe, it } from 'node:test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { createTestDatabase } from '../../../../test/database.js';
import { AppError } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import { mergePhotoUploads, readAttachment } from './attachments.service.js';
import { jpegBytes, PDF_BYTES, pngBytes } from './test-fixtures.js';
import { attachmentsContext, insertDraft } from './test-support.js';
import { storeUpload } from './upload.service.js';

const { db } = await createTestDatabase();

const isError = (code: string) => (e: unknown) => e instanceof AppError && e.code === code;

async function setup() {
  const { ctx, clock } = await attachmentsContext(db);
  const draft = await insertDraft(db);
  const uploader = { kind: 'citizen' as const, id: draft.accountId };
  const upload = (bytes: Buffer, fileName: string, slot = 2) =>
    storeUpload(ctx, {
      stream: Readable.from([bytes]),
      fileName,
      uploader,
      target: { draftId: draft.id, slot },
    });
  return { ctx, clock, draft, uploader, upload };
}

describe('mergePhotoUploads', () => {
  it('merges the photos of one slot into one PDF there, and hides the photos', async () => {
    const { ctx, clock, draft, uploader, upload } = await setup();
    const shots = [
      await upload(jpegBytes(800, 600), 'trang-1.jpg'),
      await upload(pngBytes(60, 80), 'trang-2.png'),
      await upload(jpegBytes(600, 800, 6), 'trang-3.jpg'),
    ];
    clock.advance(60_000);
    const merged = await mergePhotoUploads(ctx, { fileIds: shots.map((s) => s.id), uploader });
    assert.equal(merged.mediaType, 'application/pdf');
    assert.equal(merged.fileName, 'trang-1.pdf');
    const row = await db
      .selectFrom('dossier_files')
      .selectAll()
      .where('id', '=', merged.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.draft_id, draft.id);
    assert.equal(row.slot, 2);
    assert.equal(row.removed_at, null);
    const photos = await db
      .selectFrom('dossier_files')
      .select('removed_at')
      .where(
        'id',
        'in',
        shots.map((s) => s.id),
      )
      .execute();
    assert.ok(
      photos.every((p) => p.removed_at?.getTime() === clock.now().getTime()),
      'photos kept, not shown',
    );
    const pdf = await buffer((await readAttachment(ctx, merged.id)).stream);
    const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
    assert.equal(doc.numPages, 3);
    await doc.destroy();
    await assert.rejects(
      mergePhotoUploads(ctx, { fileIds: shots.map((s) => s.id), uploader }),
      isError('attachment.not_photos'),
    );
  });

  it('refuses anything but shown photos of one slot', async () => {
    const { ctx, uploader, upload } = await setup();
    const a = await upload(pngBytes(3, 3), 'a.png', 1);
    const b = await upload(pngBytes(4, 4), 'b.png', 2);
    const pdf = await upload(PDF_BYTES, 'c.pdf', 1);
    const cases: [string[], string][] = [
      [[a.id, b.id], 'attachment.not_photos'],
      [[a.id, pdf.id], 'attachment.not_photos'],
      [[a.id, newId()], 'attachment.not_found'],
      [[], 'attachment.not_photos'],
    ];
    for (const [fileIds, code] of cases)
      await assert.rejects(mergePhotoUploads(ctx, { fileIds, uploader }), isError(code), code);
    const shown = await db
      .selectFrom('dossier_files')
      .select('id')
      .where('id', 'in', [a.id, b.id, pdf.id])
      .where('removed_at', 'is', null)
      .execute();
    assert.equal(shown.length, 3, 'nothing changed');
  });
});
