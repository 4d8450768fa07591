/**
 * Officers' login and account pages (HTML, post-redirect-get, CSRF token in every form):
 * `/can-bo/dang-nhap` (password), `/can-bo/dang-nhap/ma-xac-thuc` (TOTP), `/can-bo/ma-xac-thuc/dang-ky`
 * (TOTP enrolment), `/can-bo` (landing page), `/can-bo/doi-mat-khau`, `/can-bo/dang-xuat`,
 * `/can-bo/dang-xuat-tat-ca`.
 */
import { readFileSync } from 'node:fs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import { type Lang, translator } from '../../platform/html/i18n.js';
import type { Role } from '../../platform/http/access.js';
import type { App } from '../../platform/http/app-type.js';
import { pageContext } from '../../platform/http/lang.js';
import {
  changePassword,
  confirmTotpEnrolment,
  officerProfile,
  pendingTotpSecret,
} from './officer-account.service.js';
import { authMessages as m } from './officer-auth.messages.js';
import {
  type AuthCtx,
  checkPassword,
  checkTotp,
  halfSessionOfficer,
  lockTime,
  loginAttemptLimit,
  logoutOfficer,
  safeNext,
  startOfficerSession,
} from './officer-auth.service.js';
import { linksFor } from './officer-links.js';
import { clearSessionCookie, sessionOf } from './sessions.service.js';
import { groupSecret, totpUri } from './totp.js';
import { ENROL_PATH, EnrolView, LOGIN_PATH, LoginView, TOTP_PATH, TotpView } from './views/login.view.js';
import { AUTH_CSS_PATH, withNext } from './views/officer-auth.parts.js';
import {
  HOME_PATH,
  LOGOUT_ALL_PATH,
  LOGOUT_PATH,
  OfficerHomeView,
  PASSWORD_PATH,
  PasswordView,
} from './views/officer-home.view.js';

const CSS = readFileSync(new URL('./views/officer-auth.css', import.meta.url), 'utf8');
const PUBLIC = { config: { access: 'public' as const } };
const OFFICER = { config: { access: { officer: 'any' as const } } };

/** One form or query value (the first when repeated), as a string. */
function value(source: unknown, name: string): string {
  const v = (source as Record<string, unknown> | undefined)?.[name];
  const first = Array.isArray(v) ? v[0] : v;
  return typeof first === 'string' ? first : '';
}

const lockedText = (lang: Lang, until: Date) => `${translator(lang)(m.lockedPrefix)} ${lockTime(until)}.`;

/** After the last login step: the password page when a change is due, else where the officer was going. */
const afterLogin = (mustChange: boolean, next: string) => (mustChange ? PASSWORD_PATH : next);

async function enrolPage(
  ctx: AuthCtx,
  req: FastifyRequest,
  reply: FastifyReply,
  officerId: string,
  required: boolean,
  errors: { field: string; text: string }[],
) {
  const pending = await pendingTotpSecret(ctx, officerId);
  if (!pending) return reply.redirect(HOME_PATH, 303);
  const svg = await QRCode.toString(totpUri(pending.secret, pending.username), { type: 'svg', margin: 1 });
  return reply
    .status(errors.length > 0 ? 400 : 200)
    .html(
      <EnrolView
        ctx={pageContext(req)}
        csrf={reply.generateCsrf()}
        next={safeNext(value(req.query, 'next') || value(req.body, 'next'))}
        errors={errors}
        required={required}
        qrDataUri={`data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`}
        secretText={groupSecret(pending.secret)}
        username={pending.username}
      />,
    );
}

