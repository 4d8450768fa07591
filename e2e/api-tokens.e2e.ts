/**
 * A system administrator connects another system: the demo system administrator logs in with
 * password and TOTP code, opens "Mã truy cập API" from the officers' page, creates a token for the
 * national portal, reads it once and copies it with the button; the journey calls GET /api/v1/me with
 * it as that system would (200), then the administrator revokes it after the confirmation page and
 * the same call is refused (401). The page on a 360 px phone, and a whole create-and-revoke without
 * JavaScript. Every page checked with axe-core.
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

const PAGE = '/quan-tri/api-tokens';

async function me(token: string) {
  const res = await fetch(url('/api/v1/me'), { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** Fills and sends the create form; returns the token read from the page (shown once). */
async function createToken(page: Page, name: string, scopeLabels: RegExp[]) {
  await page.getByLabel('Tên gợi nhớ').fill(name);
  for (const label of scopeLabels) await page.getByRole('checkbox', { name: label }).check();
  await page.getByRole('button', { name: 'Tạo mã truy cập' }).click();
  await page.waitForLoadState();
  assert.equal(new URL(page.url()).pathname, PAGE);
  assert.match(await seenText(page.getByRole('status').first()), /Đã tạo mã truy cập/);
  const field = page.getByTestId('new-token');
  assert.equal(await field.getAttribute('readonly'), '');
  return field.inputValue();
}

/** Revokes the token named `name` through the confirmation page. */
async function revokeToken(page: Page, name: string) {
  await page.getByRole('link', { name: `Thu hồi mã “${name}”` }).click();
  assert.equal(await seenText(page.locator('h1')), 'Thu hồi mã truy cập');
  assert.match(await seenText(page.locator('main')), /Không thể hoàn tác/);
  return page;
}

describe('API tokens', () => {
  let chromium: LaunchedBrowser;
  before(async () => {
    chromium = await launchBrowser();
  });
  after(async () => {
    await chromium.close();
  });

  it('creates a token shown once, copies it, uses it, and revokes it', async () => {
    const { context, page } = await newPage(chromium.browser, {
      ...DESKTOP,
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    await page.goto(url('/can-bo'));
    await logInOfficer(page, DEMO_OFFICERS.systemAdmin);
    assert.equal(new URL(page.url()).pathname, '/can-bo');
    await page.getByRole('link', { name: 'Mã truy cập API (kết nối hệ thống khác)' }).click();
    assert.equal(new URL(page.url()).pathname, PAGE);
    assert.equal(await seenText(page.locator('h1')), 'Mã truy cập API');
    await assertAccessible(page, 'API tokens, desktop');

    const name = `Cổng Dịch vụ công quốc gia ${Date.now().toString(36)}`;
    await page.getByRole('button', { name: 'Tạo mã truy cập' }).click();
    assert.match(await seenText(page.locator('.error-summary')), /Nhập tên gợi nhớ/);
    await assertAccessible(page, 'API tokens, form with errors');
    await screenshot(page, 'api-tokens-errors-1280');

    const token = await createToken(page, name, [/dossiers:read/, /sync:dvcqg/]);
    assert.match(token, /^mc_[A-Za-z0-9_-]{43}$/);
    assert.match(await seenText(page.locator('.once')), /chỉ hiện một lần này/);
    await page.getByRole('button', { name: 'Sao chép mã' }).click();
    await page.getByText('Đã sao chép mã vào bộ nhớ tạm.').waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), token, 'copied');
    await assertAccessible(page, 'API tokens, token shown once');
    await screenshot(page, 'api-tokens-created-1280');

    const used = await me(token);
    assert.equal(used.status, 200);
    assert.deepEqual(used.body, { kind: 'token', name, scopes: ['dossiers:read', 'sync:dvcqg'] });

    await page.reload();
    assert.equal(await page.getByTestId('new-token').count(), 0, 'shown once only');
    const row = page.locator('tbody tr', { hasText: name });
    assert.match(await seenText(row), new RegExp(token.slice(0, 12)));
    assert.match(await seenText(row), /motcua\.hethong/);
    assert.match(await seenText(row), /Đang hiệu lực/);
    assert.doesNotMatch(await seenText(row), /Chưa dùng/, 'last use recorded');

    await revokeToken(page, name);
    await assertAccessible(page, 'API token revoke confirmation');
    await screenshot(page, 'api-tokens-revoke-1280');
    await page.getByRole('button', { name: 'Xác nhận thu hồi' }).click();
    assert.match(await seenText(page.getByRole('status').first()), /Đã thu hồi mã truy cập/);
    assert.match(await seenText(page.locator('tbody tr', { hasText: name })), /Đã thu hồi/);
    await screenshot(page, 'api-tokens-list-1280');

    const refused = await me(token);
    assert.equal(refused.status, 401);
    assert.equal(refused.body.code, 'auth.token_revoked');

    const phone = await chromium.browser.newContext({ ...PHONE, storageState: await context.storageState() });
    const small = await phone.newPage();
    await small.goto(url(PAGE));
    assert.equal(await seenText(small.locator('h1')), 'Mã truy cập API');
    await assertFitsScreen(small);
    await assertAccessible(small, 'API tokens, phone');
    await screenshot(small, 'api-tokens-list-360');
    await phone.close();

    const noJs = await chromium.browser.newContext({
      ...PHONE,
      javaScriptEnabled: false,
      storageState: await context.storageState(),
    });
    const plain = await noJs.newPage();
    await plain.goto(url(PAGE));
    const second = `Hệ thống của Sở Tư pháp ${Date.now().toString(36)}`;
    const other = await createToken(plain, second, [/^me /]);
    assert.equal(
      await plain.getByRole('button', { name: 'Sao chép mã' }).count(),
      0,
      'no copy button without JS',
    );
    await assertFitsScreen(plain);
    await screenshot(plain, 'api-tokens-created-360-nojs');
    assert.equal((await me(other)).status, 200);
    await revokeToken(plain, second);
    await assertFitsScreen(plain);
    await screenshot(plain, 'api-tokens-revoke-360-nojs');
    await plain.getByRole('button', { name: 'Xác nhận thu hồi' }).click();
    assert.match(await seenText(plain.locator('tbody tr', { hasText: second })), /Đã thu hồi/);
    assert.equal((await me(other)).status, 401);
    await noJs.close();
    await context.close();
  });
});
