/**
 * Who may edit a procedure's result template (pure): an agency's own template, system
 * administrators and agency administrators covering the agency (a grant in it or above it); the
 * province-wide template (no agency), system administrators and agency administrators of the
 * province's root agency (UBND tỉnh) — as the catalogue's rule for content and workflows.
 */
import type { Principal } from '../../../platform/http/access.js';
import { type AgencyAncestry, coversAgency } from '../../identity/index.js';

const isOfficer = (p: Principal | null): p is Principal & { kind: 'officer' } => p?.kind === 'officer';
const isSystemAdmin = (p: Principal | null) =>
  isOfficer(p) && p.grants.some((g) => g.role === 'system_admin');

/** `agencyId` null: the province-wide template. */
export function mayEditTemplate(
  p: Principal | null,
  agencyId: string | null,
  provinceRootIds: readonly string[],
  ancestry: AgencyAncestry,
): boolean {
  if (isSystemAdmin(p)) return true;
  if (!isOfficer(p)) return false;
  if (agencyId === null)
    return provinceRootIds.some((root) => coversAgency(p.grants, root, ancestry, ['agency_admin']));
  return coversAgency(p.grants, agencyId, ancestry, ['agency_admin']);
}
