/**
 * Benchmark: an officer's inbox and the dossier page over a million dossiers (issue 7 item 7).
 * Targets: inbox query p95 < 100 ms, dossier page p95 < 50 ms.
 *
 * The data are made by bench/workflow-data.ts in an embedded PostgreSQL kept between runs
 * (INBOX_BENCH_DIR, INBOX_BENCH_ROWS: default 1,000,000). Then, through the repository's own
 * functions (src/modules/workflow/inbox.repository.ts), one query at a time on a warm pool:
 * - each inbox view (mine, unclaimed, due-soon, overdue) for the officers with the most claimed
 *   steps, first pages and the second page after the first one's cursor, plus the capped count;
 * - the dossier page (dossier, components, steps, last 50 history rows) of random dossiers, half
 *   by id, half by code.
 * After a warm-up, at least 300 timed queries each. BENCH_EXPLAIN=1 prints the plans.
 *
 * Run: `npm run bench -- inbox` or `npx tsx bench/inbox.bench.ts`.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { type CompiledQuery, Kysely, PostgresDialect, sql } from 'kysely';
import type pg from 'pg';
import {
  dossierPageData,
  type InboxFilter,
  type InboxView,
  inboxCount,
  inboxCursor,
  inboxPage,
} from '../src/modules/workflow/inbox.repository.js';
import type { Db } from '../src/platform/db/database.js';
import type { DB } from '../src/platform/db/schema.js';
import type { BenchRow } from './table.js';
import { ensureWorkflowData } from './workflow-data.js';

const INBOX_TARGET_MS = 100;
const PAGE_TARGET_MS = 50;
const PAGE_SIZE = 20;
const VIEWS: InboxView[] = ['mine', 'unclaimed', 'due-soon', 'overdue'];

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
    return out;
  } finally {
    await data.close();
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
