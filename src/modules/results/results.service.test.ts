import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buffer } from 'node:stream/consumers';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';
import { buildTestApp } from '../../../test/build-test-app.js';
import { citizenPrincipal } from '../../../test/factories-dossiers.js';
import { AppError } from '../../platform/errors.js';
import { trustedRoots, verifyPdfSignatures } from '../../platform/signing/index.js';
import { getDossier } from '../dossiers/index.js';
import { applyProcessingAction } from '../workflow/index.js';
import { selectLiveResult } from './results.repository.js';
import { signBatch, signDossierResult } from './results.service.js';
import { releaseOnReturned, returnResult } from './return.service.js';
import { seedResultsWorld } from './test-support.js';
import { verifyById, verifyUpload } from './verify.service.js';

const run = promisify(execFile);
const { ctx } = await buildTestApp();
const db = ctx.db;
const w = await seedResultsWorld(ctx);

const code = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'ok';
  } catch (e) {
    return e instanceof AppError ? e.code : String(e);
  }
};

/** The text of a PDF as pdfjs reads it. */
async function pdfText(pdf: Buffer): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), useSystemFonts: false }).promise;
  const page = await doc.getPage(1);
  const content = await page.getTextContent();
  return content.items.map((i) => ('str' in i ? i.str : '')).join(' ');
}

async function hasPdfsig() {
  try {
    await run('pdfsig', ['-v']);
    return true;
  } catch {
    return false;
  }
}

