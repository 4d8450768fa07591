import type { AppContext, AppModule, DemoAccount } from './module.js';

/** Runs every module's demo seed in dependency order; each is idempotent. */
export async function seedDemo(ctx: AppContext, modules: AppModule[]): Promise<DemoAccount[]> {
  const accounts: DemoAccount[] = [];
  for (const module of modules) {
    if (!module.demoSeed) continue;
    const made = await module.demoSeed(ctx);
    ctx.log.info({ module: module.name, accounts: made.length }, 'demo data loaded');
    accounts.push(...made);
  }
  return accounts;
}

export function formatDemoAccounts(accounts: DemoAccount[], baseUrl: string): string {
  const lines = [`motcua: ${baseUrl}`, ''];
  if (accounts.length === 0) {
    lines.push(
      'Tài khoản demo / Demo accounts: chưa có — các tài khoản được thêm cùng phân hệ định danh / none yet: they come with the identity module.',
    );
    return lines.join('\n');
  }
  lines.push('Tài khoản demo / Demo accounts:');
  const width = Math.max(...accounts.map((a) => a.role.length));
  for (const a of accounts) {
    const secret = a.password ? `  mật khẩu/password: ${a.password}` : '';
    const totp = a.totpSecret ? `  TOTP: ${a.totpSecret}` : '';
    const agency = a.agency ? `  [${a.agency}]` : '';
    lines.push(
      `  ${a.role.padEnd(width)}  ${a.login}${secret}${totp}${agency}${a.note ? `  (${a.note})` : ''}`,
    );
  }
  return lines.join('\n');
}
