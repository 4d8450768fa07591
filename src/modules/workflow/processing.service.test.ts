/**
 * A received dossier through its whole chain: the desk forwards it (steps snapshotted from the
 * version's workflow), the ward's specialist claims and appraises, transfers to the tax office, the
 * tax office receives the hand-over and sends it back, the chairman approves (status 9), the desk
 * returns the result (status 10). Due times on the calendar, history rows with step start and due.
 */
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
import { insertOfficer } from '../../../test/factories-identity.js';
import { type Clock, fixedClock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import { importOfficialDays } from '../calendar/index.js';
import { receiveDossier } from '../dossiers/index.js';
import { applyProcessingAction } from './processing.service.js';

let now = new Date('2026-03-02T02:00:00Z'); // Monday 2/3/2026 09:00 in Vietnam
const clock: Clock = { now: () => new Date(now) };
const { ctx } = await buildTestApp({ clock });
const db = ctx.db;
const world = await seedIntakeWorld(db, fixedClock('2026-03-02T02:00:00Z'));
// The official days off (Tết 2026: 14–22/2), as a province starts with.
await importOfficialDays(ctx);
const tax = await insertAgency(db, {
  kind: 'tax',
  name: TAX_PARTNER,
  parentId: world.province.id,
  units: ['22'],
});
const officer = async (agencyId: string, role: 'specialist' | 'agency_leader') =>
  officerPrincipal(await insertOfficer(db, { grants: [{ agencyId, role }] }));
const desk = officerPrincipal(world.desk);
const specialist = officerPrincipal(world.specialist);
const otherSpecialist = await officer(world.ward.id, 'specialist');
const taxOfficer = await officer(tax.id, 'specialist');
const chairman = await officer(world.ward.id, 'agency_leader');

const vn = (d: Date | null) =>
  d ? new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ') : null;
const code = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'ok';
  } catch (e) {
    return e instanceof AppError ? e.code : String(e);
  }
};
const steps = (dossierId: string) =>
  db
    .selectFrom('dossier_steps')
    .select([
      'position',
      'kind',
      'role',
      'agency_id',
      'state',
      'claimed_by',
      'started_at',
      'due_at',
      'finished_at',
    ])
    .where('dossier_id', '=', dossierId)
    .orderBy('position')
    .execute();

