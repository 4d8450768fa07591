/**
 * Results, signed and returned (the demo data of src/modules/results/demo-seed.ts: two dossiers of
 * phường Hạ Long at the leader's approve-and-sign step, one signed and waiting at the desk).
 *
 * The leader logs in (password and TOTP), opens the batch signing page, opens one dossier's result,
 * approves and signs it and reads the number, the signer, the demo certificate and the signed PDF in
 * the viewer; then signs the other one from the batch page. The signed PDF is downloaded as the
 * page's link gives it (e2e/artifacts/result-signed.pdf, for CI's pdfsig and pdftotext). Anyone, on
 * a phone with JavaScript off, opens the verification page of the result's QR code, then uploads a
 * copy with one signed byte changed (altered) and the intact file (authentic). Last, the desk finds
 * the signed dossier of the citizen who came for it and hands it over, after a wrong ID number.
 * Every page is checked with axe-core and screenshotted; phone pages must fit 360 px.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import {
  ARTIFACTS_DIR,
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

/** The agency whose leader signs, and the leader (docs/demo.md). */
const WARD = 'Ủy ban nhân dân phường Hạ Long';
const LEADER_NAME = 'Phạm Văn Quang';
/** The applicant of the seeded dossier already signed and waiting at the desk. */
const WAITING_APPLICANT = 'Ngô Thị Mai';

const AUTHENTIC = 'Văn bản này do hệ thống một cửa phát hành, còn nguyên vẹn và có chữ ký số hợp lệ.';
const RESULT_PDF = /\/api\/v1\/results\/[0-9a-f-]+\.pdf$/;

/** The value of a fact on a result or verification page (a dt and its dd). */
async function fact(page: Page, term: string): Promise<string> {
  const dd = page
    .locator('dl.desk-facts dt', { hasText: term })
    .first()
    .locator('xpath=following-sibling::dd[1]');
  return seenText(dd);
}

async function banner(page: Page): Promise<string> {
  return seenText(page.locator('.desk-banner').first());
}

/** The codes of the dossiers waiting on the batch page, with each applicant. */
async function waiting(page: Page): Promise<{ code: string; applicant: string }[]> {
  const rows = page.locator('table tbody tr');
  const out: { code: string; applicant: string }[] = [];
  for (let i = 0; i < (await rows.count()); i++) {
    const cells = rows.nth(i).locator('td');
    out.push({ code: await cells.nth(1).innerText(), applicant: await cells.nth(3).innerText() });
  }
  return out;
}

/**
 * A copy of the signed PDF with one byte changed inside the signed range: a letter of the document's
 * title (the Info dictionary's /Title, a string written directly or as an indirect object), which
 * the signature covers. A letter turned into the other case keeps the file a well-formed PDF.
 */
