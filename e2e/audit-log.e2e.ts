/**
 * An inspector reads the audit log: the demo one-stop officer of phường Hạ Long logs in; the demo
 * inspector opens the audit log (sent through the login page first), filters by that officer and by
 * today's date, and finds the login, linked into the hash chain by the worker within seconds; a wrong
 * date is explained next to its field. On a desktop and on a 360 px phone, checked with axe-core.
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
import { DEMO_OFFICERS, logInOfficer } from './support/officers.js';

const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());

async function filterByPersonAndToday(page: Page, person: string) {
  await page.getByLabel('Người thực hiện').fill(person);
  await page.getByLabel('Từ ngày').fill(today);
  await page.getByLabel('Đến ngày').fill(today);
  await page.getByRole('button', { name: 'Lọc', exact: true }).click();
  await page.waitForLoadState();
}

const rowsOf = (page: Page) => page.locator('table.audit-table tbody tr');

describe('audit log', () => {
  let chromium: LaunchedBrowser;
  before(async () => {
    chromium = await launchBrowser();
  });
  after(async () => {
    await chromium.close();
  });

  it('an inspector finds an officer’s login of today, on a desktop and on a phone', async () => {
    const officer = await newPage(chromium.browser, DESKTOP);
    await officer.page.goto(url('/can-bo/dang-nhap'));
    await logInOfficer(officer.page, DEMO_OFFICERS.oneStop);
    await officer.context.close();

    const { context, page } = await newPage(chromium.browser, DESKTOP);
    await page.goto(url('/can-bo'));
    await logInOfficer(page, DEMO_OFFICERS.inspector);
    await page.getByRole('link', { name: 'Nhật ký kiểm tra' }).click();
    assert.equal(new URL(page.url()).pathname, '/quan-tri/nhat-ky');
    assert.equal(await seenText(page.locator('h1')), 'Nhật ký kiểm tra');
    await assertAccessible(page, 'audit log, desktop');

    await filterByPersonAndToday(page, DEMO_OFFICERS.oneStop.username);
    const query = new URL(page.url()).searchParams;
    assert.equal(query.get('person'), 'motcua.tiepnhan');
    assert.equal(query.get('from'), today);
    const rows = rowsOf(page);
    assert.ok((await rows.count()) >= 1, 'the login is listed');
    const texts = await rows.allInnerTexts();
    assert.ok(
      texts.every((t) => /Nguyễn Thị Thu Hà/.test(t)),
      'only the officer asked for',
    );
    assert.ok(texts.some((t) => /Đăng nhập\b/.test(t) && /auth\.login/.test(t)));
    assert.match(texts[0] ?? '', new RegExp(today.split('-').reverse().join('/')), 'today, Vietnam time');

    // The worker links entries within seconds: reload until the newest shows as linked.
    let status = '';
    for (let i = 0; i < 20 && status !== 'Đã liên kết'; i++) {
      await page.reload();
      status = await seenText(rowsOf(page).first().locator('.audit-status'));
      if (status !== 'Đã liên kết') await page.waitForTimeout(1000);
    }
    assert.equal(status, 'Đã liên kết');
    await assertAccessible(page, 'audit log filtered, desktop');
    await screenshot(page, 'audit-log-1280');

    const phone = await chromium.browser.newContext({ ...PHONE, storageState: await context.storageState() });
    const small = await phone.newPage();
    await small.goto(url('/quan-tri/nhat-ky'));
    await filterByPersonAndToday(small, DEMO_OFFICERS.inspector.username);
    const own = await rowsOf(small).allInnerTexts();
    assert.ok(
      own.some((t) => /Đăng nhập\b/.test(t)),
      'the inspector’s own login',
    );
    assert.ok(
      own.some((t) => /Tra cứu nhật ký kiểm tra/.test(t)),
      'and its earlier search, audited',
    );
    await assertFitsScreen(small);
    await assertAccessible(small, 'audit log, phone');
    await screenshot(small, 'audit-log-360');

    await small.getByLabel('Từ ngày').fill('2026-12-31');
    await small.getByLabel('Đến ngày').fill('2026-01-01');
    await small.getByRole('button', { name: 'Lọc', exact: true }).click();
    await small.waitForLoadState();
    assert.match(await seenText(small.locator('.error-summary')), /Đến ngày phải bằng hoặc sau Từ ngày/);
    await assertFitsScreen(small);
    await assertAccessible(small, 'audit log with an error, phone');
    await screenshot(small, 'audit-log-error-360');
    await phone.close();
    await context.close();
  });
});
