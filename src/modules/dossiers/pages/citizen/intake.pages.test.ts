/** The citizen's intake form /nop-ho-so/{code}: drafts, multipart uploads, validation, submission, reuse. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp } from '../../../../../test/build-test-app.js';
import {
  ONLINE_PROCEDURE,
  officerPrincipal,
  seedIntakeWorld,
  WARD,
} from '../../../../../test/factories-dossiers.js';
import { insertCitizen } from '../../../../../test/factories-identity.js';
import { csrfFor, csrfProbe } from '../../../../../test/page-forms.js';
import { fixedClock } from '../../../../platform/clock.js';
import type { App } from '../../../../platform/http/app-type.js';
import { jpegBytes } from '../../attachments/test-fixtures.js';
import { receiveDossier } from '../../review.service.js';
import { sessionAt } from '../desk/desk-test-support.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** A multipart post as the form makes it: the CSRF token rides in the action URL. */
async function postMultipart(
  app: App,
  url: string,
  cookie: string,
  fields: [string, string | Blob, string?][],
) {
  const csrf = await csrfFor(app, cookie);
  const fd = new FormData();
  for (const [name, value, fileName] of fields) {
    if (typeof value === 'string') fd.append(name, value);
    else fd.append(name, value, fileName);
  }
  const r = new Request('http://x', { method: 'POST', body: fd });
  return app.inject({
    method: 'POST',
    url: `${url}?_csrf=${encodeURIComponent(csrf.token)}`,
    headers: {
      cookie: csrf.cookie,
      'content-type': r.headers.get('content-type') ?? '',
      accept: 'text/html',
    },
    payload: Buffer.from(await r.arrayBuffer()),
  });
}

const clock = fixedClock('2026-12-07T01:30:00Z');
const { app, ctx } = await buildTestApp({ clock, extraRoutes: csrfProbe });
const db = ctx.db;
const world = await seedIntakeWorld(db, clock);
const URL = `/nop-ho-so/${ONLINE_PROCEDURE}`;
await db
  .updateTable('citizen_accounts')
  .set({
    claims: JSON.stringify({
      HoVaTen: 'Nguyễn Thị Hường',
      SoDinhDanh: '022185012345',
      SoDienThoai: '0912345678',
      NoiOHienNay: { MaTinh: '22', MaXa: WARD, DiaChiDayDu: 'Số 18, tổ 5, phường Hạ Long, tỉnh Quảng Ninh' },
    }),
  })
  .where('id', '=', world.citizen.id)
  .execute();
const cookie = await sessionAt(db, clock, { citizenId: world.citizen.id });
const post = (fields: [string, string | Blob, string?][], c = cookie) => postMultipart(app, URL, c, fields);

const person: [string, string][] = [
  ['applicant.name', 'Nguyễn Thị Hường'],
  ['applicant.idNumber', '022185012345'],
  ['applicant.communeCode', WARD],
  ['owner.name', 'Trần Minh Khang'],
  ['owner.birthDate', '2026-11-30'],
  ['returnMethod', 'online'],
];
const pdf = (name: string): [string, Blob, string] => [
  'slot-0',
  new Blob([PDF], { type: 'application/pdf' }),
  name,
];
const draftIdOf = (location: string) => /nhap=([0-9a-f-]{36})/.exec(location)?.[1] ?? '';
const hidden = (html: string, name: string) =>
  new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? '';

async function dossiersOf(accountId: string) {
  return db.selectFrom('dossiers').select(['id', 'code']).where('account_id', '=', accountId).execute();
}

describe('GET /nop-ho-so/{code}', () => {
  it('prefills the applicant from VNeID and offers one slot per document brought', async () => {
    const res = await app.inject({ url: URL, headers: { cookie, accept: 'text/html' } });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /value="Nguyễn Thị Hường"/);
    assert.match(res.body, /value="022185012345"/);
    assert.match(res.body, new RegExp(`<option value="${WARD}" selected`));
    assert.match(res.body, /enctype="multipart\/form-data"/);
    assert.match(res.body, /name="slot-0" multiple accept="application\/pdf,image\/jpeg/);
    assert.match(res.body, /name="slot-2"/);
    assert.doesNotMatch(res.body, /name="slot-3"/, 'a preparation note is not a slot');
    assert.match(res.body, /Trung tâm Phục vụ hành chính công phường Hạ Long/);
  });

  it('sends an anonymous visitor to the login page and refuses an officer', async () => {
    const anon = await app.inject({ url: URL, headers: { accept: 'text/html' } });
    assert.equal(anon.statusCode, 302);
    assert.equal(anon.headers.location, `/dang-nhap?next=${encodeURIComponent(URL)}`);
    const officer = await sessionAt(db, clock, { officerId: world.desk.id });
    const res = await app.inject({ url: URL, headers: { cookie: officer, accept: 'text/html' } });
    assert.equal(res.statusCode, 403);
  });

  it('refuses a multipart post without the CSRF token', async () => {
    const fd = new FormData();
    fd.append('action', 'save');
    const r = new Request('http://x', { method: 'POST', body: fd });
    const res = await app.inject({
      method: 'POST',
      url: URL,
      headers: { cookie, 'content-type': r.headers.get('content-type')!, accept: 'text/html' },
      payload: Buffer.from(await r.arrayBuffer()),
    });
    assert.equal(res.statusCode, 403);
  });
});

