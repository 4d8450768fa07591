/**
 * `npm run bench`: motcua measured side by side with the physical limits of this machine, in one run.
 *
 * 1. Raw PostgreSQL: single-row INSERT commits/s through `pg` (synchronous_commit on, fsync on) on
 *    the embedded server, started in a temporary DATA_DIR exactly as motcua starts it.
 * 2. A bare Fastify route (hello JSON, no logging) in its own process: requests/s with autocannon.
 * 3. motcua itself, `src/main.ts serve` in its own process on the same temporary DATA_DIR (it
 *    attaches to the same embedded server), default LOG_LEVEL, logs to /dev/null: /healthz and the
 *    home page, requests/s with autocannon, and the ratio to the bare route.
 * 4. bench/due-dates.bench.ts (`runDueDatesBench()`), when that file exists.
 * 5. bench/catalogue-search.bench.ts (`runCatalogueSearchBench()`): procedure search over 6,000
 *    procedures, on its own database.
 * 6. bench/intake.bench.ts (`runIntakeBench()`): dossiers with two 200 KB attachments submitted for
 *    60 s (INTAKE_BENCH_SECONDS) beside raw commits of the same rows and a bare Fastify route, on its
 *    own database and server. `npm run bench -- intake` runs this one alone.
 * 7. bench/inbox.bench.ts (`runInboxBench()`): an officer's inbox and the dossier page over a million
 *    dossiers generated in SQL (bench/workflow-data.ts) in an embedded PostgreSQL kept between runs.
 *    `npm run bench -- inbox` runs this one alone.
 *
 * Loads are bounded (5 s, 10 connections by default, after a 1 s warm-up) and stay on 127.0.0.1.
 * Options: `npm run bench -- --seconds 10 --connections 20`. Not part of `npm test`.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/platform/config.js';
import { type EmbeddedServer, freePort, startEmbeddedPostgres } from '../src/platform/db/embedded.js';
import { load, portFromStdout, spawnTs, stop, waitFor200 } from './http-load.js';
import { benchCommits, serverFacts } from './postgres-commits.js';
import { type BenchRow, formatTable, toRows } from './table.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BARE = 'bare Fastify GET / (hello JSON)';
/** What a browser sends; the home page is over @fastify/compress's 1 KB threshold, so it is compressed. */
const BROWSER_HEADERS = {
  'accept-encoding': 'gzip, deflate, br',
  'accept-language': 'vi-VN,vi;q=0.9,en;q=0.8',
};

function options() {
  const { values, positionals } = parseArgs({
    options: { seconds: { type: 'string', default: '5' }, connections: { type: 'string', default: '10' } },
    allowPositionals: true,
  });
  const seconds = Number(values.seconds);
  const connections = Number(values.connections);
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > 60) throw new Error('--seconds must be 1..60');
  if (!Number.isInteger(connections) || connections < 1 || connections > 200) {
    throw new Error('--connections must be 1..200');
  }
  const only = positionals[0];
  if (only !== undefined && only !== 'intake' && only !== 'inbox') {
    throw new Error(`unknown bench ${only}: try intake or inbox`);
  }
  return { seconds, connections, only };
}

/** `npm run bench -- intake`: the intake bench alone (it starts its own database and server). */
async function intakeOnly() {
  console.log(`machine: ${machine()}`);
  console.log(loadNote('before'));
  const { runIntakeBench } = await import('./intake.bench.js');
  const rows = await timed('intake', runIntakeBench);
  console.log(loadNote('after'));
  console.log(`\n${formatTable(rows)}\n`);
}

/** `npm run bench -- inbox`: the inbox bench alone (its own embedded PostgreSQL, kept between runs). */
async function inboxOnly() {
  console.log(`machine: ${machine()}`);
  console.log(loadNote('before'));
  const { runInboxBench } = await import('./inbox.bench.js');
  const rows = await timed('inbox', runInboxBench);
  console.log(loadNote('after'));
  console.log(`\n${formatTable(rows)}\n`);
}

async function timed<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const started = Date.now();
  process.stdout.write(`- ${label} ... `);
  const result = await fn();
  console.log(`${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

async function bareFastify(opts: { seconds: number; connections: number }): Promise<BenchRow> {
  const { child } = spawnTs(ROOT, ['bench/bare-fastify.ts'], process.env, 'pipe');
  try {
    const port = await portFromStdout(child);
    return await load({ name: BARE, url: `http://127.0.0.1:${port}/`, note: 'no logging, no plugins' }, opts);
  } finally {
    await stop(child);
  }
}

