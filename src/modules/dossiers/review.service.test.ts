import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp } from '../../../test/build-test-app.js';
import {
  citizenPrincipal,
  officerPrincipal,
  seedIntakeWorld,
  submitOnlineDossier,
} from '../../../test/factories-dossiers.js';
import { flatten, pdfText } from '../../../test/pdf-text.js';
import { fixedClock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import { completeDossier, withdrawDossier } from './citizen-actions.service.js';
import { listDocuments } from './data-store.service.js';
import { getDossier } from './dossier-read.service.js';
import { receiveDossier, recordCashPayment, refuseDossier, requestCompletion } from './review.service.js';
import { slipPdf } from './slips.service.js';
import { trackDossier } from './tracking.service.js';
import { trackingToken } from './tracking-token.js';

const clock = fixedClock('2026-12-07T01:30:00Z'); // Monday 7/12/2026 08:30 in Vietnam
const { ctx } = await buildTestApp({ clock });
const world = await seedIntakeWorld(ctx.db, clock);
const citizen = citizenPrincipal(world.citizen);
const desk = officerPrincipal(world.desk);
const otherDesk = officerPrincipal(world.provinceDesk);

let keys = 0;
const key = () => `review-key-${String(++keys).padStart(5, '0')}`;

async function rejects(p: Promise<unknown>, code: string) {
  await assert.rejects(p, (e: unknown) => e instanceof AppError && e.code === code);
}

const onlineDossier = () => submitOnlineDossier(ctx, world, key());

/** The events enqueued for a dossier, in order (the notifications module consumes them). */
async function eventsOf(dossierId: string) {
  const rows = await ctx.db
    .selectFrom('pgboss.job' as never)
    .select('data' as never)
    .where('name' as never, '=', 'dossiers.event' as never)
    .execute();
  return (rows as { data: { dossierId: string; kind: string; eventId: string } }[])
    .map((r) => r.data)
    .filter((e) => e.dossierId === dossierId);
}

describe('desk review', () => {
  it('receives an online dossier: status 2, appointment on the calendar, reduced fee, Mẫu 01, data store', async () => {
    const d = await onlineDossier();
    assert.equal(d.channel, 2);
    assert.equal(d.filedBy, 'citizen_remote');
    assert.deepEqual(
      d.components.map((c) => c.digitization),
      [1, 1, 0],
    );
    await rejects(receiveDossier(ctx, otherDesk, d.code, {}), 'dossier.not_found');
    await rejects(receiveDossier(ctx, citizen, d.code, {}), 'dossier.not_your_desk');
    const r = await receiveDossier(ctx, desk, d.code, {
      payment: { amount: 25_000, receiptNumber: 'BL-0001' },
    });
    assert.equal(r.status, 2);
    assert.equal(r.receivedAt?.toISOString(), '2026-12-07T01:30:00.000Z');
    // 3 working days online from Monday 08:30 → Thursday 10/12 08:30.
    assert.equal(r.dueAt?.toISOString(), '2026-12-10T01:30:00.000Z');
    assert.deepEqual(
      r.feeLines.map((l) => [l.baseAmount, l.amount, l.adjustment]),
      [[50_000, 25_000, 'Giảm 50% theo Nghị quyết thử nghiệm']],
    );
    assert.equal(r.feeCollection, 'before');
    assert.deepEqual(
      r.payments.map((p) => [p.amount, p.receiptNumber]),
      [[25_000, 'BL-0001']],
    );
    assert.deepEqual(
      r.slips.map((s) => [s.kind, s.formSet, s.formNo]),
      [['receipt', 'TT01-2018', '01']],
    );
    await rejects(receiveDossier(ctx, desk, d.code, {}), 'dossier.action_not_allowed');
    const docs = await listDocuments(ctx.db, world.citizen.id);
    assert.equal(docs.length, 2);
    assert.match(docs[0]?.code ?? '', /^022185012345\.1\.990001\.TP0[12]\.01$/);
    const { pdf } = await slipPdf(ctx, citizen, d.code, 'receipt');
    const text = (await pdfText(pdf)).join('\n');
    for (const s of [
      'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
      d.code,
      'Nguyễn Thị Hường',
      'Đăng ký khai sinh (thử nghiệm)',
      '03 ngày làm việc',
      '25.000',
      'BL-0001',
    ])
      assert.ok(text.replace(/\s+/g, ' ').includes(s), `${s} in ${text}`);
  });

  it('asks for completion with Mẫu 02, the citizen completes, the desk then receives', async () => {
    const d = await onlineDossier();
    await rejects(
      requestCompletion(ctx, desk, d.code, { missing: [] }),
      'dossier.invalid_completion_request',
    );
    const asked = await requestCompletion(ctx, desk, d.code, {
      missing: [{ name: 'Giấy chứng sinh', reason: 'Bản chụp mờ, không đọc được số' }],
      reason: 'Chụp lại rõ nét',
    });
    assert.equal(asked.subState, 'awaiting_completion');
    const slip = asked.slips.find((s) => s.kind === 'completion_request');
    assert.match(slip?.details.number ?? '', /^\d+\/HDHS$/);
    const text = (await pdfText((await slipPdf(ctx, citizen, d.code, 'completion_request')).pdf))
      .join(' ')
      .replace(/\s+/g, ' ');
    assert.ok(text.includes('Bản chụp mờ, không đọc được số'), text);
    const done = await completeDossier(ctx, citizen, d.code, { note: 'Đã chụp lại' });
    assert.equal(done.subState, 'completion_submitted');
    assert.equal((await receiveDossier(ctx, desk, d.code, {})).status, 2);
  });

  it('refuses with a reason (Mẫu 03), status 3; without a reason nothing changes', async () => {
    const d = await onlineDossier();
    await rejects(refuseDossier(ctx, desk, d.code, { reason: '  ' }), 'dossier.reason_required');
    assert.equal((await getDossier(ctx.db, d.code)).status, 1);
    const r = await refuseDossier(ctx, desk, d.code, { reason: 'Thủ tục không thuộc thẩm quyền' });
    assert.equal(r.status, 3);
    assert.equal(r.refusalReason, 'Thủ tục không thuộc thẩm quyền');
    const text = flatten(await pdfText((await slipPdf(ctx, citizen, d.code, 'refusal')).pdf));
    assert.ok(text.includes('Thủ tục không thuộc thẩm quyền'), text);
  });

  it('one of two officers acting at once wins; the other is told the dossier changed', async () => {
    const d = await onlineDossier();
    const outcomes = await Promise.allSettled([
      receiveDossier(ctx, desk, d.code, {}),
      refuseDossier(ctx, desk, d.code, { reason: 'Trùng hồ sơ' }),
    ]);
    assert.equal(outcomes.filter((o) => o.status === 'fulfilled').length, 1);
    const lost = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
    assert.ok(['dossier.changed', 'dossier.action_not_allowed'].includes((lost.reason as AppError).code));
    const after = await getDossier(ctx.db, d.code);
    assert.equal(after.history.length, 2, 'one submit row and one winning row');
  });

  it('withdraws a new dossier at once; a received one waits for the desk', async () => {
    const a = await onlineDossier();
    await rejects(withdrawDossier(ctx, citizen, a.code, { reason: '' }), 'dossier.reason_required');
    assert.equal((await withdrawDossier(ctx, citizen, a.code, { reason: 'Nộp nhầm thủ tục' })).status, 7);
    const b = await onlineDossier();
    await receiveDossier(ctx, desk, b.code, {});
    const asked = await withdrawDossier(ctx, citizen, b.code, { reason: 'Không còn nhu cầu' });
    assert.equal(asked.status, 2);
    assert.ok(asked.withdrawRequestedAt);
    assert.equal((await withdrawDossier(ctx, desk, b.code, { reason: 'Không còn nhu cầu' })).status, 7);
  });

  it('records a later cash payment, never more than is due', async () => {
    const d = await onlineDossier();
    await rejects(
      recordCashPayment(ctx, desk, d.code, { amount: 25_000, receiptNumber: 'BL-9' }),
      'dossier.payment_not_expected',
    );
    await receiveDossier(ctx, desk, d.code, {});
    await rejects(
      recordCashPayment(ctx, desk, d.code, { amount: 30_000, receiptNumber: 'BL-9' }),
      'dossier.invalid_payment',
    );
    const paid = await recordCashPayment(ctx, desk, d.code, { amount: 25_000, receiptNumber: 'BL-9' });
    assert.deepEqual(
      paid.payments.map((p) => p.receiptNumber),
      ['BL-9'],
    );
  });

  it('emits one event per outcome, in the transaction of the change', async () => {
    const d = await onlineDossier();
    await refuseDossier(ctx, desk, d.code, { reason: 'Hồ sơ không hợp lệ' });
    await rejects(refuseDossier(ctx, desk, d.code, { reason: 'Lần hai' }), 'dossier.action_not_allowed');
    const events = await eventsOf(d.id);
    assert.deepEqual(events.map((e) => e.kind).sort(), ['refused', 'submitted']);
    assert.equal(new Set(events.map((e) => e.eventId)).size, 2);
  });

  it('shows the public tracking to the right check digits or the slip token only, without personal data', async () => {
    const d = await onlineDossier();
    await rejects(
      trackDossier(ctx.db, ctx.serverSecret, d.code, { check: '0000' }),
      'dossier.tracking_not_found',
    );
    const v = await trackDossier(ctx.db, ctx.serverSecret, d.code, { check: '5678' });
    assert.equal(v.status, 1);
    const byToken = await trackDossier(ctx.db, ctx.serverSecret, d.code, {
      token: trackingToken(ctx.serverSecret, d.code),
    });
    assert.equal(byToken.code, d.code);
    assert.ok(!JSON.stringify(v).includes('Hường') && !JSON.stringify(v).includes('0912345678'));
    await rejects(
      trackDossier(ctx.db, ctx.serverSecret, d.code, {
        token: trackingToken(ctx.serverSecret, 'H22.1-261207-0001'),
      }),
      'dossier.tracking_not_found',
    );
  });
});
