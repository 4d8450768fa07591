import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { buildTestApp } from '../../../../../test/build-test-app.js';
import { seedIntakeWorld } from '../../../../../test/factories-dossiers.js';
import { fixedClock } from '../../../../platform/clock.js';
import { trackingToken } from '../../tracking-token.js';
import { PERSONAL, receivedOnlineDossier } from './tracking-test-support.js';

const clock = fixedClock('2026-12-07T01:30:00Z'); // Monday 08:30 in Vietnam
const { app, ctx } = await buildTestApp({ clock });
const world = await seedIntakeWorld(ctx.db, clock);
const d = await receivedOnlineDossier(ctx, world, 'track-page-00001');
const page = (url: string) => app.inject(url);
const NOT_FOUND = 'Không tìm thấy hồ sơ với mã và số kiểm tra này.';

describe('public tracking pages', () => {
  it('shows the form: labelled fields, lang="vi", a plain GET form', async () => {
    const res = await page('/tra-cuu');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /^<!doctype html><html lang="vi">/);
    assert.match(res.body, /<h1>Tra cứu hồ sơ<\/h1>/);
    assert.match(res.body, /<form class="tracking-form" method="get" action="\/tra-cuu">/);
    assert.match(res.body, /<label for="code">Mã hồ sơ<\/label>/);
    assert.match(res.body, /<label for="check">4 số cuối của số điện thoại hoặc số định danh/);
    assert.match(res.body, /<link rel="stylesheet" href="\/tra-cuu\/tra-cuu.css"/);
    const en = await page('/tra-cuu?lang=en');
    assert.match(en.body, /<h1>Track a dossier<\/h1>/);
  });

  it('sends the submitted form to the dossier’s address, and says what is missing', async () => {
    const res = await page(`/tra-cuu?code=${encodeURIComponent(d.code.toLowerCase())}&check=5678`);
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, `/tra-cuu/${encodeURIComponent(d.code)}?check=5678`);
    const bad = await page(`/tra-cuu?code=${encodeURIComponent(d.code)}&check=56`);
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /class="error-summary"/);
    assert.match(bad.body, /<a href="#check">Hãy nhập đúng 4 chữ số.<\/a>/);
    assert.ok(bad.body.includes(`value="${d.code}"`), 'the code is kept');
  });

  it('shows status, procedure, agencies, dates in Vietnam time and the timeline, and no personal data', async () => {
    const res = await page(`/tra-cuu/${encodeURIComponent(d.code)}?check=5678`);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers['cache-control'], 'no-store');
    assert.ok(res.body.includes(`Hồ sơ ${d.code}`));
    assert.match(res.body, /<strong>Được tiếp nhận<\/strong>/);
    assert.ok(res.body.includes(d.procedureName));
    assert.ok(res.body.includes(world.wardCentre.name));
    assert.ok(res.body.includes(world.ward.name));
    assert.match(res.body, /07\/12\/2026 08:30/, 'submitted, 01:30Z is 08:30 in Vietnam');
    assert.match(res.body, /10\/12\/2026 08:30/, 'due date');
    assert.match(res.body, /Nộp hồ sơ/);
    assert.match(res.body, /Tiếp nhận hồ sơ/);
    for (const secret of [...PERSONAL, 'Trần Minh Khang']) {
      assert.ok(!res.body.includes(secret), `${secret} leaked`);
    }
    const en = await page(`/tra-cuu/${encodeURIComponent(d.code)}?check=2345&lang=en`);
    assert.match(en.body, /<strong>Received<\/strong>/);
  });

  it('opens from the slip’s QR token', async () => {
    const res = await page(
      `/tra-cuu/${encodeURIComponent(d.code)}?t=${trackingToken(ctx.serverSecret, d.code)}`,
    );
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<strong>Được tiếp nhận<\/strong>/);
  });

  it('answers a wrong check number and an unknown code alike: 404, the message, the form with the code', async () => {
    const unknown = d.code.replace(/\d{4}$/, '9999');
    const wrong = await page(`/tra-cuu/${encodeURIComponent(d.code)}?check=0000`);
    const missing = await page(`/tra-cuu/${encodeURIComponent(unknown)}?check=5678`);
    const badToken = await page(`/tra-cuu/${encodeURIComponent(d.code)}?t=AAAAAAAAAAAAAAAAAAAAAA`);
    for (const [res, code] of [
      [wrong, d.code],
      [missing, unknown],
      [badToken, d.code],
    ] as const) {
      assert.equal(res.statusCode, 404);
      assert.ok(res.body.includes(NOT_FOUND));
      assert.ok(res.body.includes(`value="${code}"`), 'the code is kept');
      assert.match(res.body, /<form class="tracking-form"/);
      assert.doesNotMatch(res.body, /Được tiếp nhận/);
    }
    // Nothing but what was typed (the code, and the digits in the language link) tells them apart.
    const plain = (body: string, code: string) => body.replaceAll(code, 'X').replace(/check=\d+/g, '');
    assert.equal(plain(wrong.body, d.code), plain(missing.body, unknown));
    const en = await page(`/tra-cuu/${encodeURIComponent(d.code)}?check=0000&lang=en`);
    assert.match(en.body, /No dossier matches this code and check number/);
  });

  it('escapes what it echoes back', async () => {
    const res = await page('/tra-cuu?code=%3Cscript%3Ealert(1)%3C%2Fscript%3E&check=1');
    assert.doesNotMatch(res.body, /<script>alert/);
  });

  it('stays under the 60 KB budget (HTML + CSS, compressed)', async () => {
    const html = (await page(`/tra-cuu/${encodeURIComponent(d.code)}?check=5678`)).rawPayload;
    const css = (await page('/assets/app.css')).rawPayload;
    const own = await page('/tra-cuu/tra-cuu.css');
    assert.equal(own.statusCode, 200);
    assert.match(own.headers['content-type'] as string, /text\/css/);
    const total = gzipSync(html).length + gzipSync(css).length + gzipSync(own.rawPayload).length;
    assert.ok(total < 60 * 1024, `${total} bytes`);
  });
});
