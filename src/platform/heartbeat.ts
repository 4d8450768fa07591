import os from 'node:os';
import { sql } from 'kysely';
import type { Clock } from './clock.js';
import type { Db } from './db/database.js';
import { defineJob } from './jobs.js';

export const HEARTBEAT_JOB = 'platform.heartbeat';

/** Nhịp tim: a scheduled job that proves a worker runs schedules; each run stamps its worker's row. */
export function heartbeatJob(db: Db, clock: Clock, startedAt: Date) {
  const workerId = `${os.hostname()}:${process.pid}`;
  return defineJob<Record<string, never>>({
    name: HEARTBEAT_JOB,
    cron: '* * * * *',
    retryLimit: 0,
    handler: async () => {
      const now = clock.now();
      await db
        .insertInto('worker_heartbeats')
        .values({
          worker_id: workerId,
          hostname: os.hostname(),
          pid: process.pid,
          started_at: startedAt,
          beat_at: now,
        })
        .onConflict((oc) =>
          oc.column('worker_id').doUpdateSet({ beat_at: now, beats: sql`worker_heartbeats.beats + 1` }),
        )
        .execute();
    },
  });
}
