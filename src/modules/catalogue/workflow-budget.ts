/**
 * Quy trình nội bộ: the default workflow the import gives each procedure, and the check that the
 * step budgets fit the legal processing time. 1 ngày làm việc = 8 working hours (DOMAIN.md §6.1).
 */
import type { Level, StepKind, TimeUnit, WorkflowContent, WorkflowStepContent } from './content.js';

export const MINUTES_PER_WORKING_DAY = 8 * 60;

export type BudgetCheck =
  | { status: 'ok'; totalMinutes: number; legalMinutes: number }
  | { status: 'exceeds'; totalMinutes: number; legalMinutes: number }
  | { status: 'warn_calendar_unit'; totalMinutes: number; unit: TimeUnit }
  | { status: 'unknown_legal_time'; totalMinutes: number };

/** Legal time in working minutes when the unit counts working time (giờ, ngày làm việc); else null. */
export function legalWorkingMinutes(value: number | null, unit: TimeUnit | null): number | null {
  if (value === null) return null;
  if (unit === 'gio') return Math.round(value * 60);
  if (unit === 'ngay-lam-viec') return Math.round(value * MINUTES_PER_WORKING_DAY);
  return null;
}

/**
 * The sum of step budgets may not exceed the legal time when that time is in giờ or ngày làm việc;
 * for ngày or tháng (calendar time) the check can only warn. An online target may be shorter.
 */
export function checkWorkflowBudget(
  steps: Pick<WorkflowStepContent, 'budgetMinutes'>[],
  legal: { value: number | null; unit: TimeUnit | null },
): BudgetCheck {
  const totalMinutes = steps.reduce((sum, s) => sum + (s.budgetMinutes ?? 0), 0);
  const legalMinutes = legalWorkingMinutes(legal.value, legal.unit);
  if (legalMinutes !== null) {
    return { status: totalMinutes <= legalMinutes ? 'ok' : 'exceeds', totalMinutes, legalMinutes };
  }
  if (legal.value !== null && legal.unit !== null)
    return { status: 'warn_calendar_unit', totalMinutes, unit: legal.unit };
  return { status: 'unknown_legal_time', totalMinutes };
}

const DEFAULT_STEPS: { kind: StepKind; role: string; share: number }[] = [
  { kind: 'receive_transfer', role: 'Bộ phận Một cửa (tiếp nhận, chuyển hồ sơ)', share: 0.05 },
  { kind: 'appraise', role: 'Công chức chuyên môn (thẩm định)', share: 0.5 },
  { kind: 'review', role: 'Lãnh đạo phòng chuyên môn (xem xét)', share: 0.15 },
  { kind: 'approve_sign', role: 'Lãnh đạo cơ quan (phê duyệt, ký)', share: 0.2 },
  { kind: 'return_result', role: 'Bộ phận Một cửa (trả kết quả)', share: 0.1 },
];

/**
 * Working minutes a calendar duration surely holds: ngày and tháng count calendar days, of which
 * at least 5 in 7 are working days (holidays aside), so budgets scaled to it stay inside the term.
 */
export function budgetBaseMinutes(value: number | null, unit: TimeUnit | null): number | null {
  if (value === null || unit === null) return legalWorkingMinutes(value, unit);
  const working = legalWorkingMinutes(value, unit);
  if (working !== null) return working;
  const days = unit === 'ngay' ? value : value * 28;
  return Math.max(1, Math.floor((days * 5) / 7)) * MINUTES_PER_WORKING_DAY;
}

/** One-stop transfer → appraisal → review → approval and signature → return, scaled to the time. */
export function defaultWorkflow(
  level: Level,
  legal: { value: number | null; unit: TimeUnit | null },
): WorkflowContent {
  const base = budgetBaseMinutes(legal.value, legal.unit);
  const steps: WorkflowStepContent[] = DEFAULT_STEPS.map((s) => ({
    kind: s.kind,
    role: s.role,
    agencyName: null,
    budgetMinutes: base === null ? null : Math.floor(base * s.share),
  }));
  if (base !== null) {
    const used = steps.reduce((sum, s) => sum + (s.budgetMinutes ?? 0), 0);
    const appraise = steps[1] as WorkflowStepContent;
    appraise.budgetMinutes = (appraise.budgetMinutes ?? 0) + (base - used);
  }
  return { level, isDefault: true, onlineTargetMinutes: null, steps };
}
