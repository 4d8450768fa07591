/**
 * What an officer does with their own account: enrol a TOTP second factor (required for leaders and
 * administrators right after the password, optional for others) and change the password.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { recordAudit } from '../../platform/audit/record.js';
import type { FieldError } from '../../platform/errors.js';
import { authMessages as m } from './officer-auth.messages.js';
import {
  enableTotp,
  findGrantsWithAgencies,
  findOfficerById,
  setPassword,
  setPendingTotpSecret,
} from './officer-auth.repository.js';
import type { AuthCtx } from './officer-auth.service.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { open, seal, secretBoxKey } from './secret-box.js';
import { createSession, endAllSessions, setSessionCookie } from './sessions.service.js';
import { acceptTotp, newTotpSecret } from './totp.js';

export const MIN_PASSWORD_LENGTH = 12;

/**
 * The secret waiting for the officer's first code: the one already pending (so reloading the page
 * shows the same QR code), else a new one, stored sealed. Undefined when TOTP is already on.
 */
export async function pendingTotpSecret(ctx: AuthCtx, officerId: string) {
  const officer = await findOfficerById(ctx.db, officerId);
  if (!officer || officer.totp_enabled_at) return undefined;
  const key = secretBoxKey(ctx.serverSecret);
  if (officer.totp_secret_enc)
    return { secret: open(key, officer.totp_secret_enc), username: officer.username };
  const secret = newTotpSecret();
  await setPendingTotpSecret(ctx.db, officerId, seal(key, secret), ctx.clock.now());
  return { secret, username: officer.username };
}

/** Turns TOTP on when the code matches the pending secret. */
export async function confirmTotpEnrolment(
  ctx: AuthCtx,
  officerId: string,
  code: string,
  ip: string | null,
): Promise<boolean> {
  const officer = await findOfficerById(ctx.db, officerId);
  if (!officer?.totp_secret_enc || officer.totp_enabled_at) return false;
  const now = ctx.clock.now();
  const step = acceptTotp(open(secretBoxKey(ctx.serverSecret), officer.totp_secret_enc), code, now, null);
  if (step === null || !(await enableTotp(ctx.db, officerId, step, now))) return false;
  await recordAudit(
    ctx.db,
    {
      actorKind: 'officer',
      actorId: officerId,
      actorLabel: officer.username,
      action: 'auth.totp_enrolled',
      ip,
    },
    now,
  );
  return true;
}

export interface PasswordChange {
  current: string;
  next: string;
  repeat: string;
}

/** The rules of a new password (pure): at least 12 characters, not the username, typed twice. */
export function passwordProblems(username: string, c: PasswordChange): FieldError[] {
  const problems: FieldError[] = [];
  const next = c.next.normalize('NFC');
  if ([...next].length < MIN_PASSWORD_LENGTH) problems.push({ field: 'new', message: m.tooShort });
  else if (next.trim().toLowerCase() === username.toLowerCase())
    problems.push({ field: 'new', message: m.sameAsUsername });
  else if (next === c.current.normalize('NFC')) problems.push({ field: 'new', message: m.sameAsCurrent });
  if (c.repeat.normalize('NFC') !== next) problems.push({ field: 'repeat', message: m.mismatch });
  return problems;
}

/**
 * Changes the password after checking the current one; ends every session of the officer and
 * gives this browser a new one. Returns the problems, empty on success.
 */
export async function changePassword(
  ctx: AuthCtx,
  req: FastifyRequest,
  reply: FastifyReply,
  officerId: string,
  c: PasswordChange,
): Promise<FieldError[]> {
  const officer = await findOfficerById(ctx.db, officerId);
  if (!officer) return [{ field: 'current', message: m.currentWrong }];
  const currentOk = await verifyPassword(officer.password_hash, c.current.slice(0, 1024));
  const problems = passwordProblems(officer.username, c);
  if (!currentOk) problems.unshift({ field: 'current', message: m.currentWrong });
  if (problems.length > 0) return problems;
  const at = ctx.clock.now();
  await setPassword(ctx.db, officerId, await hashPassword(c.next.slice(0, 1024)), at);
  const ended = await endAllSessions(ctx, { officerId }, 'password_changed');
  const session = await createSession(ctx, req, { officerId, stage: 'full' });
  setSessionCookie(ctx, reply, session.token);
  await recordAudit(
    ctx.db,
    {
      actorKind: 'officer',
      actorId: officerId,
      actorLabel: officer.username,
      action: 'auth.password_changed',
      details: { sessionsEnded: ended },
      ip: req.ip ?? null,
    },
    at,
  );
  return [];
}

export async function officerProfile(ctx: AuthCtx, officerId: string) {
  const officer = await findOfficerById(ctx.db, officerId);
  if (!officer) return undefined;
  const grants = await findGrantsWithAgencies(ctx.db, officerId);
  return {
    id: officer.id,
    username: officer.username,
    name: officer.full_name,
    mustChangePassword: officer.must_change_password,
    totpEnabled: officer.totp_enabled_at !== null,
    grants,
  };
}
