import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp } from '../../../test/build-test-app.js';
import { insertAgency } from '../../../test/factories-agencies.js';
import {
  officerPrincipal,
  seedIntakeWorld,
  submitOnlineDossier,
  TAX_PARTNER,
} from '../../../test/factories-dossiers.js';
import { insertOfficer, sessionCookie } from '../../../test/factories-identity.js';
import { receiveDossier } from '../dossiers/index.js';

const { app, ctx } = await buildTestApp();
const db = ctx.db;
const world = await seedIntakeWorld(db);
await insertAgency(db, { kind: 'tax', name: TAX_PARTNER, parentId: world.province.id, units: ['22'] });
const admin = await insertOfficer(db, { grants: [{ agencyId: world.ward.id, role: 'agency_admin' }] });

const cookies = {
  desk: await sessionCookie(db, { officerId: world.desk.id }),
  specialist: await sessionCookie(db, { officerId: world.specialist.id }),
  admin: await sessionCookie(db, { officerId: admin.id }),
  citizen: await sessionCookie(db, { citizenId: world.citizen.id }),
};

const act = (code: string, action: string, cookie: string | null, body: object = {}) =>
  app.inject({
    method: 'POST',
    url: `/api/v1/dossiers/${code}/actions/${action}`,
    headers: { ...(cookie ? { cookie } : {}), accept: 'application/json' },
    payload: body,
  });

describe('POST /api/v1/dossiers/{id}/actions/{action}', () => {
  it('answers each caller: 401 anonymous, 403 citizen and admin, 403 the wrong role, 200 the desk', async () => {
    const d = await submitOnlineDossier(ctx, world, 'wf-api-0001');
    await receiveDossier(ctx, officerPrincipal(world.desk), d.code, {});
    assert.equal((await act(d.code, 'start', null)).statusCode, 401);
    assert.equal((await act(d.code, 'start', cookies.citizen)).statusCode, 403);
    assert.equal((await act(d.code, 'start', cookies.admin)).statusCode, 403);
    const wrong = await act(d.code, 'start', cookies.specialist);
    assert.equal(wrong.statusCode, 403, wrong.body);
    assert.equal((wrong.json() as { code: string }).code, 'workflow.forbidden');
    assert.match((wrong.json() as { title: string }).title, /quyền/);

    const ok = await act(d.code, 'start', cookies.desk, { note: 'Chuyển xử lý' });
    assert.equal(ok.statusCode, 200, ok.body);
    const body = ok.json() as { status: number; step: { role: string; assignee: string; dueAt: string } };
    assert.equal(body.status, 4);
    assert.equal(body.step.role, 'one_stop');
    assert.equal(body.step.assignee, world.desk.id);
    assert.ok(Date.parse(body.step.dueAt) > Date.now() - 60_000);

    const again = await act(d.code, 'start', cookies.desk);
    assert.equal(again.statusCode, 409);
    assert.equal((again.json() as { code: string }).code, 'workflow.action_not_allowed');
  });

  it('refuses an action it does not know with 400, and an unknown dossier with 404', async () => {
    const d = await submitOnlineDossier(ctx, world, 'wf-api-0002');
    const bad = await act(d.code, 'teleport', cookies.desk);
    assert.equal(bad.statusCode, 400);
    const missing = await act('H22.999-260101-0001', 'claim', cookies.desk);
    assert.equal(missing.statusCode, 404);
  });
});
