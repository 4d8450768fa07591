/**
 * The one-stop desk at work: the demo desk officer of phường Hạ Long logs in, takes in a walk-in
 * dossier for a commune procedure of the demo catalogue, scans a PDF into a component, receives the
 * dossier with a cash payment, opens the receipt slip (a PDF), and finds the dossier again by typing
 * its code in the search box. Each page checked with axe-core, on a desktop and a 360 px phone, and
 * the list and dossier page without JavaScript.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
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

const PROCEDURE = '1.001193';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describe('one-stop desk intake', () => {
  let chromium: LaunchedBrowser;
  before(async () => {
    chromium = await launchBrowser();
  });
  after(async () => {
    await chromium.close();
  });

  it('takes in, scans, receives and finds a walk-in dossier', async () => {
    const { context, page } = await newPage(chromium.browser, DESKTOP);
    await page.goto(url('/mot-cua'));
    assert.match(new URL(page.url()).pathname, /^\/can-bo\/dang-nhap/);
    await logInOfficer(page, DEMO_OFFICERS.oneStop);
    assert.equal(new URL(page.url()).pathname, '/mot-cua');
    assert.equal(await seenText(page.locator('h1')), 'Hồ sơ tại bộ phận một cửa');
    await assertAccessible(page, 'desk list, desktop');

    await page.getByRole('link', { name: 'Tiếp nhận hồ sơ trực tiếp' }).click();
    assert.equal(await seenText(page.locator('h1')), 'Tiếp nhận hồ sơ trực tiếp');
    await assertAccessible(page, 'counter form');
    const idNumber = `0221${String(Date.now()).slice(-8)}`;
    await page.getByLabel('Mã thủ tục hành chính').fill(PROCEDURE);
    const applicant = page.locator('fieldset', { hasText: 'Người nộp hồ sơ' });
    await applicant.getByLabel('Họ và tên').fill('Đặng Thị Thử Nghiệm');
    await applicant.getByLabel('Số định danh cá nhân (CCCD) hoặc giấy tờ tùy thân').fill(idNumber);
    await applicant.getByLabel('Số điện thoại').fill('0912000111');
    await applicant.getByLabel('Địa chỉ').fill('Tổ 1, khu 2, phường Hạ Long');
    await applicant.getByLabel('Xã, phường nơi cư trú').selectOption({ label: 'Phường Hạ Long (06688)' });
    const owner = page.locator('fieldset', { hasText: 'Chủ hồ sơ' });
    await owner.getByLabel('Họ và tên').fill('Đặng Minh Khôi');
    await owner.getByLabel('Ngày sinh').fill('2026-11-28');
    await page.getByLabel('Trực tiếp tại bộ phận một cửa').check();
    await page.getByLabel('Tại bộ phận một cửa', { exact: true }).check();
    await page.getByRole('button', { name: 'Tạo hồ sơ' }).click();
    await page.waitForLoadState();
    const errors = await page.locator('.error-summary').count();
    assert.equal(errors, 0, errors ? await seenText(page.locator('.error-summary')) : '');
    assert.match(new URL(page.url()).pathname, /^\/mot-cua\/ho-so\//);
    const code = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
    assert.match(await seenText(page.getByRole('status')), /Đã tạo hồ sơ/);
    assert.match(await seenText(page.locator('.desk-status')), /Mới đăng ký/);

    const input = page.locator('input[type="file"]').first();
    await input.setInputFiles({ name: 'to-khai-quet.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.locator('.desk-upload').first().getByRole('button', { name: 'Tải lên' }).click();
    await page.waitForLoadState();
    assert.match(await seenText(page.getByRole('status')), /Đã tải tệp lên/);
    assert.match(await seenText(page.locator('table')), /to-khai-quet\.pdf/);
    assert.match(await seenText(page.locator('table')), /Đã số hóa/);
    await assertAccessible(page, 'dossier at the desk, new');
    await screenshot(page, 'desk-dossier-new-1280');

    const amount = page.getByLabel(/Số tiền thu ngay/);
    if ((await amount.count()) > 0) {
      const label = await seenText(page.locator('label[for="payment.amount"]'));
      const total = /Tổng ([\d.]+) đ/.exec(label)?.[1]?.replace(/\./g, '') ?? '0';
      await amount.fill(total);
      await page.getByLabel('Số biên lai').fill(`BL-${Date.now().toString(36)}`);
    }
    await page.getByRole('button', { name: 'Tiếp nhận và in phiếu hẹn' }).click();
    await page.waitForLoadState();
    assert.match(await seenText(page.getByRole('status')), /Đã tiếp nhận hồ sơ/);
    assert.match(await seenText(page.locator('.desk-status')), /Được tiếp nhận/);
    const slip = page.getByRole('status').getByRole('link', { name: 'In phiếu (PDF)' });
    const href = await slip.getAttribute('href');
    assert.equal(href, `/api/v1/dossiers/${code}/slips/receipt.pdf`);
    const pdf = await context.request.get(url(href!));
    assert.equal(pdf.status(), 200);
    assert.equal(pdf.headers()['content-type'], 'application/pdf');
    assert.ok((await pdf.body()).subarray(0, 5).equals(Buffer.from('%PDF-')));
    await assertAccessible(page, 'dossier at the desk, received');
    await screenshot(page, 'desk-dossier-received-1280');

    await page.goto(url('/mot-cua'));
    await page.getByRole('searchbox', { name: 'Tìm hồ sơ' }).fill(code);
    await page.getByRole('searchbox', { name: 'Tìm hồ sơ' }).press('Enter');
    await page.waitForLoadState();
    assert.equal(decodeURIComponent(new URL(page.url()).pathname), `/mot-cua/ho-so/${code}`);
    await page.goto(url(`/mot-cua?q=${encodeURIComponent('dang thi thu nghiem')}`));
    assert.match(await seenText(page.locator('table')), new RegExp(code.replace(/\./g, '\\.')));
    await screenshot(page, 'desk-list-1280');

    const phone = await chromium.browser.newContext({ ...PHONE, storageState: await context.storageState() });
    const small = await phone.newPage();
    await small.goto(url('/mot-cua'));
    await assertFitsScreen(small);
    await assertAccessible(small, 'desk list, phone');
    await screenshot(small, 'desk-list-360');
    await small.goto(url(`/mot-cua/ho-so/${code}`));
    assert.match(await seenText(small.locator('.desk-status')), /Được tiếp nhận/);
    await assertFitsScreen(small);
    await assertAccessible(small, 'dossier at the desk, phone');
    await screenshot(small, 'desk-dossier-360');
    await phone.close();

    // Without JavaScript: the search form and the dossier page work the same.
    const noJs = await chromium.browser.newContext({
      ...PHONE,
      javaScriptEnabled: false,
      storageState: await context.storageState(),
    });
    const plain = await noJs.newPage();
    await plain.goto(url('/mot-cua'));
    await plain.getByRole('searchbox', { name: 'Tìm hồ sơ' }).fill(code);
    await plain.getByRole('button', { name: 'Lọc' }).click();
    await plain.waitForLoadState();
    assert.equal(decodeURIComponent(new URL(plain.url()).pathname), `/mot-cua/ho-so/${code}`);
    assert.match(await seenText(plain.locator('.desk-status')), /Được tiếp nhận/);
    await noJs.close();
    await context.close();
  });
});
