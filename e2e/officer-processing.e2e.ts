/**
 * Processing at the ward: the demo specialist of phường Hạ Long logs in, opens the dossiers to
 * process, finds one of the demo dossiers handed over to the ward by typing its code in the search
 * box (as a barcode scanner does: the code, then Enter), opens it, receives the hand-over, takes the
 * step, forwards it to the next step with a draft decision attached, reads the new row in the history,
 * and opens the draft in the page's PDF viewer. Then the same on a phone
 * with JavaScript off. Each page checked with axe-core and screenshotted; phone pages must fit 360 px.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import PDFDocument from 'pdfkit';
import type { Page } from 'playwright-core';
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
import { DEMO_OFFICERS, logInOfficer } from './support/officers.js';

/** The demo specialist (docs/demo.md): same published password as every demo officer, no TOTP. */
const SPECIALIST = { username: 'motcua.chuyenvien', password: DEMO_OFFICERS.oneStop.password };

/** The codes in the "Chưa nhận" list, first row first. */
async function unclaimedCodes(page: Page): Promise<string[]> {
  await page.goto(url('/can-bo/ho-so?view=unclaimed'));
  return page.locator('table tbody tr td:first-child a').allInnerTexts();
}

/** A one-page PDF, as an officer's draft decision would be. */
function draftDecision(): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4' });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.fontSize(18).text('Du thao quyet dinh (motcua e2e)', 72, 72);
  doc.end();
  return done;
}

/**
 * Takes a handed-over dossier through receive, claim and forward (with a draft decision attached),
 * pressing the buttons as a person does.
 */
async function processOne(page: Page, code: string, shot: string, phone: boolean) {
  assert.equal(decodeURIComponent(new URL(page.url()).pathname), `/can-bo/ho-so/${code}`);
  assert.equal(await seenText(page.locator('h1')), `Hồ sơ ${code}`);
  assert.match(await seenText(page.locator('.wf-state')), /Đang xử lý/);
  await checkPage(page, `dossier page (${shot})`, `officer-dossier-${shot}`, phone);

  if ((await page.getByRole('button', { name: 'Tiếp nhận hồ sơ liên thông' }).count()) > 0) {
    await page.getByRole('button', { name: 'Tiếp nhận hồ sơ liên thông' }).click();
    await page.waitForLoadState();
    assert.equal(await seenText(page.locator('.desk-banner')), 'Đã thực hiện: Tiếp nhận hồ sơ liên thông.');
  }
  await page.getByRole('button', { name: 'Nhận xử lý' }).click();
  await page.waitForLoadState();
  assert.equal(await seenText(page.locator('.desk-banner')), 'Đã thực hiện: Nhận xử lý.');
  assert.match(await seenText(page.locator('table').first()), /Trần Minh Đức/);

  const forward = page.locator('form', { has: page.getByRole('button', { name: 'Chuyển bước tiếp theo' }) });
  await forward.getByLabel('Ghi chú (không bắt buộc)').fill('Đã thẩm định, đủ điều kiện');
  await forward.getByLabel('Tài liệu gửi kèm (không bắt buộc)').setInputFiles({
    name: `du-thao-quyet-dinh-${shot}.pdf`,
    mimeType: 'application/pdf',
    buffer: await draftDecision(),
  });
  await page.getByRole('button', { name: 'Chuyển bước tiếp theo' }).click();
  await page.waitForLoadState();
  assert.equal(await seenText(page.locator('.desk-banner')), 'Đã thực hiện: Chuyển bước tiếp theo.');
  assert.match(await seenText(page.locator('.wf-state')), /xem xét/);
  const history = await seenText(page.locator('#qua-trinh'));
  assert.match(history, /Chuyển bước tiếp theo/);
  assert.match(history, /Đã thẩm định, đủ điều kiện/);
  assert.match(history, /Trần Minh Đức/);
  const working = await seenText(page.locator('#tai-lieu-xu-ly'));
  assert.match(
    working,
    new RegExp(`du-thao-quyet-dinh-${shot}\\.pdf\\s+Chuyển bước tiếp theo, Trần Minh Đức`),
  );
  if (!phone) {
    // The viewer: the PDF opens inside the page, in a frame motcua allows only itself to use.
    const shown = page.waitForResponse((r) => /\/attachments\/[0-9a-f-]+$/.test(r.url()));
    await page.locator('#tai-lieu-xu-ly summary').first().click();
    const response = await shown;
    assert.equal(response.status(), 200);
    assert.equal(response.headers()['content-type'], 'application/pdf');
    assert.match(response.headers()['content-security-policy'] ?? '', /frame-ancestors 'self'/);
    assert.ok(await page.locator('#tai-lieu-xu-ly iframe').first().isVisible());
  }
  await checkPage(
    page,
    `dossier page after forwarding (${shot})`,
    `officer-dossier-forwarded-${shot}`,
    phone,
  );
}

