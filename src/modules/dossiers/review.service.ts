/**
 * The desk's review of a new dossier (DOMAIN.md §3.3 rows 2–4): receive it (status 2, appointment,
 * fee lines, Mẫu 01), ask for completion (Mẫu 02), or refuse it (status 3, Mẫu 03). Only a one-stop
 * officer of the receiving centre (or of an agency above it) may.
 */

import type { Db } from '../../platform/db/database.js';
import { validationError } from '../../platform/errors.js';
import type { Principal } from '../../platform/http/access.js';
import { newId } from '../../platform/ids.js';
import type { AppContext } from '../../platform/module.js';
import { formatVietnamDateTime } from '../../platform/pdf/index.js';
import { computeDue, loadWorkingCalendar, sameDayDue } from '../calendar/index.js';
import { versionAt } from '../catalogue/index.js';
import { describeDuration, statutoryDuration } from './appointment.js';
import { storeDigitizedComponents } from './data-store.service.js';
import type { Dossier } from './dossier.js';
import { localDay } from './dossier-code.js';
import { getDossier, getDossierForCaller, isDeskOf, notAtThisDesk } from './dossier-read.service.js';
import * as repo from './dossiers.repository.js';
import { emitDossierReceived } from './events.js';
import { CHANNEL_KINDS, feeCollection, fixFeeLines } from './fees.js';
import { applyTransition } from './transitions.js';

export interface ReceiveInput {
  /** Đối tượng miễn phí recorded by the desk (e.g. "Hộ nghèo"), or null. */
  exemption?: string | null;
  /** Cash taken at the desk now, with the receipt number (biên lai). */
  payment?: { amount: number; receiptNumber: string } | null;
  note?: string | null;
}

export interface CompletionInput {
  missing: { name: string; reason: string }[];
  reason?: string | null;
}

const text = (v: string | null | undefined, max = 2000) =>
  v?.normalize('NFC').replace(/\s+/g, ' ').trim().slice(0, max) || null;

async function deskDossier(db: Db, principal: Principal, idOrCode: string): Promise<Dossier> {
  const d = await getDossierForCaller(db, principal, idOrCode);
  if (!(await isDeskOf(db, principal, d.receivingAgency.id))) throw notAtThisDesk();
  return d;
}

async function formSetAt(db: Db, at: Date) {
  const set = await repo.selectFormSetAt(db, localDay(at));
  if (!set) {
    throw validationError('dossier.no_form_set', {
      vi: 'Chưa có bộ biểu mẫu nào có hiệu lực tại ngày hôm nay: hãy báo quản trị hệ thống.',
      en: 'No form set is in force today: tell the system administrator.',
    });
  }
  return set;
}

async function appointment(db: Db, d: Dossier, now: Date) {
  const version = await versionAt(db, d.procedureCode, now);
  const calendar = await loadWorkingCalendar(db, d.competentAgency.id, now);
  const duration = statutoryDuration(version.content, CHANNEL_KINDS[d.channel]);
  const cut = version.content.cutOff;
  const dueAt =
    cut?.sameDay && cut.cutoff
      ? sameDayDue(now, { cutoff: cut.cutoff }, calendar)
      : duration
        ? computeDue(now, { value: duration.value, unit: duration.unit }, calendar).dueAt
        : null;
  return { version, duration, dueAt };
}

function checkPayment(p: ReceiveInput['payment'], due: number) {
  if (!p) return null;
  const receiptNumber = text(p.receiptNumber, 50);
  const errors = [];
  if (!Number.isInteger(p.amount) || p.amount <= 0 || p.amount > due)
    errors.push({
      field: 'payment.amount',
      message: {
        vi: `Số tiền thu phải là số nguyên dương, không quá ${due.toLocaleString('vi-VN')} đồng.`,
        en: `The amount must be a positive whole number of đồng, at most ${due}.`,
      },
    });
  if (!receiptNumber)
    errors.push({
      field: 'payment.receiptNumber',
      message: { vi: 'Hãy nhập số biên lai.', en: 'Enter the receipt number.' },
    });
  if (errors.length > 0)
    throw validationError(
      'dossier.invalid_payment',
      { vi: 'Thông tin thu tiền chưa đúng.', en: 'The payment is not valid.' },
      errors,
    );
  return { amount: p.amount, receiptNumber: receiptNumber ?? '' };
}

