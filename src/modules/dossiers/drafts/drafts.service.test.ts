import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { describe, it } from 'node:test';
import { buildTestApp } from '../../../../test/build-test-app.js';
import {
  citizenPrincipal,
  ONLINE_PROCEDURE,
  onlineBody,
  seedIntakeWorld,
  TINY_PDF,
} from '../../../../test/factories-dossiers.js';
import { insertCitizen } from '../../../../test/factories-identity.js';
import { fixedClock } from '../../../platform/clock.js';
import { AppError } from '../../../platform/errors.js';
import type { Principal } from '../../../platform/http/access.js';
import { newId } from '../../../platform/ids.js';
import { readAttachment } from '../attachments/index.js';
import { jpegBytes, pngBytes } from '../attachments/test-fixtures.js';
import { submitDossier } from '../submission.service.js';
import { type Draft, type DraftContent, emptyContent } from './draft.js';
import {
  addDraftUpload,
  createDraft,
  deleteDraft,
  draftInput,
  findSubmittedByKey,
  getDraft,
  listDrafts,
  mergeDraftPhotos,
  removeDraftFile,
  saveDraft,
  submitDraft,
} from './drafts.service.js';

const clock = fixedClock('2026-12-07T01:30:00Z'); // Monday 08:30 in Vietnam
const { ctx } = await buildTestApp({ clock });
const world = await seedIntakeWorld(ctx.db, clock);
const citizen = citizenPrincipal(world.citizen) as Principal & { kind: 'citizen' };
const me = world.citizen.id;
const stranger = (await insertCitizen(ctx.db)).id;

const isError = (code: string, status: number) => (e: unknown) => {
  assert.ok(e instanceof AppError, String(e));
  assert.equal(e.code, code, e.message);
  assert.equal(e.status, status);
  return true;
};

let keys = 0;
/** A filled-in form for the world's online procedure, with a fresh idempotency key. */
const filled = (over: Partial<DraftContent> = {}): DraftContent => {
  const body = onlineBody();
  keys += 1;
  return {
    ...emptyContent(`draft-key-${String(keys).padStart(6, '0')}`),
    applicant: body.applicant,
    owner: body.owner,
    returnMethod: 'online',
    ...over,
  };
};

/** Uploads bytes into a slot; the clock moves on so upload order is the page order. */
async function upload(draftId: string, slot: number, bytes: Buffer, fileName: string, accountId = me) {
  clock.advance(1000);
  return addDraftUpload(ctx, accountId, draftId, slot, { stream: Readable.from([bytes]), fileName });
}

const fileRow = (id: string) =>
  ctx.db.selectFrom('dossier_files').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('createDraft and getDraft', () => {
  it('creates an empty draft of the account at row version 1, and resumes it with the same content', async () => {
    const content = filled();
    const d = await createDraft(ctx, me, ONLINE_PROCEDURE, content);
    assert.match(d.id, /^[0-9a-f-]{36}$/);
    assert.equal(d.accountId, me);
    assert.equal(d.procedureCode, ONLINE_PROCEDURE);
    assert.equal(d.rowVersion, 1);
    assert.deepEqual(d.content, content);
    assert.deepEqual(d.files, []);
    assert.equal(d.createdAt.getTime(), clock.now().getTime());
    const again = await getDraft(ctx, me, d.id);
    assert.deepEqual(again, d);
  });

  it('hides a draft from another account, and answers not found for unknown or malformed ids', async () => {
    const d = await createDraft(ctx, me, ONLINE_PROCEDURE, filled());
    await assert.rejects(getDraft(ctx, stranger, d.id), isError('draft.not_found', 404));
    await assert.rejects(getDraft(ctx, me, newId()), isError('draft.not_found', 404));
    await assert.rejects(getDraft(ctx, me, 'not-a-uuid'), isError('draft.not_found', 404));
    await assert.rejects(getDraft(ctx, me, "x' OR '1'='1"), isError('draft.not_found', 404));
  });
});

