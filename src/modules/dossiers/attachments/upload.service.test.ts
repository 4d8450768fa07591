import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { describe, it } from 'node:test';
import { createTestDatabase } from '../../../../test/database.js';
import { AppError } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import { readAttachment } from './attachments.service.js';
import { fakeClamd } from './fake-clamd.js';
import { docxBytes, EICAR, MZ_BYTES, PDF_BYTES, pngBytes } from './test-fixtures.js';
import { attachmentsContext, insertDraft, storedFiles } from './test-support.js';
import { assertDossierBudget, MB, type StoreUploadInput, storeUpload } from './upload.service.js';

const { db } = await createTestDatabase();

const isError = (code: string, status: number) => (e: unknown) => {
  assert.ok(e instanceof AppError, String(e));
  assert.equal(e.code, code);
  assert.equal(e.status, status);
  assert.ok(e.text.vi && e.text.en);
  return true;
};

async function setup(env: Record<string, string> = {}) {
  const { ctx, root } = await attachmentsContext(db, env);
  const draft = await insertDraft(db);
  const input = (bytes: Buffer | Readable, fileName: string, extra: Partial<StoreUploadInput> = {}) => ({
    stream: Buffer.isBuffer(bytes) ? Readable.from([bytes]) : bytes,
    fileName,
    uploader: { kind: 'citizen' as const, id: draft.accountId },
    target: { draftId: draft.id, slot: 1 },
    ...extra,
  });
  const rows = () =>
    db.selectFrom('dossier_files').selectAll().where('uploaded_by_id', '=', draft.accountId).execute();
  return { ctx, root, draft, input, rows };
}

