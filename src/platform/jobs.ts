import { CompiledQuery, type Kysely } from 'kysely';
import PgBoss from 'pg-boss';
import type { Logger } from './logger.js';

/**
 * Jobs, schedules and retries live in PostgreSQL (pg-boss, schema `pgboss`). A service enqueues a
 * job with the executor of its own transaction, so the job exists if and only if the transaction
 * commits. Handlers are idempotent: pg-boss delivers at least once.
 */
export interface JobDefinition<T extends object = object> {
  /** Dotted name: `module.event` (e.g. `platform.heartbeat`). */
  name: string;
  /** Cron expression (Asia/Ho_Chi_Minh) when the job runs on a schedule. */
  cron?: string;
  retryLimit?: number;
  /**
   * Also run once as soon as a worker starts, not only at the first cron tick (which may be a minute
   * away): for schedules whose work must not wait, such as linking the audit chain.
   */
  runAtStart?: boolean;
  /** `signal` aborts when the job system stops: a long-running handler ends early on it. */
  handler(data: T, ctx: { id: string; log: Logger; signal: AbortSignal }): Promise<void>;
}

export const defineJob = <T extends object>(def: JobDefinition<T>): JobDefinition<T> => def;

/** Anything Kysely can run a raw query on: the database or an open transaction. */
type Executor = Pick<Kysely<unknown>, 'executeQuery'>;

export interface Jobs {
  /** Installs pg-boss's schema and a queue per definition; enqueue and work need it first. */
  start(definitions: JobDefinition[]): Promise<void>;
  enqueue<T extends object>(
    executor: Executor,
    name: string,
    data: T,
    options?: PgBoss.SendOptions,
  ): Promise<string | null>;
  /** Starts consuming every defined job and registers the schedules (worker processes only). */
  work(): Promise<void>;
  stop(timeoutMs: number): Promise<void>;
  boss: PgBoss;
}

export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

const executorAdapter = (executor: Executor): PgBoss.Db => ({
  executeSql: async (text, values) => {
    const r = await executor.executeQuery(CompiledQuery.raw(text, values));
    return { rows: r.rows as unknown[] };
  },
});

export interface JobsOptions {
  connectionString: string;
  log: Logger;
  /** The worker supervises queues and runs the cron clock; web processes only send. */
  role: 'web' | 'worker';
  /** Tests shorten polling so they do not wait seconds for a job. */
  pollingIntervalSeconds?: number;
}

/**
 * The job system in two steps, because job handlers need the AppContext that holds the job system:
 * create it, put it in the context, then start it with the definitions made from that context.
 */
export function createJobs(opts: JobsOptions): Jobs {
  const isWorker = opts.role === 'worker';
  const boss = new PgBoss({
    connectionString: opts.connectionString,
    application_name: `motcua-${opts.role}`,
    max: isWorker ? 4 : 2,
    supervise: isWorker,
    schedule: isWorker,
    migrate: true,
  });
  boss.on('error', (err) => opts.log.error({ err }, 'job system error'));
  const defs = new Map<string, JobDefinition>();
  const stopping = new AbortController();
  return {
    boss,
    start: async (definitions) => {
      for (const d of definitions) defs.set(d.name, d);
      await boss.start();
      for (const def of defs.values()) {
        await boss.createQueue(def.name, {
          name: def.name,
          retryLimit: def.retryLimit ?? 5,
          retryBackoff: true,
        });
      }
    },
    enqueue: async (executor, name, data, options = {}) => {
      if (!defs.has(name)) throw new Error(`unknown job ${name}: define it before enqueueing`);
      return boss.send(name, data, { ...options, db: executorAdapter(executor) });
    },
    work: async () => {
      const workOptions = { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 2, batchSize: 1 };
      for (const def of defs.values()) {
        await boss.work<object>(def.name, workOptions, async ([job]) => {
          if (!job) return;
          await def.handler(job.data, {
            id: job.id,
            log: opts.log.child({ job: def.name, jobId: job.id }),
            signal: stopping.signal,
          });
        });
        if (def.cron) await boss.schedule(def.name, def.cron, {}, { tz: TIME_ZONE });
        if (def.runAtStart) await boss.send(def.name, {});
      }
    },
    stop: (timeoutMs) => {
      stopping.abort();
      return boss.stop({ graceful: true, wait: true, timeout: timeoutMs });
    },
  };
}

export async function startJobs(opts: JobsOptions & { definitions: JobDefinition[] }): Promise<Jobs> {
  const jobs = createJobs(opts);
  await jobs.start(opts.definitions);
  return jobs;
}
