/**
 * Keyboard only: the skip link comes first and lands in the main content; Tab reaches the
 * language link, and whatever has focus shows it clearly.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import {
  DESKTOP,
  type LaunchedBrowser,
  launchBrowser,
  newPage,
  PHONE,
  screenshot,
  url,
} from './support/browser.js';

/** What has focus now, as a person would describe it. */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return undefined;
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    return {
      tag: el.tagName.toLowerCase(),
      id: el.id,
      className: el.className,
      text: el.textContent?.trim() ?? '',
      href: el.getAttribute('href'),
      focusVisible: el.matches(':focus-visible'),
      outlineStyle: style.outlineStyle,
      outlineWidth: Number.parseFloat(style.outlineWidth),
      outlineColor: style.outlineColor,
      boxShadow: style.boxShadow,
      onScreen:
        box.width > 0 && box.height > 0 && box.left >= 0 && box.top >= 0 && box.right <= window.innerWidth,
    };
  });
}

describe('keyboard only', () => {
  let chromium: LaunchedBrowser;
  before(async () => {
    chromium = await launchBrowser();
  });
  after(async () => {
    await chromium.close();
  });

  it('the skip link is the first thing Tab reaches, it is visible, and it moves focus to the main content', async () => {
    const { context, page } = await newPage(chromium.browser, DESKTOP);
    await page.goto(url('/'));
    const firstInDom = await page.evaluate(() => {
      const focusable = document.querySelectorAll<HTMLElement>(
        'a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])',
      );
      return focusable[0]?.className;
    });
    assert.equal(firstInDom, 'skip-link', 'the skip link is the first focusable element of the page');

    await page.keyboard.press('Tab');
    const skip = await focused(page);
    assert.equal(skip?.className, 'skip-link');
    assert.equal(skip?.text, 'Bỏ qua, đến nội dung chính');
    assert.equal(skip?.href, '#main');
    assert.ok(skip?.onScreen, 'the focused skip link is shown on screen');
    assert.ok(
      skip?.focusVisible && skip.outlineStyle !== 'none' && skip.outlineWidth >= 2,
      'the skip link shows focus',
    );
    await screenshot(page, 'keyboard-skip-link');

    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'main');
    assert.equal((await focused(page))?.tag, 'main', 'focus is now on the main content');

    // The next Tab continues inside the main content or after it, never back into the header.
    await page.keyboard.press('Tab');
    const next = await page.evaluate(() => {
      const el = document.activeElement;
      return { inHeader: !!el?.closest('header'), inMainOrAfter: !!el?.closest('main, footer') };
    });
    assert.ok(!next.inHeader && next.inMainOrAfter, 'Tab after the skip link goes on from the main content');
    await context.close();
  });

  for (const [name, options] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    it(`Tab reaches the language link with a visible focus style (${name})`, async () => {
      const { context, page } = await newPage(chromium.browser, options);
      await page.goto(url('/'));
      let reached: Awaited<ReturnType<typeof focused>>;
      for (let i = 0; i < 10 && !reached; i++) {
        await page.keyboard.press('Tab');
        const now = await focused(page);
        if (now?.href?.includes('lang=en')) reached = now;
      }
      assert.ok(reached, 'the language link is reachable with Tab');
      assert.equal(reached.text, 'English');
      assert.ok(reached.focusVisible, 'keyboard focus matches :focus-visible');
      assert.notEqual(reached.outlineStyle, 'none', 'a focus outline is drawn');
      assert.ok(reached.outlineWidth >= 2, `the focus outline is ${reached.outlineWidth} px wide`);
      assert.ok(reached.onScreen, 'the focused link is on screen');
      await screenshot(page, `keyboard-language-link-${name}`);

      await page.keyboard.press('Enter');
      await page.waitForURL(/lang=en/);
      assert.equal(
        await page.locator('html').getAttribute('lang'),
        'en',
        'Enter on the link switches language',
      );
      await context.close();
    });
  }
});
