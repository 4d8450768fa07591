/**
 * Citizens' login and account pages: `/dang-nhap` (choose VNeID), `/dang-nhap/vneid` (start: to the
 * SSO), `/dang-nhap/vneid/callback` (back from the SSO), `/dang-xuat` (local and SSO logout),
 * `/tai-khoan` (account data and notification contact).
 */
import { readFileSync } from 'node:fs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../../platform/http/app-type.js';
import { pageContext } from '../../platform/http/lang.js';
import { findCitizenAccount } from './citizen-accounts.repository.js';
import {
  type CitizenAuthCtx,
  loginCitizen,
  logoutCitizen,
  recordLoginFailure,
  saveNotifyContact,
  setFlowCookie,
  takeFlowCookie,
} from './citizen-auth.service.js';
import { safeNext } from './officer-auth.service.js';
import { CallbackError, type CitizenSso } from './oidc-client.js';
import { CITIZEN_CALLBACK_PATH, LOGGED_OUT_PATH } from './oidc-settings.js';
import { clearSessionCookie } from './sessions.service.js';
import {
  ACCOUNT_PATH,
  CITIZEN_CSS_PATH,
  CitizenLoginErrorView,
  CitizenLoginView,
  type LoginErrorKind,
  LogoutContinueView,
  START_PATH,
} from './views/citizen.view.js';
import { CitizenAccountView } from './views/citizen-account.view.js';

const CSS = readFileSync(new URL('./views/citizen.css', import.meta.url), 'utf8');
const PUBLIC = { config: { access: 'public' as const } };
const CITIZEN = { config: { access: { citizen: true as const } } };
export const CITIZEN_LOGIN_PAGE = '/dang-nhap';
export const CITIZEN_LOGOUT_PATH = '/dang-xuat';

function value(source: unknown, name: string): string {
  const v = (source as Record<string, unknown> | undefined)?.[name];
  const first = Array.isArray(v) ? v[0] : v;
  return typeof first === 'string' ? first : '';
}

const STATUS: Record<LoginErrorKind, number> = {
  denied: 400,
  state: 400,
  provider: 400,
  claims: 400,
  exchange: 502,
  unreachable: 502,
  unavailable: 503,
};

function loginError(req: FastifyRequest, reply: FastifyReply, kind: LoginErrorKind, code?: string) {
  return reply
    .status(STATUS[kind])
    .html(<CitizenLoginErrorView ctx={pageContext(req)} kind={kind} code={code} />);
}

