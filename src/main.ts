#!/usr/bin/env node
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildApp, jobDefinitions, MODULES } from './app.js';
import { runUnitsImportCommand } from './modules/admin-units/index.js';
import { runCatalogueExport, runCatalogueImport } from './modules/catalogue/index.js';
import { runAuditVerifyCommand } from './modules/identity/index.js';
import { systemClock } from './platform/clock.js';
import { type Config, ConfigError, loadConfig } from './platform/config.js';
import { generateSchemaTypes } from './platform/db/codegen.js';
import { type Database, openDatabase } from './platform/db/database.js';
import { migrate } from './platform/db/migrate.js';
import { LocalFileStore } from './platform/files/local-file-store.js';
import { createJobs } from './platform/jobs.js';
import { createLogger, type Logger } from './platform/logger.js';
import type { AppContext } from './platform/module.js';
import { cookieSecret } from './platform/secrets.js';
import { formatDemoAccounts, seedDemo } from './platform/seed.js';

const USAGE = `motcua: hệ thống một cửa điện tử / one-stop administrative procedure system

Usage: motcua <command> [options]
  start           web + worker in one process; loads the demo data unless DEMO=false (npm start)
  serve           web only (any number, against one database)
  work            worker only: jobs, schedules, outbox
  migrate         apply pending database migrations and exit
  seed --demo     load the demo data and print the demo accounts
  units import [--dir DIR] [--report FILE]
                  import the administrative units (shipped files by default) and report anomalies
  catalogue import [FILE] [--report FILE]
                  import procedures: the national portal's crawled records (the shipped 588
                  commune-level ones by default) or motcua's canonical JSON; prints imported,
                  updated, unchanged, partly parsed and failed; --report writes every reported record
  catalogue export [--out FILE]
                  write the whole catalogue (every published version) as canonical JSON
                  (docs/catalogue.schema.json); to stdout without --out
  audit verify [--json]
                  check the audit log's hash chain: the first broken link, entries left unlinked;
                  exit code 0 when intact, 1 otherwise
  db:codegen      regenerate src/platform/db/schema.ts from the migrations (--check: fail if stale)
  help            this text

Configuration comes from environment variables: see README.md.`;

type Role = 'start' | 'serve' | 'work';

async function openContext(config: Config, log: Logger, role: 'web' | 'worker' | 'none', quiet = false) {
  const database = await openDatabase(config, {
    log: (msg) => log.info(msg),
    applicationName: `motcua-${role}`,
  });
  const applied = await migrate(database.pool);
  if (applied.length > 0) log.info({ applied }, 'migrations applied');
  if (role === 'none' && !quiet) {
    // `motcua migrate` reports to a person at a terminal, whatever LOG_LEVEL says.
    console.log(applied.length > 0 ? `migrations applied: ${applied.join(', ')}` : 'database is up to date');
  }
  const ctx: AppContext = {
    config,
    log,
    db: database.db,
    pool: database.pool,
    files: new LocalFileStore(path.join(config.dataDir, 'files')),
    clock: systemClock,
    serverSecret: await cookieSecret(config),
    jobs: createJobs({ connectionString: database.url, log, role: role === 'web' ? 'web' : 'worker' }),
  };
  if (role !== 'none') await ctx.jobs.start(jobDefinitions(ctx));
  return { ctx, database };
}

async function run(role: Role, config: Config, log: Logger) {
  const { ctx, database } = await openContext(config, log, role === 'serve' ? 'web' : 'worker');
  const shutdown = onShutdown(log, config.shutdownTimeoutMs, database);
  shutdown.add(() => ctx.jobs.stop(config.shutdownTimeoutMs));
  if (role !== 'serve') await ctx.jobs.work();
  if (role === 'work') {
    log.info('worker running');
    return;
  }
  const accounts = role === 'start' && config.demo ? await seedDemo(ctx, MODULES) : undefined;
  const app = await buildApp(ctx, {});
  shutdown.add(() => app.close());
  const address = await app.listen({ port: config.port, host: config.host });
  log.info({ address }, 'motcua listening');
  if (accounts) console.log(`\n${formatDemoAccounts(accounts, config.baseUrl)}\n`);
}

