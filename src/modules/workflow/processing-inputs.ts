/**
 * What the money and extension actions carry, checked before the transaction (request_payment's
 * amount, record_payment's receipt, extend's new appointment), and the event each applied action
 * tells the notifications module.
 */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import { validationError } from '../../platform/errors.js';
import type { WorkflowEvent, WorkflowEventKind } from './events.js';
import type { WorkflowAction } from './transitions.js';

const fieldError = (code: string, field: string, vi: string, en: string) =>
  validationError(code, { vi, en }, [{ field, message: { vi, en } }]);

const MAX_AMOUNT = 1_000_000_000_000;
const isAmount = (n: unknown): n is number =>
  typeof n === 'number' && Number.isSafeInteger(n) && n > 0 && n <= MAX_AMOUNT;

/** The apology letter waiting for a leader's approval, if any. */
export function pendingApology(db: Db, dossierId: string) {
  return db
    .selectFrom('dossier_apologies')
    .select(['id', 'reason', 'new_due_at', 'old_due_at', 'responsible_agency_id', 'drafted_at'])
    .where('dossier_id', '=', dossierId)
    .where('approved_at', 'is', null)
    .executeTakeFirst();
}

/** The new appointment of an extension: given, or the draft's; after the current one and after now. */
export function extensionInput(
  given: string | undefined,
  drafted: Date | null,
  dueAt: Date | null,
  now: Date,
): Date {
  const parsed = given?.trim() ? new Date(given.trim()) : drafted;
  if (!parsed || Number.isNaN(parsed.getTime()) || !dueAt || parsed <= dueAt || parsed <= now) {
    throw fieldError(
      'workflow.invalid_new_due_at',
      'newDueAt',
      'Hãy chọn ngày hẹn trả mới sau ngày hẹn hiện tại.',
      'Choose a new appointment after the current one.',
    );
  }
  return parsed;
}

/**
 * The financial obligation requested: the amount given (a tax notice, say), else the fee lines to be
 * collected after processing still unpaid.
 */
export async function obligationAmount(
  db: Db,
  dossierId: string,
  given: number | undefined,
): Promise<number> {
  if (given !== undefined) {
    if (isAmount(given)) return given;
    throw fieldError(
      'workflow.invalid_amount',
      'amount',
      'Số tiền phải là số nguyên dương (đồng).',
      'The amount must be a positive whole number of đồng.',
    );
  }
  const row = await db
    .selectFrom('dossier_fee_lines')
    .select(sql<string>`coalesce(sum(amount), 0)`.as('due'))
    .where('dossier_id', '=', dossierId)
    .where('collected', '=', 'after')
    .executeTakeFirstOrThrow();
  const due = Number(row.due);
  if (due > 0) return due;
  throw fieldError(
    'workflow.amount_required',
    'amount',
    'Thủ tục không có khoản thu sau: hãy ghi số tiền công dân phải nộp.',
    'The procedure has no fee collected afterwards: give the amount the citizen must pay.',
  );
}

export interface PaymentInput {
  receiptNumber: string;
  amount: number;
  method: 'cash' | 'transfer';
}

/** record_payment: the receipt number, the amount (default: what was requested), cash or transfer. */
export function paymentInput(
  input: { receiptNumber?: string | undefined; amount?: number | undefined; method?: string | undefined },
  requested: number | string | null,
): PaymentInput {
  const receiptNumber = input.receiptNumber?.trim() ?? '';
  if (!receiptNumber || receiptNumber.length > 50) {
    throw fieldError(
      'workflow.receipt_number_required',
      'receiptNumber',
      'Hãy ghi số biên lai (tối đa 50 ký tự).',
      'Give the receipt number (at most 50 characters).',
    );
  }
  const amount = input.amount ?? (requested === null ? undefined : Number(requested));
  if (!isAmount(amount)) {
    throw fieldError(
      'workflow.invalid_amount',
      'amount',
      'Số tiền phải là số nguyên dương (đồng).',
      'The amount must be a positive whole number of đồng.',
    );
  }
  const method = input.method ?? 'cash';
  if (method !== 'cash' && method !== 'transfer') {
    throw fieldError(
      'workflow.invalid_method',
      'method',
      'Hình thức thu là tiền mặt hoặc chuyển khoản.',
      'The method is cash or transfer.',
    );
  }
  return { receiptNumber, amount, method };
}

const money = (n: number) => `${n.toLocaleString('vi-VN')} đồng`;
const DATE = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  hour: '2-digit',
  minute: '2-digit',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

