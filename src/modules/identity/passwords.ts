/** Officers' passwords: argon2id (@node-rs/argon2) with its recommended parameters. */
import { hash, verify } from '@node-rs/argon2';

// Algorithm.Argon2id; the const enum is not importable under isolatedModules.
const ARGON2ID = 2;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize('NFC'), OPTIONS);
}

/** A hash of nothing anyone knows: verifying against it costs the same as a real check. */
let decoy: Promise<string> | undefined;

/**
 * Checks a password. With no stored hash (unknown user) it still spends the time of one
 * verification, so response times do not tell which usernames exist.
 */
export async function verifyPassword(stored: string | null | undefined, password: string): Promise<boolean> {
  decoy ??= hashPassword(`decoy-${Math.random()}`);
  const target = stored ?? (await decoy);
  const ok = await verify(target, password.normalize('NFC')).catch(() => false);
  return ok && stored != null;
}