describe('signing a result at the approval step', () => {
  it('signs, decides the dossier, numbers it, and the PDF verifies (own verifier and pdfsig)', async () => {
    const d = await w.atLeaderStep('results-sign-0001');
    assert.equal(await code(signDossierResult(ctx, w.specialist, d.code)), 'workflow.not_your_step');
    const r = await signDossierResult(ctx, w.leader, d.code, { signerTitle: 'Chủ tịch' });
    assert.equal(r.state, 'signed');
    assert.match(r.number_symbol ?? '', /^\d{2,}\/TL-UBND$|^\d{2,}\/[A-ZĐ]+-UBND$/);
    assert.equal(r.signer_name, 'Phạm Văn Lãnh');
    assert.equal(r.certificate_demo, true);
    assert.match(r.certificate_subject ?? '', /Ủy ban nhân dân phường Hạ Long/);
    assert.ok(r.data_store_code?.startsWith(`${d.owner?.idNumber ?? d.applicant.idNumber}.`));
    const after = await getDossier(db, d.id);
    assert.equal(after.status, 9, 'decided');
    const history = after.history.at(-1)!;
    assert.equal(history.action, 'decide');
    assert.match(history.content ?? '', /Phê duyệt và ký số/);

    const pdf = await buffer(await ctx.files.get(r.sha256!));
    const report = verifyPdfSignatures(pdf, { trustedRoots: await trustedRoots(ctx) });
    assert.equal(report.valid, true, report.summary);
    assert.equal(report.signatures[0]?.signer?.commonName, 'Ủy ban nhân dân phường Hạ Long');
    assert.equal(report.signatures[0]?.subFilter, 'ETSI.CAdES.detached');
    const text = (await pdfText(pdf)).normalize('NFC');
    for (const expected of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Ủy ban nhân dân phường Hạ Long'.toLocaleUpperCase('vi'),
      `Số: ${r.number_symbol}`,
      'Nguyễn Thị Hường',
      'Ký bởi: Phạm Văn Lãnh',
      'Chứng thư số demo',
    ]) {
      assert.ok(text.includes(expected), `${expected} in ${text.slice(0, 400)}`);
    }

    if (await hasPdfsig()) {
      const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'motcua-result-'));
      try {
        const file = path.join(dir, 'result.pdf');
        await fs.writeFile(file, pdf);
        const out = await run('pdfsig', [file]).catch((e: { stdout: string }) => ({ stdout: e.stdout }));
        assert.match(out.stdout, /Signature is Valid/);
        assert.match(out.stdout, /Ủy ban nhân dân phường Hạ Long/);
        const changed = Buffer.from(pdf);
        const at = changed.indexOf('/Title');
        assert.ok(at > 0);
        changed[at + 1] = 'X'.charCodeAt(0);
        await fs.writeFile(file, changed);
        const bad = await run('pdfsig', [file]).catch((e: { stdout: string }) => ({ stdout: e.stdout }));
        assert.doesNotMatch(bad.stdout, /Signature is Valid/);
      } finally {
        await fs.rm(dir, { recursive: true, force: true });
      }
    }
  });

  it('numbers of one agency and year are consecutive; a second sign of a decided dossier is refused', async () => {
    const a = await w.atLeaderStep('results-sign-0002');
    const b = await w.atLeaderStep('results-sign-0003');
    const ra = await signDossierResult(ctx, w.leader, a.code);
    const rb = await signDossierResult(ctx, w.leader, b.code);
    assert.equal(rb.register_number, (ra.register_number ?? 0) + 1);
    assert.equal(ra.register_year, rb.register_year);
    assert.notEqual(ra.verification_id, rb.verification_id);
    assert.equal(await code(signDossierResult(ctx, w.leader, a.code)), 'workflow.not_your_step');
  });

  it('an unclaimed approval step is claimed by the signing leader; batch signing reports each dossier', async () => {
    const a = await w.atLeaderStep('results-batch-0001');
    const b = await w.atLeaderStep('results-batch-0002');
    const notYet = await w.atLeaderStep('results-batch-0003', { receiveAtLeader: false });
    const out = await signBatch(ctx, w.leader, [a.code, b.code, notYet.code, a.code]);
    assert.deepEqual(
      out.map((o) => [o.dossier, o.ok, o.error?.code ?? null]),
      [
        [a.code, true, null],
        [b.code, true, null],
        [notYet.code, false, 'results.not_signing_step'],
      ],
    );
    assert.equal((await getDossier(db, notYet.id)).status, 4, 'the refused one did not move');
  });

  it('a signing failure leaves the dossier where it was, records the error, and a retry keeps the number', async () => {
    const d = await w.atLeaderStep('results-fail-0001');
    const dir = ctx.config.signing.dir;
    const p12 = path.join(dir, `${w.world.ward.code}.p12`);
    const keep = await fs.readFile(p12);
    // A damaged key file (replaced, so the cached signer is dropped): the signature cannot be made.
    await fs.writeFile(p12, Buffer.from('not a p12'));
    try {
      assert.equal(await code(signDossierResult(ctx, w.leader, d.code)), 'signing.p12_unreadable');
      const row = await selectLiveResult(db, d.id);
      assert.equal((await getDossier(db, d.id)).status, 4, 'the dossier stays where it was');
      assert.ok(row?.sign_error, 'the error is kept on the result');
      assert.ok(row?.number_symbol, 'the number was taken');
      assert.equal(row?.state, 'draft');
      await fs.writeFile(p12, keep);
      const retried = await signDossierResult(ctx, w.leader, d.code);
      assert.equal(retried.state, 'signed');
      assert.equal(retried.number_symbol, row?.number_symbol);
      assert.equal(retried.sign_error, null);
    } finally {
      await fs.writeFile(p12, keep);
    }
  });
});

