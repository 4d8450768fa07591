/**
 * Who may administer an agency (quản trị cơ quan): a system administrator anywhere; an agency
 * administrator in the agency itself or any agency above it (a role in an agency covers its
 * sub-agencies). admin-units comes before identity, so the rule lives here on the platform's types.
 */
import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.js';
import { forbidden } from '../../../platform/errors.js';
import type { Principal } from '../../../platform/http/access.js';

/** The agency and every agency above it (walks agencies.parent_id). */
export async function agencyLineage(db: Db, agencyId: string): Promise<string[]> {
  const result = await sql<{ id: string }>`
    WITH RECURSIVE up(id, parent_id) AS (
      SELECT id, parent_id FROM agencies WHERE id = ${agencyId}::uuid
      UNION
      SELECT a.id, a.parent_id FROM agencies a JOIN up ON a.id = up.parent_id
    )
    SELECT id FROM up`.execute(db);
  return result.rows.map((r) => r.id);
}

export const isSystemAdministrator = (p: Principal | null): boolean =>
  p?.kind === 'officer' && p.grants.some((g) => g.role === 'system_admin');

export async function mayAdministerAgency(db: Db, p: Principal | null, agencyId: string): Promise<boolean> {
  if (p?.kind !== 'officer') return false;
  if (isSystemAdministrator(p)) return true;
  const admins = p.grants.filter((g) => g.role === 'agency_admin');
  if (admins.length === 0) return false;
  const line = new Set(await agencyLineage(db, agencyId));
  return admins.some((g) => line.has(g.agencyId));
}

export const notYourAgency = () =>
  forbidden('agency.not_administered', {
    vi: 'Bạn không quản trị cơ quan này.',
    en: 'You do not administer this agency.',
  });

/** As {@link mayAdministerAgency}, or `agency.not_administered` (403). */
export async function assertMayAdministerAgency(
  db: Db,
  p: Principal | null,
  agencyId: string,
): Promise<void> {
  if (!(await mayAdministerAgency(db, p, agencyId))) throw notYourAgency();
}