export function registerOfficerAuthPages(app: App, ctx: AuthCtx) {
  const attempts = { config: { ...PUBLIC.config, rateLimit: loginAttemptLimit(ctx) } };
  app.get(AUTH_CSS_PATH, { ...PUBLIC, schema: { hide: true } }, async (_req, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=86400').send(CSS),
  );

  app.get(LOGIN_PATH, PUBLIC, async (req, reply) => {
    const next = safeNext(value(req.query, 'next'));
    if (req.principal?.kind === 'officer') return reply.redirect(next, 303);
    return reply.html(
      <LoginView ctx={pageContext(req)} csrf={reply.generateCsrf()} next={next} username="" errors={[]} />,
    );
  });

  app.post(LOGIN_PATH, attempts, async (req, reply) => {
    const t = translator(req.lang);
    const next = safeNext(value(req.body, 'next'));
    const username = value(req.body, 'username');
    const password = value(req.body, 'password');
    const render = (status: number, errors: { field: string; text: string }[]) =>
      reply
        .status(status)
        .html(
          <LoginView
            ctx={pageContext(req)}
            csrf={reply.generateCsrf()}
            next={next}
            username={username.slice(0, 64)}
            errors={errors}
          />,
        );
    const missing = [
      ...(username.trim() ? [] : [{ field: 'username', text: t(m.usernameMissing) }]),
      ...(password ? [] : [{ field: 'password', text: t(m.passwordMissing) }]),
    ];
    if (missing.length > 0) return render(400, missing);
    const outcome = await checkPassword(ctx, req, username, password);
    if (outcome.kind === 'locked')
      return render(429, [{ field: 'username', text: lockedText(req.lang, outcome.until) }]);
    if (outcome.kind === 'invalid')
      return render(401, [{ field: 'username', text: t(m.invalidCredentials) }]);
    const { officer } = outcome;
    if (outcome.next === 'done') {
      await startOfficerSession(ctx, req, reply, officer, 'full');
      return reply.redirect(afterLogin(officer.must_change_password, next), 303);
    }
    await startOfficerSession(ctx, req, reply, officer, 'password');
    return reply.redirect(withNext(outcome.next === 'totp' ? TOTP_PATH : ENROL_PATH, next), 303);
  });

  app.get(TOTP_PATH, PUBLIC, async (req, reply) => {
    const next = safeNext(value(req.query, 'next'));
    if (!halfSessionOfficer(await sessionOf(ctx, req)))
      return reply.redirect(withNext(LOGIN_PATH, next), 303);
    return reply.html(
      <TotpView ctx={pageContext(req)} csrf={reply.generateCsrf()} next={next} errors={[]} />,
    );
  });

  app.post(TOTP_PATH, attempts, async (req, reply) => {
    const next = safeNext(value(req.body, 'next'));
    const half = halfSessionOfficer(await sessionOf(ctx, req));
    if (!half) return reply.redirect(withNext(LOGIN_PATH, next), 303);
    const outcome = await checkTotp(ctx, half.officerId, value(req.body, 'code'), req.ip ?? null);
    if (outcome.kind === 'ok') {
      await startOfficerSession(
        ctx,
        req,
        reply,
        { id: half.officerId, username: half.username },
        'full',
        half.sessionId,
      );
      const profile = await officerProfile(ctx, half.officerId);
      return reply.redirect(afterLogin(profile?.mustChangePassword ?? false, next), 303);
    }
    const text =
      outcome.kind === 'locked' ? lockedText(req.lang, outcome.until) : translator(req.lang)(m.totpInvalid);
    return reply
      .status(outcome.kind === 'locked' ? 429 : 401)
      .html(
        <TotpView
          ctx={pageContext(req)}
          csrf={reply.generateCsrf()}
          next={next}
          errors={[{ field: 'code', text }]}
        />,
      );
  });

  /** Enrolment: halfway through login (required by the role) or from the account page (optional). */
  app.get(ENROL_PATH, PUBLIC, async (req, reply) => {
    const row = await sessionOf(ctx, req);
    if (!row?.officer_id) return reply.redirect(withNext(LOGIN_PATH, ENROL_PATH), 303);
    return enrolPage(ctx, req, reply, row.officer_id, row.stage === 'password', []);
  });

  app.post(ENROL_PATH, attempts, async (req, reply) => {
    const row = await sessionOf(ctx, req);
    if (!row?.officer_id) return reply.redirect(LOGIN_PATH, 303);
    const ok = await confirmTotpEnrolment(ctx, row.officer_id, value(req.body, 'code'), req.ip ?? null);
    if (!ok) {
      const errors = [{ field: 'code', text: translator(req.lang)(m.totpInvalid) }];
      return enrolPage(ctx, req, reply, row.officer_id, row.stage === 'password', errors);
    }
    if (row.stage === 'full') return reply.redirect(`${HOME_PATH}?xac-thuc=bat`, 303);
    await startOfficerSession(
      ctx,
      req,
      reply,
      { id: row.officer_id, username: row.username ?? '' },
      'full',
      row.id,
    );
    const profile = await officerProfile(ctx, row.officer_id);
    return reply.redirect(
      afterLogin(profile?.mustChangePassword ?? false, safeNext(value(req.body, 'next'))),
      303,
    );
  });

  app.get(HOME_PATH, OFFICER, async (req, reply) => {
    const p = req.principal;
    if (p?.kind !== 'officer') return reply.redirect(LOGIN_PATH, 303);
    const profile = await officerProfile(ctx, p.id);
    if (!profile) return reply.redirect(LOGIN_PATH, 303);
    if (profile.mustChangePassword) return reply.redirect(PASSWORD_PATH, 303);
    const t = translator(req.lang);
    const notice =
      value(req.query, 'xac-thuc') === 'bat'
        ? t(m.enrolled)
        : value(req.query, 'mat-khau') === 'doi'
          ? t(m.passwordChanged)
          : undefined;
    return reply.html(
      <OfficerHomeView
        ctx={pageContext(req)}
        csrf={reply.generateCsrf()}
        name={profile.name}
        username={profile.username}
        totpEnabled={profile.totpEnabled}
        grants={profile.grants}
        links={linksFor(profile.grants.map((g) => g.role as Role))}
        notice={notice}
      />,
    );
  });

  app.get(PASSWORD_PATH, OFFICER, async (req, reply) => {
    const p = req.principal;
    const profile = p?.kind === 'officer' ? await officerProfile(ctx, p.id) : undefined;
    return reply.html(
      <PasswordView
        ctx={pageContext(req)}
        csrf={reply.generateCsrf()}
        errors={[]}
        mustChange={profile?.mustChangePassword ?? false}
      />,
    );
  });

  app.post(PASSWORD_PATH, OFFICER, async (req, reply) => {
    const p = req.principal;
    if (p?.kind !== 'officer') return reply.redirect(LOGIN_PATH, 303);
    const change = {
      current: value(req.body, 'current'),
      next: value(req.body, 'new'),
      repeat: value(req.body, 'repeat'),
    };
    const problems = await changePassword(ctx, req, reply, p.id, change);
    if (problems.length === 0) return reply.redirect(`${HOME_PATH}?mat-khau=doi`, 303);
    const profile = await officerProfile(ctx, p.id);
    const errors = problems.map((e) => ({ field: e.field, text: e.message[req.lang] }));
    return reply
      .status(400)
      .html(
        <PasswordView
          ctx={pageContext(req)}
          csrf={reply.generateCsrf()}
          errors={errors}
          mustChange={profile?.mustChangePassword ?? false}
        />,
      );
  });

  for (const [path, everywhere] of [
    [LOGOUT_PATH, false],
    [LOGOUT_ALL_PATH, true],
  ] as const) {
    app.post(path, OFFICER, async (req, reply) => {
      const p = req.principal;
      if (p?.kind === 'officer') await logoutOfficer(ctx, p, everywhere, req.ip ?? null);
      clearSessionCookie(reply);
      return reply.redirect(LOGIN_PATH, 303);
    });
  }
}
