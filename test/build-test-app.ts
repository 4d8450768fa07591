import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after } from 'node:test';
import { type BuildOptions, buildApp, jobDefinitions } from '../src/app.js';
import { type Clock, systemClock } from '../src/platform/clock.js';
import { type Config, loadConfig } from '../src/platform/config.js';
import { LocalFileStore } from '../src/platform/files/local-file-store.js';
import type { App } from '../src/platform/http/app-type.js';
import { createJobs, type JobDefinition } from '../src/platform/jobs.js';
import { createLogger } from '../src/platform/logger.js';
import type { AppContext } from '../src/platform/module.js';
import { createTestDatabase, type TestDatabase } from './database.js';

export interface TestAppOverrides {
  /** Environment variables as the config would read them (PORT, RATE_LIMIT_MAX, ...). */
  env?: Record<string, string>;
  clock?: Clock;
  modules?: BuildOptions['modules'];
  extraRoutes?: BuildOptions['extraRoutes'];
  /** Extra job definitions (tests of the job system). */
  jobs?: (ctx: AppContext) => JobDefinition[];
  /** Start consuming jobs, as a worker process does. */
  worker?: boolean;
  database?: TestDatabase;
}

export interface TestApp {
  app: App;
  ctx: AppContext;
  database: TestDatabase;
  config: Config;
}

/** The whole app on this test file's own database, wired like src/main.ts does; closed after the file. */
export async function buildTestApp(overrides: TestAppOverrides = {}): Promise<TestApp> {
  // Registered before the database's own `after` (hooks run in the order added), so that jobs still
  // running (the audit chain linker always is, in a worker) stop before their database is dropped.
  let teardown: (() => Promise<void>) | undefined;
  after(async () => {
    await teardown?.();
  });
  const database = overrides.database ?? (await createTestDatabase());
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'motcua-app-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    DATABASE_URL: database.url,
    LOG_LEVEL: 'silent',
    // Test files log in dozens of times a minute from one address; the limit has its own test.
    LOGIN_RATE_LIMIT_MAX: '100000',
    ...overrides.env,
  });
  const log = createLogger(config);
  const ctx: AppContext = {
    config,
    log,
    db: database.db,
    pool: database.pool,
    files: new LocalFileStore(path.join(dataDir, 'files')),
    clock: overrides.clock ?? systemClock,
    serverSecret: 'test-cookie-secret-test-cookie-secret-0123',
    jobs: createJobs({
      connectionString: database.url,
      log,
      role: overrides.worker ? 'worker' : 'web',
      pollingIntervalSeconds: 0.5,
    }),
  };
  await ctx.jobs.start([...jobDefinitions(ctx, overrides.modules), ...(overrides.jobs?.(ctx) ?? [])]);
  if (overrides.worker) await ctx.jobs.work();
  const app = await buildApp(ctx, {
    modules: overrides.modules,
    extraRoutes: overrides.extraRoutes,
  });
  teardown = async () => {
    await app.close();
    await ctx.jobs.stop(2000);
    await fs.rm(dataDir, { recursive: true, force: true });
  };
  return { app, ctx, database, config };
}
