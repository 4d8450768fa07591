/**
 * API token pages (quản trị mã truy cập API) under /quan-tri/api-tokens: the list with the create form,
 * and the revoke confirmation. Forms post, then redirect (PRG); the new token travels once to the next
 * page in a sealed, short-lived cookie (never in a URL, never stored in clear) and is spent there.
 */
import { readFileSync } from 'node:fs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.js';
import type { App } from '../../platform/http/app-type.js';
import { pageContext } from '../../platform/http/lang.js';
import type { AppContext } from '../../platform/module.js';
import { apiTokenErrors, vietnamToday } from './api-token-input.js';
import { API_TOKEN_ACCESS } from './api-tokens.api.js';
import * as service from './api-tokens.service.js';
import { isUuid } from './officer-input.js';
import { open, seal, secretBoxKey } from './secret-box.js';
import { t$ as m } from './views/api-tokens.messages.js';
import {
  API_TOKENS_CSS_PATH,
  API_TOKENS_JS_PATH,
  API_TOKENS_PATH,
  ApiTokensView,
  RevokeTokenView,
  revokeHref,
  type TokenForm,
} from './views/api-tokens.view.js';
import type { FormErrors } from './views/officers-admin.parts.js';

const CSS = readFileSync(new URL('./views/api-tokens.css', import.meta.url), 'utf8');
const JS = readFileSync(new URL('./views/api-tokens.js', import.meta.url), 'utf8');
const ONCE_COOKIE = 'motcua_token_once';
const ACCESS = { config: { access: API_TOKEN_ACCESS } };
const DONE = { created: m.done_created, revoked: m.done_revoked } as const;

type Ctx = Pick<AppContext, 'db' | 'clock' | 'serverSecret' | 'config'>;

const text = (source: unknown, name: string): string => {
  const v = (source as Record<string, unknown> | undefined)?.[name];
  const first = Array.isArray(v) ? v[0] : v;
  return typeof first === 'string' ? first : '';
};
const list = (source: unknown, name: string): string[] => {
  const v = (source as Record<string, unknown> | undefined)?.[name];
  return (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string').slice(0, 50);
};
const fieldErrors = (err: AppError, lang: 'vi' | 'en'): FormErrors => ({
  items:
    err.fields.length > 0
      ? err.fields.map((f) => ({ field: f.field, text: f.message[lang] }))
      : [{ field: '', text: err.text[lang] }],
});

function passOnce(ctx: Ctx, reply: FastifyReply, once: { name: string; token: string }) {
  reply.setCookie(ONCE_COOKIE, seal(secretBoxKey(ctx.serverSecret), JSON.stringify(once)), {
    path: API_TOKENS_PATH,
    httpOnly: true,
    sameSite: 'strict',
    secure: ctx.config.baseUrl.startsWith('https://'),
    maxAge: 300,
  });
}

/** The token made by the last POST, if any; the cookie is spent either way. */
function takeOnce(ctx: Ctx, req: FastifyRequest, reply: FastifyReply) {
  const sealed = req.cookies[ONCE_COOKIE];
  if (!sealed) return undefined;
  reply.clearCookie(ONCE_COOKIE, { path: API_TOKENS_PATH });
  try {
    const once = JSON.parse(open(secretBoxKey(ctx.serverSecret), sealed)) as { name: string; token: string };
    return typeof once.token === 'string' && typeof once.name === 'string' ? once : undefined;
  } catch {
    return undefined;
  }
}

async function renderList(
  ctx: Ctx,
  req: FastifyRequest,
  reply: FastifyReply,
  extra: { form?: TokenForm; errors?: FormErrors; status?: number } = {},
) {
  const after = text(req.query, 'sau');
  const page = await service.listApiTokens(ctx, req.principal, after || undefined);
  const ctxPage = pageContext(req);
  const done = text(req.query, 'xong');
  const tomorrow = new Date(ctx.clock.now().getTime() + 86_400_000);
  const once = extra.errors ? undefined : takeOnce(ctx, req, reply);
  // The page with a token on it is never cached, by the browser or anything in between.
  if (once) reply.header('cache-control', 'no-store');
  return reply
    .status(extra.status ?? 200)
    .html(
      <ApiTokensView
        ctx={ctxPage}
        csrf={reply.generateCsrf()}
        items={page.items}
        nextHref={page.next ? `${API_TOKENS_PATH}?sau=${encodeURIComponent(page.next)}` : null}
        firstHref={after ? API_TOKENS_PATH : null}
        form={extra.form ?? { name: '', scopes: [], expiresOn: '' }}
        errors={extra.errors ?? { items: [] }}
        once={once}
        done={
          !extra.errors && (done === 'created' || done === 'revoked') ? DONE[done][ctxPage.lang] : undefined
        }
        minDate={vietnamToday(tomorrow)}
      />,
    );
}

export function registerApiTokenPages(app: App, ctx: Ctx) {
  const asset = (path: string, type: string, body: string) =>
    app.get(path, { config: { access: 'public' }, schema: { hide: true } }, async (_req, reply) =>
      reply.type(type).header('cache-control', 'public, max-age=86400').send(body),
    );
  asset(API_TOKENS_CSS_PATH, 'text/css; charset=utf-8', CSS);
  asset(API_TOKENS_JS_PATH, 'text/javascript; charset=utf-8', JS);

  app.get(API_TOKENS_PATH, ACCESS, (req, reply) => renderList(ctx, req, reply));

  app.post(API_TOKENS_PATH, ACCESS, async (req, reply) => {
    const form: TokenForm = {
      name: text(req.body, 'name').slice(0, 200),
      scopes: list(req.body, 'scopes'),
      expiresOn: text(req.body, 'expiresOn').slice(0, 20),
    };
    try {
      const created = await service.createApiToken(ctx, req.principal, form);
      passOnce(ctx, reply, { name: created.item.name, token: created.token });
      return reply.redirect(`${API_TOKENS_PATH}?xong=created`, 303);
    } catch (err) {
      if (!(err instanceof AppError) || err.kind !== 'validation') throw err;
      return renderList(ctx, req, reply, { form, errors: fieldErrors(err, req.lang), status: 400 });
    }
  });

  app.get<{ Params: { id: string } }>(`${API_TOKENS_PATH}/:id/thu-hoi`, ACCESS, async (req, reply) => {
    if (!isUuid(req.params.id)) throw apiTokenErrors.notFound();
    const item = await service.getApiToken(ctx, req.principal, req.params.id);
    if (item.state === 'revoked') return reply.redirect(API_TOKENS_PATH, 303);
    return reply.html(<RevokeTokenView ctx={pageContext(req)} csrf={reply.generateCsrf()} item={item} />);
  });

  app.post<{ Params: { id: string } }>(revokeHref(':id'), ACCESS, async (req, reply) => {
    if (!isUuid(req.params.id)) throw apiTokenErrors.notFound();
    try {
      await service.revokeApiToken(ctx, req.principal, req.params.id);
    } catch (err) {
      // Revoked meanwhile (another tab, another administrator): the list shows it as revoked.
      if (!(err instanceof AppError) || err.code !== 'api_token.already_revoked') throw err;
    }
    return reply.redirect(`${API_TOKENS_PATH}?xong=revoked`, 303);
  });
}
