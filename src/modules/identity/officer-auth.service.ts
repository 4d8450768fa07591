/**
 * Đăng nhập của cán bộ: username and password, then (for an officer who has it, or whose role
 * requires it) a TOTP code; lockout after repeated failures, counted per username whether or not an
 * officer has it. A session is created at the 'password' stage when a second step remains and is
 * promoted by creating a new one (the token rotates) and ending the half one.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { recordAudit } from '../../platform/audit/record.js';
import type { Db } from '../../platform/db/database.js';
import type { Role } from '../../platform/http/access.js';
import type { AppContext } from '../../platform/module.js';
import { afterFailure, afterSuccess, isLocked } from './lockout.js';
import {
  acceptTotpStep,
  findOfficerById,
  findOfficerForLogin,
  findThrottle,
  type LoginOfficer,
  lockAttemptState,
  saveAttemptState,
} from './officer-auth.repository.js';
import { verifyPassword } from './passwords.js';
import { open, secretBoxKey } from './secret-box.js';
import { findGrants } from './sessions.repository.js';
import {
  createSession,
  endAllSessions,
  endSession,
  type SessionRow,
  setSessionCookie,
} from './sessions.service.js';
import { acceptTotp } from './totp.js';

export type AuthCtx = Pick<AppContext, 'db' | 'clock' | 'config' | 'serverSecret'>;

/**
 * Route options of every login step (password, TOTP code, enrolment; page and API): attempts per
 * minute from one client address. The per-username lockout stops guessing one account; this slows
 * spraying one password over many usernames. Each route counts separately.
 */
export const loginAttemptLimit = (ctx: Pick<AuthCtx, 'config'>) => ({
  max: ctx.config.loginRateLimitMax,
  timeWindow: '1 minute',
});

/** Leaders and administrators must use a second factor (issue 4, item 5). */
export const TOTP_REQUIRED_ROLES: readonly Role[] = ['agency_leader', 'agency_admin', 'system_admin'];

export type PasswordOutcome =
  | { kind: 'invalid' }
  | { kind: 'locked'; until: Date }
  | { kind: 'ok'; officer: LoginOfficer; next: 'totp' | 'enrol' | 'done' };

const USERNAME = /^[a-z0-9][a-z0-9._-]{2,63}$/;
export const normaliseUsername = (u: string) => u.trim().toLowerCase().slice(0, 128);

type Target = { officerId: string } | { username: string };

async function stateOf(db: Db, officer: LoginOfficer | undefined, username: string) {
  if (officer) return { failures: officer.failed_logins, lockedUntil: officer.locked_until };
  return findThrottle(db, username);
}

/** Counts a failure (and locks at the limit), with its audit entry, in one transaction. */
export async function recordFailure(
  ctx: AuthCtx,
  target: Target,
  label: string,
  reason: string,
  ip: string | null,
): Promise<Date | null> {
  const at = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const next = afterFailure(await lockAttemptState(trx, target, at), at);
    await saveAttemptState(trx, target, next, at);
    const actorId = 'officerId' in target ? target.officerId : null;
    const base = { actorKind: 'anonymous' as const, actorId, actorLabel: label, ip } as const;
    await recordAudit(trx, { ...base, action: 'auth.login_failed', details: { reason } }, at);
    if (next.lockedNow) {
      await recordAudit(trx, { ...base, action: 'auth.locked', details: { until: next.lockedUntil } }, at);
    }
    return next.lockedNow ? next.lockedUntil : null;
  });
}

/** First step: the password. Same answer and the same work for unknown and known usernames. */
export async function checkPassword(
  ctx: AuthCtx,
  req: FastifyRequest,
  rawUsername: string,
  password: string,
): Promise<PasswordOutcome> {
  const username = normaliseUsername(rawUsername);
  const officer = USERNAME.test(username) ? await findOfficerForLogin(ctx.db, username) : undefined;
  const now = ctx.clock.now();
  const state = await stateOf(ctx.db, officer, username);
  // Always one verification, even when locked or unknown, so timing says nothing.
  const ok = await verifyPassword(officer?.password_hash, password.slice(0, 1024));
  const ip = req.ip ?? null;
  if (isLocked(state, now) && state.lockedUntil) {
    await recordAudit(
      ctx.db,
      {
        actorKind: 'anonymous',
        actorId: officer?.id ?? null,
        actorLabel: username,
        action: 'auth.login_failed',
        details: { reason: 'locked' },
        ip,
      },
      now,
    );
    return { kind: 'locked', until: state.lockedUntil };
  }
  if (!ok || !officer || officer.disabled_at) {
    const target: Target = officer ? { officerId: officer.id } : { username };
    const reason = !officer ? 'unknown_user' : officer.disabled_at ? 'disabled' : 'wrong_password';
    const lockedUntil = await recordFailure(ctx, target, username, reason, ip);
    return lockedUntil ? { kind: 'locked', until: lockedUntil } : { kind: 'invalid' };
  }
  if (officer.totp_enabled_at && officer.totp_secret_enc) return { kind: 'ok', officer, next: 'totp' };
  const grants = await findGrants(ctx.db, officer.id);
  const required = grants.some((g) => TOTP_REQUIRED_ROLES.includes(g.role as Role));
  return { kind: 'ok', officer, next: required ? 'enrol' : 'done' };
}

