/**
 * Dọn dẹp hằng đêm (nightly clean-up) of identity's working tables:
 *
 * - `login_throttle` rows of unknown usernames, once their lock is over and their last failure is older
 *   than LOGIN_THROTTLE_RETENTION_HOURS (24 h): the table would otherwise keep every username a scanner
 *   ever tried;
 * - sessions ended, or expired without a logout, more than SESSION_RETENTION_DAYS (30) days ago. A
 *   session row is working state, not the record: logins, logouts and failures are in the audit log,
 *   which is kept. The rows carry the address and browser of each login, so they are kept only as long
 *   as they help answer "which devices were logged in last month?" after an incident;
 * - the VNeID sandbox's stored state (oidc_sandbox_store, demo mode) past its expiry: sessions,
 *   interactions, codes and tokens oidc-provider no longer reads.
 *
 * Idempotent: running it twice deletes nothing more.
 */
import { defineJob } from '../../platform/jobs.js';
import type { AppContext } from '../../platform/module.js';
import { deleteExpiredSandboxState, deleteOldSessions, deleteStaleThrottles } from './cleanup.repository.js';

export const IDENTITY_CLEANUP_JOB = 'identity.cleanup';
const BATCH = 5000;

type Ctx = Pick<AppContext, 'db' | 'clock' | 'config'>;

export async function cleanUpIdentity(ctx: Ctx, signal?: AbortSignal) {
  const now = ctx.clock.now();
  const throttleBefore = new Date(now.getTime() - ctx.config.loginThrottleRetentionHours * 3_600_000);
  const sessionsBefore = new Date(now.getTime() - ctx.config.sessionRetentionDays * 86_400_000);
  const throttles = await deleteStaleThrottles(ctx.db, now, throttleBefore);
  let sessions = 0;
  for (;;) {
    const deleted = await deleteOldSessions(ctx.db, sessionsBefore, BATCH);
    sessions += deleted;
    if (deleted < BATCH || signal?.aborted) break;
  }
  let sandbox = 0;
  for (;;) {
    const deleted = await deleteExpiredSandboxState(ctx.db, now, BATCH);
    sandbox += deleted;
    if (deleted < BATCH || signal?.aborted) break;
  }
  return { throttles, sessions, sandbox };
}

/** Every night at 03:17 Vietnam time, away from office hours and from round-hour jobs. */
export function identityCleanupJob(ctx: Ctx) {
  return defineJob<Record<string, never>>({
    name: IDENTITY_CLEANUP_JOB,
    cron: '17 3 * * *',
    retryLimit: 2,
    handler: async (_data, { log, signal }) => {
      const deleted = await cleanUpIdentity(ctx, signal);
      log.info({ deleted }, 'identity clean-up done');
    },
  });
}
