/**
 * Benchmark: an officer's inbox and the dossier page over a million dossiers (issue 7 item 7).
 * Targets: inbox query p95 < 100 ms, dossier page p95 < 50 ms.
 *
 * The data are made by bench/workflow-data.ts in an embedded PostgreSQL kept between runs
 * (INBOX_BENCH_DIR, INBOX_BENCH_ROWS: default 1,000,000). Then, through the repository's own
 * functions (src/modules/workflow/inbox.repository.ts), one query at a time on a warm pool:
 * - each inbox view (mine, unclaimed, due-soon, overdue, supplement, payment) for the officers with the most claimed
 *   steps, first pages and the second page after the first one's cursor, plus the capped count;
 * - the dossier page (dossier, components, steps, last 50 history rows) of random dossiers, half
 *   by id, half by code.
 * - the dossier page over HTTP (GET /can-bo/ho-so/:code through Fastify's inject, the whole app with
 *   a logged-in officer's session cookie: access rule, reads, audit row, HTML), on dossiers of that
 *   officer's agencies.
 * After a warm-up, at least 300 timed queries each. BENCH_EXPLAIN=1 prints the plans.
 *
 * Run: `npm run bench -- inbox` or `npx tsx bench/inbox.bench.ts`.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { type CompiledQuery, Kysely, PostgresDialect, sql } from 'kysely';
import type pg from 'pg';
import { buildApp } from '../src/app.js';
import {
  dossierPageData,
  INBOX_VIEWS,
  type InboxFilter,
  type InboxView,
  inboxCount,
  inboxCursor,
  inboxPage,
} from '../src/modules/workflow/inbox.repository.js';
import { systemClock } from '../src/platform/clock.js';
import { loadConfig } from '../src/platform/config.js';
import type { Db } from '../src/platform/db/database.js';
import type { DB } from '../src/platform/db/schema.js';
import { LocalFileStore } from '../src/platform/files/local-file-store.js';
import { newId } from '../src/platform/ids.js';
import { createJobs } from '../src/platform/jobs.js';
import { createLogger } from '../src/platform/logger.js';
import type { AppContext } from '../src/platform/module.js';
import type { BenchRow } from './table.js';
import { ensureWorkflowData, type WorkflowBenchData } from './workflow-data.js';

const INBOX_TARGET_MS = 100;
const PAGE_TARGET_MS = 50;
const PAGE_SIZE = 20;
const VIEWS: InboxView[] = [...INBOX_VIEWS];

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0
    ? 0
    : (sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0);

function stats(ms: number[]) {
  const sorted = [...ms].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    n: ms.length,
  };
}

interface Officer {
  id: string;
  agencyIds: string[];
  roles: string[];
  claimed: number;
}

/** The officers with the most claimed steps, with their agencies and roles (as a session would hold). */
async function busyOfficers(db: Db, n: number): Promise<Officer[]> {
  const r = await sql<Officer>`
    SELECT o.step_assignee AS id, o.claimed::int AS claimed,
      (SELECT array_agg(DISTINCT agency_id::text) FROM officer_roles WHERE officer_id = o.step_assignee) AS "agencyIds",
      (SELECT array_agg(DISTINCT role) FROM officer_roles WHERE officer_id = o.step_assignee) AS roles
    FROM (SELECT step_assignee, count(*) AS claimed FROM dossiers
          WHERE status IN (4, 5, 6) AND step_assignee IS NOT NULL GROUP BY 1 ORDER BY 2 DESC LIMIT ${n}) o`.execute(
    db,
  );
  return r.rows;
}

async function randomDossiers(db: Db, n: number): Promise<{ id: string; code: string }[]> {
  // TABLESAMPLE: random pages, without a sort of the whole table.
  const r = await sql<{ id: string; code: string }>`
    SELECT id, code FROM dossiers TABLESAMPLE SYSTEM (1) ORDER BY random() LIMIT ${n}`.execute(db);
  return r.rows;
}