/** SIGINT/SIGTERM: stop taking work, let running requests and jobs finish, release the database. */
function onShutdown(log: Logger, timeoutMs: number, database: Database) {
  const steps: (() => Promise<unknown>)[] = [];
  let firstSignalAt = 0;
  const stop = async (signal: string) => {
    // npm, tsx and supervisors that signal a whole process group pass one Ctrl-C or SIGTERM on
    // several times within milliseconds: only a signal sent again later forces an exit.
    const now = Date.now();
    if (firstSignalAt > 0) {
      if (now - firstSignalAt < 2000) return;
      log.warn('signal received again: exiting now');
      process.exit(1);
    }
    firstSignalAt = now;
    log.info({ signal }, 'shutting down');
    const timer = setTimeout(() => {
      log.error('shutdown timed out');
      process.exit(1);
    }, timeoutMs + 5000).unref();
    for (const step of [...steps].reverse())
      await step().catch((err) => log.error({ err }, 'shutdown step failed'));
    await database.close();
    clearTimeout(timer);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  return { add: (step: () => Promise<unknown>) => steps.push(step) };
}

/** A command that runs and exits; `web` when it may enqueue jobs (for a worker to run later). */
async function oneShot(
  config: Config,
  log: Logger,
  role: 'web' | 'none',
  fn: (ctx: AppContext) => Promise<void>,
  quiet = false,
) {
  const { ctx, database } = await openContext(config, log, role, quiet);
  try {
    await fn(ctx);
  } finally {
    if (role === 'web') await ctx.jobs.stop(config.shutdownTimeoutMs);
    await database.close();
  }
}

async function main(argv: string[]) {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      demo: { type: 'boolean' },
      check: { type: 'boolean' },
      dir: { type: 'string' },
      report: { type: 'string' },
      out: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const command = positionals[0] ?? 'help';
  if (command === 'help' || values.help) return console.log(USAGE);
  const config = loadConfig();
  // `audit verify --json` prints JSON alone: log lines (pino writes to stdout) would spoil it.
  const quietLog =
    (command === 'audit' && values.json) ||
    (command === 'catalogue' && positionals[1] === 'export' && !values.out);
  const log = createLogger(quietLog ? { logLevel: 'silent' } : config);
  switch (command) {
    case 'start':
    case 'serve':
    case 'work':
      return run(command, config, log);
    case 'migrate':
      return oneShot(config, log, 'none', async () => {});
    case 'seed':
      if (!values.demo) throw new Error('seed needs --demo (the only seed there is)');
      return oneShot(config, log, 'web', async (ctx) => {
        console.log(formatDemoAccounts(await seedDemo(ctx, MODULES), config.baseUrl));
      });
    case 'units':
      if (positionals[1] !== 'import')
        throw new Error('usage: motcua units import [--dir DIR] [--report FILE]');
      return oneShot(config, log, 'web', async (ctx) => {
        await runUnitsImportCommand(ctx, { dir: values.dir, report: values.report });
      });
    case 'catalogue':
      if (positionals[1] === 'import')
        return oneShot(
          config,
          log,
          'none',
          async (ctx) => {
            await runCatalogueImport(ctx, { file: positionals[2], report: values.report });
          },
          true,
        );
      if (positionals[1] === 'export')
        return oneShot(
          config,
          log,
          'none',
          async (ctx) => runCatalogueExport(ctx, { out: values.out }),
          true,
        );
      throw new Error(
        'usage: motcua catalogue import [FILE] [--report FILE] | motcua catalogue export [--out FILE]',
      );
    case 'audit':
      if (positionals[1] !== 'verify') throw new Error('usage: motcua audit verify [--json]');
      // Quiet: only the report is printed, so that --json output is JSON alone.
      return oneShot(
        config,
        log,
        'none',
        async (ctx) => {
          process.exitCode = (await runAuditVerifyCommand(ctx, { json: values.json })).exitCode;
        },
        true,
      );
    case 'db:codegen': {
      const { stale } = await generateSchemaTypes(config, values.check ?? false);
      if (values.check && stale) {
        console.error('src/platform/db/schema.ts is stale: run `npm run db:codegen` and commit it.');
        process.exitCode = 1;
      } else console.log(stale ? 'schema.ts regenerated' : 'schema.ts is up to date');
      return;
    }
    default:
      console.error(`Unknown command ${command}\n\n${USAGE}`);
      process.exitCode = 2;
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
