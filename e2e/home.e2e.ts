/**
 * The home page as a citizen meets it: Vietnamese first, English on request (and remembered),
 * readable on a cheap phone, usable without JavaScript.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
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

const VI_H1 = 'Thủ tục hành chính một cửa';
const EN_H1 = 'One-stop administrative procedures';

const h1 = (page: Page) => seenText(page.locator('h1'));
const htmlLang = (page: Page) => page.locator('html').getAttribute('lang');

describe('home page', () => {
  let chromium: LaunchedBrowser;
  before(async () => {
    chromium = await launchBrowser();
  });
  after(async () => {
    await chromium.close();
  });

  it('speaks Vietnamese first and says what the portal is', async () => {
    const { context, page } = await newPage(chromium.browser, DESKTOP);
    const res = await page.goto(url('/'));
    assert.equal(res?.status(), 200);
    assert.equal(await htmlLang(page), 'vi');
    assert.equal(await h1(page), VI_H1);
    assert.match(await page.title(), /Hệ thống một cửa điện tử/);
    assert.match(await seenText(page.locator('.lead')), /hệ thống một cửa điện tử của tỉnh/);
    assert.deepEqual(await page.locator('.card h2').allInnerTexts(), [
      'Người dân, doanh nghiệp',
      'Cán bộ một cửa, chuyên viên',
      'Lãnh đạo',
    ]);
    assert.equal(await page.locator('header').count(), 1, 'a banner landmark');
    assert.equal(await page.locator('nav').count(), 1, 'a navigation landmark');
    assert.equal(await page.locator('main#main').count(), 1, 'a main landmark');
    assert.equal(await page.locator('footer').count(), 1, 'a contentinfo landmark');
    await screenshot(page, 'home-vi-desktop');
    await context.close();
  });

  it('switches to English with the language link and remembers it on the next page', async () => {
    const { context, page } = await newPage(chromium.browser, DESKTOP);
    await page.goto(url('/'));
    await page.getByRole('link', { name: 'Switch to English' }).click();
    await page.waitForURL(/lang=en/);
    assert.equal(await htmlLang(page), 'en');
    assert.equal(await h1(page), EN_H1);
    await screenshot(page, 'home-en-desktop');

    const cookies = await context.cookies();
    assert.equal(
      cookies.find((c) => c.name === 'lang')?.value,
      'en',
      'the choice is kept in the lang cookie',
    );

    await page.goto(url('/'));
    assert.equal(await htmlLang(page), 'en', 'a plain visit stays in English');
    assert.equal(await h1(page), EN_H1);

    await page.goto(url('/no-such-page-here'));
    assert.equal(await htmlLang(page), 'en', 'other pages follow the remembered choice');
    assert.equal(await h1(page), 'Page not found');

    await page.goto(url('/'));
    await page.getByRole('link', { name: 'Chuyển sang tiếng Việt' }).click();
    await page.waitForURL(/lang=vi/);
    assert.equal(await htmlLang(page), 'vi');
    await page.goto(url('/'));
    assert.equal(await h1(page), VI_H1, 'switching back to Vietnamese is remembered too');
    await context.close();
  });

  it('works with JavaScript turned off', async () => {
    const { context, page } = await newPage(chromium.browser, { ...PHONE, javaScriptEnabled: false });
    await page.goto(url('/'));
    assert.equal(await h1(page), VI_H1);
    assert.equal(await page.locator('script').count(), 0, 'the home page needs no script');
    await page.getByRole('link', { name: 'Switch to English' }).click();
    await page.waitForURL(/lang=en/);
    assert.equal(await h1(page), EN_H1);
    await page.goto(url('/'));
    assert.equal(await h1(page), EN_H1, 'remembered without JavaScript (the cookie is set by the server)');
    await screenshot(page, 'home-en-phone-nojs');
    await context.close();
  });

  for (const lang of ['vi', 'en'] as const) {
    it(`fits a 360 px phone screen without sideways scrolling (${lang})`, async () => {
      const { context, page } = await newPage(chromium.browser, PHONE);
      await page.goto(url(`/?lang=${lang}`));
      assert.equal(page.viewportSize()?.width, 360);
      await assertFitsScreen(page);
      const header = await page.locator('.site-header').boundingBox();
      assert.ok(header && header.height < 140, `the header takes ${header?.height} px of a 740 px screen`);
      await screenshot(page, `home-${lang}-phone`);
      await context.close();
    });
  }

  it('fits the narrowest screen WCAG asks for (320 px) without sideways scrolling', async () => {
    const { context, page } = await newPage(chromium.browser, {
      ...PHONE,
      viewport: { width: 320, height: 640 },
    });
    await page.goto(url('/?lang=vi'));
    await assertFitsScreen(page);
    await context.close();
  });
});
