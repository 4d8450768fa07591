import { randomBytes } from 'node:crypto';
import { after } from 'node:test';
import { Kysely, PostgresDialect } from 'kysely';
import type pg from 'pg';
import { createPool, type Db } from '../src/platform/db/database.js';

export interface TestDatabase {
  db: Db;
  pool: pg.Pool;
  url: string;
  name: string;
}

function env(name: string): string {
  const v = process.env[name];
  if (!v)
    throw new Error(`${name} is not set: run tests with \`npm test\` (test/run.ts prepares the database)`);
  return v;
}

export const adminUrl = () => env('MOTCUA_TEST_ADMIN_URL');

export function databaseUrl(name: string): string {
  const u = new URL(adminUrl());
  u.pathname = `/${name}`;
  return u.toString();
}

/** Runs SQL on the server's maintenance database (CREATE/DROP DATABASE). */
export async function adminQuery(sqlText: string): Promise<void> {
  const pool = createPool(adminUrl(), 1, 'motcua-test');
  try {
    await pool.query(sqlText);
  } finally {
    await pool.end();
  }
}

/**
 * A database of this test file's own, cloned from the migrated template in milliseconds and
 * dropped when the file's tests end. `migrated: false` gives an empty database instead.
 */
export async function createTestDatabase(opts: { migrated?: boolean } = {}): Promise<TestDatabase> {
  const name = `t_${randomBytes(6).toString('hex')}`;
  const template = opts.migrated === false ? 'template0' : env('MOTCUA_TEST_TEMPLATE');
  await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  const url = databaseUrl(name);
  const pool = createPool(url, 5, 'motcua-test');
  const db: Db = new Kysely({ dialect: new PostgresDialect({ pool }) });
  after(async () => {
    await db.destroy();
    await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });
  return { db, pool, url, name };
}