export async function receiveDossier(
  ctx: AppContext,
  principal: Principal,
  idOrCode: string,
  input: ReceiveInput,
) {
  const d = await deskDossier(ctx.db, principal, idOrCode);
  const now = ctx.clock.now();
  const formSet = await formSetAt(ctx.db, now);
  const { version, duration, dueAt } = await appointment(ctx.db, d, now);
  const exemption = text(input.exemption, 200);
  const lines = fixFeeLines({
    content: version.content,
    channel: CHANNEL_KINDS[d.channel],
    receivedOn: localDay(now),
    exemption,
  });
  const payment = checkPayment(
    input.payment,
    lines.reduce((s, l) => s + l.amount, 0),
  );
  await ctx.db.transaction().execute(async (trx) => {
    await applyTransition(ctx, trx, {
      dossier: d,
      action: 'receive',
      actor: 'officer',
      principal,
      agencyId: d.receivingAgency.id,
      content: [
        `Tiếp nhận hồ sơ; hẹn trả ${dueAt ? formatVietnamDateTime(dueAt) : 'theo quy định'}.`,
        text(input.note),
      ]
        .filter(Boolean)
        .join(' '),
      patch: {
        received_at: now,
        due_at: dueAt,
        duration_value: duration?.value ?? null,
        duration_unit: duration?.unit ?? null,
        procedure_version_id: version.id,
        form_set: formSet.code,
        fee_collection: feeCollection(lines),
      },
      stepDueAt: dueAt,
      event: { kind: 'received', detail: dueAt ? dueAt.toISOString() : null },
    });
    if (lines.length > 0) {
      await trx
        .insertInto('dossier_fee_lines')
        .values(
          lines.map((l) => ({
            dossier_id: d.id,
            position: l.position,
            kind: l.kind,
            name: l.name,
            base_amount: l.baseAmount,
            amount: l.amount,
            collected: l.collected,
            adjustment: l.adjustment,
          })),
        )
        .execute();
    }
    if (payment) await insertPayment(trx, d.id, payment, principal.id, now);
    await insertSlip(trx, d.id, 'receipt', formSet.code, formSet.receipt_no, principal.id, now, {
      durationText: describeDuration(duration),
      assumedUnit: duration?.assumedUnit ?? false,
    });
    await storeDigitizedComponents(trx, d, now);
    await emitDossierReceived(ctx.jobs, trx, d.id);
  });
  return getDossier(ctx.db, d.id);
}

async function insertPayment(
  trx: Db,
  dossierId: string,
  p: { amount: number; receiptNumber: string },
  by: string,
  now: Date,
) {
  await trx
    .insertInto('dossier_payments')
    .values({
      id: newId(),
      dossier_id: dossierId,
      amount: p.amount,
      method: 'cash',
      receipt_number: p.receiptNumber,
      recorded_by: by,
      recorded_at: now,
    })
    .execute();
}

async function insertSlip(
  trx: Db,
  dossierId: string,
  kind: 'receipt' | 'completion_request' | 'refusal',
  formSet: string,
  formNo: string,
  by: string,
  now: Date,
  details: Record<string, unknown>,
) {
  await trx
    .insertInto('dossier_slips')
    .values({
      id: newId(),
      dossier_id: dossierId,
      kind,
      form_set: formSet,
      form_no: formNo,
      issued_at: now,
      issued_by: by,
      details: JSON.stringify(details),
    })
    .execute();
}

function checkCompletion(input: CompletionInput) {
  const missing = (input.missing ?? [])
    .map((m) => ({ name: text(m.name, 500) ?? '', reason: text(m.reason, 1000) ?? '' }))
    .filter((m) => m.name !== '');
  const fields = [];
  if (missing.length === 0)
    fields.push({
      field: 'missing',
      message: {
        vi: 'Hãy nêu ít nhất một giấy tờ cần bổ sung, hoàn thiện.',
        en: 'Name at least one document to add or fix.',
      },
    });
  missing.forEach((m, i) => {
    if (!m.reason)
      fields.push({
        field: `missing.${i}.reason`,
        message: { vi: 'Hãy nêu nội dung cần bổ sung.', en: 'Say what must be added or fixed.' },
      });
  });
  if (fields.length > 0)
    throw validationError(
      'dossier.invalid_completion_request',
      { vi: 'Phiếu yêu cầu bổ sung chưa đủ nội dung.', en: 'The completion request is incomplete.' },
      fields,
    );
  return { missing, reason: text(input.reason) };
}

