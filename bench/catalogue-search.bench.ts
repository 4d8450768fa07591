/**
 * Benchmark: procedure search (issue 5, item 10) over 6,000 procedures: the shipped 588 records
 * through the real importer, then procedures built from the portal's list (datasets/procedures/
 * all_lists.csv: real names, agencies, fields) and variants of them, imported in the canonical
 * format through the same importer. Then a fixed mix of realistic queries (with and without
 * diacritics, typos, codes, filters, second pages) through searchProcedures. Target: p95 < 20 ms.
 *
 * Run alone: `npx tsx bench/catalogue-search.bench.ts` (DATABASE_URL: a throwaway database on that
 * server; otherwise an embedded server in a temporary DATA_DIR). bench/run.ts calls
 * `runCatalogueSearchBench()`. Diagnostics: BENCH_VERBOSE=1 prints the slowest queries,
 * BENCH_EXPLAIN="SQL;;SQL" explains statements on the bench data, BENCH_AUTO_EXPLAIN=ms logs the plan
 * of every statement slower than that.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { contentHash, type ProcedureContent } from '../src/modules/catalogue/content.js';
import {
  CANONICAL_FORMAT,
  type CanonicalCatalogue,
  exportCatalogue,
  importCatalogue,
  type ProcedureSearchQuery,
  refreshSearchRows,
  SHIPPED_LIST,
  SHIPPED_RECORDS,
  searchProcedures,
} from '../src/modules/catalogue/index.js';
import { parseCsvRows } from '../src/modules/catalogue/list-csv.js';
import { loadConfig } from '../src/platform/config.js';
import { createPool, type Db } from '../src/platform/db/database.js';
import { startEmbeddedPostgres } from '../src/platform/db/embedded.js';
import { migrate } from '../src/platform/db/migrate.js';

export interface SearchBenchResult {
  name: string;
  value: number;
  unit: string;
  p50Ms: number;
  p99Ms: number;
  note: string;
}

const TOTAL = 6000;
const NOW = new Date('2026-09-01T02:00:00Z');

/** A small seeded generator (mulberry32) so every run builds the same data and queries. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function levelOf(agency: string): ProcedureContent['levels'][number] {
  if (/cấp xã|xã|phường/i.test(agency)) return 'commune';
  if (/tỉnh|Sở /i.test(agency)) return 'province';
  if (/^(Bộ|Cục|Tổng cục|Vụ)/i.test(agency)) return 'ministry';
  return 'other';
}

const SUFFIXES = [' (cấp tỉnh)', ' (cấp xã)', ' (liên thông)', ' (trường hợp có yếu tố nước ngoài)'];

/** The extra procedures: every listed code not imported yet, then variants until TOTAL. */
async function extraCatalogue(db: Db): Promise<CanonicalCatalogue> {
  const shipped = await exportCatalogue(db);
  const templates = shipped.procedures.map((p) => p.versions.at(-1)?.content as ProcedureContent);
  const taken = new Set(shipped.procedures.map((p) => p.code));
  const [header, ...rows] = parseCsvRows((await fs.readFile(SHIPPED_LIST, 'utf8')).replace(/^\uFEFF/, ''));
  const col = (name: string) => header?.indexOf(name) ?? -1;
  const [codeAt, nameAt, agencyAt, fieldAt] = [
    col('ma_so'),
    col('ten'),
    col('co_quan_thuc_hien'),
    col('linh_vuc'),
  ];
  const listed = rows
    .map((r) => ({
      code: r[codeAt] ?? '',
      name: (r[nameAt] ?? '').normalize('NFC').trim(),
      agency: (r[agencyAt] ?? '').trim() || 'Ủy ban nhân dân cấp xã',
      field: (r[fieldAt] ?? '').trim() || null,
    }))
    .filter((r) => r.name !== '');
  const r = random(20260905);
  const onlines = ['toan_trinh', 'mot_phan', 'none'] as const;
  const procedures: CanonicalCatalogue['procedures'] = [];
  const add = (code: string, item: (typeof listed)[number], name: string) => {
    const template = templates[Math.floor(r() * templates.length)] as ProcedureContent;
    const content: ProcedureContent = {
      ...template,
      name,
      field: item.field,
      levels: [levelOf(item.agency)],
      onlineLevel: onlines[Math.floor(r() * 3)] as ProcedureContent['onlineLevel'],
      onlineLevelSource: 'import_rule',
      agencies: [{ role: 'implementing', level: levelOf(item.agency), name: item.agency }],
      workflows: [],
    };
    taken.add(code);
    procedures.push({
      code,
      localCode: null,
      versions: [
        {
          versionNumber: 1,
          effectiveFrom: NOW.toISOString(),
          publishedAt: NOW.toISOString(),
          publishedBy: 'bench',
          contentHash: contentHash(content),
          content,
        },
      ],
    });
  };
  for (const item of listed) {
    if (taken.size >= TOTAL) break;
    if (/^[123]\.\d{6}$/.test(item.code) && !taken.has(item.code)) add(item.code, item, item.name);
  }
  for (let i = 0, next = 900000; taken.size < TOTAL; i++) {
    const item = listed[i % listed.length] as (typeof listed)[number];
    let code = `3.${next++}`;
    while (taken.has(code)) code = `3.${next++}`;
    add(code, item, `${item.name}${SUFFIXES[Math.floor(i / listed.length) % SUFFIXES.length]}`);
  }
  return { format: CANONICAL_FORMAT, formatVersion: 1, procedures };
}

