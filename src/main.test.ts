import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createTestDatabase } from '../test/database.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

const motcua = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/main.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });

describe('motcua CLI', () => {
  it('prints its commands', () => {
    const r = motcua(['help']);
    assert.equal(r.status, 0);
    for (const command of ['start', 'serve', 'work', 'migrate', 'seed --demo', 'db:codegen']) {
      assert.match(r.stdout, new RegExp(`^  ${command}`, 'm'));
    }
  });

  it('refuses to start on bad configuration, naming every bad variable', () => {
    const r = motcua(['start'], { PORT: 'abc', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://db' });
    assert.equal(r.status, 1);
    assert.match(r.stderr, /Cấu hình không hợp lệ \/ Invalid configuration/);
    assert.match(r.stderr, /PORT="abc"/);
    assert.match(r.stderr, /LOG_LEVEL="loud": must be one of fatal, error, warn, info, debug, trace, silent/);
    assert.match(r.stderr, /DATABASE_URL="mysql:\/\/db"/);
    assert.doesNotMatch(r.stderr, /at .*\.ts:\d+/, 'no stack trace for a configuration mistake');
  });

  it('rejects an unknown command with the usage', () => {
    const r = motcua(['fly']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /Unknown command fly/);
  });

  it('migrates the database given by DATABASE_URL, then finds nothing to do', async () => {
    const { url } = await createTestDatabase({ migrated: false });
    const first = motcua(['migrate'], { DATABASE_URL: url });
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, /migrations applied: 0001_platform\.sql/);
    const second = motcua(['migrate'], { DATABASE_URL: url });
    assert.match(second.stdout, /database is up to date/);
  });
});
