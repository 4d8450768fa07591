/**
 * Citizens' login end to end: motcua's relying party (openid-client) against the VNeID sandbox
 * (oidc-provider) in the same app, through HTTP requests as a browser makes them.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { buildTestApp } from '../../../test/build-test-app.js';
import { formAction, OidcBrowser } from '../../../test/oidc-browser.js';
import { fixedClock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { ssoAccessToken } from './citizen-auth.service.js';
import { SANDBOX_ACCOUNTS } from './vneid-sandbox/sandbox-people.js';

const AN = SANDBOX_ACCOUNTS.find((a) => a.key === '022085012345')!;
const BUSINESS = SANDBOX_ACCOUNTS.find((a) => a.accountType === 2)!;
const ORGANISATION = SANDBOX_ACCOUNTS.find((a) => a.accountType === 3)!;
const PICKER = '/vneid-sandbox/dang-nhap/';

/** Start → sandbox account picker → pick → consent → callback → wherever motcua sends the person. */
async function logIn(b: OidcBrowser, sub: string, start = '/dang-nhap/vneid') {
  const picker = await b.open(start);
  assert.equal(picker.statusCode, 200);
  assert.match(picker.body, /KHÔNG PHẢI VNeID thật/);
  const consent = await b.submit(picker, formAction(picker.body, PICKER), { account: sub });
  assert.match(consent.body, /Cho phép chia sẻ thông tin/);
  return b.submit(consent, formAction(consent.body, PICKER), { action: 'allow' });
}

function account(db: Db, type: number, key: string) {
  return db
    .selectFrom('citizen_accounts')
    .selectAll()
    .where('account_type', '=', type)
    .where('account_key', '=', key)
    .executeTakeFirst();
}

function liveSessions(db: Db, citizenId: string) {
  return db
    .selectFrom('sessions')
    .select(['id', 'id_token', 'ended_at', 'end_reason'])
    .where('citizen_id', '=', citizenId)
    .orderBy('created_at')
    .execute();
}

