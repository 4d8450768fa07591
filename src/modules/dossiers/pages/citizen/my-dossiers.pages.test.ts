/** /ho-so-cua-toi and /ho-so-cua-toi/{code}: who sees what, completion answered, withdrawal, files. */
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
import { csrfFor, csrfProbe, postForm } from '../../../../../test/page-forms.js';
import { fixedClock } from '../../../../platform/clock.js';
import type { App } from '../../../../platform/http/app-type.js';
import { receiveDossier, requestCompletion } from '../../review.service.js';
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
const desk = officerPrincipal(world.desk);

let seq = 0;
async function submitted(c: string) {
  seq += 1;
  const res = await postMultipart(app, `/nop-ho-so/${ONLINE_PROCEDURE}`, c, [
    ['key', `my-dossier-key-${seq}`],
    ['applicant.name', 'Nguyễn Thị Hường'],
    ['applicant.idNumber', '022185012345'],
    ['applicant.communeCode', WARD],
    ['returnMethod', 'online'],
    ['slot-0', new Blob([PDF], { type: 'application/pdf' }), 'to-khai.pdf'],
    ['slot-1', new Blob([PDF], { type: 'application/pdf' }), 'chung-sinh.pdf'],
    ['action', 'submit'],
  ]);
  assert.equal(res.statusCode, 303, res.body.slice(0, 300));
  return decodeURIComponent(/\/ho-so-cua-toi\/([^?]+)/.exec(res.headers.location as string)![1]!);
}

const html = (url: string, c?: string) =>
  app.inject({ url, headers: { accept: 'text/html', ...(c ? { cookie: c } : {}) } });

describe('my dossiers', async () => {
  const owner = await insertCitizen(db, { fullName: 'Nguyễn Thị Hường' });
  const c = await sessionAt(db, clock, { citizenId: owner.id });
  const other = await sessionAt(db, clock, { citizenId: world.citizen.id });
  const officer = await sessionAt(db, clock, { officerId: world.desk.id });
  const code = await submitted(c);

  it('lists my dossiers with the status name; others see nothing of them', async () => {
    const list = await html('/ho-so-cua-toi', c);
    assert.equal(list.statusCode, 200);
    assert.ok(list.body.includes(`>${code}</a>`));
    assert.match(list.body, /Mới đăng ký/);
    const theirs = await html('/ho-so-cua-toi', other);
    assert.ok(!theirs.body.includes(code));
  });

  it('route × role: anonymous → login, officer → 403, another citizen → 404', async () => {
    const path = `/ho-so-cua-toi/${code}`;
    const anon = await html(path);
    assert.equal(anon.statusCode, 302);
    assert.equal(anon.headers.location, `/dang-nhap?next=${encodeURIComponent(path)}`);
    assert.equal((await html(path, officer)).statusCode, 403);
    assert.equal((await html(path, other)).statusCode, 404);
    assert.equal((await html('/kho-du-lieu', officer)).statusCode, 403);
    assert.equal((await html('/ho-so-cua-toi', officer)).statusCode, 403);
  });

  it('shows the timeline and lets only the owner download a file', async () => {
    const page = await html(`/ho-so-cua-toi/${code}`, c);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Nộp hồ sơ<\/strong>/);
    const fileHref = /href="(\/ho-so-cua-toi\/[^"]+\/tep\/[0-9a-f-]+)"/.exec(page.body)?.[1];
    assert.ok(fileHref);
    const file = await app.inject({ url: fileHref, headers: { cookie: c } });
    assert.equal(file.statusCode, 200);
    assert.equal(file.headers['content-type'], 'application/pdf');
    assert.equal((await app.inject({ url: fileHref, headers: { cookie: other } })).statusCode, 404);
  });

  it('answers a completion request: missing list, new file, old removed, sent back', async () => {
    await requestCompletion(ctx, desk, code, {
      missing: [{ name: 'Giấy chứng sinh', reason: 'Ảnh chụp mờ, không đọc được' }],
    });
    const page = await html(`/ho-so-cua-toi/${code}`, c);
    assert.match(page.body, /Giấy tờ cần bổ sung/);
    assert.match(page.body, /Ảnh chụp mờ, không đọc được/);
    assert.match(page.body, /slips\/completion-request\.pdf/);
    const oldFile = await db
      .selectFrom('dossier_files as f')
      .innerJoin('dossier_components as k', 'k.id', 'f.component_id')
      .innerJoin('dossiers as d', 'd.id', 'f.dossier_id')
      .select('f.id')
      .where('d.code', '=', code)
      .where('k.position', '=', 1)
      .executeTakeFirstOrThrow();
    const removed = await postForm(app, `/ho-so-cua-toi/${code}/go-tep`, c, { fileId: oldFile.id });
    assert.equal(removed.statusCode, 303);
    const added = await postMultipart(app, `/ho-so-cua-toi/${code}/them-tep`, c, [
      ['component', '1'],
      ['file', new Blob([PDF], { type: 'application/pdf' }), 'chung-sinh-ro.pdf'],
    ]);
    assert.equal(added.statusCode, 303, added.body.slice(0, 300));
    const sent = await postForm(app, `/ho-so-cua-toi/${code}/bo-sung`, c, { note: 'Đã chụp lại' });
    assert.equal(sent.statusCode, 303);
    const after = await html(sent.headers.location as string, c);
    assert.match(after.body, /Đã gửi hồ sơ bổ sung/);
    assert.match(after.body, /chung-sinh-ro\.pdf/);
    assert.doesNotMatch(after.body, />chung-sinh\.pdf</);
    assert.match(after.body, /Công dân đã gửi bổ sung/);
  });

  it('withdraws: a reason is required; a received dossier becomes a request the desk confirms', async () => {
    const empty = await postForm(app, `/ho-so-cua-toi/${code}/rut`, c, { reason: '  ' });
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /href="#reason"/);
    await receiveDossier(ctx, desk, code, {} as never);
    const page = await html(`/ho-so-cua-toi/${code}`, c);
    assert.match(page.body, /cán bộ tiếp nhận xác nhận/);
    const res = await postForm(app, `/ho-so-cua-toi/${code}/rut`, c, { reason: 'Nộp nhầm thủ tục' });
    assert.equal(res.statusCode, 303);
    const row = await db
      .selectFrom('dossiers')
      .select(['status', 'withdraw_reason'])
      .where('code', '=', code)
      .executeTakeFirstOrThrow();
    assert.deepEqual(row, { status: 2, withdraw_reason: 'Nộp nhầm thủ tục' });
    const shown = await html(`/ho-so-cua-toi/${code}`, c);
    assert.match(shown.body, /đang chờ cán bộ tiếp nhận xác nhận/);
    assert.match(shown.body, /slips\/receipt\.pdf/);
  });

  it('withdraws a dossier not yet received at once', async () => {
    const fresh = await submitted(c);
    const res = await postForm(app, `/ho-so-cua-toi/${fresh}/rut`, c, { reason: 'Không cần nữa' });
    assert.equal(res.statusCode, 303);
    const row = await db
      .selectFrom('dossiers')
      .select('status')
      .where('code', '=', fresh)
      .executeTakeFirstOrThrow();
    assert.equal(row.status, 7);
  });
});