describe('saveDraft', () => {
  it('keeps the saved content, bumps the row version, and getDraft returns what was saved', async () => {
    const d = await createDraft(ctx, me, ONLINE_PROCEDURE, emptyContent('draft-key-save-01'));
    clock.advance(60_000);
    const content = filled({
      key: d.content.key,
      returnMethod: 'post',
      returnAddress: 'Số 5, phố Lê Thánh Tông, phường Hạ Long',
      assisted: true,
      reuse: { '2': newId() },
    });
    const saved = await saveDraft(ctx, me, d.id, 1, content);
    assert.equal(saved.rowVersion, 2);
    assert.deepEqual(saved.content, content);
    assert.ok(saved.updatedAt.getTime() > saved.createdAt.getTime());
    const resumed = await getDraft(ctx, me, d.id);
    assert.deepEqual(resumed.content, content);
    assert.equal(resumed.rowVersion, 2);
  });

  it('refuses a save from a stale row version with draft.changed (409), keeping the newer content', async () => {
    const d = await createDraft(ctx, me, ONLINE_PROCEDURE, filled());
    const tabA = filled({ key: d.content.key, returnMethod: 'desk' });
    const tabB = filled({ key: d.content.key, returnMethod: 'online', assisted: true });
    await saveDraft(ctx, me, d.id, 1, tabA);
    await assert.rejects(saveDraft(ctx, me, d.id, 1, tabB), isError('draft.changed', 409));
    const now = await getDraft(ctx, me, d.id);
    assert.equal(now.rowVersion, 2);
    assert.deepEqual(now.content, tabA);
  });

  it("refuses to save another account's draft with draft.not_found, changing nothing", async () => {
    const content = filled();
    const d = await createDraft(ctx, me, ONLINE_PROCEDURE, content);
    await assert.rejects(
      saveDraft(ctx, stranger, d.id, 1, filled({ returnMethod: 'desk' })),
      isError('draft.not_found', 404),
    );
    const kept = await getDraft(ctx, me, d.id);
    assert.equal(kept.rowVersion, 1);
    assert.deepEqual(kept.content, content);
  });
});

describe('listDrafts', () => {
  it("lists only the account's own drafts, last changed first", async () => {
    const owner = (await insertCitizen(ctx.db)).id;
    const first = await createDraft(ctx, owner, ONLINE_PROCEDURE, filled());
    clock.advance(1000);
    const second = await createDraft(ctx, owner, ONLINE_PROCEDURE, filled());
    clock.advance(1000);
    const other = await createDraft(ctx, stranger, ONLINE_PROCEDURE, filled());
    let list = await listDrafts(ctx, owner);
    assert.deepEqual(
      list.map((r) => r.id),
      [second.id, first.id],
    );
    assert.equal(list[0]?.procedure_code, ONLINE_PROCEDURE);
    // Saving the older one brings it to the top.
    clock.advance(1000);
    await saveDraft(ctx, owner, first.id, 1, first.content);
    list = await listDrafts(ctx, owner);
    assert.deepEqual(
      list.map((r) => r.id),
      [first.id, second.id],
    );
    assert.ok(!list.some((r) => r.id === other.id));
    assert.ok((await listDrafts(ctx, stranger)).some((r) => r.id === other.id));
  });
});

