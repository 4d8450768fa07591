/**
 * A result returned by public post (trả kết quả qua bưu chính công ích), through the demo's postal
 * sandbox. The demo seed's signed dossiers are e2e/results.e2e.ts's, so this journey makes its own:
 * the desk of phường Hạ Long's centre takes in a walk-in birth registration (1.001193) whose applicant
 * wants the result by post, scans a document and receives it (the pages, as e2e/desk-intake.e2e.ts);
 * the steps between (the desk starts and hands it to the ward, the specialist and the department head
 * take and forward it) go through the officers' JSON API as a shortcut; the leader approves and signs
 * on the result page. Then the postal part, by the pages: the desk fills "Gửi qua bưu chính" and reads
 * the item code and "Bưu điện đã nhận"; anyone opens /postal-sandbox (public, demo only) and moves the
 * item on until it is delivered; the sandbox's signed callback records the return, and the desk reads
 * "Đã trả cho công dân" on the result page and "Đã trả kết quả" on the dossier page. The sandbox page is
 * also checked on a phone with JavaScript off. Every page is checked with axe-core and screenshotted.
 *
 * The new dossier sits at the leader's step only for the moment between the department head's forward
 * and the signature (the leader is logged in before), since e2e/results.e2e.ts counts the leader's
 * batch page; and at the specialist's unclaimed list only between two API calls (e2e/officer-processing).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import {
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
import { DEMO_OFFICERS, type DemoOfficer, logInOfficer } from './support/officers.js';

const PROCEDURE = '1.001193';
const APPLICANT = 'Lý Thị Bưu';
const CHILD = 'Lý Minh Phát';
const PHONE_NUMBER = '0912000333';
const ADDRESS = 'Số 27, tổ 6, khu 1, phường Hạ Long, tỉnh Quảng Ninh';
const LEADER_NAME = 'Phạm Văn Quang';
const SPECIALIST: DemoOfficer = { username: 'motcua.chuyenvien', password: DEMO_OFFICERS.oneStop.password };
const HEAD: DemoOfficer = { username: 'motcua.truongphong', password: DEMO_OFFICERS.oneStop.password };
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** The value of a fact on the result page (a dt and its dd). */
async function fact(page: Page, term: string): Promise<string> {
  const dd = page
    .locator('dl.desk-facts dt', { hasText: term })
    .first()
    .locator('xpath=following-sibling::dd[1]');
  return seenText(dd);
}

interface Head {
  status: number;
  step: { role: string | null; assignee: string | null } | null;
}

/** One processing action through the officers' JSON API, with the officer's session cookie. */
async function act(officer: BrowserContext, code: string, action: string, body: object = {}): Promise<Head> {
  const res = await officer.request.post(
    url(`/api/v1/dossiers/${encodeURIComponent(code)}/actions/${action}`),
    {
      headers: { 'content-type': 'application/json' },
      data: body,
    },
  );
  const text = await res.text();
  assert.equal(res.status(), 200, `${action} on ${code}: HTTP ${res.status()} ${text}`);
  return JSON.parse(text) as Head;
}

/** A context with the officer logged in through the login page. */
async function loggedIn(chromium: LaunchedBrowser, officer: DemoOfficer): Promise<BrowserContext> {
  const { context, page } = await newPage(chromium.browser, DESKTOP);
  await page.goto(url('/can-bo/dang-nhap'));
  await logInOfficer(page, officer);
  assert.doesNotMatch(new URL(page.url()).pathname, /^\/can-bo\/dang-nhap/, `${officer.username} logged in`);
  await page.close();
  return context;
}

