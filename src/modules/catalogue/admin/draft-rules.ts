/**
 * Rules a draft's content must satisfy before it is saved (bản nháp thủ tục): the canonical schema of
 * one version's content, plus what the tables of migration 0011 check (a condition for a conditional
 * component, one default workflow per level, one workflow per agency, dates in order). Pure.
 */
import Value from 'typebox/value';
import { type Bilingual, type FieldError, validationError } from '../../../platform/errors.js';
import { ContentSchema } from '../canonical.js';
import type { Level, ProcedureContent, TimeUnit } from '../content.js';
import { type BudgetCheck, checkWorkflowBudget } from '../workflow-budget.js';

const LEVEL_ORDER: Level[] = ['commune', 'ministry', 'other', 'province'];

/** Workflows in the order the database reads them back (level, then as inserted): stable hashes. */
export function normaliseContent(c: ProcedureContent): ProcedureContent {
  const workflows = c.workflows
    .map((w) => ({ ...w, agencyCode: w.agencyCode ?? null }))
    .sort((a, b) => LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level));
  return { ...c, workflows };
}

const err = (field: string, vi: string, en: string): FieldError => ({ field, message: { vi, en } });

/** Every problem of a content, as field errors (empty: it may be saved). */
export function contentProblems(c: ProcedureContent): FieldError[] {
  if (!Value.Check(ContentSchema, c)) {
    return [...Value.Errors(ContentSchema, c)]
      .slice(0, 10)
      .map((e) =>
        err(
          e.instancePath.replace(/^\//, '').replaceAll('/', '.') || 'content',
          `Giá trị không hợp lệ: ${e.message}`,
          `Invalid value: ${e.message}`,
        ),
      );
  }
  const out: FieldError[] = [];
  c.components.forEach((x, i) => {
    if (x.requirement === 'conditional' && !x.conditionText)
      out.push(err(`components.${i}.conditionText`, 'Nhập điều kiện', 'Enter the condition'));
  });
  c.channels.forEach((x, i) => {
    if ((x.timeValue === null) !== (x.timeUnit === null))
      out.push(
        err(`channels.${i}.timeUnit`, 'Nhập cả số và đơn vị thời hạn', 'Enter both the time and its unit'),
      );
  });
  c.feeLines.forEach((f, i) => {
    if (f.channelPosition !== null && f.channelPosition >= c.channels.length)
      out.push(err(`feeLines.${i}.channelPosition`, 'Không có cách thức này', 'No such channel'));
    if (f.amountMax !== null && f.amountMax < f.amount)
      out.push(
        err(`feeLines.${i}.amountMax`, 'Mức tối đa nhỏ hơn mức phí', 'The maximum is below the amount'),
      );
  });
  c.feeReductions.forEach((r, i) => {
    if (r.validTo !== null && r.validTo < r.validFrom)
      out.push(
        err(`feeReductions.${i}.validTo`, 'Ngày hết hiệu lực trước ngày bắt đầu', 'Ends before it starts'),
      );
  });
  const defaults = new Set<string>();
  const agencies = new Set<string>();
  c.workflows.forEach((w, i) => {
    const code = w.agencyCode ?? null;
    if (w.isDefault !== (code === null))
      out.push(
        err(
          `workflows.${i}.agencyCode`,
          'Quy trình mặc định không gắn cơ quan; quy trình của cơ quan phải có mã cơ quan',
          'A default workflow has no agency; an agency workflow needs its code',
        ),
      );
    const key = code ?? `default:${w.level}`;
    if ((code ? agencies : defaults).has(key))
      out.push(err(`workflows.${i}`, 'Quy trình trùng lặp', 'Duplicate workflow'));
    (code ? agencies : defaults).add(key);
  });
  return out;
}

/** As {@link contentProblems}, thrown as `catalogue.invalid_draft` when there is any. */
export function assertValidContent(c: ProcedureContent): void {
  const fields = contentProblems(c);
  if (fields.length > 0)
    throw validationError(
      'catalogue.invalid_draft',
      { vi: 'Nội dung thủ tục chưa hợp lệ', en: 'The procedure content is not valid' },
      fields,
    );
}

/** The legal time the workflows must fit: the direct channel's, else the first channel with a time. */
export function legalTimeOf(c: ProcedureContent): { value: number | null; unit: TimeUnit | null } {
  const timed = (x: { timeValue: number | null; timeUnit: TimeUnit | null }) =>
    x.timeValue !== null && x.timeUnit !== null;
  const channel = c.channels.find((x) => x.kind === 'direct' && timed(x)) ?? c.channels.find(timed);
  return channel ? { value: channel.timeValue, unit: channel.timeUnit } : { value: null, unit: null };
}

const UNIT_NAMES: Record<TimeUnit, Bilingual> = {
  gio: { vi: 'giờ', en: 'working hours' },
  'ngay-lam-viec': { vi: 'ngày làm việc', en: 'working days' },
  ngay: { vi: 'ngày', en: 'days' },
  thang: { vi: 'tháng', en: 'months' },
};
export const unitName = (u: TimeUnit) => UNIT_NAMES[u];

/** Hours from minutes, as people write them: "7,5" in Vietnamese, "7.5" in English. */
export function hoursText(minutes: number, lang: 'vi' | 'en'): string {
  const text = String(Math.round((minutes / 60) * 100) / 100);
  return lang === 'vi' ? text.replace('.', ',') : text;
}

/** A decimal as typed ("7,5", "7.5", " 8 "), or undefined when it is not a number ≥ 0. */
export function parseDecimal(text: string): number | undefined {
  const t = text.trim().replace(',', '.');
  if (!/^\d{1,6}(\.\d{1,4})?$/.test(t)) return undefined;
  return Number(t);
}

/** A budget check as a message (refusal or warning), or null when the workflow simply fits. */
export function budgetMessage(
  check: BudgetCheck,
  legal: { value: number | null; unit: TimeUnit | null },
): Bilingual | null {
  const total = { vi: hoursText(check.totalMinutes, 'vi'), en: hoursText(check.totalMinutes, 'en') };
  if (check.status === 'ok') return null;
  if (check.status === 'exceeds') {
    const limit = { vi: hoursText(check.legalMinutes, 'vi'), en: hoursText(check.legalMinutes, 'en') };
    const days =
      legal.unit === 'ngay-lam-viec' && legal.value !== null
        ? {
            vi: ` (${String(legal.value).replace('.', ',')} ngày làm việc)`,
            en: ` (${legal.value} working days)`,
          }
        : { vi: '', en: '' };
    return {
      vi: `Tổng thời gian các bước ${total.vi} giờ vượt thời hạn luật định ${limit.vi} giờ${days.vi}`,
      en: `The steps take ${total.en} working hours in total, more than the legal time of ${limit.en} hours${days.en}`,
    };
  }
  if (check.status === 'warn_calendar_unit') {
    const u = unitName(check.unit);
    return {
      vi: `Thời hạn luật định tính theo ${u.vi} (lịch), không quy đổi chắc chắn ra giờ làm việc: hãy tự kiểm tra tổng ${total.vi} giờ của các bước.`,
      en: `The legal time is in ${u.en} (calendar time), which does not convert surely to working hours: check the steps' total of ${total.en} hours yourself.`,
    };
  }
  return {
    vi: `Chưa xác định được thời hạn luật định của thủ tục: chưa kiểm tra được tổng ${total.vi} giờ của các bước.`,
    en: `The procedure's legal time is unknown: the steps' total of ${total.en} hours could not be checked.`,
  };
}

/** The budget check of one workflow's steps against the procedure's legal time. */
export function workflowBudget(c: ProcedureContent, steps: { budgetMinutes: number | null }[]) {
  const legal = legalTimeOf(c);
  const check = checkWorkflowBudget(steps, legal);
  return { check, legal, message: budgetMessage(check, legal) };
}

const VN_OFFSET_MS = 7 * 3_600_000;
export const vietnamToday = (now: Date) => new Date(now.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);

const pastDate = () =>
  validationError(
    'catalogue.effective_in_past',
    { vi: 'Ngày có hiệu lực không được ở quá khứ', en: 'The effective date may not be in the past' },
    [
      {
        field: 'effectiveFrom',
        message: { vi: 'Chọn hôm nay hoặc một ngày sau', en: 'Choose today or a later day' },
      },
    ],
  );

/**
 * When a published version takes effect: empty → now; a day (YYYY-MM-DD) → the start of that day in
 * Vietnam, or now for today; an instant as given. A past day or instant is an error (returned).
 */
export function effectiveInstant(text: string | undefined, now: Date): Date | Error {
  const t = (text ?? '').trim();
  if (t === '') return now;
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) {
    const start = new Date(`${t}T00:00:00Z`);
    if (Number.isNaN(start.getTime())) return pastDate();
    const today = vietnamToday(now);
    if (t < today) return pastDate();
    return t === today ? now : new Date(start.getTime() - VN_OFFSET_MS);
  }
  const at = new Date(t);
  if (Number.isNaN(at.getTime()) || !/^\d{4}-\d{2}-\d{2}T/.test(t))
    return validationError(
      'catalogue.bad_effective_date',
      { vi: 'Ngày có hiệu lực không hợp lệ', en: 'Invalid effective date' },
      [
        {
          field: 'effectiveFrom',
          message: { vi: 'Nhập ngày dạng năm-tháng-ngày', en: 'Enter a date as year-month-day' },
        },
      ],
    );
  return at.getTime() < now.getTime() - 60_000 ? pastDate() : at;
}
