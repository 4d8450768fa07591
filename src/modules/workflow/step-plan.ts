/**
 * The chain of steps a received dossier runs through (issue: "the internal workflow of its procedure
 * version and competent agency is snapshotted onto it"): the competent agency's own workflow when the
 * version has one, else the default of the agency's level, with each step bound to an agency and a
 * system role. Pure; the service writes the plan as dossier_steps rows.
 */
import type { Role } from '../../platform/http/access.js';
import type { WorkflowContent } from '../catalogue/index.js';

export interface PlannedStep {
  position: number;
  kind: string;
  /** The catalogue's words for who does it ("Công chức chuyên môn (thẩm định)"). */
  name: string;
  role: Role;
  agencyId: string;
  budgetMinutes: number | null;
}

export class PlanError extends Error {
  constructor(
    readonly code: 'workflow.no_workflow' | 'workflow.partner_unknown',
    readonly text: { vi: string; en: string },
  ) {
    super(text.en);
  }
}

/** The system role a step kind needs. */
export const ROLE_OF_KIND: Record<string, Role> = {
  receive_transfer: 'one_stop',
  appraise: 'specialist',
  review: 'department_head',
  approve_sign: 'agency_leader',
  lien_thong: 'specialist',
  return_result: 'one_stop',
};

/** The competent agency's own workflow, else the default of its level, else any default. */
export function chooseWorkflow(
  workflows: readonly WorkflowContent[],
  competent: { code: string; level: WorkflowContent['level'] },
): WorkflowContent | null {
  return (
    workflows.find((w) => w.agencyCode === competent.code) ??
    workflows.find((w) => w.isDefault && w.level === competent.level && !w.agencyCode) ??
    workflows.find((w) => w.isDefault && !w.agencyCode) ??
    null
  );
}

/**
 * Binds each step: the one-stop steps to the receiving centre, liên thông steps to the partner named
 * (found by `partner`, e.g. "Chi cục Thuế khu vực …"), every other step to the competent agency.
 */
export function planSteps(
  workflow: WorkflowContent | null,
  agencies: { receivingId: string; competentId: string; partner: (name: string) => string | null },
): PlannedStep[] {
  if (!workflow || workflow.steps.length === 0) {
    throw new PlanError('workflow.no_workflow', {
      vi: 'Thủ tục chưa có quy trình nội bộ cho cơ quan giải quyết: hãy khai báo quy trình trong danh mục thủ tục.',
      en: 'The procedure has no internal workflow for the competent agency: define one in the catalogue.',
    });
  }
  return workflow.steps.map((s, position) => {
    const role = ROLE_OF_KIND[s.kind] ?? 'specialist';
    let agencyId = role === 'one_stop' ? agencies.receivingId : agencies.competentId;
    if (s.kind === 'lien_thong' && s.agencyName) {
      const found = agencies.partner(s.agencyName);
      if (!found) {
        throw new PlanError('workflow.partner_unknown', {
          vi: `Không tìm thấy cơ quan liên thông “${s.agencyName}” trong danh sách cơ quan: hãy thêm cơ quan này hoặc sửa quy trình.`,
          en: `The liên thông agency “${s.agencyName}” is not in the agency list: add it or edit the workflow.`,
        });
      }
      agencyId = found;
    } else if (s.agencyName && role !== 'one_stop') {
      agencyId = agencies.partner(s.agencyName) ?? agencies.competentId;
    }
    return { position, kind: s.kind, name: s.role, role, agencyId, budgetMinutes: s.budgetMinutes };
  });
}
