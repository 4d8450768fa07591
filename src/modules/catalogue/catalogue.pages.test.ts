/**
 * The public catalogue pages on the shipped records: search with marked words and filters, the
 * fields and their QR sheets, a procedure in plain language (components, time, fees with an online
 * reduction in force, the national portal's button), a past version, the printable page, and 404s.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { buildTestApp } from '../../../test/build-test-app.js';
import { fixedClock } from '../../platform/clock.js';
import { SHIPPED_LIST, SHIPPED_RECORDS } from './catalogue.command.js';
import { exportCatalogue } from './catalogue.service.js';
import { importCatalogue } from './catalogue-import.service.js';
import { contentHash, type ProcedureContent } from './content.js';
import { catalogueModule } from './index.js';

const clock = fixedClock('2026-03-01T03:00:00Z');
const { app, ctx } = await buildTestApp({ modules: [catalogueModule], clock });
const IMPORTED = new Date('2026-01-01T00:00:00Z');
await importCatalogue(ctx.db, {
  text: await readFile(SHIPPED_RECORDS, 'utf8'),
  listCsv: await readFile(SHIPPED_LIST, 'utf8'),
  sourceFile: SHIPPED_RECORDS,
  now: IMPORTED,
});

/** Version 2 of 1.002755 (gia hạn tạm trú), from 1 Feb 2026: a 50% online reduction and a template. */
const REDUCED = '1.002755';
const BASIS = 'Nghị quyết số 12/2025/NQ-HĐND';
const TEMPLATE = 'https://dichvucong.gov.vn/p/home/dvc-tai-lieu/Mau-CT01.docx';
{
  const exported = await exportCatalogue(ctx.db);
  const procedure = exported.procedures.find((p) => p.code === REDUCED);
  assert.ok(procedure);
  const v1 = procedure.versions[0];
  assert.ok(v1);
  const content: ProcedureContent = structuredClone(v1.content);
  content.feeReductions = [
    { channel: 'online', percent: 50, validFrom: '2026-01-01', validTo: '2026-12-31', legalBasis: BASIS },
    {
      channel: 'online',
      percent: 100,
      validFrom: '2025-01-01',
      validTo: '2025-12-31',
      legalBasis: 'hết hạn',
    },
  ];
  const first = content.components[0];
  assert.ok(first);
  content.components[0] = { ...first, templateUrl: TEMPLATE, templateFile: 'Mẫu CT01.docx' };
  const v2 = {
    ...v1,
    versionNumber: 2,
    effectiveFrom: '2026-02-01T00:00:00.000Z',
    publishedAt: '2026-01-20T00:00:00.000Z',
    contentHash: contentHash(content),
    content,
  };
  const out = await importCatalogue(ctx.db, {
    text: JSON.stringify({ ...exported, procedures: [{ ...procedure, versions: [v1, v2] }] }),
    listCsv: await readFile(SHIPPED_LIST, 'utf8'),
    sourceFile: 'reduction.json',
    now: new Date('2026-01-20T00:00:00Z'),
  });
  assert.equal(out.summary.versionsWritten, 1, JSON.stringify(out.summary));
}