/** The fixed mix: what citizens type, with and without diacritics, typos, codes and filters. */
function queryMix(
  codes: string[],
  fields: string[],
  agencies: string[],
): { query: ProcedureSearchQuery; page2: boolean }[] {
  const words = [
    'khai sinh',
    'đăng ký khai sinh',
    'dang ky khai sinh',
    'khai snh',
    'kết hôn',
    'dang ky ket hon',
    'dang ki ket hon',
    'ket hn',
    'khai tử',
    'khai tu',
    'thường trú',
    'ho khau',
    'tạm trú',
    'tam tru',
    'sổ đỏ',
    'so do',
    'lam so do',
    'giay chung nhan quyen su dung dat',
    'chứng thực',
    'chung thuc ban sao',
    'sao y',
    'xác nhận tình trạng hôn nhân',
    'xac nhan doc than',
    'giam ho',
    'nhận cha mẹ con',
    'nhan cha me con',
    'trợ cấp xã hội',
    'tro cap',
    'bảo trợ xã hội',
    'nguoi co cong',
    'liet si',
    'hộ kinh doanh',
    'dang ky ho kinh doanh',
    'giấy phép xây dựng',
    'giay phep xay dung',
    'bang lai',
    'giay phep lai xe',
    'cccd',
    'can cuoc',
    'hộ nghèo',
    'ho ngheo',
    'dat dai',
    'đất đai',
    'moi truong',
    'khieu nai',
    'to cao',
    'thi dua khen thuong',
    'hoa giai',
    'nuoi con nuoi',
    'con nuôi',
    'thay doi ho tich',
    'cai chinh ho tich',
    'trich luc',
    'kinh doanh ruou',
    'an toan thuc pham',
    'phao hoa',
    'thuy loi',
    'nong nghiep',
    'giao duc',
    'hoc bong',
    'mai tang phi',
    'tro cap mai tang',
    'ngươi khuyet tat',
    'khuyết tật',
    'xac nhan',
    'cap lai',
  ];
  const r = random(7);
  const mix: { query: ProcedureSearchQuery; page2: boolean }[] = [];
  for (const q of words) {
    mix.push({ query: { q }, page2: false });
    mix.push({ query: { q }, page2: true });
    mix.push({ query: { q, level: 'commune' }, page2: false });
    mix.push({ query: { q, online: 'toan_trinh', limit: 10 }, page2: false });
    mix.push({ query: { q, field: fields[Math.floor(r() * fields.length)] as string }, page2: false });
  }
  for (let i = 0; i < 60; i++) {
    const code = codes[Math.floor(r() * codes.length)] as string;
    mix.push({ query: { q: i % 2 ? code : code.slice(0, 6) }, page2: false });
  }
  for (let i = 0; i < 40; i++) {
    mix.push({ query: { field: fields[i % fields.length] as string }, page2: i % 4 === 0 });
    mix.push({ query: { agency: agencies[i % agencies.length] as string, level: 'commune' }, page2: false });
  }
  mix.push({ query: {}, page2: true }, { query: { online: 'mot_phan' }, page2: true });
  return mix;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;

async function withDatabase<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const config = loadConfig();
  let url: string;
  let release: () => Promise<void>;
  if (config.databaseUrl) {
    const name = `motcua_bench_search_${process.pid}`;
    const admin = createPool(config.databaseUrl, 1, 'motcua-bench');
    await admin.query(`CREATE DATABASE ${name}`);
    const u = new URL(config.databaseUrl);
    u.pathname = `/${name}`;
    url = u.toString();
    release = async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    };
  } else {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'motcua-bench-search-'));
    const server = await startEmbeddedPostgres({
      dataDir,
      runtimeDir: config.embeddedPgRuntimeDir,
      database: 'bench',
    });
    url = server.urlFor('bench');
    release = async () => {
      await server.release();
      await fs.rm(server.clusterDir, { recursive: true, force: true });
      await fs.rm(dataDir, { recursive: true, force: true });
    };
  }
  const pool = createPool(url, 1, 'motcua-bench');
  if (process.env.BENCH_AUTO_EXPLAIN) {
    pool.on('connect', (client) => {
      client.on('notice', (n) => console.log(n.message));
      void client.query(`LOAD 'auto_explain'; SET auto_explain.log_min_duration = ${process.env.BENCH_AUTO_EXPLAIN};
        SET auto_explain.log_analyze = on; SET client_min_messages = log`);
    });
  }
  const db: Db = new Kysely({ dialect: new PostgresDialect({ pool }) });
  try {
    await migrate(pool);
    return await fn(db);
  } finally {
    await db.destroy();
    await release();
  }
}

