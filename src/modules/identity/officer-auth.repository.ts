/** SQL for officers' login (đăng nhập cán bộ). The first parameter is always the executor. */
import type { Db } from '../../platform/db/database.js';
import type { AttemptState } from './lockout.js';

export function findOfficerForLogin(db: Db, username: string) {
  return db
    .selectFrom('officers')
    .select([
      'id',
      'username',
      'full_name',
      'password_hash',
      'must_change_password',
      'totp_secret_enc',
      'totp_enabled_at',
      'totp_last_step',
      'failed_logins',
      'locked_until',
      'disabled_at',
    ])
    .where('username', '=', username)
    .executeTakeFirst();
}

export function findOfficerById(db: Db, id: string) {
  return db
    .selectFrom('officers')
    .select([
      'id',
      'username',
      'full_name',
      'password_hash',
      'must_change_password',
      'totp_secret_enc',
      'totp_enabled_at',
      'totp_last_step',
      'locked_until',
      'disabled_at',
    ])
    .where('id', '=', id)
    .executeTakeFirst();
}

export type LoginOfficer = NonNullable<Awaited<ReturnType<typeof findOfficerForLogin>>>;

/** The attempt counter of a username, locked for update (a row in login_throttle when no officer has it). */
export async function lockAttemptState(
  trx: Db,
  target: { officerId: string } | { username: string },
  at: Date,
): Promise<AttemptState> {
  if ('officerId' in target) {
    const row = await trx
      .selectFrom('officers')
      .select(['failed_logins', 'locked_until'])
      .where('id', '=', target.officerId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    return { failures: row.failed_logins, lockedUntil: row.locked_until };
  }
  await trx
    .insertInto('login_throttle')
    .values({ username: target.username, failed_logins: 0, last_failed_at: at })
    .onConflict((oc) => oc.column('username').doNothing())
    .execute();
  const row = await trx
    .selectFrom('login_throttle')
    .select(['failed_logins', 'locked_until'])
    .where('username', '=', target.username)
    .forUpdate()
    .executeTakeFirstOrThrow();
  return { failures: row.failed_logins, lockedUntil: row.locked_until };
}

export async function saveAttemptState(
  trx: Db,
  target: { officerId: string } | { username: string },
  s: AttemptState,
  at: Date,
) {
  if ('officerId' in target) {
    await trx
      .updateTable('officers')
      .set({ failed_logins: s.failures, locked_until: s.lockedUntil, updated_at: at })
      .where('id', '=', target.officerId)
      .execute();
    return;
  }
  await trx
    .updateTable('login_throttle')
    .set({ failed_logins: s.failures, locked_until: s.lockedUntil, last_failed_at: at })
    .where('username', '=', target.username)
    .execute();
}

/** The attempt state of an unknown username without creating a row. */
export async function findThrottle(db: Db, username: string): Promise<AttemptState> {
  const row = await db
    .selectFrom('login_throttle')
    .select(['failed_logins', 'locked_until'])
    .where('username', '=', username)
    .executeTakeFirst();
  return { failures: row?.failed_logins ?? 0, lockedUntil: row?.locked_until ?? null };
}

export async function clearFailures(db: Db, officerId: string, at: Date) {
  await db
    .updateTable('officers')
    .set({ failed_logins: 0, locked_until: null, updated_at: at })
    .where('id', '=', officerId)
    .where((eb) => eb.or([eb('failed_logins', '<>', 0), eb('locked_until', 'is not', null)]))
    .execute();
}

/** Accepts a TOTP step only when it is newer than the last one (guarded: two requests, one wins). */
export async function acceptTotpStep(db: Db, officerId: string, step: number, at: Date): Promise<boolean> {
  const result = await db
    .updateTable('officers')
    .set({ totp_last_step: step, updated_at: at })
    .where('id', '=', officerId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A secret waiting for its first code: stored sealed, not yet enabled. */
export async function setPendingTotpSecret(db: Db, officerId: string, sealed: string, at: Date) {
  await db
    .updateTable('officers')
    .set({ totp_secret_enc: sealed, totp_enabled_at: null, totp_last_step: null, updated_at: at })
    .where('id', '=', officerId)
    .where('totp_enabled_at', 'is', null)
    .execute();
}

export async function enableTotp(db: Db, officerId: string, step: number, at: Date): Promise<boolean> {
  const result = await db
    .updateTable('officers')
    .set({ totp_enabled_at: at, totp_last_step: step, updated_at: at })
    .where('id', '=', officerId)
    .where('totp_enabled_at', 'is', null)
    .where('totp_secret_enc', 'is not', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function setPassword(db: Db, officerId: string, passwordHash: string, at: Date) {
  await db
    .updateTable('officers')
    .set({
      password_hash: passwordHash,
      password_changed_at: at,
      must_change_password: false,
      updated_at: at,
    })
    .where('id', '=', officerId)
    .execute();
}

/** The officer's roles with the names of their agencies, for the landing page. */
export function findGrantsWithAgencies(db: Db, officerId: string) {
  return db
    .selectFrom('officer_roles as r')
    .innerJoin('agencies as a', 'a.id', 'r.agency_id')
    .select(['r.agency_id', 'r.role', 'a.name as agency_name'])
    .where('r.officer_id', '=', officerId)
    .orderBy('a.name')
    .orderBy('r.role')
    .execute();
}