describe('processing a dossier through its steps', () => {
  it('runs the whole chain with hand-offs to the tax office and back', async () => {
    const d = await submitOnlineDossier(ctx, world, 'wf-chain-0001');
    await receiveDossier(ctx, desk, d.code, {});

    assert.equal(await code(applyProcessingAction(ctx, specialist, d.code, 'start')), 'workflow.forbidden');
    let head = await applyProcessingAction(ctx, desk, d.code, 'start');
    assert.equal(head.status, 4);
    let chain = await steps(d.id);
    assert.deepEqual(
      chain.map((s) => [s.kind, s.role, s.state]),
      [
        ['receive_transfer', 'one_stop', 'active'],
        ['appraise', 'specialist', 'pending'],
        ['lien_thong', 'specialist', 'pending'],
        ['approve_sign', 'agency_leader', 'pending'],
        ['return_result', 'one_stop', 'pending'],
      ],
    );
    assert.equal(chain[0]!.agency_id, world.wardCentre.id);
    assert.equal(chain[1]!.agency_id, world.ward.id);
    assert.equal(chain[2]!.agency_id, tax.id);
    assert.equal(chain[0]!.claimed_by, world.desk.id, 'the desk that forwards holds the transfer step');
    assert.equal(vn(chain[0]!.due_at), '2026-03-02 09:30');

    // The desk hands the dossier over to the ward (another agency: a Mẫu 05 hand-over), the ward receives it.
    now = new Date('2026-03-02T02:10:00Z'); // 09:10
    assert.equal(
      await code(applyProcessingAction(ctx, desk, d.code, 'forward')),
      'workflow.action_not_allowed',
    );
    head = await applyProcessingAction(ctx, desk, d.code, 'transfer', { note: 'Chuyển công chức Tư pháp' });
    assert.equal(head.step_due_at, null);
    head = await applyProcessingAction(ctx, specialist, d.code, 'receive_handover');
    assert.equal(head.step_assignee, null);
    assert.equal(vn(head.step_due_at), '2026-03-03 09:10', '480 working minutes = one working day');

    // Two specialists claim at once: one holds the step, the other is told.
    const claims = await Promise.all([
      code(applyProcessingAction(ctx, specialist, d.code, 'claim')),
      code(applyProcessingAction(ctx, otherSpecialist, d.code, 'claim')),
    ]);
    assert.deepEqual(claims.sort(), ['dossier.changed', 'ok'].sort());
    const holder = (await steps(d.id))[1]!.claimed_by;
    const [mine, notMine] =
      holder === world.specialist.id ? [specialist, otherSpecialist] : [otherSpecialist, specialist];
    assert.equal(
      await code(applyProcessingAction(ctx, notMine, d.code, 'transfer')),
      'workflow.not_your_step',
    );
    assert.equal(
      await code(applyProcessingAction(ctx, mine, d.code, 'forward')),
      'workflow.action_not_allowed',
    );

    now = new Date('2026-03-03T01:00:00Z'); // Tue 08:00
    head = await applyProcessingAction(ctx, mine, d.code, 'transfer');
    chain = await steps(d.id);
    assert.equal(chain[1]!.state, 'done');
    assert.equal(chain[2]!.state, 'handover');
    assert.equal(head.step_due_at, null, 'the partner’s clock starts when it receives the hand-over');
    assert.equal(
      await code(applyProcessingAction(ctx, taxOfficer, d.code, 'claim')),
      'workflow.action_not_allowed',
    );

    now = new Date('2026-03-06T09:00:00Z'); // Fri 16:00 + one working day (8 h) = Mon 16:00
    head = await applyProcessingAction(ctx, taxOfficer, d.code, 'receive_handover');
    assert.equal(vn(head.step_due_at), '2026-03-09 16:00');
    await applyProcessingAction(ctx, taxOfficer, d.code, 'claim');
    assert.equal(
      await code(applyProcessingAction(ctx, taxOfficer, d.code, 'forward')),
      'workflow.action_not_allowed',
    );
    now = new Date('2026-03-09T03:00:00Z'); // Mon 10:00
    await applyProcessingAction(ctx, taxOfficer, d.code, 'transfer', {
      note: 'Đã xác định nghĩa vụ tài chính',
    });
    await applyProcessingAction(ctx, chairman, d.code, 'receive_handover');
    await applyProcessingAction(ctx, chairman, d.code, 'claim');
    assert.equal(
      await code(applyProcessingAction(ctx, desk, d.code, 'return_result')),
      'workflow.action_not_allowed',
    );
    head = await applyProcessingAction(ctx, chairman, d.code, 'complete');
    assert.equal(head.status, 9);
    head = await applyProcessingAction(ctx, desk, d.code, 'return_result');
    assert.equal(head.status, 10);
    assert.equal(head.step_id, null);
    chain = await steps(d.id);
    assert.ok(
      chain.every((s) => s.state === 'done'),
      JSON.stringify(chain.map((s) => s.state)),
    );

    const history = await db
      .selectFrom('dossier_history')
      .select([
        'action',
        'from_status',
        'to_status',
        'actor_id',
        'agency_id',
        'content',
        'step_started_at',
        'step_due_at',
      ])
      .where('dossier_id', '=', d.id)
      .where('action', 'in', [
        'start',
        'forward',
        'claim',
        'transfer',
        'receive_handover',
        'decide',
        'return_result',
      ])
      .orderBy('at')
      .orderBy('id')
      .execute();
    assert.deepEqual(
      history.map((h) => `${h.action} ${h.from_status}→${h.to_status}`),
      [
        'start 2→4',
        'transfer 4→4',
        'receive_handover 4→4',
        'claim 4→4',
        'transfer 4→4',
        'receive_handover 4→4',
        'claim 4→4',
        'transfer 4→4',
        'receive_handover 4→4',
        'claim 4→4',
        'decide 4→9',
        'return_result 9→10',
      ],
    );
    const fromTax = history.find((h) => h.action === 'transfer' && h.agency_id === tax.id)!;
    assert.equal(fromTax.content, 'Đã xác định nghĩa vụ tài chính');
    assert.equal(vn(fromTax.step_due_at), '2026-03-09 16:00', 'history carries the step’s due time');
  });

  it('refuses citizens and a step nobody may hold, and stops a dossier not yet received', async () => {
    const d = await submitOnlineDossier(ctx, world, 'wf-early-0001');
    assert.equal(
      await code(applyProcessingAction(ctx, desk, d.code, 'start')),
      'workflow.action_not_allowed',
    );
    assert.equal(
      await code(applyProcessingAction(ctx, desk, 'H99.999-260302-0001', 'start')),
      'dossier.not_found',
    );
  });
});

