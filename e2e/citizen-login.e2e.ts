/**
 * A citizen logs in with VNeID on a phone: "Đăng nhập bằng VNeID", picks a demo person on the
 * sandbox page, allows sharing, lands on /tai-khoan with their name, adds a notification phone
 * (a wrong one first), logs out of motcua and of the sandbox. Then a business does the same with
 * JavaScript off on a desktop. axe-core on every page; no sideways scrolling at 360 px.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  checkPage,
  DESKTOP,
  type LaunchedBrowser,
  launchBrowser,
  newPage,
  PHONE,
  seenText,
  url,
} from './support/browser.js';

describe('citizen login with VNeID (sandbox)', () => {
  let chromium: LaunchedBrowser;

  before(async () => {
    chromium = await launchBrowser();
  });
  after(async () => {
    await chromium?.close();
  });

  it('logs in as a demo citizen, adds a phone, and logs out', async () => {
    const { context, page } = await newPage(chromium.browser, PHONE);
    await page.goto(url('/dang-nhap'));
    assert.equal(await seenText(page.locator('h1')), 'Đăng nhập');
    assert.ok(await page.getByRole('link', { name: /Đăng nhập dành cho cán bộ/ }).isVisible());
    await checkPage(page, 'citizen login, phone', 'citizen-login-phone');

    await page.getByRole('link', { name: 'Đăng nhập bằng VNeID' }).click();
    await page.waitForURL(/\/vneid-sandbox\/dang-nhap\//);
    assert.match(await seenText(page.locator('.sandbox-banner')), /KHÔNG PHẢI VNeID thật/);
    await checkPage(page, 'VNeID sandbox picker, phone', 'vneid-sandbox-picker-phone');

    await page.getByRole('button', { name: 'Đăng nhập: Trần Thị Bích Ngọc' }).click();
    assert.equal(await seenText(page.locator('h1')), 'Cho phép chia sẻ thông tin');
    await checkPage(page, 'VNeID sandbox consent, phone', 'vneid-sandbox-consent-phone');

    await page.getByRole('button', { name: 'Đồng ý' }).click();
    await page.waitForURL(/\/tai-khoan$/);
    assert.equal(await seenText(page.locator('.site-user__name')), 'Trần Thị Bích Ngọc');
    assert.match(await seenText(page.locator('.facts')), /022192004517/);
    await checkPage(page, 'citizen account, phone', 'citizen-account-phone');

    await page.getByLabel('Số điện thoại nhận thông báo').fill('0983 456');
    await page.getByRole('button', { name: 'Lưu' }).click();
    assert.match(await seenText(page.locator('.error-summary')), /Số điện thoại không hợp lệ/);
    assert.equal(await page.getByLabel('Số điện thoại nhận thông báo').inputValue(), '0983 456');
    await checkPage(page, 'citizen account error, phone', 'citizen-account-error-phone');

    await page.getByLabel('Số điện thoại nhận thông báo').fill('0983 456 721');
    await page.getByLabel('Thư điện tử nhận thông báo').fill('bichngoc.tran92@gmail.com');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.waitForURL(/\/tai-khoan\?da-luu=1$/);
    assert.match(await seenText(page.locator('.notice')), /Đã lưu/);
    assert.equal(await page.getByLabel('Số điện thoại nhận thông báo').inputValue(), '0983456721');
    await checkPage(page, 'citizen account saved, phone', 'citizen-account-saved-phone');

    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.waitForURL(/\/vneid-sandbox\/session\/end/);
    assert.equal(await seenText(page.locator('h1')), 'Đăng xuất khỏi VNeID thử nghiệm?');
    await checkPage(page, 'VNeID sandbox logout, phone', 'vneid-sandbox-logout-phone');
    await page.getByRole('button', { name: 'Đăng xuất khỏi VNeID' }).click();
    await page.waitForURL(/\/dang-nhap\?da-dang-xuat=1$/);
    assert.match(await seenText(page.locator('.notice')), /Bạn đã đăng xuất/);
    await checkPage(page, 'citizen logged out, phone', 'citizen-logged-out-phone');

    // Both sessions are over: /tai-khoan asks for a login, VNeID asks who you are again.
    await page.goto(url('/tai-khoan'));
    await page.waitForURL(/\/dang-nhap\?next=/);
    await page.getByRole('link', { name: 'Đăng nhập bằng VNeID' }).click();
    await page.waitForURL(/\/vneid-sandbox\/dang-nhap\//);
    await context.close();
  });

  it('works without JavaScript, for a business on a desktop', async () => {
    const { context, page } = await newPage(chromium.browser, { ...DESKTOP, javaScriptEnabled: false });
    await page.goto(url('/dang-nhap'));
    await page.getByRole('link', { name: 'Đăng nhập bằng VNeID' }).click();
    await page.getByRole('button', { name: 'Đăng nhập: Công ty TNHH Du lịch Vịnh Xanh Hạ Long' }).click();
    await page.getByRole('button', { name: 'Đồng ý' }).click();
    await page.waitForURL(/\/tai-khoan$/);
    assert.equal(await seenText(page.locator('.site-user__name')), 'Công ty TNHH Du lịch Vịnh Xanh Hạ Long');
    assert.match(await seenText(page.locator('.facts')), /5701234566/);
    await checkPage(
      page,
      'account page without JavaScript, desktop',
      'citizen-account-business-desktop-nojs',
      false,
    );
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByRole('button', { name: 'Đăng xuất khỏi VNeID' }).click();
    await page.waitForURL(/\/dang-nhap\?da-dang-xuat=1$/);
    await context.close();
  });

  it('explains a cancelled login in Vietnamese and English', async () => {
    const { context, page } = await newPage(chromium.browser, PHONE);
    await page.goto(url('/dang-nhap/vneid'));
    await page.getByRole('button', { name: 'Hủy, quay lại dịch vụ' }).click();
    await page.waitForURL(/\/dang-nhap\/vneid\/callback\?error=access_denied/);
    assert.equal(await seenText(page.locator('h1')), 'Không đăng nhập được');
    assert.match(await seenText(page.locator('main')), /You cancelled or did not allow sharing/);
    await checkPage(page, 'citizen login cancelled, phone', 'citizen-login-cancelled-phone');
    await context.close();
  });
});
