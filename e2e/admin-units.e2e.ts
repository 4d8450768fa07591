/**
 * Looking up an administrative unit as a citizen would: type "dong trieu" without diacritics in the
 * search form, open the ward found, see what it was merged from (whole or in part), follow a former
 * ward to where it went; on a cheap phone, without JavaScript, in English, and checked with axe-core.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import {
  assertAccessible,
  assertFitsScreen,
  DESKTOP,
  type LaunchedBrowser,
  launchBrowser,
  newPage,
  PHONE,
  screenshot,
  seenText,
  url,
} from './support/browser.js';

const h1 = (page: Page) => seenText(page.locator('h1'));

/** Searches with the form as a person does: label, typing, the button. */
async function searchFor(page: Page, words: string, date?: string) {
  await page.getByLabel('Tên hoặc mã đơn vị').fill(words);
  if (date) await page.getByLabel('Vào ngày').fill(date);
  await page.getByRole('button', { name: 'Tìm' }).click();
  await page.waitForURL(/[?&]q=/);
}

describe('administrative unit look-up', () => {
  let chromium: LaunchedBrowser;
  before(async () => {
    chromium = await launchBrowser();
  });
  after(async () => {
    await chromium.close();
  });

  it('finds "dong trieu" on a phone, opens it and shows what it was merged from', async () => {
    const { context, page } = await newPage(chromium.browser, PHONE);
    await page.goto(url('/don-vi-hanh-chinh'));
    assert.equal(await h1(page), 'Tra cứu đơn vị hành chính');
    await assertAccessible(page, 'unit search, phone');
    await screenshot(page, 'admin-units-search-phone');

    await searchFor(page, 'dong trieu');
    const first = page.locator('.unit-list li').first();
    assert.match(await seenText(first), /^Phường Đông Triều\s+Phường · Tỉnh Quảng Ninh · mã 07093$/);
    await assertFitsScreen(page);
    await assertAccessible(page, 'unit search results, phone');
    await screenshot(page, 'admin-units-results-phone');

    await first.getByRole('link', { name: 'Phường Đông Triều' }).click();
    await page.waitForURL(/\/don-vi-hanh-chinh\/07093\?ngay=/);
    assert.equal(await h1(page), 'Phường Đông Triều');
    const facts = await seenText(page.locator('.facts'));
    assert.match(facts, /Trực thuộc\s+Tỉnh Quảng Ninh/);
    assert.match(facts, /Hiệu lực\s+từ 01\/07\/2025/);

    const merged = page.locator('section.merge');
    assert.equal(await seenText(merged.locator('h2')), 'Sáp nhập từ');
    const items = await merged.locator('.merge-list__item').allInnerTexts();
    assert.ok(
      items.some((t) => /Phường Đức Chính \(mã 07093\)\s+một phần/.test(t)),
      items.join('\n'),
    );
    assert.ok(
      items.some((t) => /Phường Hưng Đạo \(mã 07126\)\s+toàn bộ/.test(t)),
      items.join('\n'),
    );
    assert.match(
      await seenText(merged.locator('.notice--warning')),
      /không thể tự động chuyển sang đơn vị mới/,
    );
    await assertFitsScreen(page);
    await assertAccessible(page, 'unit page, phone');
    await screenshot(page, 'admin-units-detail-phone');
    await context.close();
  });

  it('follows a former ward to where it went, split in parts', async () => {
    const { context, page } = await newPage(chromium.browser, DESKTOP);
    await page.goto(url('/don-vi-hanh-chinh/07093'));
    await page.locator('section.merge').getByRole('link', { name: 'Phường Đức Chính' }).click();
    await page.waitForURL(/\/don-vi-hanh-chinh\/07093\?ngay=2025-06-30/);
    assert.equal(await h1(page), 'Phường Đức Chính');
    assert.deepEqual(await page.locator('.breadcrumbs li').allInnerTexts(), [
      'Tra cứu đơn vị hành chính',
      'Tỉnh Quảng Ninh',
      'Thành phố Đông Triều',
      'Phường Đức Chính',
    ]);
    const merged = page.locator('section.merge');
    assert.equal(await seenText(merged.locator('h2')), 'Sáp nhập vào');
    assert.deepEqual(
      (await merged.locator('.merge-list__name').allInnerTexts()).map((t) => t.trim()),
      ['Phường An Sinh (mã 07090)', 'Phường Đông Triều (mã 07093)'],
    );
    assert.equal(await merged.locator('.badge--partial').count(), 2);
    await assertAccessible(page, 'former unit page, desktop');
    await screenshot(page, 'admin-units-former-desktop');
    await context.close();
  });

  it('finds the pre-reform city of Đông Triều with a date before 1 July 2025, without JavaScript', async () => {
    const { context, page } = await newPage(chromium.browser, { ...PHONE, javaScriptEnabled: false });
    await page.goto(url('/don-vi-hanh-chinh'));
    await searchFor(page, 'Đông Triều', '2025-06-30');
    const first = page.locator('.unit-list li').first();
    assert.match(await seenText(first), /^Thành phố Đông Triều/);
    await first.getByRole('link').click();
    await page.waitForURL(/\/don-vi-hanh-chinh\/205\?ngay=2025-06-30/);
    assert.match(await seenText(page.locator('main')), /Cấp huyện không còn từ ngày 01\/07\/2025/);
    await screenshot(page, 'admin-units-district-phone-nojs');
    await context.close();
  });

  it('speaks English with ?lang=en, fits a 320 px screen, and stays accessible', async () => {
    const { context, page } = await newPage(chromium.browser, {
      ...PHONE,
      viewport: { width: 320, height: 640 },
    });
    await page.goto(url('/don-vi-hanh-chinh/00145?ngay=2025-07-01&lang=en'));
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    assert.equal(await seenText(page.locator('section.merge h2')), 'Merged from');
    assert.match(await seenText(page.locator('section.merge')), /Phường Cự Khối \(code 00154\)\s+part/);
    await assertFitsScreen(page);
    await assertAccessible(page, 'unit page, English, 320 px');
    await screenshot(page, 'admin-units-detail-en-320');
    await page.goto(url('/don-vi-hanh-chinh?q=ba+dinh&ngay=2025-13-01&lang=en'));
    assert.match(await seenText(page.locator('.error-summary')), /The date is not valid/);
    await assertAccessible(page, 'search with an error, English, 320 px');
    await screenshot(page, 'admin-units-error-en-320');
    await context.close();
  });
});
