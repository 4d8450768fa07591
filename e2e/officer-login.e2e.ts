/**
 * An agency leader logs in for the first time on a phone: password, then the required TOTP
 * enrolment (reads the secret on the page as a person would type it into an app), lands on the
 * officers' page, logs out, and logs in again with a code from the app. Checked with axe-core on
 * every step; screenshots at 360 px.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { hashPassword } from '../src/modules/identity/passwords.js';
import { totpCode } from '../src/modules/identity/totp.js';
import { loadConfig } from '../src/platform/config.js';
import { type Database, type Db, openDatabase } from '../src/platform/db/database.js';
import { newId } from '../src/platform/ids.js';
import {
  assertAccessible,
  type LaunchedBrowser,
  launchBrowser,
  newPage,
  PHONE,
  screenshot,
  seenText,
  url,
} from './support/browser.js';

const PASSWORD = 'Mat-khau-lanh-dao-2026';

/** An agency leader (TOTP required, not yet enrolled) in the first agency of the demo data. */
async function insertLeader(db: Db, username: string) {
  const agency = await db.selectFrom('agencies').select('id').orderBy('id').executeTakeFirstOrThrow();
  const now = new Date();
  const id = newId();
  await db
    .insertInto('officers')
    .values({
      id,
      username,
      full_name: 'Hoàng Minh Đức',
      password_hash: await hashPassword(PASSWORD),
      password_changed_at: now,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await db
    .insertInto('officer_roles')
    .values({
      officer_id: id,
      agency_id: agency.id,
      role: 'agency_leader',
      granted_by: 'system:e2e',
      granted_at: now,
    })
    .execute();
  return { id, username };
}

async function assertFitsScreen(page: Page) {
  const { scrollWidth, viewport } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    viewport: window.innerWidth,
  }));
  assert.ok(scrollWidth <= viewport, `page is ${scrollWidth} px wide on a ${viewport} px screen`);
}

async function logIn(page: Page, username: string) {
  await page.goto(url('/can-bo/dang-nhap'));
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

describe('officer login with a second factor', () => {
  let chromium: LaunchedBrowser;
  let database: Database;
  let officer: { id: string; username: string };

  before(async () => {
    const dataDir = process.env.E2E_DATA_DIR;
    if (!dataDir) throw new Error('E2E_DATA_DIR is not set: run the journeys with `npm run e2e`');
    database = await openDatabase(loadConfig({ ...process.env, DATA_DIR: dataDir }));
    officer = await insertLeader(database.db, `lanhdao.e2e${Date.now() % 100_000}`);
    chromium = await launchBrowser();
  });
  after(async () => {
    await chromium?.close();
    await database?.close();
  });

  it('enrols TOTP at the first login, logs out, and logs in again with a code', async () => {
    const { context, page } = await newPage(chromium.browser, PHONE);
    await page.goto(url('/can-bo/dang-nhap'));
    assert.equal(await seenText(page.locator('h1')), 'Đăng nhập dành cho cán bộ');
    await assertAccessible(page, 'officer login, phone');
    await assertFitsScreen(page);
    await screenshot(page, 'officer-login-phone');

    // A wrong password first: the error summary, linked to the field.
    await page.getByLabel('Tên đăng nhập').fill(officer.username);
    await page.getByLabel('Mật khẩu').fill('khong-phai-mat-khau');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    assert.match(await seenText(page.locator('.error-summary')), /Tên đăng nhập hoặc mật khẩu không đúng/);
    await assertAccessible(page, 'officer login error, phone');
    await screenshot(page, 'officer-login-error-phone');

    await logIn(page, officer.username);
    await page.waitForURL(/\/can-bo\/ma-xac-thuc\/dang-ky/);
    assert.equal(await seenText(page.locator('h1')), 'Thiết lập xác thực hai lớp');
    const qr = page.locator('img.qr');
    assert.match((await qr.getAttribute('src')) ?? '', /^data:image\/svg\+xml;base64,/);
    assert.ok(
      await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0),
      'QR code drawn',
    );
    await assertAccessible(page, 'TOTP enrolment, phone');
    await assertFitsScreen(page);
    await screenshot(page, 'officer-totp-enrol-phone');
    const secret = (await seenText(page.locator('code.secret'))).replace(/\s+/g, '');
    assert.match(secret, /^[A-Z2-7]{32}$/);
    await page.getByLabel('Mã xác thực (6 chữ số)').fill(totpCode(secret, new Date()));
    await page.getByRole('button', { name: 'Xác nhận' }).click();
    await page.waitForURL(/\/can-bo$/);
    assert.equal(await seenText(page.locator('h1')), 'Hoàng Minh Đức');
    assert.match(await seenText(page.locator('.grant-table')), /Lãnh đạo đơn vị/);
    assert.match(await seenText(page.locator('.site-user')), /Hoàng Minh Đức/);
    await assertAccessible(page, 'officer home, phone');
    await assertFitsScreen(page);
    await screenshot(page, 'officer-home-phone');

    await page.locator('.site-user').getByRole('button', { name: 'Đăng xuất' }).click();
    await page.waitForURL(/\/can-bo\/dang-nhap$/);
    await page.goto(url('/can-bo'));
    await page.waitForURL(/\/can-bo\/dang-nhap\?next=/);

    await logIn(page, officer.username);
    await page.waitForURL(/\/can-bo\/dang-nhap\/ma-xac-thuc/);
    await assertAccessible(page, 'TOTP code, phone');
    await screenshot(page, 'officer-totp-code-phone');
    // The enrolment used this 30-second step: the app's next code is accepted (one step of drift).
    await page.getByLabel('Mã xác thực (6 chữ số)').fill(totpCode(secret, new Date(Date.now() + 30_000)));
    await page.getByRole('button', { name: 'Xác nhận' }).click();
    await page.waitForURL(/\/can-bo(\?|$)/);
    assert.equal(await seenText(page.locator('h1')), 'Hoàng Minh Đức');
    await context.close();
  });
});