describe('storeUpload', () => {
  it('stores the bytes, then a row naming them, with a clean file name', async () => {
    const { ctx, root, draft, input, rows } = await setup();
    const up = await storeUpload(ctx, input(PDF_BYTES, 'C:\\Scan\\To\u0301 khai.pdf'));
    assert.equal(up.fileName, 'Tó khai.pdf');
    assert.equal(up.mediaType, 'application/pdf');
    assert.equal(up.size, PDF_BYTES.length);
    assert.equal(up.scanStatus, 'not_scanned');
    const [row] = await rows();
    assert.equal(row?.id, up.id);
    assert.equal(row?.sha256, up.sha256);
    assert.equal(row?.draft_id, draft.id);
    assert.equal(row?.slot, 1);
    assert.equal(row?.dossier_id, null);
    assert.equal(row?.attached_at, null);
    assert.deepEqual(await storedFiles(root), [
      `${up.sha256.slice(0, 2)}/${up.sha256.slice(2, 4)}/${up.sha256}`,
    ]);
    const read = await readAttachment(ctx, up.id);
    assert.deepEqual(await buffer(read.stream), PDF_BYTES);
    assert.equal(read.fileName, 'Tó khai.pdf');
  });

  it('stores the same bytes once for two uploads', async () => {
    const { ctx, root, input, rows } = await setup();
    const a = await storeUpload(ctx, input(PDF_BYTES, 'a.pdf'));
    const b = await storeUpload(ctx, input(PDF_BYTES, 'b.pdf'));
    assert.equal(a.sha256, b.sha256);
    assert.equal((await rows()).length, 2);
    assert.equal((await storedFiles(root)).length, 1);
  });

  const refusals: [string, Buffer, string, string][] = [
    ['a disguised executable (MZ in scan.pdf)', MZ_BYTES, 'scan.pdf', 'attachment.executable'],
    ['a PNG named .pdf', pngBytes(), 'giay-to.pdf', 'attachment.extension_mismatch'],
    [
      'a DOCX with vbaProject.bin',
      docxBytes([{ name: 'word/vbaProject.bin', data: 'x' }]),
      'a.docx',
      'attachment.executable_inside',
    ],
    ['an unknown type', Buffer.from('plain text'), 'a.txt', 'attachment.type_not_allowed'],
    ['an empty file', Buffer.alloc(0), 'a.pdf', 'attachment.empty'],
  ];
  for (const [title, bytes, name, code] of refusals) {
    it(`refuses ${title}, leaving no row and no file`, async () => {
      const { ctx, root, input, rows } = await setup();
      await assert.rejects(storeUpload(ctx, input(bytes, name)), isError(code, 422));
      assert.deepEqual(await rows(), []);
      assert.deepEqual(await storedFiles(root), []);
    });
  }

  it('refuses a stream over the limit with 413, leaving no row and no file', async () => {
    const { ctx, root, input, rows } = await setup({ UPLOAD_MAX_FILE_MB: '1' });
    const chunks = [PDF_BYTES, ...Array.from({ length: 20 }, () => Buffer.alloc(64 * 1024, 32))];
    await assert.rejects(storeUpload(ctx, input(Readable.from(chunks), 'big.pdf')), (e: unknown) => {
      isError('attachment.too_large', 413)(e);
      assert.match((e as AppError).text.vi, /1 MB/);
      return true;
    });
    assert.deepEqual(await rows(), []);
    assert.deepEqual(await storedFiles(root), []);
  });

  it('maps multipart’s own size limit to attachment.too_large', async () => {
    const { ctx, root, input } = await setup();
    const part = new Readable({
      read() {
        this.push(PDF_BYTES);
        this.destroy(Object.assign(new Error('request file too large'), { code: 'FST_REQ_FILE_TOO_LARGE' }));
      },
    });
    await assert.rejects(
      storeUpload(ctx, input(part, 'a.pdf', { maxBytes: 2 * MB })),
      isError('attachment.too_large', 413),
    );
    assert.deepEqual(await storedFiles(root), []);
  });

  it('leaves nothing when the client goes away mid-file', async () => {
    const { ctx, root, input, rows } = await setup();
    const part = new Readable({
      read() {
        this.push(PDF_BYTES);
        this.destroy(new Error('aborted'));
      },
    });
    await assert.rejects(storeUpload(ctx, input(part, 'a.pdf')), /aborted/);
    assert.deepEqual(await rows(), []);
    assert.deepEqual(await storedFiles(root), []);
  });

  it('keeps refused bytes that another row still names', async () => {
    const { ctx, root, input } = await setup();
    const png = pngBytes(5, 5);
    await storeUpload(ctx, input(png, 'so-do.png'));
    await assert.rejects(
      storeUpload(ctx, input(png, 'so-do.pdf')),
      isError('attachment.extension_mismatch', 422),
    );
    assert.equal((await storedFiles(root)).length, 1);
  });

  it('refuses an unknown draft or a component of another dossier before reading the file', async () => {
    const { ctx, input } = await setup();
    const part = Readable.from([PDF_BYTES]);
    await assert.rejects(
      storeUpload(ctx, input(part, 'a.pdf', { target: { draftId: newId(), slot: 1 } })),
      isError('attachment.target_not_found', 404),
    );
    assert.equal(part.readableEnded, false, 'nothing read');
    await assert.rejects(
      storeUpload(ctx, input(PDF_BYTES, 'a.pdf', { target: { dossierId: newId(), componentId: newId() } })),
      isError('attachment.target_not_found', 404),
    );
  });

  it('refuses a file that would take a draft past UPLOAD_MAX_DOSSIER_MB, and discards it', async () => {
    const { ctx, root, input, rows } = await setup({ UPLOAD_MAX_DOSSIER_MB: '1' });
    const big = Buffer.concat([PDF_BYTES, Buffer.alloc(700 * 1024, 32)]);
    await storeUpload(ctx, input(big, 'a.pdf'));
    const other = Buffer.concat([PDF_BYTES, Buffer.alloc(400 * 1024, 33)]);
    await assert.rejects(
      storeUpload(ctx, input(other, 'b.pdf')),
      isError('attachment.dossier_too_large', 413),
    );
    assert.equal((await rows()).length, 1);
    assert.equal((await storedFiles(root)).length, 1);
  });

  it('quarantines a file clamd finds infected: row kept, bytes kept, not attached, never served', async () => {
    const { port } = await fakeClamd('instream');
    const { ctx, root, input, rows } = await setup({ CLAMD_HOST: '127.0.0.1', CLAMD_PORT: String(port) });
    const infected = Buffer.concat([PDF_BYTES, EICAR]);
    await assert.rejects(storeUpload(ctx, input(infected, 'a.pdf')), isError('attachment.infected', 422));
    const [row] = await rows();
    assert.equal(row?.scan_status, 'infected');
    assert.equal(row?.scan_detail, 'Win.Test.EICAR_HDB-1');
    assert.equal(row?.draft_id, null);
    assert.equal(row?.slot, null);
    assert.ok(row?.removed_at, 'hidden from every list');
    assert.equal((await storedFiles(root)).length, 1, 'bytes kept for the administrator');
    await assert.rejects(readAttachment(ctx, row!.id), isError('attachment.infected', 422));
    const clean = await storeUpload(ctx, input(PDF_BYTES, 'b.pdf'));
    assert.equal(clean.scanStatus, 'clean');
  });

  it('refuses with 503 and keeps nothing when clamd cannot be asked', async () => {
    const { port } = await fakeClamd('close-early');
    const { ctx, root, input, rows } = await setup({ CLAMD_HOST: '127.0.0.1', CLAMD_PORT: String(port) });
    // Bytes no other test uploaded: the database is shared by this file's tests, the store is not.
    const unique = Buffer.concat([PDF_BYTES, Buffer.from(newId())]);
    await assert.rejects(
      storeUpload(ctx, input(unique, 'a.pdf')),
      isError('attachment.scan_unavailable', 503),
    );
    assert.deepEqual(await rows(), []);
    assert.deepEqual(await storedFiles(root), []);
  });
});

describe('assertDossierBudget', () => {
  const table: [number, number, boolean][] = [
    [0, 100, true],
    [100, 100, true],
    [101, 100, false],
  ];
  for (const [add, max, ok] of table) {
    it(`${ok ? 'allows' : 'refuses'} ${add} more bytes under a ${max}-byte limit`, async () => {
      const check = assertDossierBudget(db, newId(), add, max);
      if (ok) await check;
      else await assert.rejects(check, isError('attachment.dossier_too_large', 413));
    });
  }
});

describe('readAttachment', () => {
  it('refuses an unknown id', async () => {
    const { ctx } = await setup();
    await assert.rejects(readAttachment(ctx, newId()), isError('attachment.not_found', 404));
  });
});
