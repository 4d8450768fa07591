/**
 * A citizen applies online on a phone with JavaScript off: finds "Đăng ký khai sinh" in the
 * catalogue, presses "Nộp hồ sơ trực tuyến", logs in with the VNeID sandbox, finds the applicant
 * prefilled, attaches a PDF and two photos (merged into one PDF), submits, sees the dossier code and
 * the dossier page. axe-core on every page; no sideways scrolling at 360 px; screenshots.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { jpegBytes, pngBytes } from '../src/modules/dossiers/attachments/test-fixtures.js';
import {
  checkPage,
  type LaunchedBrowser,
  launchBrowser,
  newPage,
  PHONE,
  seenText,
  url,
} from './support/browser.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

describe('citizen applies online (intake form)', () => {
  let chromium: LaunchedBrowser;
  before(async () => {
    chromium = await launchBrowser();
  });
  after(async () => {
    await chromium?.close();
  });

  it('finds the procedure, logs in, attaches files, submits and sees the dossier', async () => {
    const { context, page } = await newPage(chromium.browser, { ...PHONE, javaScriptEnabled: false });
    page.setDefaultTimeout(15_000);
    await page.goto(url('/thu-tuc?q=đăng+ký+khai+sinh'));
    await page.locator('a[href="/thu-tuc/1.001193"]').first().click();
    await page.waitForURL(/\/thu-tuc\/1\.001193/);
    await page.getByRole('link', { name: 'Nộp hồ sơ trực tuyến', exact: true }).click();
    await page.waitForURL(/\/dang-nhap\?next=/);
    await page.getByRole('link', { name: 'Đăng nhập bằng VNeID' }).click();
    await page.getByRole('button', { name: 'Đăng nhập: Trần Thị Bích Ngọc' }).click();
    await page.getByRole('button', { name: 'Đồng ý' }).click();
    await page.waitForURL(/\/nop-ho-so\/1\.001193$/);
    assert.equal(await seenText(page.locator('h1')), 'Nộp hồ sơ trực tuyến');
    assert.equal(await page.getByLabel('Họ và tên').first().inputValue(), 'Trần Thị Bích Ngọc');
    assert.equal(await page.locator('[id="applicant.idNumber"]').inputValue(), '022192004517');
    await checkPage(page, 'intake form, phone', 'citizen-intake-form-phone');

    await page.locator('[id="owner.name"]').fill('Nguyễn Minh Khôi');
    await page.locator('[id="owner.birthDate"]').fill('2026-11-28');
    const slots = page.locator('input[type="file"]');
    const count = await slots.count();
    assert.ok(count >= 2, `slots: ${count}`);
    for (let i = 0; i < count; i++) {
      const input = slots.nth(i);
      if (i === 1) {
        await input.setInputFiles([
          { name: 'giay-chung-sinh-1.jpg', mimeType: 'image/jpeg', buffer: jpegBytes(60, 80) },
          { name: 'giay-chung-sinh-2.png', mimeType: 'image/png', buffer: pngBytes(60, 80) },
        ]);
      } else {
        await input.setInputFiles({ name: `giay-to-${i + 1}.pdf`, mimeType: 'application/pdf', buffer: PDF });
      }
    }
    await page.getByLabel('Nhận bản điện tử trực tuyến').check();
    // A mistake first: the ID number is cleared; the files stay in the draft.
    await page.locator('[id="applicant.idNumber"]').fill('');
    await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();
    assert.match(await seenText(page.locator('.error-summary')), /số định danh/i);
    assert.match(await seenText(page.locator('.files').first()), /giay-to-1\.pdf/);
    await checkPage(page, 'intake form with an error, phone', 'citizen-intake-error-phone');

    await page.locator('[id="applicant.idNumber"]').fill('022192004517');
    await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();
    await page.waitForURL(/\/ho-so-cua-toi\/[^?]+\?da-nop=1$/);
    const banner = await seenText(page.locator('.notice'));
    assert.match(banner, /Mã hồ sơ của bạn là \S+-\d{6}-\d{4}/);
    assert.match(await seenText(page.locator('.timeline')), /Nộp hồ sơ/);
    assert.match(await seenText(page.locator('main')), /giay-chung-sinh-1\.pdf/);
    await checkPage(page, 'dossier page, phone', 'citizen-dossier-phone');

    await page.goto(url('/ho-so-cua-toi'));
    await checkPage(page, 'my dossiers, phone', 'citizen-my-dossiers-phone');
    await context.close();
  });
});