/** The history content of the money and extension actions. */
export function describeMoney(
  action: WorkflowAction,
  obligation: number | null,
  payment: PaymentInput | null,
  extension: Date | null,
): string | null {
  if (action === 'request_payment' && obligation) return `Số tiền phải nộp: ${money(obligation)}.`;
  if (action === 'record_payment' && payment)
    return `Đã thu ${money(payment.amount)} (${payment.method === 'cash' ? 'tiền mặt' : 'chuyển khoản'}), biên lai số ${payment.receiptNumber}.`;
  if (action === 'extend' && extension) return `Hẹn trả mới: ${DATE.format(extension)}.`;
  return null;
}

interface StepLike {
  id: string;
  agency_id: string;
  role: string;
  claimed_by: string | null;
}

export interface EventFacts {
  head: {
    id: string;
    code: string;
    procedure_name: string;
    account_id: string | null;
    receiving_agency_id: string;
    return_method?: string | null;
  };
  current: StepLike | null;
  next: StepLike | null;
  target: StepLike | null;
  assignee: string | null;
  reason: string | null;
  extension: Date | null;
  obligation: number | null;
  at: Date;
}

/** Citizen-facing outcomes: the citizen hears of them; the desk of the receiving centre too. */
const TO_CITIZEN: Partial<Record<WorkflowAction, WorkflowEventKind>> = {
  request_supplement: 'supplement_requested',
  request_payment: 'payment_requested',
  record_payment: 'payment_recorded',
  complete: 'completed',
  return_result: 'result_returned',
  stop: 'stopped',
  withdraw: 'withdrawn',
  extend: 'apology_sent',
};
const DESK_TOO = new Set<WorkflowAction>(['request_supplement', 'complete', 'stop', 'extend']);

/** The event an applied action emits, null when nobody needs telling. */
/** How the citizen gets the result, by the return method chosen at intake (Mẫu 01, item 6). */
const HOW_TO_GET: Record<string, string> = {
  desk: 'Mời bạn đến Bộ phận Một cửa nơi nộp hồ sơ, mang theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả và giấy tờ tùy thân, để nhận kết quả.',
  online:
    'Kết quả điện tử có chữ ký số sẽ có trong mục Hồ sơ của tôi và Kho dữ liệu của bạn ngay khi Bộ phận Một cửa trả kết quả.',
  post: 'Kết quả sẽ được gửi qua dịch vụ bưu chính công ích đến địa chỉ bạn đã đăng ký; bưu tá sẽ liên hệ qua số điện thoại của bạn.',
};

export function eventOf(action: WorkflowAction, f: EventFacts): WorkflowEvent | null {
  const base = {
    eventId: `${f.head.id}:${action}:${f.at.toISOString()}`,
    at: f.at.toISOString(),
    dossierCode: f.head.code,
    procedureName: f.head.procedure_name,
    accountId: f.head.account_id,
  };
  const citizenKind = TO_CITIZEN[action];
  if (citizenKind) {
    return {
      ...base,
      kind: citizenKind,
      to: { citizen: true, ...(DESK_TOO.has(action) ? { deskAgencyId: f.head.receiving_agency_id } : {}) },
      detail:
        action === 'request_payment' && f.obligation
          ? `${money(f.obligation)} — ${f.reason ?? ''}`
          : action === 'extend' && f.extension
            ? DATE.format(f.extension)
            : action === 'complete'
              ? (HOW_TO_GET[f.head.return_method ?? ''] ?? null)
              : f.reason,
    };
  }
  // Officers: the step now waiting for them (their pool, or the one who held it before).
  const waiting = (s: StepLike | null): WorkflowEvent | null =>
    s && {
      ...base,
      kind: 'handover_waiting',
      to: s.claimed_by ? { officerIds: [s.claimed_by] } : { role: { agencyId: s.agency_id, role: s.role } },
      detail: f.reason,
    };
  switch (action) {
    case 'assign':
      return f.assignee
        ? { ...base, kind: 'assigned', to: { officerIds: [f.assignee] }, detail: null }
        : null;
    case 'forward':
    case 'transfer':
      return waiting(f.next && { ...f.next, claimed_by: null });
    case 'return_step':
      return waiting(f.target);
    case 'supplement_received':
      return f.current?.claimed_by
        ? { ...base, kind: 'supplement_received', to: { officerIds: [f.current.claimed_by] }, detail: null }
        : null;
    default:
      return null;
  }
}
