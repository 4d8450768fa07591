import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { buildTestApp } from '../../../test/build-test-app.js';
import { fixedClock } from '../../platform/clock.js';
import { calendarModule } from './calendar.module.js';
import { importOfficialDays, proposeYear } from './calendar-days.service.js';

const clock = fixedClock('2026-11-22T02:00:00Z');

/** The `<td>` of a day in the caption's month grid (the grid tables are printed in month order). */
function cellOf(body: string, month: number, day: number): string {
  const tables = body.split('<table class="cal-month">').slice(1);
  const table = tables[month - 1]!;
  const cell = [
    ...table.matchAll(/<td class="([^"]*)"[^>]*><span class="cal-num">(\d+)<\/span>(.*?)<\/td>/g),
  ].find((m) => Number(m[2]) === day);
  assert.ok(cell, `day ${day}/${month} printed`);
  return cell[0];
}

describe('working calendar page', async () => {
  const { app, ctx } = await buildTestApp({ modules: [calendarModule], clock });
  await importOfficialDays(ctx);
  await proposeYear(ctx, 2027, 'system:test');
  await importOfficialDays(ctx, [
    {
      date: '2030-01-01',
      kind: 'holiday',
      status: 'confirmed',
      name: 'Tết <script>alert(1)</script>',
      source: 'https://example.test/?a=1&b=<b>',
    },
  ]);

  it('shows 2026 as twelve month grids with the days off and make-up Saturdays marked', async () => {
    const res = await app.inject('/lich-lam-viec?nam=2026');
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['content-type'] as string, /text\/html/);
    const body = res.body;
    assert.match(body, /<html lang="vi">/);
    assert.match(body, /<h1>Lịch làm việc năm 2026<\/h1>/);
    assert.equal(body.match(/<table class="cal-month">/g)?.length, 12);
    assert.match(body, /<caption>Tháng 2\/2026<\/caption>/);
    for (const day of [16, 17, 18, 19, 20]) assert.match(cellOf(body, 2, day), /class="cal-day cal-off"/);
    assert.match(cellOf(body, 2, 17), /title="Tết Nguyên đán \(mùng 1\)"/);
    assert.match(cellOf(body, 2, 17), /<span class="cal-sr"> \(nghỉ: Tết Nguyên đán \(mùng 1\)\)<\/span>/);
    assert.match(cellOf(body, 1, 1), /cal-off/);
    assert.match(cellOf(body, 1, 2), /cal-off/, 'the swapped Friday');
    assert.match(cellOf(body, 1, 10), /class="cal-day cal-makeup"/, 'the make-up Saturday');
    assert.match(cellOf(body, 4, 30), /cal-off/);
    assert.match(cellOf(body, 5, 1), /cal-off/);
    assert.match(cellOf(body, 11, 24), /class="cal-day cal-unconfirmed"/, '24/11 is pending');
    assert.match(cellOf(body, 1, 3), /class="cal-day cal-weekend"/);
    assert.match(cellOf(body, 3, 4), /class="cal-day"/, 'an ordinary Wednesday');
    // January 2026 starts on a Thursday: three empty cells before it in a Monday-first week.
    const january = body.split('<table class="cal-month">')[1]!;
    assert.match(january, /<tbody><tr><td><\/td><td><\/td><td><\/td><td class="cal-day cal-off"/);
  });

  it('lists every day off and make-up day with its name and source below the grids', async () => {
    const body = (await app.inject('/lich-lam-viec?nam=2026')).body;
    const list = body.slice(body.indexOf('<ul class="cal-list">'));
    assert.equal(list.match(/<li>/g)?.length, 17);
    assert.match(list, /<time datetime="2026-01-10">Thứ Bảy, 10\/01\/2026<\/time>/);
    assert.match(
      list,
      /Làm bù cho thứ Sáu 02\/01\/2026<\/span><span class="cal-tags"> — Làm bù · Chính thức<\/span>/,
    );
    assert.match(list, /Văn bản 12729\/VPCP-KGVX ngày 25\/12\/2025/);
    assert.match(list, /Ngày Văn hóa Việt Nam[^<]*<\/span><span class="cal-tags"> — Ngày lễ · Chờ xác nhận/);
    assert.match(body, /<h2>Chú giải<\/h2>/);
    assert.equal(body, body.normalize('NFC'));
  });

  it('works without JavaScript: year links and a GET form with a label', async () => {
    const body = (await app.inject('/lich-lam-viec?nam=2026')).body;
    assert.doesNotMatch(body, /<script/);
    assert.match(body, /<a href="\/lich-lam-viec\?nam=2025" rel="prev">← 2025<\/a>/);
    assert.match(body, /<a href="\/lich-lam-viec\?nam=2027" rel="next">2027 →<\/a>/);
    assert.match(body, /<form method="get" action="\/lich-lam-viec"/);
    assert.match(body, /<label for="nam">Năm<\/label><input id="nam" name="nam" type="number"/);
    assert.match(body, /<link rel="stylesheet" href="\/lich-lam-viec\/lich.css"/);
  });

  it('marks proposals as not yet counted, and says when a year has no rows', async () => {
    const proposed = (await app.inject('/lich-lam-viec?nam=2027')).body;
    assert.match(cellOf(proposed, 4, 30), /cal-unconfirmed/);
    assert.match(proposed, /Ngày lễ · Đề xuất/);
    const empty = (await app.inject('/lich-lam-viec?nam=2031')).body;
    assert.equal(empty.match(/<table class="cal-month">/g)?.length, 12);
    assert.match(empty, /Chưa có lịch nghỉ của năm này/);
  });

  it('shows this year by default and speaks English with ?lang=en', async () => {
    assert.match((await app.inject('/lich-lam-viec')).body, /<h1>Lịch làm việc năm 2026<\/h1>/);
    const en = (await app.inject('/lich-lam-viec?nam=2026&lang=en')).body;
    assert.match(en, /<html lang="en">/);
    assert.match(en, /<h1>Working calendar 2026<\/h1>/);
    assert.match(en, /<caption>February 2026<\/caption>/);
    assert.match(
      en,
      /<time datetime="2026-02-17">Tuesday, 17 February 2026<\/time><\/strong>: <span lang="vi">Tết Nguyên đán/,
    );
    assert.match(en, /Lunar New Year \(Tết\) · Confirmed/);
    assert.match(en, /<a href="\/lich-lam-viec\?nam=2026&(amp;)?lang=vi" lang="vi"/);
  });

  it('escapes names and sources', async () => {
    const body = (await app.inject('/lich-lam-viec?nam=2030')).body;
    // Inside a quoted attribute "<" starts no tag; everywhere else it must be escaped.
    const outsideAttributes = body.replace(/="[^"]*"/g, '=""');
    assert.doesNotMatch(outsideAttributes, /<script|<b>/);
    assert.match(body, /Tết &lt;script>alert\(1\)&lt;\/script>/);
    assert.match(body, /b=&lt;b>/);
  });

  it('answers a bad year with a 400 page naming the field', async () => {
    for (const nam of ['abc', '1999', '2101']) {
      const res = await app.inject(`/lich-lam-viec?nam=${nam}`);
      assert.equal(res.statusCode, 400, nam);
      assert.match(res.headers['content-type'] as string, /text\/html/);
      assert.match(res.body, /href="#nam"/);
    }
  });

  it('serves its stylesheet and stays under the 60 KB budget', async () => {
    const css = await app.inject('/lich-lam-viec/lich.css');
    assert.equal(css.statusCode, 200);
    assert.match(css.headers['content-type'] as string, /text\/css/);
    assert.match(css.body, /\.cal-off/);
    const html = (await app.inject('/lich-lam-viec?nam=2026')).rawPayload;
    const appCss = (await app.inject('/assets/app.css')).rawPayload;
    const total = gzipSync(html).length + gzipSync(css.rawPayload).length + gzipSync(appCss).length;
    assert.ok(total < 60 * 1024, `${total} bytes`);
  });
});
