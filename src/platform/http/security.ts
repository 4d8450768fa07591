import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyFormbody from '@fastify/formbody';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyReply } from 'fastify';
import { AppError } from '../errors.js';
import type { App } from './app-type.js';
import { CSRF_ERROR, isApiRequest } from './error-handler.js';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const JSON_TYPE = /^application\/([a-z0-9.+-]+\+)?json\b/i;

export interface SecurityOptions {
  cookieSecret: string;
  rateLimitMax: number;
  secureCookies: boolean;
}

/**
 * Security headers (helmet, strict CSP: our pages load only our own CSS and scripts), signed
 * cookies, CSRF and rate limiting.
 *
 * CSRF: HTML forms carry a token (`_csrf`, @fastify/csrf-protection, secret in a signed cookie).
 * The JSON API takes no form posts: an unsafe /api request must be JSON or carry an
 * Idempotency-Key header; both force a CORS preflight, which a foreign site cannot pass.
 */
export async function registerSecurity(app: App, opts: SecurityOptions) {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: opts.secureCookies,
  });
  await app.register(fastifyCookie, { secret: opts.cookieSecret });
  await app.register(fastifyFormbody);
  await app.register(fastifyCsrf, {
    cookieOpts: { signed: true, httpOnly: true, sameSite: 'lax', path: '/', secure: opts.secureCookies },
    sessionPlugin: '@fastify/cookie',
  });
  // Every form of one page shares one token. Without this, a first visit (no secret cookie yet)
  // would make a new secret at each call, and only the last one's cookie would survive: the
  // header's logout form and the page's own form would disagree.
  app.addHook('onRequest', async (_req, reply) => {
    const generate = reply.generateCsrf.bind(reply);
    let token: string | undefined;
    reply.generateCsrf = (opts) => {
      token ??= generate(opts);
      return token;
    };
  });
  await app.register(fastifyRateLimit, {
    max: opts.rateLimitMax,
    timeWindow: '1 minute',
    allowList: (req) => ['/healthz', '/readyz', '/metrics'].includes(req.url.split('?')[0] ?? ''),
  });

  app.addHook('preHandler', (req, reply, done) => {
    if (!UNSAFE.has(req.method)) return done();
    if (isApiRequest(req)) {
      const json = JSON_TYPE.test(req.headers['content-type'] ?? '');
      if (json || req.headers['idempotency-key']) return done();
      return done(
        new AppError('unsupported_media_type', 'request.json_required', {
          vi: 'API chỉ nhận dữ liệu JSON (Content-Type: application/json)',
          en: 'The API accepts JSON only (Content-Type: application/json)',
        }),
      );
    }
    app.csrfProtection(req, reply, (err?: Error) => done(err ? CSRF_ERROR : undefined));
  });
}

/**
 * For a document that motcua's own pages show in a frame (a PDF viewer): this response, and only it,
 * may be framed by same-origin pages; every other response keeps frame-ancestors 'none'.
 */
export function allowSameOriginFraming(reply: FastifyReply): FastifyReply {
  const csp = String(reply.getHeader('content-security-policy') ?? '');
  if (csp)
    reply.header('content-security-policy', csp.replace("frame-ancestors 'none'", "frame-ancestors 'self'"));
  return reply.header('x-frame-options', 'SAMEORIGIN');
}