describe('citizen login through the VNeID sandbox', async () => {
  const { app, ctx } = await buildTestApp({ env: { OIDC_ACR_VALUES: 'LoA1' } });
  const db = ctx.db;

  it('logs a citizen in as the person picked, stores the claims, and refreshes them at the next login', async () => {
    const b = new OidcBrowser(app);
    const landed = await logIn(b, AN.sub);
    assert.equal(b.visited.at(-1), '/tai-khoan');
    assert.equal(landed.statusCode, 200);
    assert.match(landed.body, /class="site-user__name"[^>]*>Nguyễn Văn An</);
    assert.match(landed.body, /022085012345/);
    assert.match(landed.body, /14\/03\/1985/);
    assert.match(landed.body, /phường Hạ Long, tỉnh Quảng Ninh/);

    const row = await account(db, 1, AN.key);
    assert.ok(row);
    assert.equal(row.full_name, 'Nguyễn Văn An');
    assert.equal(row.issuer, 'http://localhost:3000/vneid-sandbox');
    assert.equal(row.subject, AN.sub);
    assert.equal(row.loa, 'LoA2');
    assert.equal(row.vneid_verified, true);
    const claims = row.claims as Record<string, unknown>;
    for (const claim of [
      'SoDinhDanh',
      'HoVaTen',
      'NgayThangNamSinh',
      'LoaiTaiKhoan',
      'TechID',
      'loAs',
      'ThuongTru',
      'NoiOHienNay',
      'QueQuan',
      'SoDienThoai',
      'ThuDienTu',
      'GioiTinh',
      'VoChong',
      'ChuHo',
    ]) {
      assert.ok(claim in claims, `claim ${claim} stored`);
    }
    assert.equal(claims.SoDinhDanh, '022085012345');
    const [first] = await liveSessions(db, row.id);
    assert.ok(first?.id_token?.split('.').length === 3, 'the ID token is kept for logout');
    const audit = await db
      .selectFrom('audit_log')
      .select(['action', 'actor_id'])
      .where('actor_label', '=', AN.key)
      .execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ['auth.login'],
    );

    // Someone (or an old version) left stale data; the next login puts back what VNeID says.
    await db
      .updateTable('citizen_accounts')
      .set({ full_name: 'Tên cũ', claims: '{}' })
      .where('id', '=', row.id)
      .execute();
    const before = b.sessionToken;
    const again = await b.open('/dang-nhap/vneid');
    assert.equal(
      b.visited.at(-1),
      '/tai-khoan',
      'the sandbox remembers the person: no picker the second time',
    );
    assert.match(again.body, />Nguyễn Văn An</);
    const refreshed = await account(db, 1, AN.key);
    assert.ok(refreshed);
    assert.equal(refreshed.id, row.id, 'the same account');
    assert.equal(refreshed.full_name, 'Nguyễn Văn An');
    assert.equal((refreshed.claims as Record<string, unknown>).HoVaTen, 'Nguyễn Văn An');
    assert.notEqual(b.sessionToken, before, 'the session token rotates at login');
    const sessions = await liveSessions(db, row.id);
    assert.equal(sessions.length, 2);
    assert.equal(sessions[0]?.end_reason, 'replaced');
    assert.equal(sessions[1]?.ended_at, null);
  });

  it('files a business under its tax code and an organisation under its TechID', async () => {
    const landed = await logIn(new OidcBrowser(app), BUSINESS.sub);
    assert.match(landed.body, />Công ty TNHH Du lịch Vịnh Xanh Hạ Long</);
    assert.match(landed.body, /Mã số thuế<\/dt><dd>5701234566</);
    const business = await account(db, 2, '5701234566');
    assert.equal(business?.full_name, 'Công ty TNHH Du lịch Vịnh Xanh Hạ Long');
    assert.equal(business?.birth_date, null);

    await logIn(new OidcBrowser(app), ORGANISATION.sub);
    const organisation = await account(db, 3, ORGANISATION.sub);
    assert.equal(organisation?.full_name, 'Hội Chữ thập đỏ phường Hồng Gai');
  });

  it('sends PKCE S256, state, nonce and the configured acr_values', async () => {
    const res = await app.inject({ url: '/dang-nhap/vneid' });
    assert.equal(res.statusCode, 303);
    const to = new URL(String(res.headers.location));
    assert.equal(to.pathname, '/vneid-sandbox/auth');
    assert.match(to.searchParams.get('code_challenge') ?? '', /^[A-Za-z0-9_-]{43}$/);
    assert.equal(to.searchParams.get('code_challenge_method'), 'S256');
    assert.equal(to.searchParams.get('acr_values'), 'LoA1');
    assert.equal(to.searchParams.get('scope'), 'openid');
    assert.ok((to.searchParams.get('state') ?? '').length >= 32);
    assert.ok((to.searchParams.get('nonce') ?? '').length >= 32);
    const flow = res.cookies.find((c) => c.name === 'motcua_oidc');
    assert.ok(flow?.httpOnly && flow.path === '/dang-nhap/vneid' && flow.sameSite === 'Lax');
    assert.ok(!flow.value.includes(to.searchParams.get('state') ?? '-'), 'the state is sealed, not readable');
  });

  it('keeps the return path, but only a local one', async () => {
    const b = new OidcBrowser(app);
    await logIn(b, SANDBOX_ACCOUNTS[2]!.sub, '/dang-nhap/vneid?next=%2Ftai-khoan%3Fx%3D1');
    assert.equal(b.visited.at(-1), '/tai-khoan?x=1');
    const b2 = new OidcBrowser(app);
    await logIn(b2, SANDBOX_ACCOUNTS[2]!.sub, '/dang-nhap/vneid?next=%2F%2Fevil.example%2F');
    assert.equal(b2.visited.at(-1), '/tai-khoan');
  });

  it('refuses a callback whose state is not this browser’s, and a replayed one', async () => {
    const b = new OidcBrowser(app);
    await b.get('/dang-nhap/vneid');
    const forged = await b.get('/dang-nhap/vneid/callback?code=abc&state=not-the-state');
    assert.equal(forged.statusCode, 400);
    assert.match(forged.body, /Phiên đăng nhập đã hết hạn hoặc không hợp lệ/);
    assert.match(forged.body, /The login attempt has expired or is not valid/);
    assert.doesNotMatch(forged.body, /at .*\.ts:\d+/);
    assert.equal(b.sessionToken, undefined);

    const noFlow = await new OidcBrowser(app).get('/dang-nhap/vneid/callback?code=abc&state=x');
    assert.equal(noFlow.statusCode, 400);

    const c = new OidcBrowser(app);
    await logIn(c, SANDBOX_ACCOUNTS[3]!.sub);
    const callback = c.visited.find((v) => v.startsWith('/dang-nhap/vneid/callback'))!;
    const replay = await new OidcBrowser(app).get(callback);
    assert.equal(replay.statusCode, 400, 'a stolen callback URL is worthless in another browser');
    const failures = await db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'auth.login_failed')
      .execute();
    assert.ok(failures.length >= 3);
    assert.ok(failures.some((f) => (f.details as { reason?: string }).reason === 'state'));
  });

  it('refuses a code the provider did not issue, without a stack trace', async () => {
    const b = new OidcBrowser(app);
    const start = await b.get('/dang-nhap/vneid');
    const state = new URL(String(start.headers.location)).searchParams.get('state') ?? '';
    const res = await b.get(
      `/dang-nhap/vneid/callback?code=invented-code&state=${encodeURIComponent(state)}`,
    );
    assert.equal(res.statusCode, 502);
    assert.match(res.body, /Không xác minh được kết quả đăng nhập từ VNeID/);
    assert.match(res.body, /could not be verified/);
    assert.doesNotMatch(res.body, /invalid_grant|Error:|node_modules/);
    assert.equal(b.sessionToken, undefined);
    const failure = await db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'auth.login_failed')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    assert.equal((failure.details as { reason: string }).reason, 'exchange');
  });

  it('explains, in Vietnamese and English, a login the person cancelled at VNeID', async () => {
    const b = new OidcBrowser(app);
    const picker = await b.open('/dang-nhap/vneid');
    const english = await b.get(`${b.visited.at(-1)}?lang=en`);
    assert.match(english.body, /VNeID sandbox: choose an account/);
    assert.match(english.body, /NOT the real VNeID/);
    const back = await b.submit(picker, formAction(picker.body, PICKER), { action: 'cancel' });
    assert.match(b.visited.at(-1) ?? '', /^\/dang-nhap\/vneid\/callback\?error=access_denied/);
    assert.equal(back.statusCode, 400);
    assert.match(back.body, /Bạn đã hủy hoặc không cho phép chia sẻ thông tin/);
    assert.match(back.body, /You cancelled or did not allow sharing/);
    assert.equal(b.sessionToken, undefined);

    const d = new OidcBrowser(app);
    const picker2 = await d.open('/dang-nhap/vneid');
    const consent = await d.submit(picker2, formAction(picker2.body, PICKER), {
      account: SANDBOX_ACCOUNTS[4]!.sub,
    });
    const denied = await d.submit(consent, formAction(consent.body, PICKER), { action: 'deny' });
    assert.equal(denied.statusCode, 400);
    assert.match(denied.body, /Bạn đã hủy hoặc không cho phép/);
  });

  it('logs out locally and at the sandbox (RP-initiated logout with id_token_hint)', async () => {
    const b = new OidcBrowser(app);
    const page = await logIn(b, SANDBOX_ACCOUNTS[5]!.sub);
    const row = await account(db, 1, SANDBOX_ACCOUNTS[5]!.key);
    const [session] = await liveSessions(db, row!.id);
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const out = await b.post('/dang-xuat', { _csrf: token });
    assert.equal(out.statusCode, 303);
    const to = new URL(String(out.headers.location));
    assert.equal(to.pathname, '/vneid-sandbox/session/end');
    assert.equal(to.searchParams.get('id_token_hint'), session?.id_token);
    assert.equal(
      to.searchParams.get('post_logout_redirect_uri'),
      'http://localhost:3000/dang-nhap?da-dang-xuat=1',
    );
    const [ended] = await liveSessions(db, row!.id);
    assert.equal(ended?.end_reason, 'logout');
    assert.equal((await b.get('/tai-khoan')).statusCode, 302, 'the local session is gone');

    const confirm = await b.get(String(out.headers.location));
    assert.match(confirm.body, /Đăng xuất khỏi VNeID thử nghiệm\?/);
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(confirm.body)?.[1];
    const action = /<form[^>]*action="([^"]+)"/.exec(
      confirm.body.replace(/<header[\s\S]*<\/header>/, ''),
    )?.[1];
    assert.ok(xsrf && action);
    const back = await b.follow(await b.post(action, { xsrf, logout: 'yes' }));
    assert.equal(b.visited.at(-1), '/dang-nhap?da-dang-xuat=1');
    assert.match(back.body, /Bạn đã đăng xuất/);
    const picker = await b.open('/dang-nhap/vneid');
    assert.match(picker.body, /VNeID thử nghiệm: chọn tài khoản/, 'the sandbox session ended too');
  });

  it('keeps the SSO access token sealed on the session, usable at userinfo until it expires', async () => {
    const person = SANDBOX_ACCOUNTS[1]!;
    const b = new OidcBrowser(app);
    const page = await logIn(b, person.sub);
    const citizen = await account(db, person.accountType, person.key);
    assert.ok(citizen);
    const row = await db
      .selectFrom('sessions')
      .select(['id', 'created_at', 'access_token_enc', 'access_token_expires_at'])
      .where('citizen_id', '=', citizen.id)
      .where('ended_at', 'is', null)
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    assert.match(row.access_token_enc ?? '', /^v1\./, 'sealed with the secret box');
    const expiresAt = row.access_token_expires_at;
    assert.ok(expiresAt, 'the expiry the SSO gave (expires_in) is kept');
    const lifetime = (expiresAt.getTime() - row.created_at.getTime()) / 1000;
    assert.ok(lifetime > 590 && lifetime <= 601, `the sandbox's 10-minute access tokens: ${lifetime} s`);

    const who = { id: citizen.id, sessionId: row.id };
    const token = await ssoAccessToken(ctx, who);
    assert.ok(token && token.length >= 20);
    assert.ok(!row.access_token_enc?.includes(token), 'never stored in clear');
    const metadata = (
      await app.inject({ url: '/vneid-sandbox/.well-known/openid-configuration' })
    ).json() as { userinfo_endpoint: string };
    const userinfo = await app.inject({
      url: new URL(metadata.userinfo_endpoint).pathname,
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(userinfo.statusCode, 200, 'the token read back is the one the SSO accepts');
    assert.equal((userinfo.json() as { sub: string }).sub, person.sub);

    assert.equal(await ssoAccessToken(ctx, { ...who, id: AN.sub }), null, 'only for its own citizen');
    const at = (ms: number) => ({ ...ctx, clock: fixedClock(new Date(expiresAt.getTime() + ms)) });
    assert.equal(await ssoAccessToken(at(-1000), who), token, 'still valid a second before its expiry');
    assert.equal(await ssoAccessToken(at(0), who), null, 'expired');
    assert.equal(
      await ssoAccessToken({ ...ctx, serverSecret: 'another-secret-another-secret-another' }, who),
      null,
      'unreadable under another server secret',
    );

    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    await b.post('/dang-xuat', { _csrf: csrf });
    assert.equal(await ssoAccessToken(ctx, who), null, 'gone with the session');
    const ended = await db
      .selectFrom('sessions')
      .select(['access_token_enc', 'access_token_expires_at', 'end_reason'])
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(ended, { access_token_enc: null, access_token_expires_at: null, end_reason: 'logout' });
  });
});

