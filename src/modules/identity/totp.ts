/**
 * Mã xác thực một lần theo thời gian (TOTP, RFC 6238) for officers' second factor: SHA-1, 6 digits,
 * 30-second steps, one step of clock drift either way. A step, once accepted, is never accepted
 * again (officers.totp_last_step), so a code seen over a shoulder cannot be replayed. Pure.
 */
import { Secret, TOTP } from 'otpauth';

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
export const TOTP_WINDOW = 1;
const ISSUER = 'motcua';

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totpOf(secretBase32: string, label = 'officer') {
  return new TOTP({
    issuer: ISSUER,
    label,
    algorithm: 'SHA1',
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
    secret: Secret.fromBase32(secretBase32),
  });
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function totpUri(secretBase32: string, username: string): string {
  return totpOf(secretBase32, username).toString();
}

/** The code of a moment (tests and the browser journey compute codes with it too). */
export function totpCode(secretBase32: string, at: Date): string {
  return totpOf(secretBase32).generate({ timestamp: at.getTime() });
}

export const stepAt = (at: Date) => Math.floor(at.getTime() / 1000 / TOTP_PERIOD_SECONDS);

/**
 * The time step a code belongs to when it is valid now (±1 step) and newer than the last step
 * accepted; null otherwise.
 */
export function acceptTotp(
  secretBase32: string,
  code: string,
  at: Date,
  lastStep: number | null,
): number | null {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totpOf(secretBase32).validate({ token, timestamp: at.getTime(), window: TOTP_WINDOW });
  if (delta === null) return null;
  const step = stepAt(at) + delta;
  if (lastStep !== null && step <= lastStep) return null;
  return step;
}

/** Secrets shown to a person are grouped by four characters, easier to type into a phone. */
export const groupSecret = (secretBase32: string) => secretBase32.replace(/(.{4})(?=.)/g, '$1 ');
