/** Every admin-units API route: 200, 400 naming the field, 404, problem+json, OpenAPI. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp } from '../../../test/build-test-app.js';
import { fixedClock } from '../../platform/clock.js';
import { buildAdminUnitImport, loadSourceTexts } from './import/index.js';
import { adminUnitsModule } from './index.js';
import { importUnits } from './units-import.service.js';

// 2025-08-01 09:00 in Vietnam: "today" for routes called without `at`.
const clock = fixedClock('2025-08-01T02:00:00Z');
const { app, ctx } = await buildTestApp({ modules: [adminUnitsModule], clock });
await importUnits(ctx.db, buildAdminUnitImport(await loadSourceTexts()));

const get = (url: string) => app.inject(url);

function assertProblem(res: Awaited<ReturnType<typeof get>>, status: number, code: string) {
  assert.equal(res.statusCode, status, res.body);
  assert.match(res.headers['content-type'] as string, /^application\/problem\+json/);
  const body = res.json();
  assert.equal(body.status, status);
  assert.equal(body.code, code);
  assert.equal(body.type, `urn:motcua:problem:${code}`);
  assert.ok(body.title && body.detail && body.requestId && body.instance);
  return body;
}

describe('GET /api/v1/admin-units', () => {
  it('searches without diacritics, at today by default', async () => {
    const res = await get('/api/v1/admin-units?q=dong%20trieu');
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.equal(body.at, '2025-08-01');
    assert.deepEqual(
      [body.items[0].code, body.items[0].fullName, body.items[0].parentName, body.items[0].match],
      ['07093', 'Phường Đông Triều', 'Tỉnh Quảng Ninh', 'name'],
    );
    assert.equal(body.items[0].validFrom, '2025-07-01');
    assert.equal(body.items[0].validTo, null);
  });

  it('finds the pre-reform units with an earlier `at`, and tolerates a typo', async () => {
    const before = (await get('/api/v1/admin-units?q=dong%20treu&at=2025-06-30')).json();
    assert.deepEqual([before.items[0].code, before.items[0].type], ['205', 'district_city']);
    const words = (
      await get(`/api/v1/admin-units?q=${encodeURIComponent('Đông Triều')}&at=2026-05-01`)
    ).json();
    assert.equal(words.items[0].code, '07093');
  });

  it('filters by level and parent and pages with `next`', async () => {
    const first = (await get('/api/v1/admin-units?parent=22&level=commune&limit=50')).json();
    assert.equal(first.items.length, 50);
    assert.ok(first.items.every((u: { parentCode: string }) => u.parentCode === '22'));
    const rest = (
      await get(`/api/v1/admin-units?parent=22&level=commune&limit=50&after=${first.next}`)
    ).json();
    assert.equal(rest.items.length, 4);
    assert.equal(rest.next, null);
  });

  it('answers 400 naming `at`, `level`, `limit` or `after` when they are not valid', async () => {
    for (const [query, field] of [
      ['at=2025-13-01', 'at'],
      ['at=2025-02-30', 'at'],
      ['at=1%2F7%2F2025', 'at'],
      ['level=city', 'level'],
      ['limit=0', 'limit'],
      ['parent=2', 'parent'],
      ['after=xyz', 'after'],
    ] as const) {
      const body = assertProblem(
        await get(`/api/v1/admin-units?${query}`),
        400,
        field === 'after' ? 'admin_unit.invalid_cursor' : 'request.validation',
      );
      assert.deepEqual(
        body.errors.map((e: { field: string }) => e.field),
        [field],
        query,
      );
      assert.ok(body.errors[0].messages.vi && body.errors[0].messages.en);
    }
  });
});

describe('GET /api/v1/admin-units/{code}', () => {
  it('gives the unit at a date, its parents and its predecessors, whole or partial', async () => {
    const res = await get('/api/v1/admin-units/00145?at=2025-07-01');
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.equal(body.unit.fullName, 'Phường Long Biên');
    assert.deepEqual(
      body.parents.map((p: { code: string }) => p.code),
      ['01'],
    );
    const olds = body.predecessors.map((e: { oldCode: string; kind: string }) => `${e.oldCode} ${e.kind}`);
    assert.ok(olds.includes('00154 partial') && olds.includes('00583 partial'), olds.join());
    assert.deepEqual(body.successors, []);
    assert.equal(body.profile.code, '00145');
  });

  it('gives an old commune with its district and its successors', async () => {
    const body = (await get('/api/v1/admin-units/00013?at=2025-06-30')).json();
    assert.deepEqual(
      body.parents.map((p: { code: string }) => p.code),
      ['01', '001'],
    );
    assert.deepEqual(
      body.successors.map((e: { newCode: string; kind: string }) => [e.newCode, e.kind]),
      [['00004', 'whole']],
    );
    assert.equal(body.profile, null);
  });

  it('answers with what a code means on another date, and through an alias', async () => {
    const ward = (await get('/api/v1/admin-units/26368?at=2026-04-30')).json();
    assert.deepEqual([ward.unit.type, ward.unit.validFrom], ['ward', '2026-04-30']);
    const alias = (await get('/api/v1/admin-units/06970')).json();
    assert.deepEqual([alias.requestedCode, alias.unit.code, alias.at], ['06970', '06978', '2025-08-01']);
  });

  it('answers 404 for an unknown code or a date when the code meant nothing, in both languages', async () => {
    const unknown = assertProblem(await get('/api/v1/admin-units/99999'), 404, 'admin_unit.not_found');
    assert.match(
      unknown.detail,
      /Không có đơn vị hành chính mã 99999 .* \/ No administrative unit has code 99999/,
    );
    const abolished = assertProblem(
      await get('/api/v1/admin-units/202?at=2025-07-01&lang=en'),
      404,
      'admin_unit.not_found',
    );
    assert.equal(abolished.title, 'No administrative unit has code 202 on 2025-07-01');
  });

  it('answers 400 naming `at` or `code`', async () => {
    const date = assertProblem(
      await get('/api/v1/admin-units/00004?at=2025-02-30'),
      400,
      'request.validation',
    );
    assert.equal(date.errors[0].field, 'at');
    const code = assertProblem(await get('/api/v1/admin-units/abc'), 400, 'request.validation');
    assert.equal(code.errors[0].field, 'code');
  });
});

describe('GET /api/v1/admin-units/import-report', () => {
  it('gives the latest run and its anomalies, by kind or by code', async () => {
    const res = await get('/api/v1/admin-units/import-report?kind=wrong_old_code');
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.equal(body.import.anomalyCounts.code_conflict, 1);
    assert.equal(body.import.counts.reform2025.communes, 3321);
    assert.deepEqual(
      body.anomalies.map((a: { codes: string[] }) => a.codes),
      [
        ['00556', '00553'],
        ['01651', '01615'],
        ['02482', '02485'],
      ],
    );
    const baChe = (await get('/api/v1/admin-units/import-report?code=06970&kind=code_conflict')).json();
    assert.equal(baChe.anomalies[0].row, 2688);
    const paged = (await get('/api/v1/admin-units/import-report?limit=2')).json();
    const next = (await get(`/api/v1/admin-units/import-report?limit=2&after=${paged.next}`)).json();
    assert.equal(next.anomalies[0].seq, 3);
  });
});

describe('OpenAPI', () => {
  it('documents the routes with their parameters and problem responses', async () => {
    const doc = (await get('/api/openapi.json')).json();
    const list = doc.paths['/api/v1/admin-units'].get;
    assert.deepEqual(list.parameters.map((p: { name: string }) => p.name).sort(), [
      'after',
      'at',
      'level',
      'limit',
      'parent',
      'q',
    ]);
    assert.ok(list.responses['400'].content['application/problem+json']);
    const one = doc.paths['/api/v1/admin-units/{code}'].get;
    assert.ok(one.responses['200'] && one.responses['404'].content['application/problem+json']);
    assert.ok(doc.paths['/api/v1/admin-units/import-report']);
  });
});
