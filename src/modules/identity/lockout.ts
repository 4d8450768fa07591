/**
 * Khoá đăng nhập: after MAX_FAILURES failed attempts (password or TOTP) a username is locked for
 * LOCK_MINUTES, whether or not an officer has it, so the answer never tells which usernames exist.
 * Pure rules; the repository applies them under a row lock.
 */
export const MAX_FAILURES = 5;
export const LOCK_MINUTES = 15;

export interface AttemptState {
  failures: number;
  lockedUntil: Date | null;
}

export const isLocked = (s: AttemptState, now: Date) => s.lockedUntil !== null && now < s.lockedUntil;

/** The state after one more failure; `lockedNow` when this failure is the one that locks. */
export function afterFailure(s: AttemptState, now: Date): AttemptState & { lockedNow: boolean } {
  if (isLocked(s, now)) return { ...s, lockedNow: false };
  const failures = s.failures + 1;
  if (failures >= MAX_FAILURES) {
    return { failures: 0, lockedUntil: new Date(now.getTime() + LOCK_MINUTES * 60_000), lockedNow: true };
  }
  return { failures, lockedUntil: null, lockedNow: false };
}

/** A successful login clears the count. */
export const afterSuccess = (): AttemptState => ({ failures: 0, lockedUntil: null });
