import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Config } from '../config.js';
import { createPool } from './database.js';
import { startEmbeddedPostgres } from './embedded.js';
import { migrate } from './migrate.js';

const execFileAsync = promisify(execFile);

export const SCHEMA_FILE = fileURLToPath(new URL('./schema.ts', import.meta.url));
const CODEGEN_BIN = fileURLToPath(new URL('../../../node_modules/.bin/kysely-codegen', import.meta.url));

/**
 * Generates src/platform/db/schema.ts from a freshly migrated, throwaway database (never the
 * user's): an embedded server in a temporary folder, or a temporary database on DATABASE_URL.
 * With `check`, compares instead of writing and reports whether the file is stale.
 */
export async function generateSchemaTypes(config: Config, check: boolean): Promise<{ stale: boolean }> {
  const generated = await withThrowawayDatabase(config, (url) => runCodegen(url));
  const current = await fs.readFile(SCHEMA_FILE, 'utf8').catch(() => '');
  const stale = current !== generated;
  if (!check && stale) await fs.writeFile(SCHEMA_FILE, generated);
  return { stale };
}

async function runCodegen(url: string): Promise<string> {
  const { stdout } = await execFileAsync(CODEGEN_BIN, [
    '--dialect',
    'postgres',
    '--url',
    url,
    '--include-pattern',
    'public.*',
    '--type-mapping',
    JSON.stringify({ int8: 'number' }),
    '--log-level',
    'error',
    '--print',
  ]);
  return `${stdout.trim()}\n`;
}

async function withThrowawayDatabase<T>(config: Config, fn: (url: string) => Promise<T>): Promise<T> {
  if (config.databaseUrl) {
    const name = `motcua_codegen_${process.pid}`;
    const admin = createPool(config.databaseUrl, 1, 'motcua-codegen');
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(config.databaseUrl);
    url.pathname = `/${name}`;
    try {
      return await migrateAnd(url.toString(), fn);
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  }
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'motcua-codegen-'));
  const server = await startEmbeddedPostgres({
    dataDir,
    runtimeDir: config.embeddedPgRuntimeDir,
    unsafeFast: true,
  });
  try {
    return await migrateAnd(server.urlFor('motcua'), fn);
  } finally {
    await server.release();
    await fs.rm(server.clusterDir, { recursive: true, force: true });
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

async function migrateAnd<T>(url: string, fn: (url: string) => Promise<T>): Promise<T> {
  const pool = createPool(url, 2, 'motcua-codegen');
  try {
    await migrate(pool);
  } finally {
    await pool.end();
  }
  return fn(url);
}
