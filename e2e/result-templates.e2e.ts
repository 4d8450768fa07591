/**
 * Result templates (mẫu kết quả) administered by the ward: the demo agency administrator of phường
 * Hạ Long (motcua.quantri, password and TOTP) opens /quan-tri/mau-ket-qua, searches "khai tử", opens
 * the template of Đăng ký khai tử (1.000656) for the ward — the system default, not saved yet —
 * changes the title and the document kind symbol, adds a data line, types a symbol with a space
 * ("ab c"), reads the error at the field with what was typed kept, fixes it and saves. On a phone
 * with JavaScript off the same administrator adds another line and saves again (the rows are moved
 * by submit buttons). The preview PDF the page links to is fetched (e2e/artifacts/
 * result-template-preview.pdf). Last, the ward's administrator is refused the province-wide
 * template, and the ward's specialist the whole administration (403 pages).
 *
 * 1.000656 is a procedure no other journey signs a result of (they all sign 1.001193, whose
 * "GKS-UBND" symbol e2e/results.e2e.ts asserts), so the saved template changes nothing they read.
 * Every page is checked with axe-core and screenshotted; phone pages must fit 360 px.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import {
  ARTIFACTS_DIR,
  assertFitsScreen,
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

const WARD = 'Ủy ban nhân dân phường Hạ Long';
const CODE = '1.000656';
const PROCEDURE = 'Thủ tục đăng ký khai tử';
const DEFAULT_TITLE = 'Trích lục khai tử';
const NEW_TITLE = 'Trích lục đăng ký khai tử';
/** The built-in template's data lines (src/modules/results/templates/template.ts DEFAULT_FIELDS). */
const DEFAULT_ROWS = 8;
/** The demo specialist (docs/demo.md): no TOTP, no administration rights. */
const SPECIALIST = { username: 'motcua.chuyenvien', password: DEMO_OFFICERS.oneStop.password };

const rows = (page: Page) => page.locator('#fields fieldset.mk-row');
const row = (page: Page, n: number) => page.getByRole('group', { name: `Dòng ${n}`, exact: true });
/** The visible "Lưu mẫu" button (a visually hidden one first in the form makes Enter save). */
const saveButton = (page: Page) => page.locator('.qt-actions').getByRole('button', { name: 'Lưu mẫu' });

