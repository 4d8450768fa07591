/**
 * The weight budget of ARCHITECTURE.md §5: a public page under 60 KB transferred (HTML + CSS + JS,
 * compressed), no web font needed to read it. Measured twice: from what Chromium received for
 * each response (headers + encoded body), and by raw HTTP with the same Accept-Encoding.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, describe, it } from 'node:test';
import type { Request } from 'playwright-core';
import { type LaunchedBrowser, launchBrowser, newPage, PHONE, url } from './support/browser.js';

const BUDGET = 60 * 1024;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** Compressed bytes on the wire for one GET, without letting anything decompress them. */
function rawGet(target: string): Promise<{ bytes: number; encoding: string | undefined; status: number }> {
  return new Promise((resolve, reject) => {
    const req = http.get(target, { headers: { 'accept-encoding': 'gzip, deflate, br, zstd' } }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
      });
      res.on('end', () =>
        resolve({ bytes, encoding: res.headers['content-encoding'], status: res.statusCode ?? 0 }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

describe('page weight', () => {
  let chromium: LaunchedBrowser;
  before(async () => {
    chromium = await launchBrowser();
  });
  after(async () => {
    await chromium.close();
  });

  for (const lang of ['vi', 'en'] as const) {
    it(`the home page (${lang}) transfers under 60 KB, compressed, on a first visit`, async (t) => {
      const { context, page } = await newPage(chromium.browser, PHONE);
      const requests: Request[] = [];
      page.on('requestfinished', (r) => requests.push(r));
      await page.goto(url(`/?lang=${lang}`), { waitUntil: 'load' });
      await page.waitForLoadState('networkidle');

      let total = 0;
      const lines: string[] = [];
      for (const r of requests) {
        const res = await r.response();
        const sizes = await r.sizes();
        const bytes = sizes.responseHeadersSize + sizes.responseBodySize;
        total += bytes;
        lines.push(
          `${r.resourceType()} ${new URL(r.url()).pathname}: ${kb(bytes)} (${res?.headers()['content-encoding'] ?? 'identity'})`,
        );
        if (
          r.resourceType() === 'document' ||
          r.resourceType() === 'stylesheet' ||
          r.resourceType() === 'script'
        ) {
          assert.match(
            res?.headers()['content-encoding'] ?? '',
            /br|gzip|zstd|deflate/,
            `${r.url()} is compressed`,
          );
        }
      }
      t.diagnostic(
        `home (${lang}) in Chromium: ${kb(total)} over ${requests.length} responses; ${lines.join('; ')}`,
      );
      const types = requests.map((r) => r.resourceType());
      assert.ok(
        types.includes('document') && types.includes('stylesheet'),
        'the page and its stylesheet were loaded',
      );
      assert.ok(!types.includes('font'), 'no web font is downloaded');
      assert.ok(total < BUDGET, `home (${lang}) transferred ${kb(total)}, over the ${kb(BUDGET)} budget`);
      await context.close();
    });
  }

  it('raw HTTP agrees: HTML + CSS compressed stay under 60 KB', async (t) => {
    const html = await rawGet(url('/'));
    const css = await rawGet(url('/assets/app.css'));
    assert.equal(html.status, 200);
    assert.equal(css.status, 200);
    assert.ok(html.encoding, 'the HTML is compressed');
    assert.ok(css.encoding, 'the CSS is compressed');
    t.diagnostic(
      `raw HTTP: HTML ${kb(html.bytes)} (${html.encoding}) + CSS ${kb(css.bytes)} (${css.encoding}) = ${kb(html.bytes + css.bytes)}`,
    );
    assert.ok(html.bytes + css.bytes < BUDGET);
  });
});
