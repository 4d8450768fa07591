import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import PDFDocument from 'pdfkit';
import { buildTestApp } from '../../../test/build-test-app.js';
import { citizenPrincipal, onlineBody } from '../../../test/factories-dossiers.js';
import { insertOfficer, sessionCookie } from '../../../test/factories-identity.js';
import { csrfFor, csrfProbe, multipartBody, postForm } from '../../../test/page-forms.js';
import { trustedRoots, verifyPdfSignatures } from '../../platform/signing/index.js';
import { submitDossier } from '../dossiers/index.js';
import { seedResultsWorld } from './test-support.js';

const { app, ctx } = await buildTestApp({ extraRoutes: csrfProbe });
const db = ctx.db;
const w = await seedResultsWorld(ctx);
const cookie = {
  leader: await sessionCookie(db, { officerId: w.leaderRow.id }),
  desk: await sessionCookie(db, { officerId: w.world.desk.id }),
  specialist: await sessionCookie(db, { officerId: w.world.specialist.id }),
  citizen: await sessionCookie(db, { citizenId: w.world.citizen.id }),
};

const json = (method: 'GET' | 'POST', url: string, c: string | null, body?: object) =>
  app.inject({
    method,
    url,
    headers: {
      ...(c ? { cookie: c } : {}),
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    ...(body ? { payload: JSON.stringify(body) } : {}),
  });

describe('results API', () => {
  it('sign: the leader 200; other roles 403; anonymous 401; the result hidden from the citizen until returned', async () => {
    const d = await w.atLeaderStep('results-api-0001');
    assert.equal(
      (await json('POST', `/api/v1/dossiers/${d.code}/actions/sign`, cookie.specialist, {})).statusCode,
      403,
    );
    assert.equal(
      (await json('POST', `/api/v1/dossiers/${d.code}/actions/sign`, cookie.desk, {})).statusCode,
      403,
    );
    assert.equal(
      (await json('POST', `/api/v1/dossiers/${d.code}/actions/sign`, cookie.citizen, {})).statusCode,
      403,
    );
    assert.equal((await json('POST', `/api/v1/dossiers/${d.code}/actions/sign`, null, {})).statusCode, 401);
    const signed = await json('POST', `/api/v1/dossiers/${d.code}/actions/sign`, cookie.leader, {
      signerTitle: 'Chủ tịch',
    });
    assert.equal(signed.statusCode, 200, signed.body);
    const r = signed.json() as { id: string; state: string; numberSymbol: string; verificationUrl: string };
    assert.equal(r.state, 'signed');
    assert.match(r.verificationUrl, /\/verify\/[A-Za-z0-9_-]{24}$/);

    const meta = await json('GET', `/api/v1/results/${r.id}`, cookie.desk);
    assert.equal(meta.statusCode, 200);
    assert.ok('dataStoreCode' in meta.json(), 'officers see the data-store code');
    const pdf = await json('GET', `/api/v1/results/${r.id}.pdf`, cookie.desk);
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    assert.ok(pdf.rawPayload.subarray(0, 5).equals(Buffer.from('%PDF-')));
    assert.equal((await json('GET', `/api/v1/results/${r.id}`, cookie.citizen)).statusCode, 404, 'hidden');
    assert.equal(
      (await json('GET', `/api/v1/results/${r.id}.pdf`, cookie.citizen)).statusCode,
      404,
      'hidden',
    );
    assert.equal((await json('GET', `/api/v1/results/${r.id}`, null)).statusCode, 401);

    const refused = await json('POST', `/api/v1/dossiers/${d.code}/result/return`, cookie.desk, {
      method: 'desk',
      pickedUpBy: 'applicant',
      recipientIdNumber: '12',
    });
    assert.equal(refused.statusCode, 400);
    assert.equal(refused.json().code, 'results.recipient_id_invalid');
    assert.equal(
      (await json('POST', `/api/v1/dossiers/${d.code}/result/return`, cookie.leader, { method: 'online' }))
        .statusCode,
      403,
    );
    const returned = await json('POST', `/api/v1/dossiers/${d.code}/result/return`, cookie.desk, {
      method: 'online',
    });
    assert.equal(returned.statusCode, 200, returned.body);
    assert.ok(returned.json().returnedAt);
    const mine = await json('GET', `/api/v1/results/${r.id}`, cookie.citizen);
    assert.equal(mine.statusCode, 200);
    assert.ok(!('dataStoreCode' in mine.json()), 'the data-store code is for officers');
    assert.equal((await json('GET', `/api/v1/results/${r.id}.pdf`, cookie.citizen)).statusCode, 200);

    // On the citizen's dossier page and in their data store, and reusable in a new dossier.
    const mineHtml = await app.inject({
      url: `/ho-so-cua-toi/${d.code}`,
      headers: { accept: 'text/html', cookie: cookie.citizen },
    });
    assert.ok(mineHtml.body.includes('Kết quả giải quyết'));
    const link = /href="\/kho-du-lieu\/([0-9a-f-]{36})"/.exec(mineHtml.body);
    assert.ok(link, 'a link to the result in the data store');
    const store = await app.inject({ url: `/kho-du-lieu/${link[1]}`, headers: { cookie: cookie.citizen } });
    assert.equal(store.statusCode, 200);
    assert.ok(store.rawPayload.subarray(0, 5).equals(Buffer.from('%PDF-')));
    const again = await submitDossier(
      ctx,
      citizenPrincipal(w.world.citizen),
      onlineBody({
        components: [
          { position: 0, reuseDocumentId: link[1] },
          { position: 1, reuseDocumentId: link[1] },
        ],
      }) as never,
      'results-api-reuse-0001',
    );
    assert.deepEqual(
      again.dossier.components.slice(0, 2).map((c) => c.digitization),
      [3, 3],
      'reused from an earlier result (TrangThaiSoHoa 3)',
    );
  });

  it('sign-batch answers each dossier', async () => {
    const a = await w.atLeaderStep('results-api-0002');
    const b = await w.atLeaderStep('results-api-0003', { receiveAtLeader: false });
    const res = await json('POST', '/api/v1/results/sign-batch', cookie.leader, {
      dossiers: [a.code, b.code],
    });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json() as {
      signed: number;
      failed: number;
      results: { dossier: string; ok: boolean }[];
    };
    assert.equal(body.signed, 1);
    assert.equal(body.failed, 1);
    assert.deepEqual(
      body.results.map((x) => [x.dossier, x.ok]),
      [
        [a.code, true],
        [b.code, false],
      ],
    );
    assert.equal(
      (await json('POST', '/api/v1/results/sign-batch', cookie.desk, { dossiers: [a.code] })).statusCode,
      403,
    );
    assert.equal(
      (await json('POST', '/api/v1/results/sign-batch', cookie.leader, { dossiers: [] })).statusCode,
      400,
    );
  });
});

describe('result pages', () => {
  it('the leader signs on the result page; the desk returns there; others get 403 or 404', async () => {
    const d = await w.atLeaderStep('results-page-0001');
    const page = `/can-bo/ho-so/${d.code}/ket-qua`;
    const get = (c: string | null) =>
      app.inject({ url: page, headers: { accept: 'text/html', ...(c ? { cookie: c } : {}) } });
    const before = await get(cookie.leader);
    assert.equal(before.statusCode, 200);
    assert.ok(before.body.includes('Phê duyệt và ký số'));
    assert.ok(before.body.includes('Hồ sơ chưa có kết quả'));
    assert.equal((await get(cookie.citizen)).statusCode, 403);
    assert.equal((await get(null)).statusCode, 302);
    const signed = await postForm(app, `${page}/ky`, cookie.leader, { signerTitle: '' });
    assert.equal(signed.statusCode, 303, signed.body);
    const after = await app.inject({
      url: `${page}?xong=ky`,
      headers: { accept: 'text/html', cookie: cookie.leader },
    });
    assert.match(after.body, /Đã ký số kết quả \d{2,}\/[^ ]+\./);
    assert.ok(after.body.includes('Chứng thư số demo'));
    assert.match(after.body, /<iframe src="\/api\/v1\/results\/[0-9a-f-]+\.pdf"/);
    assert.equal((await postForm(app, `${page}/ky`, cookie.desk)).statusCode, 403);

    const desk = await get(cookie.desk);
    assert.ok(desk.body.includes('Trả tại Bộ phận Một cửa'));
    const wrong = await postForm(app, `${page}/tra`, cookie.desk, {
      method: 'desk',
      pickedUpBy: 'applicant',
      recipientIdNumber: '123',
    });
    assert.equal(wrong.statusCode, 400);
    assert.ok(wrong.body.includes('href="#recipientIdNumber"'));
    assert.ok(wrong.body.includes('value="123"'), 'what was typed is kept');
    const ok = await postForm(app, `${page}/tra`, cookie.desk, {
      method: 'desk',
      pickedUpBy: 'applicant',
      recipientIdNumber: d.applicant.idNumber ?? '',
    });
    assert.equal(ok.statusCode, 303, ok.body);
    const done = await app.inject({
      url: `${page}?xong=tra`,
      headers: { accept: 'text/html', cookie: cookie.desk },
    });
    assert.ok(done.body.includes('Đã trả kết quả.'));
    assert.ok(done.body.includes('Đã trả cho công dân'));
  });

  it('the batch page lists the leader’s dossiers and signs the ticked ones', async () => {
    const a = await w.atLeaderStep('results-page-0002');
    const page = await app.inject({
      url: '/can-bo/ky-so',
      headers: { accept: 'text/html', cookie: cookie.leader },
    });
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes(a.code));
    const none = await postForm(app, '/can-bo/ky-so', cookie.leader, {});
    assert.equal(none.statusCode, 400);
    assert.ok(none.body.includes('Hãy chọn ít nhất một hồ sơ.'));
    const signed = await postForm(app, '/can-bo/ky-so', cookie.leader, { dossiers: a.code });
    assert.equal(signed.statusCode, 200);
    assert.ok(signed.body.includes('Đã ký số 1 hồ sơ; 0 hồ sơ không ký được.'));
    assert.equal(
      (await app.inject({ url: '/can-bo/ky-so', headers: { accept: 'text/html', cookie: cookie.desk } }))
        .statusCode,
      403,
    );
  });

  it('the public verification page: by id (no personal data), by upload, JSON; unknown id 404', async () => {
    const d = await w.atLeaderStep('results-page-0003');
    const signed = await json('POST', `/api/v1/dossiers/${d.code}/actions/sign`, cookie.leader, {});
    const r = signed.json() as { id: string; verificationUrl: string };
    const path = new URL(r.verificationUrl).pathname;
    const page = await app.inject({ url: path, headers: { accept: 'text/html' } });
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes('còn nguyên vẹn và có chữ ký số hợp lệ'));
    assert.ok(page.body.includes('Ủy ban nhân dân phường Hạ Long'));
    assert.ok(!page.body.includes(d.applicant.name), 'no applicant name');
    assert.ok(!page.body.includes(d.applicant.idNumber ?? 'none'), 'no ID number');
    const api = await app.inject({ url: path, headers: { accept: 'application/json' } });
    assert.equal(api.json().valid, true);
    assert.equal((await app.inject({ url: '/verify/AAAAAAAAAAAAAAAAAAAAAAAA' })).statusCode, 404);

    const pdf = (await json('GET', `/api/v1/results/${r.id}.pdf`, cookie.desk)).rawPayload;
    const upload = async (bytes: Buffer) => {
      const csrf = await csrfFor(app);
      const body = await multipartBody([['file', { bytes, name: 'ket-qua.pdf', type: 'application/pdf' }]]);
      return app.inject({
        method: 'POST',
        url: `/verify?_csrf=${encodeURIComponent(csrf.token)}`,
        headers: { ...body.headers, cookie: csrf.cookie, accept: 'text/html' },
        payload: body.payload,
      });
    };
    const ok = await upload(pdf);
    assert.equal(ok.statusCode, 200);
    assert.ok(ok.body.includes('Văn bản này do hệ thống một cửa phát hành'));
    const changed = Buffer.from(pdf);
    changed[changed.indexOf('/Title') + 1] = 'X'.charCodeAt(0);
    const altered = await upload(changed);
    assert.ok(altered.body.includes('đã bị thay đổi sau khi ký'));
    const notPdf = await upload(Buffer.from('hello'));
    assert.equal(notPdf.statusCode, 422);
    assert.ok(notPdf.body.includes('không phải là tệp PDF'));
  });
});

