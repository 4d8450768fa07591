import type { FastifyRequest } from 'fastify';
import { isLang, type Lang } from '../html/i18n.js';
import type { PageContext } from '../html/layout.js';
import type { App } from './app-type.js';

declare module 'fastify' {
  interface FastifyRequest {
    lang: Lang;
    /** A CSRF token for the forms of this request's page (the header's logout button). */
    csrfToken: (() => string) | null;
  }
}

const ONE_YEAR = 365 * 24 * 3600;

/** ?lang=vi|en switches the language and is remembered in a cookie; Vietnamese otherwise. */
export function registerLanguage(app: App) {
  app.decorateRequest('lang', 'vi');
  app.decorateRequest('csrfToken', null);
  app.addHook('onRequest', async (req, reply) => {
    req.csrfToken = () => reply.generateCsrf();
    const asked = (req.query as Record<string, unknown> | undefined)?.lang;
    if (isLang(asked)) {
      req.lang = asked;
      if (req.cookies.lang !== asked) {
        reply.setCookie('lang', asked, { path: '/', maxAge: ONE_YEAR, sameSite: 'lax', httpOnly: true });
      }
      return;
    }
    const remembered = req.cookies.lang;
    req.lang = isLang(remembered) ? remembered : 'vi';
  });
}

/** Where each kind of person logs out (the identity module's routes). */
const LOGOUT_ACTIONS = { officer: '/can-bo/dang-xuat', citizen: '/dang-xuat' } as const;

function userOf(req: FastifyRequest): PageContext['user'] {
  const p = req.principal;
  if (!p || p.kind === 'token' || !req.csrfToken) return undefined;
  return { name: p.name, kind: p.kind, logoutAction: LOGOUT_ACTIONS[p.kind], csrf: req.csrfToken() };
}

export const pageContext = (req: FastifyRequest): PageContext => ({
  lang: req.lang,
  url: req.url,
  user: userOf(req),
});
