/**
 * Server-side sessions (phiên đăng nhập) in PostgreSQL. The cookie carries a random token; the table
 * keeps its SHA-256. A session ends when idle for SESSION_IDLE_MINUTES, SESSION_ABSOLUTE_HOURS after
 * login, at logout, or when its owner logs out everywhere. Login always makes a new session (the
 * token rotates), so a token planted before login is worthless after it.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Principal, Role } from '../../platform/http/access.js';
import { newId } from '../../platform/ids.js';
import type { AppContext } from '../../platform/module.js';
import { apiTokenState } from './policy.js';
import {
  endSessionRow,
  endSessionsOf,
  findApiTokenByHash,
  findGrants,
  findLiveSession,
  insertSession,
  markApiTokenUsed,
  touchSession,
} from './sessions.repository.js';

export const SESSION_COOKIE = 'motcua_sid';
/** last_seen_at is written at most this often, not on every request. */
const TOUCH_EVERY_MS = 60_000;

type Ctx = Pick<AppContext, 'db' | 'clock' | 'config'>;

export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export interface StartSession {
  officerId?: string;
  citizenId?: string;
  stage: 'password' | 'full';
  idToken?: string | null;
  /** The SSO's access token, already sealed, and when it expires (citizens only). */
  accessTokenEnc?: string | null;
  accessTokenExpiresAt?: Date | null;
}

/** Creates a session and returns its id and the token for the cookie (never stored in clear). */
export async function createSession(ctx: Ctx, req: FastifyRequest, s: StartSession) {
  const token = newToken();
  const id = newId();
  const at = ctx.clock.now();
  await insertSession(ctx.db, {
    id,
    tokenHash: hashToken(token),
    officerId: s.officerId,
    citizenId: s.citizenId,
    stage: s.stage,
    at,
    expiresAt: new Date(at.getTime() + ctx.config.sessionAbsoluteHours * 3_600_000),
    ip: req.ip ?? null,
    userAgent: req.headers['user-agent'] ?? null,
    idToken: s.idToken,
    accessTokenEnc: s.accessTokenEnc,
    accessTokenExpiresAt: s.accessTokenExpiresAt,
  });
  return { id, token };
}

export function setSessionCookie(ctx: Ctx, reply: FastifyReply, token: string) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    // Lax, not Strict: the SSO's redirect back to the callback is a cross-site top-level GET.
    sameSite: 'lax',
    secure: ctx.config.baseUrl.startsWith('https://'),
    maxAge: ctx.config.sessionAbsoluteHours * 3600,
  });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

export type SessionRow = NonNullable<Awaited<ReturnType<typeof findLiveSession>>>;

/**
 * The live session of the request's cookie, at any stage; ends it (and returns undefined) when it
 * has expired or idled out, or its officer is disabled.
 */
export async function sessionOf(ctx: Ctx, req: FastifyRequest): Promise<SessionRow | undefined> {
  const token = req.cookies[SESSION_COOKIE];
  if (!token || token.length > 100) return undefined;
  const row = await findLiveSession(ctx.db, hashToken(token));
  if (!row) return undefined;
  const now = ctx.clock.now();
  const idleLimit = row.last_seen_at.getTime() + ctx.config.sessionIdleMinutes * 60_000;
  const reason =
    now >= row.expires_at
      ? 'expired'
      : now.getTime() >= idleLimit
        ? 'idle'
        : row.disabled_at
          ? 'disabled'
          : null;
  if (reason) {
    await endSessionRow(ctx.db, row.id, now, reason);
    return undefined;
  }
  if (now.getTime() - row.last_seen_at.getTime() >= TOUCH_EVERY_MS) await touchSession(ctx.db, row.id, now);
  return row;
}

export async function endSession(ctx: Ctx, sessionId: string, reason: string) {
  await endSessionRow(ctx.db, sessionId, ctx.clock.now(), reason);
}

export function endAllSessions(
  ctx: Ctx,
  owner: { officerId: string } | { citizenId: string },
  reason: string,
) {
  return endSessionsOf(ctx.db, owner, ctx.clock.now(), reason);
}

const BEARER = /^Bearer ([A-Za-z0-9._~+/=-]{20,200})$/;

/** Why a bearer token was refused: unknown or malformed, revoked, or past its expiry. */
export type TokenRejection = 'invalid' | 'revoked' | 'expired';

export interface Identity {
  principal: Principal | null;
  /** An officer whose password an administrator reset: every other page waits for the change. */
  mustChangePassword: boolean;
  /** Set when an Authorization header was sent and refused (the principal is then null). */
  tokenRejected?: TokenRejection;
}

async function bearerIdentity(ctx: Ctx, header: string): Promise<Identity> {
  const match = BEARER.exec(header);
  const row = match?.[1] ? await findApiTokenByHash(ctx.db, hashToken(match[1])) : undefined;
  if (!row) return { principal: null, mustChangePassword: false, tokenRejected: 'invalid' };
  const now = ctx.clock.now();
  const state = apiTokenState({ revokedAt: row.revoked_at, expiresAt: row.expires_at }, now);
  if (state !== 'active') return { principal: null, mustChangePassword: false, tokenRejected: state };
  // Written at most once a minute per token, so that reads do not write on every call.
  if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() >= TOUCH_EVERY_MS) {
    await markApiTokenUsed(ctx.db, row.id, now);
  }
  return {
    principal: { kind: 'token', id: row.id, name: row.name, scopes: row.scopes },
    mustChangePassword: false,
  };
}

/**
 * Who is calling: an API token (Authorization: Bearer), else the session cookie at its full stage.
 * A session halfway through login (password given, TOTP not yet) is nobody.
 */
export async function identify(ctx: Ctx, req: FastifyRequest): Promise<Identity> {
  const header = req.headers.authorization;
  if (header) return bearerIdentity(ctx, header);
  const row = await sessionOf(ctx, req);
  if (row?.stage !== 'full') return { principal: null, mustChangePassword: false };
  if (row.officer_id) {
    const grants = await findGrants(ctx.db, row.officer_id);
    return {
      principal: {
        kind: 'officer',
        id: row.officer_id,
        sessionId: row.id,
        username: row.username ?? '',
        name: row.officer_name ?? '',
        grants: grants.map((g) => ({ agencyId: g.agency_id, role: g.role as Role })),
      },
      mustChangePassword: row.must_change_password === true,
    };
  }
  return {
    principal: {
      kind: 'citizen',
      id: row.citizen_id ?? '',
      sessionId: row.id,
      name: row.citizen_name ?? '',
      accountType: (row.account_type ?? 1) as 1 | 2 | 3,
    },
    mustChangePassword: false,
  };
}

/** The caller of the request (see identify), or null. */
export async function authenticate(ctx: Ctx, req: FastifyRequest): Promise<Principal | null> {
  return (await identify(ctx, req)).principal;
}
