/**
 * Quy trình nội bộ của cơ quan as a form: ordered steps (kind, role, the other agency of a liên
 * thông step, budget in working hours, decimals allowed, stored in minutes) and an optional online
 * target. An agency starts from the default workflow of its level. Pure.
 */
import type { FieldError } from '../../../platform/errors.js';
import type { Level, ProcedureContent, StepKind, WorkflowContent } from '../content.js';
import { defaultWorkflow } from '../workflow-budget.js';
import { legalTimeOf, parseDecimal } from './draft-rules.js';
import { type FormState, fieldError as fe } from './form-state.js';

export const STEP_KINDS: readonly StepKind[] = [
  'receive_transfer',
  'appraise',
  'review',
  'approve_sign',
  'lien_thong',
  'return_result',
];
export const WORKFLOW_FIELDS = ['onlineTargetHours'] as const;
export const WORKFLOW_GROUPS = { step: ['kind', 'role', 'agencyName', 'hours'] } as const;
export const BLANK_STEP = { kind: 'appraise', role: '', agencyName: '', hours: '' };

const COMMUNE_KINDS = ['commune_committee', 'commune_service_centre'];
export const levelOfAgencyKind = (kind: string): Level =>
  COMMUNE_KINDS.includes(kind) ? 'commune' : 'province';

const hours = (minutes: number | null) =>
  minutes === null ? '' : String(Math.round((minutes / 60) * 100) / 100).replace('.', ',');

/** The agency's workflow in the draft, or the default of its level to start from (not yet saved). */
export function workflowOf(
  c: ProcedureContent,
  agencyCode: string,
  level: Level,
): { workflow: WorkflowContent; saved: boolean } {
  const own = c.workflows.find((w) => w.agencyCode === agencyCode);
  if (own) return { workflow: own, saved: true };
  const base =
    c.workflows.find((w) => !w.agencyCode && w.level === level) ??
    c.workflows.find((w) => !w.agencyCode) ??
    defaultWorkflow(level, legalTimeOf(c));
  return { workflow: { ...base, level, isDefault: false, agencyCode }, saved: false };
}

export function workflowValues(w: WorkflowContent): FormState {
  return {
    fields: { onlineTargetHours: hours(w.onlineTargetMinutes) },
    rows: {
      step: w.steps.map((s) => ({
        kind: s.kind,
        role: s.role,
        agencyName: s.agencyName ?? '',
        hours: hours(s.budgetMinutes),
      })),
    },
  };
}

/** The draft with the agency's workflow as typed, or the errors next to each field. */
export function applyWorkflow(
  v: FormState,
  draft: ProcedureContent,
  agencyCode: string,
  level: Level,
): { content?: ProcedureContent; workflow?: WorkflowContent; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const rows = v.rows.step ?? [];
  if (rows.length === 0)
    errors.push(fe('steps', 'Quy trình cần ít nhất một bước', 'A workflow needs at least one step'));
  const steps = rows.map((r, i) => {
    const n = (k: string) => `step-${i}-${k}`;
    const kind = (STEP_KINDS as readonly string[]).includes(r.kind ?? '') ? (r.kind as StepKind) : undefined;
    if (!kind) errors.push(fe(n('kind'), 'Chọn loại bước', 'Choose the kind of step'));
    if (!r.role) errors.push(fe(n('role'), 'Nhập người hoặc bộ phận thực hiện', 'Enter who does this step'));
    if (kind === 'lien_thong' && !r.agencyName)
      errors.push(fe(n('agencyName'), 'Nhập cơ quan liên thông', 'Enter the other agency (liên thông)'));
    const h = r.hours ? parseDecimal(r.hours) : null;
    if (h === undefined)
      errors.push(
        fe(n('hours'), 'Nhập số giờ làm việc, ví dụ 4 hoặc 1,5', 'Enter working hours, e.g. 4 or 1.5'),
      );
    return {
      kind: kind ?? 'appraise',
      role: r.role ?? '',
      agencyName: r.agencyName ? r.agencyName : null,
      budgetMinutes: h == null ? null : Math.round(h * 60),
    };
  });
  const target = v.fields.onlineTargetHours ? parseDecimal(v.fields.onlineTargetHours) : null;
  if (target === undefined || target === 0)
    errors.push(
      fe(
        'onlineTargetHours',
        'Nhập số giờ lớn hơn 0, hoặc để trống',
        'Enter hours above 0, or leave it empty',
      ),
    );
  if (errors.length) return { errors };
  const workflow: WorkflowContent = {
    level,
    isDefault: false,
    agencyCode,
    onlineTargetMinutes: target == null ? null : Math.max(1, Math.round(target * 60)),
    steps,
  };
  const others = draft.workflows.filter((w) => w.agencyCode !== agencyCode);
  return { errors, workflow, content: { ...draft, workflows: [...others, workflow] } };
}

/** The draft without the agency's own workflow: the agency follows the default of its level again. */
export function withoutWorkflow(draft: ProcedureContent, agencyCode: string): ProcedureContent {
  return { ...draft, workflows: draft.workflows.filter((w) => w.agencyCode !== agencyCode) };
}