describe('the VNeID sandbox shared by two web processes on one database', async () => {
  // Two `motcua serve` processes: one database, one DATA_DIR (the sandbox's signing key), one secret.
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'motcua-shared-'));
  after(() => fs.rm(dataDir, { recursive: true, force: true }));
  const a = await buildTestApp({ env: { DATA_DIR: dataDir } });
  const b = await buildTestApp({ database: a.database, env: { DATA_DIR: dataDir } });

  /** A browser on another process, with this one's cookies. */
  function moveTo(from: OidcBrowser, app: typeof a.app) {
    const to = new OidcBrowser(app);
    for (const [name, cookie] of from.jar) to.jar.set(name, cookie);
    return to;
  }

  it('lets a login started on one process go on at the other, both ways', async () => {
    const onA = new OidcBrowser(a.app);
    const picker = await onA.open('/dang-nhap/vneid');
    const consent = await onA.submit(picker, formAction(picker.body, PICKER), { account: AN.sub });
    assert.match(consent.body, /Cho phép chia sẻ thông tin/);
    const models = await a.ctx.db.selectFrom('oidc_sandbox_store').select('model').distinct().execute();
    assert.deepEqual(models.map((m) => m.model).sort(), ['Interaction', 'Session']);

    // Consent given on B: B resumes A's interaction, with A's sandbox session, and issues the code.
    const onB = moveTo(onA, b.app);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(consent.body)![1]!;
    let res = await onB.post(formAction(consent.body, PICKER), { action: 'allow', _csrf: csrf });
    for (let i = 0; i < 10 && res.statusCode === 303 && !onB.visited.at(-1)?.includes('callback'); i++) {
      const to = String(res.headers.location);
      if (new URL(to, 'http://x').pathname === '/dang-nhap/vneid/callback') break;
      res = await onB.get(to);
    }
    const callback = new URL(String(res.headers.location));
    assert.equal(callback.pathname, '/dang-nhap/vneid/callback');
    assert.ok(callback.searchParams.get('code'));

    // The callback reaches A: A redeems at its own token endpoint a code B issued.
    const backOnA = moveTo(onB, a.app);
    const landed = await backOnA.follow(await backOnA.get(callback.href));
    assert.equal(backOnA.visited.at(-1), '/tai-khoan');
    assert.match(landed.body, />Nguyễn Văn An</);
    const codes = await a.ctx.db
      .selectFrom('oidc_sandbox_store')
      .select(['consumed_at'])
      .where('model', '=', 'AuthorizationCode')
      .execute();
    assert.equal(codes.length, 1);
    assert.ok(codes[0]?.consumed_at, 'the code is consumed: a replay at either process fails');

    // A new login from B finds the sandbox session A started: no account picker.
    const again = moveTo(backOnA, b.app);
    const second = await again.open('/dang-nhap/vneid');
    assert.equal(again.visited.at(-1), '/tai-khoan', 'the sandbox remembers the person on B');
    assert.match(second.body, />Nguyễn Văn An</);
  });
});

