/**
 * A system administrator confirms next year's proposed days off against the official notice: opens
 * the administration page (sent to the officer login first: password, then the TOTP code of the
 * published demo account motcua.hethong), sees the year as month grids with the proposals marked,
 * confirms the whole year, and finds it confirmed with its notice on the public /lich-lam-viec page;
 * then edits the make-up Saturday it added from the month grid, removes it with a reason, and looks
 * at the agency tree. Checked with axe-core on a phone (360 px) and a desktop (1280 px).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import {
  ARTIFACTS_DIR,
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

const NOTICE = 'Thông báo 9999/TB-BNV ngày 15/12/2026 (thử nghiệm e2e)';

function firstSaturdayOfMarch(year: number): string {
  const d = new Date(Date.UTC(year, 2, 1));
  while (d.getUTCDay() !== 6) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * From the make-up Saturday's cell in the month grid: edit its name (the legal source is required,
 * and the form keeps what was typed), then remove it with a reason, and find it gone from the grid.
 */
async function editThenRemove(page: Page, year: number, saturday: string) {
  const cell = page.locator(`a.cal-link[href$="/ngay/${saturday}"]`);
  await page.goto(url(`/quan-tri/lich-lam-viec?nam=${year}`));
  await cell.click();
  await page.waitForURL(new RegExp(`/quan-tri/lich-lam-viec/ngay/${saturday}$`));
  assert.match(await seenText(page.locator('h1')), /^Sửa ngày Thứ Bảy, /);
  await assertFitsScreen(page);
  await assertAccessible(page, 'edit a day, phone');
  await screenshot(page, 'calendar-day-edit-phone');

  await page.locator('#name').fill('Làm bù (đã sửa, e2e)');
  await page.locator('#source').fill('');
  await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
  await page.waitForLoadState();
  assert.match(await seenText(page.locator('.error-summary')), /căn cứ/);
  assert.equal(await page.locator('#name').inputValue(), 'Làm bù (đã sửa, e2e)', 'the form keeps the name');
  await assertAccessible(page, 'edit a day with an error, phone');
  await page.locator('#source').fill(`${NOTICE} (đính chính)`);
  await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
  await page.waitForURL(/ok=edited/);
  assert.match(await seenText(page.locator('.qt-notice')), /Đã lưu thay đổi của ngày/);
  assert.equal(await page.locator('td.cal-makeup[title="Làm bù (đã sửa, e2e)"]').count(), 1);

  await cell.click();
  await page.getByRole('link', { name: 'Xóa ngày này…' }).click();
  await page.waitForURL(new RegExp(`/ngay/${saturday}/xoa$`));
  await assertFitsScreen(page);
  await assertAccessible(page, 'remove a day, phone');
  await screenshot(page, 'calendar-day-remove-phone');
  await page.getByRole('button', { name: 'Xác nhận xóa ngày' }).click();
  await page.waitForLoadState();
  assert.match(await seenText(page.locator('.error-summary')), /lý do/);
  await assertAccessible(page, 'remove a day without a reason, phone');
  await page.locator('#reason').fill('Nhập nhầm khi thử nghiệm e2e');
  await page.getByRole('button', { name: 'Xác nhận xóa ngày' }).click();
  await page.waitForURL(/ok=removed/);
  assert.match(await seenText(page.locator('.qt-notice')), /Đã xóa ngày khỏi lịch/);
  assert.equal(await cell.count(), 0, 'the day no longer links from the grid');
  assert.equal(await page.locator('td.cal-makeup[title="Làm bù (đã sửa, e2e)"]').count(), 0);
  await assertFitsScreen(page);
  await assertAccessible(page, 'calendar administration after a removal, phone');
  await screenshot(page, 'calendar-admin-after-remove-phone');
}

