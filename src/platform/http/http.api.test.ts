import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { buildTestApp } from '../../../test/build-test-app.js';
import { createTestDatabase } from '../../../test/database.js';
import { AppError } from '../errors.js';

const PUBLIC = { config: { access: 'public' as const } };

/** Probe routes that exercise the platform: a failing route, a validated JSON route, a form. */
const probes = (app: import('./app-type.js').App) => {
  app.get('/api/v1/probe/boom', PUBLIC, async () => {
    throw new Error('secret detail: password=hunter2 at /srv/motcua');
  });
  app.get('/probe/boom', PUBLIC, async () => {
    throw new Error('secret detail: password=hunter2');
  });
  app.get('/api/v1/probe/conflict', PUBLIC, async () => {
    throw new AppError('conflict', 'probe.changed', {
      vi: 'Đã bị người khác thay đổi',
      en: 'Changed by someone else',
    });
  });
  app.post(
    '/api/v1/probe/echo',
    {
      ...PUBLIC,
      schema: {
        body: {
          type: 'object',
          required: ['name'],
          properties: { name: { type: 'string', minLength: 1 } },
          additionalProperties: false,
        },
      },
    },
    async (req) => ({ got: req.body }),
  );
  app.get('/probe/form', PUBLIC, async (_req, reply) => ({ token: reply.generateCsrf() }));
  // A page with two forms (the header's logout button and the page's own), on a first visit.
  app.get('/probe/two-forms', PUBLIC, async (_req, reply) => ({
    tokens: [reply.generateCsrf(), reply.generateCsrf()],
  }));
  app.post('/probe/form', PUBLIC, async (req) => ({ ok: true, body: req.body }));
};

