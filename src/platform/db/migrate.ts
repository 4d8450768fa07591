import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';

/**
 * Forward-only migrations: plain `.sql` files in migrations/, applied in name order, each inside its
 * own transaction, recorded with a sha-256 checksum. An applied migration whose file changed stops
 * start-up: fixing a released migration means writing a new one. A session-level advisory lock keeps
 * two processes (serve and work starting together) from migrating at once.
 */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../../migrations/', import.meta.url));

const LOCK_KEY = 727_001; // arbitrary, constant: "migrations" advisory lock

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

export async function readMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const names = (await fs.readdir(dir)).filter((n) => n.endsWith('.sql')).sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await fs.readFile(path.join(dir, name), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    }),
  );
}

const ensureTable = `CREATE TABLE IF NOT EXISTS schema_migrations (
  name text PRIMARY KEY,
  checksum text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
)`;

/** Applies pending migrations; returns the names applied. Throws on an edited applied migration. */
export async function migrate(pool: pg.Pool, dir = MIGRATIONS_DIR): Promise<string[]> {
  const migrations = await readMigrations(dir);
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
    await client.query(ensureTable);
    const applied = await appliedChecksums(client);
    verifyChecksums(migrations, applied);
    const done: string[] = [];
    for (const m of migrations.filter((m) => !applied.has(m.name))) {
      await applyOne(client, m);
      done.push(m.name);
    }
    return done;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]).catch(() => {});
    client.release();
  }
}

/** Pending migration names, or an error for edited ones; used by /readyz. Reads only. */
export async function pendingMigrations(pool: pg.Pool, dir = MIGRATIONS_DIR): Promise<string[]> {
  const migrations = await readMigrations(dir);
  const exists = await pool.query("SELECT to_regclass('schema_migrations') AS t");
  if (!exists.rows[0]?.t) return migrations.map((m) => m.name);
  const applied = await appliedChecksums(pool);
  verifyChecksums(migrations, applied);
  return migrations.filter((m) => !applied.has(m.name)).map((m) => m.name);
}

async function appliedChecksums(q: pg.Pool | pg.PoolClient): Promise<Map<string, string>> {
  const r = await q.query<{ name: string; checksum: string }>('SELECT name, checksum FROM schema_migrations');
  return new Map(r.rows.map((row) => [row.name, row.checksum]));
}

function verifyChecksums(migrations: Migration[], applied: Map<string, string>) {
  const onDisk = new Map(migrations.map((m) => [m.name, m.checksum]));
  const edited = migrations.filter((m) => applied.has(m.name) && applied.get(m.name) !== m.checksum);
  if (edited.length > 0) {
    throw new MigrationError(
      `Migration đã áp dụng bị sửa / Applied migration(s) changed on disk: ${edited.map((m) => m.name).join(', ')}. ` +
        'Migrations are forward-only: restore the file and add a new migration instead.',
    );
  }
  const missing = [...applied.keys()].filter((name) => !onDisk.has(name));
  if (missing.length > 0) {
    throw new MigrationError(
      `Migration đã áp dụng không còn trên đĩa / Applied migration(s) missing on disk: ${missing.join(', ')}. ` +
        'This database was migrated by a newer or different version of motcua.',
    );
  }
}

async function applyOne(client: pg.PoolClient, m: Migration) {
  try {
    await client.query('BEGIN');
    await client.query(m.sql);
    await client.query('INSERT INTO schema_migrations (name, checksum) VALUES ($1, $2)', [
      m.name,
      m.checksum,
    ]);
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {});
    throw new MigrationError(`Migration ${m.name} failed: ${(e as Error).message}`);
  }
}
