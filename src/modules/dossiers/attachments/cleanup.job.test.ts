import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import { createTestDatabase } from '../../../../test/database.js';
import { newId } from '../../../platform/ids.js';
import { createLogger } from '../../../platform/logger.js';
import { insertFileRow } from './attachments.repository.js';
import { cleanUpDossierFiles, DOSSIERS_CLEANUP_JOB, dossiersCleanupJob } from './cleanup.job.js';
import { PDF_BYTES } from './test-fixtures.js';
import { attachmentsContext, insertDraft, storedFiles } from './test-support.js';
import { storeUpload, type UploadTarget } from './upload.service.js';

const { db } = await createTestDatabase();
const NOW = new Date('2026-12-04T19:30:00Z');
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000);
const daysAgo = (d: number) => hoursAgo(d * 24);
const pdf = (label: string) => Buffer.concat([PDF_BYTES, Buffer.from(`% ${label} ${newId()}\n`)]);

describe('dossiers clean-up job', () => {
  it('runs daily at 02:30 (Asia/Ho_Chi_Minh)', async () => {
    const { ctx } = await attachmentsContext(db);
    const job = dossiersCleanupJob(ctx);
    assert.equal(job.name, DOSSIERS_CLEANUP_JOB);
    assert.equal(job.cron, '30 2 * * *');
  });

  it('deletes expired drafts and orphan uploads, and bytes nothing else names', async () => {
    const { ctx, root, clock } = await attachmentsContext(db, {}, NOW.toISOString());
    const oldDraft = await insertDraft(db, { updatedAt: daysAgo(31) });
    const liveDraft = await insertDraft(db, { accountId: oldDraft.accountId, updatedAt: daysAgo(1) });
    const uploader = { kind: 'citizen' as const, id: oldDraft.accountId };
    const upload = async (bytes: Buffer, at: Date, target: UploadTarget) => {
      clock.set(at);
      return storeUpload(ctx, { stream: Readable.from([bytes]), fileName: 'a.pdf', uploader, target });
    };
    const shared = pdf('shared');
    const inOldDraft = await upload(pdf('old draft'), daysAgo(40), { draftId: oldDraft.id, slot: 1 });
    const sharedGone = await upload(shared, daysAgo(40), { draftId: oldDraft.id, slot: 2 });
    const inLiveDraft = await upload(pdf('live draft'), daysAgo(40), { draftId: liveDraft.id, slot: 1 });
    const sharedKept = await upload(shared, daysAgo(2), { draftId: liveDraft.id, slot: 2 });
    const inDocuments = await upload(pdf('documents'), daysAgo(40), { draftId: oldDraft.id, slot: 3 });
    const orphanDay = await upload(pdf('orphan 25h'), hoursAgo(25), { draftId: liveDraft.id, slot: 4 });
    const orphanRecent = await upload(pdf('orphan 23h'), hoursAgo(23), { draftId: liveDraft.id, slot: 5 });
    await db
      .updateTable('dossier_files')
      .set({ draft_id: null })
      .where('id', 'in', [orphanDay.id, orphanRecent.id])
      .execute();
    const infected = newId();
    await insertFileRow(db, {
      id: infected,
      uploadedByKind: 'citizen',
      uploadedById: uploader.id,
      draftId: null,
      slot: null,
      dossierId: null,
      componentId: null,
      // Bytes nobody stores: the old draft's hash with its first digit changed (never to itself).
      sha256: `${inOldDraft.sha256[0] === '0' ? '1' : '0'}${inOldDraft.sha256.slice(1)}`,
      size: 9,
      mediaType: 'application/pdf',
      fileName: 'x.pdf',
      scanStatus: 'infected',
      scanDetail: 'Eicar',
      at: daysAgo(40),
      removedAt: daysAgo(40),
    });
    await db
      .insertInto('citizen_documents')
      .values({
        id: newId(),
        account_id: uploader.id,
        kind: 0,
        code: `DOC.${newId()}`,
        name: 'Giấy khai sinh',
        sha256: inDocuments.sha256,
        media_type: 'application/pdf',
        size: inDocuments.size,
        issued_at: daysAgo(40),
        created_at: daysAgo(40),
      })
      .execute();

    clock.set(NOW);
    const first = await cleanUpDossierFiles(ctx);
    assert.equal(first.drafts, 1);
    assert.equal(first.files, 4);

    const drafts = await db
      .selectFrom('dossier_drafts')
      .select('id')
      .where('account_id', '=', uploader.id)
      .execute();
    assert.deepEqual(
      drafts.map((d) => d.id),
      [liveDraft.id],
    );
    const rows = await db
      .selectFrom('dossier_files')
      .select('id')
      .where('uploaded_by_id', '=', uploader.id)
      .execute();
    assert.deepEqual(
      new Set(rows.map((r) => r.id)),
      new Set([inLiveDraft.id, sharedKept.id, orphanRecent.id, infected]),
    );
    const files = new Set((await storedFiles(root)).map((f) => f.slice(6)));
    const expected = [inLiveDraft, sharedKept, orphanRecent, inDocuments].map((u) => u.sha256);
    assert.deepEqual(files, new Set(expected), 'bytes still named by a row or a citizen document stay');
    assert.ok(![inOldDraft, orphanDay].some((u) => files.has(u.sha256)));
    assert.equal(sharedGone.sha256, sharedKept.sha256);

    const second = await dossiersCleanupJob(ctx).handler(
      {},
      { id: 'again', log: createLogger(ctx.config), signal: new AbortController().signal },
    );
    assert.equal(second, undefined);
    assert.deepEqual(await cleanUpDossierFiles(ctx), { drafts: 0, files: 0, hashes: 0 }, 'idempotent');
    assert.equal((await storedFiles(root)).length, 4);
  });
});
