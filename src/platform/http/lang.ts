import type { FastifyRequest } from 'fastify';
import { isLang, type Lang } from '../html/i18n.js';
import type { PageContext } from '../html/layout.js';
import type { App } from './app-type.js';

declare module 'fastify' {
  interface FastifyRequest {
    lang: Lang;
  }
}

const ONE_YEAR = 365 * 24 * 3600;

/** ?lang=vi|en switches the language and is remembered in a cookie; Vietnamese otherwise. */
export function registerLanguage(app: App) {
  app.decorateRequest('lang', 'vi');
  app.addHook('onRequest', async (req, reply) => {
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

export const pageContext = (req: FastifyRequest): PageContext => ({ lang: req.lang, url: req.url });
