/**
 * A system administrator edits a procedure, without JavaScript: opens Đăng ký thường trú (1.004222,
 * 7 ngày làm việc = 56 working hours), starts a draft, lowers the lệ phí, adds a 50% online
 * reduction, gives phường Hạ Long its own workflow (first over the legal time: refused; then
 * fixed), previews the draft as a citizen sees it, publishes it and finds version 2 in the history.
 * Pages are checked with axe-core, and on a 360 px phone for sideways scrolling.
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
  screenshot,
  seenText,
  url,
} from './support/browser.js';
import { DEMO_OFFICERS, logInOfficer } from './support/officers.js';

const CODE = '1.004222';
const WARD = 'Ủy ban nhân dân phường Hạ Long';

/**
 * The journey runs with JavaScript off (the pages carry no script); axe-core needs it on, so each
 * page is checked again in a second tab of the same session with JavaScript: the very HTML the
 * no-JavaScript tab shows (a page that answers a POST, like a refusal, cannot simply be reloaded),
 * accessible at desktop width and without sideways scrolling on a 360 px phone.
 */
let checker: Page;
async function checkPage(page: Page, label: string) {
  assert.equal(await page.locator('script').count(), 0, `${label} needs no script`);
  await checker.goto(url('/quan-tri/danh-muc.css'));
  await checker.setContent(await page.content(), { waitUntil: 'load' });
  await checker.setViewportSize(DESKTOP.viewport as { width: number; height: number });
  await assertAccessible(checker, label);
  await checker.setViewportSize({ width: 360, height: 740 });
  await assertFitsScreen(checker);
  await screenshot(checker, `catalogue-admin-${label}-360`);
}

describe('catalogue administration', () => {
  let chromium: LaunchedBrowser;
  before(async () => {
    chromium = await launchBrowser();
  });
  after(async () => {
    await chromium.close();
  });

  it('edits a fee, a reduction and a ward’s workflow, previews and publishes version 2', async () => {
    const { context, page } = await newPage(chromium.browser, { ...DESKTOP, javaScriptEnabled: false });
    page.setDefaultTimeout(20_000);
    await page.goto(url('/quan-tri/thu-tuc'));
    await logInOfficer(page, DEMO_OFFICERS.systemAdmin);
    assert.equal(new URL(page.url()).pathname, '/quan-tri/thu-tuc');
    const withScript = await chromium.browser.newContext({
      ...DESKTOP,
      storageState: await context.storageState(),
    });
    checker = await withScript.newPage();
    checker.setDefaultTimeout(20_000);
    await page.getByLabel('Tìm theo mã hoặc tên thủ tục').fill('dang ky thuong tru');
    await page.getByRole('button', { name: 'Tìm' }).click();
    await page.getByRole('link', { name: CODE, exact: true }).click();
    assert.match(await seenText(page.locator('main')), /Đăng ký thường trú/);
    await checkPage(page, 'procedure');
    await page.getByRole('button', { name: 'Tạo bản nháp' }).click();
    assert.match(await seenText(page.locator('.qt-notice')), /Đã tạo bản nháp/);
    await checkPage(page, 'draft');
    await screenshot(page, 'catalogue-admin-draft-1280');

    await page.getByRole('link', { name: 'Cách thức, thời hạn và phí, lệ phí' }).click();
    await page.locator('#fee-0-amount').fill('5.000');
    await page.getByRole('button', { name: 'Lưu vào bản nháp' }).last().click();
    assert.match(await seenText(page.locator('.qt-notice')), /Đã lưu vào bản nháp/);
    assert.equal(await page.locator('#fee-0-amount').inputValue(), '5000');
    await checkPage(page, 'fees');
    await screenshot(page, 'catalogue-admin-fees-1280');

    await page.getByRole('link', { name: '← Về bản nháp' }).click();
    await page.getByRole('link', { name: 'Giảm phí, lệ phí' }).click();
    await page.getByRole('button', { name: '+ Thêm mức giảm' }).click();
    await page.locator('#reduction-0-channel').selectOption('online');
    await page.locator('#reduction-0-percent').fill('50');
    await page.locator('#reduction-0-validFrom').fill('2026-01-01');
    await page.locator('#reduction-0-legalBasis').fill('Nghị quyết số 12/2025/NQ-HĐND tỉnh Quảng Ninh');
    await page.getByRole('button', { name: 'Lưu vào bản nháp' }).last().click();
    assert.match(await seenText(page.locator('.qt-notice')), /Đã lưu vào bản nháp/);

    await page.getByRole('link', { name: '← Về bản nháp' }).click();
    await page.locator('#co-quan').selectOption({ label: WARD });
    await page.getByRole('button', { name: 'Sửa quy trình' }).click();
    assert.match(await seenText(page.locator('h1')), /Quy trình nội bộ của Ủy ban nhân dân phường Hạ Long/);
    await page.locator('#step-1-hours').fill('60');
    await page.getByRole('button', { name: 'Lưu quy trình vào bản nháp' }).last().click();
    const refusal = await seenText(page.locator('.error-summary'));
    assert.match(
      refusal,
      /Tổng thời gian các bước [\d,]+ giờ vượt thời hạn luật định 56 giờ \(7 ngày làm việc\)/,
    );
    assert.equal(await page.locator('#step-1-hours').inputValue(), '60', 'what was typed is kept');
    await checkPage(page, 'workflow-refused');
    await screenshot(page, 'catalogue-admin-workflow-refused-1280');
    await page.locator('#step-1-hours').fill('20');
    await page.getByRole('button', { name: 'Lưu quy trình vào bản nháp' }).last().click();
    assert.match(await seenText(page.locator('.qt-notice')), /Đã lưu vào bản nháp/);
    assert.match(
      await seenText(page.getByTestId('budget-total')),
      /Thời hạn luật định: 7 ngày làm việc \(56 giờ\)/,
    );

    await page.getByRole('link', { name: '← Về bản nháp' }).click();
    await page.getByRole('link', { name: 'Xem trước như người dân' }).click();
    const preview = await seenText(page.locator('main'));
    assert.match(preview, /bản nháp, chưa công bố/);
    assert.match(preview, /5[.,]000/);
    await checkPage(page, 'preview');
    await page.getByRole('link', { name: '← Về bản nháp' }).click();
    await page.getByRole('button', { name: 'Công bố', exact: true }).click();
    assert.match(await seenText(page.locator('.qt-notice')), /Đã công bố phiên bản mới/);
    const latest = page.getByTestId('version-row').first();
    assert.match(await seenText(latest), /Phiên bản 2/);
    assert.match(await seenText(latest), /motcua\.hethong/);
    await checkPage(page, 'published');
    await screenshot(page, 'catalogue-admin-published-1280');
    await withScript.close();
    await context.close();
  });
});