async function motcua(dataDir: string, opts: { seconds: number; connections: number }): Promise<BenchRow[]> {
  const port = await freePort();
  const env = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    // The default 300 requests/minute per address would turn a load test into a 429 test.
    RATE_LIMIT_MAX: '1000000000',
    DATABASE_URL: '',
    BASE_URL: '',
  };
  const { child, stderr } = spawnTs(ROOT, ['src/main.ts', 'serve'], env, 'ignore');
  const base = `http://127.0.0.1:${port}`;
  const logNote = `LOG_LEVEL=${process.env.LOG_LEVEL || 'info'}, logs to /dev/null`;
  try {
    await waitFor200(`${base}/readyz`, child).catch((err: Error) => {
      throw new Error(`motcua serve did not become ready: ${err.message}\n${stderr()}`);
    });
    const rows: BenchRow[] = [];
    rows.push(
      await load(
        { name: 'motcua GET /healthz', url: `${base}/healthz`, baseline: BARE, note: logNote },
        opts,
      ),
    );
    rows.push(
      await load(
        { name: 'motcua GET / (home, uncompressed)', url: `${base}/`, baseline: BARE, note: logNote },
        opts,
      ),
    );
    rows.push(
      await load(
        {
          name: 'motcua GET / (home, browser headers)',
          url: `${base}/`,
          headers: BROWSER_HEADERS,
          baseline: BARE,
          note: `Accept-Encoding: gzip, deflate, br; ${logNote}`,
        },
        opts,
      ),
    );
    return rows;
  } finally {
    await stop(child);
  }
}

/** bench/due-dates.bench.ts is optional: included when present, skipped (and said so) when not. */
async function dueDates(): Promise<BenchRow[] | undefined> {
  const file = new URL('./due-dates.bench.ts', import.meta.url);
  const present = await fs.access(fileURLToPath(file)).then(
    () => true,
    () => false,
  );
  if (!present) return undefined;
  const mod = (await import(file.href)) as { runDueDatesBench?: () => unknown };
  if (typeof mod.runDueDatesBench !== 'function') {
    throw new Error('bench/due-dates.bench.ts does not export runDueDatesBench()');
  }
  return toRows('due dates', await mod.runDueDatesBench());
}

function machine(): string {
  const cpus = os.cpus();
  const gib = (os.totalmem() / 2 ** 30).toFixed(1);
  return `${cpus[0]?.model ?? 'unknown CPU'} × ${cpus.length}, ${gib} GiB, ${os.platform()} ${os.release()}, Node ${process.version}`;
}

/** Figures taken on a busy machine mean little: say how busy it was, before and after. */
function loadNote(when: string): string {
  const [one = 0] = os.loadavg();
  const busy = one > os.availableParallelism() / 2;
  return `load average (1 min) ${when}: ${one.toFixed(2)}${busy ? ' (busy: other work competes with the measures)' : ''}`;
}

async function main() {
  const opts = options();
  if (opts.only === 'intake') return intakeOnly();
  if (opts.only === 'inbox') return inboxOnly();
  const config = loadConfig();
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'motcua-bench-'));
  let server: EmbeddedServer | undefined;
  let cleaned = false;
  const cleanup = async () => {
    if (cleaned) return;
    cleaned = true;
    if (server) {
      await server.release();
      await fs.rm(server.clusterDir, { recursive: true, force: true });
    }
    await fs.rm(dataDir, { recursive: true, force: true });
  };
  process.once('SIGINT', () => void cleanup().finally(() => process.exit(130)));

  try {
    console.log(
      `motcua bench: ${opts.seconds} s per measure, ${opts.connections} connections, 127.0.0.1 only`,
    );
    console.log(`machine: ${machine()}`);
    console.log(loadNote('before'));
    server = await timed('embedded PostgreSQL start', () =>
      startEmbeddedPostgres({ dataDir, runtimeDir: config.embeddedPgRuntimeDir, database: 'bench' }),
    );
    const url = server.urlFor('bench');
    const facts = await serverFacts(url);
    console.log(
      `database: ${facts.version.split(' on ')[0]}, synchronous_commit=${facts.synchronousCommit}, fsync=${facts.fsync}`,
    );

    const rows: BenchRow[] = [];
    const connections = [...new Set([1, opts.connections])];
    rows.push(
      ...(await timed('PostgreSQL commits', () => benchCommits({ url, seconds: opts.seconds, connections }))),
    );
    rows.push(await timed('bare Fastify', () => bareFastify(opts)));
    rows.push(...(await timed('motcua serve', () => motcua(dataDir, opts))));
    const due = await timed('due dates', dueDates);
    if (due) rows.push(...due);
    else console.log('  (bench/due-dates.bench.ts not present: skipped)');
    const { runCatalogueSearchBench } = await import('./catalogue-search.bench.js');
    rows.push(...toRows('catalogue search', await timed('catalogue search', runCatalogueSearchBench)));
    const { runIntakeBench } = await import('./intake.bench.js');
    rows.push(...(await timed('intake', runIntakeBench)));
    const { runInboxBench } = await import('./inbox.bench.js');
    rows.push(...(await timed('inbox', runInboxBench)));

    console.log(loadNote('after'));
    console.log(`\n${formatTable(rows)}\n`);
    console.log('ratio: motcua requests/s divided by the bare Fastify route on the same machine, same load.');
    console.log(
      'Design point (ARCHITECTURE.md §8): peaks of 50 requests/s for a province of about 2 million people.',
    );
  } finally {
    await cleanup();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