const page = async (url: string, status = 200) => {
  const res = await app.inject({ url, headers: { accept: 'text/html' } });
  assert.equal(res.statusCode, status, `${url}: ${res.body.slice(0, 500)}`);
  assert.match(res.headers['content-type'] as string, /text\/html; charset=utf-8/);
  assert.equal(res.body, res.body.normalize('NFC'), 'Vietnamese text is NFC');
  return res.body;
};
/** The text of the page without tags, spaces collapsed: what a person reads. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#39;/g, "'")
    .replace(/&#34;|&quot;/g, '"')
    .replace(/\s+/g, ' ');

describe('search page', () => {
  it('without a query: the labelled GET form, every procedure by name, and links to browse', async () => {
    const html = await page('/thu-tuc');
    assert.match(html, /<h1>Thủ tục hành chính<\/h1>/);
    assert.match(html, /<form class="search-form" method="get" action="\/thu-tuc">/);
    for (const id of ['q', 'field', 'level', 'agency', 'online']) {
      assert.match(html, new RegExp(`<label for="${id}">`), id);
      assert.match(html, new RegExp(`id="${id}" name="${id}"`), id);
    }
    for (const online of ['Toàn trình', 'Một phần', 'Không'])
      assert.match(html, new RegExp(`>${online}</option>`));
    const seen = text(html);
    assert.match(seen, /Tất cả thủ tục, xếp theo tên Tìm thấy \d{3} thủ tục\./);
    assert.equal((html.match(/<li class="hit">/g) ?? []).length, 20);
    assert.match(
      html,
      /<a href="\/thu-tuc\?field=H%E1%BB%99\+t%E1%BB%8Bch" lang="vi">Hộ tịch<\/a> <span class="muted">\(41 thủ tục\)<\/span>/,
    );
    assert.match(html, /<a href="\/thu-tuc\?level=commune" lang="vi">Cấp xã<\/a>/);
    assert.match(html, /<a href="\/thu-tuc\/linh-vuc">Xem tất cả \d+ lĩnh vực<\/a>/);
    assert.match(html, /<link rel="stylesheet" href="\/thu-tuc\/thu-tuc.css"/);
  });

  it('finds "dang ky khai sinh" typed without diacritics, marks the words, links to the procedure', async () => {
    const html = await page('/thu-tuc?q=dang+ky+khai+sinh');
    const hit = /<li class="hit">(.*?)<\/li>/s.exec(html)?.[1] ?? '';
    assert.match(text(hit), /Thủ tục đăng ký khai sinh/);
    assert.match(hit, /<span>Thủ tục <\/span><mark>đăng ký khai sinh<\/mark>/);
    assert.match(text(hit), /Mã 1\.001193 · Hộ tịch · Cấp xã Trực tuyến một phần/);
    assert.match(
      hit,
      /<a class="hit__link" href="\/thu-tuc\/1.001193" aria-describedby="hit-1-001193">Xem thủ tục<\/a>/,
    );
    assert.match(text(html), /Tìm thấy \d+ thủ tục\./);
    assert.match(html, /<input id="q" name="q" type="search" value="dang ky khai sinh"/);
  });

  it('filters by field and pages through with plain links', async () => {
    const html = await page('/thu-tuc?field=H%E1%BB%99+t%E1%BB%8Bch');
    assert.match(text(html), /Tìm thấy 41 thủ tục\./);
    assert.match(html, /<option value="Hộ tịch" selected>Hộ tịch<\/option>/);
    assert.match(html, /<details class="search-form__more" open>/);
    const next = /<a href="(\/thu-tuc\?[^"]*cursor=[^"]+)" rel="next">Trang sau<\/a>/.exec(html)?.[1];
    assert.ok(next, 'a next-page link');
    const second = await page(next.replace(/&amp;/g, '&'));
    assert.match(second, /Về trang đầu/);
    assert.equal((second.match(/<li class="hit">/g) ?? []).length, 20);
    const online = await page('/thu-tuc?online=none&level=commune');
    assert.match(online, /<option value="none" selected>Không<\/option>/);
    assert.doesNotMatch(online, /Trực tuyến toàn trình|Trực tuyến một phần/);
  });

  it('says so with tips when nothing is found, and shows a bad filter next to its field', async () => {
    const none = await page('/thu-tuc?q=xyzxyzqq');
    assert.match(text(none), /Tìm thấy 0 thủ tục\. Không tìm thấy thủ tục nào\. Gợi ý:/);
    assert.match(text(none), /Thử bỏ dấu/);
    assert.match(text(none), /Viết ngắn hơn/);
    const bad = await page('/thu-tuc?level=huyen', 400);
    assert.match(bad, /<div class="error-summary" role="alert"/);
    assert.match(bad, /<a href="#level">/);
    const cursor = await page('/thu-tuc?cursor=broken', 400);
    assert.match(cursor, /<div class="error-summary"/);
  });

  it('escapes what it echoes back', async () => {
    const html = await page('/thu-tuc?q=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E');
    assert.doesNotMatch(html, /"><script>/);
    // Inside a quoted attribute only the quote could end the value, and it is escaped.
    assert.match(html, /<input id="q" name="q" type="search" value="(&#34;|&quot;)>/);
  });

  it('stays within the 60 KB budget of a public page (HTML + CSS, compressed)', async () => {
    const html = (await app.inject('/thu-tuc')).rawPayload;
    const css = (await app.inject('/assets/app.css')).rawPayload;
    const own = await app.inject('/thu-tuc/thu-tuc.css');
    assert.match(own.headers['content-type'] as string, /text\/css/);
    const detail = (await app.inject('/thu-tuc/1.001193')).rawPayload;
    for (const body of [html, detail]) {
      const total = gzipSync(body).length + gzipSync(css).length + gzipSync(own.rawPayload).length;
      assert.ok(total < 60 * 1024, `${total} bytes`);
    }
  });
});

describe('fields', () => {
  it('lists every field with its count, its search and its QR sheet', async () => {
    const html = await page('/thu-tuc/linh-vuc');
    assert.match(html, /<h1>Lĩnh vực thủ tục hành chính<\/h1>/);
    assert.match(
      html,
      /<a class="field-list__name" href="\/thu-tuc\?field=H%E1%BB%99\+t%E1%BB%8Bch" lang="vi">Hộ tịch<\/a><span class="muted">41 thủ tục<\/span><a class="field-list__qr" href="\/thu-tuc\/linh-vuc\/ho-tich\/ma-qr" aria-label="Mã QR lĩnh vực Hộ tịch">Mã QR<\/a>/,
    );
  });

  it('a field’s QR sheet: the name, a large QR code to its search, its procedures with codes', async () => {
    const html = await page('/thu-tuc/linh-vuc/ho-tich/ma-qr');
    assert.match(html, /<h1 class="qr-sheet__title">Thủ tục hành chính lĩnh vực Hộ tịch<\/h1>/);
    assert.match(
      html,
      /<svg class="qr" role="img" aria-label="Mã QR dẫn tới http:\/\/localhost:\d+\/thu-tuc\?field=H%E1%BB%99\+t%E1%BB%8Bch"/,
    );
    assert.equal((html.match(/<li><span class="qr-sheet__code-text">/g) ?? []).length, 41);
    assert.match(
      html,
      /1\.001193<\/span> <a href="\/thu-tuc\/1.001193" lang="vi">Thủ tục đăng ký khai sinh<\/a>/,
    );
    assert.doesNotMatch(html, /class="site-header"/);
    await page('/thu-tuc/linh-vuc/khong-co/ma-qr', 404);
  });
});

describe('procedure page', () => {
  it('1.001193 in plain language: facts, components, steps, time with a lost unit, free, the portal button', async () => {
    const html = await page('/thu-tuc/1.001193');
    const seen = text(html);
    assert.match(html, /<h1 lang="vi">Thủ tục đăng ký khai sinh<\/h1>/);
    assert.match(
      seen,
      /Mã thủ tục 1\.001193 Lĩnh vực Hộ tịch Cấp thực hiện Cấp xã Dịch vụ công trực tuyến Trực tuyến một phần/,
    );
    assert.match(seen, /Phiên bản 1, có hiệu lực từ 01\/01\/2026/);
    assert.match(seen, /Ai được thực hiện Công dân Việt Nam Người Việt Nam định cư ở nước ngoài/);
    assert.match(html, /<h2 id="prepare">Bạn cần chuẩn bị<\/h2>/);
    assert.match(html, /<h3 lang="vi">Giấy tờ phải nộp<\/h3>/);
    assert.match(seen, /Giấy chứng sinh; trường hợp không có Giấy chứng sinh .*? Bắt buộc 1 bản chính/);
    assert.match(seen, /Tùy trường hợp/);
    assert.match(html, /<ol class="steps" lang="vi"><li><p>Nếu lựa chọn hình thức nộp hồ sơ trực tiếp/);
    assert.match(seen, /Thời gian giải quyết Nộp trực tuyến 1 \(không rõ đơn vị\)/);
    assert.match(seen, /Phí, lệ phí Miễn phí/);
    assert.match(seen, /Kết quả Giấy khai sinh \(mã KQ\.G15\.000031\)/);
    assert.match(seen, /Căn cứ pháp lý 85\/2019\/TT-BTC ?: Thông tư Hướng dẫn về phí/);
    assert.match(seen, /123\/2015\/NĐ-CP ngày 15\/11\/2015 ?:/);
    assert.match(
      html,
      /<a class="button" href="\/nop-ho-so\/1.001193" aria-describedby="apply-note">Nộp hồ sơ trực tuyến<\/a>/,
    );
    assert.match(
      html,
      /<a href="https:\/\/dichvucong.gov.vn\/thu-tuc-hanh-chinh\/[^"]+">Hoặc nộp trên Cổng Dịch vụ công quốc gia<\/a>/,
    );
    assert.match(html, /<a class="button button--secondary" href="\/thu-tuc\/1.001193\/ban-in">Bản in<\/a>/);
  });

  it('fees: amounts in đồng per channel and the online reduction in force today, with its basis', async () => {
    const html = await page(`/thu-tuc/${REDUCED}`);
    const seen = text(html);
    assert.match(seen, /Phiên bản 2, có hiệu lực từ 01\/02\/2026/);
    assert.match(
      seen,
      /Phí, lệ phí \(nộp trực tuyến\): 5\.000 đồng Nộp trực tuyến: 2\.500 đồng \(giảm 50% theo Nghị quyết số 12\/2025\/NQ-HĐND\)/,
    );
    assert.match(seen, /Phí, lệ phí \(nộp trực tiếp\): 10\.000 đồng/);
    assert.doesNotMatch(seen, /hết hạn|giảm 100%/);
    assert.equal((seen.match(/Nộp trực tuyến: /g) ?? []).length, 1, 'the direct fee is not reduced');
    assert.match(seen, /Nộp trực tuyến 3 ngày làm việc/);
    assert.match(
      html,
      /<a class="component__template" href="https:\/\/dichvucong.gov.vn\/p\/home\/dvc-tai-lieu\/Mau-CT01.docx"><span>Tải mẫu: <\/span><span class="component__file">Mẫu CT01.docx<\/span><\/a>/,
    );
    assert.match(seen, /Nơi nộp hồ sơ Cơ quan thực hiện Công an cấp Xã Cơ quan có thẩm quyền Công an cấp Xã/);
  });

  it('?at= shows the version in force on that day, with a notice and a link to the current one', async () => {
    const html = await page(`/thu-tuc/${REDUCED}?at=2026-01-15`);
    const seen = text(html);
    assert.match(seen, /Bạn đang xem phiên bản có hiệu lực vào ngày 15\/01\/2026/);
    assert.match(html, /<a href="\/thu-tuc\/1.002755">Xem phiên bản hiện hành<\/a>/);
    assert.match(seen, /Phiên bản 1, có hiệu lực từ 01\/01\/2026/);
    assert.doesNotMatch(seen, /Tải mẫu/);
    await page(`/thu-tuc/${REDUCED}?at=2025-12-31`, 404);
    await page(`/thu-tuc/${REDUCED}?at=2026-02-30`, 400);
  });

  it('in English with ?lang=en', async () => {
    const html = await page('/thu-tuc/1.001193?lang=en');
    assert.match(html, /<html lang="en">/);
    assert.match(text(html), /What you need to prepare/);
    assert.match(text(html), /Online 1 \(unit not stated\)/);
  });

  it('unknown and malformed codes are the normal 404 page', async () => {
    for (const url of [
      '/thu-tuc/9.999999',
      '/thu-tuc/%3Cscript%3E',
      '/thu-tuc/..%2F..',
      '/thu-tuc/9.999999/ban-in',
    ]) {
      const html = await page(url, 404);
      assert.match(html, /Không tìm thấy trang/, url);
    }
  });
});

describe('printable page', () => {
  it('has every section, no site navigation, the date printed and a QR code to the page', async () => {
    const html = await page(`/thu-tuc/${REDUCED}/ban-in`);
    assert.match(html, /^<!doctype html><html lang="vi">/);
    assert.doesNotMatch(html, /class="site-header"|class="site-footer"/);
    assert.match(
      html,
      /<svg class="qr" role="img" aria-label="Mã QR dẫn tới http:\/\/localhost:\d+\/thu-tuc\/1.002755"/,
    );
    const seen = text(html);
    for (const title of [
      'Bạn cần chuẩn bị',
      'Các bước thực hiện',
      'Thời gian giải quyết',
      'Phí, lệ phí',
      'Nơi nộp hồ sơ',
    ]) {
      assert.match(seen, new RegExp(title));
    }
    assert.match(seen, /In ngày 01\/03\/2026/);
    assert.match(seen, /2\.500 đồng \(giảm 50%/);
    assert.match(html, /@page|<link rel="stylesheet" href="\/thu-tuc\/thu-tuc.css"/);
    const css = (await app.inject('/thu-tuc/thu-tuc.css')).body;
    assert.match(css, /@page \{\s*size: A4;/);
    assert.match(css, /@media print/);
  });
});
