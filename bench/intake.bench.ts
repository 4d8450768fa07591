/**
 * Intake under load (issue: "≥ 50 dossiers/s at p95 < 300 ms on the 2-core machine"): a load
 * generator on this machine submits dossiers with two 200 KB PDF attachments each, for 60 s by
 * default, against `src/main.ts serve` in its own process, on a fresh embedded PostgreSQL seeded
 * with the intake world of test/factories-dossiers.ts. One submission, timed as a whole:
 *
 * - `http` (default when the route is there): the desk officer of the ward's centre files the
 *   dossier online on the citizen's behalf (channel 2), POST /api/v1/dossiers, then two
 *   POST /api/v1/dossiers/{id}/attachments (multipart, one 200 KB PDF each, on components 0 and 1);
 * - `citizen` (fallback, or INTAKE_BENCH_MODE=citizen): a citizen has no HTTP route for draft
 *   uploads, so the two files go into a draft with storeUpload in this process (same file store,
 *   same database: bytes fsynced, rows committed) and then POST /api/v1/dossiers with the file ids.
 *
 * Beside it, in the same run: the raw PostgreSQL commit rate of the equivalent rows (one transaction
 * of a dossier, 3 components, 2 file rows and a history row, same connection count) and the bare
 * Fastify route; the report prints the ratios.
 *
 * Env: INTAKE_BENCH_SECONDS (default 60), INTAKE_BENCH_CONNECTIONS (default 10),
 * INTAKE_BENCH_MODE (http | citizen), INTAKE_BENCH_PROFILE_DIR (a CPU profile of the server). Run: `npm run bench -- intake` or `tsx bench/intake.bench.ts`.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { storeUpload } from '../src/modules/dossiers/attachments/index.js';
import { systemClock } from '../src/platform/clock.js';
import { loadConfig } from '../src/platform/config.js';
import { createPool, type Db } from '../src/platform/db/database.js';
import { freePort, startEmbeddedPostgres } from '../src/platform/db/embedded.js';
import { migrate } from '../src/platform/db/migrate.js';
import { LocalFileStore } from '../src/platform/files/local-file-store.js';
import { newId } from '../src/platform/ids.js';
import { onlineBody, seedIntakeWorld } from '../test/factories-dossiers.js';
import { sessionCookie } from '../test/factories-identity.js';
import { load, portFromStdout, spawnTs, stop, waitFor200 } from './http-load.js';
import type { BenchRow } from './table.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FILE_BYTES = 200 * 1024;

/** A 200 KB PDF that passes the type check: a header, padding comments, an end marker. */
export function pdfOf(size: number, tag: string): Buffer {
  const head = Buffer.from(`%PDF-1.4\n% ${tag}\n1 0 obj<<>>endobj\n`);
  const tail = Buffer.from('\ntrailer<<>>\n%%EOF\n');
  const line = Buffer.from(`% ${'motcua bench padding '.repeat(3)}\n`);
  const body = Buffer.alloc(Math.max(0, size - head.length - tail.length));
  for (let i = 0; i < body.length; i += line.length)
    line.copy(body, i, 0, Math.min(line.length, body.length - i));
  return Buffer.concat([head, body, tail]);
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0
    ? 0
    : (sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0);

function envInt(name: string, fallback: number, max: number): number {
  const v = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(v) || v < 1 || v > max) throw new Error(`${name} must be 1..${max}`);
  return v;
}

interface World {
  db: Db;
  url: string;
  deskCookie: string;
  citizenCookie: string;
  citizenId: string;
}

async function seed(url: string): Promise<World> {
  const pool = createPool(url, 4, 'motcua-bench');
  const db: Db = new Kysely({ dialect: new PostgresDialect({ pool }) });
  await migrate(pool);
  const world = await seedIntakeWorld(db, systemClock);
  return {
    db,
    url,
    deskCookie: await sessionCookie(db, { officerId: world.desk.id }),
    citizenCookie: await sessionCookie(db, { citizenId: world.citizen.id }),
    citizenId: world.citizen.id,
  };
}