describe('citizen login with PKCE off', async () => {
  const { app } = await buildTestApp({ env: { OIDC_PKCE: 'false' } });

  it('sends no code_challenge and still logs the person in', async () => {
    const res = await app.inject({ url: '/dang-nhap/vneid' });
    const to = new URL(String(res.headers.location));
    assert.equal(to.searchParams.get('code_challenge'), null);
    assert.equal(to.searchParams.get('code_challenge_method'), null);
    assert.equal(to.searchParams.get('acr_values'), null);
    const b = new OidcBrowser(app);
    const landed = await logIn(b, AN.sub);
    assert.match(landed.body, />Nguyễn Văn An</);
  });
});

describe('citizen login outside demo mode without an SSO configured', async () => {
  const { app } = await buildTestApp({ env: { DEMO: 'false' } });

  it('mounts no sandbox and says citizen login is unavailable', async () => {
    const discovery = await app.inject({ url: '/vneid-sandbox/.well-known/openid-configuration' });
    assert.equal(discovery.statusCode, 404);
    const page = await app.inject({ url: '/dang-nhap' });
    assert.match(page.body, /Đăng nhập bằng VNeID chưa được cấu hình/);
    const start = await app.inject({ url: '/dang-nhap/vneid' });
    assert.equal(start.statusCode, 503);
  });
});

