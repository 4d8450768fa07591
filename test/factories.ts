import type { Db } from '../src/platform/db/database.js';
import { newId } from '../src/platform/ids.js';

/**
 * Factories insert valid rows with every parent they need, so each test builds its own world and
 * tests never share rows. Each takes overrides for the fields a test cares about.
 */
export async function insertWorkerHeartbeat(
  db: Db,
  overrides: Partial<{
    worker_id: string;
    hostname: string;
    pid: number;
    started_at: Date;
    beat_at: Date;
  }> = {},
) {
  const now = new Date();
  const row = {
    worker_id: overrides.worker_id ?? `test-host:${newId()}`,
    hostname: overrides.hostname ?? 'test-host',
    pid: overrides.pid ?? 4242,
    started_at: overrides.started_at ?? now,
    beat_at: overrides.beat_at ?? now,
  };
  return db.insertInto('worker_heartbeats').values(row).returningAll().executeTakeFirstOrThrow();
}
