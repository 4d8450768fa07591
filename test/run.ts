/**
 * `npm test`: one PostgreSQL for the whole run (the embedded server in a temporary folder, or the
 * server of DATABASE_URL), a migrated template database, then node's test runner over every
 * *.test.ts / *.test.tsx in src/ and test/ with several files at a time. Each test file clones its
 * own database from the template (test/database.ts), so files never share rows.
 *
 * `npm test -- src/platform/config.test.ts` runs only the files named.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/platform/config.js';
import { createPool } from '../src/platform/db/database.js';
import { type EmbeddedServer, startEmbeddedPostgres } from '../src/platform/db/embedded.js';
import { migrate } from '../src/platform/db/migrate.js';
import { startJobs } from '../src/platform/jobs.js';
import { createLogger } from '../src/platform/logger.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TEST_FILE = /\.test\.tsx?$/;

async function listTests(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
  const nested = await Promise.all(
    entries.map((e) => {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) return e.name === 'node_modules' ? [] : listTests(p);
      return TEST_FILE.test(e.name) ? [p] : [];
    }),
  );
  return nested.flat().sort();
}

async function prepareServer(): Promise<{ adminUrl: string; server?: EmbeddedServer; dataDir?: string }> {
  const config = loadConfig();
  if (config.databaseUrl) return { adminUrl: config.databaseUrl };
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'motcua-test-'));
  const server = await startEmbeddedPostgres({
    dataDir,
    runtimeDir: config.embeddedPgRuntimeDir,
    unsafeFast: true,
  });
  return { adminUrl: server.urlFor('postgres'), server, dataDir };
}

const withDatabase = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

/** Migrations and pg-boss's own schema, once, into the template every test file clones. */
async function buildTemplate(adminUrl: string, name: string) {
  const admin = createPool(adminUrl, 1, 'motcua-test-runner');
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = withDatabase(adminUrl, name);
  const pool = createPool(url, 2, 'motcua-test-runner');
  await migrate(pool);
  await pool.end();
  const jobs = await startJobs({
    connectionString: url,
    log: createLogger({ logLevel: 'warn' }),
    role: 'web',
    definitions: [],
  });
  await jobs.stop(1000);
}

async function main() {
  const started = Date.now();
  const requested = process.argv.slice(2).map((f) => path.resolve(f));
  const files =
    requested.length > 0
      ? requested
      : [...(await listTests(path.join(ROOT, 'src'))), ...(await listTests(path.join(ROOT, 'test')))];
  const { adminUrl, server, dataDir } = await prepareServer();
  const template = `motcua_template_${process.pid}`;
  let code = 1;
  try {
    await buildTemplate(adminUrl, template);
    console.log(`test database ready in ${Date.now() - started} ms; ${files.length} test files`);
    code = await runNodeTests(files, { MOTCUA_TEST_ADMIN_URL: adminUrl, MOTCUA_TEST_TEMPLATE: template });
  } finally {
    const admin = createPool(adminUrl, 1, 'motcua-test-runner');
    await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`).catch(() => {});
    await admin.end();
    if (server) {
      await server.release();
      await fs.rm(server.clusterDir, { recursive: true, force: true });
    }
    if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
  }
  process.exit(code);
}

function runNodeTests(files: string[], env: Record<string, string>): Promise<number> {
  const concurrency = Math.max(2, Math.min(4, os.availableParallelism() * 2));
  const args = [
    '--import',
    'tsx',
    '--test',
    `--test-concurrency=${concurrency}`,
    '--test-reporter=spec',
    ...files,
  ];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, ...env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent' },
    });
    child.on('close', (c) => resolve(c ?? 1));
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