/** A port nobody listens on right now (the app takes it a moment later). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

describe('citizen login against an SSO reached over the network', async () => {
  // OIDC_ISSUER set: motcua treats the sandbox as any external SSO (real HTTP, no in-process shortcut).
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const { app, ctx } = await buildTestApp({
    env: {
      BASE_URL: base,
      OIDC_ISSUER: `${base}/vneid-sandbox`,
      OIDC_CLIENT_SECRET: 'mot-bi-mat-rieng-cho-thu-nghiem-qua-mang',
    },
  });
  await app.listen({ port, host: '127.0.0.1' });

  it('discovers the SSO, exchanges the code and reads userinfo over HTTP', async () => {
    const b = new OidcBrowser(app);
    const landed = await logIn(b, BUSINESS.sub);
    assert.match(landed.body, />Công ty TNHH Du lịch Vịnh Xanh Hạ Long</);
    const row = await account(ctx.db, 2, BUSINESS.key);
    assert.equal(row?.issuer, `${base}/vneid-sandbox`);
  });
});

describe('citizen login when the SSO cannot be reached', async () => {
  const { app } = await buildTestApp({
    env: {
      DEMO: 'false',
      OIDC_ISSUER: 'http://127.0.0.1:9/sso',
      OIDC_CLIENT_ID: 'motcua',
      OIDC_CLIENT_SECRET: 'khong-dung-den-trong-thu-nghiem-nay',
    },
  });

  it('says so in Vietnamese and English, and tries again at the next login', async () => {
    for (const attempt of [1, 2]) {
      const res = await app.inject({ url: '/dang-nhap/vneid' });
      assert.equal(res.statusCode, 502, `attempt ${attempt}`);
      assert.match(res.body, /Hiện không kết nối được với VNeID/);
      assert.match(res.body, /VNeID cannot be reached right now/);
    }
    const page = await app.inject({ url: '/dang-nhap' });
    assert.match(page.body, /Đăng nhập bằng VNeID/);
    assert.doesNotMatch(page.body, /thử nghiệm/, 'no sandbox hint outside demo mode');
  });
});

describe('citizen login in a demo served over https behind a proxy', async () => {
  const { app, ctx } = await buildTestApp({ env: { BASE_URL: 'https://motcua-demo.example.vn' } });

  it('makes every sandbox URL from BASE_URL, whatever the request came through', async () => {
    const discovery = await app.inject({ url: '/vneid-sandbox/.well-known/openid-configuration' });
    const metadata = discovery.json() as Record<string, string>;
    assert.equal(metadata.issuer, 'https://motcua-demo.example.vn/vneid-sandbox');
    for (const key of [
      'authorization_endpoint',
      'token_endpoint',
      'userinfo_endpoint',
      'end_session_endpoint',
    ]) {
      assert.ok(
        metadata[key]?.startsWith('https://motcua-demo.example.vn/vneid-sandbox/'),
        `${key}: ${metadata[key]}`,
      );
    }
    const b = new OidcBrowser(app);
    const landed = await logIn(b, AN.sub);
    assert.match(landed.body, />Nguyễn Văn An</);
    const row = await account(ctx.db, 1, AN.key);
    assert.equal(row?.issuer, 'https://motcua-demo.example.vn/vneid-sandbox');
  });
});