describe('addDraftUpload and removeDraftFile', () => {
  it("stores an upload in the draft's slot and lists it with the draft", async () => {
    const d = await createDraft(ctx, me, ONLINE_PROCEDURE, filled());
    const up = await upload(d.id, 0, TINY_PDF, 'to-khai.pdf');
    assert.equal(up.mediaType, 'application/pdf');
    assert.equal(up.size, TINY_PDF.length);
    const row = await fileRow(up.id);
    assert.equal(row.draft_id, d.id);
    assert.equal(row.slot, 0);
    assert.equal(row.uploaded_by_kind, 'citizen');
    assert.equal(row.uploaded_by_id, me);
    const png = await upload(d.id, 1, pngBytes(), 'giay-chung-sinh.png');
    const got = await getDraft(ctx, me, d.id);
    assert.deepEqual(
      got.files.map((f) => [f.id, f.slot, f.fileName, f.mediaType, f.size]),
      [
        [up.id, 0, 'to-khai.pdf', 'application/pdf', TINY_PDF.length],
        [png.id, 1, 'giay-chung-sinh.png', 'image/png', pngBytes().length],
      ],
    );
  });

  it("refuses an upload into another account's draft, storing no row", async () => {
    const d = await createDraft(ctx, me, ONLINE_PROCEDURE, filled());
    await assert.rejects(upload(d.id, 0, TINY_PDF, 'x.pdf', stranger), isError('draft.not_found', 404));
    const rows = await ctx.db.selectFrom('dossier_files').select('id').where('draft_id', '=', d.id).execute();
    assert.deepEqual(rows, []);
  });

  it('hides a removed file from the draft, and answers draft.file_not_found for a file not in it', async () => {
    const d = await createDraft(ctx, me, ONLINE_PROCEDURE, filled());
    const keep = await upload(d.id, 0, TINY_PDF, 'a.pdf');
    const drop = await upload(d.id, 0, jpegBytes(), 'b.jpg');
    await removeDraftFile(ctx, me, d.id, drop.id);
    const got = await getDraft(ctx, me, d.id);
    assert.deepEqual(
      got.files.map((f) => f.id),
      [keep.id],
    );
    assert.ok((await fileRow(drop.id)).removed_at instanceof Date, 'the row is kept, marked removed');
    // Removed already, of another draft, unknown: all not in this draft.
    await assert.rejects(removeDraftFile(ctx, me, d.id, drop.id), isError('draft.file_not_found', 404));
    const otherDraft = await createDraft(ctx, me, ONLINE_PROCEDURE, filled());
    const elsewhere = await upload(otherDraft.id, 0, TINY_PDF, 'c.pdf');
    await assert.rejects(removeDraftFile(ctx, me, d.id, elsewhere.id), isError('draft.file_not_found', 404));
    await assert.rejects(removeDraftFile(ctx, me, d.id, newId()), isError('draft.file_not_found', 404));
    // Another account cannot remove from my draft.
    await assert.rejects(removeDraftFile(ctx, stranger, d.id, keep.id), isError('draft.not_found', 404));
    assert.equal((await fileRow(keep.id)).removed_at, null);
  });
});

describe('mergeDraftPhotos', () => {
  it('merges the photos of one slot into one PDF in that slot, leaving other slots alone', async () => {
    const d = await createDraft(ctx, me, ONLINE_PROCEDURE, filled());
    const pdf = await upload(d.id, 0, TINY_PDF, 'to-khai.pdf');
    const photo0 = await upload(d.id, 0, jpegBytes(), 'anh-slot-0.jpg');
    const page1 = await upload(d.id, 1, jpegBytes(), 'trang-1.jpg');
    const page2 = await upload(d.id, 1, pngBytes(), 'trang-2.png');
    const merged = await mergeDraftPhotos(ctx, me, d.id, 1);
    assert.ok(merged);
    assert.equal(merged.mediaType, 'application/pdf');
    assert.equal(merged.fileName, 'trang-1.pdf');
    const got = await getDraft(ctx, me, d.id);
    assert.deepEqual(
      got.files.map((f) => [f.id, f.slot, f.mediaType]),
      [
        [pdf.id, 0, 'application/pdf'],
        [photo0.id, 0, 'image/jpeg'],
        [merged.id, 1, 'application/pdf'],
      ],
    );
    for (const p of [page1, page2]) assert.ok((await fileRow(p.id)).removed_at instanceof Date);
    const read = await readAttachment(ctx, merged.id);
    assert.equal(read.mediaType, 'application/pdf');
    const bytes = await buffer(read.stream);
    assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.equal(bytes.length, merged.size);
  });

  it('returns null for a slot without photos, and refuses another account', async () => {
    const d = await createDraft(ctx, me, ONLINE_PROCEDURE, filled());
    await upload(d.id, 0, TINY_PDF, 'to-khai.pdf');
    await upload(d.id, 1, jpegBytes(), 'anh.jpg');
    assert.equal(await mergeDraftPhotos(ctx, me, d.id, 0), null);
    assert.equal(await mergeDraftPhotos(ctx, me, d.id, 2), null);
    await assert.rejects(mergeDraftPhotos(ctx, stranger, d.id, 1), isError('draft.not_found', 404));
    assert.equal((await getDraft(ctx, me, d.id)).files.length, 2);
  });
});

