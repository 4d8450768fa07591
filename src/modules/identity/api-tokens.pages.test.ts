import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp } from '../../../test/build-test-app.js';
import { insertCitizen, insertOfficer, sessionCookie } from '../../../test/factories-identity.js';
import { Browser } from '../../../test/officer-browser.js';
import { csrfProbe, postForm } from '../../../test/page-forms.js';
import { hashToken } from './sessions.service.js';

const PAGE = '/quan-tri/api-tokens';
const { app, ctx } = await buildTestApp({ extraRoutes: csrfProbe });
const db = ctx.db;

async function loggedIn(role: 'system_admin' | 'agency_admin' | 'one_stop' | 'inspector') {
  const o = await insertOfficer(db, { grants: [{ role }] });
  const browser = new Browser(app);
  const cookie = await sessionCookie(db, { officerId: o.id });
  browser.jar.set('motcua_sid', cookie.slice('motcua_sid='.length));
  // As after the login form: the browser already holds its CSRF secret cookie.
  await browser.get('/can-bo/doi-mat-khau');
  return { officer: o, browser, cookie };
}

const tokenInput = (html: string) =>
  /<textarea[^>]*id="new-token"[^>]*>[^<]*<\/textarea>/.exec(html)?.[0] ?? '';
const shownToken = (html: string) => />\s*(mc_[^<\s]+)\s*<\/textarea>/.exec(tokenInput(html))?.[1];

