import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import type { App } from './app-type.js';
import { isApiRequest } from './error-handler.js';

/**
 * Who may call a route. Every route declares it in `config.access`; a route without one stops the
 * app from building (so a new route cannot slip out without a rule), and the route × role test
 * walks every declared rule. Object-level checks (which agency's dossier) are the services' job,
 * through the identity module's policy functions.
 */

/** Officer roles (vai trò), held in an agency; a role in an agency covers its sub-agencies. */
export const ROLES = [
  'one_stop',
  'specialist',
  'department_head',
  'agency_leader',
  'clerk',
  'agency_admin',
  'system_admin',
  'inspector',
  'provincial_monitor',
] as const;
export type Role = (typeof ROLES)[number];

export interface Grant {
  agencyId: string;
  role: Role;
}

export type Principal =
  | {
      kind: 'officer';
      id: string;
      sessionId: string;
      username: string;
      name: string;
      grants: Grant[];
    }
  | {
      kind: 'citizen';
      id: string;
      sessionId: string;
      name: string;
      /** LoaiTaiKhoan: 1 citizen, 2 business, 3 organisation. */
      accountType: 1 | 2 | 3;
    }
  | { kind: 'token'; id: string; name: string; scopes: string[] };

/**
 * 'public': anyone. Otherwise the kinds of caller allowed: citizens (and businesses), officers
 * holding one of the roles in some agency ('any' = every officer), API tokens holding one of the
 * scopes.
 */
export type Access =
  | 'public'
  | { citizen?: true; officer?: readonly Role[] | 'any'; token?: readonly string[] };

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route with its access rule, in registration order (the route × role test walks it). */
    declaredRoutes: DeclaredRoute[];
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyContextConfig {
    access?: Access;
  }
}

export type AccessOutcome = 'allowed' | 'unauthenticated' | 'forbidden';

/** The one decision every route goes through (pure). */
export function decideAccess(access: Access, principal: Principal | null): AccessOutcome {
  if (access === 'public') return 'allowed';
  if (!principal) return 'unauthenticated';
  if (principal.kind === 'citizen') return access.citizen ? 'allowed' : 'forbidden';
  if (principal.kind === 'token') {
    return access.token?.some((scope) => principal.scopes.includes(scope)) ? 'allowed' : 'forbidden';
  }
  const roles = access.officer;
  if (!roles) return 'forbidden';
  if (roles === 'any') return 'allowed';
  return principal.grants.some((g) => roles.includes(g.role)) ? 'allowed' : 'forbidden';
}

/** Routes that plugins register (static files, API docs UI): public by nature. */
const PLUGIN_PUBLIC_PREFIXES = ['/assets/', '/api/docs'];

export interface DeclaredRoute {
  method: string;
  url: string;
  access: Access;
}

export interface AccessOptions {
  /**
   * Finds who is calling (session cookie or bearer token); null for an anonymous caller. It may
   * throw to refuse outright (a revoked or expired bearer token on a route that needs a caller).
   */
  authenticate(req: FastifyRequest, reply: FastifyReply, access: Access): Promise<Principal | null>;
  /**
   * A further requirement of a caller the rule let in (an officer whose password must be changed
   * first): returns the page to send a page request to, or throws to refuse an API call.
   */
  gate?(req: FastifyRequest, access: Access): Promise<string | undefined>;
  /** Called on every refusal (the audit log records permission denials). */
  onDenied?(req: FastifyRequest, outcome: Exclude<AccessOutcome, 'allowed'>): Promise<void>;
  /** Where a person who is not logged in is sent for an HTML page. */
  loginPath(access: Access, req: FastifyRequest): string;
}

const UNAUTHENTICATED = new AppError('unauthenticated', 'auth.required', {
  vi: 'Bạn cần đăng nhập để tiếp tục.',
  en: 'You need to log in to continue.',
});
const FORBIDDEN = new AppError('forbidden', 'auth.forbidden', {
  vi: 'Bạn không có quyền thực hiện thao tác này.',
  en: 'You are not allowed to do this.',
});

/**
 * Registers the access rules. Must run before any route is added: the onRoute hook checks each
 * route as it is registered.
 */
export function registerAccess(app: App, opts: AccessOptions): DeclaredRoute[] {
  const declared: DeclaredRoute[] = [];
  app.decorateRequest('principal', null);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    let access = route.config?.access;
    if (!access && PLUGIN_PUBLIC_PREFIXES.some((p) => route.url.startsWith(p))) access = 'public';
    if (!access) {
      throw new Error(`Route ${methods.join(',')} ${route.url} declares no access rule (config.access)`);
    }
    for (const method of methods) if (method !== 'HEAD') declared.push({ method, url: route.url, access });
    const rule = access;
    const guard = async (req: FastifyRequest, reply: FastifyReply) => {
      req.principal = await opts.authenticate(req, reply, rule);
      const outcome = decideAccess(rule, req.principal);
      if (outcome === 'allowed') {
        const to = await opts.gate?.(req, rule);
        if (to) return reply.redirect(to, req.method === 'GET' || req.method === 'HEAD' ? 302 : 303);
        return;
      }
      await opts.onDenied?.(req, outcome);
      if (outcome === 'unauthenticated' && !isApiRequest(req) && req.method === 'GET') {
        return reply.redirect(opts.loginPath(rule, req), 302);
      }
      throw outcome === 'unauthenticated' ? UNAUTHENTICATED : FORBIDDEN;
    };
    // Before body validation: a caller who may not call the route learns nothing about its body schema.
    const existing = route.preValidation ? [route.preValidation].flat() : [];
    route.preValidation = [guard, ...existing];
  });
  return declared;
}