describe('draftInput', () => {
  const at = new Date('2026-12-07T01:30:00Z');
  const file = (id: string, slot: number) => ({
    id,
    slot,
    fileName: `${id}.pdf`,
    mediaType: 'application/pdf',
    size: 10,
    createdAt: at,
  });
  const draft = (content: DraftContent, files: Draft['files']): Draft => ({
    id: 'draft-1',
    accountId: me,
    procedureCode: ONLINE_PROCEDURE,
    content,
    rowVersion: 3,
    createdAt: at,
    updatedAt: at,
    files,
  });

  it('maps the content to a submission: uploads per slot in order, reuse instead of uploads', () => {
    const content = filled({
      receivingAgencyId: world.wardCentre.id,
      returnMethod: 'post',
      returnAddress: 'Số 5, phố Lê Thánh Tông',
      assisted: true,
      reuse: { '2': 'doc-2', '1': 'doc-1' },
    });
    const input = draftInput(draft(content, [file('a', 0), file('b', 0), file('c', 1), file('d', 3)]));
    assert.deepEqual(input, {
      procedureCode: ONLINE_PROCEDURE,
      applicant: content.applicant,
      owner: content.owner,
      receivingAgencyId: world.wardCentre.id,
      returnMethod: 'post',
      returnAddress: 'Số 5, phố Lê Thánh Tông',
      assisted: true,
      components: [
        { position: 0, fileIds: ['a', 'b'] },
        // The chosen data-store document wins over an upload in the same slot.
        { position: 1, reuseDocumentId: 'doc-1' },
        { position: 2, reuseDocumentId: 'doc-2' },
        { position: 3, fileIds: ['d'] },
      ],
      draftId: 'draft-1',
    });
  });

  it('turns a nameless owner and an empty receiving centre into null', () => {
    const input = draftInput(
      draft(filled({ owner: { name: '', idNumber: '' }, receivingAgencyId: '' }), [file('a', 0)]),
    );
    assert.equal(input.owner, null);
    assert.equal(input.receivingAgencyId, null);
    assert.deepEqual(input.components, [{ position: 0, fileIds: ['a'] }]);
    const empty = draftInput(draft(emptyContent('k'), []));
    assert.deepEqual(empty.components, []);
    assert.equal(empty.returnMethod, '', 'no return method chosen: the check of submitDossier reports it');
  });
});