describe('return and release', () => {
  it('the citizen sees the result only after the return; the desk records who picked it up', async () => {
    const d = await w.atLeaderStep('results-return-0001');
    const r = await signDossierResult(ctx, w.leader, d.code);
    const visible = () =>
      db
        .selectFrom('citizen_documents')
        .select(['hidden', 'kind', 'code'])
        .where('result_id', '=', r.id)
        .executeTakeFirstOrThrow();
    assert.equal((await visible()).hidden, true, 'hidden until returned (DOMAIN.md §9)');
    assert.equal((await visible()).kind, 1);

    assert.equal(
      await code(
        returnResult(ctx, w.desk, d.code, {
          method: 'desk',
          pickedUpBy: 'applicant',
          recipientIdNumber: '1',
        }),
      ),
      'results.recipient_id_invalid',
    );
    assert.equal(
      await code(
        returnResult(ctx, w.desk, d.code, {
          method: 'desk',
          pickedUpBy: 'applicant',
          recipientIdNumber: '001099000001',
        }),
      ),
      'results.recipient_not_applicant',
    );
    assert.equal(
      await code(returnResult(ctx, w.desk, d.code, { method: 'desk' })),
      'results.pickup_required',
    );
    assert.equal(
      await code(returnResult(ctx, w.specialist, d.code, { method: 'online' })),
      'workflow.forbidden',
    );
    const done = await returnResult(ctx, w.desk, d.code, {
      method: 'desk',
      pickedUpBy: 'authorised',
      recipientName: 'Trần Văn Nhận',
      recipientIdNumber: '022090001234',
      authorisationNote: 'Giấy ủy quyền số 12/UQ ngày 01/12/2026',
    });
    assert.ok(done.returned_at);
    assert.equal((await getDossier(db, d.id)).status, 10);
    assert.equal((await visible()).hidden, false);
    const record = await db
      .selectFrom('result_returns')
      .selectAll()
      .where('result_id', '=', r.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(
      [record.method, record.picked_up_by, record.recipient_name, record.recipient_id_number],
      ['desk', 'authorised', 'Trần Văn Nhận', '022090001234'],
    );
    assert.equal(await releaseOnReturned(ctx, d.id), false, 'the job finds it released');
  });

  it('a return through the bare workflow action is released by the job', async () => {
    const d = await w.atLeaderStep('results-return-0002');
    const r = await signDossierResult(ctx, w.leader, d.code);
    await applyProcessingAction(ctx, w.desk, d.code, 'return_result');
    assert.equal((await selectLiveResult(db, d.id))?.returned_at, null);
    assert.equal(await releaseOnReturned(ctx, d.id), true);
    assert.ok((await selectLiveResult(db, d.id))?.returned_at);
    const row = await db
      .selectFrom('result_returns')
      .select('method')
      .where('result_id', '=', r.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.method, 'online', 'the dossier’s chosen return method');
    assert.equal(await releaseOnReturned(ctx, d.id), false, 'idempotent');
  });

  it('a return without a signed result is refused', async () => {
    const d = await w.atLeaderStep('results-return-0003');
    assert.equal(await code(returnResult(ctx, w.desk, d.code, { method: 'online' })), 'results.not_signed');
    assert.equal(
      await code(returnResult(ctx, citizenPrincipal(w.world.citizen), d.code, { method: 'online' })),
      'results.not_signed',
    );
  });
});

describe('verification', () => {
  it('by id: the public facts and a valid signature; an unknown id is undefined', async () => {
    const d = await w.atLeaderStep('results-verify-0001');
    const r = await signDossierResult(ctx, w.leader, d.code);
    const found = await verifyById(ctx, r.verification_id);
    assert.ok(found);
    assert.equal(found.intact, true);
    assert.equal(found.report.valid, true);
    assert.equal(found.result.agencyName, 'Ủy ban nhân dân phường Hạ Long');
    assert.equal(found.result.numberSymbol, r.number_symbol);
    assert.equal(found.result.sha256, r.sha256);
    assert.ok(!JSON.stringify(found.result).includes('Nguyễn Thị Hường'), 'no personal data');
    assert.ok(!JSON.stringify(found.result).includes(d.applicant.idNumber ?? 'x'), 'no ID number');
    assert.equal(await verifyById(ctx, 'AAAAAAAAAAAAAAAAAAAAAAAA'), undefined);
    assert.equal(await verifyById(ctx, '../etc'), undefined);
  });

  it('an upload: authentic; one changed byte: altered; an unsigned PDF; not a PDF', async () => {
    const d = await w.atLeaderStep('results-verify-0002');
    const r = await signDossierResult(ctx, w.leader, d.code);
    const pdf = await buffer(await ctx.files.get(r.sha256!));
    const ok = await verifyUpload(ctx, pdf);
    assert.equal(ok.verdict, 'authentic');
    assert.equal(ok.result?.numberSymbol, r.number_symbol);
    const changed = Buffer.from(pdf);
    const at = changed.indexOf('/Title');
    changed[at + 1] = 'X'.charCodeAt(0);
    const altered = await verifyUpload(ctx, changed);
    assert.equal(altered.verdict, 'altered');
    assert.equal(altered.result, null);
    const unsigned = await verifyUpload(
      ctx,
      Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
    );
    assert.equal(unsigned.verdict, 'unsigned');
    assert.equal((await verifyUpload(ctx, Buffer.from('MZ not a pdf'))).verdict, 'not_pdf');
  });
});