const log = (line: string) => console.log(`  ${line}`);

export async function runCatalogueSearchBench(): Promise<SearchBenchResult[]> {
  return withDatabase(async (db) => {
    const text = await fs.readFile(SHIPPED_RECORDS, 'utf8');
    const listCsv = await fs.readFile(SHIPPED_LIST, 'utf8');
    let t0 = performance.now();
    const shipped = await importCatalogue(db, { text, listCsv, sourceFile: SHIPPED_RECORDS, now: NOW });
    log(`shipped records imported: ${shipped.summary.imported} in ${Math.round(performance.now() - t0)} ms`);
    t0 = performance.now();
    const extra = await extraCatalogue(db);
    await importCatalogue(db, { text: JSON.stringify(extra), sourceFile: 'bench', now: NOW });
    log(
      `${extra.procedures.length} generated procedures imported in ${Math.round(performance.now() - t0)} ms`,
    );
    await sql`DELETE FROM catalogue_search`.execute(db);
    t0 = performance.now();
    const full = await refreshSearchRows(db, 'all', NOW);
    const fullMs = performance.now() - t0;
    t0 = performance.now();
    const idle = await refreshSearchRows(db, 'all', NOW);
    const idleMs = performance.now() - t0;
    log(
      `search rows: full refresh ${full.written} in ${Math.round(fullMs)} ms; hourly refresh with nothing due ` +
        `${idle.written} rows in ${Math.round(idleMs)} ms`,
    );
    await sql`VACUUM ANALYZE catalogue_search`.execute(db);
    const codes = (
      await sql<{ code: string }>`SELECT code FROM catalogue_search ORDER BY code`.execute(db)
    ).rows.map((x) => x.code);
    const fields = (
      await sql<{
        field: string;
      }>`SELECT DISTINCT field FROM catalogue_search WHERE field IS NOT NULL ORDER BY field`.execute(db)
    ).rows.map((x) => x.field);
    const agencies = (
      await sql<{
        a: string;
      }>`SELECT a, count(*) FROM catalogue_search, unnest(agencies) a GROUP BY a ORDER BY count(*) DESC, a LIMIT 40`.execute(
        db,
      )
    ).rows.map((x) => x.a);
    const mix = queryMix(codes, fields, agencies);
    if (process.env.BENCH_EXPLAIN) {
      for (const q of process.env.BENCH_EXPLAIN.split(';;')) {
        const plan = await sql.raw(`EXPLAIN (ANALYZE, BUFFERS) ${q}`).execute(db);
        console.log((plan.rows as { 'QUERY PLAN': string }[]).map((x) => x['QUERY PLAN']).join('\n'));
      }
    }
    for (const m of mix.slice(0, 30)) await searchProcedures(db, m.query, NOW);
    const times: number[] = [];
    const slowest: [number, string][] = [];
    for (const m of mix) {
      let started = performance.now();
      const first = await searchProcedures(db, m.query, NOW);
      times.push(performance.now() - started);
      slowest.push([performance.now() - started, `${JSON.stringify(m.query)} total=${first.total}`]);
      if (m.page2 && first.next) {
        started = performance.now();
        await searchProcedures(db, { ...m.query, cursor: first.next }, NOW);
        times.push(performance.now() - started);
      }
    }
    if (process.env.BENCH_VERBOSE) {
      for (const [ms, q] of slowest.sort((a, b) => b[0] - a[0]).slice(0, 25)) log(`${ms.toFixed(1)} ms ${q}`);
    }
    const sorted = [...times].sort((a, b) => a - b);
    const [p50, p95, p99] = [50, 95, 99].map((p) => percentile(sorted, p)) as [number, number, number];
    const max = sorted.at(-1) as number;
    log(
      `searchProcedures over ${codes.length} procedures: n=${times.length} p50=${p50.toFixed(2)} ms ` +
        `p95=${p95.toFixed(2)} ms p99=${p99.toFixed(2)} ms max=${max.toFixed(2)} ms (target p95 < 20 ms)`,
    );
    return [
      {
        name: `searchProcedures, ${codes.length} procedures`,
        value: times.length / (times.reduce((a, b) => a + b, 0) / 1000),
        unit: 'queries/s',
        p50Ms: p50,
        p99Ms: p99,
        note: `n=${times.length}, p95 ${p95.toFixed(1)} ms, max ${max.toFixed(1)} ms, one connection`,
      },
      {
        name: 'search rows full refresh',
        value: fullMs,
        unit: 'ms',
        p50Ms: fullMs,
        p99Ms: fullMs,
        note: `${full.written} rows; hourly refresh with nothing due: ${Math.round(idleMs)} ms`,
      },
    ];
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log('catalogue search bench');
  await runCatalogueSearchBench();
}