describe('submitDraft and findSubmittedByKey', () => {
  it('makes one dossier from the draft, merging the photos of a slot into one PDF, and consumes the draft', async () => {
    const d = await createDraft(ctx, me, ONLINE_PROCEDURE, filled());
    const pdf = await upload(d.id, 0, TINY_PDF, 'to-khai.pdf');
    await upload(d.id, 1, jpegBytes(), 'giay-chung-sinh-1.jpg');
    await upload(d.id, 1, pngBytes(), 'giay-chung-sinh-2.png');
    assert.equal(await findSubmittedByKey(ctx, me, d.content.key), null);

    const out = await submitDraft(ctx, citizen, d.id);
    assert.equal(out.created, true);
    const dossier = out.dossier;
    assert.equal(dossier.status, 1);
    assert.equal(dossier.channel, 2);
    assert.equal(dossier.filedBy, 'citizen_remote');
    assert.equal(dossier.procedureCode, ONLINE_PROCEDURE);
    assert.equal(dossier.applicant.name, 'Nguyễn Thị Hường');
    assert.equal(dossier.owner?.name, 'Trần Minh Khang');
    const [c0, c1] = dossier.components;
    assert.deepEqual(
      c0?.files.map((f) => f.id),
      [pdf.id],
    );
    assert.equal(c1?.files.length, 1, 'two photos became one file');
    assert.equal(c1?.files[0]?.mediaType, 'application/pdf');
    assert.equal(c1?.files[0]?.fileName, 'giay-chung-sinh-1.pdf');
    const bytes = await buffer((await readAttachment(ctx, c1!.files[0]!.id)).stream);
    assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-');

    // The submission took the draft away; the key still finds the dossier.
    await assert.rejects(getDraft(ctx, me, d.id), isError('draft.not_found', 404));
    assert.ok(!(await listDrafts(ctx, me)).some((r) => r.id === d.id));
    assert.equal(await findSubmittedByKey(ctx, me, d.content.key), dossier.code);
    assert.equal(await findSubmittedByKey(ctx, stranger, d.content.key), null);
    assert.equal(await findSubmittedByKey(ctx, me, 'draft-key-unknown'), null);

    // Submitting the same draft again finds no draft: a retry goes by the key instead.
    await assert.rejects(submitDraft(ctx, citizen, d.id), isError('draft.not_found', 404));
    const count = await ctx.db
      .selectFrom('dossier_submissions')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('caller', '=', `citizen:${me}`)
      .where('idempotency_key', '=', d.content.key)
      .executeTakeFirstOrThrow();
    assert.equal(Number(count.n), 1);
  });

  it("answers a retry under the draft's key with the same dossier, not a second one", async () => {
    const d = await createDraft(ctx, me, ONLINE_PROCEDURE, filled());
    await upload(d.id, 0, TINY_PDF, 'to-khai.pdf');
    await upload(d.id, 1, Buffer.concat([TINY_PDF, Buffer.from('% 2\n')]), 'giay-chung-sinh.pdf');
    const before = await getDraft(ctx, me, d.id);
    const first = await submitDraft(ctx, citizen, d.id);
    assert.equal(first.created, true);
    const retry = await submitDossier(ctx, citizen, draftInput(before), d.content.key);
    assert.equal(retry.created, false);
    assert.equal(retry.dossier.id, first.dossier.id);
    assert.equal(await findSubmittedByKey(ctx, me, d.content.key), first.dossier.code);
  });

  it('leaves the draft and its uploads in place when the submission is not valid', async () => {
    const d = await createDraft(ctx, me, ONLINE_PROCEDURE, filled({ returnMethod: null }));
    const a = await upload(d.id, 0, TINY_PDF, 'to-khai.pdf');
    const b = await upload(d.id, 1, Buffer.concat([TINY_PDF, Buffer.from('% b\n')]), 'gcs.pdf');
    await assert.rejects(submitDraft(ctx, citizen, d.id), (e: unknown) => {
      isError('dossier.invalid_input', 400)(e);
      assert.ok((e as AppError).fields.some((f) => f.field === 'returnMethod'));
      return true;
    });
    const kept = await getDraft(ctx, me, d.id);
    assert.deepEqual(
      kept.files.map((f) => f.id),
      [a.id, b.id],
    );
    assert.equal(await findSubmittedByKey(ctx, me, d.content.key), null);
    // A missing required document is refused too, and nothing is attached.
    const missing = await createDraft(ctx, me, ONLINE_PROCEDURE, filled());
    const only = await upload(missing.id, 0, TINY_PDF, 'to-khai.pdf');
    await assert.rejects(submitDraft(ctx, citizen, missing.id), isError('dossier.missing_components', 400));
    assert.equal((await fileRow(only.id)).dossier_id, null);
    assert.equal((await getDraft(ctx, me, missing.id)).files.length, 1);
  });

  it("refuses to submit another account's draft", async () => {
    const d = await createDraft(ctx, me, ONLINE_PROCEDURE, filled());
    const other = citizenPrincipal({ id: stranger }, 'Trần Văn Bình') as Principal & { kind: 'citizen' };
    await assert.rejects(submitDraft(ctx, other, d.id), isError('draft.not_found', 404));
    assert.equal((await getDraft(ctx, me, d.id)).id, d.id);
  });
});

describe('deleteDraft', () => {
  it('removes the draft and marks its uploads removed', async () => {
    const d = await createDraft(ctx, me, ONLINE_PROCEDURE, filled());
    const up = await upload(d.id, 0, TINY_PDF, 'to-khai.pdf');
    await deleteDraft(ctx, me, d.id);
    await assert.rejects(getDraft(ctx, me, d.id), isError('draft.not_found', 404));
    assert.ok(!(await listDrafts(ctx, me)).some((r) => r.id === d.id));
    assert.ok((await fileRow(up.id)).removed_at instanceof Date);
    await assert.rejects(deleteDraft(ctx, me, d.id), isError('draft.not_found', 404));
  });

  it("refuses to delete another account's draft, which stays", async () => {
    const d = await createDraft(ctx, me, ONLINE_PROCEDURE, filled());
    const up = await upload(d.id, 0, TINY_PDF, 'to-khai.pdf');
    await assert.rejects(deleteDraft(ctx, stranger, d.id), isError('draft.not_found', 404));
    const kept = await getDraft(ctx, me, d.id);
    assert.deepEqual(
      kept.files.map((f) => f.id),
      [up.id],
    );
  });
});
