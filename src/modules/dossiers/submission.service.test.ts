import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp } from '../../../test/build-test-app.js';
import {
  citizenPrincipal,
  DESK_PROCEDURE,
  officerPrincipal,
  onlineBody,
  seedIntakeWorld,
} from '../../../test/factories-dossiers.js';
import { fixedClock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import { submitDossier } from './submission.service.js';

const clock = fixedClock('2026-12-07T01:30:00Z'); // Monday 08:30 in Vietnam
const { ctx } = await buildTestApp({ clock });
const world = await seedIntakeWorld(ctx.db, clock);
const citizen = citizenPrincipal(world.citizen);
const desk = officerPrincipal(world.desk);

async function rejects(p: Promise<unknown>, code: string, field?: string) {
  await assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof AppError, String(e));
    assert.equal(e.code, code, e.message);
    if (field)
      assert.ok(
        e.fields.some((f) => f.field === field),
        JSON.stringify(e.fields),
      );
    return true;
  });
}

describe('submitDossier', () => {
  it('gives an online submission its code at once, status 1, channel 2, routed to the ward', async () => {
    const out = await submitDossier(
      ctx,
      citizen,
      onlineBody({ components: [] }) as never,
      'key-online-0001',
    ).catch((e) => e);
    // Required documents are missing: nothing is created.
    assert.ok(out instanceof AppError && out.code === 'dossier.missing_components', String(out));
    const officerMade = await submitDossier(ctx, desk, onlineBody() as never, 'key-desk-00001');
    const d = officerMade.dossier;
    assert.match(d.code, new RegExp(`^${world.ward.code.replace('.', '\\.')}-261207-\\d{4}$`));
    assert.equal(d.status, 1);
    assert.equal(d.channel, 1);
    assert.equal(d.filedBy, 'officer');
    assert.equal(d.competentAgency.id, world.ward.id);
    assert.equal(d.receivingAgency.id, world.wardCentre.id);
    // The note row of the version (no paper asked) is not an upload slot.
    assert.deepEqual(
      d.components.map((c) => c.name),
      ['Tờ khai đăng ký khai sinh', 'Giấy chứng sinh', 'Văn bản ủy quyền'],
    );
    assert.equal(d.history[0]?.action, 'submit');
  });

  it('makes one dossier of a retried submission, and refuses the key for another body', async () => {
    const first = await submitDossier(ctx, desk, onlineBody() as never, 'key-retry-000001');
    const again = await submitDossier(ctx, desk, onlineBody() as never, 'key-retry-000001');
    assert.equal(again.created, false);
    assert.equal(again.dossier.id, first.dossier.id);
    await rejects(
      submitDossier(ctx, desk, onlineBody({ returnMethod: 'desk' }) as never, 'key-retry-000001'),
      'dossier.idempotency_key_reused',
    );
    const racing = await Promise.all(
      Array.from({ length: 5 }, () => submitDossier(ctx, desk, onlineBody() as never, 'key-race-0000001')),
    );
    assert.equal(new Set(racing.map((r) => r.dossier.id)).size, 1);
  });

  it('gives 50 parallel creations at one agency 50 distinct consecutive numbers', async () => {
    const made = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        submitDossier(ctx, desk, onlineBody() as never, `key-par-${String(i).padStart(6, '0')}`),
      ),
    );
    const seqs = made.map((m) => Number(m.dossier.code.split('-')[2])).sort((a, b) => a - b);
    assert.equal(new Set(seqs).size, 50);
    assert.equal(seqs[49]! - seqs[0]!, 49);
  });

  it('routes a provincial procedure to the named department, and stops with a clear message when no body serves', async () => {
    const d = (
      await submitDossier(ctx, desk, onlineBody({ procedureCode: DESK_PROCEDURE }) as never, 'key-dept-00001')
    ).dossier;
    assert.equal(d.competentAgency.id, world.department.id);
    assert.equal(
      d.receivingAgency.id,
      world.wardCentre.id,
      'any centre receives any procedure of the province',
    );
    await rejects(
      submitDossier(ctx, citizen, onlineBody({ procedureCode: DESK_PROCEDURE }) as never, 'key-dept-00002'),
      'dossier.not_online',
    );
    await rejects(
      submitDossier(
        ctx,
        desk,
        onlineBody({ applicant: { ...onlineBody().applicant, communeCode: '06978' } }) as never,
        'key-none-00001',
      ),
      'dossier.unknown_commune',
    );
  });

  it('checks the applicant field by field', async () => {
    await rejects(
      submitDossier(
        ctx,
        desk,
        onlineBody({ applicant: { name: '', idNumber: '12', phone: 'abc' } }) as never,
        'key-bad-000001',
      ),
      'dossier.invalid_input',
      'applicant.idNumber',
    );
    await rejects(
      submitDossier(ctx, desk, onlineBody({ returnMethod: 'post' }) as never, 'key-bad-000002'),
      'dossier.invalid_input',
      'returnAddress',
    );
  });
});
