/**
 * The published demo officers (docs/demo.md) and the officer login as a person does it: username and
 * password, then, for roles that need it, the 6-digit code from the account's TOTP secret.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { totpCode } from '../../src/modules/identity/totp.js';

export interface DemoOfficer {
  username: string;
  password: string;
  /** Base32 TOTP secret, for the roles that need a second factor. */
  totp?: string;
}

const PASSWORD = 'MotCua@Demo2026';

export const DEMO_OFFICERS = {
  agencyAdmin: { username: 'motcua.quantri', password: PASSWORD, totp: 'ECH5VUQZC6PULBSQPMX6WWFRQU6GAKA4' },
  systemAdmin: { username: 'motcua.hethong', password: PASSWORD, totp: 'QCDOONVEM6KY77ZKSNAD5ZDCI4HLUWTC' },
  leader: { username: 'motcua.lanhdao', password: PASSWORD, totp: 'OVTXQUTUGOAWIOMSTF5D4YLYPRX4W2IM' },
  inspector: { username: 'motcua.thanhtra', password: PASSWORD },
  oneStop: { username: 'motcua.tiepnhan', password: PASSWORD },
} satisfies Record<string, DemoOfficer>;

/**
 * Fills the officer login form on the current page (the login page, or a page that sent the visitor
 * there) and, when asked, the TOTP step. A code is accepted once per 30-second step and another
 * journey may have just used this one: then it waits for the next step. Ends on the page the login
 * leads to.
 */
export async function logInOfficer(page: Page, officer: DemoOfficer): Promise<void> {
  await page.getByLabel('Tên đăng nhập').fill(officer.username);
  await page.getByLabel('Mật khẩu').fill(officer.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForLoadState();
  if (!officer.totp) return;
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.getByLabel('Mã xác thực (6 chữ số)').fill(totpCode(officer.totp, new Date()));
    await page.getByRole('button', { name: 'Xác nhận' }).click();
    await page.waitForLoadState();
    if (!new URL(page.url()).pathname.startsWith('/can-bo/dang-nhap')) return;
    const wait = 30_000 - (Date.now() % 30_000) + 500;
    await new Promise((r) => setTimeout(r, wait));
  }
  assert.fail(`still not logged in at ${page.url()}`);
}
