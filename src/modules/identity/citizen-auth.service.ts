/**
 * Citizens' login through the SSO (VNeID): the short-lived sealed cookie that carries state, nonce
 * and the PKCE verifier from the start of a login to its callback; the account upsert and session
 * at the callback; logout; the notification contact. Every login and failed login is audited.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { recordAudit } from '../../platform/audit/record.js';
import type { FieldError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { AppContext } from '../../platform/module.js';
import { updateNotifyContact, upsertCitizenAccount } from './citizen-accounts.repository.js';
import { type ClaimsProblem, identityFromClaims } from './citizen-claims.js';
import { parseContact } from './citizen-contact.js';
import type { FlowState } from './oidc-client.js';
import { open, seal, secretBoxKey } from './secret-box.js';
import { findSessionAccessToken } from './sessions.repository.js';
import { createSession, endSession, sessionOf, setSessionCookie } from './sessions.service.js';

export type CitizenAuthCtx = Pick<AppContext, 'db' | 'clock' | 'config' | 'serverSecret'>;

export const FLOW_COOKIE = 'motcua_oidc';
const FLOW_PATH = '/dang-nhap/vneid';
const FLOW_TTL_SECONDS = 600;

const flowKey = (ctx: CitizenAuthCtx) => secretBoxKey(`oidc-flow:${ctx.serverSecret}`);
/** A key of its own: a sealed access token cannot be passed off as any other sealed value. */
const accessTokenKey = (ctx: Pick<CitizenAuthCtx, 'serverSecret'>) =>
  secretBoxKey(`sso-access-token:${ctx.serverSecret}`);

export function setFlowCookie(ctx: CitizenAuthCtx, reply: FastifyReply, flow: FlowState) {
  const exp = ctx.clock.now().getTime() + FLOW_TTL_SECONDS * 1000;
  reply.setCookie(FLOW_COOKIE, seal(flowKey(ctx), JSON.stringify({ ...flow, exp })), {
    path: FLOW_PATH,
    httpOnly: true,
    // Lax: the SSO sends the browser back with a cross-site top-level GET.
    sameSite: 'lax',
    secure: ctx.config.baseUrl.startsWith('https://'),
    maxAge: FLOW_TTL_SECONDS,
  });
}

/** The flow of this browser's login attempt, if it is ours, intact and not expired. Single use. */
export function takeFlowCookie(
  ctx: CitizenAuthCtx,
  req: FastifyRequest,
  reply: FastifyReply,
): FlowState | null {
  const raw = req.cookies[FLOW_COOKIE];
  reply.clearCookie(FLOW_COOKIE, { path: FLOW_PATH });
  if (!raw || raw.length > 4000) return null;
  try {
    const f = JSON.parse(open(flowKey(ctx), raw)) as FlowState & { exp: number };
    if (typeof f.exp !== 'number' || f.exp < ctx.clock.now().getTime()) return null;
    return { state: f.state, nonce: f.nonce, verifier: f.verifier, next: f.next };
  } catch {
    return null;
  }
}

export async function recordLoginFailure(
  ctx: CitizenAuthCtx,
  req: FastifyRequest,
  reason: string,
  detail: string,
) {
  await recordAudit(
    ctx.db,
    {
      actorKind: 'anonymous',
      action: 'auth.login_failed',
      details: { via: 'oidc', reason, detail: detail.slice(0, 200) },
      ip: req.ip ?? null,
    },
    ctx.clock.now(),
  );
}

export interface SsoLogin {
  issuer: string;
  subject: string;
  claims: Record<string, unknown>;
  idToken: string | null;
  /** Kept, sealed, on the session for later data calls to the SSO (DOMAIN.md §10). */
  accessToken: string | null;
  /** Seconds from the token response; null when the SSO did not say. */
  accessTokenExpiresIn: number | null;
}

/** The access token sealed for the session row, and when it expires. */
function sealAccessToken(ctx: CitizenAuthCtx, login: SsoLogin, at: Date) {
  if (!login.accessToken) return { accessTokenEnc: null, accessTokenExpiresAt: null };
  const seconds = login.accessTokenExpiresIn;
  return {
    accessTokenEnc: seal(accessTokenKey(ctx), login.accessToken),
    accessTokenExpiresAt:
      seconds !== null && Number.isFinite(seconds) ? new Date(at.getTime() + seconds * 1000) : null,
  };
}

