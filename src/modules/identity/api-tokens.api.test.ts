import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { v7 } from 'uuid';
import { buildTestApp } from '../../../test/build-test-app.js';
import {
  insertApiToken,
  insertCitizen,
  insertOfficer,
  sessionCookie,
} from '../../../test/factories-identity.js';
import { fixedClock } from '../../platform/clock.js';
import { API_SCOPE_NAMES } from '../../platform/http/scopes.js';
import { hashToken } from './sessions.service.js';

const clock = fixedClock('2026-12-04T03:00:00Z');
const { app, ctx } = await buildTestApp({ clock });
const db = ctx.db;

const admin = await insertOfficer(db, { username: 'quantri.api', grants: [{ role: 'system_admin' }] });
const adminCookie = await sessionCookie(db, { officerId: admin.id });

const post = (url: string, headers: Record<string, string>, payload: unknown) =>
  app.inject({
    method: 'POST',
    url,
    headers: { 'idempotency-key': v7(), ...headers },
    payload: payload as object,
  });
const create = (payload: unknown, cookie = adminCookie) => post('/api/v1/api-tokens', { cookie }, payload);
const me = (authorization: string) => app.inject({ url: '/api/v1/me', headers: { authorization } });
const tokenRow = (id: string) =>
  db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('API tokens over HTTP', () => {
  it('creates a token shown once, stores only its hash, and answers /me with it', async () => {
    const res = await create({
      name: '  Cổng  Dịch vụ công quốc gia ',
      scopes: ['sync:dvcqg', 'dossiers:read'],
    });
    assert.equal(res.statusCode, 201);
    const body = res.json();
    assert.match(body.token, /^mc_[A-Za-z0-9_-]{43}$/);
    assert.equal(body.name, 'Cổng Dịch vụ công quốc gia');
    assert.deepEqual(body.scopes, ['dossiers:read', 'sync:dvcqg'], 'in the canonical order');
    assert.equal(body.prefix, body.token.slice(0, 12));
    assert.equal(body.status, 'active');
    assert.deepEqual(body.createdBy, { username: 'quantri.api', name: 'Nguyễn Thị Thu Hà' });
    assert.equal(body.expiresAt, null);

    const row = await tokenRow(body.id);
    assert.ok(!row.token_hash.equals(Buffer.from(body.token)), 'not stored in clear');
    assert.ok(row.token_hash.equals(hashToken(body.token)), 'stored as its SHA-256');
    assert.equal(row.last_used_at, null);

    const list = await app.inject({ url: '/api/v1/api-tokens', headers: { cookie: adminCookie } });
    assert.equal(list.statusCode, 200);
    const listed = list.json().items.find((t: { id: string }) => t.id === body.id);
    assert.equal(listed.name, 'Cổng Dịch vụ công quốc gia');
    assert.equal(JSON.stringify(list.json()).includes(body.token), false, 'the list never shows the token');

    const who = await me(`Bearer ${body.token}`);
    assert.equal(who.statusCode, 200);
    assert.deepEqual(who.json(), {
      kind: 'token',
      name: 'Cổng Dịch vụ công quốc gia',
      scopes: ['dossiers:read', 'sync:dvcqg'],
    });
    assert.deepEqual((await tokenRow(body.id)).last_used_at, clock.now());

    const audit = await db
      .selectFrom('audit_log')
      .select(['action', 'actor_id', 'details'])
      .where('object_id', '=', body.id)
      .execute();
    assert.deepEqual(
      audit.map((a) => [a.action, a.actor_id]),
      [['api_token.created', admin.id]],
    );
    assert.equal(JSON.stringify(audit).includes(body.token), false, 'the audit log never holds the token');
  });

  it('records last use at most once a minute', async () => {
    const { token, id } = (await create({ name: 'Hệ thống một cửa điện tử của Sở', scopes: ['me'] })).json();
    const first = clock.now();
    assert.equal((await me(`Bearer ${token}`)).statusCode, 200);
    clock.advance(30_000);
    assert.equal((await me(`Bearer ${token}`)).statusCode, 200);
    assert.deepEqual((await tokenRow(id)).last_used_at, first, 'not written again within the minute');
    clock.advance(31_000);
    assert.equal((await me(`Bearer ${token}`)).statusCode, 200);
    assert.deepEqual((await tokenRow(id)).last_used_at, clock.now());
  });

  it('revokes: the token answers 401 auth.token_revoked, and a second revoke is 409', async () => {
    const { token, id } = (await create({ name: 'Hệ thống thử thu hồi', scopes: ['me'] })).json();
    assert.equal((await me(`Bearer ${token}`)).statusCode, 200);
    const res = await post(`/api/v1/api-tokens/${id}/revoke`, { cookie: adminCookie }, {});
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().status, 'revoked');
    assert.deepEqual(res.json().revokedBy, { username: 'quantri.api', name: 'Nguyễn Thị Thu Hà' });
    const row = await tokenRow(id);
    assert.equal(row.revoked_by, admin.id);
    assert.deepEqual(row.revoked_at, clock.now());

    const refused = await me(`Bearer ${token}`);
    assert.equal(refused.statusCode, 401);
    assert.equal(refused.json().code, 'auth.token_revoked');
    assert.match(refused.json().detail, /đã bị thu hồi.*has been revoked/);
    assert.match(String(refused.headers['www-authenticate']), /^Bearer error="invalid_token"/);

    const again = await post(`/api/v1/api-tokens/${id}/revoke`, { cookie: adminCookie }, {});
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().code, 'api_token.already_revoked');
    const unknown = await post(`/api/v1/api-tokens/${v7()}/revoke`, { cookie: adminCookie }, {});
    assert.equal(unknown.statusCode, 404);
    const actions = await db.selectFrom('audit_log').select('action').where('object_id', '=', id).execute();
    assert.deepEqual(
      actions.map((a) => a.action),
      ['api_token.created', 'api_token.revoked'],
    );
  });

  it('refuses an expired token with 401 auth.token_expired, from the instant of expiry', async () => {
    const { token } = (
      await create({ name: 'Mã ngắn hạn', scopes: ['me'], expiresAt: '2026-12-05T03:00:00Z' })
    ).json();
    assert.equal((await me(`Bearer ${token}`)).statusCode, 200);
    clock.set('2026-12-05T03:00:00Z');
    const refused = await me(`Bearer ${token}`);
    assert.equal(refused.statusCode, 401);
    assert.equal(refused.json().code, 'auth.token_expired');
    assert.match(refused.json().detail, /hết hạn.*expired/);
    clock.set('2026-12-04T03:00:00Z');
    const inserted = await insertApiToken(db, ['me'], { expiresAt: new Date('2026-12-01T00:00:00Z') });
    assert.equal((await me(inserted.authorization)).json().code, 'auth.token_expired');
  });

  it('refuses an unknown token with 401 auth.token_invalid, but a public route ignores it', async () => {
    const refused = await me(`Bearer mc_${'x'.repeat(43)}`);
    assert.equal(refused.statusCode, 401);
    assert.equal(refused.json().code, 'auth.token_invalid');
    assert.equal((await me('Basic dXNlcjpwYXNz')).json().code, 'auth.token_invalid');
    const health = await app.inject({
      url: '/healthz',
      headers: { authorization: 'Bearer nonsense-token-value-xyz' },
    });
    assert.equal(health.statusCode, 200);
  });

  it('explains each bad field of a new token', async () => {
    const res = await create({ name: ' ', scopes: ['dossiers:delete'], expiresAt: '2020-01-01T00:00:00Z' });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().code, 'api_token.invalid');
    assert.deepEqual(
      res.json().errors.map((e: { field: string }) => e.field),
      ['name', 'scopes', 'expiresAt'],
    );
    assert.match(res.json().errors[1].messages.vi, /dossiers:delete/);
    const none = await create({ name: 'Không phạm vi', scopes: [] });
    assert.equal(none.json().errors[0].messages.en, 'Choose at least one scope from the list');
    const tooLong = await create({ name: 'Quá xa', scopes: ['me'], expiresAt: '2031-01-01T00:00:00Z' });
    assert.equal(tooLong.statusCode, 400);
  });

  it('lets only a system administrator in an officer session manage tokens', async () => {
    const agencyAdmin = await insertOfficer(db, { grants: [{ role: 'agency_admin' }] });
    const inspector = await insertOfficer(db, { grants: [{ role: 'inspector' }] });
    const citizen = await insertCitizen(db);
    const everything = await insertApiToken(db, [...API_SCOPE_NAMES]);
    const body = { name: 'Thử', scopes: ['me'] };
    for (const [label, headers] of [
      ['agency admin', { cookie: await sessionCookie(db, { officerId: agencyAdmin.id }) }],
      ['inspector', { cookie: await sessionCookie(db, { officerId: inspector.id }) }],
      ['citizen', { cookie: await sessionCookie(db, { citizenId: citizen.id }) }],
      ['a token with every scope cannot mint tokens', { authorization: everything.authorization }],
    ] as const) {
      const made = await post('/api/v1/api-tokens', headers, body);
      assert.equal(made.statusCode, 403, label);
      assert.equal(made.json().code, 'auth.forbidden', label);
      const listed = await app.inject({ url: '/api/v1/api-tokens', headers });
      assert.equal(listed.statusCode, 403, label);
      const revoked = await post(`/api/v1/api-tokens/${everything.id}/revoke`, headers, {});
      assert.equal(revoked.statusCode, 403, label);
    }
    assert.equal((await app.inject({ url: '/api/v1/api-tokens' })).statusCode, 401);
    assert.equal((await tokenRow(everything.id)).revoked_at, null);
  });

  it('lets every scope of the one list call /me, and routes name only scopes of that list', async () => {
    for (const scope of API_SCOPE_NAMES) {
      const t = await insertApiToken(db, [scope]);
      assert.equal((await me(t.authorization)).statusCode, 200, scope);
    }
    const named = app.declaredRoutes.flatMap((r) =>
      r.access !== 'public' ? [...(r.access.token ?? [])] : [],
    );
    assert.ok(named.length >= API_SCOPE_NAMES.length);
    for (const scope of named) assert.ok((API_SCOPE_NAMES as readonly string[]).includes(scope), scope);
  });

  it('documents the endpoints in OpenAPI', async () => {
    const doc = (await app.inject('/api/openapi.json')).json() as { paths: Record<string, unknown> };
    for (const p of ['/api/v1/api-tokens', '/api/v1/api-tokens/{id}/revoke']) assert.ok(doc.paths[p], p);
  });
});
