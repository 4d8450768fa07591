/**
 * An agency administrator at work: the demo administrator of phường Hạ Long logs in with password
 * and TOTP code, adds an officer to the ward's service centre, reads the temporary password (shown
 * once), grants a second role, resets the password, and disables the account; on a desktop and on a
 * 360 px phone, each page checked with axe-core.
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

const ADMIN = DEMO_OFFICERS.agencyAdmin;
const CENTRE = 'Trung tâm Phục vụ hành chính công phường Hạ Long';
const WARD = 'Ủy ban nhân dân phường Hạ Long';

const temporaryPassword = (page: Page) => seenText(page.getByTestId('temporary-password'));

describe('officer administration', () => {
  let chromium: LaunchedBrowser;
  before(async () => {
    chromium = await launchBrowser();
  });
  after(async () => {
    await chromium.close();
  });

  it('creates, grants, resets and disables an officer', async () => {
    const { context, page } = await newPage(chromium.browser, DESKTOP);
    await page.goto(url('/quan-tri/can-bo'));
    assert.match(new URL(page.url()).pathname, /^\/can-bo\/dang-nhap/);
    await logInOfficer(page, ADMIN);
    assert.equal(new URL(page.url()).pathname, '/quan-tri/can-bo');
    assert.equal(await seenText(page.locator('h1')), 'Quản trị cán bộ');
    const list = await seenText(page.locator('table'));
    assert.match(list, /motcua\.tiepnhan\b/);
    assert.doesNotMatch(list, /motcua\.tiepnhan2|motcua\.hethong/, 'only the ward’s officers');
    await assertAccessible(page, 'officer list, desktop');
    await screenshot(page, 'officer-admin-list-1280');

    await page.getByLabel('Họ tên hoặc tên đăng nhập').fill('hoang thi');
    await page.getByRole('button', { name: 'Lọc' }).click();
    assert.deepEqual(await page.locator('tbody tr td:nth-child(2)').allInnerTexts(), ['motcua.vanthu']);
    await page.locator('#filter-role').selectOption({ label: 'Lãnh đạo đơn vị' });
    await page.getByLabel('Họ tên hoặc tên đăng nhập').fill('');
    await page.getByRole('button', { name: 'Lọc' }).click();
    assert.deepEqual(await page.locator('tbody tr td:nth-child(2)').allInnerTexts(), ['motcua.lanhdao']);

    await page.getByRole('link', { name: 'Thêm cán bộ' }).click();
    const username = `e2e.${Date.now().toString(36)}`;
    await page.getByLabel('Tên đăng nhập').fill(username);
    await page.getByLabel('Họ và tên').fill('Phan Thị Thử Nghiệm');
    await page.getByLabel('Chức vụ (không bắt buộc)').fill('Công chức tiếp nhận');
    await page.locator('#agencyId').selectOption({ label: CENTRE });
    await page.locator('#role').selectOption({ label: 'Tiếp nhận và trả kết quả' });
    await assertAccessible(page, 'new officer form');
    await screenshot(page, 'officer-admin-new-1280');
    await page.getByRole('button', { name: 'Tạo tài khoản' }).click();

    assert.equal(await seenText(page.locator('h1')), 'Phan Thị Thử Nghiệm');
    const first = await temporaryPassword(page);
    assert.match(first, /^[A-Za-z0-9]{4}(-[A-Za-z0-9]{4}){3}$/);
    await assertAccessible(page, 'officer created, password shown once');
    await screenshot(page, 'officer-admin-created-1280');
    await page.reload();
    assert.equal(await page.getByTestId('temporary-password').count(), 0, 'shown once only');

    await page.locator('#agencyId').selectOption({ label: WARD });
    await page.locator('#role').selectOption({ label: 'Văn thư' });
    await page.getByRole('button', { name: 'Cấp vai trò' }).click();
    assert.match(await seenText(page.getByRole('status')), /Đã cấp vai trò/);
    assert.match(await seenText(page.locator('.grant-rows')), new RegExp(`Văn thư · ${WARD}`));

    await page.getByRole('button', { name: 'Đặt lại mật khẩu' }).click();
    const second = await temporaryPassword(page);
    assert.notEqual(second, first);
    assert.match(await seenText(page.getByRole('status')), /Đã đặt lại mật khẩu/);

    await page.getByRole('button', { name: 'Khóa tài khoản' }).click();
    assert.equal(await seenText(page.getByTestId('officer-status')), 'Đã khóa');
    assert.equal(await page.getByRole('button', { name: 'Mở khóa tài khoản' }).count(), 1);
    await assertAccessible(page, 'officer disabled, desktop');
    await screenshot(page, 'officer-admin-detail-1280');
    const detailUrl = page.url();

    const phone = await chromium.browser.newContext({ ...PHONE, storageState: await context.storageState() });
    const small = await phone.newPage();
    await small.goto(detailUrl);
    assert.equal(await seenText(small.locator('h1')), 'Phan Thị Thử Nghiệm');
    await assertFitsScreen(small);
    await assertAccessible(small, 'officer detail, phone');
    await screenshot(small, 'officer-admin-detail-360');
    await small.goto(url('/quan-tri/can-bo'));
    await assertFitsScreen(small);
    await assertAccessible(small, 'officer list, phone');
    await screenshot(small, 'officer-admin-list-360');
    await phone.close();
    await context.close();
  });
});
