/** SQL for officer administration (quản trị cán bộ). The first parameter is always the executor. */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import type { Grant, Role } from '../../platform/http/access.js';

export interface OfficerRow {
  id: string;
  username: string;
  full_name: string;
  email: string | null;
  phone: string | null;
  job_title: string | null;
  must_change_password: boolean;
  totp_enabled_at: Date | null;
  locked_until: Date | null;
  failed_logins: number;
  disabled_at: Date | null;
  created_at: Date;
}

const COLUMNS = [
  'id',
  'username',
  'full_name',
  'email',
  'phone',
  'job_title',
  'must_change_password',
  'totp_enabled_at',
  'locked_until',
  'failed_logins',
  'disabled_at',
  'created_at',
] as const;

export interface OfficerFilter {
  /** Part of the name (accents optional) or of the username. */
  q?: string;
  agencyId?: string;
  role?: Role;
  /** Only officers holding a role in one of these agencies; undefined: everyone. */
  withinAgencies?: readonly string[];
  /** Keyset: the sort key and id of the last row of the previous page. */
  after?: { key: string; id: string };
  limit: number;
}

/** A page of officers in name order (immutable_unaccent(full_name), id: officers_name_idx). */
export async function selectOfficerPage(db: Db, f: OfficerFilter) {
  let query = db
    .selectFrom('officers as o')
    .select(COLUMNS.map((c) => `o.${c}` as const))
    .select(sql<string>`immutable_unaccent(o.full_name)`.as('sort_key'));
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, '\\$&')}%`;
    query = query.where((eb) =>
      eb.or([
        eb(sql`immutable_unaccent(o.full_name)`, 'like', sql`immutable_unaccent(${like})`),
        eb('o.username', 'like', like.toLowerCase()),
      ]),
    );
  }
  if (f.agencyId || f.role || f.withinAgencies) {
    const { agencyId, role, withinAgencies } = f;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('officer_roles as r')
          .select(sql`1`.as('one'))
          .whereRef('r.officer_id', '=', 'o.id')
          .$if(agencyId !== undefined, (q) => q.where('r.agency_id', '=', agencyId!))
          .$if(role !== undefined, (q) => q.where('r.role', '=', role!))
          .$if(withinAgencies !== undefined, (q) =>
            q.where(
              'r.agency_id',
              'in',
              withinAgencies!.length ? [...withinAgencies!] : ['00000000-0000-0000-0000-000000000000'],
            ),
          ),
      ),
    );
  }
  if (f.after) {
    const { key, id } = f.after;
    query = query.where(sql<boolean>`(immutable_unaccent(o.full_name), o.id) > (${key}, ${id}::uuid)`);
  }
  return query
    .orderBy(sql`immutable_unaccent(o.full_name)`)
    .orderBy('o.id')
    .limit(f.limit + 1)
    .execute();
}

export function selectOfficer(db: Db, id: string): Promise<OfficerRow | undefined> {
  return db.selectFrom('officers').select(COLUMNS).where('id', '=', id).executeTakeFirst();
}

/** The officer's row, locked for the rest of the transaction. */
export function lockOfficer(db: Db, id: string): Promise<OfficerRow | undefined> {
  return db.selectFrom('officers').select(COLUMNS).where('id', '=', id).forUpdate().executeTakeFirst();
}

export function selectOfficerByUsername(db: Db, username: string) {
  return db.selectFrom('officers').select(['id']).where('username', '=', username).executeTakeFirst();
}

/** The grants of each officer listed. */
export async function selectGrants(db: Db, officerIds: readonly string[]): Promise<Map<string, Grant[]>> {
  const out = new Map<string, Grant[]>(officerIds.map((id) => [id, []]));
  if (officerIds.length === 0) return out;
  const rows = await db
    .selectFrom('officer_roles')
    .select(['officer_id', 'agency_id', 'role'])
    .where('officer_id', 'in', [...officerIds])
    .orderBy('granted_at')
    .execute();
  for (const r of rows) out.get(r.officer_id)?.push({ agencyId: r.agency_id, role: r.role as Role });
  return out;
}

export interface NewOfficer {
  id: string;
  username: string;
  fullName: string;
  email: string | null;
  phone: string | null;
  jobTitle: string | null;
  passwordHash: string;
  mustChangePassword: boolean;
  totpSecretEnc?: string | null;
}

export async function insertOfficerRow(db: Db, o: NewOfficer, now: Date) {
  await db
    .insertInto('officers')
    .values({
      id: o.id,
      username: o.username,
      full_name: o.fullName,
      email: o.email,
      phone: o.phone,
      job_title: o.jobTitle,
      password_hash: o.passwordHash,
      password_changed_at: now,
      must_change_password: o.mustChangePassword,
      totp_secret_enc: o.totpSecretEnc ?? null,
      totp_enabled_at: o.totpSecretEnc ? now : null,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

export interface OfficerProfile {
  fullName: string;
  email: string | null;
  phone: string | null;
  jobTitle: string | null;
}

export async function updateOfficerProfile(db: Db, id: string, p: OfficerProfile, now: Date) {
  await db
    .updateTable('officers')
    .set({ full_name: p.fullName, email: p.email, phone: p.phone, job_title: p.jobTitle, updated_at: now })
    .where('id', '=', id)
    .execute();
}

/** Inserts the grant; false when the officer already held it. */
export async function insertGrant(db: Db, officerId: string, g: Grant, by: string, now: Date) {
  const res = await db
    .insertInto('officer_roles')
    .values({ officer_id: officerId, agency_id: g.agencyId, role: g.role, granted_by: by, granted_at: now })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Deletes the grant; false when the officer did not hold it. */
export async function deleteGrant(db: Db, officerId: string, g: Grant) {
  const res = await db
    .deleteFrom('officer_roles')
    .where('officer_id', '=', officerId)
    .where('agency_id', '=', g.agencyId)
    .where('role', '=', g.role)
    .executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

export async function setOfficerDisabled(db: Db, id: string, disabledAt: Date | null, now: Date) {
  await db
    .updateTable('officers')
    .set({ disabled_at: disabledAt, updated_at: now })
    .where('id', '=', id)
    .execute();
}

/** A new temporary password: to be changed at next login; the lockout is lifted. */
export async function setTemporaryPassword(db: Db, id: string, passwordHash: string, now: Date) {
  await db
    .updateTable('officers')
    .set({
      password_hash: passwordHash,
      password_changed_at: now,
      must_change_password: true,
      failed_logins: 0,
      locked_until: null,
      updated_at: now,
    })
    .where('id', '=', id)
    .execute();
}

/** Forgets the TOTP enrolment: the officer enrols again at next login. */
export async function clearTotp(db: Db, id: string, now: Date) {
  await db
    .updateTable('officers')
    .set({ totp_secret_enc: null, totp_enabled_at: null, totp_last_step: null, updated_at: now })
    .where('id', '=', id)
    .execute();
}

/** Sets the TOTP secret (sealed) as enrolled: for the demo seed, whose secrets are published. */
export async function setTotpSecret(db: Db, id: string, sealed: string, now: Date) {
  await db
    .updateTable('officers')
    .set({ totp_secret_enc: sealed, totp_enabled_at: now, totp_last_step: null, updated_at: now })
    .where('id', '=', id)
    .execute();
}