/** Starts a session (full, or halfway when a second step remains) and sets the cookie. */
export async function startOfficerSession(
  ctx: AuthCtx,
  req: FastifyRequest,
  reply: FastifyReply,
  officer: { id: string; username: string },
  stage: 'password' | 'full',
  replaces?: string,
) {
  if (replaces) await endSession(ctx, replaces, 'promoted');
  const session = await createSession(ctx, req, { officerId: officer.id, stage });
  setSessionCookie(ctx, reply, session.token);
  if (stage === 'full') {
    const at = ctx.clock.now();
    await ctx.db.transaction().execute(async (trx) => {
      await saveAttemptState(trx, { officerId: officer.id }, afterSuccess(), at);
      await recordAudit(
        trx,
        {
          actorKind: 'officer',
          actorId: officer.id,
          actorLabel: officer.username,
          action: 'auth.login',
          details: { session: session.id },
          ip: req.ip ?? null,
        },
        at,
      );
    });
  }
  return session;
}

export type TotpOutcome = { kind: 'ok' } | { kind: 'invalid' } | { kind: 'locked'; until: Date };

/** Second step: a TOTP code for the officer of a half session. Failures count towards the lockout. */
export async function checkTotp(
  ctx: AuthCtx,
  officerId: string,
  code: string,
  ip: string | null,
): Promise<TotpOutcome> {
  const officer = await findOfficerById(ctx.db, officerId);
  if (!officer?.totp_secret_enc || !officer.totp_enabled_at || officer.disabled_at)
    return { kind: 'invalid' };
  const now = ctx.clock.now();
  if (officer.locked_until && now < officer.locked_until)
    return { kind: 'locked', until: officer.locked_until };
  const secret = open(secretBoxKey(ctx.serverSecret), officer.totp_secret_enc);
  const step = acceptTotp(secret, code, now, officer.totp_last_step);
  if (step !== null && (await acceptTotpStep(ctx.db, officer.id, step, now))) return { kind: 'ok' };
  const until = await recordFailure(ctx, { officerId }, officer.username, 'wrong_totp', ip);
  return until ? { kind: 'locked', until } : { kind: 'invalid' };
}

/** The officer halfway through login (password given, second step pending), if any. */
export function halfSessionOfficer(row: SessionRow | undefined) {
  if (!row?.officer_id || row.stage !== 'password') return undefined;
  return { sessionId: row.id, officerId: row.officer_id, username: row.username ?? '' };
}

/** Where to go after the login: a local path only (a single leading slash), else the landing page. */
export function safeNext(next: unknown, fallback = '/can-bo'): string {
  if (typeof next !== 'string' || next.length > 500) return fallback;
  if (!next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  if ([...next].some((ch) => ch < ' ' || ch === '\\')) return fallback;
  return next;
}

export async function logoutOfficer(
  ctx: AuthCtx,
  who: { id: string; username: string; sessionId: string },
  everywhere: boolean,
  ip: string | null,
) {
  const at = ctx.clock.now();
  let ended = 1;
  if (everywhere) ended = await endAllSessions(ctx, { officerId: who.id }, 'logout_all');
  else await endSession(ctx, who.sessionId, 'logout');
  await recordAudit(
    ctx.db,
    {
      actorKind: 'officer',
      actorId: who.id,
      actorLabel: who.username,
      action: everywhere ? 'auth.logout_all' : 'auth.logout',
      details: { sessions: ended },
      ip,
    },
    at,
  );
}

/** Locked-until time as officers read it (Vietnam time, HH:MM). */
export function lockTime(until: Date): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(until);
}
