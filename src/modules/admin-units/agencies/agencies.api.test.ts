import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp } from '../../../../test/build-test-app.js';
import { officerActor } from '../../../../test/factories-actors.js';
import { fixedClock } from '../../../platform/clock.js';
import type { AppModule } from '../../../platform/module.js';
import { changeAgencyCode } from './agencies.service.js';
import { getAgencyByCode } from './agency-lookup.service.js';
import { agencyRoutes, DEMO_AGENCIES, seedDemoAgencies } from './index.js';

const clock = fixedClock('2026-03-02T03:00:00Z');
const agencies: AppModule = { name: 'agencies', routes: agencyRoutes, demoSeed: seedDemoAgencies };

describe('agencies API', async () => {
  const { app, ctx, database } = await buildTestApp({ modules: [agencies], clock });
  const seeded = await seedDemoAgencies(ctx);
  const get = (url: string) => app.inject(url);

  it('seeds the demo agencies of Quảng Ninh once, however often it runs', async () => {
    assert.deepEqual(seeded, []);
    await agencies.demoSeed?.(ctx);
    const n = await database.db
      .selectFrom('agencies')
      .select(database.db.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(n.n), DEMO_AGENCIES.length);
    const baChe = await getAgencyByCode(database.db, 'H22.107');
    assert.equal(baChe.name, 'Ủy ban nhân dân xã Ba Chẽ');
    assert.deepEqual(baChe.units, ['06978']);
  });

  it('lists agencies by kind and unit served', async () => {
    const res = await get('/api/v1/agencies?kind=department&unit=22');
    assert.equal(res.statusCode, 200);
    assert.deepEqual(
      res.json().items.map((a: { name: string }) => a.name),
      ['Sở Nông nghiệp và Môi trường', 'Sở Tư pháp', 'Sở Xây dựng'],
    );
    const ward = (await get('/api/v1/agencies?unit=07093')).json();
    assert.deepEqual(
      ward.items.map((a: { code: string }) => a.code),
      ['H22.101.01', 'H22.101'],
    );
    const search = (await get('/api/v1/agencies?q=dong%20trieu')).json();
    assert.equal(search.items.length, 2);
  });

  it('lists the agencies directly under a parent, combined with the other filters', async () => {
    const under = (await get('/api/v1/agencies?parent=000.00.11.H22')).json();
    assert.deepEqual(
      under.items.map((a: { code: string }) => a.code),
      ['000.01.11.H22'],
      'the land registration office under Sở Nông nghiệp và Môi trường',
    );
    const depts = (await get('/api/v1/agencies?parent=000.00.00.H22&kind=department')).json();
    assert.ok(depts.items.length >= 3);
    assert.ok(depts.items.every((a: { kind: string }) => a.kind === 'department'));
    const named = (await get('/api/v1/agencies?parent=000.00.00.H22&q=tu%20phap')).json();
    assert.deepEqual(
      named.items.map((a: { name: string }) => a.name),
      ['Sở Tư pháp'],
    );
    assert.deepEqual((await get('/api/v1/agencies?parent=000.99.99.H22')).json().items, []);
    const bad = await get('/api/v1/agencies?parent=not%20a%20code');
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().errors[0].field, 'parent');
  });

  it('paginates with `next` passed back as `after`, without repeats', async () => {
    const codes: string[] = [];
    let url = '/api/v1/agencies?limit=10';
    for (let pages = 0; pages < 10; pages++) {
      const body = (await get(url)).json();
      codes.push(...body.items.map((a: { code: string }) => a.code));
      if (!body.next) break;
      url = `/api/v1/agencies?limit=10&after=${encodeURIComponent(body.next)}`;
    }
    assert.equal(codes.length, DEMO_AGENCIES.length);
    assert.equal(new Set(codes).size, codes.length);
  });

  it('shows one agency by code with its parent, children and code history', async () => {
    const res = await get('/api/v1/agencies/h22.101');
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.equal(body.name, 'Ủy ban nhân dân phường Đông Triều');
    assert.equal(body.kind, 'commune_committee');
    assert.deepEqual(body.units, ['07093']);
    assert.equal(body.parent.code, '000.00.00.H22');
    assert.deepEqual(
      body.children.map((c: { code: string; kind: string }) => [c.code, c.kind]),
      [['H22.101.01', 'commune_service_centre']],
    );
    assert.equal(body.codes[0].code, 'H22.101');
    assert.equal(body.codes[0].validFrom, '2025-07-01');
    assert.equal(body.codes[0].validTo, null);
  });

  it('finds an old code at a date it was valid', async () => {
    const sctp = await getAgencyByCode(database.db, '000.00.12.H22');
    await changeAgencyCode(
      ctx,
      sctp.id,
      { code: 'H22.12', effectiveFrom: '2026-03-01' },
      officerActor('officer-1'),
    );
    assert.equal((await get('/api/v1/agencies/000.00.12.H22')).statusCode, 404);
    const past = (await get('/api/v1/agencies/000.00.12.H22?at=2026-02-28')).json();
    assert.equal(past.id, sctp.id);
    assert.equal(past.code, '000.00.12.H22');
    const now = (await get('/api/v1/agencies/H22.12')).json();
    assert.equal(now.id, sctp.id);
    assert.deepEqual(
      now.codes.map((c: { code: string; validTo: string | null }) => [c.code, c.validTo]),
      [
        ['000.00.12.H22', '2026-03-01'],
        ['H22.12', null],
      ],
    );
  });

  it('answers an unknown code with 404 problem+json', async () => {
    const res = await get('/api/v1/agencies/H22.999?lang=en');
    assert.equal(res.statusCode, 404);
    assert.match(res.headers['content-type'] as string, /^application\/problem\+json/);
    assert.equal(res.json().code, 'agency.not_found');
    assert.equal(res.json().detail, 'Không tìm thấy cơ quan H22.999. / No agency H22.999.');
    assert.equal(res.json().title, 'No agency H22.999.');
  });

  it('names the bad field of a bad request, in both languages', async () => {
    const cases: [string, string][] = [
      ['/api/v1/agencies/H22-101', 'code'],
      ['/api/v1/agencies?kind=ministry', 'kind'],
      ['/api/v1/agencies?unit=1234', 'unit'],
      ['/api/v1/agencies?limit=0', 'limit'],
      ['/api/v1/agencies?after=forged', 'after'],
      ['/api/v1/agencies/H22.101?at=2026-13-01', 'at'],
    ];
    for (const [url, field] of cases) {
      const res = await get(url);
      assert.equal(res.statusCode, 400, url);
      assert.match(res.headers['content-type'] as string, /^application\/problem\+json/);
      const error = res.json().errors.find((e: { field: string }) => e.field === field);
      assert.ok(error, `${url} names ${field}: ${res.body}`);
      assert.ok(error.messages.vi && error.messages.en);
    }
  });

  it('offers no way to write without identity', async () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
      const res = await app.inject({ method, url: '/api/v1/agencies', payload: {} });
      assert.equal(res.statusCode, 404, method);
    }
  });

  it('is documented in OpenAPI', async () => {
    const doc = (await get('/api/openapi.json')).json();
    assert.ok(doc.paths['/api/v1/agencies']);
    assert.ok(doc.paths['/api/v1/agencies/{code}']);
  });
});
