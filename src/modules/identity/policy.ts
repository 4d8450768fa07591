/**
 * Who may see and change what (phân quyền theo cơ quan): pure predicates, no I/O, called by services
 * so pages and API decide alike. Routes only say which kinds of caller may knock (platform access
 * rules); these functions decide about one object: a dossier, an officer account, a grant.
 *
 * A role held in an agency covers its sub-agencies: a grant in the provincial People's Committee
 * reaches every department and commune under it.
 */
import type { Grant, Principal, Role } from '../../platform/http/access.js';

/** The ancestors of an agency, nearest first, without the agency itself (unknown agency: none). */
export type AgencyAncestry = (agencyId: string) => readonly string[];

/** Roles that handle dossiers in their agency (and its sub-agencies). */
export const DOSSIER_ROLES: readonly Role[] = [
  'one_stop',
  'specialist',
  'department_head',
  'agency_leader',
  'clerk',
];

/** Roles that reach the whole province whatever agency they are held in. */
export const PROVINCE_WIDE_ROLES: readonly Role[] = ['system_admin', 'inspector', 'provincial_monitor'];

/** Roles only a system administrator may grant: an agency administrator would widen its own reach. */
export const SYSTEM_GRANTED_ROLES: readonly Role[] = PROVINCE_WIDE_ROLES;

/** Whether one of the grants (optionally only of the given roles) is in the agency or an ancestor of it. */
export function coversAgency(
  grants: readonly Grant[],
  agencyId: string,
  ancestorsOf: AgencyAncestry,
  roles?: readonly Role[],
): boolean {
  const relevant = roles ? grants.filter((g) => roles.includes(g.role)) : grants;
  if (relevant.length === 0) return false;
  const line = new Set([agencyId, ...ancestorsOf(agencyId)]);
  return relevant.some((g) => line.has(g.agencyId));
}

const holds = (p: Principal | null, roles: readonly Role[]): boolean =>
  p?.kind === 'officer' && p.grants.some((g) => roles.includes(g.role));

export const isSystemAdmin = (p: Principal | null) => holds(p, ['system_admin']);

/** The agencies a dossier is tied to (liên thông: every agency with a step in its workflow). */
export interface DossierScope {
  receivingAgencyId: string;
  competentAgencyId: string;
  stepAgencyIds: readonly string[];
  /** The citizen or business account that filed it, if filed online. */
  ownerAccountId?: string | null;
}

function coversDossier(p: Principal & { kind: 'officer' }, d: DossierScope, ancestry: AgencyAncestry) {
  const agencies = [d.receivingAgencyId, d.competentAgencyId, ...d.stepAgencyIds];
  return agencies.some((a) => coversAgency(p.grants, a, ancestry, DOSSIER_ROLES));
}

/**
 * Whether the caller may see the dossier at all: its owner; officers handling it in one of its
 * agencies (or above them); inspectors, system administrators and provincial monitors (the latter
 * without personal data, see canSeePersonalData). API tokens are judged by their scopes at the route.
 */
export function canSeeDossier(p: Principal | null, d: DossierScope, ancestry: AgencyAncestry): boolean {
  if (!p) return false;
  if (p.kind === 'citizen') return d.ownerAccountId != null && d.ownerAccountId === p.id;
  if (p.kind === 'token') return false;
  if (holds(p, PROVINCE_WIDE_ROLES)) return true;
  return coversDossier(p, d, ancestry);
}

/** Whether the caller may see the personal data in a dossier (ID numbers, phone, address). */
export function canSeePersonalData(p: Principal | null, d: DossierScope, ancestry: AgencyAncestry): boolean {
  if (!p) return false;
  if (p.kind === 'citizen') return d.ownerAccountId != null && d.ownerAccountId === p.id;
  if (p.kind === 'token') return false;
  if (holds(p, ['system_admin', 'inspector'])) return true;
  return coversDossier(p, d, ancestry);
}

/** Whether the caller may read an officer's account (lists and detail pages). */
export function canViewOfficer(
  p: Principal | null,
  target: readonly Grant[],
  ancestry: AgencyAncestry,
): boolean {
  if (p?.kind !== 'officer') return false;
  if (holds(p, ['system_admin', 'inspector'])) return true;
  return target.some((g) => coversAgency(p.grants, g.agencyId, ancestry, ['agency_admin']));
}

/**
 * Whether the caller may change an officer's account (profile, enable/disable, resets). A system
 * administrator may change anyone; an agency administrator only an officer whose every role lies in
 * agencies it administers and who holds no province-wide role (so it cannot take over the account of
 * someone with a wider reach than its own), and an officer with no role at all is left to system
 * administrators. Inspectors change nothing.
 */