/** Mẫu 02: everything missing, in one request (DOMAIN.md §3.4 rule 1). */
export async function requestCompletion(
  ctx: AppContext,
  principal: Principal,
  idOrCode: string,
  input: CompletionInput,
) {
  const d = await deskDossier(ctx.db, principal, idOrCode);
  const { missing, reason } = checkCompletion(input);
  const now = ctx.clock.now();
  const formSet = await formSetAt(ctx.db, now);
  await ctx.db.transaction().execute(async (trx) => {
    const seq = await repo.nextSequence(
      trx,
      `${d.receivingAgency.code}.HDHS`,
      `${localDay(now).slice(0, 4)}-01-01`,
    );
    const summary = missing.map((m) => `${m.name}: ${m.reason}`).join('; ');
    await applyTransition(ctx, trx, {
      dossier: d,
      action: 'request_completion',
      actor: 'officer',
      principal,
      agencyId: d.receivingAgency.id,
      content: `Yêu cầu bổ sung, hoàn thiện hồ sơ (${seq}/HDHS): ${summary}${reason ? `. ${reason}` : ''}`,
      event: { kind: 'completion_requested', detail: summary },
    });
    await insertSlip(
      trx,
      d.id,
      'completion_request',
      formSet.code,
      formSet.completion_request_no,
      principal.id,
      now,
      {
        number: `${seq}/HDHS`,
        missing,
        reason,
      },
    );
  });
  return getDossier(ctx.db, d.id);
}

/** Mẫu 03: refused at intake, with the reason (DOMAIN.md §3.4 rule 6). */
export async function refuseDossier(
  ctx: AppContext,
  principal: Principal,
  idOrCode: string,
  input: { reason: string },
) {
  const d = await deskDossier(ctx.db, principal, idOrCode);
  const reason = text(input.reason);
  if (!reason) {
    const message = {
      vi: 'Hãy nêu lý do từ chối tiếp nhận.',
      en: 'Give the reason for refusing the dossier.',
    };
    throw validationError('dossier.reason_required', message, [{ field: 'reason', message }]);
  }
  const now = ctx.clock.now();
  const formSet = await formSetAt(ctx.db, now);
  await ctx.db.transaction().execute(async (trx) => {
    await applyTransition(ctx, trx, {
      dossier: d,
      action: 'refuse',
      actor: 'officer',
      principal,
      agencyId: d.receivingAgency.id,
      content: `Từ chối tiếp nhận: ${reason}`,
      patch: { refusal_reason: reason, form_set: formSet.code },
      event: { kind: 'refused', detail: reason },
    });
    await insertSlip(trx, d.id, 'refusal', formSet.code, formSet.refusal_no, principal.id, now, { reason });
  });
  return getDossier(ctx.db, d.id);
}

/** Cash taken at the desk after the receipt (e.g. a "Thu sau" fee), with its receipt number. */
export async function recordCashPayment(
  ctx: AppContext,
  principal: Principal,
  idOrCode: string,
  input: { amount: number; receiptNumber: string },
) {
  const d = await deskDossier(ctx.db, principal, idOrCode);
  if (d.receivedAt === null || [3, 7, 8].includes(d.status)) {
    throw validationError('dossier.payment_not_expected', {
      vi: 'Chỉ thu tiền cho hồ sơ đã được tiếp nhận và đang được giải quyết.',
      en: 'Payments are taken only for dossiers received and in progress.',
    });
  }
  const due = d.feeLines.reduce((s, l) => s + l.amount, 0) - d.payments.reduce((s, p) => s + p.amount, 0);
  const payment = checkPayment(input, due);
  if (!payment) return d;
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await insertPayment(trx, d.id, payment, principal.id, now);
    await repo.insertHistory(trx, {
      id: newId(),
      dossierId: d.id,
      at: now,
      action: 'record_payment',
      fromStatus: d.status,
      toStatus: d.status,
      actorKind: 'officer',
      actorId: principal.id,
      actorName: principal.name,
      actorRole: 'one_stop',
      agencyId: d.receivingAgency.id,
      content: `Thu tiền mặt ${payment.amount.toLocaleString('vi-VN')} đồng, biên lai số ${payment.receiptNumber}.`,
    });
  });
  return getDossier(ctx.db, d.id);
}
