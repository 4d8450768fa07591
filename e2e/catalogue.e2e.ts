/**
 * Looking up a procedure as a citizen would: from the home page, type "dang ky khai sinh" without
 * diacritics, open the birth registration, read what to prepare, the time and the fees, open the
 * printable version; filter by field; print a field's QR sheet. On a cheap phone and a desktop,
 * without JavaScript, and checked with axe-core. The demo seed has imported the shipped records.
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
async function searchFor(page: Page, words: string) {
  await page.getByLabel('Tên hoặc mã thủ tục').fill(words);
  await page.getByRole('button', { name: 'Tìm', exact: true }).click();
  await page.waitForURL(/[?&]q=/);
}

describe('procedure catalogue', () => {
  let chromium: LaunchedBrowser;
  before(async () => {
    chromium = await launchBrowser();
  });
  after(async () => {
    await chromium.close();
  });

  it('finds "dang ky khai sinh" on a phone, opens it and its printable version', async () => {
    const { context, page } = await newPage(chromium.browser, PHONE);
    await page.goto(url('/'));
    await page.getByRole('link', { name: 'Thủ tục hành chính' }).click();
    await page.waitForURL(/\/thu-tuc$/);
    assert.equal(await h1(page), 'Thủ tục hành chính');
    await assertFitsScreen(page);
    await assertAccessible(page, 'catalogue search, phone');
    await screenshot(page, 'catalogue-search-phone');

    await searchFor(page, 'dang ky khai sinh');
    const hit = page.locator('.hit').filter({ hasText: '1.001193' });
    assert.match(await seenText(hit.locator('h3')), /^Thủ tục đăng ký khai sinh$/);
    assert.ok((await hit.locator('mark').count()) > 0, 'the matched words are marked');
    assert.match(await seenText(page.locator('.results-count')), /^Tìm thấy \d+ thủ tục\.$/);
    await assertFitsScreen(page);
    await assertAccessible(page, 'catalogue results, phone');
    await screenshot(page, 'catalogue-results-phone');

    await hit.getByRole('link', { name: 'Xem thủ tục' }).click();
    await page.waitForURL(/\/thu-tuc\/1\.001193$/);
    assert.equal(await h1(page), 'Thủ tục đăng ký khai sinh');
    const prepare = page.locator('section[aria-labelledby="prepare"]');
    assert.match(await seenText(prepare), /Giấy chứng sinh[\s\S]*Bắt buộc[\s\S]*1 bản chính/);
    assert.match(
      await seenText(page.locator('section[aria-labelledby="time"]')),
      /Nộp trực tiếp\s+1 \(không rõ đơn vị\)/,
    );
    assert.match(await seenText(page.locator('section[aria-labelledby="fees"]')), /Miễn phí/);
    const apply = page.getByRole('link', { name: 'Nộp hồ sơ trực tuyến', exact: true });
    assert.equal(await apply.getAttribute('href'), '/nop-ho-so/1.001193');
    const national = page.getByRole('link', { name: 'Hoặc nộp trên Cổng Dịch vụ công quốc gia' });
    assert.match((await national.getAttribute('href')) ?? '', /^https:\/\/dichvucong\.gov\.vn\//);
    await assertFitsScreen(page);
    await assertAccessible(page, 'procedure page, phone');
    await screenshot(page, 'catalogue-procedure-phone');

    await page.getByRole('link', { name: 'Bản in' }).click();
    await page.waitForURL(/\/thu-tuc\/1\.001193\/ban-in$/);
    assert.equal(await h1(page), 'Thủ tục đăng ký khai sinh');
    assert.equal(await page.locator('svg.qr').count(), 1);
    assert.equal(await page.locator('.site-header').count(), 0);
    assert.match(await seenText(page.locator('main')), /In ngày \d{2}\/\d{2}\/\d{4}/);
    await assertFitsScreen(page);
    await assertAccessible(page, 'printable page, phone');
    await context.close();
  });

  it('the same journey without JavaScript', async () => {
    const { context, page } = await newPage(chromium.browser, { ...PHONE, javaScriptEnabled: false });
    await page.goto(url('/'));
    await page.getByRole('link', { name: 'Thủ tục hành chính' }).click();
    await page.waitForURL(/\/thu-tuc$/);
    await searchFor(page, 'dang ky khai sinh');
    const hit = page.locator('.hit').filter({ hasText: '1.001193' });
    await hit.getByRole('link', { name: 'Xem thủ tục' }).click();
    await page.waitForURL(/\/thu-tuc\/1\.001193$/);
    assert.equal(await h1(page), 'Thủ tục đăng ký khai sinh');
    assert.match(await seenText(page.locator('section[aria-labelledby="prepare"]')), /Bạn cần chuẩn bị/);
    await page.getByRole('link', { name: 'Bản in' }).click();
    await page.waitForURL(/\/ban-in$/);
    assert.equal(await page.locator('svg.qr').count(), 1);
    await screenshot(page, 'catalogue-print-phone-nojs');
    await context.close();
  });

  it('a procedure on a desktop, its printable version as printed on A4', async () => {
    const { context, page } = await newPage(chromium.browser, DESKTOP);
    await page.goto(url('/thu-tuc/1.001193'));
    await assertAccessible(page, 'procedure page, desktop');
    await screenshot(page, 'catalogue-procedure-desktop');
    await page.goto(url('/thu-tuc/1.001193/ban-in'));
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.no-print').isVisible(), false, 'the back link is not printed');
    await screenshot(page, 'catalogue-print');
    await page.pdf({ format: 'A4' }).then((pdf) => assert.ok(pdf.length > 10_000, 'prints to a PDF'));
    await context.close();
  });

  it('filters by field with the form, then opens the field’s QR sheet', async () => {
    const { context, page } = await newPage(chromium.browser, PHONE);
    await page.goto(url('/thu-tuc'));
    await page.getByText('Lọc theo lĩnh vực, cấp, cơ quan, mức độ trực tuyến').click();
    await page.getByLabel('Lĩnh vực').selectOption('Hộ tịch');
    await page.getByRole('button', { name: 'Lọc', exact: true }).click();
    await page.waitForURL(/field=/);
    assert.match(await seenText(page.locator('.results-count')), /^Tìm thấy 41 thủ tục\.$/);
    const fields = await page.locator('.hit__facts').allInnerTexts();
    assert.ok(fields.length === 20 && fields.every((f) => f.includes('Hộ tịch')), fields.join('\n'));
    await assertFitsScreen(page);
    await assertAccessible(page, 'filtered by field, phone');
    await screenshot(page, 'catalogue-field-phone');

    await page.goto(url('/thu-tuc/linh-vuc'));
    assert.equal(await h1(page), 'Lĩnh vực thủ tục hành chính');
    await assertFitsScreen(page);
    await assertAccessible(page, 'fields, phone');
    await page.getByRole('link', { name: 'Mã QR lĩnh vực Hộ tịch' }).click();
    await page.waitForURL(/\/thu-tuc\/linh-vuc\/ho-tich\/ma-qr$/);
    assert.equal(await h1(page), 'Thủ tục hành chính lĩnh vực Hộ tịch');
    assert.equal(await page.locator('svg.qr').count(), 1);
    assert.equal(await page.locator('.qr-sheet__list li').count(), 41);
    await assertFitsScreen(page);
    await assertAccessible(page, 'QR sheet, phone');
    await context.close();

    const desk = await newPage(chromium.browser, DESKTOP);
    await desk.page.goto(url('/thu-tuc/linh-vuc/ho-tich/ma-qr'));
    await desk.page.emulateMedia({ media: 'print' });
    await screenshot(desk.page, 'catalogue-qr-print');
    await desk.context.close();
  });

  it('says what to try when nothing is found, in English too', async () => {
    const { context, page } = await newPage(chromium.browser, PHONE);
    await page.goto(url('/thu-tuc?q=xqzxqz'));
    assert.match(await seenText(page.locator('main')), /Thử bỏ dấu/);
    await assertAccessible(page, 'no results, phone');
    await page.goto(url('/thu-tuc/1.001193?lang=en'));
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    assert.match(await seenText(page.locator('main')), /What you need to prepare/);
    await assertFitsScreen(page);
    await assertAccessible(page, 'procedure page, English, phone');
    await context.close();
  });
});
