/**
 * `motcua catalogue import [FILE] [--report FILE]` and `motcua catalogue export [--out FILE]`.
 * Without FILE, the import reads the shipped commune-level records (datasets/procedures/), checked
 * against the portal's list beside them.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AppContext } from '../../platform/module.js';
import { exportCatalogue } from './catalogue.service.js';
import { type ImportOutcome, type ImportSummary, importCatalogue } from './catalogue-import.service.js';
import { PARSED_FIELDS } from './raw-record.js';

export const SHIPPED_DIR = fileURLToPath(new URL('../../../datasets/procedures/', import.meta.url));
export const SHIPPED_RECORDS = path.join(SHIPPED_DIR, 'procedures_cap_xa_subset.json');
export const SHIPPED_LIST = path.join(SHIPPED_DIR, 'all_lists.csv');

const FIELD_LABELS: Record<string, string> = {
  channels: 'cách thức thực hiện / channels',
  time_unit: 'đơn vị thời hạn bị mất / time unit lost or ambiguous',
  fees: 'phí, lệ phí / fees',
  components: 'thành phần hồ sơ / components',
  legal_bases: 'căn cứ pháp lý / legal basis',
  results: 'mã kết quả / result codes',
};

export function formatSummary(s: ImportSummary, file: string, ms: number): string[] {
  const lines = [
    `Danh mục thủ tục / procedure catalogue: ${file} (${s.format})`,
    `  bản ghi / records          ${s.total}`,
    `  nhập mới / imported        ${s.imported}`,
    `  cập nhật / updated         ${s.updated}   (new version)`,
    `  không đổi / unchanged      ${s.unchanged}`,
    `  lỗi / failed               ${s.failed}`,
    ...Object.entries(s.failedByReason).map(([reason, n]) => `    ${reason.padEnd(24)} ${n}`),
    `  = ${s.imported} + ${s.updated} + ${s.unchanged} + ${s.failed} = ${s.imported + s.updated + s.unchanged + s.failed}`,
    `  đọc được một phần / partly parsed (among imported, updated, unchanged): ${s.partlyParsed}`,
    ...PARSED_FIELDS.filter((f) => s.partlyParsedByField[f]).map(
      (f) => `    ${(FIELD_LABELS[f] ?? f).padEnd(54)} ${s.partlyParsedByField[f]}`,
    ),
    `  phiên bản đã ghi / versions written: ${s.versionsWritten}; thời gian / time: ${ms} ms`,
  ];
  return lines;
}

export interface CatalogueImportOptions {
  file?: string | undefined;
  report?: string | undefined;
  print?: (line: string) => void;
}

async function readOptional(file: string): Promise<string | null> {
  return fs.readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return null;
    throw err;
  });
}

export async function runCatalogueImport(
  ctx: Pick<AppContext, 'db' | 'clock'>,
  opts: CatalogueImportOptions = {},
): Promise<ImportOutcome> {
  const file = path.resolve(opts.file ?? SHIPPED_RECORDS);
  const print = opts.print ?? ((line: string) => console.log(line));
  const started = performance.now();
  const text = await fs.readFile(file, 'utf8').catch((err: Error) => {
    throw new Error(`Không đọc được tệp / cannot read the file ${file}: ${err.message}`);
  });
  // The portal list is looked for beside the file (all_lists.csv), as shipped.
  const listCsv = await readOptional(path.join(path.dirname(file), 'all_lists.csv'));
  const outcome = await importCatalogue(ctx.db, { text, listCsv, sourceFile: file, now: ctx.clock.now() });
  const ms = Math.round(performance.now() - started);
  for (const line of formatSummary(outcome.summary, file, ms)) print(line);
  if (!listCsv)
    print(
      '  (không có all_lists.csv bên cạnh tệp / no all_lists.csv beside the file: wrong pages found by shared URLs only)',
    );
  if (opts.report) {
    const reportPath = path.resolve(opts.report);
    const report = {
      importId: outcome.importId,
      summary: outcome.summary,
      records: outcome.records.filter((r) => r.outcome === 'failed' || r.partial),
    };
    await fs.writeFile(reportPath, `${JSON.stringify(report, null, 2)}\n`);
    print(`Báo cáo / report: ${reportPath}`);
  }
  return outcome;
}

export async function runCatalogueExport(
  ctx: Pick<AppContext, 'db'>,
  opts: { out?: string | undefined } = {},
): Promise<void> {
  const text = `${JSON.stringify(await exportCatalogue(ctx.db), null, 2)}\n`;
  if (opts.out) {
    await fs.writeFile(path.resolve(opts.out), text);
    console.error(`Đã xuất / exported: ${path.resolve(opts.out)}`);
  } else process.stdout.write(text);
}
