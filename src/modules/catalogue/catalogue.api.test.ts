/** The procedure API: search, facets, a procedure now and at a past instant; 200, 400, 404, OpenAPI. */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { buildTestApp } from '../../../test/build-test-app.js';
import { fixedClock } from '../../platform/clock.js';
import { SHIPPED_LIST, SHIPPED_RECORDS } from './catalogue.command.js';
import { importCatalogue } from './catalogue-import.service.js';
import { catalogueModule } from './index.js';

const T1 = new Date('2026-08-01T02:00:00Z');
const clock = fixedClock('2026-08-15T02:00:00Z');
const { app, ctx } = await buildTestApp({ modules: [catalogueModule], clock });
await importCatalogue(ctx.db, {
  text: await readFile(SHIPPED_RECORDS, 'utf8'),
  listCsv: await readFile(SHIPPED_LIST, 'utf8'),
  sourceFile: SHIPPED_RECORDS,
  now: T1,
});

const get = (url: string) => app.inject(url);

function assertProblem(res: Awaited<ReturnType<typeof get>>, status: number, code: string, field?: string) {
  assert.equal(res.statusCode, status, res.body);
  assert.match(res.headers['content-type'] as string, /^application\/problem\+json/);
  const body = res.json();
  assert.equal(body.code, code);
  if (field)
    assert.ok(
      body.errors?.some((e: { field: string }) => e.field === field),
      res.body,
    );
  return body;
}

describe('GET /api/v1/procedures', () => {
  it('searches without diacritics, cacheable, with highlighting and a count', async () => {
    const res = await get('/api/v1/procedures?q=khai%20sinh&limit=5');
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['cache-control'], 'public, max-age=60');
    const body = res.json();
    assert.ok(body.items.slice(0, 3).some((h: { code: string }) => h.code === '1.001193'));
    assert.equal(body.items.length, 5);
    assert.ok(body.total > 5 && body.totalCapped === false && typeof body.next === 'string');
    assert.ok(body.items[0].nameSegments.some((s: { marked: boolean }) => s.marked));
    const next = (await get(`/api/v1/procedures?q=khai%20sinh&limit=5&cursor=${body.next}`)).json();
    assert.ok(
      next.items.every((h: { code: string }) => !body.items.some((b: { code: string }) => b.code === h.code)),
    );
  });

  it('refuses bad parameters with 400 naming the field', async () => {
    assertProblem(await get('/api/v1/procedures?limit=500'), 400, 'request.validation', 'limit');
    assertProblem(await get('/api/v1/procedures?level=district'), 400, 'request.validation', 'level');
    assertProblem(await get('/api/v1/procedures?cursor=xyz!'), 400, 'catalogue.invalid_search', 'cursor');
  });
});

describe('GET /api/v1/procedures/facets', () => {
  it('counts by field, level, agency and online level', async () => {
    const res = await get('/api/v1/procedures/facets');
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.ok(body.fields.length > 0 && body.agencies.length > 0 && body.levels.length > 0);
    assert.ok(
      body.online.every((o: { level: string }) => ['toan_trinh', 'mot_phan', 'none'].includes(o.level)),
    );
  });
});

describe('GET /api/v1/procedures/:code', () => {
  it('gives the version in force now', async () => {
    const res = await get('/api/v1/procedures/1.001193');
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.deepEqual([body.code, body.versionNumber, body.effectiveFrom], ['1.001193', 1, T1.toISOString()]);
    assert.equal(body.content.name, 'Thủ tục đăng ký khai sinh');
    assert.equal(res.headers['cache-control'], 'public, max-age=60');
  });

  it('`at` a past instant: in force then, or 404 before the first version; a bad `at` is 400', async () => {
    const then = await get('/api/v1/procedures/1.001193?at=2026-08-02T08:00:00%2B07:00');
    assert.equal(then.statusCode, 200);
    const plus = await get('/api/v1/procedures/1.001193?at=2026-08-02T08:00:00+07:00');
    assert.equal(plus.statusCode, 200, plus.body);
    assertProblem(
      await get('/api/v1/procedures/1.001193?at=2026-07-01T00:00:00Z'),
      404,
      'catalogue.not_in_force',
    );
    const bad = assertProblem(
      await get('/api/v1/procedures/1.001193?at=yesterday'),
      400,
      'catalogue.invalid_instant',
      'at',
    );
    assert.match(bad.detail, /ISO 8601/);
  });

  it('an unknown code is 404, a malformed one 400', async () => {
    assertProblem(await get('/api/v1/procedures/3.999999'), 404, 'catalogue.not_found');
    assertProblem(await get('/api/v1/procedures/abc'), 400, 'request.validation', 'code');
  });

  it('is documented in the OpenAPI description', async () => {
    const doc = (await get('/api/docs/json')).json();
    for (const path of ['/api/v1/procedures', '/api/v1/procedures/facets', '/api/v1/procedures/{code}']) {
      assert.ok(doc.paths[path]?.get, path);
    }
  });
});
