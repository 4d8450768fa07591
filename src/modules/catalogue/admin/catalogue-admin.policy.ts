/**
 * Who may change the catalogue (quản trị danh mục): pure predicates over the caller's grants and the
 * agency tree. A procedure's content (name, components, channels, fees, reductions, conditions) is
 * the province's: system administrators and agency administrators of the province's root agency
 * (UBND tỉnh). An agency's own internal workflow (quy trình nội bộ) is that agency's: system
 * administrators and agency administrators covering it (a grant in the agency or above it).
 */
import type { Principal } from '../../../platform/http/access.js';
import { type AgencyAncestry, coversAgency } from '../../identity/index.js';
import { canonicalJson, type ProcedureContent, type WorkflowContent } from '../content.js';

const isOfficer = (p: Principal | null): p is Principal & { kind: 'officer' } => p?.kind === 'officer';
/** A system administrator, or an API token given `catalogue:write` (a province-wide system). */
const isSystemAdmin = (p: Principal | null) =>
  (isOfficer(p) && p.grants.some((g) => g.role === 'system_admin')) ||
  (p?.kind === 'token' && p.scopes.includes(CATALOGUE_WRITE_SCOPE));

export const CATALOGUE_WRITE_SCOPE = 'catalogue:write';

/** Whether the caller may change a procedure's content (everything but agencies' own workflows). */
export function mayEditProcedureContent(
  p: Principal | null,
  provinceRootIds: readonly string[],
  ancestry: AgencyAncestry,
): boolean {
  if (isSystemAdmin(p)) return true;
  if (!isOfficer(p)) return false;
  return provinceRootIds.some((root) => coversAgency(p.grants, root, ancestry, ['agency_admin']));
}

/** Whether the caller may add or change the internal workflow of one agency. */
export function mayEditAgencyWorkflow(
  p: Principal | null,
  agencyId: string,
  ancestry: AgencyAncestry,
): boolean {
  if (isSystemAdmin(p)) return true;
  if (!isOfficer(p)) return false;
  return coversAgency(p.grants, agencyId, ancestry, ['agency_admin']);
}

/** Whether the caller may work on the catalogue at all (open drafts, edit something). */
export const mayAdministerCatalogue = (p: Principal | null): boolean =>
  isSystemAdmin(p) || (isOfficer(p) && p.grants.some((g) => g.role === 'agency_admin'));

/** What a draft changes against the version it is based on. */
export interface DraftChanges {
  /** Anything outside agencies' own workflows (default workflows included). */
  content: boolean;
  /** Codes of the agencies whose own workflow was added, changed or removed. */
  agencyWorkflows: string[];
}

const withoutAgencyWorkflows = (c: ProcedureContent) =>
  canonicalJson({ ...c, workflows: c.workflows.filter((w) => !w.agencyCode) });

const agencyWorkflowsOf = (c: ProcedureContent) =>
  new Map(
    c.workflows
      .filter((w): w is WorkflowContent & { agencyCode: string } => !!w.agencyCode)
      .map((w) => [w.agencyCode, canonicalJson(w)]),
  );

export function draftChanges(base: ProcedureContent, draft: ProcedureContent): DraftChanges {
  const before = agencyWorkflowsOf(base);
  const after = agencyWorkflowsOf(draft);
  const codes = [...new Set([...before.keys(), ...after.keys()])].filter(
    (code) => before.get(code) !== after.get(code),
  );
  return {
    content: withoutAgencyWorkflows(base) !== withoutAgencyWorkflows(draft),
    agencyWorkflows: codes.sort(),
  };
}

/**
 * Whether the caller may publish a draft: every change in it must be one the caller may make (an
 * agency administrator of a commune publishes its own workflow, not a fee changed by someone else).
 */
export function mayPublishChanges(
  changes: DraftChanges,
  mayEditContent: boolean,
  mayEditWorkflowOf: (agencyCode: string) => boolean,
): boolean {
  if (changes.content && !mayEditContent) return false;
  return changes.agencyWorkflows.every(mayEditWorkflowOf);
}
