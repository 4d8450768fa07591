import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { buildTestApp } from '../../test/build-test-app.js';

describe('home page', async () => {
  const { app } = await buildTestApp();

  it('says what the portal is, in Vietnamese by default', async () => {
    const res = await app.inject('/');
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['content-type'] as string, /text\/html; charset=utf-8/);
    assert.match(res.body, /^<!doctype html><html lang="vi">/);
    assert.match(res.body, /<h1>Thủ tục hành chính một cửa<\/h1>/);
    assert.match(res.body, /<a class="skip-link" href="#main">/);
    assert.match(res.body, /<main id="main"/);
    assert.match(res.body, /<a href="\/\?lang=en" lang="en"/);
    assert.equal(res.body, res.body.normalize('NFC'), 'Vietnamese text is NFC');
  });

  it('switches to English with ?lang=en and remembers it in a cookie', async () => {
    const res = await app.inject('/?lang=en');
    assert.match(res.body, /<html lang="en">/);
    assert.match(res.body, /<h1>One-stop administrative procedures<\/h1>/);
    const cookie = res.cookies.find((c) => c.name === 'lang');
    assert.equal(cookie?.value, 'en');
    assert.equal(cookie?.httpOnly, true);
    const next = await app.inject({ url: '/', headers: { cookie: 'lang=en' } });
    assert.match(next.body, /<html lang="en">/);
    assert.match(next.body, /<a href="\/\?lang=vi" lang="vi"/);
  });

  it('ignores an unknown language', async () => {
    const res = await app.inject('/?lang=fr');
    assert.match(res.body, /<html lang="vi">/);
    assert.equal(
      res.cookies.find((c) => c.name === 'lang'),
      undefined,
    );
  });

  it('stays far under the 60 KB budget for a public page (HTML + CSS, compressed)', async () => {
    const html = (await app.inject('/')).rawPayload;
    const css = (await app.inject('/assets/app.css')).rawPayload;
    const total = gzipSync(html).length + gzipSync(css).length;
    assert.ok(total < 60 * 1024, `${total} bytes`);
  });

  it('shows a Vietnamese 404 page with a way home', async () => {
    const res = await app.inject('/khong-co-trang-nay');
    assert.equal(res.statusCode, 404);
    assert.match(res.headers['content-type'] as string, /text\/html/);
    assert.match(res.body, /<h1>Không tìm thấy trang<\/h1>/);
    assert.match(res.body, /<a href="\/">Về trang chủ<\/a>/);
    const en = await app.inject('/missing?lang=en');
    assert.match(en.body, /<h1>Page not found<\/h1>/);
  });

  it('escapes what it echoes back', async () => {
    const res = await app.inject('/?lang=en&q=%3Cscript%3Ealert(1)%3C/script%3E');
    assert.doesNotMatch(res.body, /<script>alert/);
    assert.match(res.body, /href="\/\?lang=vi&(amp;)?q=%3Cscript%3Ealert%281%29%3C%2Fscript%3E"/);
  });
});