type Submit = (n: number) => Promise<void>;

async function answer(res: Response, what: string) {
  if (res.status !== 201) throw new Error(`${what}: ${res.status} ${(await res.text()).slice(0, 300)}`);
  return res.json() as Promise<{ id: string; code: string }>;
}

/** The whole intake over HTTP: the dossier, then each file on its component. */
function httpSubmit(base: string, w: World, pdfs: Buffer[]): Submit {
  return async (n) => {
    const key = `bench-${process.pid}-${n}`;
    const body = onlineBody({ channel: 2 });
    const d = await answer(
      await fetch(`${base}/api/v1/dossiers`, {
        method: 'POST',
        headers: { cookie: w.deskCookie, 'content-type': 'application/json', 'idempotency-key': key },
        body: JSON.stringify(body),
      }),
      'POST /api/v1/dossiers',
    );
    for (const [i, pdf] of pdfs.entries()) {
      const form = new FormData();
      form.set('componentId', String(i));
      form.set('file', new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }), `tep-${i}.pdf`);
      await answer(
        await fetch(`${base}/api/v1/dossiers/${d.id}/attachments`, {
          method: 'POST',
          headers: { cookie: w.deskCookie, 'idempotency-key': `${key}-f${i}` },
          body: form,
        }),
        'POST attachments',
      );
    }
  };
}

/** A citizen's online submission: uploads into a draft in this process, then the HTTP POST. */
function citizenSubmit(base: string, w: World, dataDir: string, pdfs: Buffer[]): Submit {
  const config = loadConfig({ DATA_DIR: dataDir, DATABASE_URL: w.url, LOG_LEVEL: 'silent' });
  const ctx = {
    db: w.db,
    files: new LocalFileStore(path.join(dataDir, 'files')),
    clock: systemClock,
    config,
  };
  return async (n) => {
    const draftId = newId();
    const now = new Date();
    await w.db
      .insertInto('dossier_drafts')
      .values({
        id: draftId,
        account_id: w.citizenId,
        procedure_code: onlineBody().procedureCode,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const ids: string[] = [];
    for (const [slot, pdf] of pdfs.entries()) {
      const stored = await storeUpload(ctx, {
        stream: Readable.from([pdf, Buffer.from(`% ${n}-${slot}\n`)]),
        fileName: `tep-${slot}.pdf`,
        uploader: { kind: 'citizen', id: w.citizenId },
        target: { draftId, slot },
      });
      ids.push(stored.id);
    }
    const body = onlineBody({
      draftId,
      components: ids.map((id, position) => ({ position, fileIds: [id] })),
    });
    await answer(
      await fetch(`${base}/api/v1/dossiers`, {
        method: 'POST',
        headers: {
          cookie: w.citizenCookie,
          'content-type': 'application/json',
          'idempotency-key': `bench-${process.pid}-${n}`,
        },
        body: JSON.stringify(body),
      }),
      'POST /api/v1/dossiers',
    );
  };
}

/** `connections` workers submitting back to back until `until`; latencies of the successful ones. */
async function drive(submit: Submit, connections: number, until: number, first: number) {
  const latencies: number[] = [];
  const errors: string[] = [];
  let n = first;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (Date.now() < until) {
        const t0 = performance.now();
        try {
          await submit(n++);
          latencies.push(performance.now() - t0);
        } catch (e) {
          errors.push(String((e as Error).message ?? e));
        }
      }
    }),
  );
  return { latencies, errors, next: n };
}