describe('the clerk’s register and the landing-page links', () => {
  it('lists the numbers taken by the ward this year, newest first; the desk gets 403', async () => {
    const a = await w.atLeaderStep('results-register-0001');
    const signed = await json('POST', `/api/v1/dossiers/${a.code}/actions/sign`, cookie.leader, {});
    const number = signed.json().numberSymbol as string;
    const clerk = await insertOfficer(db, { grants: [{ agencyId: w.world.ward.id, role: 'clerk' }] });
    const c = await sessionCookie(db, { officerId: clerk.id });
    const page = await app.inject({ url: '/can-bo/so-van-ban', headers: { accept: 'text/html', cookie: c } });
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes(number), number);
    assert.ok(page.body.includes(a.code));
    assert.ok(page.body.includes('Phạm Văn Lãnh'));
    const desk = await app.inject({
      url: '/can-bo/so-van-ban',
      headers: { accept: 'text/html', cookie: cookie.desk },
    });
    assert.equal(desk.statusCode, 403);
    const home = await app.inject({ url: '/can-bo', headers: { accept: 'text/html', cookie: c } });
    assert.ok(home.body.includes('href="/can-bo/so-van-ban"'), 'on the clerk’s landing page');
    const leaderHome = await app.inject({
      url: '/can-bo',
      headers: { accept: 'text/html', cookie: cookie.leader },
    });
    assert.ok(leaderHome.body.includes('href="/can-bo/ky-so"'), 'on the leader’s landing page');
    const inbox = await app.inject({
      url: '/can-bo/ho-so',
      headers: { accept: 'text/html', cookie: cookie.leader },
    });
    assert.ok(inbox.body.includes('href="/can-bo/ky-so"'), 'beside the leader’s work list');
  });
});