describe('results: returned by post through the postal sandbox', () => {
  let chromium: LaunchedBrowser;
  let desk: BrowserContext;
  let code = '';
  let itemCode = '';

  before(async () => {
    chromium = await launchBrowser();
  });
  after(async () => {
    await chromium.close();
  });

  it('the desk takes in a walk-in dossier whose applicant wants the result by post', async () => {
    const { context, page } = await newPage(chromium.browser, DESKTOP);
    desk = context;
    await page.goto(url('/mot-cua'));
    await logInOfficer(page, DEMO_OFFICERS.oneStop);
    await page.goto(url('/mot-cua'));
    await page.getByRole('link', { name: 'Tiếp nhận hồ sơ trực tiếp' }).click();
    await page.waitForLoadState();
    assert.equal(await seenText(page.locator('h1')), 'Tiếp nhận hồ sơ trực tiếp');
    await page.getByLabel('Mã thủ tục hành chính').fill(PROCEDURE);
    const applicant = page.locator('fieldset', { hasText: 'Người nộp hồ sơ' });
    await applicant.getByLabel('Họ và tên').fill(APPLICANT);
    await applicant
      .getByLabel('Số định danh cá nhân (CCCD) hoặc giấy tờ tùy thân')
      .fill(`0221${String(Date.now()).slice(-8)}`);
    await applicant.getByLabel('Số điện thoại').fill(PHONE_NUMBER);
    await applicant.getByLabel('Địa chỉ').fill('Tổ 6, khu 1, phường Hạ Long');
    await applicant.getByLabel('Xã, phường nơi cư trú').selectOption({ label: 'Phường Hạ Long (06688)' });
    const owner = page.locator('fieldset', { hasText: 'Chủ hồ sơ' });
    await owner.getByLabel('Họ và tên').fill(CHILD);
    await owner.getByLabel('Ngày sinh').fill('2026-11-30');
    await page.getByLabel('Trực tiếp tại bộ phận một cửa').check();
    await page.getByLabel('Qua bưu chính công ích', { exact: true }).check();
    await page.getByLabel('Địa chỉ nhận kết quả qua bưu chính').fill(ADDRESS);
    await page.getByRole('button', { name: 'Tạo hồ sơ' }).click();
    await page.waitForLoadState();
    const errors = await page.locator('.error-summary').count();
    assert.equal(errors, 0, errors ? await seenText(page.locator('.error-summary')) : '');
    assert.match(new URL(page.url()).pathname, /^\/mot-cua\/ho-so\//);
    code = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
    assert.match(await seenText(page.getByRole('status')), /Đã tạo hồ sơ/);

    await page
      .locator('input[type="file"]')
      .first()
      .setInputFiles({ name: 'to-khai-khai-sinh.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.locator('.desk-upload').first().getByRole('button', { name: 'Tải lên' }).click();
    await page.waitForLoadState();
    assert.match(await seenText(page.getByRole('status')), /Đã tải tệp lên/);
    const amount = page.getByLabel(/Số tiền thu ngay/);
    if ((await amount.count()) > 0) {
      const label = await seenText(page.locator('label[for="payment.amount"]'));
      await amount.fill(/Tổng ([\d.]+) đ/.exec(label)?.[1]?.replace(/\./g, '') ?? '0');
      await page.getByLabel('Số biên lai').fill(`BL-${Date.now().toString(36)}`);
    }
    await page.getByRole('button', { name: 'Tiếp nhận và in phiếu hẹn' }).click();
    await page.waitForLoadState();
    assert.match(await seenText(page.getByRole('status')), /Đã tiếp nhận hồ sơ/);
    assert.match(await seenText(page.locator('.desk-status')), /Được tiếp nhận/);
    await checkPage(page, 'postal dossier received at the desk', 'postal-dossier-received-1280', false);
    await page.close();
  });

  it('the ward processes it and the leader approves and signs', async () => {
    assert.ok(code, 'the desk took the dossier in');
    const leader = await loggedIn(chromium, DEMO_OFFICERS.leader);
    const specialist = await loggedIn(chromium, SPECIALIST);
    const head = await loggedIn(chromium, HEAD);
    const by: Record<string, BrowserContext> = {
      one_stop: desk,
      specialist,
      department_head: head,
    };
    // Each step's officer takes it (receiving a hand-over from another agency first) and moves it on.
    let h = await act(desk, code, 'start', { note: 'Chuyển công chức tư pháp - hộ tịch thẩm định' });
    for (let moves = 0; moves < 6 && h.step?.role !== 'agency_leader'; moves++) {
      assert.equal(h.status, 4, `the dossier is in processing (${JSON.stringify(h)})`);
      const officer = by[h.step?.role ?? ''];
      assert.ok(officer, `a demo officer for the step (${JSON.stringify(h.step)})`);
      h = await moveOn(officer, code);
    }
    assert.equal(h.step?.role, 'agency_leader');

    const page = await leader.newPage();
    await page.goto(url(`/can-bo/ho-so/${code}/ket-qua`));
    assert.equal(await seenText(page.locator('h1')), `Kết quả giải quyết hồ sơ ${code}`);
    await page.getByRole('button', { name: 'Phê duyệt và ký số' }).click();
    await page.waitForLoadState();
    const numberSymbol = await fact(page, 'Số, ký hiệu');
    assert.equal(await seenText(page.locator('.desk-banner')), `Đã ký số kết quả ${numberSymbol}.`);
    assert.equal(await fact(page, 'Tình trạng'), 'Đã ký số');
    assert.equal(await fact(page, 'Người ký'), `${LEADER_NAME} (Chủ tịch)`);
    await checkPage(page, 'postal dossier signed', 'postal-signed-1280', false);
    await Promise.all([leader.close(), specialist.close(), head.close()]);
  });

  it('the desk sends the signed result by post', async () => {
    const page = await desk.newPage();
    await page.goto(url(`/can-bo/ho-so/${code}`));
    assert.match(await seenText(page.locator('.wf-state')), /^Đã xử lý xong/);
    await page.getByRole('link', { name: /Trả kết quả cho công dân/ }).click();
    await page.waitForLoadState();
    assert.equal(decodeURIComponent(new URL(page.url()).pathname), `/can-bo/ho-so/${code}/ket-qua`);
    assert.equal(await fact(page, 'Tình trạng'), 'Đã ký số');
    const returning = page.locator('#tra-ket-qua');
    assert.match(
      await seenText(returning),
      new RegExp(`Hình thức nhận kết quả công dân đã chọn: Nhận qua dịch vụ bưu chính công ích — ${ADDRESS}`),
    );
    const post = page.locator('form', { has: page.getByRole('button', { name: 'Gửi qua bưu chính' }) });
    assert.equal(await post.getByLabel('Địa chỉ nhận').inputValue(), ADDRESS, 'the address given at intake');
    assert.equal(await post.getByLabel('Số điện thoại người nhận').inputValue(), PHONE_NUMBER);
    await checkPage(page, 'result page, return forms', 'postal-return-form-1280', false);

    await post.getByLabel('Địa chỉ nhận').fill(`${ADDRESS} (gọi trước khi phát)`);
    await post.getByLabel('Số điện thoại người nhận').fill('0912 000 334');
    await post.getByRole('button', { name: 'Gửi qua bưu chính' }).click();
    await page.waitForLoadState();
    assert.equal(await seenText(page.locator('.desk-banner').first()), 'Đã tạo đơn hàng bưu chính.');
    const order = await seenText(page.locator('#tra-ket-qua .desk-banner'));
    const match = /^Bưu gửi: (\S+) — Bưu điện đã nhận$/.exec(order);
    assert.ok(match, `the postal item and its state: ${order}`);
    itemCode = match[1]!;
    assert.notEqual(itemCode, '—');
    assert.equal(await fact(page, 'Tình trạng'), 'Đã ký số', 'not returned until delivered');
    await checkPage(page, 'result page, sent by post', 'postal-sent-1280', false);
    await page.close();
  });

  it('the postal sandbox moves the item on until it is delivered', async () => {
    assert.ok(itemCode, 'the desk sent the result by post');
    const { context, page } = await newPage(chromium.browser, DESKTOP);
    await page.goto(url('/postal-sandbox'));
    assert.equal(await seenText(page.locator('h1')), 'Bưu chính thử nghiệm (sandbox)');
    assert.match(await seenText(page.locator('main')), /KHÔNG PHẢI dịch vụ bưu chính thật/);
    const item = page.locator('table tbody tr', { has: page.locator('code', { hasText: itemCode }) });
    assert.equal(await item.count(), 1);
    const cells = item.locator('td');
    assert.equal(await seenText(cells.nth(1)), code);
    assert.equal(await seenText(cells.nth(2)), `${APPLICANT} ***334`, 'the phone is masked');
    assert.equal(await seenText(cells.nth(4)), 'Đã nhận bưu gửi');
    await checkPage(page, 'postal sandbox, desktop', 'postal-sandbox-1280', false);

    const seen: string[] = [];
    for (let presses = 0; presses < 4; presses++) {
      const button = item.getByRole('button', { name: 'Chuyển trạng thái tiếp theo' });
      if ((await button.count()) === 0) break;
      await button.click();
      await page.waitForLoadState();
      const status = await seenText(cells.nth(4));
      seen.push(status);
      assert.equal(
        await seenText(page.getByRole('status')),
        `Đã chuyển bưu gửi ${itemCode} sang: ${status}.`,
      );
    }
    assert.deepEqual(seen, ['Đang vận chuyển', 'Đã phát thành công']);
    assert.equal(await seenText(cells.nth(6)), 'Đã kết thúc');
    assert.equal(await item.getByRole('button').count(), 0);
    await checkPage(page, 'postal sandbox, delivered', 'postal-sandbox-delivered-1280', false);
    await context.close();

    const phone = await newPage(chromium.browser, { ...PHONE, javaScriptEnabled: false });
    await phone.page.goto(url('/postal-sandbox'));
    const row = phone.page.locator('table tbody tr', {
      has: phone.page.locator('code', { hasText: itemCode }),
    });
    assert.match(await seenText(row), /Đã phát thành công/);
    await checkPage(phone.page, 'postal sandbox, phone, no JavaScript', 'postal-sandbox-360-nojs');
    await phone.context.close();
  });

  it('the sandbox page fits a 360 px phone without JavaScript', async () => {
    const { context, page } = await newPage(chromium.browser, { ...PHONE, javaScriptEnabled: false });
    await page.goto(url('/postal-sandbox'));
    await assertFitsScreen(page);
    await context.close();
  });

  it('the delivery is recorded as the return of the result', async () => {
    const page = await desk.newPage();
    await page.goto(url(`/can-bo/ho-so/${code}/ket-qua`));
    // The sandbox calls motcua back as it moves the item; allow a few seconds for the callback.
    for (let i = 0; i < 20 && (await fact(page, 'Tình trạng')) !== 'Đã trả cho công dân'; i++) {
      await page.waitForTimeout(500);
      await page.reload();
    }
    assert.equal(await fact(page, 'Tình trạng'), 'Đã trả cho công dân');
    assert.match(await fact(page, 'Trả kết quả lúc'), /\d{2}:\d{2} \d{2}\/\d{2}\/\d{4}/);
    assert.equal(await page.locator('#tra-ket-qua').count(), 0, 'nothing left to return');
    await checkPage(page, 'result returned by post', 'postal-returned-1280', false);

    await page.getByRole('link', { name: '← Về hồ sơ' }).click();
    await page.waitForLoadState();
    assert.equal(await seenText(page.locator('h1')), `Hồ sơ ${code}`);
    assert.match(await seenText(page.locator('.wf-state')), /^Đã trả kết quả/);
    await checkPage(page, 'dossier returned by post', 'postal-dossier-returned-1280', false);

    const phone = await chromium.browser.newContext({ ...PHONE, storageState: await desk.storageState() });
    const small = await phone.newPage();
    await small.goto(url(`/can-bo/ho-so/${code}/ket-qua`));
    assert.equal(await fact(small, 'Tình trạng'), 'Đã trả cho công dân');
    await checkPage(small, 'result returned by post, phone', 'postal-returned-360');
    await assertFitsScreen(small);
    await phone.close();
    await desk.close();
  });
});

/**
 * The step's officer moves the dossier on: receives it if it was handed over from another agency,
 * takes the step if nobody holds it, then forwards it (same agency) or transfers it (another one).
 * An action the step does not allow answers 409 and the next one is tried.
 */
async function moveOn(officer: BrowserContext, code: string): Promise<Head> {
  for (const action of ['receive_handover', 'claim']) {
    const res = await officer.request.post(
      url(`/api/v1/dossiers/${encodeURIComponent(code)}/actions/${action}`),
      { headers: { 'content-type': 'application/json' }, data: {} },
    );
    assert.ok([200, 409].includes(res.status()), `${action}: HTTP ${res.status()} ${await res.text()}`);
  }
  const forward = await officer.request.post(
    url(`/api/v1/dossiers/${encodeURIComponent(code)}/actions/forward`),
    {
      headers: { 'content-type': 'application/json' },
      data: { note: 'Đủ điều kiện, trình bước tiếp theo' },
    },
  );
  if (forward.status() === 200) return (await forward.json()) as Head;
  assert.equal(forward.status(), 409, `forward: HTTP ${forward.status()} ${await forward.text()}`);
  return act(officer, code, 'transfer', { note: 'Chuyển công chức tư pháp - hộ tịch thẩm định' });
}