describe('POST /nop-ho-so/{code}', () => {
  it('keeps the uploaded file in the draft on a validation error, then submits once', async () => {
    const citizen = await insertCitizen(db, { fullName: 'Nguyễn Thị Hường' });
    const c = await sessionAt(db, clock, { citizenId: citizen.id });
    const bad = await post(
      [
        ['key', 'form-key-0001'],
        ...person.filter(([k]) => k !== 'applicant.idNumber'),
        pdf('to-khai.pdf'),
        ['action', 'submit'],
      ],
      c,
    );
    assert.equal(bad.statusCode, 400, bad.body.slice(0, 400));
    assert.match(bad.body, /class="error-summary"/);
    assert.match(bad.body, /href="#applicant.idNumber"/);
    assert.match(bad.body, /to-khai\.pdf/, 'the upload is listed');
    assert.match(bad.body, /value="Trần Minh Khang"/, 'values kept');
    const draftId = hidden(bad.body, 'draftId');
    assert.ok(draftId);
    const files = await db
      .selectFrom('dossier_files')
      .select(['slot'])
      .where('draft_id', '=', draftId)
      .where('removed_at', 'is', null)
      .execute();
    assert.deepEqual(files, [{ slot: 0 }]);
    // Second document as two photos; the retry repeats the whole post (a double click).
    const again: [string, string | Blob, string?][] = [
      ['key', hidden(bad.body, 'key')],
      ['draftId', draftId],
      ['rowVersion', hidden(bad.body, 'rowVersion')],
      ...person,
      ['slot-1', new Blob([jpegBytes()], { type: 'image/jpeg' }), 'trang-1.jpg'],
      ['slot-1', new Blob([jpegBytes(30, 40)], { type: 'image/jpeg' }), 'trang-2.jpg'],
      ['action', 'submit'],
    ];
    const ok = await post(again, c);
    assert.equal(ok.statusCode, 303, ok.body.slice(0, 600));
    const mine = await dossiersOf(citizen.id);
    assert.equal(mine.length, 1);
    assert.equal(ok.headers.location, `/ho-so-cua-toi/${mine[0]!.code}?da-nop=1`);
    const twice = await post(again, c);
    assert.equal(twice.statusCode, 303);
    assert.equal(twice.headers.location, ok.headers.location);
    assert.equal((await dossiersOf(citizen.id)).length, 1, 'one dossier');
    const attached = await db
      .selectFrom('dossier_files as f')
      .innerJoin('dossier_components as k', 'k.id', 'f.component_id')
      .select(['k.position', 'f.media_type', 'k.digitization'])
      .where('f.dossier_id', '=', mine[0]!.id)
      .where('f.removed_at', 'is', null)
      .orderBy('k.position')
      .execute();
    assert.deepEqual(
      attached,
      [
        { position: 0, media_type: 'application/pdf', digitization: 1 },
        { position: 1, media_type: 'application/pdf', digitization: 1 },
      ],
      'the two photos became one PDF',
    );
    const page = await app.inject({
      url: ok.headers.location as string,
      headers: { cookie: c, accept: 'text/html' },
    });
    assert.equal(page.statusCode, 200);
    assert.match(
      page.body,
      new RegExp(`Mã hồ sơ của bạn là</span> <strong>${mine[0]!.code.replace(/\./g, '\\.')}</strong>`),
    );
    assert.equal(
      await db.selectFrom('dossier_drafts').select('id').where('id', '=', draftId).executeTakeFirst(),
      undefined,
    );
  });

  it('saves a draft, lists it under my dossiers, resumes and deletes it', async () => {
    const citizen = await insertCitizen(db);
    const c = await sessionAt(db, clock, { citizenId: citizen.id });
    const saved = await post([['key', 'form-key-0002'], ...person, ['action', 'save']], c);
    assert.equal(saved.statusCode, 303);
    const draftId = draftIdOf(saved.headers.location as string);
    const resumed = await app.inject({
      url: saved.headers.location as string,
      headers: { cookie: c, accept: 'text/html' },
    });
    assert.match(resumed.body, /Đã lưu nháp/);
    assert.match(resumed.body, /value="Trần Minh Khang"/);
    // A stale row version (another device saved since) is refused and nothing is lost.
    const stale = await post(
      [['key', 'form-key-0002'], ['draftId', draftId], ['rowVersion', '0'], ...person, ['action', 'save']],
      c,
    );
    assert.equal(stale.statusCode, 400);
    assert.match(stale.body, /vừa được lưu từ nơi khác/);
    const list = await app.inject({ url: '/ho-so-cua-toi', headers: { cookie: c, accept: 'text/html' } });
    assert.match(list.body, new RegExp(`nhap=${draftId}`));
    assert.match(list.body, /Đăng ký khai sinh \(thử nghiệm\)/);
    const other = await sessionAt(db, clock, { citizenId: world.citizen.id });
    const foreign = await app.inject({
      url: `${URL}?nhap=${draftId}`,
      headers: { cookie: other, accept: 'text/html' },
    });
    assert.equal(foreign.statusCode, 404);
    const t = await csrfFor(app, c);
    const del = await app.inject({
      method: 'POST',
      url: `/ho-so-cua-toi/nhap/${draftId}/xoa`,
      headers: { cookie: t.cookie, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      payload: `_csrf=${encodeURIComponent(t.token)}`,
    });
    assert.equal(del.statusCode, 303);
    assert.equal(
      await db.selectFrom('dossier_drafts').select('id').where('id', '=', draftId).executeTakeFirst(),
      undefined,
    );
  });

  it('reuses a document of the data store: digitization 2 and where it came from', async () => {
    const citizen = await insertCitizen(db);
    const c = await sessionAt(db, clock, { citizenId: citizen.id });
    const first = await post(
      [
        ['key', 'form-key-0003'],
        ...person,
        pdf('to-khai.pdf'),
        ['slot-1', new Blob([PDF], { type: 'application/pdf' }), 'chung-sinh.pdf'],
        ['action', 'submit'],
      ],
      c,
    );
    assert.equal(first.statusCode, 303, first.body.slice(0, 400));
    const [d1] = await dossiersOf(citizen.id);
    await receiveDossier(ctx, officerPrincipal(world.desk), d1!.code, {} as never);
    const store = await app.inject({ url: '/kho-du-lieu', headers: { cookie: c, accept: 'text/html' } });
    assert.match(store.body, /022185012345\.1\.990001\.TP01\.01/);
    const doc = await db
      .selectFrom('citizen_documents')
      .select(['id'])
      .where('account_id', '=', citizen.id)
      .where('name', '=', 'Tờ khai đăng ký khai sinh')
      .executeTakeFirstOrThrow();
    const download = await app.inject({ url: `/kho-du-lieu/${doc.id}`, headers: { cookie: c } });
    assert.equal(download.statusCode, 200);
    assert.equal(download.rawPayload.subarray(0, 5).toString(), '%PDF-');
    const stranger = await sessionAt(db, clock, { citizenId: world.citizen.id });
    assert.equal(
      (await app.inject({ url: `/kho-du-lieu/${doc.id}`, headers: { cookie: stranger } })).statusCode,
      404,
    );
    const form = await app.inject({ url: URL, headers: { cookie: c, accept: 'text/html' } });
    assert.match(form.body, new RegExp(`name="reuse-0"[\\s\\S]*value="${doc.id}"`));
    const second = await post(
      [
        ['key', 'form-key-0004'],
        ...person,
        ['reuse-0', doc.id],
        ['slot-1', new Blob([PDF], { type: 'application/pdf' }), 'chung-sinh.pdf'],
        ['action', 'submit'],
      ],
      c,
    );
    assert.equal(second.statusCode, 303, second.body.slice(0, 400));
    const code = /ho-so-cua-toi\/([^?]+)/.exec(second.headers.location as string)![1]!;
    const comp = await db
      .selectFrom('dossier_components as k')
      .innerJoin('dossiers as d', 'd.id', 'k.dossier_id')
      .select(['k.digitization', 'k.reused_document_id'])
      .where('d.code', '=', code)
      .where('k.position', '=', 0)
      .executeTakeFirstOrThrow();
    assert.deepEqual(comp, { digitization: 2, reused_document_id: doc.id });
  });
});