/** The same rows as one submission, committed by raw `pg` transactions: the database's limit. */
async function rawCommits(url: string, connections: number, seconds: number): Promise<BenchRow> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`DROP TABLE IF EXISTS bi_history, bi_files, bi_components, bi_dossiers;
    CREATE TABLE bi_dossiers (id uuid PRIMARY KEY, code text UNIQUE NOT NULL, applicant jsonb NOT NULL, status int NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
    CREATE TABLE bi_components (id uuid PRIMARY KEY, dossier_id uuid NOT NULL REFERENCES bi_dossiers, position int NOT NULL, name text NOT NULL);
    CREATE TABLE bi_files (id uuid PRIMARY KEY, dossier_id uuid NOT NULL REFERENCES bi_dossiers, component_id uuid NOT NULL REFERENCES bi_components, sha256 text NOT NULL, size int NOT NULL);
    CREATE TABLE bi_history (id uuid PRIMARY KEY, dossier_id uuid NOT NULL REFERENCES bi_dossiers, action text NOT NULL, at timestamptz NOT NULL DEFAULT now())`);
  await admin.end();
  const applicant = JSON.stringify(onlineBody().applicant);
  const latencies: number[] = [];
  const until = Date.now() + seconds * 1000;
  let seq = 0;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      const c = new pg.Client({ connectionString: url, application_name: 'motcua-bench' });
      await c.connect();
      try {
        while (Date.now() < until) {
          const t0 = performance.now();
          const d = newId();
          const comps = [newId(), newId(), newId()];
          await c.query('BEGIN');
          await c.query('INSERT INTO bi_dossiers (id, code, applicant, status) VALUES ($1, $2, $3, 1)', [
            d,
            `B-${process.pid}-${seq++}`,
            applicant,
          ]);
          for (const [i, id] of comps.entries()) {
            await c.query(
              'INSERT INTO bi_components (id, dossier_id, position, name) VALUES ($1, $2, $3, $4)',
              [id, d, i, `Thành phần ${i}`],
            );
          }
          for (const id of comps.slice(0, 2)) {
            await c.query(
              'INSERT INTO bi_files (id, dossier_id, component_id, sha256, size) VALUES ($1, $2, $3, $4, $5)',
              [newId(), d, id, 'a'.repeat(64), FILE_BYTES],
            );
          }
          await c.query("INSERT INTO bi_history (id, dossier_id, action) VALUES ($1, $2, 'submit')", [
            newId(),
            d,
          ]);
          await c.query('COMMIT');
          latencies.push(performance.now() - t0);
        }
      } finally {
        await c.end();
      }
    }),
  );
  const sorted = latencies.sort((a, b) => a - b);
  return {
    name: 'raw PostgreSQL: dossier + 3 components + 2 files + history, one transaction',
    value: latencies.length / seconds,
    unit: 'tx/s',
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    note: `${connections} connections, synchronous_commit on`,
  };
}

async function bareFastify(connections: number, seconds: number): Promise<BenchRow> {
  const { child } = spawnTs(ROOT, ['bench/bare-fastify.ts'], process.env, 'pipe');
  try {
    const port = await portFromStdout(child);
    const row = await load(
      { name: 'bare Fastify GET / (hello JSON)', url: `http://127.0.0.1:${port}/` },
      { seconds, connections },
    );
    return { ...row, name: 'bare Fastify GET / (intake run)' };
  } finally {
    await stop(child);
  }
}

/** Whether the desk's attachment route is registered: a POST without a session answers 401, not 404. */
async function hasAttachmentRoute(base: string) {
  const res = await fetch(`${base}/api/v1/dossiers/x/attachments`, {
    method: 'POST',
    headers: { 'idempotency-key': 'probe-000001' },
  });
  return res.status !== 404;
}

const log = (line: string) => console.log(`  ${line}`);

