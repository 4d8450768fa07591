/**
 * Shared helpers for the browser journeys: launch Debian's Chromium through playwright-core,
 * run axe-core in a page, take screenshots, and the two screens we design for.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import axe from 'axe-core';
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Locator,
  type Page,
} from 'playwright-core';

export const ARTIFACTS_DIR = fileURLToPath(new URL('../artifacts/', import.meta.url));

/** A cheap Android phone, the main user's screen. */
export const PHONE: BrowserContextOptions = {
  viewport: { width: 360, height: 740 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};
/** An officer's or a citizen's desktop. */
export const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 } };

/** The server started by e2e/run.ts. */
export function baseUrl(): string {
  const url = process.env.E2E_BASE_URL;
  if (!url) throw new Error('E2E_BASE_URL is not set: run the journeys with `npm run e2e`');
  return url.replace(/\/$/, '');
}

export const url = (p: string) => `${baseUrl()}${p}`;

/**
 * The text as a person reads it on screen (rendered: hidden parts left out, whitespace collapsed).
 * A click on a link returns once the next page has started to arrive; reading then could see half
 * of it (a CI run read a preview's heading without the notice below it), so the page is first
 * allowed to finish loading.
 */
export async function seenText(locator: Locator): Promise<string> {
  await locator.page().waitForLoadState('load');
  return locator.innerText();
}

/**
 * This machine has no outside network: without the background-networking flags Chromium keeps
 * trying (and failing) to reach Google's services.
 */
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface LaunchedBrowser {
  browser: Browser;
  close: () => Promise<void>;
}

/**
 * Chromium with a fresh profile: playwright-core makes a new temporary user-data-dir for every
 * launch and removes it on close (it refuses a --user-data-dir argument to launch()).
 */
export async function launchBrowser(): Promise<LaunchedBrowser> {
  const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_FLAGS });
  return {
    browser,
    close: async () => {
      await browser.close().catch(() => {});
    },
  };
}

export async function newPage(
  browser: Browser,
  options: BrowserContextOptions = DESKTOP,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext(options);
  if (options.javaScriptEnabled === false) scriptless.set(context, options);
  const page = await context.newPage();
  return { context, page };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  await fs.mkdir(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `${name.replace(/[^a-z0-9._-]+/gi, '-')}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

type AxeResults = axe.AxeResults;
export type AxeViolation = axe.Result;

/**
 * Contexts opened with JavaScript off, and their options. Chromium runs nothing of a page's own in
 * them, and also never settles the promises axe-core waits on (page.evaluate then fails with
 * "Resulting promise was garbage collected"), so axe checks a copy of the page instead.
 */
const scriptless = new WeakMap<BrowserContext, BrowserContextOptions>();

/** Runs axe-core (WCAG 2.0/2.1 A and AA rules and best practices) in the page; returns every violation. */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  const options = scriptless.get(page.context());
  if (options) return runAxeOnCopy(page, options);
  return runAxeInPage(page);
}

async function runAxeInPage(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  // Evaluated through the DevTools protocol, so the page's Content-Security-Policy (script-src
  // 'self', no inline script) stays on and is part of what is tested.
  if (!loaded) await page.evaluate(axe.source);
  const results = (await page.evaluate(() => {
    const w = window as unknown as { axe: typeof axe };
    return w.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
  })) as AxeResults;
  return results.violations;
}

/**
 * The page as the person sees it without JavaScript (its DOM now, scripts removed so nothing changes
 * it), served at its own address in a JavaScript-enabled context of the same screen, with the
 * stylesheets and images from the server, then axe-core there.
 */
async function runAxeOnCopy(page: Page, options: BrowserContextOptions): Promise<AxeViolation[]> {
  const html = await page.evaluate(() => {
    const root = document.documentElement.cloneNode(true) as HTMLElement;
    for (const s of root.querySelectorAll('script')) s.remove();
    return `<!doctype html>${root.outerHTML}`;
  });
  const address = page.url();
  const browser = page.context().browser();
  if (!browser) throw new Error('axe: the page has no browser');
  const copy = await browser.newContext({ ...options, javaScriptEnabled: true });
  try {
    const mirror = await copy.newPage();
    await mirror.route(
      (u) => u.href === address,
      (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
    );
    await mirror.goto(address);
    return await runAxeInPage(mirror);
  } finally {
    await copy.close();
  }
}

export function formatViolations(violations: AxeViolation[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 5)
        .map(
          (n) => `    - ${n.target.join(' ')}\n      ${n.failureSummary?.replace(/\n/g, '\n      ') ?? ''}`,
        )
        .join('\n');
      return `  [${v.impact}] ${v.id}: ${v.help}\n    ${v.helpUrl}\n${nodes}`;
    })
    .join('\n');
}

/** Fails when axe finds a serious or critical violation; prints the lesser ones as a notice. */
export async function assertAccessible(page: Page, label: string): Promise<void> {
  const violations = await runAxe(page);
  const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const minor = violations.filter((v) => !blocking.includes(v));
  if (minor.length > 0) console.log(`axe notices on ${label}:\n${formatViolations(minor)}`);
  assert.equal(
    blocking.length,
    0,
    `axe-core found ${blocking.length} serious or critical violation(s) on ${label}:\n${formatViolations(blocking)}`,
  );
}

/** What every journey checks on a page a person sees: axe-core, no sideways scrolling on a phone, a screenshot. */
export async function checkPage(page: Page, label: string, shot: string, phone = true): Promise<void> {
  await assertAccessible(page, label);
  if (phone) await assertFitsScreen(page);
  await screenshot(page, shot);
}

/** The page is no wider than the screen: nothing to scroll sideways to. */
export async function assertFitsScreen(page: Page): Promise<void> {
  // The screen's own width: a phone's browser widens window.innerWidth to an overflowing page's
  // content, so comparing with it would let a too-wide page pass.
  const screen = page.viewportSize()?.width ?? (await page.evaluate(() => window.innerWidth));
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(scrollWidth <= screen, `page is ${scrollWidth} px wide on a ${screen} px screen`);
}
