import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp } from '../../../test/build-test-app.js';
import { insertOfficer, sessionCookie, TEST_PASSWORD } from '../../../test/factories-identity.js';
import { Browser } from '../../../test/officer-browser.js';
import { csrfProbe, postForm } from '../../../test/page-forms.js';
import { PASSWORD_CHANGE_PATH, passwordChangeGate } from './password-gate.js';
import { PASSWORD_PATH } from './views/officer-home.view.js';

describe('passwordChangeGate (pure)', () => {
  const base = { mustChangePassword: true, publicRoute: false, api: false };
  const table: [
    string,
    Partial<Parameters<typeof passwordChangeGate>[0]> & { route: string; method: string },
    string,
  ][] = [
    [
      'no change due: anything goes',
      { mustChangePassword: false, route: '/quan-tri/can-bo', method: 'GET' },
      'pass',
    ],
    ['officer page', { route: '/quan-tri/can-bo', method: 'GET' }, 'redirect'],
    ['officer page with a parameter', { route: '/quan-tri/can-bo/:id', method: 'GET' }, 'redirect'],
    ['HEAD of an officer page', { route: '/can-bo', method: 'HEAD' }, 'redirect'],
    ['form post on an officer page', { route: '/quan-tri/api-tokens', method: 'POST' }, 'redirect'],
    ['the change page itself', { route: '/can-bo/doi-mat-khau', method: 'GET' }, 'pass'],
    ['posting the change', { route: '/can-bo/doi-mat-khau', method: 'POST' }, 'pass'],
    ['logging out', { route: '/can-bo/dang-xuat', method: 'POST' }, 'pass'],
    ['logging out everywhere', { route: '/can-bo/dang-xuat-tat-ca', method: 'POST' }, 'pass'],
    ['a public page', { route: '/', method: 'GET', publicRoute: true }, 'pass'],
    ['API: who am I', { route: '/api/v1/me', method: 'GET', api: true }, 'pass'],
    ['API: logout', { route: '/api/v1/auth/logout', method: 'POST', api: true }, 'pass'],
    ['API: another call', { route: '/api/v1/api-tokens', method: 'GET', api: true }, 'refuse'],
    ['API: POST to /me is not the GET', { route: '/api/v1/me', method: 'POST', api: true }, 'refuse'],
    ['a public API route', { route: '/api/v1/units', method: 'GET', api: true, publicRoute: true }, 'pass'],
  ];
  for (const [name, input, expected] of table) {
    it(name, () => assert.equal(passwordChangeGate({ ...base, ...input }), expected));
  }
  it('sends officers to the page that changes the password', () => {
    assert.equal(PASSWORD_CHANGE_PATH, PASSWORD_PATH);
  });
});

describe('an officer whose password must be changed', async () => {
  const { app, ctx } = await buildTestApp({ extraRoutes: csrfProbe });
  const db = ctx.db;
  const newOfficer = () =>
    insertOfficer(db, { mustChangePassword: true, grants: [{ role: 'system_admin' }, { role: 'one_stop' }] });

  it('is sent to the change page from every officer page, and refused by the officer API', async () => {
    const o = await newOfficer();
    const cookie = await sessionCookie(db, { officerId: o.id });
    for (const url of ['/can-bo', '/quan-tri/can-bo', '/quan-tri/api-tokens', `/quan-tri/can-bo/${o.id}`]) {
      const res = await app.inject({ url, headers: { cookie } });
      assert.equal(res.statusCode, 302, url);
      assert.equal(res.headers.location, '/can-bo/doi-mat-khau', url);
    }
    const post = await postForm(app, '/quan-tri/api-tokens', cookie, { name: 'Lén', scopes: 'me' });
    assert.equal(post.statusCode, 303);
    assert.equal(post.headers.location, '/can-bo/doi-mat-khau');
    assert.equal((await db.selectFrom('api_tokens').select('id').execute()).length, 0, 'nothing created');

    const api = await app.inject({ url: '/api/v1/api-tokens', headers: { cookie } });
    assert.equal(api.statusCode, 403);
    assert.equal(api.json().code, 'auth.password_change_required');
    assert.match(api.json().detail, /phải đổi mật khẩu.*must change your password/);

    const me = await app.inject({ url: '/api/v1/me', headers: { cookie } });
    assert.equal(me.statusCode, 200);
    assert.equal(me.json().id, o.id);
    const page = await app.inject({ url: '/can-bo/doi-mat-khau', headers: { cookie } });
    assert.equal(page.statusCode, 200);
    const home = await app.inject({ url: '/', headers: { cookie } });
    assert.equal(home.statusCode, 200, 'public pages stay open');
  });

  it('may log out, through the page or the API', async () => {
    const o = await newOfficer();
    const cookie = await sessionCookie(db, { officerId: o.id });
    const out = await postForm(app, '/can-bo/dang-xuat', cookie);
    assert.equal(out.statusCode, 303);
    assert.equal(out.headers.location, '/can-bo/dang-nhap');
    const other = await sessionCookie(db, { officerId: o.id });
    const api = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: other },
      payload: {},
    });
    assert.equal(api.statusCode, 204);
  });

  it('gets everything back once the password is changed', async () => {
    const o = await newOfficer();
    const browser = new Browser(app);
    browser.jar.set('motcua_sid', (await sessionCookie(db, { officerId: o.id })).slice('motcua_sid='.length));
    const blocked = await browser.get('/quan-tri/api-tokens');
    assert.equal(blocked.headers.location, '/can-bo/doi-mat-khau');
    // A first visit sets the CSRF secret cookie (a real officer got it from the login form).
    await browser.get('/can-bo/doi-mat-khau');
    const changed = await browser.submit('/can-bo/doi-mat-khau', '/can-bo/doi-mat-khau', {
      current: TEST_PASSWORD,
      new: 'Mat-khau-moi-cua-toi-2026',
      repeat: 'Mat-khau-moi-cua-toi-2026',
    });
    assert.equal(changed.statusCode, 303);
    const open = await browser.get('/quan-tri/api-tokens');
    assert.equal(open.statusCode, 200);
    const api = await app.inject({ url: '/api/v1/api-tokens', headers: { cookie: browser.cookie } });
    assert.equal(api.statusCode, 200);
  });
});
