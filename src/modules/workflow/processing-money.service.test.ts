/**
 * The second part of processing: the financial obligation (status 6) that pauses the clock and the
 * payment recorded with its receipt; the warning before a due time that drafts the apology letter,
 * the leader's approval that moves the appointment once (a second extension refused); the step that
 * made a late dossier late; the morning digest and the weekly list; the events the notifications
 * module turns into messages.
 */
import assert from 'node:assert/strict';
import { buffer } from 'node:stream/consumers';
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
import { trustedRoots, verifyPdfSignatures } from '../../platform/signing/index.js';
import { loadWorkingCalendar } from '../calendar/index.js';
import { receiveDossier } from '../dossiers/index.js';
import type { WorkflowEvent } from './events.js';
import { applyProcessingAction } from './processing.service.js';
import { sendDailyDigests, sendDueWarnings, sendWeeklyUnreceived } from './reminders.job.js';
import { snapshotJob } from './snapshot.job.js';
import { stepDueAt, warnAt } from './step-deadlines.js';

let now = new Date('2026-03-02T02:00:00Z'); // Monday 2/3/2026 09:00 in Vietnam
const clock: Clock = { now: () => new Date(now) };
const { ctx } = await buildTestApp({ clock });
const db = ctx.db;
const world = await seedIntakeWorld(db, fixedClock('2026-03-02T02:00:00Z'));
await insertAgency(db, { kind: 'tax', name: TAX_PARTNER, parentId: world.province.id, units: ['22'] });
const desk = officerPrincipal(world.desk);
const specialist = officerPrincipal(world.specialist);
const chairman = officerPrincipal(
  await insertOfficer(db, { grants: [{ agencyId: world.ward.id, role: 'agency_leader' }] }),
);

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

/** The workflow events enqueued for a dossier code, in order. */
async function eventsOf(dossierCode: string): Promise<WorkflowEvent[]> {
  const rows = await db
    .selectFrom('pgboss.job' as never)
    .select('data' as never)
    .where('name' as never, '=', 'workflow.event' as never)
    .execute();
  return (rows as { data: WorkflowEvent }[])
    .map((r) => r.data)
    .filter((e) => e.dossierCode === dossierCode)
    .sort((a, b) => a.at.localeCompare(b.at));
}

/** A dossier received Monday 09:00, at the ward's appraisal step, held by the specialist. */
async function atAppraisal(key: string) {
  now = new Date('2026-03-02T02:00:00Z');
  const d = await submitOnlineDossier(ctx, world, key);
  await receiveDossier(ctx, desk, d.code, {});
  await applyProcessingAction(ctx, desk, d.code, 'start');
  await applyProcessingAction(ctx, desk, d.code, 'transfer');
  await applyProcessingAction(ctx, specialist, d.code, 'receive_handover');
  const head = await applyProcessingAction(ctx, specialist, d.code, 'claim');
  return { d, head };
}

