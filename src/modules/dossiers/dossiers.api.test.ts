import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp } from '../../../test/build-test-app.js';
import { onlineBody, seedIntakeWorld } from '../../../test/factories-dossiers.js';
import { insertCitizen, insertOfficer, sessionCookie } from '../../../test/factories-identity.js';
import { systemClock } from '../../platform/clock.js';

// The session factory stamps sessions with the real time, so this file runs on the real clock.
const clock = systemClock;
const { app, ctx } = await buildTestApp({ clock });
const world = await seedIntakeWorld(ctx.db, clock);
const cookie = {
  desk: await sessionCookie(ctx.db, { officerId: world.desk.id }),
  otherDesk: await sessionCookie(ctx.db, { officerId: world.provinceDesk.id }),
  specialist: await sessionCookie(ctx.db, { officerId: world.specialist.id }),
  citizen: await sessionCookie(ctx.db, { citizenId: world.citizen.id }),
  stranger: await sessionCookie(ctx.db, { citizenId: (await insertCitizen(ctx.db)).id }),
  monitor: await sessionCookie(ctx.db, {
    officerId: (
      await insertOfficer(ctx.db, { grants: [{ role: 'provincial_monitor', agencyId: world.province.id }] })
    ).id,
  }),
};

let n = 0;
const post = (
  url: string,
  who: string | null,
  payload: unknown,
  key: string | null = `api-key-${String(++n).padStart(6, '0')}`,
) =>
  app.inject({
    method: 'POST',
    url,
    payload: payload as object,
    headers: { ...(who ? { cookie: who } : {}), ...(key ? { 'idempotency-key': key } : {}) },
  });
const get = (url: string, who: string | null) => app.inject({ url, headers: who ? { cookie: who } : {} });

function problem(res: Awaited<ReturnType<typeof get>>, status: number, code: string) {
  assert.equal(res.statusCode, status, res.body);
  assert.match(String(res.headers['content-type']), /application\/problem\+json/);
  assert.equal(res.json().code, code, res.body);
}

const created = await post('/api/v1/dossiers', cookie.desk, onlineBody(), 'api-key-first-0001');
const code: string = created.json().code;

describe('POST /api/v1/dossiers', () => {
  it('creates with 201, replays a retry with 200, refuses a missing key', async () => {
    assert.equal(created.statusCode, 201, created.body);
    assert.equal(created.json().status, 1);
    assert.equal(created.json().statusName, 'Mới đăng ký');
    const again = await post('/api/v1/dossiers', cookie.desk, onlineBody(), 'api-key-first-0001');
    assert.equal(again.statusCode, 200);
    assert.equal(again.json().code, code);
    problem(
      await post('/api/v1/dossiers', cookie.desk, onlineBody(), null),
      400,
      'request.invalid_idempotency_key',
    );
  });

  it('is for citizens and one-stop officers only', async () => {
    problem(await post('/api/v1/dossiers', null, onlineBody()), 401, 'auth.required');
    problem(await post('/api/v1/dossiers', cookie.specialist, onlineBody()), 403, 'auth.forbidden');
    problem(await post('/api/v1/dossiers', cookie.citizen, onlineBody()), 400, 'dossier.missing_components');
  });

  it('answers bad input with the fields named', async () => {
    const res = await post(
      '/api/v1/dossiers',
      cookie.desk,
      onlineBody({ applicant: { name: 'A', idNumber: '123' } }),
    );
    problem(res, 400, 'dossier.invalid_input');
    assert.ok(
      res.json().errors.some((e: { field: string }) => e.field === 'applicant.idNumber'),
      res.body,
    );
    problem(
      await post('/api/v1/dossiers', cookie.desk, { ...onlineBody(), procedureCode: 'x' }),
      400,
      'request.validation',
    );
    problem(
      await post('/api/v1/dossiers', cookie.desk, onlineBody({ procedureCode: '1.000000' })),
      404,
      'catalogue.not_in_force',
    );
  });
});

describe('GET /api/v1/dossiers/{id-or-code}', () => {
  it('shows the dossier to those who handle it, personal data only where the role needs it', async () => {
    const desk = await get(`/api/v1/dossiers/${code}`, cookie.desk);
    assert.equal(desk.statusCode, 200);
    assert.equal(desk.json().applicant.idNumber, '022185012345');
    const byId = await get(`/api/v1/dossiers/${desk.json().id}`, cookie.specialist);
    assert.equal(byId.json().code, code);
    const monitor = await get(`/api/v1/dossiers/${code}`, cookie.monitor);
    assert.equal(monitor.statusCode, 200);
    assert.equal(monitor.json().applicant.idNumber, null);
    assert.equal(monitor.json().applicant.phone, null);
  });

  it('hides it from everyone else as if it did not exist', async () => {
    problem(await get(`/api/v1/dossiers/${code}`, cookie.otherDesk), 404, 'dossier.not_found');
    problem(await get(`/api/v1/dossiers/${code}`, cookie.stranger), 404, 'dossier.not_found');
    problem(await get(`/api/v1/dossiers/${code}`, null), 401, 'auth.required');
    problem(await get('/api/v1/dossiers/not-a-code', cookie.desk), 404, 'dossier.not_found');
  });
});

describe('desk actions and slips', () => {
  it('lets only the receiving desk act', async () => {
    problem(await post(`/api/v1/dossiers/${code}/receive`, cookie.otherDesk, {}), 404, 'dossier.not_found');
    problem(await post(`/api/v1/dossiers/${code}/receive`, cookie.citizen, {}), 403, 'auth.forbidden');
    problem(
      await post(`/api/v1/dossiers/${code}/refuse`, cookie.desk, { reason: '' }),
      400,
      'dossier.reason_required',
    );
    const res = await post(`/api/v1/dossiers/${code}/receive`, cookie.desk, {
      payment: { amount: 50_000, receiptNumber: 'BL-1' },
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().status, 2);
    assert.equal(res.json().feeLines[0].amount, 50_000);
    problem(
      await post(`/api/v1/dossiers/${code}/receive`, cookie.desk, {}),
      409,
      'dossier.action_not_allowed',
    );
  });

  it('serves the receipt slip as a PDF and says when a slip was not issued', async () => {
    const pdf = await get(`/api/v1/dossiers/${code}/slips/receipt.pdf`, cookie.desk);
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    assert.ok(pdf.rawPayload.subarray(0, 5).equals(Buffer.from('%PDF-')));
    problem(
      await get(`/api/v1/dossiers/${code}/slips/refusal.pdf`, cookie.desk),
      404,
      'dossier.slip_not_issued',
    );
    assert.equal((await get(`/api/v1/dossiers/${code}/slips/other.pdf`, cookie.desk)).statusCode, 400);
  });

  it('tracks publicly with the last four digits, and refuses a wrong check alike', async () => {
    const ok = await get(`/api/v1/tracking/${code}?check=2345`, null);
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().statusName, 'Được tiếp nhận');
    assert.ok(!ok.body.includes('022185012345') && !ok.body.includes('Hường'));
    problem(await get(`/api/v1/tracking/${code}?check=9999`, null), 404, 'dossier.tracking_not_found');
    problem(
      await get('/api/v1/tracking/H22.1-261207-0001?check=2345', null),
      404,
      'dossier.tracking_not_found',
    );
  });
});