describe('API token pages', () => {
  it('creates a token, shows it once with a warning, lists it, and revokes it after confirmation', async () => {
    const { officer, browser } = await loggedIn('system_admin');
    const page = await browser.get(PAGE);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>Mã truy cập API<\/h1>/);
    assert.match(page.body, /Chưa có mã truy cập nào|Các mã đã cấp/);
    for (const scope of ['me', 'dossiers:read', 'sync:dvcqg'])
      assert.ok(page.body.includes(`value="${scope}"`));
    assert.ok(page.body.includes('Đồng bộ hồ sơ và kết quả với Cổng Dịch vụ công quốc gia'));

    const made = await browser.submit(PAGE, PAGE, {
      name: 'Cổng Dịch vụ công quốc gia',
      scopes: 'dossiers:read',
      expiresOn: '',
    });
    assert.equal(made.statusCode, 303);
    assert.equal(made.headers.location, `${PAGE}?xong=created`);
    assert.equal(String(made.headers.location).includes('mc_'), false, 'never in a URL');

    const shown = await browser.get(String(made.headers.location));
    assert.equal(shown.statusCode, 200);
    assert.equal(shown.headers['cache-control'], 'no-store');
    const token = shownToken(shown.body);
    assert.ok(token, 'the token is on the page');
    assert.match(token, /^mc_[A-Za-z0-9_-]{43}$/);
    assert.match(tokenInput(shown.body), /readonly/);
    assert.match(shown.body, /mã chỉ hiện một lần này/);
    assert.match(shown.body, /Đã tạo mã truy cập\./);
    assert.match(shown.body, /<script src="\/quan-tri\/api-tokens\.js" defer>/);
    const row = await db
      .selectFrom('api_tokens')
      .selectAll()
      .where('name', '=', 'Cổng Dịch vụ công quốc gia')
      .executeTakeFirstOrThrow();
    assert.ok(row.token_hash.equals(hashToken(token)));
    assert.equal(row.created_by, officer.id);
    assert.ok(
      shown.body.includes(`<code class="token-prefix">${row.prefix}…</code>`),
      'the list shows the prefix',
    );
    assert.ok(shown.body.includes(officer.username), 'and the creator');

    const again = await browser.get(PAGE);
    assert.equal(shownToken(again.body), undefined, 'shown once only');
    assert.equal(again.body.includes(token), false);

    const confirmPage = await browser.get(`${PAGE}/${row.id}/thu-hoi`);
    assert.equal(confirmPage.statusCode, 200);
    assert.match(confirmPage.body, /Không thể hoàn tác/);
    assert.equal(
      (
        await db
          .selectFrom('api_tokens')
          .select('revoked_at')
          .where('id', '=', row.id)
          .executeTakeFirstOrThrow()
      ).revoked_at,
      null,
      'opening the page revokes nothing',
    );
    const revoked = await browser.submit(`${PAGE}/${row.id}/thu-hoi`, `${PAGE}/${row.id}/thu-hoi`, {});
    assert.equal(revoked.statusCode, 303);
    assert.equal(revoked.headers.location, `${PAGE}?xong=revoked`);
    const after = await browser.get(String(revoked.headers.location));
    assert.match(after.body, /Đã thu hồi mã truy cập\./);
    assert.match(after.body, /Đã thu hồi<\/span>/);
    const stored = await db
      .selectFrom('api_tokens')
      .selectAll()
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow();
    assert.equal(stored.revoked_by, officer.id);
    const me = await app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
    assert.equal(me.statusCode, 401);
    const back = await browser.get(`${PAGE}/${row.id}/thu-hoi`);
    assert.equal(back.statusCode, 303, 'a revoked token has no confirmation page');
  });

  it('re-shows the form with the input and an error per field', async () => {
    const { browser } = await loggedIn('system_admin');
    const res = await browser.submit(PAGE, PAGE, {
      name: 'Hệ thống của Sở Tư pháp',
      expiresOn: '2020-02-30',
    });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /class="error-summary"/);
    assert.match(res.body, /href="#scopes">Chọn ít nhất một phạm vi trong danh sách/);
    assert.match(res.body, /href="#expiresOn">Ngày hết hạn phải là một ngày sau hôm nay/);
    assert.match(res.body, /value="Hệ thống của Sở Tư pháp"/);
    assert.match(res.body, /name="expiresOn" type="date"[^>]*value="2020-02-30"/);
    const kept = await browser.submit(PAGE, PAGE, { name: '', scopes: 'statistics:read' });
    assert.match(kept.body, /href="#name">Nhập tên gợi nhớ/);
    assert.match(kept.body, /value="statistics:read" checked/);
    const count = await db
      .selectFrom('api_tokens')
      .select(db.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(count.n), 1, 'only the first test’s token');
  });

  it('takes an expiry date as the last day of validity, Vietnam time', async () => {
    const { browser } = await loggedIn('system_admin');
    const res = await browser.submit(PAGE, PAGE, {
      name: 'Mã có hạn',
      scopes: 'me',
      expiresOn: '2099-01-01',
    });
    assert.equal(res.statusCode, 400, 'more than three years ahead');
    const next = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
    const ok = await browser.submit(PAGE, PAGE, { name: 'Mã có hạn', scopes: 'me', expiresOn: next });
    assert.equal(ok.statusCode, 303);
    const row = await db
      .selectFrom('api_tokens')
      .selectAll()
      .where('name', '=', 'Mã có hạn')
      .executeTakeFirstOrThrow();
    assert.equal(row.expires_at?.toISOString(), new Date(`${next}T17:00:00Z`).toISOString());
  });

  it('is for system administrators only', async () => {
    const citizen = await insertCitizen(db);
    const citizenCookie = await sessionCookie(db, { citizenId: citizen.id });
    for (const role of ['agency_admin', 'one_stop', 'inspector'] as const) {
      const { cookie } = await loggedIn(role);
      assert.equal((await app.inject({ url: PAGE, headers: { cookie } })).statusCode, 403, role);
      const post = await postForm(app, PAGE, cookie, { name: 'Lén', scopes: 'me' });
      assert.equal(post.statusCode, 403, role);
    }
    assert.equal((await app.inject({ url: PAGE, headers: { cookie: citizenCookie } })).statusCode, 403);
    const anonymous = await app.inject({ url: PAGE });
    assert.equal(anonymous.statusCode, 302);
    assert.match(String(anonymous.headers.location), /^\/can-bo\/dang-nhap\?next=/);
    const count = await db
      .selectFrom('api_tokens')
      .select(db.fn.countAll().as('n'))
      .where('name', '=', 'Lén')
      .executeTakeFirstOrThrow();
    assert.equal(Number(count.n), 0);
  });

  it('links the page from the officer home page of system administrators only', async () => {
    const admin = await loggedIn('system_admin');
    const home = await admin.browser.get('/can-bo');
    assert.match(home.body, /href="\/quan-tri\/api-tokens">Mã truy cập API/);
    const clerk = await loggedIn('one_stop');
    const other = await clerk.browser.get('/can-bo');
    assert.equal(other.statusCode, 200);
    assert.equal(other.body.includes('/quan-tri/api-tokens'), false);
  });

  it('serves the copy script and the stylesheet', async () => {
    const js = await app.inject({ url: '/quan-tri/api-tokens.js' });
    assert.equal(js.statusCode, 200);
    assert.match(String(js.headers['content-type']), /javascript/);
    assert.match(js.body, /navigator\.clipboard\.writeText/);
    const css = await app.inject({ url: '/quan-tri/api-tokens.css' });
    assert.match(css.body, /\.once__field/);
  });
});
