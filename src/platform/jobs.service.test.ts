import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { buildTestApp } from '../../test/build-test-app.js';
import { createTestDatabase } from '../../test/database.js';
import { HEARTBEAT_JOB } from './heartbeat.js';
import { defineJob, startJobs } from './jobs.js';
import { createLogger } from './logger.js';

const log = createLogger({ logLevel: 'silent' });

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await sleep(100);
  }
}

const jobCount = (db: import('./db/database.js').Db, name: string) =>
  sql<{ n: number }>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = ${name}`
    .execute(db)
    .then((r) => r.rows[0]!.n);

describe('jobs', () => {
  it('enqueues inside a transaction: rolled back with it, delivered when it commits', async () => {
    const seen: string[] = [];
    const probe = defineJob<{ word: string }>({
      name: 'test.probe',
      handler: async (data) => {
        seen.push(data.word);
      },
    });
    const { ctx } = await buildTestApp({ worker: true, jobs: () => [probe] });
    await assert.rejects(
      ctx.db.transaction().execute(async (trx) => {
        await ctx.jobs.enqueue(trx, 'test.probe', { word: 'rolled-back' });
        throw new Error('use case failed');
      }),
      /use case failed/,
    );
    assert.equal(await jobCount(ctx.db, 'test.probe'), 0, 'no job survives a rollback');
    await ctx.db.transaction().execute(async (trx) => {
      await ctx.jobs.enqueue(trx, 'test.probe', { word: 'committed' });
    });
    await waitFor(async () => (seen.length > 0 ? true : undefined));
    assert.deepEqual(seen, ['committed']);
  });

  it('refuses a job nobody defined', async () => {
    const { ctx } = await buildTestApp();
    await assert.rejects(ctx.jobs.enqueue(ctx.db, 'nobody.defined', {}), /unknown job nobody\.defined/);
  });

  it('schedules the heartbeat, whose run stamps the worker row', async () => {
    const { ctx } = await buildTestApp({ worker: true });
    const schedules = await ctx.jobs.boss.getSchedules();
    const heartbeat = schedules.find((s) => s.name === HEARTBEAT_JOB);
    assert.equal(heartbeat?.cron, '* * * * *');
    assert.equal(heartbeat?.options && (heartbeat.options as { tz?: string }).tz, 'Asia/Ho_Chi_Minh');
    await ctx.jobs.enqueue(ctx.db, HEARTBEAT_JOB, {});
    await ctx.jobs.enqueue(ctx.db, HEARTBEAT_JOB, {});
    const row = await waitFor(async () => {
      const r = await ctx.db.selectFrom('worker_heartbeats').selectAll().executeTakeFirst();
      return r && r.beats >= 2 ? r : undefined;
    });
    assert.equal(row.pid, process.pid);
    assert.ok(row.beat_at.getTime() >= row.started_at.getTime());
  });

  it('lets a running job finish on a graceful stop', async () => {
    const database = await createTestDatabase();
    let finished = false;
    let started = false;
    const slow = defineJob({
      name: 'test.slow',
      handler: async () => {
        started = true;
        await sleep(1500);
        finished = true;
      },
    });
    const jobs = await startJobs({
      connectionString: database.url,
      log,
      role: 'worker',
      definitions: [slow],
      pollingIntervalSeconds: 0.5,
    });
    await jobs.work();
    await jobs.enqueue(database.db, 'test.slow', {});
    await waitFor(async () => (started ? true : undefined));
    await jobs.stop(10_000);
    assert.equal(finished, true, 'stop waited for the job');
    const state = await sql<{ state: string }>`SELECT state FROM pgboss.job WHERE name = 'test.slow'`.execute(
      database.db,
    );
    assert.equal(state.rows[0]?.state, 'completed');
  });
});