describe('working calendar administration', () => {
  let chromium: LaunchedBrowser;
  before(async () => {
    chromium = await launchBrowser();
  });
  after(async () => {
    await chromium.close();
  });

  it('confirms next year against its notice and shows it on the public page', async () => {
    const year = new Date().getUTCFullYear() + 1;
    const { context, page } = await newPage(chromium.browser, PHONE);
    await page.goto(url(`/quan-tri/lich-lam-viec?nam=${year}`));
    assert.match(page.url(), /\/can-bo\/dang-nhap\?next=/);
    await logInOfficer(page, DEMO_OFFICERS.systemAdmin);
    await page.waitForURL(new RegExp(`/quan-tri/lich-lam-viec\\?nam=${year}`));
    assert.equal(await seenText(page.locator('h1')), `Quản trị lịch làm việc năm ${year}`);
    assert.equal(await page.locator('table.cal-month').count(), 12);
    assert.ok((await page.locator('td.cal-unconfirmed').count()) > 0, 'proposed days are marked');
    await assertFitsScreen(page);
    await assertAccessible(page, 'calendar administration, phone');
    await screenshot(page, 'calendar-admin-phone');

    await page.getByRole('button', { name: 'Xác nhận cả năm' }).click();
    await page.waitForLoadState();
    assert.match(await seenText(page.locator('.error-summary')), /thông báo chính thức/);
    await assertAccessible(page, 'calendar administration with an error, phone');
    await screenshot(page, 'calendar-admin-error-phone');
    await page.screenshot({ path: `${ARTIFACTS_DIR}calendar-admin-error-phone-top.png` });

    await page.locator('#source').fill(NOTICE);
    await page.getByRole('button', { name: 'Xác nhận cả năm' }).click();
    await page.waitForURL(/ok=year/);
    assert.match(await seenText(page.locator('.qt-notice')), /Đã xác nhận các ngày đề xuất/);
    assert.equal(await page.locator('td.cal-unconfirmed').count(), 0);

    const saturday = firstSaturdayOfMarch(year);
    await page.locator('#add-date').fill(saturday);
    await page.locator('#add-kind').selectOption('makeup_workday');
    await page.locator('#add-name').fill('Làm bù (thử nghiệm e2e)');
    await page.locator('#add-source').fill(NOTICE);
    await page.getByRole('button', { name: 'Thêm ngày nghỉ hoặc ngày làm bù' }).click();
    await page.waitForURL(/ok=added/);
    assert.match(await seenText(page.locator('.qt-notice')), /Đã thêm ngày/);

    const desktop = await newPage(chromium.browser, DESKTOP);
    await desktop.context.addCookies(await context.cookies());
    await desktop.page.goto(url(`/quan-tri/lich-lam-viec?nam=${year}`));
    await assertAccessible(desktop.page, 'calendar administration, desktop');
    await screenshot(desktop.page, 'calendar-admin-desktop');
    await desktop.page.goto(url(`/quan-tri/co-quan`));
    assert.equal(await seenText(desktop.page.locator('h1')), 'Quản trị cơ quan');
    await assertAccessible(desktop.page, 'agency administration, desktop');
    await screenshot(desktop.page, 'agencies-admin-desktop');
    await desktop.context.close();

    await page.goto(url('/quan-tri/co-quan/H22.102'));
    assert.equal(await seenText(page.locator('h1')), 'Ủy ban nhân dân phường Hạ Long');
    await assertFitsScreen(page);
    await assertAccessible(page, 'agency administration, phone');
    await screenshot(page, 'agency-admin-phone');
    await page.goto(url('/quan-tri/co-quan/H22.102/gio-lam-viec'));
    await assertFitsScreen(page);
    await assertAccessible(page, 'office hours, phone');
    await screenshot(page, 'office-hours-phone');

    await page.goto(url(`/lich-lam-viec?nam=${year}`));
    assert.equal(await page.locator('td.cal-unconfirmed').count(), 0);
    assert.ok((await page.locator('td.cal-off').count()) > 0);
    assert.match(await seenText(page.locator('.cal-list')), /9999\/TB-BNV/);
    assert.match(await seenText(page.locator('.cal-list')), /Làm bù \(thử nghiệm e2e\)/);
    assert.equal(await page.locator('td.cal-makeup[title="Làm bù (thử nghiệm e2e)"]').count(), 1);
    await screenshot(page, 'calendar-public-confirmed-phone');

    await editThenRemove(page, year, saturday);

    await page.goto(url('/quan-tri/co-quan'));
    assert.ok((await page.locator('nav.qt-tree ul ul li').count()) > 0, 'children nested under parents');
    await assertFitsScreen(page);
    await assertAccessible(page, 'agency tree, phone');
    await screenshot(page, 'agency-tree-phone');
    await context.close();
  });
});
