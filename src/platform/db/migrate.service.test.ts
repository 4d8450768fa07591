import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { createTestDatabase } from '../../../test/database.js';
import { createPool } from './database.js';
import { MigrationError, migrate, pendingMigrations, readMigrations } from './migrate.js';

async function migrationsDir(files: Record<string, string>) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'motcua-migrations-'));
  for (const [name, sql] of Object.entries(files)) await fs.writeFile(path.join(dir, name), sql);
  return dir;
}

const tables = async (pool: import('pg').Pool) =>
  (
    await pool.query<{ t: string }>(
      "SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1",
    )
  ).rows.map((r) => r.t);

describe('migrations', () => {
  it('applies the project migrations and enables the extensions', async () => {
    const { pool } = await createTestDatabase({ migrated: false });
    const applied = await migrate(pool);
    assert.deepEqual(
      applied,
      (await readMigrations()).map((m) => m.name),
    );
    const ext = await pool.query<{ extname: string }>('SELECT extname FROM pg_extension ORDER BY 1');
    for (const name of ['pg_trgm', 'pgcrypto', 'unaccent'])
      assert.ok(
        ext.rows.some((r) => r.extname === name),
        name,
      );
    const folded = await pool.query<{ v: string }>("SELECT immutable_unaccent('Đông Triều, Hoà Bình') AS v");
    assert.equal(folded.rows[0]?.v, 'dong trieu, hoa binh');
    assert.deepEqual(await migrate(pool), [], 'a second run applies nothing');
    assert.deepEqual(await pendingMigrations(pool), []);
  });

  it('applies in name order, records checksums, and only what is pending', async () => {
    const { pool } = await createTestDatabase({ migrated: false });
    const dir = await migrationsDir({
      '0002_b.sql': 'CREATE TABLE b (id int REFERENCES a(id));',
      '0001_a.sql': 'CREATE TABLE a (id int PRIMARY KEY);',
    });
    assert.deepEqual(await pendingMigrations(pool, dir), ['0001_a.sql', '0002_b.sql']);
    assert.deepEqual(await migrate(pool, dir), ['0001_a.sql', '0002_b.sql']);
    const rows = await pool.query<{ name: string; checksum: string }>(
      'SELECT name, checksum FROM schema_migrations ORDER BY name',
    );
    assert.deepEqual(
      rows.rows.map((r) => r.name),
      ['0001_a.sql', '0002_b.sql'],
    );
    assert.match(rows.rows[0]!.checksum, /^[0-9a-f]{64}$/);
    await fs.writeFile(path.join(dir, '0003_c.sql'), 'CREATE TABLE c (id int);');
    assert.deepEqual(await pendingMigrations(pool, dir), ['0003_c.sql']);
    assert.deepEqual(await migrate(pool, dir), ['0003_c.sql']);
  });

  it('stops on an edited, already-applied migration and changes nothing', async () => {
    const { pool } = await createTestDatabase({ migrated: false });
    const dir = await migrationsDir({ '0001_a.sql': 'CREATE TABLE a (id int);' });
    await migrate(pool, dir);
    await fs.writeFile(path.join(dir, '0001_a.sql'), 'CREATE TABLE a (id bigint);');
    await fs.writeFile(path.join(dir, '0002_b.sql'), 'CREATE TABLE b (id int);');
    await assert.rejects(
      migrate(pool, dir),
      (e: unknown) => e instanceof MigrationError && /0001_a\.sql/.test(e.message),
    );
    await assert.rejects(pendingMigrations(pool, dir), MigrationError);
    assert.deepEqual(await tables(pool), ['a', 'schema_migrations'], '0002 was not applied');
  });

  it('stops when an applied migration is missing on disk', async () => {
    const { pool } = await createTestDatabase({ migrated: false });
    const dir = await migrationsDir({ '0001_a.sql': 'CREATE TABLE a (id int);' });
    await migrate(pool, dir);
    await fs.rm(path.join(dir, '0001_a.sql'));
    await assert.rejects(migrate(pool, dir), /missing on disk/);
  });

  it('rolls a failing migration back whole and keeps the earlier ones', async () => {
    const { pool } = await createTestDatabase({ migrated: false });
    const dir = await migrationsDir({
      '0001_a.sql': 'CREATE TABLE a (id int);',
      '0002_bad.sql': 'CREATE TABLE half (id int); SELECT * FROM no_such_table;',
    });
    await assert.rejects(
      migrate(pool, dir),
      (e: unknown) => e instanceof MigrationError && /0002_bad\.sql/.test(e.message),
    );
    assert.deepEqual(await tables(pool), ['a', 'schema_migrations']);
    assert.deepEqual(await pendingMigrations(pool, dir), ['0002_bad.sql']);
  });

  it('lets two processes migrate at once: each migration is applied exactly once', async () => {
    const { url } = await createTestDatabase({ migrated: false });
    const dir = await migrationsDir({
      '0001_a.sql': 'CREATE TABLE a (id int); SELECT pg_sleep(0.2);',
      '0002_b.sql': 'CREATE TABLE b (id int);',
    });
    const pools = [createPool(url, 2, 'm1'), createPool(url, 2, 'm2')];
    try {
      const results = await Promise.all(pools.map((p) => migrate(p, dir)));
      assert.deepEqual(results.flat().sort(), ['0001_a.sql', '0002_b.sql']);
    } finally {
      await Promise.all(pools.map((p) => p.end()));
    }
  });
});
