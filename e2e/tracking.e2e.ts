/**
 * Tracking a dossier as a citizen does with the slip in hand (issue item 9): from the home page, open
 * "Tra cứu hồ sơ", type the code and a wrong check number (the message, the code kept), then the right
 * one (status and timeline, no personal data). On a 360 px phone, with axe-core, and again without
 * JavaScript. The dossier is made first through the API by the demo one-stop officer.
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

const APPLICANT = {
  name: 'Phạm Thị Lan Anh',
  idNumber: '022190045678',
  phone: '0987654321',
  address: 'Số 7, tổ 3, khu 5, phường Hạ Long',
  communeCode: '06688',
};

/** A dossier of the demo data, filed at the Hạ Long centre's desk through the JSON API. */
async function deskDossier(chromium: LaunchedBrowser): Promise<string> {
  const { context, page } = await newPage(chromium.browser, DESKTOP);
  try {
    await page.goto(url('/can-bo/dang-nhap'));
    await logInOfficer(page, DEMO_OFFICERS.oneStop);
    const res = await page.request.post(url('/api/v1/dossiers'), {
      headers: { 'idempotency-key': `e2e-tracking-${Date.now()}` },
      data: { procedureCode: '1.001193', applicant: APPLICANT, returnMethod: 'desk' },
    });
    assert.equal(res.status(), 201, await res.text());
    return ((await res.json()) as { code: string }).code;
  } finally {
    await context.close();
  }
}

async function lookUp(page: Page, code: string, check: string) {
  await page.getByLabel('Mã hồ sơ').fill(code);
  await page.getByLabel('4 số cuối của số điện thoại hoặc số định danh của người nộp').fill(check);
  await page.getByRole('button', { name: 'Tra cứu' }).click();
  await page.waitForLoadState();
}

async function assertNoPersonalData(page: Page) {
  const text = await page.content();
  for (const secret of [APPLICANT.name, APPLICANT.idNumber, APPLICANT.phone, APPLICANT.address]) {
    assert.ok(!text.includes(secret), `${secret} is on the page`);
  }
}

describe('public dossier tracking', () => {
  let chromium: LaunchedBrowser;
  let code: string;
  before(async () => {
    chromium = await launchBrowser();
    code = await deskDossier(chromium);
  });
  after(async () => {
    await chromium.close();
  });

  it('looks a dossier up on a phone: a wrong check number, then the right one', async () => {
    const { context, page } = await newPage(chromium.browser, PHONE);
    await page.goto(url('/'));
    await page.getByRole('link', { name: 'Tra cứu hồ sơ' }).click();
    await page.waitForURL(/\/tra-cuu$/);
    assert.equal(await seenText(page.locator('h1')), 'Tra cứu hồ sơ');
    await assertFitsScreen(page);
    await assertAccessible(page, 'tracking form, phone');
    await screenshot(page, 'tracking-form-phone');

    await lookUp(page, code, '0000');
    assert.match(
      await seenText(page.locator('.error-summary')),
      /Không tìm thấy hồ sơ với mã và số kiểm tra này/,
    );
    assert.equal(await page.getByLabel('Mã hồ sơ').inputValue(), code, 'the code is kept');
    await assertFitsScreen(page);
    await assertAccessible(page, 'tracking not found, phone');
    await screenshot(page, 'tracking-not-found-phone');

    await lookUp(page, code, APPLICANT.phone.slice(-4));
    assert.equal(await seenText(page.locator('h1')), `Hồ sơ ${code}`);
    assert.match(await seenText(page.locator('.tracking-status')), /Trạng thái:\s*Mới đăng ký/);
    assert.match(await seenText(page.locator('.tracking-facts')), /Thủ tục[\s\S]*khai sinh/i);
    assert.match(await seenText(page.locator('.tracking-timeline')), /Nộp hồ sơ/);
    await assertNoPersonalData(page);
    await assertFitsScreen(page);
    await assertAccessible(page, 'tracking result, phone');
    await screenshot(page, 'tracking-result-phone');
    await context.close();
  });

  it('works without JavaScript, with the ID number’s last digits', async () => {
    const { context, page } = await newPage(chromium.browser, { ...PHONE, javaScriptEnabled: false });
    await page.goto(url('/tra-cuu'));
    await lookUp(page, code, APPLICANT.idNumber.slice(-4));
    assert.equal(await seenText(page.locator('h1')), `Hồ sơ ${code}`);
    assert.match(await seenText(page.locator('.tracking-timeline')), /Nộp hồ sơ/);
    await assertNoPersonalData(page);
    await context.close();
  });
});