describe('officer processing', () => {
  let chromium: LaunchedBrowser;
  before(async () => {
    chromium = await launchBrowser();
  });
  after(async () => {
    await chromium.close();
  });

  it('finds a dossier by code, receives it, takes the step and forwards it', async () => {
    const { context, page } = await newPage(chromium.browser, DESKTOP);
    await page.goto(url('/can-bo/ho-so'));
    assert.match(new URL(page.url()).pathname, /^\/can-bo\/dang-nhap/);
    await logInOfficer(page, SPECIALIST);
    assert.equal(new URL(page.url()).pathname, '/can-bo/ho-so');
    assert.equal(await seenText(page.locator('h1')), 'Hồ sơ cần xử lý');
    await checkPage(page, 'inbox, desktop', 'officer-inbox-1280', false);

    await page.getByRole('link', { name: /^Chưa nhận/ }).click();
    await page.waitForLoadState();
    assert.match(await seenText(page.getByRole('status')), /^Chưa nhận: \d+ hồ sơ$/);
    const codes = await page.locator('table tbody tr td:first-child a').allInnerTexts();
    assert.ok(codes.length >= 2, 'the demo seed hands dossiers over to the ward');
    await checkPage(page, 'unclaimed list, desktop', 'officer-unclaimed-1280', false);

    const code = codes[0]!;
    const search = page.getByRole('searchbox', { name: 'Tìm hồ sơ' });
    await search.fill(code);
    await search.press('Enter');
    await page.waitForLoadState();
    await processOne(page, code, '1280', false);

    await page.goto(url('/can-bo/ho-so?q=trinh%20quoc%20viet'));
    assert.match(await seenText(page.locator('#ket-qua')), /Kết quả tìm kiếm: 1/);
    await checkPage(page, 'search results, desktop', 'officer-search-1280', false);

    const phone = await chromium.browser.newContext({ ...PHONE, storageState: await context.storageState() });
    const small = await phone.newPage();
    await small.goto(url('/can-bo/ho-so'));
    assert.match(await seenText(small.getByRole('status')), /^Của tôi: \d+ hồ sơ$/);
    await checkPage(small, 'inbox, phone', 'officer-inbox-360');
    await small.goto(url(`/can-bo/ho-so/${code}`));
    await checkPage(small, 'dossier page, phone', 'officer-dossier-360');
    await phone.close();
    await context.close();
  });

  it('works the same without JavaScript on a phone', async () => {
    const { context, page } = await newPage(chromium.browser, { ...PHONE, javaScriptEnabled: false });
    await page.goto(url('/can-bo/ho-so'));
    await logInOfficer(page, SPECIALIST);
    const codes = await unclaimedCodes(page);
    assert.ok(codes.length >= 1, 'a dossier is still waiting to be taken');
    await checkPage(page, 'unclaimed list, phone, no JavaScript', 'officer-unclaimed-360-nojs');
    const code = codes.at(-1)!;
    await page.getByRole('searchbox', { name: 'Tìm hồ sơ' }).fill(code.toLowerCase());
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await page.waitForLoadState();
    await processOne(page, code, '360-nojs', true);
    await context.close();
  });
});