async function timeIt(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

export async function runInboxBench(): Promise<BenchRow[]> {
  const data = await ensureWorkflowData();
  const { db, pool } = data;
  try {
    const now = new Date();
    const dueSoonBefore = new Date(now.getTime() + 3 * 86_400_000);
    const officers = await busyOfficers(db, 12);
    if (officers.length === 0) throw new Error('no officer has claimed steps: regenerate the bench data');
    const filterOf = (o: Officer, view: InboxView): InboxFilter => ({
      officerId: o.id,
      agencyIds: o.agencyIds,
      roles: o.roles,
      view,
      now,
      dueSoonBefore,
    });

    if (process.env.BENCH_EXPLAIN) {
      for (const view of VIEWS) {
        const f = filterOf(officers[0] as Officer, view);
        const first = await inboxPage(db, { ...f, limit: PAGE_SIZE });
        const last = first.at(-1);
        await explainCall(pool, `${view} page 1`, (d) => inboxPage(d, { ...f, limit: PAGE_SIZE }));
        if (last) {
          const after = inboxCursor(last);
          await explainCall(pool, `${view} page 2`, (d) => inboxPage(d, { ...f, after, limit: PAGE_SIZE }));
        }
        await explainCall(pool, `${view} count`, (d) => inboxCount(d, f));
      }
      const [one] = await randomDossiers(db, 1);
      if (one) await explainCall(pool, 'dossier page by code', (d) => dossierPageData(d, one.code));
    }

    // Warm-up: every officer and view once, a few dossier pages.
    for (const o of officers)
      for (const view of VIEWS) await inboxPage(db, { ...filterOf(o, view), limit: PAGE_SIZE });
    const sample = await randomDossiers(db, 400);
    for (const d of sample.slice(0, 20)) await dossierPageData(db, d.id);

    const byView = new Map<string, number[]>();
    const counts: number[] = [];
    const all: number[] = [];
    const rounds = 4;
    for (let round = 0; round < rounds; round++) {
      for (const o of officers) {
        for (const view of VIEWS) {
          const f = filterOf(o, view);
          let rows: Awaited<ReturnType<typeof inboxPage>> = [];
          const ms1 = await timeIt(async () => {
            rows = await inboxPage(db, { ...f, limit: PAGE_SIZE });
          });
          const last = rows.at(-1);
          const ms2 = last
            ? await timeIt(() => inboxPage(db, { ...f, after: inboxCursor(last), limit: PAGE_SIZE }))
            : undefined;
          const msCount = await timeIt(() => inboxCount(db, f));
          const list = byView.get(view) ?? [];
          list.push(ms1);
          if (ms2 !== undefined) list.push(ms2);
          byView.set(view, list);
          counts.push(msCount);
          all.push(ms1, ...(ms2 === undefined ? [] : [ms2]));
        }
      }
    }

    const pageMs: number[] = [];
    for (const [i, d] of sample.entries())
      pageMs.push(await timeIt(() => dossierPageData(db, i % 2 === 0 ? d.id : d.code)));

    const rowsNote = `${data.rows.toLocaleString('en-US')} dossiers, ${officers.length} busiest officers`;
    const genNote =
      data.generated > 0
        ? `; generated ${data.generated.toLocaleString('en-US')} in ${(data.generationMs / 1000).toFixed(1)} s`
        : '';
    const row = (name: string, ms: number[], target: number, extra = ''): BenchRow => {
      const s = stats(ms);
      const verdict = s.p95 < target ? 'meets' : 'MISSES';
      return {
        name,
        value: s.p95,
        unit: 'ms p95',
        p50Ms: s.p50,
        p99Ms: s.p99,
        note: `${verdict} p95 < ${target} ms; ${s.n} queries; ${rowsNote}${extra}`,
      };
    };
    const out: BenchRow[] = [row('inbox page (all views)', all, INBOX_TARGET_MS, genNote)];
    for (const view of VIEWS) out.push(row(`inbox page: ${view}`, byView.get(view) ?? [], INBOX_TARGET_MS));
    out.push(row('inbox count (capped at 501)', counts, INBOX_TARGET_MS));
    out.push(row('dossier page data', pageMs, PAGE_TARGET_MS, '; half by id, half by code'));
    const http = await dossierPageOverHttp(data, officers[0] as Officer);
    out.push(
      row(
        'dossier page over HTTP (GET /can-bo/ho-so/:code)',
        http.ms,
        PAGE_TARGET_MS,
        `; inject, logged-in officer, ${http.bytes} bytes of HTML on average`,
      ),
    );
    return out;
  } finally {
    await data.close();
  }
}

/** A session for the officer, written as the login writes it (the token stored as its SHA-256). */
async function sessionCookie(db: Db, officerId: string): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const at = new Date();
  await db
    .insertInto('sessions')
    .values({
      id: newId(),
      token_hash: createHash('sha256').update(token).digest(),
      officer_id: officerId,
      citizen_id: null,
      stage: 'full',
      created_at: at,
      last_seen_at: at,
      expires_at: new Date(at.getTime() + 3_600_000),
      ip: null,
      user_agent: 'inbox-bench',
    })
    .execute();
  return `motcua_sid=${token}`;
}

