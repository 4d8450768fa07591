/**
 * Where motcua sends postal orders and how it proves who it is, from configuration (POSTAL_*). In demo
 * mode, without POSTAL_URL, the built-in postal sandbox (BASE_URL/postal-sandbox) is the service and
 * the customer code, secret and callback secret default to demo values (the secrets derived from the
 * server secret, so nothing fixed is published). Outside demo mode every value must be configured, or
 * return by post says it is unavailable.
 */
import { createHash } from 'node:crypto';
import type { Config } from '../../../platform/config.js';

export const SANDBOX_PATH = '/postal-sandbox';
export const CALLBACK_PATH = '/api/v1/postal/callback';
export const DEMO_CUSTOMER_CODE = 'MOTCUA-DEMO';

export interface PostalSettings {
  /** Base URL of the service's API, without a trailing slash. */
  url: string;
  customerCode: string;
  secret: string;
  /** HMAC-SHA256 key of the tracking callbacks. */
  callbackSecret: string;
  /** Where the service calls back (the sandbox uses it; a real service is told it at registration). */
  callbackUrl: string;
  sandboxStepSeconds: number;
}

const derive = (purpose: string, serverSecret: string) =>
  createHash('sha256').update(`motcua:postal-sandbox:${purpose}:${serverSecret}`).digest('base64url');

export function postalSettings(config: Config, serverSecret: string): PostalSettings | undefined {
  const p = config.postal;
  const demo = config.demo;
  const url = p.url ?? (demo ? `${config.baseUrl}${SANDBOX_PATH}` : undefined);
  const customerCode = p.customerCode ?? (demo ? DEMO_CUSTOMER_CODE : undefined);
  const secret = p.secret ?? (demo ? derive('secret', serverSecret) : undefined);
  const callbackSecret = p.callbackSecret ?? (demo ? derive('callback', serverSecret) : undefined);
  if (!url || !customerCode || !secret || !callbackSecret) return undefined;
  return {
    url,
    customerCode,
    secret,
    callbackSecret,
    callbackUrl: `${config.baseUrl}${CALLBACK_PATH}`,
    sandboxStepSeconds: p.sandboxStepSeconds,
  };
}
