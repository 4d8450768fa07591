import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { loadConfig } from '../config.js';
import { freePort, startEmbeddedPostgres } from './embedded.js';

/**
 * The embedded server as users meet it: shared by several processes, surviving kill -9 of motcua
 * and of PostgreSQL itself with every committed row. Each test has its own cluster.
 */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const runtimeDir = loadConfig().embeddedPgRuntimeDir;

async function tempDataDir() {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'motcua-embedded-'));
  after(async () => {
    const link = await fs.readlink(path.join(dir, 'pg')).catch(() => undefined);
    if (link) await fs.rm(link, { recursive: true, force: true });
    await fs.rm(dir, { recursive: true, force: true });
  });
  return dir;
}

async function postmasterPid(clusterDir: string): Promise<number | undefined> {
  const text = await fs.readFile(path.join(clusterDir, 'postmaster.pid'), 'utf8').catch(() => undefined);
  return text ? Number.parseInt(text.split('\n')[0]!, 10) : undefined;
}

async function query(url: string, text: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, values)).rows;
  } finally {
    await client.end();
  }
}

function motcua(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/main.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'warn', DEMO: 'false', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
}

async function waitReady(port: number, child: ChildProcess) {
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`motcua exited: ${stderr}`);
    const ok = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return;
    await sleep(200);
  }
  throw new Error(`motcua not ready in 60 s: ${stderr}`);
}

const exited = (child: ChildProcess) =>
  child.exitCode !== null ? Promise.resolve() : new Promise<void>((r) => child.once('exit', () => r()));

describe('embedded PostgreSQL', () => {
  it('is shared: the first process starts it, the last one to leave stops it', async () => {
    const dataDir = await tempDataDir();
    const a = await startEmbeddedPostgres({ dataDir, runtimeDir });
    const b = await startEmbeddedPostgres({ dataDir, runtimeDir });
    assert.equal(b.port, a.port, 'the second attaches to the running server');
    const pid = await postmasterPid(a.clusterDir);
    assert.ok(pid);
    await a.release();
    assert.deepEqual(await query(b.urlFor('motcua'), 'SELECT 1 AS one'), [{ one: 1 }]);
    await b.release();
    assert.equal(await postmasterPid(a.clusterDir), undefined, 'stopped when the last lease went');
    assert.equal((await fs.stat(path.join(a.clusterDir, 'PG_VERSION'))).isFile(), true, 'data kept');
  });

  it('adopts a server left running by a killed process, and starts over a stale pid file', async () => {
    const dataDir = await tempDataDir();
    const port = await freePort();
    const child = motcua(['serve'], { DATA_DIR: dataDir, PORT: String(port) });
    await waitReady(port, child);
    child.kill('SIGKILL');
    await exited(child);
    const server = await startEmbeddedPostgres({ dataDir, runtimeDir });
    const pid = await postmasterPid(server.clusterDir);
    assert.ok(pid, 'the orphaned server is still up and adopted');
    await server.release();
    assert.equal(
      await postmasterPid(server.clusterDir),
      undefined,
      'the dead lease does not keep it running',
    );
    // A pid file naming a process that is not a postmaster (pid reuse after a power cut).
    await fs.writeFile(
      path.join(server.clusterDir, 'postmaster.pid'),
      `${process.pid}\n${server.clusterDir}\n0\n5432\n`,
    );
    const again = await startEmbeddedPostgres({ dataDir, runtimeDir });
    assert.deepEqual(await query(again.urlFor('motcua'), 'SELECT 1 AS one'), [{ one: 1 }]);
    await again.release();
  });

  it('keeps every committed row after kill -9 of motcua and of PostgreSQL in the middle of writes', async () => {
    const dataDir = await tempDataDir();
    const port = await freePort();
    const first = motcua(['serve'], { DATA_DIR: dataDir, PORT: String(port) });
    await waitReady(port, first);
    const creds = JSON.parse(await fs.readFile(path.join(dataDir, 'pg-credentials.json'), 'utf8'));
    const { port: pgPort } = JSON.parse(await fs.readFile(path.join(dataDir, 'pg-server.json'), 'utf8'));
    const url = `postgres://${creds.user}:${encodeURIComponent(creds.password)}@127.0.0.1:${pgPort}/motcua`;
    await query(url, 'CREATE TABLE crash_probe (n int PRIMARY KEY, payload text NOT NULL)');
    const client = new pg.Client({ connectionString: url });
    client.on('error', () => {});
    await client.connect();
    const committed: number[] = [];
    const writer = (async () => {
      for (let n = 1; ; n++) {
        try {
          await client.query('INSERT INTO crash_probe VALUES ($1, $2)', [n, 'x'.repeat(2000)]);
          committed.push(n);
        } catch {
          return;
        }
      }
    })();
    await sleep(700);
    const clusterDir = await fs.realpath(path.join(dataDir, 'pg'));
    const postmaster = await postmasterPid(clusterDir);
    first.kill('SIGKILL');
    process.kill(postmaster!, 'SIGKILL');
    await writer;
    await exited(first);
    assert.ok(committed.length > 20, `writes were under way (${committed.length} committed)`);

    // Stopped here, not in an after() hook: it must be gone before the data folder is removed.
    const second = motcua(['serve'], { DATA_DIR: dataDir, PORT: String(port) });
    let rows: { n: number }[];
    try {
      await waitReady(port, second);
      const { port: newPort } = JSON.parse(await fs.readFile(path.join(dataDir, 'pg-server.json'), 'utf8'));
      const url2 = `postgres://${creds.user}:${encodeURIComponent(creds.password)}@127.0.0.1:${newPort}/motcua`;
      rows = await query(url2, 'SELECT n FROM crash_probe ORDER BY n');
    } finally {
      second.kill('SIGTERM');
      await exited(second);
    }
    const present = new Set(rows.map((r) => r.n));
    const lost = committed.filter((n) => !present.has(n));
    assert.deepEqual(lost, [], 'no committed row lost');
  });
});