/** GET /can-bo/ho-so/:code through the whole app, for dossiers of the officer's agencies. */
async function dossierPageOverHttp(data: WorkflowBenchData, officer: Officer) {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'motcua-bench-app-'));
  const config = loadConfig({
    ...process.env,
    DATA_DIR: dataDir,
    DATABASE_URL: data.url,
    LOG_LEVEL: 'silent',
    // One client asks hundreds of pages a minute here.
    RATE_LIMIT_MAX: '1000000',
  });
  const log = createLogger(config);
  const ctx: AppContext = {
    config,
    log,
    db: data.db,
    pool: data.pool,
    files: new LocalFileStore(path.join(dataDir, 'files')),
    clock: systemClock,
    serverSecret: 'inbox-bench-cookie-secret-0123456789abcdef',
    // Never started: the page writes no job.
    jobs: createJobs({ connectionString: data.url, log, role: 'web' }),
  };
  const app = await buildApp(ctx, {});
  try {
    const cookie = await sessionCookie(data.db, officer.id);
    const r = await sql<{ code: string }>`
      SELECT code FROM dossiers TABLESAMPLE SYSTEM (2)
      WHERE competent_agency_id = any(${officer.agencyIds}::uuid[]) OR step_agency_id = any(${officer.agencyIds}::uuid[])
      ORDER BY random() LIMIT 360`.execute(data.db);
    const codes = r.rows.map((x) => x.code);
    if (codes.length < 100)
      throw new Error(`only ${codes.length} dossiers of the officer's agencies sampled`);
    const get = (code: string) =>
      app.inject({
        url: `/can-bo/ho-so/${encodeURIComponent(code)}`,
        headers: { cookie, accept: 'text/html' },
      });
    for (const code of codes.slice(0, 20)) await get(code);
    const ms: number[] = [];
    let bytes = 0;
    for (const code of codes.slice(20)) {
      const t = performance.now();
      const res = await get(code);
      ms.push(performance.now() - t);
      if (res.statusCode !== 200)
        throw new Error(`GET /can-bo/ho-so/${code}: ${res.statusCode} ${res.body.slice(0, 300)}`);
      bytes += res.body.length;
    }
    return { ms, bytes: Math.round(bytes / ms.length) };
  } finally {
    await app.close();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

/** EXPLAIN ANALYZE of every statement a repository call sends (captured with its parameters). */
async function explainCall(pool: pg.Pool, label: string, fn: (db: Db) => Promise<unknown>) {
  const sent: CompiledQuery[] = [];
  const spy: Db = new Kysely<DB>({
    dialect: new PostgresDialect({ pool }),
    log: (e) => {
      if (e.level === 'query') sent.push(e.query);
    },
  });
  await fn(spy);
  for (const q of sent) {
    const r = await pool.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${q.sql}`, [
      ...q.parameters,
    ]);
    console.log(`\n--- ${label}\n${q.sql}\n${r.rows.map((x) => x['QUERY PLAN']).join('\n')}`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { formatTable } = await import('./table.js');
  console.log(`\n${formatTable(await runInboxBench())}\n`);
}
