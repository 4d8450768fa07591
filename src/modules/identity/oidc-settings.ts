/**
 * The relying party's settings for citizens' single sign-on, from configuration (OIDC_*). In demo
 * mode, without OIDC_ISSUER, the built-in VNeID sandbox is the issuer and motcua registers itself
 * there with the same client id and secret. Outside demo mode the SSO must be configured, or
 * citizen login says it is unavailable.
 */
import { createHash } from 'node:crypto';
import type { Config } from '../../platform/config.js';

export const SANDBOX_PATH = '/vneid-sandbox';
export const CITIZEN_CALLBACK_PATH = '/dang-nhap/vneid/callback';
export const LOGGED_OUT_PATH = '/dang-nhap?da-dang-xuat=1';

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  pkce: boolean;
  acrValues: string | undefined;
  redirectUri: string;
  postLogoutRedirectUri: string;
  /** The issuer is the built-in sandbox (same process). */
  sandbox: boolean;
}

/** The demo client secret: derived from the server secret, so nothing fixed is published. */
export const demoClientSecret = (serverSecret: string) =>
  createHash('sha256').update(`motcua:vneid-sandbox:client:${serverSecret}`).digest('base64url');

export function oidcSettings(config: Config, serverSecret: string): OidcSettings | undefined {
  const o = config.oidc;
  const sandbox = config.demo && !o.issuer;
  const issuer = o.issuer ?? (config.demo ? `${config.baseUrl}${SANDBOX_PATH}` : undefined);
  const clientId = o.clientId ?? (config.demo ? 'motcua-demo' : undefined);
  const clientSecret = o.clientSecret ?? (config.demo ? demoClientSecret(serverSecret) : undefined);
  if (!issuer || !clientId || !clientSecret) return undefined;
  return {
    issuer,
    clientId,
    clientSecret,
    pkce: o.pkce,
    acrValues: o.acrValues,
    redirectUri: `${config.baseUrl}${CITIZEN_CALLBACK_PATH}`,
    postLogoutRedirectUri: `${config.baseUrl}${LOGGED_OUT_PATH}`,
    sandbox,
  };
}
