import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp } from '../../../test/build-test-app.js';
import { insertOfficer, TEST_PASSWORD } from '../../../test/factories-identity.js';
import { auditActions, Browser } from '../../../test/officer-browser.js';
import { fixedClock } from '../../platform/clock.js';
import { open, seal, secretBoxKey } from './secret-box.js';
import { newTotpSecret, totpCode } from './totp.js';

const clock = fixedClock('2026-11-22T02:00:00Z');
const { app, ctx } = await buildTestApp({ clock });
const key = secretBoxKey(ctx.serverSecret);
const LOGIN = '/can-bo/dang-nhap';
const TOTP = '/can-bo/dang-nhap/ma-xac-thuc';
const ENROL = '/can-bo/ma-xac-thuc/dang-ky';

async function login(b: Browser, username: string, password = TEST_PASSWORD, next = '') {
  const page = next ? `${LOGIN}?next=${encodeURIComponent(next)}` : LOGIN;
  return b.submit(page, LOGIN, { username, password, next });
}

async function officerWithTotp(role: 'specialist' | 'agency_leader' = 'agency_leader') {
  const secret = newTotpSecret();
  const o = await insertOfficer(ctx.db, { grants: [{ role }], totpSecretEnc: seal(key, secret) });
  return { ...o, secret };
}

const isLoggedIn = async (b: Browser) => (await b.get('/can-bo')).statusCode === 200;

