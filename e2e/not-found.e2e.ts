/** An address that does not exist: a Vietnamese page that says so and leads back home. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
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

describe('404 page', () => {
  let chromium: LaunchedBrowser;
  before(async () => {
    chromium = await launchBrowser();
  });
  after(async () => {
    await chromium.close();
  });

  it('says in Vietnamese that the page was not found and links home', async () => {
    const { context, page } = await newPage(chromium.browser, DESKTOP);
    const res = await page.goto(url('/thu-tuc/khong-co-trang-nay'));
    assert.equal(res?.status(), 404);
    assert.match(res?.headers()['content-type'] ?? '', /^text\/html/);
    assert.equal(await page.locator('html').getAttribute('lang'), 'vi');
    assert.equal(await seenText(page.locator('h1')), 'Không tìm thấy trang');
    assert.match(await seenText(page.locator('main')), /không tồn tại hoặc đã được chuyển đi/);
    assert.match(await page.title(), /Không tìm thấy trang/);
    await screenshot(page, 'not-found-vi-desktop');

    const home = page.getByRole('link', { name: 'Về trang chủ' });
    assert.equal(await home.getAttribute('href'), '/');
    await home.click();
    await page.waitForURL(url('/'));
    assert.equal(await seenText(page.locator('h1')), 'Thủ tục hành chính một cửa');
    await context.close();
  });

  it('fits a phone screen', async () => {
    const { context, page } = await newPage(chromium.browser, PHONE);
    await page.goto(url('/khong-co'));
    await assertFitsScreen(page);
    await screenshot(page, 'not-found-vi-phone');
    await context.close();
  });
});
