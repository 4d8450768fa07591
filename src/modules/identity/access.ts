/** How the platform's access rules learn who is calling, and what a refusal leaves behind. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { recordAudit } from '../../platform/audit/record.js';
import { AppError } from '../../platform/errors.js';
import type { Access, AccessOptions } from '../../platform/http/access.js';
import { isApiRequest } from '../../platform/http/error-handler.js';
import type { AppContext } from '../../platform/module.js';
import { PASSWORD_CHANGE_PATH, passwordChangeGate } from './password-gate.js';
import { type Identity, identify, type TokenRejection } from './sessions.service.js';

export const OFFICER_LOGIN_PATH = '/can-bo/dang-nhap';
export const CITIZEN_LOGIN_PATH = '/dang-nhap';

const TOKEN_ERRORS: Record<TokenRejection, AppError> = {
  invalid: new AppError('unauthenticated', 'auth.token_invalid', {
    vi: 'Mã truy cập API không hợp lệ.',
    en: 'The API token is not valid.',
  }),
  revoked: new AppError('unauthenticated', 'auth.token_revoked', {
    vi: 'Mã truy cập API đã bị thu hồi. Hãy đề nghị quản trị hệ thống cấp mã mới.',
    en: 'The API token has been revoked. Ask the system administrator for a new one.',
  }),
  expired: new AppError('unauthenticated', 'auth.token_expired', {
    vi: 'Mã truy cập API đã hết hạn. Hãy đề nghị quản trị hệ thống cấp mã mới.',
    en: 'The API token has expired. Ask the system administrator for a new one.',
  }),
};

export const PASSWORD_CHANGE_REQUIRED = new AppError('forbidden', 'auth.password_change_required', {
  vi: 'Bạn phải đổi mật khẩu trước khi tiếp tục (tại /can-bo/doi-mat-khau).',
  en: 'You must change your password before going on (at /can-bo/doi-mat-khau).',
});

/** What identify() found for a request, for the gate that runs after the access decision. */
const identities = new WeakMap<FastifyRequest, Identity>();

/**
 * A bearer token that is unknown, revoked or expired is refused with its own 401 on every route that
 * needs a caller (public routes ignore it), with the RFC 6750 challenge.
 */
async function authenticateRequest(
  ctx: AppContext,
  req: FastifyRequest,
  reply: FastifyReply,
  access: Access,
) {
  const who = await identify(ctx, req);
  identities.set(req, who);
  if (who.tokenRejected && access !== 'public') {
    reply.header('www-authenticate', 'Bearer error="invalid_token"');
    throw TOKEN_ERRORS[who.tokenRejected];
  }
  return who.principal;
}

export function identityAccess(ctx: AppContext): AccessOptions {
  return {
    authenticate: (req, reply, access) => authenticateRequest(ctx, req, reply, access),
    async gate(req, access) {
      const outcome = passwordChangeGate({
        mustChangePassword: identities.get(req)?.mustChangePassword ?? false,
        route: req.routeOptions.url ?? req.url,
        method: req.method,
        api: isApiRequest(req),
        publicRoute: access === 'public',
      });
      if (outcome === 'refuse') throw PASSWORD_CHANGE_REQUIRED;
      return outcome === 'redirect' ? PASSWORD_CHANGE_PATH : undefined;
    },
    async onDenied(req, outcome) {
      // Anonymous visitors sent to a login page are not a security event; refusals of a known caller are.
      if (outcome !== 'forbidden') return;
      const p = req.principal;
      await recordAudit(
        ctx.db,
        {
          actorKind: p?.kind ?? 'anonymous',
          actorId: p?.id ?? null,
          actorLabel: p ? ('username' in p ? p.username : p.name) : null,
          action: 'auth.permission_denied',
          details: { method: req.method, route: req.routeOptions.url ?? req.url },
          ip: req.ip ?? null,
        },
        ctx.clock.now(),
      );
    },
    loginPath(access, req) {
      const next = encodeURIComponent(req.url);
      const officerOnly = access !== 'public' && access.officer && !access.citizen;
      return `${officerOnly ? OFFICER_LOGIN_PATH : CITIZEN_LOGIN_PATH}?next=${next}`;
    },
  };
}