describe('officer login pages', () => {
  it('shows the login form with a CSRF token and refuses a post without it', async () => {
    const b = new Browser(app);
    const page = await b.get(LOGIN);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<label for="username">Tên đăng nhập<\/label>/);
    assert.match(page.body, /autocomplete="current-password"/);
    const res = await b.post(LOGIN, { username: 'x', password: 'y' });
    assert.equal(res.statusCode, 403);
  });

  it('logs in with the password, lands on /can-bo with name, agency and role, and records it', async () => {
    const o = await insertOfficer(ctx.db, { fullName: 'Lê Văn Tám', grants: [{ role: 'specialist' }] });
    const b = new Browser(app);
    const res = await login(b, o.username);
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/can-bo');
    const home = await b.get('/can-bo');
    assert.equal(home.statusCode, 200);
    assert.match(home.body, /<h1>Lê Văn Tám<\/h1>/);
    assert.match(home.body, /Chuyên viên/);
    const agency = await ctx.db
      .selectFrom('agencies')
      .select('name')
      .where('id', '=', o.grants[0]!.agencyId)
      .executeTakeFirstOrThrow();
    assert.ok(home.body.includes(agency.name), 'agency name shown');
    assert.match(home.body, /href="\/can-bo\/doi-mat-khau"/);
    // The header says who is logged in and offers a logout button (a form with its CSRF token).
    assert.match(home.body, /class="site-user"/);
    assert.match(
      home.body,
      /<form method="post" action="\/can-bo\/dang-xuat"><input type="hidden" name="_csrf"/,
    );
    assert.deepEqual(
      (await auditActions(ctx.db, o.username)).map((a) => a.action),
      ['auth.login'],
    );
  });

  it('returns to a local ?next= path only', async () => {
    const o = await insertOfficer(ctx.db, { grants: [{ role: 'one_stop' }] });
    const local = await login(new Browser(app), o.username, TEST_PASSWORD, '/can-bo/doi-mat-khau?x=1');
    assert.equal(local.headers.location, '/can-bo/doi-mat-khau?x=1');
    const foreign = await login(new Browser(app), o.username, TEST_PASSWORD, '//evil.example/');
    assert.equal(foreign.headers.location, '/can-bo');
  });

  it('gives the same answer for a wrong password and an unknown username', async () => {
    const o = await insertOfficer(ctx.db, { grants: [{ role: 'specialist' }] });
    const wrong = await login(new Browser(app), o.username, 'sai-mat-khau-roi');
    const unknown = await login(new Browser(app), 'khong.ton.tai', TEST_PASSWORD);
    for (const res of [wrong, unknown]) {
      assert.equal(res.statusCode, 401);
      assert.match(res.body, /Tên đăng nhập hoặc mật khẩu không đúng/);
      assert.match(res.body, /class="error-summary"/);
      assert.match(res.body, /href="#username"/);
    }
    const strip = (s: string) =>
      s.replace(/name="_csrf" value="[^"]+"/, '').replace(/value="[^"]*" spellcheck/g, '');
    assert.equal(strip(wrong.body), strip(unknown.body).replace('khong.ton.tai', o.username));
    const failed = await auditActions(ctx.db, o.username);
    assert.deepEqual(
      failed.map((a) => [a.action, (a.details as { reason: string }).reason]),
      [['auth.login_failed', 'wrong_password']],
    );
    assert.equal((await auditActions(ctx.db, 'khong.ton.tai'))[0]?.action, 'auth.login_failed');
  });

  it('asks for the TOTP code, rotates the token, and never accepts a code twice', async () => {
    const o = await officerWithTotp('specialist');
    const b = new Browser(app);
    const first = await login(b, o.username, TEST_PASSWORD, '/can-bo?a=1');
    assert.equal(first.headers.location, `${TOTP}?next=${encodeURIComponent('/can-bo?a=1')}`);
    const halfToken = b.sessionToken;
    assert.ok(halfToken);
    assert.equal(await isLoggedIn(b), false, 'a half session is nobody');
    const wrong = await b.submit(TOTP, TOTP, {
      code: '000000' === totpCode(o.secret, clock.now()) ? '111111' : '000000',
    });
    assert.equal(wrong.statusCode, 401);
    assert.match(wrong.body, /Mã xác thực không đúng/);
    const code = totpCode(o.secret, clock.now());
    const ok = await b.submit(TOTP, TOTP, { code, next: '/can-bo?a=1' });
    assert.equal(ok.statusCode, 303);
    assert.equal(ok.headers.location, '/can-bo?a=1');
    assert.notEqual(b.sessionToken, halfToken, 'a new token after the second step');
    assert.equal(await isLoggedIn(b), true);
    const half = await ctx.db
      .selectFrom('sessions')
      .select(['ended_at', 'end_reason', 'stage'])
      .where('officer_id', '=', o.id)
      .orderBy('created_at')
      .execute();
    assert.equal(half[0]?.stage, 'password');
    assert.equal(half[0]?.end_reason, 'promoted');
    // The same code again, in another login: refused.
    const again = new Browser(app);
    await login(again, o.username);
    const replay = await again.submit(TOTP, TOTP, { code });
    assert.equal(replay.statusCode, 401);
    const actions = (await auditActions(ctx.db, o.username)).map((a) => a.action);
    assert.deepEqual(actions, ['auth.login_failed', 'auth.login', 'auth.login_failed']);
  });

  it('sends a leader without TOTP to enrolment with a QR code, then logs in after the first code', async () => {
    const o = await insertOfficer(ctx.db, { grants: [{ role: 'agency_leader' }] });
    const b = new Browser(app);
    const res = await login(b, o.username);
    assert.equal(res.headers.location, ENROL);
    assert.equal(await isLoggedIn(b), false);
    const page = await b.get(ENROL);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<img class="qr" src="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+" alt="[^"]+"/);
    const row = await ctx.db
      .selectFrom('officers')
      .select(['totp_secret_enc', 'totp_enabled_at'])
      .where('id', '=', o.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.totp_enabled_at, null);
    const secret = open(key, row.totp_secret_enc ?? '');
    assert.ok(page.body.includes(secret.slice(0, 4)), 'secret shown in text');
    assert.ok(!(row.totp_secret_enc ?? '').includes(secret), 'stored sealed');
    const again = await b.get(ENROL);
    assert.ok(again.body.includes(secret.slice(4, 8)), 'the same secret on reload');
    const bad = await b.submit(ENROL, ENROL, { code: 'abc' });
    assert.equal(bad.statusCode, 400);
    const ok = await b.submit(ENROL, ENROL, { code: totpCode(secret, clock.now()) });
    assert.equal(ok.statusCode, 303);
    assert.equal(ok.headers.location, '/can-bo');
    assert.equal(await isLoggedIn(b), true);
    const actions = (await auditActions(ctx.db, o.username)).map((a) => a.action);
    assert.deepEqual(actions, ['auth.totp_enrolled', 'auth.login']);
  });

  it('locks a username after 5 failures for 15 minutes, known or not, with the time to come back', async () => {
    const o = await insertOfficer(ctx.db, { grants: [{ role: 'specialist' }] });
    for (const username of [o.username, 'chua.co.ai']) {
      const answers: number[] = [];
      for (let i = 0; i < 5; i++)
        answers.push((await login(new Browser(app), username, 'sai-mat-khau-nhe')).statusCode);
      assert.deepEqual(answers, [401, 401, 401, 401, 429]);
      const locked = await login(new Browser(app), username, TEST_PASSWORD);
      assert.equal(locked.statusCode, 429);
      // 02:00 UTC is 09:00 in Vietnam: locked until 09:15.
      assert.match(locked.body, /Bạn đã nhập sai quá nhiều lần. Vui lòng thử lại sau 09:15/);
    }
    assert.ok((await auditActions(ctx.db, o.username)).some((a) => a.action === 'auth.locked'));
    clock.advance(15 * 60_000);
    try {
      const res = await login(new Browser(app), o.username);
      assert.equal(res.statusCode, 303);
      const row = await ctx.db
        .selectFrom('officers')
        .select(['failed_logins', 'locked_until'])
        .where('id', '=', o.id)
        .executeTakeFirstOrThrow();
      assert.deepEqual(row, { failed_logins: 0, locked_until: null });
    } finally {
      clock.set('2026-11-22T02:00:00Z');
    }
  });

  it('counts wrong TOTP codes towards the lockout', async () => {
    const o = await officerWithTotp();
    const b = new Browser(app);
    await login(b, o.username);
    const current = totpCode(o.secret, clock.now());
    const bad = current === '123456' ? '654321' : '123456';
    const answers: number[] = [];
    for (let i = 0; i < 5; i++) answers.push((await b.submit(TOTP, TOTP, { code: bad })).statusCode);
    assert.deepEqual(answers, [401, 401, 401, 401, 429]);
    const right = await b.submit(TOTP, TOTP, { code: current });
    assert.equal(right.statusCode, 429);
  });

  it('ends a session after 30 idle minutes and 12 hours after login', async () => {
    const o = await insertOfficer(ctx.db, { grants: [{ role: 'specialist' }] });
    const idle = new Browser(app);
    await login(idle, o.username);
    const busy = new Browser(app);
    await login(busy, o.username);
    try {
      clock.advance(29 * 60_000);
      assert.equal(await isLoggedIn(busy), true);
      clock.advance(2 * 60_000);
      assert.equal(await isLoggedIn(idle), false, 'idle for 31 minutes');
      for (let i = 0; i < 40 && clock.now() < new Date('2026-11-22T13:59:00Z'); i++) {
        assert.equal(await isLoggedIn(busy), true);
        clock.advance(20 * 60_000);
      }
      clock.set('2026-11-22T14:00:01Z');
      assert.equal(await isLoggedIn(busy), false, 'past 12 hours');
      const reasons = await ctx.db
        .selectFrom('sessions')
        .select('end_reason')
        .where('officer_id', '=', o.id)
        .orderBy('created_at')
        .execute();
      assert.deepEqual(
        reasons.map((r) => r.end_reason),
        ['idle', 'expired'],
      );
    } finally {
      clock.set('2026-11-22T02:00:00Z');
    }
  });

  it('logs out here, and everywhere', async () => {
    const o = await insertOfficer(ctx.db, { grants: [{ role: 'clerk' }] });
    const [a, b, c] = [new Browser(app), new Browser(app), new Browser(app)];
    for (const x of [a, b, c]) await login(x, o.username);
    const out = await a.submit('/can-bo', '/can-bo/dang-xuat', {});
    assert.equal(out.statusCode, 303);
    assert.equal(out.headers.location, LOGIN);
    assert.equal(await isLoggedIn(a), false);
    assert.equal(await isLoggedIn(b), true);
    const all = await b.submit('/can-bo', '/can-bo/dang-xuat-tat-ca', {});
    assert.equal(all.statusCode, 303);
    assert.equal(await isLoggedIn(b), false);
    assert.equal(await isLoggedIn(c), false);
    const actions = (await auditActions(ctx.db, o.username)).map((x) => x.action);
    assert.deepEqual(actions.slice(-2), ['auth.logout', 'auth.logout_all']);
  });

  it('changes the password: checks the rules, ends the other sessions, keeps this one', async () => {
    const o = await insertOfficer(ctx.db, { grants: [{ role: 'specialist' }] });
    await ctx.db.updateTable('officers').set({ must_change_password: true }).where('id', '=', o.id).execute();
    const [me, other] = [new Browser(app), new Browser(app)];
    const res = await login(me, o.username);
    assert.equal(res.headers.location, '/can-bo/doi-mat-khau', 'a forced change comes first');
    await login(other, o.username);
    assert.equal((await me.get('/can-bo')).headers.location, '/can-bo/doi-mat-khau');
    const bad = await me.submit('/can-bo/doi-mat-khau', '/can-bo/doi-mat-khau', {
      current: 'sai',
      new: 'ngan',
      repeat: 'khac',
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /href="#current"/);
    assert.match(bad.body, /ít nhất 12 ký tự/);
    assert.match(bad.body, /không khớp/);
    const newPassword = 'Con đường làng quê 2026';
    const ok = await me.submit('/can-bo/doi-mat-khau', '/can-bo/doi-mat-khau', {
      current: TEST_PASSWORD,
      new: newPassword,
      repeat: newPassword,
    });
    assert.equal(ok.statusCode, 303);
    assert.equal(await isLoggedIn(me), true);
    assert.equal(await isLoggedIn(other), false);
    assert.match((await me.get('/can-bo?mat-khau=doi')).body, /Đã đổi mật khẩu/);
    assert.equal((await login(new Browser(app), o.username)).statusCode, 401);
    assert.equal((await login(new Browser(app), o.username, newPassword)).statusCode, 303);
    assert.ok((await auditActions(ctx.db, o.username)).some((a) => a.action === 'auth.password_changed'));
  });

  it('lets an officer without a required second factor turn TOTP on from the landing page', async () => {
    const o = await insertOfficer(ctx.db, { grants: [{ role: 'one_stop' }] });
    const b = new Browser(app);
    assert.equal((await login(b, o.username)).headers.location, '/can-bo');
    assert.match((await b.get('/can-bo')).body, /href="\/can-bo\/ma-xac-thuc\/dang-ky"/);
    await b.get(ENROL);
    const row = await ctx.db
      .selectFrom('officers')
      .select('totp_secret_enc')
      .where('id', '=', o.id)
      .executeTakeFirstOrThrow();
    const ok = await b.submit(ENROL, ENROL, {
      code: totpCode(open(key, row.totp_secret_enc ?? ''), clock.now()),
    });
    assert.equal(ok.headers.location, '/can-bo?xac-thuc=bat');
    assert.match((await b.get('/can-bo?xac-thuc=bat')).body, /Đã bật xác thực hai lớp/);
    assert.equal((await login(new Browser(app), o.username)).headers.location, TOTP);
  });
});