export function registerCitizenAuthPages(app: App, ctx: CitizenAuthCtx, sso: CitizenSso | undefined) {
  app.get(CITIZEN_CSS_PATH, { ...PUBLIC, schema: { hide: true } }, async (_req, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=86400').send(CSS),
  );

  app.get(CITIZEN_LOGIN_PAGE, PUBLIC, async (req, reply) => {
    const next = safeNext(value(req.query, 'next'), ACCOUNT_PATH);
    if (req.principal?.kind === 'citizen') return reply.redirect(next, 303);
    return reply.html(
      <CitizenLoginView
        ctx={pageContext(req)}
        next={next}
        available={sso !== undefined}
        sandbox={sso?.settings.sandbox ?? false}
        loggedOut={value(req.query, 'da-dang-xuat') === '1'}
      />,
    );
  });

  app.get(START_PATH, PUBLIC, async (req, reply) => {
    if (!sso) return loginError(req, reply, 'unavailable');
    try {
      const { url, flow } = await sso.start(safeNext(value(req.query, 'next'), ACCOUNT_PATH));
      setFlowCookie(ctx, reply, flow);
      return reply.redirect(url.href, 303);
    } catch (e) {
      req.log.warn({ err: e }, 'citizen SSO unreachable (discovery)');
      return loginError(req, reply, 'unreachable');
    }
  });

  app.get(CITIZEN_CALLBACK_PATH, PUBLIC, async (req, reply) => {
    if (!sso) return loginError(req, reply, 'unavailable');
    const flow = takeFlowCookie(ctx, req, reply);
    // The URL the SSO sent the browser to, as registered (BASE_URL may differ from what the proxy passes on).
    const here = new URL(sso.settings.redirectUri);
    here.search = new URL(req.url, 'http://callback').search;
    if (!flow) {
      await recordLoginFailure(ctx, req, 'state', 'no valid login attempt in this browser');
      return loginError(req, reply, 'state');
    }
    let result: Awaited<ReturnType<CitizenSso['finish']>>;
    try {
      result = await sso.finish(here, flow);
    } catch (e) {
      const reason = e instanceof CallbackError ? e.reason : 'unreachable';
      const detail = e instanceof Error ? e.message : String(e);
      await recordLoginFailure(ctx, req, reason, detail);
      if (!(e instanceof CallbackError)) req.log.warn({ err: e }, 'citizen SSO callback failed');
      if (e instanceof CallbackError && e.reason === 'provider_error') {
        return loginError(req, reply, e.detail === 'access_denied' ? 'denied' : 'provider', e.detail);
      }
      return loginError(
        req,
        reply,
        e instanceof CallbackError && e.reason === 'state'
          ? 'state'
          : reason === 'exchange'
            ? 'exchange'
            : 'unreachable',
      );
    }
    const outcome = await loginCitizen(ctx, req, reply, { ...result, issuer: sso.settings.issuer });
    if (!outcome.ok) return loginError(req, reply, 'claims', outcome.problem);
    return reply.redirect(flow.next, 303);
  });

  app.post(CITIZEN_LOGOUT_PATH, CITIZEN, async (req, reply) => {
    const p = req.principal;
    const idToken = p?.kind === 'citizen' ? await logoutCitizen(ctx, req, p) : null;
    clearSessionCookie(reply);
    const endUrl = sso ? await sso.endSessionUrl(idToken).catch(() => null) : null;
    if (!endUrl) return reply.redirect(LOGGED_OUT_PATH, 303);
    // Our CSP (form-action 'self') blocks a form's redirect to another origin: link to it instead.
    if (new URL(endUrl).origin !== new URL(ctx.config.baseUrl).origin) {
      return reply.html(<LogoutContinueView ctx={{ ...pageContext(req), user: undefined }} href={endUrl} />);
    }
    return reply.redirect(endUrl, 303);
  });

  async function accountPage(
    req: FastifyRequest,
    reply: FastifyReply,
    form: { phone: string; email: string } | undefined,
    errors: { field: string; text: string }[],
  ) {
    const p = req.principal;
    const account = p?.kind === 'citizen' ? await findCitizenAccount(ctx.db, p.id) : undefined;
    if (!account) {
      clearSessionCookie(reply);
      return reply.redirect(CITIZEN_LOGIN_PAGE, 303);
    }
    return reply.status(errors.length > 0 ? 400 : 200).html(
      <CitizenAccountView
        ctx={pageContext(req)}
        csrf={reply.generateCsrf()}
        account={{
          accountType: account.account_type,
          accountKey: account.account_key,
          fullName: account.full_name,
          birthDate: account.birth_date,
          loa: account.loa,
          vneidVerified: account.vneid_verified,
          claims: (account.claims ?? {}) as Record<string, unknown>,
        }}
        phone={form?.phone ?? account.notify_phone ?? ''}
        email={form?.email ?? account.notify_email ?? ''}
        errors={errors}
        saved={value(req.query, 'da-luu') === '1'}
      />,
    );
  }

  app.get(ACCOUNT_PATH, CITIZEN, async (req, reply) => accountPage(req, reply, undefined, []));

  app.post(ACCOUNT_PATH, CITIZEN, async (req, reply) => {
    const p = req.principal;
    if (p?.kind !== 'citizen') return reply.redirect(CITIZEN_LOGIN_PAGE, 303);
    const form = {
      phone: value(req.body, 'phone').slice(0, 254),
      email: value(req.body, 'email').slice(0, 254),
    };
    const problems = await saveNotifyContact(ctx, req, p.id, form);
    if (problems.length === 0) return reply.redirect(`${ACCOUNT_PATH}?da-luu=1`, 303);
    const errors = problems.map((e) => ({ field: e.field, text: e.message[req.lang] }));
    return accountPage(req, reply, form, errors);
  });
}
