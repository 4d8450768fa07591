/**
 * JSON API of API tokens, for system administrators in an officer's session only (a token cannot
 * mint tokens): `POST /api/v1/api-tokens` (the token is in this answer and never again),
 * `GET /api/v1/api-tokens`, `POST /api/v1/api-tokens/{id}/revoke`.
 */
import Type from 'typebox';
import type { Access } from '../../platform/http/access.js';
import type { App } from '../../platform/http/app-type.js';
import { API_SCOPE_NAMES } from '../../platform/http/scopes.js';
import type { AppContext } from '../../platform/module.js';
import { apiTokenErrors } from './api-token-input.js';
import { type ApiTokenView, createApiToken, listApiTokens, revokeApiToken } from './api-tokens.service.js';
import { isUuid } from './officer-input.js';

export const API_TOKEN_ACCESS: Access = { officer: ['system_admin'] };
const tags = ['api-tokens'];

const OfficerRef = Type.Object({ username: Type.String(), name: Type.String() });
const TokenJson = Type.Object({
  id: Type.String(),
  name: Type.String(),
  prefix: Type.String({ description: 'Đầu mã, để nhận ra mã / The first characters, to recognise it' }),
  scopes: Type.Array(Type.String()),
  status: Type.Union([Type.Literal('active'), Type.Literal('revoked'), Type.Literal('expired')]),
  createdBy: OfficerRef,
  createdAt: Type.String({ format: 'date-time' }),
  expiresAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  lastUsedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  revokedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  revokedBy: Type.Union([OfficerRef, Type.Null()]),
});
/**
 * name and scopes are required, but checked by the service (400 api_token.invalid with a message per
 * field), not by the schema: schema validation runs before the access rule, and a caller who may not
 * create tokens must get 401/403, not a lesson in the body's shape.
 */
const CreateBody = Type.Object(
  {
    name: Type.Optional(Type.String({ maxLength: 200, description: 'Bắt buộc / Required' })),
    scopes: Type.Optional(
      Type.Array(Type.String({ maxLength: 64 }), {
        maxItems: 50,
        description: `Bắt buộc, ít nhất một / Required, at least one of: ${API_SCOPE_NAMES.join(', ')}`,
      }),
    ),
    expiresAt: Type.Optional(
      Type.Union([
        Type.String({ maxLength: 40, description: 'ISO 8601; null or absent: never' }),
        Type.Null(),
      ]),
    ),
  },
  { additionalProperties: false },
);
const Created = Type.Intersect([
  TokenJson,
  Type.Object({ token: Type.String({ description: 'Chỉ trả về một lần / Returned this once only' }) }),
]);

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function tokenJson(t: ApiTokenView) {
  return {
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    scopes: t.scopes,
    status: t.state,
    createdBy: { username: t.creator_username, name: t.creator_name },
    createdAt: t.created_at.toISOString(),
    expiresAt: iso(t.expires_at),
    lastUsedAt: iso(t.last_used_at),
    revokedAt: iso(t.revoked_at),
    revokedBy: t.revoker_username ? { username: t.revoker_username, name: t.revoker_name ?? '' } : null,
  };
}

export function registerApiTokenApi(app: App, ctx: Pick<AppContext, 'db' | 'clock'>) {
  app.post(
    '/api/v1/api-tokens',
    {
      config: { access: API_TOKEN_ACCESS },
      schema: {
        tags,
        summary: 'Tạo mã truy cập API / Create an API token',
        description:
          'System administrators only, in an officer session. The clear token is in this answer only; ' +
          'motcua keeps its SHA-256. 400 api_token.invalid names each bad field.',
        body: CreateBody,
        response: { 201: Created },
      },
    },
    async (req, reply) => {
      const { token, item } = await createApiToken(ctx, req.principal, req.body);
      return reply.status(201).send({ ...tokenJson(item), token });
    },
  );

  app.get(
    '/api/v1/api-tokens',
    {
      config: { access: API_TOKEN_ACCESS },
      schema: {
        tags,
        summary: 'Danh sách mã truy cập API / List API tokens (newest first)',
        querystring: Type.Object({ after: Type.Optional(Type.String({ maxLength: 200 })) }),
        response: {
          200: Type.Object({ items: Type.Array(TokenJson), next: Type.Union([Type.String(), Type.Null()]) }),
        },
      },
    },
    async (req) => {
      const page = await listApiTokens(ctx, req.principal, req.query.after);
      return { items: page.items.map(tokenJson), next: page.next };
    },
  );

  app.post<{ Params: { id: string } }>(
    '/api/v1/api-tokens/:id/revoke',
    {
      config: { access: API_TOKEN_ACCESS },
      schema: {
        tags,
        summary: 'Thu hồi mã truy cập API / Revoke an API token',
        description:
          'Final: the token answers 401 auth.token_revoked from now on. 409 api_token.already_revoked.',
        params: Type.Object({ id: Type.String() }),
        response: { 200: TokenJson },
      },
    },
    async (req) => {
      if (!isUuid(req.params.id)) throw apiTokenErrors.notFound();
      return tokenJson(await revokeApiToken(ctx, req.principal, req.params.id));
    },
  );
}