describe('an uploaded result', () => {
  const uploadAs = async (
    code: string,
    c: string,
    bytes: Buffer,
    name = 'ket-qua.pdf',
    type = 'application/pdf',
  ) => {
    const body = await multipartBody([['file', { bytes, name, type }]]);
    return app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${code}/result/upload`,
      headers: { ...body.headers, cookie: c, 'idempotency-key': `upload-${code}-${bytes.length}-${name}` },
      payload: body.payload,
    });
  };

  it('a scan is signed by the leader (invisible signature); a file signed elsewhere is kept as it is', async () => {
    const scan = await pdfkitPdf('Ban quet quyet dinh');
    const d = await w.atLeaderStep('results-upload-0001');
    assert.equal((await uploadAs(d.code, cookie.desk, scan)).statusCode, 403, 'not the desk’s step now');
    const up = await uploadAs(d.code, cookie.leader, scan);
    assert.equal(up.statusCode, 200, up.body);
    assert.equal(up.json().state, 'draft');
    const signed = await json('POST', `/api/v1/dossiers/${d.code}/actions/sign`, cookie.leader, {});
    assert.equal(signed.statusCode, 200, signed.body);
    const pdf = (await json('GET', `/api/v1/results/${signed.json().id}.pdf`, cookie.leader)).rawPayload;
    const report = verifyPdfSignatures(pdf, { trustedRoots: await trustedRoots(ctx) });
    assert.equal(report.valid, true, report.summary);
    assert.equal(report.signatures.length, 1);

    // That signed file, uploaded as the result of another dossier: kept byte for byte.
    const e = await w.atLeaderStep('results-upload-0002');
    const keptUp = await uploadAs(e.code, cookie.leader, pdf, 'da-ky.pdf');
    assert.equal(keptUp.statusCode, 200, keptUp.body);
    const kept = await json('POST', `/api/v1/dossiers/${e.code}/actions/sign`, cookie.leader, {});
    assert.equal(kept.statusCode, 200, kept.body);
    assert.equal(kept.json().sha256, createHash('sha256').update(pdf).digest('hex'), 'not signed again');

    // A signed file changed after signing is refused at signing; the dossier stays.
    const f = await w.atLeaderStep('results-upload-0003');
    const changed = Buffer.from(pdf);
    changed[changed.indexOf('/Producer') + 2] = 'X'.charCodeAt(0);
    const changedUp = await uploadAs(f.code, cookie.leader, changed, 'sua.pdf');
    assert.equal(changedUp.statusCode, 200, changedUp.body);
    const refused = await json('POST', `/api/v1/dossiers/${f.code}/actions/sign`, cookie.leader, {});
    assert.equal(refused.statusCode, 409);
    assert.equal(refused.json().code, 'results.upload_signature_invalid');
    // An image is not a result document.
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
      'base64',
    );
    const image = await uploadAs(f.code, cookie.leader, png, 'anh.png', 'image/png');
    assert.equal(image.statusCode, 400);
    assert.equal(image.json().code, 'results.upload_not_pdf');
  });
});

/** A one-page PDF made with pdfkit, as a scanner's software would save it. */
function pdfkitPdf(text: string): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4' });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.fontSize(16).text(text, 72, 72);
  doc.end();
  return done;
}
