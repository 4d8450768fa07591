/**
 * The sandbox's access and refresh tokens: stateless, HMAC-signed with a key derived from the
 * customer's secret, so that every process of motcua accepts the tokens any of them issued.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const ACCESS_SECONDS = 30 * 60;
export const REFRESH_SECONDS = 7 * 24 * 3600;

type Kind = 'access' | 'refresh';

const keyOf = (secret: string) =>
  createHash('sha256').update(`motcua:postal-sandbox:tokens:${secret}`).digest();

export function issueToken(secret: string, kind: Kind, customerCode: string, now: Date): string {
  const seconds = kind === 'access' ? ACCESS_SECONDS : REFRESH_SECONDS;
  const exp = Math.floor(now.getTime() / 1000) + seconds;
  const nonce = randomBytes(6).toString('base64url');
  const payload = Buffer.from(JSON.stringify({ k: kind, c: customerCode, exp, n: nonce })).toString(
    'base64url',
  );
  const mac = createHmac('sha256', keyOf(secret)).update(payload).digest('base64url');
  return `${payload}.${mac}`;
}

/** The customer code of a valid, unexpired token of this kind, or undefined. */
export function readToken(secret: string, kind: Kind, token: string, now: Date): string | undefined {
  const [payload, mac] = token.split('.');
  if (!payload || !mac) return undefined;
  const expected = Buffer.from(createHmac('sha256', keyOf(secret)).update(payload).digest('base64url'));
  const given = Buffer.from(mac);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  try {
    const p = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
      k: string;
      c: string;
      exp: number;
    };
    if (p.k !== kind || p.exp * 1000 <= now.getTime()) return undefined;
    return p.c;
  } catch {
    return undefined;
  }
}