describe('supplements pause the clock', () => {
  it('moves the appointment and the step due time by exactly the paused working time, across a weekend and Tết', async () => {
    now = new Date('2026-02-11T02:00:00Z'); // Wed 11/2/2026 09:00
    const d = await submitOnlineDossier(ctx, world, 'wf-pause-0001');
    await receiveDossier(ctx, desk, d.code, {});
    await applyProcessingAction(ctx, desk, d.code, 'start');
    await applyProcessingAction(ctx, desk, d.code, 'transfer');
    await applyProcessingAction(ctx, specialist, d.code, 'receive_handover');
    await applyProcessingAction(ctx, specialist, d.code, 'claim');
    const before = await db
      .selectFrom('dossiers')
      .select(['due_at', 'step_due_at'])
      .where('id', '=', d.id)
      .executeTakeFirstOrThrow();
    assert.equal(vn(before.step_due_at), '2026-02-12 09:00');

    assert.equal(
      await code(applyProcessingAction(ctx, specialist, d.code, 'request_supplement')),
      'workflow.reason_required',
    );
    now = new Date('2026-02-11T08:00:00Z'); // Wed 11/2 15:00: the step has 2 h today + 2 h Thursday left (4 h)
    let head = await applyProcessingAction(ctx, specialist, d.code, 'request_supplement', {
      reason: 'Thiếu bản sao giấy chứng sinh',
    });
    assert.equal(head.status, 5);
    assert.equal(head.supplement_requests, 1);

    assert.equal(
      vn(before.due_at),
      '2026-02-23 09:00',
      'received Wed 11/2 09:00 + 3 working days across Tết',
    );
    // Supplied on Monday 23/2 after Tết (14–22/2 off) at 08:00. The step had 4 h left: 08:00–11:30,
    // then 0.5 h from 13:30 → 14:00. The appointment had 20 h left (Wed 2 + Thu 8 + Fri 8 + Mon 2):
    // Mon 7 h, Tue 8 h, Wed 07:00 + 5 h → 14:00 on Wed 25/2.
    now = new Date('2026-02-23T01:00:00Z');
    head = await applyProcessingAction(ctx, desk, d.code, 'supplement_received');
    assert.equal(head.status, 4);
    assert.equal(vn(head.step_due_at), '2026-02-23 14:00');
    assert.equal(vn(head.due_at), '2026-02-25 14:00');
    const pauses = await db.selectFrom('dossier_pauses').selectAll().where('dossier_id', '=', d.id).execute();
    assert.equal(pauses.length, 1);
    assert.ok(pauses[0]!.resumed_at);

    // A second request: allowed with its reason, flagged (late in the 766 index).
    head = await applyProcessingAction(ctx, specialist, d.code, 'request_supplement', {
      reason: 'Thiếu chữ ký người làm chứng',
    });
    const second = await db
      .selectFrom('dossier_pauses')
      .select('flagged')
      .where('dossier_id', '=', d.id)
      .where('resumed_at', 'is', null)
      .executeTakeFirstOrThrow();
    assert.equal(second.flagged, true);
    await applyProcessingAction(ctx, citizenOf(), d.code, 'supplement_received');

    assert.equal(
      await code(applyProcessingAction(ctx, specialist, d.code, 'stop')),
      'workflow.reason_required',
    );
    head = await applyProcessingAction(ctx, specialist, d.code, 'stop', { reason: 'Không đủ điều kiện' });
    assert.equal(head.status, 8);
  });
});

function citizenOf() {
  return {
    kind: 'citizen' as const,
    id: world.citizen.id,
    sessionId: 's',
    name: 'Nguyễn Thị Hường',
    accountType: 1 as const,
  };
}

describe('assignment and return to an earlier step', () => {
  it('lets the head assign the step to an officer of its role, and the holder send it back with a reason', async () => {
    now = new Date('2026-03-10T02:00:00Z'); // Tue 10/3 09:00
    const head = officerPrincipal(
      await insertOfficer(db, { grants: [{ agencyId: world.ward.id, role: 'department_head' }] }),
    );
    const d = await submitOnlineDossier(ctx, world, 'wf-assign-0001');
    await receiveDossier(ctx, desk, d.code, {});
    await applyProcessingAction(ctx, desk, d.code, 'start');
    await applyProcessingAction(ctx, desk, d.code, 'transfer');
    await applyProcessingAction(ctx, specialist, d.code, 'receive_handover');

    assert.equal(await code(applyProcessingAction(ctx, specialist, d.code, 'assign')), 'workflow.forbidden');
    assert.equal(
      await code(applyProcessingAction(ctx, head, d.code, 'assign', { assignee: world.desk.id })),
      'workflow.invalid_assignee',
    );
    let h = await applyProcessingAction(ctx, head, d.code, 'assign', { assignee: otherSpecialist.id });
    assert.equal(h.step_assignee, otherSpecialist.id);
    assert.equal(
      await code(applyProcessingAction(ctx, specialist, d.code, 'transfer')),
      'workflow.not_your_step',
    );
    await applyProcessingAction(ctx, otherSpecialist, d.code, 'transfer');
    await applyProcessingAction(ctx, taxOfficer, d.code, 'receive_handover');
    await applyProcessingAction(ctx, taxOfficer, d.code, 'claim');

    assert.equal(
      await code(applyProcessingAction(ctx, taxOfficer, d.code, 'return_step', { targetStep: 1 })),
      'workflow.reason_required',
    );
    assert.equal(
      await code(
        applyProcessingAction(ctx, taxOfficer, d.code, 'return_step', { targetStep: 3, reason: 'x' }),
      ),
      'workflow.invalid_target_step',
    );
    h = await applyProcessingAction(ctx, taxOfficer, d.code, 'return_step', {
      targetStep: 1,
      reason: 'Thiếu tờ khai thuế',
    });
    assert.equal(h.step_assignee, otherSpecialist.id, 'back to whoever held the step');
    assert.equal(vn(h.step_due_at), '2026-03-11 09:00');
    const chain = await steps(d.id);
    assert.deepEqual(
      chain.map((s) => s.state),
      ['done', 'active', 'pending', 'pending', 'pending'],
    );
    const last = await db
      .selectFrom('dossier_history')
      .select(['action', 'content'])
      .where('dossier_id', '=', d.id)
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    assert.deepEqual(last, { action: 'return_step', content: 'Thiếu tờ khai thuế' });
  });
});