/**
 * Files the person under their account key (creating the account at the first login, refreshing its
 * claims at every one), then starts a new session: the token rotates, a session the browser had
 * before is ended.
 */
export async function loginCitizen(
  ctx: CitizenAuthCtx,
  req: FastifyRequest,
  reply: FastifyReply,
  login: SsoLogin,
): Promise<{ ok: true; accountId: string } | { ok: false; problem: ClaimsProblem }> {
  const identity = identityFromClaims(login.claims);
  if ('problem' in identity) {
    await recordLoginFailure(ctx, req, 'claims', identity.problem);
    return { ok: false, problem: identity.problem };
  }
  const previous = await sessionOf(ctx, req);
  if (previous) await endSession(ctx, previous.id, 'replaced');
  const at = ctx.clock.now();
  const accountId = await ctx.db.transaction().execute(async (trx) => {
    const id = await upsertCitizenAccount(trx, {
      ...identity,
      id: newId(),
      issuer: login.issuer,
      subject: login.subject,
      claims: login.claims,
      at,
    });
    return id;
  });
  const session = await createSession(ctx, req, {
    citizenId: accountId,
    stage: 'full',
    idToken: login.idToken,
    ...sealAccessToken(ctx, login, at),
  });
  setSessionCookie(ctx, reply, session.token);
  await recordAudit(
    ctx.db,
    {
      actorKind: 'citizen',
      actorId: accountId,
      actorLabel: identity.accountKey,
      action: 'auth.login',
      details: { via: 'oidc', session: session.id, accountType: identity.accountType, loa: identity.loa },
      ip: req.ip ?? null,
    },
    at,
  );
  return { ok: true, accountId };
}

/**
 * The SSO access token of a citizen's session, for a data call to the SSO on the person's behalf;
 * null when the session is not this citizen's, has ended or expired, holds no token, the token has
 * expired (the SSO's expires_in; without one, it is used while the session lives), or it cannot be
 * unsealed (the server secret changed).
 */
export async function ssoAccessToken(
  ctx: Pick<CitizenAuthCtx, 'db' | 'clock' | 'serverSecret'>,
  who: { id: string; sessionId: string },
): Promise<string | null> {
  const row = await findSessionAccessToken(ctx.db, who.sessionId);
  const now = ctx.clock.now();
  if (!row?.access_token_enc || row.citizen_id !== who.id || row.ended_at || row.expires_at <= now) {
    return null;
  }
  if (row.access_token_expires_at && row.access_token_expires_at <= now) return null;
  try {
    return open(accessTokenKey(ctx), row.access_token_enc);
  } catch {
    return null;
  }
}

/** Ends the citizen's session; returns the ID token for the SSO's logout. */
export async function logoutCitizen(
  ctx: CitizenAuthCtx,
  req: FastifyRequest,
  who: { id: string; sessionId: string },
): Promise<string | null> {
  const row = await sessionOf(ctx, req);
  await endSession(ctx, who.sessionId, 'logout');
  await recordAudit(
    ctx.db,
    {
      actorKind: 'citizen',
      actorId: who.id,
      action: 'auth.logout',
      details: { session: who.sessionId },
      ip: req.ip ?? null,
    },
    ctx.clock.now(),
  );
  return row?.id === who.sessionId ? (row.id_token ?? null) : null;
}

/** Saves the notification phone and e-mail, or returns what is wrong with them (nothing saved). */
export async function saveNotifyContact(
  ctx: CitizenAuthCtx,
  req: FastifyRequest,
  citizenId: string,
  input: { phone: string; email: string },
): Promise<FieldError[]> {
  const contact = parseContact(input);
  if ('errors' in contact) return contact.errors;
  const at = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await updateNotifyContact(trx, citizenId, contact, at);
    await recordAudit(
      trx,
      {
        actorKind: 'citizen',
        actorId: citizenId,
        action: 'account.contact_changed',
        objectType: 'citizen_account',
        objectId: citizenId,
        details: { phone: contact.phone !== null, email: contact.email !== null },
        ip: req.ip ?? null,
      },
      at,
    );
  });
  return [];
}
