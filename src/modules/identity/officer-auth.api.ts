/**
 * JSON API of officers' login, kept stable for integrators (issue 4): `POST /api/v1/auth/login`
 * (username, password, totp) sets the session cookie; `POST /api/v1/auth/logout`; `GET /api/v1/me`
 * (an officer, a citizen or an API token). A locked username answers 429 `auth.locked` with a
 * Retry-After header; wrong credentials 401 `auth.invalid_credentials`, whatever was wrong.
 */
import Type from 'typebox';
import { AppError } from '../../platform/errors.js';
import type { App } from '../../platform/http/app-type.js';
import { API_SCOPE_NAMES } from '../../platform/http/scopes.js';
import { authMessages as m } from './officer-auth.messages.js';
import {
  type AuthCtx,
  checkPassword,
  checkTotp,
  lockTime,
  loginAttemptLimit,
  logoutOfficer,
  startOfficerSession,
} from './officer-auth.service.js';
import { clearSessionCookie, endSession } from './sessions.service.js';

const tags = ['auth'];

/** Any token may ask who it is: /me accepts every scope of the one list (platform/http/scopes.ts). */
export const ME_TOKEN_SCOPES = API_SCOPE_NAMES;

const LoginBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 128 }),
    password: Type.String({ minLength: 1, maxLength: 1024 }),
    totp: Type.Optional(
      Type.String({ maxLength: 16, description: 'Mã xác thực 6 chữ số / 6-digit TOTP code' }),
    ),
  },
  { additionalProperties: false },
);
const OfficerJson = Type.Object({ id: Type.String(), username: Type.String(), name: Type.String() });
const LoginResponse = Type.Object({ officer: OfficerJson, mustChangePassword: Type.Boolean() });
const MeResponse = Type.Union([
  Type.Object({
    kind: Type.Literal('officer'),
    id: Type.String(),
    username: Type.String(),
    name: Type.String(),
    grants: Type.Array(Type.Object({ agencyId: Type.String(), role: Type.String() })),
  }),
  Type.Object({
    kind: Type.Literal('citizen'),
    id: Type.String(),
    name: Type.String(),
    accountType: Type.Integer(),
  }),
  Type.Object({ kind: Type.Literal('token'), name: Type.String(), scopes: Type.Array(Type.String()) }),
]);

const INVALID = new AppError('unauthenticated', 'auth.invalid_credentials', m.invalidCredentials);
const TOTP_REQUIRED = new AppError('unauthenticated', 'auth.totp_required', {
  vi: 'Cần mã xác thực (totp) để đăng nhập',
  en: 'A verification code (totp) is required to log in',
});
const ENROL_REQUIRED = new AppError('forbidden', 'auth.totp_enrolment_required', {
  vi: 'Vai trò của bạn bắt buộc xác thực hai lớp: hãy thiết lập trên trang đăng nhập trước',
  en: 'Your role requires two-step verification: set it up on the login page first',
});

function locked(until: Date, now: Date, reply: { header(k: string, v: string): unknown }) {
  reply.header('retry-after', String(Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000))));
  const time = lockTime(until);
  return new AppError('too_many_requests', 'auth.locked', {
    vi: `${m.lockedPrefix.vi} ${time}.`,
    en: `${m.lockedPrefix.en} ${time}.`,
  });
}

export function registerOfficerAuthApi(app: App, ctx: AuthCtx) {
  app.post(
    '/api/v1/auth/login',
    {
      config: { access: 'public', rateLimit: loginAttemptLimit(ctx) },
      schema: {
        tags,
        summary: 'Cán bộ đăng nhập / Officer login',
        description:
          'Sets the session cookie (motcua_sid). 401 auth.invalid_credentials (unknown user and wrong password alike), ' +
          '401 auth.totp_required when the officer has TOTP and sent none, 403 auth.totp_enrolment_required, ' +
          '429 auth.locked after 5 failures (15 minutes, Retry-After).',
        body: LoginBody,
        response: { 200: LoginResponse },
      },
    },
    async (req, reply) => {
      const outcome = await checkPassword(ctx, req, req.body.username, req.body.password);
      if (outcome.kind === 'locked') throw locked(outcome.until, ctx.clock.now(), reply);
      if (outcome.kind === 'invalid') throw INVALID;
      const { officer } = outcome;
      if (outcome.next === 'enrol') throw ENROL_REQUIRED;
      if (outcome.next === 'totp') {
        if (!req.body.totp) throw TOTP_REQUIRED;
        const second = await checkTotp(ctx, officer.id, req.body.totp, req.ip ?? null);
        if (second.kind === 'locked') throw locked(second.until, ctx.clock.now(), reply);
        if (second.kind === 'invalid') throw INVALID;
      }
      await startOfficerSession(ctx, req, reply, officer, 'full');
      return {
        officer: { id: officer.id, username: officer.username, name: officer.full_name },
        mustChangePassword: officer.must_change_password,
      };
    },
  );

  app.post(
    '/api/v1/auth/logout',
    {
      config: { access: { officer: 'any', citizen: true } },
      schema: { tags, summary: 'Đăng xuất / Log out (ends this session)', response: { 204: Type.Null() } },
    },
    async (req, reply) => {
      const p = req.principal;
      if (p?.kind === 'officer') await logoutOfficer(ctx, p, false, req.ip ?? null);
      else if (p?.kind === 'citizen') await endSession(ctx, p.sessionId, 'logout');
      clearSessionCookie(reply);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/me',
    {
      config: { access: { citizen: true, officer: 'any', token: ME_TOKEN_SCOPES } },
      schema: { tags, summary: 'Người đang gọi / Who is calling', response: { 200: MeResponse } },
    },
    async (req) => {
      const p = req.principal;
      if (!p) throw INVALID;
      if (p.kind === 'token') return { kind: 'token' as const, name: p.name, scopes: p.scopes };
      if (p.kind === 'citizen')
        return { kind: 'citizen' as const, id: p.id, name: p.name, accountType: p.accountType };
      return { kind: 'officer' as const, id: p.id, username: p.username, name: p.name, grants: p.grants };
    },
  );
}
