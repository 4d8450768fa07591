import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp } from '../../../test/build-test-app.js';
import {
  insertApiToken,
  insertCitizen,
  insertOfficer,
  sessionCookie,
  TEST_PASSWORD,
} from '../../../test/factories-identity.js';
import { seal, secretBoxKey } from './secret-box.js';
import { newTotpSecret, totpCode } from './totp.js';

const { app, ctx } = await buildTestApp();

const loginApi = (body: Record<string, string>) =>
  app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: body });
const cookieOf = (res: Awaited<ReturnType<typeof loginApi>>) => {
  const c = res.cookies.find((x) => x.name === 'motcua_sid');
  return c ? `motcua_sid=${c.value}` : '';
};
const me = (headers: Record<string, string>) => app.inject({ url: '/api/v1/me', headers });

describe('officer auth API', () => {
  it('logs in, answers /me, logs out', async () => {
    const o = await insertOfficer(ctx.db, { fullName: 'Phạm Thị Hoa', grants: [{ role: 'one_stop' }] });
    const res = await loginApi({ username: o.username, password: TEST_PASSWORD });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), {
      officer: { id: o.id, username: o.username, name: 'Phạm Thị Hoa' },
      mustChangePassword: false,
    });
    const sid = res.cookies.find((c) => c.name === 'motcua_sid');
    assert.equal(sid?.httpOnly, true);
    assert.equal(sid?.sameSite, 'Lax');
    const cookie = cookieOf(res);
    const who = await me({ cookie });
    assert.equal(who.statusCode, 200);
    assert.deepEqual(who.json(), {
      kind: 'officer',
      id: o.id,
      username: o.username,
      name: 'Phạm Thị Hoa',
      grants: [{ agencyId: o.grants[0]!.agencyId, role: 'one_stop' }],
    });
    const out = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie },
      payload: {},
    });
    assert.equal(out.statusCode, 204);
    assert.equal((await me({ cookie })).statusCode, 401);
  });

  it('answers 401 auth.invalid_credentials alike for a wrong password and an unknown user', async () => {
    const o = await insertOfficer(ctx.db, { grants: [{ role: 'one_stop' }] });
    for (const body of [
      { username: o.username, password: 'khong-dung-dau' },
      { username: 'nobody.here', password: TEST_PASSWORD },
    ]) {
      const res = await loginApi(body);
      assert.equal(res.statusCode, 401);
      assert.match(res.headers['content-type'] as string, /application\/problem\+json/);
      assert.equal(res.json().code, 'auth.invalid_credentials');
      assert.equal(res.json().title, 'Tên đăng nhập hoặc mật khẩu không đúng');
      assert.equal(res.cookies.length, 0);
    }
  });

  it('asks for the TOTP code of an officer who has one, and refuses a leader without one', async () => {
    const secret = newTotpSecret();
    const o = await insertOfficer(ctx.db, {
      grants: [{ role: 'system_admin' }],
      totpSecretEnc: seal(secretBoxKey(ctx.serverSecret), secret),
    });
    const none = await loginApi({ username: o.username, password: TEST_PASSWORD });
    assert.equal(none.statusCode, 401);
    assert.equal(none.json().code, 'auth.totp_required');
    const ok = await loginApi({
      username: o.username,
      password: TEST_PASSWORD,
      totp: totpCode(secret, new Date()),
    });
    assert.equal(ok.statusCode, 200);
    const leader = await insertOfficer(ctx.db, { grants: [{ role: 'agency_leader' }] });
    const refused = await loginApi({ username: leader.username, password: TEST_PASSWORD });
    assert.equal(refused.statusCode, 403);
    assert.equal(refused.json().code, 'auth.totp_enrolment_required');
  });

  it('answers 429 auth.locked with Retry-After after 5 failures', async () => {
    const o = await insertOfficer(ctx.db, { grants: [{ role: 'one_stop' }] });
    const codes: number[] = [];
    for (let i = 0; i < 5; i++)
      codes.push((await loginApi({ username: o.username, password: 'sai-sai-sai' })).statusCode);
    assert.deepEqual(codes, [401, 401, 401, 401, 429]);
    const locked = await loginApi({ username: o.username, password: TEST_PASSWORD });
    assert.equal(locked.statusCode, 429);
    assert.equal(locked.json().code, 'auth.locked');
    const retry = Number(locked.headers['retry-after']);
    assert.ok(retry > 800 && retry <= 900, `retry-after ${retry}`);
  });

  it('validates the body (problem+json naming the field)', async () => {
    const res = await loginApi({ username: 'a' });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().code, 'request.validation');
  });

  it('answers /me for a citizen and a token, and refuses a revoked token and nobody', async () => {
    const citizen = await insertCitizen(ctx.db, { fullName: 'Trần Văn Bình' });
    const c = await me({ cookie: await sessionCookie(ctx.db, { citizenId: citizen.id }) });
    assert.deepEqual(c.json(), { kind: 'citizen', id: citizen.id, name: 'Trần Văn Bình', accountType: 1 });
    const token = await insertApiToken(ctx.db, ['dossiers:read']);
    const t = await me({ authorization: token.authorization });
    assert.equal(t.statusCode, 200);
    assert.deepEqual(t.json(), {
      kind: 'token',
      name: 'Cổng Dịch vụ công quốc gia (thử nghiệm)',
      scopes: ['dossiers:read'],
    });
    const revoked = await insertApiToken(ctx.db, ['me'], { revoked: true });
    assert.equal((await me({ authorization: revoked.authorization })).statusCode, 401);
    const anonymous = await me({});
    assert.equal(anonymous.statusCode, 401);
    assert.equal(anonymous.json().code, 'auth.required');
  });

  it('documents the endpoints in OpenAPI', async () => {
    const doc = (await app.inject('/api/openapi.json')).json() as { paths: Record<string, unknown> };
    for (const p of ['/api/v1/auth/login', '/api/v1/auth/logout', '/api/v1/me']) assert.ok(doc.paths[p], p);
  });
});

describe('login attempts from one address', async () => {
  const limited = await buildTestApp({ env: { LOGIN_RATE_LIMIT_MAX: '3' } });
  const post = (url: string, payload: string, headers: Record<string, string>) =>
    limited.app.inject({ method: 'POST', url, payload, headers, remoteAddress: '203.0.113.7' });

  it('are slowed per minute, whatever the usernames: the API and the page each answer 429', async () => {
    const json = { 'content-type': 'application/json' };
    const codes: number[] = [];
    for (const username of ['a.one', 'b.two', 'c.three', 'd.four']) {
      const res = await post(
        '/api/v1/auth/login',
        JSON.stringify({ username, password: 'sai-mat-khau' }),
        json,
      );
      codes.push(res.statusCode);
      if (res.statusCode === 429) {
        assert.ok(Number(res.headers['retry-after']) > 0);
        assert.equal(res.json().code, 'request.rate_limited');
      }
    }
    assert.deepEqual(codes, [401, 401, 401, 429]);

    // The page's form counts on its own; a refusal there is a page in Vietnamese.
    const form = { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' };
    const page: number[] = [];
    let last = '';
    for (let i = 0; i < 4; i++) {
      const res = await post('/can-bo/dang-nhap', 'username=x.y&password=z', form);
      page.push(res.statusCode);
      last = res.body;
    }
    assert.equal(page[3], 429);
    assert.match(last, /Bạn gửi quá nhiều yêu cầu/);

    // Another address is not held back by this one.
    const other = await limited.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'a.one', password: 'sai-mat-khau' },
      remoteAddress: '203.0.113.8',
    });
    assert.equal(other.statusCode, 401);
  });
});