export function canManageOfficer(
  p: Principal | null,
  target: readonly Grant[],
  ancestry: AgencyAncestry,
): boolean {
  if (p?.kind !== 'officer') return false;
  if (isSystemAdmin(p)) return true;
  if (target.length === 0) return false;
  return target.every(
    (g) =>
      !SYSTEM_GRANTED_ROLES.includes(g.role) &&
      coversAgency(p.grants, g.agencyId, ancestry, ['agency_admin']),
  );
}

/**
 * Whether the caller may grant (or revoke) a role in an agency: a system administrator any; an
 * agency administrator the agency roles within the agencies it administers, never a province-wide one.
 */
export function canGrantRole(p: Principal | null, grant: Grant, ancestry: AgencyAncestry): boolean {
  if (p?.kind !== 'officer') return false;
  if (isSystemAdmin(p)) return true;
  if (SYSTEM_GRANTED_ROLES.includes(grant.role)) return false;
  return coversAgency(p.grants, grant.agencyId, ancestry, ['agency_admin']);
}

/**
 * The agencies (of those listed) an agency administrator administers; undefined means "all" (system
 * administrators and inspectors, who see every officer).
 */
export function administeredAgencies(
  p: Principal | null,
  allAgencyIds: readonly string[],
  ancestry: AgencyAncestry,
): string[] | undefined {
  if (p?.kind !== 'officer') return [];
  if (holds(p, ['system_admin', 'inspector'])) return undefined;
  return allAgencyIds.filter((a) => coversAgency(p.grants, a, ancestry, ['agency_admin']));
}

/**
 * Mã truy cập API: only a system administrator, in an officer's session, creates, lists and revokes
 * API tokens. A token never manages tokens (it could otherwise mint itself wider scopes or a longer
 * life), nor does an agency administrator (tokens reach the whole province).
 */
export const canManageApiTokens = (p: Principal | null): boolean => isSystemAdmin(p);

export type ApiTokenState = 'active' | 'revoked' | 'expired';

/**
 * The state of an API token at an instant: revoked wins over expired (a revoked token stays revoked
 * whatever its expiry); a token expires at its `expiresAt` exactly; no expiry means it never expires.
 */
export function apiTokenState(
  t: { revokedAt: Date | null; expiresAt: Date | null },
  now: Date,
): ApiTokenState {
  if (t.revokedAt) return 'revoked';
  if (t.expiresAt && now.getTime() >= t.expiresAt.getTime()) return 'expired';
  return 'active';
}

/** Roles that may search the audit log (nhật ký kiểm tra), each within its audit scope. */
export const AUDIT_SEARCH_ROLES: readonly Role[] = ['inspector', 'system_admin', 'agency_admin'];

/** Whose audit entries a caller may search: every entry, those of some agencies, or none. */
export type AuditScope =
  | { kind: 'all' }
  | { kind: 'agencies'; agencyIds: readonly string[] }
  | { kind: 'none' };

/**
 * Inspectors and system administrators search every entry; an agency administrator the entries of
 * the agencies it administers and their sub-agencies (listed out, from those given); anyone else
 * nothing. API tokens are not given the audit log.
 */
export function auditSearchScope(
  p: Principal | null,
  allAgencyIds: readonly string[],
  ancestry: AgencyAncestry,
): AuditScope {
  if (p?.kind !== 'officer') return { kind: 'none' };
  if (holds(p, ['inspector', 'system_admin'])) return { kind: 'all' };
  if (!holds(p, ['agency_admin'])) return { kind: 'none' };
  return {
    kind: 'agencies',
    agencyIds: allAgencyIds.filter((a) => coversAgency(p.grants, a, ancestry, ['agency_admin'])),
  };
}

/**
 * Whether an audit entry lies in a scope. An entry that names an agency belongs to that agency; one
 * that names none (a login, a logout, a refusal) belongs to every agency where its actor holds a role.
 * The audit search applies the same rule in SQL (audit-search.repository.ts).
 */
export function auditEntryInScope(
  scope: AuditScope,
  entry: { agencyId: string | null; actorAgencyIds: readonly string[] },
): boolean {
  if (scope.kind === 'all') return true;
  if (scope.kind === 'none') return false;
  if (entry.agencyId !== null) return scope.agencyIds.includes(entry.agencyId);
  return entry.actorAgencyIds.some((a) => scope.agencyIds.includes(a));
}
