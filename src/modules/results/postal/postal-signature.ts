/**
 * Signed tracking callbacks: `X-Postal-Signature: sha256=<hex HMAC-SHA256 of "${timestamp}.${rawBody}">`
 * with the shared callback secret, and `X-Postal-Timestamp` (Unix seconds), which the signature covers
 * so an old message cannot be replayed with a fresh timestamp. Pure, apart from the clock passed in.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-postal-signature';
export const TIMESTAMP_HEADER = 'x-postal-timestamp';
/** A callback signed longer ago than this is refused. */
export const MAX_AGE_SECONDS = 10 * 60;
/** Clocks drift: a callback signed up to this far in the future is still accepted. */
export const MAX_FUTURE_SECONDS = 5 * 60;

export function signCallback(secret: string, timestamp: number, rawBody: string | Buffer): string {
  const mac = createHmac('sha256', secret);
  mac.update(`${timestamp}.`);
  mac.update(rawBody);
  return `sha256=${mac.digest('hex')}`;
}

export type SignatureCheck = 'ok' | 'bad_signature' | 'bad_timestamp';

export function checkCallbackSignature(opts: {
  secret: string;
  rawBody: Buffer;
  signature: string | undefined;
  timestamp: string | undefined;
  now: Date;
}): SignatureCheck {
  const { signature, timestamp } = opts;
  if (!signature || !timestamp || !/^\d{1,12}$/.test(timestamp)) return 'bad_signature';
  const expected = Buffer.from(signCallback(opts.secret, Number(timestamp), opts.rawBody));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'bad_signature';
  const age = Math.floor(opts.now.getTime() / 1000) - Number(timestamp);
  if (age > MAX_AGE_SECONDS || age < -MAX_FUTURE_SECONDS) return 'bad_timestamp';
  return 'ok';
}
