/** How the platform's access rules learn who is calling, and what a refusal leaves behind. */
import type { AccessOptions } from '../../platform/http/access.js';
import type { AppContext } from '../../platform/module.js';
import { recordAudit } from './audit.repository.js';
import { authenticate } from './sessions.service.js';

export const OFFICER_LOGIN_PATH = '/can-bo/dang-nhap';
export const CITIZEN_LOGIN_PATH = '/dang-nhap';

export function identityAccess(ctx: AppContext): AccessOptions {
  return {
    authenticate: (req) => authenticate(ctx, req),
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