describe('HTTP platform', async () => {
  const { app } = await buildTestApp({ extraRoutes: probes });

  it('answers /healthz and /readyz', async () => {
    assert.deepEqual((await app.inject('/healthz')).json(), { status: 'ok' });
    const ready = await app.inject('/readyz');
    assert.equal(ready.statusCode, 200);
    assert.deepEqual(ready.json(), { status: 'ready' });
  });

  it('serves Prometheus metrics with HTTP and pool figures', async () => {
    await app.inject('/healthz');
    const res = await app.inject('/metrics');
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['content-type'] as string, /text\/plain/);
    assert.match(
      res.body,
      /motcua_http_request_duration_seconds_count\{method="GET",route="\/healthz",status_code="200"\} \d+/,
    );
    assert.match(res.body, /motcua_db_pool_connections \d+/);
    assert.match(res.body, /motcua_db_pool_waiting 0/);
    assert.match(res.body, /motcua_process_cpu_seconds_total/);
  });

  it('publishes OpenAPI for /api routes only, and the docs UI', async () => {
    const doc = (await app.inject('/api/openapi.json')).json() as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    assert.equal(doc.openapi, '3.1.0');
    assert.ok(doc.paths['/api/v1/probe/echo'], 'API route documented');
    assert.equal(doc.paths['/'], undefined, 'pages are not API');
    assert.equal(doc.paths['/probe/form'], undefined);
    const ui = await app.inject('/api/docs/');
    assert.equal(ui.statusCode, 200);
    assert.match(ui.body, /swagger/i);
  });

  it('answers unknown API paths with problem+json and a request id', async () => {
    const res = await app.inject({ url: '/api/v1/nope', headers: { 'x-request-id': 'trace-123' } });
    assert.equal(res.statusCode, 404);
    assert.match(res.headers['content-type'] as string, /^application\/problem\+json/);
    assert.equal(res.headers['x-request-id'], 'trace-123');
    const body = res.json();
    assert.equal(body.code, 'request.not_found');
    assert.equal(body.status, 404);
    assert.equal(body.requestId, 'trace-123');
    assert.equal(body.title, 'Không tìm thấy');
  });

  it('gives an AppError its status and stable code, in the chosen language', async () => {
    const res = await app.inject('/api/v1/probe/conflict?lang=en');
    assert.equal(res.statusCode, 409);
    assert.equal(res.json().code, 'probe.changed');
    assert.equal(res.json().title, 'Changed by someone else');
    assert.equal(res.json().detail, 'Đã bị người khác thay đổi / Changed by someone else');
  });

  it('hides everything internal in a 500, for the API and for pages', async () => {
    const api = await app.inject('/api/v1/probe/boom');
    assert.equal(api.statusCode, 500);
    assert.equal(api.json().code, 'internal');
    assert.doesNotMatch(api.body, /secret|hunter2|srv|stack/);
    assert.ok(api.json().requestId);
    const page = await app.inject('/probe/boom');
    assert.equal(page.statusCode, 500);
    assert.match(page.headers['content-type'] as string, /text\/html/);
    assert.match(page.body, /Đã có lỗi xảy ra/);
    assert.match(page.body, new RegExp(String(page.headers['x-request-id'])));
    assert.doesNotMatch(page.body, /secret|hunter2/);
  });

  it('validates bodies and names each bad field', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/probe/echo', payload: { name: '' } });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().code, 'request.validation');
    assert.equal(res.json().errors[0].field, 'name');
    const ok = await app.inject({
      method: 'POST',
      url: '/api/v1/probe/echo',
      payload: { name: 'Nguyễn Văn A' },
    });
    assert.deepEqual(ok.json(), { got: { name: 'Nguyễn Văn A' } });
  });

  it('refuses non-JSON unsafe API calls (no cross-site form posts to the API)', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/probe/echo',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'name=x',
    });
    assert.equal(res.statusCode, 415);
    assert.equal(res.json().code, 'request.json_required');
  });

  it('protects HTML forms with a CSRF token', async () => {
    const missing = await app.inject({
      method: 'POST',
      url: '/probe/form',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      payload: 'x=1',
    });
    assert.equal(missing.statusCode, 403);
    assert.match(missing.body, /Biểu mẫu đã hết hạn/);
    const form = await app.inject('/probe/form');
    const token = form.json().token as string;
    const cookie = form.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const forged = await app.inject({
      method: 'POST',
      url: '/probe/form',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      payload: `_csrf=${encodeURIComponent(`${token}x`)}&x=1`,
    });
    assert.equal(forged.statusCode, 403);
    const ok = await app.inject({
      method: 'POST',
      url: '/probe/form',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      payload: `_csrf=${encodeURIComponent(token)}&x=1`,
    });
    assert.equal(ok.statusCode, 200);
    assert.equal(ok.json().body.x, '1');
  });

  it('gives every form of one first-visit page a token that the one secret cookie accepts', async () => {
    const page = await app.inject('/probe/two-forms');
    assert.equal(page.cookies.filter((c) => c.name === '_csrf').length, 1);
    const cookie = page.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    for (const token of page.json().tokens as string[]) {
      const res = await app.inject({
        method: 'POST',
        url: '/probe/form',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
        payload: `_csrf=${encodeURIComponent(token)}&x=1`,
      });
      assert.equal(res.statusCode, 200);
    }
  });

  it('sends security headers', async () => {
    const res = await app.inject('/');
    const csp = res.headers['content-security-policy'] as string;
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /script-src 'self'/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.equal(res.headers['referrer-policy'], 'no-referrer');
  });

  it('compresses pages for slow links', async () => {
    const res = await app.inject({ url: '/', headers: { 'accept-encoding': 'gzip' } });
    assert.equal(res.headers['content-encoding'], 'gzip');
    assert.match(gunzipSync(res.rawPayload).toString('utf8'), /<html lang="vi">/);
  });

  it('serves the stylesheet with caching', async () => {
    const res = await app.inject('/assets/app.css');
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['content-type'] as string, /text\/css/);
    assert.match(res.headers['cache-control'] as string, /max-age=86400/);
  });
});

describe('rate limiting', async () => {
  const { app } = await buildTestApp({ env: { RATE_LIMIT_MAX: '3' } });

  it('answers 429 with Retry-After past the limit, and never limits health checks', async () => {
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await app.inject('/api/v1/nothing')).statusCode);
    assert.deepEqual(codes, [404, 404, 404, 429]);
    const limited = await app.inject('/api/v1/nothing');
    assert.equal(limited.json().code, 'request.rate_limited');
    assert.ok(limited.headers['retry-after']);
    for (let i = 0; i < 5; i++) assert.equal((await app.inject('/readyz?probe=lb')).statusCode, 200);
  });
});

describe('/readyz', async () => {
  it('is 503 while migrations are pending', async () => {
    const database = await createTestDatabase({ migrated: false });
    const { app } = await buildTestApp({ database });
    const res = await app.inject('/readyz');
    assert.equal(res.statusCode, 503);
    assert.equal(res.json().status, 'migrations_pending');
    assert.ok(res.json().pending.includes('0001_platform.sql'));
  });

  it('is 503 when an applied migration was edited on disk', async () => {
    const database = await createTestDatabase();
    await database.pool.query(
      "UPDATE schema_migrations SET checksum = 'edited' WHERE name = '0001_platform.sql'",
    );
    const { app } = await buildTestApp({ database });
    const res = await app.inject('/readyz');
    assert.equal(res.statusCode, 503);
    assert.equal(res.json().status, 'migrations_changed');
  });
});