describe('the financial obligation', () => {
  it('pauses the clock at status 6 and resumes it when the payment is recorded with its receipt', async () => {
    const { d, head } = await atAppraisal('wf-money-0001');
    now = new Date('2026-03-02T03:00:00Z'); // Mon 10:00
    assert.equal(
      await code(applyProcessingAction(ctx, specialist, d.code, 'request_payment', { amount: 1_500_000 })),
      'workflow.reason_required',
    );
    assert.equal(
      await code(
        applyProcessingAction(ctx, specialist, d.code, 'request_payment', { reason: 'Thuế', amount: -5 }),
      ),
      'workflow.invalid_amount',
    );
    const paused = await applyProcessingAction(ctx, specialist, d.code, 'request_payment', {
      reason: 'Nộp lệ phí trước bạ theo thông báo của cơ quan thuế',
      amount: 1_500_000,
    });
    assert.equal(paused.status, 6);

    // Paid on Wednesday 4/3 at 10:00: two working days (16 h) paused.
    now = new Date('2026-03-04T03:00:00Z');
    assert.equal(
      await code(applyProcessingAction(ctx, desk, d.code, 'record_payment', {})),
      'workflow.receipt_number_required',
    );
    assert.equal(
      await code(
        applyProcessingAction(ctx, desk, d.code, 'record_payment', {
          receiptNumber: 'BL-1',
          method: 'vnd' as never,
        }),
      ),
      'workflow.invalid_method',
    );
    const resumed = await applyProcessingAction(ctx, desk, d.code, 'record_payment', {
      receiptNumber: 'BL-0000123',
      method: 'transfer',
    });
    assert.equal(resumed.status, 4);
    const calendar = await loadWorkingCalendar(db, world.ward.id, now);
    // Both due times move by exactly the 16 working hours paused.
    assert.equal(vn(resumed.due_at), vn(stepDueAt(head.due_at!, 16 * 60, calendar)), 'appointment');
    assert.equal(
      vn(resumed.step_due_at),
      vn(stepDueAt(head.step_due_at!, 16 * 60, calendar)),
      'step due time',
    );
    const payment = await db
      .selectFrom('dossier_payments')
      .select(['amount', 'method', 'receipt_number'])
      .where('dossier_id', '=', d.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(payment, { amount: 1500000, method: 'transfer', receipt_number: 'BL-0000123' });

    // The same receipt number twice for one dossier is refused.
    await applyProcessingAction(ctx, specialist, d.code, 'request_payment', {
      reason: 'Phí đo đạc',
      amount: 200_000,
    });
    assert.equal(
      await code(applyProcessingAction(ctx, desk, d.code, 'record_payment', { receiptNumber: 'BL-0000123' })),
      'workflow.duplicate_receipt',
    );
    const history = await db
      .selectFrom('dossier_history')
      .select(['action', 'content'])
      .where('dossier_id', '=', d.id)
      .where('action', 'in', ['request_payment', 'record_payment'])
      .orderBy('at')
      .execute();
    assert.match(history[0]!.content!, /Số tiền phải nộp: 1\.500\.000 đồng/);
    assert.match(history[1]!.content!, /Đã thu 1\.500\.000 đồng \(chuyển khoản\), biên lai số BL-0000123/);

    // The citizen is told of the obligation and of the payment (the notifications module writes the messages).
    const events = await eventsOf(d.code);
    const asked = events.find((e) => e.kind === 'payment_requested')!;
    assert.match(asked.detail!, /1\.500\.000 đồng — Nộp lệ phí trước bạ/);
    assert.deepEqual(asked.to, { citizen: true });
    assert.equal(asked.accountId, world.citizen.id);
    assert.ok(events.some((e) => e.kind === 'payment_recorded'));
  });
});

describe('late dossiers', () => {
  it('warns two working days before, drafts the apology, the leader approves it once, a late stop names the step', async () => {
    const { d, head } = await atAppraisal('wf-late-0001');
    const due = head.due_at!;
    // Nothing to warn about on the day of receipt (the appointment is further than two working days).
    const calm = await sendDueWarnings(ctx);
    const draftsBefore = await db
      .selectFrom('dossier_apologies')
      .select('id')
      .where('dossier_id', '=', d.id)
      .execute();
    assert.equal(draftsBefore.length, 0, JSON.stringify(calm));

    // Two working days before the appointment (the ward's calendar): warned, letter drafted, the leaders told.
    const calendar = await loadWorkingCalendar(db, world.ward.id, now);
    const warnInstant = warnAt(due, calendar, 2);
    now = new Date(warnInstant.getTime() - 60_000);
    await sendDueWarnings(ctx);
    const early = await db
      .selectFrom('dossiers')
      .select('due_warned_at')
      .where('id', '=', d.id)
      .executeTakeFirstOrThrow();
    assert.equal(early.due_warned_at, null, 'a minute before the warning instant: not yet');
    now = new Date(warnInstant.getTime() + 60_000);
    const warned = await sendDueWarnings(ctx);
    assert.ok(warned.drafts >= 1, JSON.stringify(warned));
    assert.equal((await sendDueWarnings(ctx)).drafts, 0, 'a second run drafts nothing');
    const draft = await db
      .selectFrom('dossier_apologies')
      .selectAll()
      .where('dossier_id', '=', d.id)
      .executeTakeFirstOrThrow();
    assert.equal(draft.approved_at, null);
    assert.equal(draft.old_due_at.getTime(), due.getTime());
    assert.ok(draft.new_due_at > due);
    assert.match(draft.reason, /chưa được giải quyết xong trong thời hạn/);
    const kinds = (await eventsOf(d.code)).map((e) => e.kind);
    assert.ok(kinds.includes('dossier_due_soon') && kinds.includes('apology_drafted'), kinds.join());

    // Only a leader of the competent body approves; the approved letter moves the appointment.
    assert.equal(await code(applyProcessingAction(ctx, specialist, d.code, 'extend')), 'workflow.forbidden');
    assert.equal(
      await code(
        applyProcessingAction(ctx, chairman, d.code, 'extend', { newDueAt: '2026-01-01T00:00:00Z' }),
      ),
      'workflow.invalid_new_due_at',
    );
    const extended = await applyProcessingAction(ctx, chairman, d.code, 'extend', {
      reason: 'Cần xác minh thêm thông tin với cơ quan thuế',
    });
    assert.equal(extended.due_at!.getTime(), draft.new_due_at.getTime());
    assert.equal(extended.original_due_at!.getTime(), due.getTime());
    const letter = await db
      .selectFrom('dossier_apologies')
      .selectAll()
      .where('dossier_id', '=', d.id)
      .executeTakeFirstOrThrow();
    assert.equal(letter.approved_by, chairman.id);
    assert.equal(letter.reason, 'Cần xác minh thêm thông tin với cơ quan thuế');
    assert.ok(letter.sent_at);
    // Signed at the approval, with the responsible agency's certificate; the stored letter verifies.
    assert.ok(letter.signed_sha256 && letter.signed_at);
    const signedPdf = await buffer(await ctx.files.get(letter.signed_sha256));
    const report = verifyPdfSignatures(signedPdf, { trustedRoots: await trustedRoots(ctx) });
    assert.equal(report.valid, true, report.summary);
    assert.equal(report.signatures[0]?.subFilter, 'ETSI.CAdES.detached');
    assert.equal(
      await code(
        applyProcessingAction(ctx, chairman, d.code, 'extend', { newDueAt: '2026-12-31T00:00:00Z' }),
      ),
      'workflow.already_extended',
    );
    const sent = (await eventsOf(d.code)).find((e) => e.kind === 'apology_sent')!;
    assert.equal(
      sent.detail,
      new Intl.DateTimeFormat('vi-VN', {
        timeZone: 'Asia/Ho_Chi_Minh',
        hour: '2-digit',
        minute: '2-digit',
        day: '2-digit',
        month: '2-digit',
        year: 'numeric',
      }).format(letter.new_due_at),
    );

    // Stopped after the new appointment: the appraisal step (the ward, the specialist) made it late.
    now = new Date(extended.due_at!.getTime() + 3_600_000);
    const stopped = await applyProcessingAction(ctx, specialist, d.code, 'stop', {
      reason: 'Không đủ điều kiện',
    });
    assert.equal(stopped.status, 8);
    const row = await db
      .selectFrom('dossiers')
      .innerJoin('dossier_steps', 'dossier_steps.id', 'dossiers.late_step_id')
      .select(['dossier_steps.kind', 'dossier_steps.agency_id', 'dossier_steps.claimed_by'])
      .where('dossiers.id', '=', d.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(row, { kind: 'appraise', agency_id: world.ward.id, claimed_by: world.specialist.id });
  });

  it('records no late step when the dossier is decided in time', async () => {
    const { d } = await atAppraisal('wf-late-0002');
    const stopped = await applyProcessingAction(ctx, specialist, d.code, 'stop', { reason: 'Hồ sơ giả mạo' });
    const row = await db
      .selectFrom('dossiers')
      .select('late_step_id')
      .where('id', '=', stopped.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.late_step_id, null);
  });
});

describe('reminders', () => {
  it('sends each officer a digest of the steps they hold, and each centre its online dossiers not received', async () => {
    const { d, head } = await atAppraisal('wf-digest-0001');
    // The morning the step is due.
    now = new Date(head.step_due_at!.getTime() - 2 * 3_600_000);
    assert.ok((await sendDailyDigests(ctx)) >= 1);
    const rows = await db
      .selectFrom('pgboss.job' as never)
      .select('data' as never)
      .where('name' as never, '=', 'workflow.event' as never)
      .execute();
    const digest = (rows as { data: WorkflowEvent }[])
      .map((r) => r.data)
      .find((e) => e.kind === 'daily_digest' && e.to.officerIds?.includes(world.specialist.id))!;
    const today = digest.lists!.find((l) => l.title === 'Đến hạn hôm nay')!;
    assert.ok(
      today.lines.some((l) => l.code === d.code),
      JSON.stringify(digest.lists),
    );

    const waiting = await submitOnlineDossier(ctx, world, 'wf-weekly-0001');
    assert.ok((await sendWeeklyUnreceived(ctx)) >= 1);
    const weekly = (
      (await db
        .selectFrom('pgboss.job' as never)
        .select('data' as never)
        .where('name' as never, '=', 'workflow.event' as never)
        .execute()) as { data: WorkflowEvent }[]
    )
      .map((r) => r.data)
      .find(
        (e) => e.kind === 'weekly_unreceived' && e.lists![0]!.lines.some((l) => l.code === waiting.code),
      )!;
    assert.deepEqual(weekly.to, { deskAgencyId: world.wardCentre.id });
  });
});

describe('the chain snapshotted at receipt', () => {
  it('copies the steps when the dossier is received; the desk’s start begins the first of them', async () => {
    now = new Date('2026-03-02T02:00:00Z');
    const d = await submitOnlineDossier(ctx, world, 'wf-snapshot-0001');
    await receiveDossier(ctx, desk, d.code, {});
    const jobs = (await db
      .selectFrom('pgboss.job' as never)
      .select('data' as never)
      .where('name' as never, '=', 'dossiers.received' as never)
      .execute()) as { data: { dossierId: string } }[];
    assert.ok(
      jobs.some((j) => j.data.dossierId === d.id),
      'the receipt enqueues the snapshot',
    );
    await snapshotJob(ctx).handler({ dossierId: d.id }, { signal: new AbortController().signal } as never);
    await snapshotJob(ctx).handler({ dossierId: d.id }, { signal: new AbortController().signal } as never);
    const snap = await db
      .selectFrom('dossier_steps')
      .select(['id', 'kind', 'state'])
      .where('dossier_id', '=', d.id)
      .orderBy('position')
      .execute();
    assert.deepEqual(
      snap.map((s) => `${s.kind} ${s.state}`),
      [
        'receive_transfer pending',
        'appraise pending',
        'lien_thong pending',
        'approve_sign pending',
        'return_result pending',
      ],
      'redelivered: still one copy',
    );
    const head = await applyProcessingAction(ctx, desk, d.code, 'start');
    assert.equal(head.step_id, snap[0]!.id, 'the snapshotted first step begins');
    const after = await db
      .selectFrom('dossier_steps')
      .select(['state', 'claimed_by'])
      .where('dossier_id', '=', d.id)
      .orderBy('position')
      .execute();
    assert.equal(after.length, 5);
    assert.deepEqual(after[0], { state: 'active', claimed_by: world.desk.id });
  });
});
