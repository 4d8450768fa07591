/** /thong-bao and /can-bo/thong-bao: the messages the dossier-event job wrote, and "mark all read". */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp } from '../../../test/build-test-app.js';
import { ONLINE_PROCEDURE, seedIntakeWorld, WARD } from '../../../test/factories-dossiers.js';
import { sessionCookie } from '../../../test/factories-identity.js';
import { csrfFor, csrfProbe, postForm } from '../../../test/page-forms.js';
import { getDossier } from '../dossiers/index.js';
import { dossierEventJob } from './dossier-event.job.js';

const { app, ctx } = await buildTestApp({ extraRoutes: csrfProbe });
const db = ctx.db;
const world = await seedIntakeWorld(db);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** Submits the world's online procedure through the citizen's form (multipart, as a browser does). */
async function submitThroughForm(cookie: string): Promise<string> {
  const csrf = await csrfFor(app, cookie);
  const fd = new FormData();
  const fields: [string, string][] = [
    ['key', 'notify-page-key-1'],
    ['applicant.name', 'Nguyễn Thị Hường'],
    ['applicant.idNumber', '022185012345'],
    ['applicant.communeCode', WARD],
    ['returnMethod', 'online'],
  ];
  for (const [k, v] of fields) fd.append(k, v);
  fd.append('slot-0', new Blob([PDF], { type: 'application/pdf' }), 'to-khai.pdf');
  fd.append('slot-1', new Blob([PDF], { type: 'application/pdf' }), 'chung-sinh.pdf');
  fd.append('action', 'submit');
  const r = new Request('http://x', { method: 'POST', body: fd });
  const res = await app.inject({
    method: 'POST',
    url: `/nop-ho-so/${ONLINE_PROCEDURE}?_csrf=${encodeURIComponent(csrf.token)}`,
    headers: {
      cookie: csrf.cookie,
      'content-type': r.headers.get('content-type') ?? '',
      accept: 'text/html',
    },
    payload: Buffer.from(await r.arrayBuffer()),
  });
  assert.equal(res.statusCode, 303, res.body.slice(0, 300));
  return decodeURIComponent(/\/ho-so-cua-toi\/([^?]+)/.exec(res.headers.location as string)![1]!);
}

describe('notification pages', async () => {
  const citizen = await sessionCookie(db, { citizenId: world.citizen.id });
  const desk = await sessionCookie(db, { officerId: world.desk.id });
  const html = (url: string, c?: string) =>
    app.inject({ url, headers: { accept: 'text/html', ...(c ? { cookie: c } : {}) } });

  it('shows the message of a submission after the job ran, to the citizen and to the desk', async () => {
    const code = await submitThroughForm(citizen);
    assert.doesNotMatch((await html('/thong-bao', citizen)).body, new RegExp(code.replace(/\./g, '\\.')));
    const d = await getDossier(db, code);
    await dossierEventJob(ctx).handler(
      {
        eventId: `${d.id}:submitted`,
        kind: 'submitted',
        dossierId: d.id,
        code: d.code,
        procedureName: d.procedureName,
        accountId: d.accountId,
        receivingAgencyId: d.receivingAgency.id,
        at: new Date().toISOString(),
        detail: null,
        filedBy: d.filedBy,
      },
      { id: 'test', log: ctx.log, signal: new AbortController().signal },
    );
    const page = await html('/thong-bao', citizen);
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes(`Đã nộp hồ sơ ${code}`));
    assert.ok(page.body.includes(`href="/ho-so-cua-toi/${code}"`));
    assert.match(page.body, /Thông báo \(1 chưa đọc\)/);
    const deskPage = await html('/can-bo/thong-bao', desk);
    assert.equal(deskPage.statusCode, 200);
    assert.ok(deskPage.body.includes(`Hồ sơ mới ${code}`));
    const read = await postForm(app, '/thong-bao', citizen);
    assert.equal(read.statusCode, 303);
    assert.equal(read.headers.location, '/thong-bao');
    const after = await html('/thong-bao', citizen);
    assert.doesNotMatch(after.body, /chưa đọc\)/);
    assert.ok(after.body.includes(`Đã nộp hồ sơ ${code}`));
  });

  it('route × role', async () => {
    assert.equal((await html('/thong-bao')).statusCode, 302);
    assert.equal((await html('/thong-bao', desk)).statusCode, 403);
    assert.equal((await html('/can-bo/thong-bao', citizen)).statusCode, 403);
  });
});
