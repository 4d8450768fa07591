import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp } from '../../../test/build-test-app.js';
import { seedIntakeWorld } from '../../../test/factories-dossiers.js';
import { fixedClock } from '../../platform/clock.js';
import { PERSONAL, receivedOnlineDossier } from './pages/tracking/tracking-test-support.js';
import { trackingToken } from './tracking-token.js';

const clock = fixedClock('2026-12-07T01:30:00Z'); // Monday 08:30 in Vietnam
const { app, ctx } = await buildTestApp({ clock });
const world = await seedIntakeWorld(ctx.db, clock);
const d = await receivedOnlineDossier(ctx, world, 'track-api-000001');
const other = await receivedOnlineDossier(ctx, world, 'track-api-000002');
const get = (code: string, query: string) =>
  app.inject(`/api/v1/tracking/${encodeURIComponent(code)}?${query}`);

describe('GET /api/v1/tracking/{code}', () => {
  it('shows status, agencies, dates and timeline to the holder of the last 4 phone or ID digits', async () => {
    for (const check of ['5678', '2345']) {
      const res = await get(d.code, `check=${check}`);
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.headers['cache-control'], 'no-store');
      const body = res.json();
      assert.equal(body.code, d.code);
      assert.equal(body.statusName, 'Được tiếp nhận');
      assert.equal(body.receivingAgency, world.wardCentre.name);
      assert.equal(body.competentAgency, world.ward.name);
      assert.equal(body.submittedAt, '2026-12-07T01:30:00.000Z');
      assert.equal(body.dueAt, '2026-12-10T01:30:00.000Z');
      const actions = body.timeline.map((t: { action: string }) => t.action);
      assert.deepEqual(actions.slice(0, 2), ['submit', 'receive'], actions.join());
      assert.equal(body.timeline[0].actionName, 'Nộp hồ sơ');
      assert.equal(body.timeline[1].agency, world.wardCentre.name);
    }
  });

  it('answers a wrong check number, an unknown code and a malformed one alike: 404, one message', async () => {
    const answers = await Promise.all([
      get(d.code, 'check=0000'),
      get(d.code.replace(/\d{4}$/, '9999'), 'check=5678'),
      get(d.code, 'check=56789'),
      get(d.code, 'check=abcd'),
      get(d.code, ''),
      get('not-a-code', 'check=5678'),
    ]);
    for (const res of answers) {
      assert.equal(res.statusCode, 404, res.body);
      assert.match(res.headers['content-type'] as string, /application\/problem\+json/);
      assert.equal(res.json().code, 'dossier.tracking_not_found');
    }
    assert.equal(new Set(answers.map((r) => r.json().detail ?? r.json().title)).size, 1);
  });

  it('opens with the token of the slip, and refuses a token of another dossier', async () => {
    const ok = await get(d.code, `t=${trackingToken(ctx.serverSecret, d.code)}`);
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().code, d.code);
    const crossed = await get(d.code, `t=${trackingToken(ctx.serverSecret, other.code)}`);
    assert.equal(crossed.statusCode, 404);
    const forged = await get(d.code, `t=${trackingToken('another-secret', d.code)}`);
    assert.equal(forged.statusCode, 404);
  });

  it('shows no personal data: no name, ID number, phone, e-mail or address', async () => {
    const res = await get(d.code, 'check=5678');
    assert.equal(res.statusCode, 200);
    for (const secret of [...PERSONAL, 'Trần Minh Khang', world.citizen.accountKey]) {
      assert.ok(!res.body.includes(secret), `${secret} leaked: ${res.body}`);
    }
    assert.ok(!/applicant|owner|idNumber|phone/i.test(res.body), res.body);
  });
});
