/**
 * axe-core in the real browser (WCAG 2.1 A/AA and best practices): no serious or critical
 * violation on the home page in both languages on phone and desktop, nor on the 404 page.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  assertAccessible,
  DESKTOP,
  type LaunchedBrowser,
  launchBrowser,
  newPage,
  PHONE,
  runAxe,
  url,
} from './support/browser.js';

const SCREENS = [
  ['phone', PHONE],
  ['desktop', DESKTOP],
] as const;

const PAGES = [
  ['home (vi)', '/?lang=vi'],
  ['home (en)', '/?lang=en'],
  ['404 (vi)', '/khong-co-trang-nay?lang=vi'],
  ['404 (en)', '/no-such-page?lang=en'],
] as const;

describe('accessibility (axe-core)', () => {
  let chromium: LaunchedBrowser;
  before(async () => {
    chromium = await launchBrowser();
  });
  after(async () => {
    await chromium.close();
  });

  for (const [pageName, path] of PAGES) {
    for (const [screenName, options] of SCREENS) {
      it(`${pageName} on a ${screenName} has no serious or critical violation`, async () => {
        const { context, page } = await newPage(chromium.browser, options);
        await page.goto(url(path));
        await assertAccessible(page, `${pageName}, ${screenName}`);
        await context.close();
      });
    }
  }

  it('the check itself works: it catches an image without text and grey-on-white text', async () => {
    const { context, page } = await newPage(chromium.browser, DESKTOP);
    await page.goto(url('/'));
    await page.evaluate(() => {
      const main = document.querySelector('main')!;
      const img = document.createElement('img');
      img.src = '/assets/app.css';
      main.append(img);
      const faint = document.createElement('p');
      faint.textContent = 'Chữ mờ khó đọc';
      faint.style.color = '#bbbbbb';
      main.append(faint);
    });
    const ids = (await runAxe(page)).map((v) => v.id);
    assert.ok(ids.includes('image-alt'), `image-alt expected among ${ids.join(', ')}`);
    assert.ok(ids.includes('color-contrast'), `color-contrast expected among ${ids.join(', ')}`);
    await context.close();
  });
});
