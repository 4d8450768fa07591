/**
 * `motcua units import [--dir datasets/admin-units] [--report report.json]`: reads the source
 * files, builds the import, writes it, and prints the counts per edition and the anomalies by kind;
 * with --report, writes the whole anomaly report as JSON for a person to go through.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { AppContext } from '../../platform/module.js';
import {
  type AdminUnitImport,
  buildAdminUnitImport,
  DEFAULT_DATASET_DIR,
  type ImportCounts,
  loadSourceTexts,
} from './import/index.js';
import { datasetChecksum, importUnits, type UnitsImportOutcome } from './units-import.service.js';

export interface UnitsImportCommandOptions {
  /** Folder of the source files; datasets/admin-units/ of the project by default. */
  dir?: string;
  /** Where to write the full anomaly report (JSON); none when not given. */
  report?: string;
  /** Where lines go; console.log by default. */
  print?: (line: string) => void;
}

export interface UnitsImportCommandResult {
  outcome: UnitsImportOutcome;
  timings: { readMs: number; buildMs: number; writeMs: number; totalMs: number };
  reportPath: string | null;
}

const n = (x: number) => x.toLocaleString('en-US');

function editionLine(label: string, c: ImportCounts['preReform']): string {
  const districts = c.districts > 0 ? ` / ${n(c.districts)} huyện` : '';
  const types = Object.entries(c.communesByType)
    .map(([type, count]) => `${type} ${n(count ?? 0)}`)
    .join(', ');
  return `  ${label.padEnd(34)} ${n(c.provinces)} tỉnh${districts} / ${n(c.communes)} xã (${types})`;
}

/** The lines printed after an import: editions, crosswalk, changes, anomalies by kind, timings. */
export function formatImportSummary(result: UnitsImportCommandResult, dir: string): string[] {
  const { outcome, timings } = result;
  const { counts, totals, anomalies } = outcome;
  const lines = [
    `Danh mục đơn vị hành chính / administrative units: ${dir}`,
    editionLine('trước 01/07/2025 / pre-reform', counts.preReform),
    editionLine('từ 01/07/2025 / reform 2025', counts.reform2025),
    editionLine('từ 30/04/2026 / update 2026', counts.update2026),
    `  bảng chuyển đổi / crosswalk        ${n(counts.edges.whole + counts.edges.partial)} edges ` +
      `(${n(counts.edges.whole)} whole, ${n(counts.edges.partial)} partial), ${n(counts.aliases)} alias(es)`,
    `Thay đổi / changes: inserted ${n(totals.inserted)}, updated ${n(totals.updated)}, ` +
      `deleted ${n(totals.deleted)}, unchanged ${n(totals.unchanged)}` +
      (outcome.recorded ? `; import ${outcome.importId}` : '; nothing to change, nothing recorded'),
    `Bất thường / anomalies: ${n(anomalies.total)} (error ${n(anomalies.bySeverity.error)}, ` +
      `warning ${n(anomalies.bySeverity.warning)}, info ${n(anomalies.bySeverity.info)})`,
    ...Object.entries(anomalies.byKind).map(([kind, count]) => `  ${kind.padEnd(22)} ${n(count ?? 0)}`),
  ];
  if (result.reportPath) lines.push(`Báo cáo / report: ${result.reportPath}`);
  lines.push(
    `Thời gian / time: read ${timings.readMs} ms, build ${timings.buildMs} ms, ` +
      `write ${timings.writeMs} ms, total ${timings.totalMs} ms`,
  );
  return lines;
}

async function writeReport(
  file: string,
  build: AdminUnitImport,
  outcome: UnitsImportOutcome,
): Promise<string> {
  const resolved = path.resolve(file);
  const report = {
    importId: outcome.importId,
    datasetSha256: outcome.datasetSha256,
    buildSha256: outcome.buildSha256,
    counts: outcome.counts,
    changes: { ...outcome.changes, totals: outcome.totals },
    anomalyCounts: outcome.anomalies,
    anomalies: build.anomalies,
  };
  await fs.mkdir(path.dirname(resolved), { recursive: true });
  await fs.writeFile(resolved, `${JSON.stringify(report, null, 2)}\n`);
  return resolved;
}

export async function runUnitsImportCommand(
  ctx: Pick<AppContext, 'db' | 'clock'>,
  opts: UnitsImportCommandOptions = {},
): Promise<UnitsImportCommandResult> {
  const dir = opts.dir ? path.resolve(opts.dir) : DEFAULT_DATASET_DIR;
  const print = opts.print ?? ((line: string) => console.log(line));
  const t0 = performance.now();
  const texts = await loadSourceTexts(dir);
  const t1 = performance.now();
  const build = buildAdminUnitImport(texts);
  const t2 = performance.now();
  const outcome = await importUnits(ctx.db, build, {
    datasetSha256: datasetChecksum(texts),
    now: ctx.clock.now(),
  });
  const t3 = performance.now();
  const reportPath = opts.report ? await writeReport(opts.report, build, outcome) : null;
  const ms = (a: number, b: number) => Math.round(b - a);
  const result: UnitsImportCommandResult = {
    outcome,
    timings: {
      readMs: ms(t0, t1),
      buildMs: ms(t1, t2),
      writeMs: ms(t2, t3),
      totalMs: ms(t0, performance.now()),
    },
    reportPath,
  };
  for (const line of formatImportSummary(result, dir)) print(line);
  return result;
}
