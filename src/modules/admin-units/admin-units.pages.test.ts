/** The public unit pages: search form and results, a unit's page with merged-from / merged-into, English. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { buildTestApp } from '../../../test/build-test-app.js';
import { fixedClock } from '../../platform/clock.js';
import { buildAdminUnitImport, loadSourceTexts } from './import/index.js';
import { adminUnitsModule } from './index.js';
import { importUnits } from './units-import.service.js';

const clock = fixedClock('2025-08-01T02:00:00Z');
const { app, ctx } = await buildTestApp({ modules: [adminUnitsModule], clock });
await importUnits(ctx.db, buildAdminUnitImport(await loadSourceTexts()));

const page = async (url: string, status = 200) => {
  const res = await app.inject({ url, headers: { accept: 'text/html' } });
  assert.equal(res.statusCode, status, `${url}: ${res.body.slice(0, 500)}`);
  assert.match(res.headers['content-type'] as string, /text\/html; charset=utf-8/);
  return res.body;
};
/** The text of the page without tags, spaces collapsed: what a person reads. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

describe('search page', () => {
  it('shows a labelled GET form and, without a query, the provinces on today', async () => {
    const html = await page('/don-vi-hanh-chinh');
    assert.match(html, /<h1>Tra cứu đơn vị hành chính<\/h1>/);
    assert.match(html, /<form class="search-form" method="get" action="\/don-vi-hanh-chinh">/);
    for (const id of ['q', 'ngay', 'cap']) {
      assert.match(html, new RegExp(`<label for="${id}">`), id);
      assert.match(html, new RegExp(`id="${id}"`), id);
    }
    assert.match(html, /<input id="ngay" name="ngay" type="date" value="2025-08-01"/);
    assert.match(text(html), /Các tỉnh, thành phố vào ngày 01\/08\/2025\./);
    assert.equal((html.match(/<li><a href="\/don-vi-hanh-chinh\/\d{2}\?/g) ?? []).length, 34);
    assert.match(html, /<link rel="stylesheet" href="\/don-vi-hanh-chinh\/admin-units.css"/);
  });

  it('finds "dong trieu" and links to the unit on the date searched', async () => {
    const html = await page('/don-vi-hanh-chinh?q=dong+trieu&ngay=2025-08-01');
    assert.match(
      html,
      /<ol class="unit-list"><li><a href="\/don-vi-hanh-chinh\/07093\?ngay=2025-08-01" lang="vi">Phường Đông Triều<\/a>/,
    );
    assert.match(text(html), /Phường · Tỉnh Quảng Ninh · mã 07093/);
    assert.match(html, /<input id="q" name="q" type="search" value="dong trieu"/);
    // A browser without a date picker sends what was typed: day/month/year is read too.
    const before = await page('/don-vi-hanh-chinh?q=dong+treu&ngay=30%2F06%2F2025');
    assert.match(before, /<input id="ngay" name="ngay" type="date" value="2025-06-30"/);
    assert.match(
      before,
      /<li><a href="\/don-vi-hanh-chinh\/205\?ngay=2025-06-30" lang="vi">Thành phố Đông Triều<\/a>/,
    );
  });

  it('lists a unit’s children and pages through them with plain links', async () => {
    const html = await page('/don-vi-hanh-chinh?thuoc=22&ngay=2025-08-01');
    assert.match(text(html), /Các đơn vị trực thuộc Tỉnh Quảng Ninh vào ngày 01\/08\/2025\./);
    assert.equal((html.match(/<li><a href="\/don-vi-hanh-chinh\/\d{5}\?/g) ?? []).length, 20);
    const next = /<a href="(\/don-vi-hanh-chinh\?[^"]*sau=[^"]+)" rel="next">Trang sau<\/a>/.exec(html)?.[1];
    assert.ok(next, 'a next-page link');
    const second = await page(next.replace(/&amp;/g, '&'));
    assert.match(second, /Về trang đầu/);
    assert.equal((second.match(/<li><a href="\/don-vi-hanh-chinh\/\d{5}\?/g) ?? []).length, 20);
  });

  it('says so when nothing is found', async () => {
    const html = await page('/don-vi-hanh-chinh?q=xyzxyzxyz');
    assert.match(text(html), /Không tìm thấy đơn vị nào/);
  });

  it('re-renders the form with an error summary linking to a bad date', async () => {
    const html = await page('/don-vi-hanh-chinh?q=ba+dinh&ngay=2025-02-30', 400);
    assert.match(html, /<div class="error-summary" role="alert"/);
    assert.match(html, /<a href="#ngay">Ngày không hợp lệ/);
    assert.match(html, /<span class="field-error" id="ngay-error">/);
    assert.match(html, /aria-describedby="ngay-hint ngay-error" aria-invalid="true"/);
    assert.match(html, /value="ba dinh"/);
    const level = await page('/don-vi-hanh-chinh?cap=thanh-pho', 400);
    assert.match(level, /<a href="#cap">/);
    const cursor = await page('/don-vi-hanh-chinh?q=an&sau=broken', 400);
    assert.match(text(cursor), /Liên kết trang không còn hợp lệ/);
  });

  it('escapes what it echoes back', async () => {
    const html = await page('/don-vi-hanh-chinh?q=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E');
    assert.doesNotMatch(html, /"><script>/);
    // Inside a quoted attribute only the quote could end the value, and it is escaped.
    assert.match(html, /<input id="q" name="q" type="search" value="(&#34;|&quot;)>/);
  });

  it('stays within the 60 KB budget of a public page (HTML + CSS, compressed)', async () => {
    const html = (await app.inject('/don-vi-hanh-chinh?thuoc=01&ngay=2025-06-30')).rawPayload;
    const css = (await app.inject('/assets/app.css')).rawPayload;
    const own = await app.inject('/don-vi-hanh-chinh/admin-units.css');
    assert.match(own.headers['content-type'] as string, /text\/css/);
    const total = gzipSync(html).length + gzipSync(css).length + gzipSync(own.rawPayload).length;
    assert.ok(total < 60 * 1024, `${total} bytes`);
  });
});

describe('unit page', () => {
  it('a new ward: name, type, parent, validity, and what it was merged from, whole or part', async () => {
    const html = await page('/don-vi-hanh-chinh/00145?ngay=2025-08-01');
    const seen = text(html);
    assert.match(html, /<h1 lang="vi">Phường Long Biên<\/h1>/);
    assert.match(
      seen,
      /Mã 00145 Loại Phường Cấp Cấp xã Trực thuộc Thành phố Hà Nội Hiệu lực từ 01\/07\/2025/,
    );
    assert.match(html, /<h2 id="merged-from">Sáp nhập từ<\/h2>/);
    assert.match(seen, /Ngày 01\/07\/2025, đơn vị này được hình thành từ các đơn vị cũ sau:/);
    assert.match(
      html,
      /<a href="\/don-vi-hanh-chinh\/00154\?ngay=2025-06-30" lang="vi">Phường Cự Khối<\/a> <span class="muted">\(mã 00154\)<\/span><\/span><strong class="badge badge--partial" title="Nhập một phần">một phần<\/strong>/,
    );
    assert.match(html, /<a href="\/don-vi-hanh-chinh\/00583\?ngay=2025-06-30" lang="vi">Xã Bát Tràng<\/a>/);
    assert.match(seen, /Sáp nhập một phần: .* không thể tự động chuyển sang đơn vị mới/);
    assert.match(seen, /Diện tích .* km² Dân số/);
  });

  it('an old commune merged whole: where it went, with its district', async () => {
    const html = await page('/don-vi-hanh-chinh/00013?ngay=2025-06-30');
    const seen = text(html);
    assert.match(seen, /Trực thuộc Quận Ba Đình/);
    assert.match(html, /<h2 id="merged-into">Sáp nhập vào<\/h2>/);
    assert.match(
      html,
      /<a href="\/don-vi-hanh-chinh\/00004\?ngay=2025-07-01" lang="vi">Phường Ba Đình<\/a> <span class="muted">\(mã 00004\)<\/span><\/span><strong class="badge badge--whole" title="Nhập toàn bộ">toàn bộ<\/strong>/,
    );
    assert.doesNotMatch(seen, /không thể tự động chuyển/);
  });

  it('an old commune split in parts warns that its addresses cannot be converted automatically', async () => {
    const seen = text(await page('/don-vi-hanh-chinh/00154?ngay=2025-06-30'));
    assert.match(
      seen,
      /Sáp nhập vào .* Phường Long Biên \(mã 00145\) một phần .* Xã Bát Tràng \(mã 00577\) một phần/,
    );
    assert.match(
      seen,
      /Đơn vị này được chia cho nhiều đơn vị mới\. Một địa chỉ thuộc đơn vị này không thể tự động chuyển/,
    );
  });

  it('shows every period of a code, and a Đồng Nai xã that became a phường', async () => {
    const seen = text(await page('/don-vi-hanh-chinh/26368?ngay=2026-05-01'));
    assert.match(seen, /Loại Phường/);
    assert.match(seen, /Thị trấn Long Thành Thị trấn · đến hết 30\/06\/2025/);
    assert.match(seen, /Xã Long Thành Xã · từ 01\/07\/2025 đến hết 29\/04\/2026/);
    assert.match(seen, /Phường Long Thành \(đang xem\) Phường · từ 30\/04\/2026/);
  });

  it('follows an alias, and lists the periods of a code asked on a date it meant nothing', async () => {
    const alias = text(await page('/don-vi-hanh-chinh/06970?ngay=2025-08-01'));
    assert.match(alias, /Mã 06970 là mã khác của đơn vị này/);
    const gone = await page('/don-vi-hanh-chinh/202?ngay=2025-08-01', 404);
    assert.match(text(gone), /Mã 202 không có hiệu lực vào ngày 01\/08\/2025/);
    assert.match(gone, /<a href="\/don-vi-hanh-chinh\/202\?ngay=2025-06-30" lang="vi">Huyện Ba Chẽ<\/a>/);
    await page('/don-vi-hanh-chinh/99999', 404);
    await page('/don-vi-hanh-chinh/00004?ngay=2025-13-01', 400);
  });

  it('speaks English with ?lang=en, keeping the legal names in Vietnamese', async () => {
    const html = await page('/don-vi-hanh-chinh/00145?ngay=2025-08-01&lang=en');
    const seen = text(html);
    assert.match(html, /<html lang="en">/);
    assert.match(
      seen,
      /Code 00145 Type Ward Level Commune level Part of Thành phố Hà Nội In force from 1 July 2025/,
    );
    assert.match(seen, /English name \(unofficial\) Long Bien Ward/);
    assert.match(html, /<h2 id="merged-from">Merged from<\/h2>/);
    assert.match(seen, /Phường Cự Khối \(code 00154\) part/);
    assert.match(seen, /cannot be converted to the new unit automatically/);
    const search = text(await page('/don-vi-hanh-chinh?q=ba+dinh&lang=en'));
    assert.match(
      search,
      /Name or code of the unit .* Units in force on 1 August 2025\. Phường Ba Đình Ward · Thành phố Hà Nội · code 00004/,
    );
  });
});
