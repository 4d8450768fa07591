import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createTestDatabase } from '../../../test/database.js';
import { insertCitizen, insertOfficer } from '../../../test/factories-identity.js';
import { fixedClock } from '../../platform/clock.js';
import { loadConfig } from '../../platform/config.js';
import { newId } from '../../platform/ids.js';
import { createLogger } from '../../platform/logger.js';
import type { AppContext } from '../../platform/module.js';
import { cleanUpIdentity, IDENTITY_CLEANUP_JOB, identityCleanupJob } from './cleanup.job.js';
import { identityModule } from './index.js';
import { insertSession } from './sessions.repository.js';
import { hashToken, newToken } from './sessions.service.js';

const { db } = await createTestDatabase();
const NOW = new Date('2026-12-04T20:17:00Z');
const clock = fixedClock(NOW);
const config = loadConfig({ LOG_LEVEL: 'silent' });
const log = createLogger(config);
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000);
const daysAgo = (d: number) => hoursAgo(d * 24);

async function throttle(username: string, lastFailed: Date, lockedUntil: Date | null) {
  await db
    .insertInto('login_throttle')
    .values({ username, failed_logins: 3, locked_until: lockedUntil, last_failed_at: lastFailed })
    .execute();
}

async function session(
  owner: { officerId: string } | { citizenId: string },
  s: { created: Date; expires: Date; ended?: Date },
) {
  const id = newId();
  await insertSession(db, {
    id,
    tokenHash: hashToken(newToken()),
    ...owner,
    stage: 'full',
    at: s.created,
    expiresAt: s.expires,
    ip: '203.113.0.9',
    userAgent: 'test',
  });
  if (s.ended)
    await db
      .updateTable('sessions')
      .set({ ended_at: s.ended, end_reason: 'logout' })
      .where('id', '=', id)
      .execute();
  return id;
}

describe('identity clean-up job', () => {
  it('is scheduled daily by the identity module', () => {
    const jobs = identityModule.jobs?.({ db, clock, config, log } as unknown as AppContext) ?? [];
    const job = jobs.find((j) => j.name === IDENTITY_CLEANUP_JOB);
    assert.ok(job, 'registered');
    assert.match(job.cron ?? '', /^\d+ \d+ \* \* \*$/, 'once a day');
    assert.equal(config.loginThrottleRetentionHours, 24);
    assert.equal(config.sessionRetentionDays, 30);
  });

  it('deletes stale throttle rows and old sessions, and keeps everything else', async () => {
    await throttle('scanner.old', hoursAgo(25), null);
    await throttle('scanner.lock-over', hoursAgo(30), hoursAgo(29));
    await throttle('scanner.recent', hoursAgo(2), null);
    await throttle('scanner.still-locked', hoursAgo(25), new Date(NOW.getTime() + 60_000));
    await throttle('scanner.just-inside', hoursAgo(23), null);

    const officer = await insertOfficer(db);
    const citizen = await insertCitizen(db);
    const o = { officerId: officer.id };
    const c = { citizenId: citizen.id };
    const live = await session(o, { created: hoursAgo(1), expires: hoursAgo(-11) });
    const endedLong = await session(o, { created: daysAgo(40), expires: daysAgo(39), ended: daysAgo(31) });
    const endedRecently = await session(c, { created: daysAgo(10), expires: daysAgo(9), ended: daysAgo(10) });
    const expiredLong = await session(c, { created: daysAgo(45), expires: daysAgo(44) });
    const expiredRecently = await session(o, { created: daysAgo(20), expires: daysAgo(19) });

    const job = identityCleanupJob({ db, clock, config });
    await job.handler({}, { id: 'test', log, signal: new AbortController().signal });

    const throttles = await db.selectFrom('login_throttle').select('username').orderBy('username').execute();
    assert.deepEqual(
      throttles.map((t) => t.username),
      ['scanner.just-inside', 'scanner.recent', 'scanner.still-locked'],
    );
    const sessions = await db.selectFrom('sessions').select('id').execute();
    assert.deepEqual(new Set(sessions.map((s) => s.id)), new Set([live, endedRecently, expiredRecently]));
    assert.ok(![endedLong, expiredLong].some((id) => sessions.some((s) => s.id === id)));

    // Idempotent: a second run finds nothing more to delete.
    await job.handler({}, { id: 'test-2', log, signal: new AbortController().signal });
    assert.equal((await db.selectFrom('sessions').select('id').execute()).length, 3);
    assert.equal((await db.selectFrom('login_throttle').select('username').execute()).length, 3);
  });

  it('follows the configured windows', async () => {
    await throttle('short.window', hoursAgo(3), null);
    const officer = await insertOfficer(db);
    const ended = await session(
      { officerId: officer.id },
      { created: daysAgo(3), expires: daysAgo(2), ended: daysAgo(2) },
    );
    const strict = loadConfig({
      LOG_LEVEL: 'silent',
      LOGIN_THROTTLE_RETENTION_HOURS: '2',
      SESSION_RETENTION_DAYS: '1',
    });
    await identityCleanupJob({ db, clock, config: strict }).handler(
      {},
      { id: 'strict', log, signal: new AbortController().signal },
    );
    const left = await db
      .selectFrom('login_throttle')
      .select('username')
      .where('username', '=', 'short.window')
      .execute();
    assert.equal(left.length, 0);
    const gone = await db.selectFrom('sessions').select('id').where('id', '=', ended).execute();
    assert.equal(gone.length, 0);
  });

  it('deletes the VNeID sandbox state past its expiry, and keeps the rest', async () => {
    const sandboxRow = (model: string, id: string, expiresAt: Date | null) =>
      db
        .insertInto('oidc_sandbox_store')
        .values({ model, id, payload: JSON.stringify({ jti: id }), expires_at: expiresAt })
        .execute();
    await sandboxRow('Session', 'expired-session', hoursAgo(1));
    await sandboxRow('AuthorizationCode', 'expired-code', new Date(NOW.getTime() - 1000));
    await sandboxRow('Interaction', 'live-interaction', new Date(NOW.getTime() + 60_000));
    await sandboxRow('Grant', 'live-grant', hoursAgo(-8));
    await sandboxRow('Client', 'no-expiry', null);

    const first = await cleanUpIdentity({ db, clock, config });
    assert.equal(first.sandbox, 2);
    const left = await db.selectFrom('oidc_sandbox_store').select('id').orderBy('id').execute();
    assert.deepEqual(
      left.map((r) => r.id),
      ['live-grant', 'live-interaction', 'no-expiry'],
    );
    assert.equal((await cleanUpIdentity({ db, clock, config })).sandbox, 0, 'idempotent');
  });
});
