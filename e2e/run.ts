/**
 * `npm run e2e`: the browser journeys against a real motcua.
 *
 * Finds Chromium (CHROMIUM_PATH or /usr/bin/chromium; it installs nothing), starts motcua on a free
 * port with a fresh DATA_DIR (so its own embedded PostgreSQL), waits for /readyz, then runs every
 * e2e/**\/*.e2e.ts with node's test runner, passing E2E_BASE_URL, CHROMIUM_PATH and E2E_DATA_DIR. Afterwards it
 * stops motcua with SIGTERM, removes the data directory (and the cluster it links to when run as
 * root) and exits with the tests' exit code. Screenshots land in e2e/artifacts/.
 *
 * `npm run e2e -- e2e/home.e2e.ts` runs only the files named.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { constants as fsConstants } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const E2E_DIR = path.join(ROOT, 'e2e');
const E2E_FILE = /\.e2e\.tsx?$/;
const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 30_000;
const LOG_LIMIT = 200_000;

async function findChromium(): Promise<string | undefined> {
  const candidate = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  try {
    await fs.access(candidate, fsConstants.X_OK);
    return candidate;
  } catch {
    return undefined;
  }
}

function explainMissingChromium() {
  const where = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  console.error(
    [
      '',
      `✗ Không tìm thấy Chromium tại ${where}. Các kiểm thử trình duyệt (npm run e2e) cần Chromium.`,
      '  Cài trên Debian/Ubuntu:   sudo apt-get update && sudo apt-get install -y chromium',
      '  Hoặc chỉ đường dẫn:       CHROMIUM_PATH=/đường/dẫn/tới/chromium npm run e2e',
      '',
      `✗ Chromium was not found at ${where}. The browser journeys (npm run e2e) need it.`,
      '  Install it on Debian/Ubuntu:  sudo apt-get update && sudo apt-get install -y chromium',
      '  Or point to it:               CHROMIUM_PATH=/path/to/chromium npm run e2e',
      '',
    ].join('\n'),
  );
}

async function listJourneys(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
  const nested = await Promise.all(
    entries.map((e) => {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) return e.name === 'artifacts' || e.name === 'node_modules' ? [] : listJourneys(p);
      return E2E_FILE.test(e.name) ? [p] : [];
    }),
  );
  return nested.flat().sort();
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

interface Server {
  child: ChildProcess;
  log: () => string;
  exited: Promise<number | null>;
}

function startMotcua(dataDir: string, port: number): Server {
  let log = '';
  const keep = (chunk: Buffer) => {
    log += chunk.toString('utf8');
    if (log.length > LOG_LIMIT) log = log.slice(-LOG_LIMIT);
  };
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'start'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      BASE_URL: `http://127.0.0.1:${port}`,
      // Every journey logs in from 127.0.0.1, several within one minute, and the journeys together
      // ask for far more than one person's pages a minute (the limits are tested in http.api.test.ts).
      LOGIN_RATE_LIMIT_MAX: '1000',
      RATE_LIMIT_MAX: '100000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, log: () => log, exited };
}

async function waitForReady(baseUrl: string, server: Server): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let gone = false;
  void server.exited.then(() => {
    gone = true;
  });
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (gone) throw new Error(`motcua exited before it was ready (exit code ${server.child.exitCode})`);
    try {
      const res = await fetch(`${baseUrl}/readyz`, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) return;
      last = `HTTP ${res.status}`;
    } catch (err) {
      last = (err as Error).message;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`motcua was not ready within ${READY_TIMEOUT_MS / 1000} s (last /readyz: ${last})`);
}

async function stopMotcua(server: Server): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  server.child.kill('SIGTERM');
  const timer = setTimeout(() => {
    console.error(`motcua did not stop within ${STOP_TIMEOUT_MS / 1000} s of SIGTERM; killing it`);
    server.child.kill('SIGKILL');
  }, STOP_TIMEOUT_MS);
  await server.exited;
  clearTimeout(timer);
}

/** As root the cluster lives outside DATA_DIR (DATA_DIR/pg is a symlink to it): remove both. */
async function removeDataDir(dataDir: string): Promise<void> {
  const pg = path.join(dataDir, 'pg');
  const stat = await fs.lstat(pg).catch(() => undefined);
  if (stat?.isSymbolicLink()) {
    const target = path.resolve(dataDir, await fs.readlink(pg));
    await fs.rm(target, { recursive: true, force: true });
  }
  await fs.rm(dataDir, { recursive: true, force: true });
}

function runJourneys(files: string[], env: Record<string, string>): Promise<number> {
  // Each file drives its own Chromium; two at a time keeps a 2-core machine responsive.
  const args = ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...files];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, ...env },
    });
    child.on('close', (code) => resolve(code ?? 1));
  });
}

async function main(): Promise<number> {
  const started = Date.now();
  const chromium = await findChromium();
  if (!chromium) {
    explainMissingChromium();
    return 2;
  }
  const requested = process.argv.slice(2).map((f) => path.resolve(f));
  const files = requested.length > 0 ? requested : await listJourneys(E2E_DIR);
  if (files.length === 0) {
    console.error('No e2e/**/*.e2e.ts journeys found.');
    return 1;
  }
  await fs.mkdir(path.join(E2E_DIR, 'artifacts'), { recursive: true });

  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'motcua-e2e-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const server = startMotcua(dataDir, port);
  const interrupt = () =>
    void stopMotcua(server).finally(() => removeDataDir(dataDir).finally(() => process.exit(130)));
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);

  let code = 1;
  try {
    try {
      await waitForReady(baseUrl, server);
    } catch (err) {
      console.error(
        `✗ ${(err as Error).message}\n--- motcua log ---\n${server.log()}\n--- end of motcua log ---`,
      );
      return 1;
    }
    console.log(
      `motcua ready at ${baseUrl} in ${Date.now() - started} ms; Chromium ${chromium}; ${files.length} journey files`,
    );
    // E2E_DATA_DIR lets a journey attach to the server's embedded PostgreSQL to set up its own rows.
    code = await runJourneys(files, {
      E2E_BASE_URL: baseUrl,
      CHROMIUM_PATH: chromium,
      E2E_DATA_DIR: dataDir,
    });
    if (code !== 0)
      console.error(`--- motcua log (warnings and errors) ---\n${server.log() || '(empty)'}\n---`);
  } finally {
    await stopMotcua(server);
    if (server.child.exitCode !== 0) {
      console.error(`motcua exited with ${server.child.exitCode ?? server.child.signalCode} after SIGTERM`);
    }
    await removeDataDir(dataDir);
  }
  console.log(`e2e finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return code;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