describe('result templates: the ward administers its own', () => {
  let chromium: LaunchedBrowser;
  let admin: BrowserContext;
  /** The form's address for the ward, with its ?agency= id. */
  let formUrl = '';

  before(async () => {
    chromium = await launchBrowser();
  });
  after(async () => {
    await chromium.close();
  });

  it('the ward administrator finds the procedure and opens its template for the ward', async () => {
    const { context, page } = await newPage(chromium.browser, DESKTOP);
    admin = context;
    await page.goto(url('/quan-tri/mau-ket-qua'));
    assert.match(new URL(page.url()).pathname, /^\/can-bo\/dang-nhap/);
    await logInOfficer(page, DEMO_OFFICERS.agencyAdmin);
    if (new URL(page.url()).pathname !== '/quan-tri/mau-ket-qua')
      await page.goto(url('/quan-tri/mau-ket-qua'));
    assert.equal(await seenText(page.locator('h1')), 'Mẫu kết quả giải quyết thủ tục');
    assert.match(await seenText(page.locator('main')), new RegExp(`Cơ quan bạn quản trị: .*${WARD}`));
    await checkPage(page, 'result templates list', 'result-templates-list-1280', false);

    await page.getByLabel('Tìm theo mã hoặc tên thủ tục').fill('khai tử');
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await page.waitForLoadState();
    assert.equal(new URL(page.url()).searchParams.get('q'), 'khai tử');
    const found = page.locator('table tbody tr');
    assert.ok((await found.count()) >= 2, 'several khai tử procedures are listed');
    for (const text of await found.allInnerTexts()) assert.match(text, /khai tử/i);
    const mine = found.filter({ has: page.getByRole('link', { name: CODE, exact: true }) });
    assert.equal(await mine.count(), 1);
    assert.match(await seenText(mine), new RegExp(`${PROCEDURE}\\s+${DEFAULT_TITLE}\\s+Mẫu mặc định`));
    await checkPage(page, 'result templates found', 'result-templates-search-1280', false);

    await mine.getByRole('link', { name: CODE, exact: true }).click();
    await page.waitForLoadState();
    assert.equal(await seenText(page.locator('h1')), `Mẫu kết quả — ${CODE}`);
    assert.match(await seenText(page.locator('main')), new RegExp(PROCEDURE));
    assert.equal(
      await seenText(page.locator('select#agency option:checked')),
      WARD,
      'the form opens for the administrator’s own agency',
    );
    assert.match(await seenText(page.locator('.mk-status')), /^Chưa có mẫu đã lưu: đang dùng mẫu mặc định/);
    assert.equal(await page.getByLabel('Tên văn bản kết quả').inputValue(), DEFAULT_TITLE);
    assert.match(await page.getByLabel('Ký hiệu loại văn bản').inputValue(), /^[A-ZĐ0-9]{1,10}$/);
    assert.equal(await rows(page).count(), DEFAULT_ROWS);
    assert.equal(await row(page, 1).getByLabel('Nhãn').inputValue(), 'Ông/Bà');
    await checkPage(page, 'template form, default', 'result-template-form-1280', false);

    // The form shows the ward's template (?agency=its id) after a save or a row button.
    const agency = await page.locator('select#agency').inputValue();
    assert.match(agency, /^[0-9a-f-]{36}$/);
    formUrl = url(`/quan-tri/mau-ket-qua/${CODE}?agency=${agency}`);
  });

  it('changes the title and symbol, adds a line, is stopped at a bad symbol, fixes it and saves', async () => {
    const page = await admin.newPage();
    await page.goto(formUrl);
    await page.getByLabel('Tên văn bản kết quả').fill(NEW_TITLE);
    await page.getByLabel('Ký hiệu loại văn bản').fill('ab c');
    await page.getByRole('button', { name: 'Thêm dòng thông tin' }).click();
    await page.waitForLoadState();
    assert.equal(await rows(page).count(), DEFAULT_ROWS + 1, 'a line was added');
    assert.equal(await page.getByLabel('Tên văn bản kết quả').inputValue(), NEW_TITLE, 'typed title kept');
    assert.equal(await page.getByLabel('Ký hiệu loại văn bản').inputValue(), 'ab c', 'typed symbol kept');
    assert.equal(await page.locator('.error-summary').count(), 0, 'adding a line checks nothing yet');
    const added = row(page, DEFAULT_ROWS + 1);
    assert.equal(await added.getByLabel('Nhãn').inputValue(), '');
    await added.getByLabel('Nhãn').fill('Mã hồ sơ');
    await added.getByLabel('Dữ liệu').selectOption({ label: 'Mã hồ sơ' });

    await saveButton(page).click();
    await page.waitForLoadState();
    const symbol = page.getByLabel('Ký hiệu loại văn bản');
    assert.equal(await symbol.inputValue(), 'ab c', 'what was typed is kept');
    assert.equal(await symbol.getAttribute('aria-invalid'), 'true');
    assert.match((await symbol.getAttribute('aria-describedby')) ?? '', /symbolKind-error/);
    assert.equal(
      await seenText(page.locator('#symbolKind-error')),
      'Ký hiệu loại văn bản gồm 1 đến 10 chữ cái in hoa hoặc chữ số, không dấu cách (ví dụ GCN, QĐ).',
    );
    assert.match(await seenText(page.locator('.error-summary')), /Ký hiệu loại văn bản gồm 1 đến 10/);
    assert.equal(await page.locator('.error-summary a').first().getAttribute('href'), '#symbolKind');
    assert.equal(await page.getByLabel('Tên văn bản kết quả').inputValue(), NEW_TITLE);
    assert.equal(await rows(page).count(), DEFAULT_ROWS + 1);
    assert.equal(
      await row(page, DEFAULT_ROWS + 1)
        .getByLabel('Nhãn')
        .inputValue(),
      'Mã hồ sơ',
    );
    assert.equal(
      await row(page, DEFAULT_ROWS + 1)
        .getByLabel('Dữ liệu')
        .inputValue(),
      'dossier.code',
    );
    assert.match(await seenText(page.locator('.mk-status')), /^Chưa có mẫu đã lưu/, 'nothing saved');
    await checkPage(page, 'template form with a bad symbol', 'result-template-error-1280', false);

    await symbol.fill('tlkt');
    await saveButton(page).click();
    await page.waitForLoadState();
    assert.equal(new URL(page.url()).searchParams.get('ok'), 'saved');
    assert.equal(await seenText(page.locator('.qt-notice')), 'Đã lưu mẫu kết quả.');
    assert.equal(await page.locator('.error-summary').count(), 0);
    assert.match(
      await seenText(page.locator('.mk-status')),
      /^Mẫu riêng của cơ quan này, lưu lần cuối lúc \d{2} giờ \d{2} phút, ngày \d{2}\/\d{2}\/\d{4}\.$/,
    );
    assert.equal(await page.getByLabel('Tên văn bản kết quả').inputValue(), NEW_TITLE);
    assert.equal(await symbol.inputValue(), 'TLKT', 'saved in capitals');
    assert.equal(await rows(page).count(), DEFAULT_ROWS + 1);
    assert.equal(
      await row(page, DEFAULT_ROWS + 1)
        .getByLabel('Nhãn')
        .inputValue(),
      'Mã hồ sơ',
    );
    await checkPage(page, 'template form saved', 'result-template-saved-1280', false);
    await page.close();
  });

  it('adds another line and saves on a phone without JavaScript', async () => {
    const { context, page } = await newPage(chromium.browser, {
      ...PHONE,
      javaScriptEnabled: false,
      storageState: await admin.storageState(),
    });
    await page.goto(formUrl);
    assert.equal(await page.getByLabel('Tên văn bản kết quả').inputValue(), NEW_TITLE);
    assert.equal(await rows(page).count(), DEFAULT_ROWS + 1);
    await checkPage(page, 'template form, phone, no JavaScript', 'result-template-form-360-nojs');
    await assertFitsScreen(page);

    await page.getByRole('button', { name: 'Thêm dòng thông tin' }).click();
    await page.waitForLoadState();
    assert.equal(await rows(page).count(), DEFAULT_ROWS + 2);
    const added = row(page, DEFAULT_ROWS + 2);
    await added.getByLabel('Nhãn').fill('Thời điểm tiếp nhận hồ sơ');
    await added.getByLabel('Dữ liệu').selectOption({ label: 'Thời điểm tiếp nhận' });
    await checkPage(
      page,
      'template form with a new line, phone, no JavaScript',
      'result-template-row-360-nojs',
    );
    await assertFitsScreen(page);

    await saveButton(page).click();
    await page.waitForLoadState();
    assert.equal(await seenText(page.locator('.qt-notice')), 'Đã lưu mẫu kết quả.');
    assert.equal(await rows(page).count(), DEFAULT_ROWS + 2);
    assert.equal(
      await row(page, DEFAULT_ROWS + 2)
        .getByLabel('Dữ liệu')
        .inputValue(),
      'receivedAt',
    );
    assert.equal(await page.getByLabel('Ký hiệu loại văn bản').inputValue(), 'TLKT');
    await checkPage(page, 'template saved, phone, no JavaScript', 'result-template-saved-360-nojs');
    await assertFitsScreen(page);
    await context.close();
  });

  it('previews the saved template as a PDF, and the list shows the ward’s template', async () => {
    const page = await admin.newPage();
    await page.goto(formUrl);
    assert.equal(await rows(page).count(), DEFAULT_ROWS + 2, 'the phone’s save is there');
    const link = page.getByRole('link', { name: 'Xem trước bản PDF với dữ liệu mẫu' });
    const href = (await link.getAttribute('href')) ?? '';
    assert.equal(
      href,
      `/quan-tri/mau-ket-qua/${CODE}/xem-truoc.pdf?agency=${new URL(formUrl).searchParams.get('agency')}`,
    );
    const response = await admin.request.get(url(href));
    assert.equal(response.status(), 200);
    assert.equal(response.headers()['content-type'], 'application/pdf');
    assert.equal(response.headers()['content-disposition'], `inline; filename="mau-ket-qua-${CODE}.pdf"`);
    const pdf = await response.body();
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    await fs.mkdir(ARTIFACTS_DIR, { recursive: true });
    await fs.writeFile(path.join(ARTIFACTS_DIR, 'result-template-preview.pdf'), pdf);

    await page.getByRole('link', { name: '← Danh sách mẫu kết quả' }).click();
    await page.waitForLoadState();
    await page.getByLabel('Tìm theo mã hoặc tên thủ tục').fill(CODE);
    await page.getByLabel('Tìm theo mã hoặc tên thủ tục').press('Enter');
    await page.waitForLoadState();
    const found = page.locator('table tbody tr');
    assert.equal(await found.count(), 1);
    assert.match(await seenText(found), new RegExp(`${CODE}\\s+${PROCEDURE}\\s+${DEFAULT_TITLE}\\s+${WARD}`));
    await checkPage(page, 'list with the ward’s template', 'result-templates-saved-list-1280', false);

    // The province-wide template is not the ward administrator's to change.
    const province = await page.goto(url(`/quan-tri/mau-ket-qua/${CODE}?agency=toan-tinh`));
    assert.equal(province?.status(), 403);
    assert.match(
      await seenText(page.locator('main')),
      /Bạn không quản trị cơ quan này nên không sửa được mẫu kết quả của cơ quan\./,
    );
    await checkPage(page, 'province-wide template refused', 'result-template-province-403-1280', false);
    await page.close();
    await admin.close();
  });

  it('the ward’s specialist is refused the administration', async () => {
    const { context, page } = await newPage(chromium.browser, PHONE);
    await page.goto(url('/can-bo/dang-nhap'));
    await logInOfficer(page, SPECIALIST);
    const list = await page.goto(url('/quan-tri/mau-ket-qua'));
    assert.equal(list?.status(), 403);
    assert.match(await seenText(page.locator('main')), /Bạn không có quyền thực hiện thao tác này\./);
    assert.equal(await page.locator('table').count(), 0);
    await checkPage(page, 'templates refused to a specialist, phone', 'result-templates-403-360');
    await assertFitsScreen(page);
    const form = await page.goto(formUrl);
    assert.equal(form?.status(), 403);
    const preview = await context.request.get(url(`/quan-tri/mau-ket-qua/${CODE}/xem-truoc.pdf`));
    assert.equal(preview.status(), 403);
    assert.notEqual(preview.headers()['content-type'], 'application/pdf');
    await context.close();
  });
});