function tampered(pdf: Buffer): Buffer {
  const text = pdf.toString('latin1');
  const range = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(text);
  assert.ok(range, 'the signed PDF has a /ByteRange');
  const [a, b, c, d] = range.slice(1).map(Number) as [number, number, number, number];
  const title = /\/Title\s*(?:(\d+)\s+(\d+)\s+R)?/.exec(text);
  assert.ok(title, 'the signed PDF has a /Title');
  const from = title[1] ? text.indexOf(`\n${title[1]} ${title[2]} obj`) : title.index;
  assert.ok(from >= 0, 'the /Title object is in the file');
  const open = text.slice(from).search(/[(<]/) + from;
  const end = text.indexOf(text[open] === '(' ? ')' : '>', open);
  const letter = text.slice(open + 1, end).search(/[A-Za-z]/) + open + 1;
  assert.ok(letter > open && letter < end, 'the title has a letter to change');
  assert.ok((letter >= a && letter < a + b) || (letter >= c && letter < c + d), 'the changed byte is signed');
  const copy = Buffer.from(pdf);
  copy[letter] = copy[letter]! ^ 0x20;
  return copy;
}

describe('results: sign, verify and return', () => {
  let chromium: LaunchedBrowser;
  let leader: BrowserContext;
  /** Filled by the leader's part, read by the later ones. */
  const signed = { code: '', applicant: '', numberSymbol: '', pdfHref: '', verifyHref: '' };
  let pdf: Buffer;

  before(async () => {
    chromium = await launchBrowser();
  });
  after(async () => {
    await chromium.close();
  });

  it('the leader approves and signs one result, then the other from the batch page', async () => {
    const { context, page } = await newPage(chromium.browser, DESKTOP);
    leader = context;
    await page.goto(url('/can-bo/ky-so'));
    assert.match(new URL(page.url()).pathname, /^\/can-bo\/dang-nhap/);
    await logInOfficer(page, DEMO_OFFICERS.leader);
    if (new URL(page.url()).pathname !== '/can-bo/ky-so') await page.goto(url('/can-bo/ky-so'));
    assert.equal(await seenText(page.locator('h1')), 'Ký số kết quả');
    const before = await waiting(page);
    assert.ok(before.length >= 2, `the demo seed leaves two dossiers for the leader (${before.length})`);
    assert.ok(before.some((r) => r.applicant === 'Phan Văn Thành'));
    assert.ok(before.some((r) => r.applicant === 'Tô Thị Thu Hà'));
    assert.ok(!before.some((r) => r.applicant === WAITING_APPLICANT), 'the signed one is not listed');
    await checkPage(page, 'batch signing page, desktop', 'results-batch-1280', false);

    const phone = await chromium.browser.newContext({ ...PHONE, storageState: await context.storageState() });
    const small = await phone.newPage();
    await small.goto(url('/can-bo/ky-so'));
    assert.equal((await waiting(small)).length, before.length);
    await checkPage(small, 'batch signing page, phone', 'results-batch-360');
    await phone.close();

    const first = before[0]!;
    signed.code = first.code;
    signed.applicant = first.applicant;
    await page.getByRole('link', { name: first.code, exact: true }).click();
    await page.waitForLoadState();
    assert.equal(decodeURIComponent(new URL(page.url()).pathname), `/can-bo/ho-so/${first.code}/ket-qua`);
    assert.equal(await seenText(page.locator('h1')), `Kết quả giải quyết hồ sơ ${first.code}`);
    assert.match(await seenText(page.locator('main')), /Hồ sơ chưa có kết quả/);
    await checkPage(page, 'result page before signing', 'results-sign-form-1280', false);

    // The signed PDF shows in the page's viewer as soon as the page after the signature loads.
    const shown = page.waitForResponse((r) => RESULT_PDF.test(new URL(r.url()).pathname));
    await page.getByRole('button', { name: 'Phê duyệt và ký số' }).click();
    await page.waitForLoadState();
    signed.numberSymbol = await fact(page, 'Số, ký hiệu');
    assert.match(signed.numberSymbol, /^\d+\/GKS-UBND$/);
    assert.equal(await banner(page), `Đã ký số kết quả ${signed.numberSymbol}.`);
    assert.equal(await fact(page, 'Loại kết quả'), 'Giấy khai sinh');
    assert.equal(await fact(page, 'Tình trạng'), 'Đã ký số');
    assert.equal(await fact(page, 'Người ký'), `${LEADER_NAME} (Chủ tịch)`);
    assert.equal(await fact(page, 'Chứng thư số'), `${WARD} — Chứng thư số demo — không có giá trị pháp lý`);
    const response = await shown;
    assert.equal(response.status(), 200);
    assert.equal(response.headers()['content-type'], 'application/pdf');
    assert.ok(await page.locator('details.wf-pdf iframe').isVisible());
    assert.equal(
      await page.locator('details.wf-pdf iframe').getAttribute('title'),
      `Giấy khai sinh ${signed.numberSymbol}`,
    );
    assert.equal(await page.getByRole('button', { name: 'Phê duyệt và ký số' }).count(), 0);
    signed.pdfHref = (await page.getByRole('link', { name: 'Mở tệp PDF đã ký' }).getAttribute('href')) ?? '';
    signed.verifyHref =
      (await page.getByRole('link', { name: 'Trang xác thực công khai' }).getAttribute('href')) ?? '';
    assert.match(signed.pdfHref, RESULT_PDF);
    assert.match(signed.verifyHref, /^\/verify\/[A-Za-z0-9_-]+$/);
    await checkPage(page, 'result page after signing', 'results-signed-1280', false);

    await page.goto(url('/can-bo/ky-so'));
    const rest = await waiting(page);
    assert.equal(rest.length, before.length - 1);
    assert.ok(!rest.some((r) => r.code === first.code), 'the signed dossier left the list');
    const other = rest[0]!;
    await page.getByRole('checkbox', { name: `Chọn ${other.code}` }).check();
    await page.getByRole('button', { name: 'Ký số các hồ sơ đã chọn' }).click();
    await page.waitForLoadState();
    assert.equal(await banner(page), 'Đã ký số 1 hồ sơ; 0 hồ sơ không ký được.');
    const left = await waiting(page);
    assert.ok(!left.some((r) => r.code === other.code), 'the batch-signed dossier left the list');
    if (left.length === 0) assert.match(await seenText(page.locator('main')), /Không có hồ sơ nào chờ ký số/);
    await checkPage(page, 'batch signing page after signing', 'results-batch-signed-1280', false);

    await page.goto(url(`/can-bo/ho-so/${other.code}/ket-qua`));
    assert.equal(await fact(page, 'Tình trạng'), 'Đã ký số');
    assert.match(await fact(page, 'Số, ký hiệu'), /^\d+\/GKS-UBND$/);
    assert.notEqual(await fact(page, 'Số, ký hiệu'), signed.numberSymbol);
  });

  // The PDF response allows motcua's own pages to frame it (frame-ancestors 'self'), so the viewer
  // shows the document, not a refusal.
  it('the viewer of the result page shows the signed PDF', async () => {
    const page = await leader.newPage();
    await page.goto(url(`/can-bo/ho-so/${signed.code}/ket-qua`));
    const frame = page.locator('details.wf-pdf iframe');
    await frame.scrollIntoViewIfNeeded();
    const handle = await frame.elementHandle();
    const shown = await handle?.contentFrame();
    await shown?.waitForLoadState();
    assert.equal(shown?.url(), url(signed.pdfHref), 'the frame shows the PDF, not a refusal');
    await page.close();
  });

  it('downloads the signed PDF the page links to', async () => {
    assert.ok(signed.pdfHref, 'the leader signed a result');
    const response = await leader.request.get(url(signed.pdfHref));
    assert.equal(response.status(), 200);
    assert.equal(response.headers()['content-type'], 'application/pdf');
    pdf = await response.body();
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    const text = pdf.toString('latin1');
    assert.match(text, /\/SubFilter\s*\/ETSI\.CAdES\.detached/);
    assert.match(text, /\/ByteRange\s*\[/);
    await fs.mkdir(ARTIFACTS_DIR, { recursive: true });
    await fs.writeFile(path.join(ARTIFACTS_DIR, 'result-signed.pdf'), pdf);
    await leader.close();
  });

  it('anyone verifies it on a phone without JavaScript, and an altered copy is caught', async () => {
    assert.ok(signed.verifyHref && pdf, 'the leader signed a result and it was downloaded');
    const { context, page } = await newPage(chromium.browser, { ...PHONE, javaScriptEnabled: false });
    await page.goto(url(signed.verifyHref));
    assert.equal(await seenText(page.locator('h1')), 'Xác thực văn bản điện tử');
    assert.equal(await seenText(page.locator('#ket-qua')), AUTHENTIC);
    assert.equal(await fact(page, 'Cơ quan ban hành'), WARD);
    assert.equal(await fact(page, 'Số, ký hiệu'), signed.numberSymbol);
    assert.equal(await fact(page, 'Chữ ký số'), 'Hợp lệ');
    const main = await seenText(page.locator('main'));
    assert.ok(!main.includes(signed.applicant), 'no applicant name on the public page');
    assert.match(main, /Chứng thư số demo — không có giá trị pháp lý/);
    await checkPage(page, 'verification page, phone, no JavaScript', 'results-verify-360-nojs');

    await page.getByLabel('Tệp PDF cần xác thực').setInputFiles({
      name: 'ket-qua-da-sua.pdf',
      mimeType: 'application/pdf',
      buffer: tampered(pdf),
    });
    await page.getByRole('button', { name: 'Xác thực', exact: true }).click();
    await page.waitForLoadState();
    const altered = await seenText(page.locator('#ket-qua-tai-len'));
    assert.match(altered, /đã bị thay đổi/);
    assert.notEqual(altered, AUTHENTIC);
    await checkPage(page, 'verification of an altered copy', 'results-verify-altered-360-nojs');

    await page.getByLabel('Tệp PDF cần xác thực').setInputFiles({
      name: 'ket-qua.pdf',
      mimeType: 'application/pdf',
      buffer: pdf,
    });
    await page.getByRole('button', { name: 'Xác thực', exact: true }).click();
    await page.waitForLoadState();
    assert.equal(await seenText(page.locator('#ket-qua-tai-len')), AUTHENTIC);
    assert.equal(await fact(page, 'Cơ quan ban hành'), WARD);
    assert.ok(!(await seenText(page.locator('main'))).includes(signed.applicant));
    await checkPage(page, 'verification of the intact file', 'results-verify-authentic-360-nojs');
    await context.close();
  });

  it('the desk returns a signed result to the applicant, after a wrong ID number', async () => {
    const { context, page } = await newPage(chromium.browser, DESKTOP);
    await page.goto(url('/can-bo/ho-so'));
    await logInOfficer(page, DEMO_OFFICERS.oneStop);
    if (new URL(page.url()).pathname !== '/can-bo/ho-so') await page.goto(url('/can-bo/ho-so'));
    const search = page.getByRole('searchbox', { name: 'Tìm hồ sơ' });
    await search.fill('ngo thi mai');
    await search.press('Enter');
    await page.waitForLoadState();
    const found = page.locator('section[aria-labelledby="ket-qua"] table tbody tr');
    assert.equal(await found.count(), 1);
    assert.match(await seenText(found.first()), /Ngô Thị Mai\s+Đã xử lý xong/);
    const code = await found.first().locator('td').first().innerText();
    await found.first().getByRole('link', { name: code }).click();
    await page.waitForLoadState();
    assert.equal(await seenText(page.locator('h1')), `Hồ sơ ${code}`);
    const idNumber = await seenText(
      page.locator('dt', { hasText: 'Số định danh' }).first().locator('xpath=following-sibling::dd[1]'),
    );
    assert.match(idNumber, /^\d{12}$/);
    await page.getByRole('link', { name: /Trả kết quả cho công dân/ }).click();
    await page.waitForLoadState();
    assert.equal(decodeURIComponent(new URL(page.url()).pathname), `/can-bo/ho-so/${code}/ket-qua`);
    assert.equal(await fact(page, 'Tình trạng'), 'Đã ký số');
    assert.equal(await fact(page, 'Người ký'), `${LEADER_NAME} (Chủ tịch)`);
    await checkPage(page, 'result page at the desk', 'results-return-form-1280', false);

    const deskForm = page.locator('form', {
      has: page.getByRole('button', { name: 'Xác nhận đã trả kết quả' }),
    });
    assert.ok(await deskForm.getByLabel(`Người nộp hồ sơ: ${WAITING_APPLICANT}`).isChecked());
    const wrong = `${idNumber.slice(0, 11)}${idNumber.endsWith('9') ? '8' : '9'}`;
    await deskForm.getByLabel('Số định danh (CCCD) của người nhận').fill(wrong);
    await deskForm.getByRole('button', { name: 'Xác nhận đã trả kết quả' }).click();
    await page.waitForLoadState();
    const field = page.getByLabel('Số định danh (CCCD) của người nhận');
    assert.equal(await field.inputValue(), wrong, 'what was typed is kept');
    assert.equal(await field.getAttribute('aria-invalid'), 'true');
    assert.match(
      await seenText(page.locator('#recipientIdNumber-error')),
      /Số định danh không khớp với người nộp hồ sơ/,
    );
    assert.match(await seenText(page.locator('.error-summary')), /không khớp/);
    assert.equal(await fact(page, 'Tình trạng'), 'Đã ký số');
    await checkPage(page, 'return form with a wrong ID number', 'results-return-error-1280', false);

    await field.fill(idNumber);
    await page.getByRole('button', { name: 'Xác nhận đã trả kết quả' }).click();
    await page.waitForLoadState();
    assert.equal(await banner(page), 'Đã trả kết quả.');
    assert.equal(await fact(page, 'Tình trạng'), 'Đã trả cho công dân');
    assert.match(await fact(page, 'Trả kết quả lúc'), /\d{2}:\d{2} \d{2}\/\d{2}\/\d{4}/);
    assert.equal(await page.getByRole('button', { name: 'Xác nhận đã trả kết quả' }).count(), 0);
    await checkPage(page, 'result page after the return', 'results-returned-1280', false);

    const phone = await chromium.browser.newContext({ ...PHONE, storageState: await context.storageState() });
    const small = await phone.newPage();
    await small.goto(url(`/can-bo/ho-so/${code}/ket-qua`));
    assert.equal(await fact(small, 'Tình trạng'), 'Đã trả cho công dân');
    await checkPage(small, 'returned result, phone', 'results-returned-360');
    await phone.close();
    await context.close();
  });
});
