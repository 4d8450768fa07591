/**
 * Wires citizens' login: the relying party from configuration, the VNeID sandbox in demo mode
 * (refused in production by the configuration itself), and the pages.
 */
import type { App } from '../../platform/http/app-type.js';
import type { AppContext, DemoAccount } from '../../platform/module.js';
import { registerCitizenAuthPages } from './citizen-auth.pages.js';
import { CitizenSso, injectFetch } from './oidc-client.js';
import { oidcSettings } from './oidc-settings.js';
import { registerVneidSandbox } from './vneid-sandbox/sandbox.pages.js';
import { SANDBOX_ACCOUNTS } from './vneid-sandbox/sandbox-people.js';

export function registerCitizenLogin(app: App, ctx: AppContext) {
  const settings = oidcSettings(ctx.config, ctx.serverSecret);
  if (ctx.config.demo && !ctx.config.production && settings) registerVneidSandbox(app, ctx, settings);
  const sso = settings
    ? new CitizenSso(settings, settings.sandbox ? injectFetch(app) : undefined)
    : undefined;
  registerCitizenAuthPages(app, ctx, sso);
}

const KIND = { 1: 'Công dân / Citizen', 2: 'Doanh nghiệp / Business', 3: 'Tổ chức / Organisation' } as const;

/** The sandbox's people and organisations, for `npm start` to print (nothing is written). */
export function demoSandboxAccounts(): DemoAccount[] {
  return SANDBOX_ACCOUNTS.map((a) => ({
    role: `VNeID sandbox: ${KIND[a.accountType]}`,
    login: a.key,
    note: a.label,
  }));
}
