/** SQL of the identity clean-up job. The first parameter is always the executor. */
import type { Db } from '../../platform/db/database.js';

/**
 * Forgets failed-login counts of unknown usernames (login_throttle) whose lock is over and whose last
 * failure is older than `before`; returns how many rows went.
 */
export async function deleteStaleThrottles(db: Db, now: Date, before: Date): Promise<number> {
  const r = await db
    .deleteFrom('login_throttle')
    .where('last_failed_at', '<', before)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

/**
 * Deletes up to `limit` sessions that ended, or expired without being ended, before `before`;
 * returns how many. Called in a loop so that no single statement holds many rows locked.
 */
export async function deleteOldSessions(db: Db, before: Date, limit: number): Promise<number> {
  const r = await db
    .deleteFrom('sessions')
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('sessions')
        .select('id')
        .where((w) =>
          w.or([
            w.and([w('ended_at', 'is not', null), w('ended_at', '<', before)]),
            w.and([w('ended_at', 'is', null), w('expires_at', '<', before)]),
          ]),
        )
        .limit(limit),
    )
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

/**
 * Deletes up to `limit` rows of the VNeID sandbox's store (oidc_sandbox_store) that expired before
 * `now` (nothing reads them any more); returns how many.
 */
export async function deleteExpiredSandboxState(db: Db, now: Date, limit: number): Promise<number> {
  const r = await db
    .deleteFrom('oidc_sandbox_store')
    .where(({ eb, refTuple, selectFrom }) =>
      eb(
        refTuple('model', 'id'),
        'in',
        selectFrom('oidc_sandbox_store')
          .select(['model', 'id'])
          .where('expires_at', '<', now)
          .limit(limit)
          .$asTuple('model', 'id'),
      ),
    )
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