export async function runIntakeBench(): Promise<BenchRow[]> {
  const seconds = envInt('INTAKE_BENCH_SECONDS', 60, 600);
  const connections = envInt('INTAKE_BENCH_CONNECTIONS', 10, 200);
  const config = loadConfig();
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'motcua-bench-intake-'));
  const server = await startEmbeddedPostgres({
    dataDir,
    runtimeDir: config.embeddedPgRuntimeDir,
    database: 'intake',
  });
  let world: World | undefined;
  try {
    const url = server.urlFor('intake');
    world = await seed(url);
    const port = await freePort();
    const env = {
      ...process.env,
      DATA_DIR: dataDir,
      DATABASE_URL: url,
      PORT: String(port),
      HOST: '127.0.0.1',
      RATE_LIMIT_MAX: '1000000000',
      BASE_URL: '',
    };
    // INTAKE_BENCH_PROFILE_DIR: the server writes a V8 CPU profile there when it stops.
    const profile = process.env.INTAKE_BENCH_PROFILE_DIR;
    const flags = profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [];
    const { child, stderr } = spawnTs(ROOT, [...flags, 'src/main.ts', 'serve'], env, 'ignore');
    const base = `http://127.0.0.1:${port}`;
    const rows: BenchRow[] = [];
    try {
      await waitFor200(`${base}/readyz`, child).catch((err: Error) => {
        throw new Error(`motcua serve did not become ready: ${err.message}\n${stderr()}`);
      });
      const wanted = process.env.INTAKE_BENCH_MODE;
      const mode = wanted === 'citizen' || !(await hasAttachmentRoute(base)) ? 'citizen' : 'http';
      const pdfs = [pdfOf(FILE_BYTES, 'to-khai'), pdfOf(FILE_BYTES, 'giay-chung-sinh')];
      const submit =
        mode === 'http' ? httpSubmit(base, world, pdfs) : citizenSubmit(base, world, dataDir, pdfs);
      log(`mode ${mode}, ${connections} connections, ${seconds} s (after a 3 s warm-up)`);
      const warm = await drive(submit, connections, Date.now() + 3000, 0);
      if (warm.errors.length > 0) log(`warm-up errors: ${warm.errors.length}, first: ${warm.errors[0]}`);
      const r = await drive(submit, connections, Date.now() + seconds * 1000, warm.next);
      const sorted = r.latencies.sort((a, b) => a - b);
      const [p50, p95, p99] = [50, 95, 99].map((p) => percentile(sorted, p)) as [number, number, number];
      const rate = r.latencies.length / seconds;
      log(
        `${r.latencies.length} dossiers in ${seconds} s: ${rate.toFixed(1)} dossiers/s, p50 ${p50.toFixed(0)} ms, ` +
          `p95 ${p95.toFixed(0)} ms, p99 ${p99.toFixed(0)} ms, errors ${r.errors.length}` +
          ` (target ≥ 50/s at p95 < 300 ms, no errors: ${rate >= 50 && p95 < 300 && r.errors.length === 0 ? 'met' : 'MISSED'})`,
      );
      if (r.errors.length > 0) log(`first error: ${r.errors[0]}`);
      rows.push({
        name: `intake: dossier + 2 × 200 KB PDF (${mode})`,
        value: rate,
        unit: 'dossiers/s',
        p50Ms: p50,
        p99Ms: p99,
        baseline: 'raw PostgreSQL: dossier + 3 components + 2 files + history, one transaction',
        note: `p95 ${p95.toFixed(0)} ms, errors ${r.errors.length}, ${connections} connections, ${seconds} s`,
      });
    } finally {
      await stop(child);
    }
    const measure = Math.min(seconds, 10);
    rows.push(await rawCommits(url, connections, measure));
    const bare = await bareFastify(connections, measure);
    rows.push(bare);
    const intake = rows[0] as BenchRow;
    const perDossier = intake.name.endsWith('(http)') ? 3 : 1;
    const requests = intake.value * perDossier;
    rows.push({
      name: 'intake HTTP requests vs bare Fastify',
      value: requests,
      unit: 'req/s',
      baseline: bare.name,
      note: `${perDossier} request(s) per dossier; 1/${Math.round(bare.value / Math.max(requests, 1e-9))} of the bare route`,
    });
    return rows;
  } finally {
    await world?.db.destroy();
    await server.release();
    await fs.rm(server.clusterDir, { recursive: true, force: true });
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { formatTable } = await import('./table.js');
  console.log('intake bench');
  console.log(`\n${formatTable(await runIntakeBench())}\n`);
}
