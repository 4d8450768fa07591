/**
 * The signed token in a slip's QR code: scanning it opens the public tracking page without typing the
 * check digits (issue item 6). HMAC-SHA-256 of the dossier code under a key derived from the server
 * secret, cut to 16 bytes (128 bits): unguessable, and it reveals nothing.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

const keyOf = (serverSecret: string) =>
  createHmac('sha256', serverSecret).update('motcua:dossier-tracking:v1').digest();

export function trackingToken(serverSecret: string, code: string): string {
  return createHmac('sha256', keyOf(serverSecret))
    .update(code)
    .digest()
    .subarray(0, 16)
    .toString('base64url');
}

export function verifyTrackingToken(serverSecret: string, code: string, token: string): boolean {
  const expected = Buffer.from(trackingToken(serverSecret, code));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The public page a slip's QR code opens. */
export function trackingUrl(baseUrl: string, serverSecret: string, code: string): string {
  return `${baseUrl.replace(/\/$/, '')}/tra-cuu/${encodeURIComponent(code)}?t=${trackingToken(serverSecret, code)}`;
}
