/**
 * Nhập danh mục đơn vị hành chính: writes one build of the import layer (versions, aliases,
 * crosswalk, profiles, anomaly report) to the database in one transaction. Importing the same
 * build twice changes nothing and records nothing the second time.
 */
import { createHash } from 'node:crypto';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { notFound, validationError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { Logger } from '../../platform/logger.js';
import { hasUnits } from './admin-units.repository.js';
import {
  type AdminUnitImport,
  ANOMALY_SEVERITY,
  type AnomalyKind,
  type AnomalySeverity,
  buildAdminUnitImport,
  countAnomalies,
  DEFAULT_DATASET_DIR,
  type ImportAnomaly,
  type ImportCounts,
  loadSourceTexts,
  SOURCE_FILES,
  type SourceKey,
  type SourceTexts,
} from './import/index.js';
import {
  type ImportRunRecord,
  insertRun,
  lockImports,
  selectAnomalies,
  selectLatestRun,
  settleUnitTables,
  syncTable,
  type TableChanges,
} from './units-import.repository.js';
import { rowsOf, TABLES, type TableName } from './units-import.rows.js';

/** Bumped when the importer writes the same files differently, so start-up imports again. */
export const IMPORTER_VERSION = 1;

export interface AnomalySummary {
  total: number;
  byKind: Partial<Record<AnomalyKind, number>>;
  bySeverity: Record<AnomalySeverity, number>;
}

export interface UnitsImportOutcome {
  /** The run that holds this build's report: the new one, or the stored one when nothing changed. */
  importId: string;
  /** False when nothing changed and the same report was already stored: nothing was written. */
  recorded: boolean;
  changes: Record<TableName, TableChanges>;
  totals: TableChanges;
  counts: ImportCounts;
  anomalies: AnomalySummary;
  datasetSha256: string | null;
  buildSha256: string;
  durationMs: number;
}

export function summariseAnomalies(anomalies: AdminUnitImport['anomalies']): AnomalySummary {
  const bySeverity: Record<AnomalySeverity, number> = { error: 0, warning: 0, info: 0 };
  for (const a of anomalies) bySeverity[ANOMALY_SEVERITY[a.kind]] += 1;
  return { total: anomalies.length, byKind: countAnomalies(anomalies), bySeverity };
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** sha-256 over the source files as read (name and text of each), to tell whether they changed. */
export function datasetChecksum(texts: SourceTexts): string {
  const hash = createHash('sha256');
  for (const key of Object.keys(SOURCE_FILES).sort() as SourceKey[]) {
    hash.update(`${SOURCE_FILES[key]}\0${texts[key]}\0`);
  }
  return hash.digest('hex');
}

const sum = (changes: TableChanges[]): TableChanges =>
  changes.reduce(
    (a, c) => ({
      inserted: a.inserted + c.inserted,
      updated: a.updated + c.updated,
      deleted: a.deleted + c.deleted,
      unchanged: a.unchanged + c.unchanged,
    }),
    { inserted: 0, updated: 0, deleted: 0, unchanged: 0 },
  );

export interface ImportOptions {
  /** datasetChecksum() of the files the build was made from, stored so start-up can skip them. */
  datasetSha256?: string;
  now?: Date;
}

/**
 * Writes a build in one transaction: every table ends holding exactly the build's rows (compare
 * and upsert, stale rows deleted), and the anomaly report is stored as a new run when anything
 * changed or the report is new.
 */
export async function importUnits(
  db: Db,
  build: AdminUnitImport,
  opts: ImportOptions = {},
): Promise<UnitsImportOutcome> {
  const started = performance.now();
  const buildSha256 = sha256(
    JSON.stringify([build.versions, build.aliases, build.edges, build.profiles, build.anomalies]),
  );
  const rows = rowsOf(build);
  const anomalies = summariseAnomalies(build.anomalies);
  return db.transaction().execute(async (trx) => {
    await lockImports(trx);
    const changes = {} as Record<TableName, TableChanges>;
    for (const name of Object.keys(TABLES) as TableName[]) {
      changes[name] = await syncTable(trx, TABLES[name], rows[name]);
    }
    const totals = sum(Object.values(changes));
    const changed = totals.inserted + totals.updated + totals.deleted > 0;
    if (changed) await settleUnitTables(trx);
    const latest = await selectLatestRun(trx);
    const datasetSha256 = opts.datasetSha256 ?? null;
    const sameReport =
      latest !== undefined &&
      latest.buildSha256 === buildSha256 &&
      latest.importerVersion === IMPORTER_VERSION &&
      (datasetSha256 === null || latest.datasetSha256 === datasetSha256);
    const recorded = !sameReport || changed;
    const importId = recorded || !latest ? newId() : latest.id;
    const durationMs = Math.round(performance.now() - started);
    if (recorded) {
      await insertRun(
        trx,
        {
          id: importId,
          importedAt: opts.now ?? new Date(),
          datasetSha256,
          buildSha256,
          importerVersion: IMPORTER_VERSION,
          counts: build.counts,
          changes: { ...changes, totals },
          anomalyCounts: anomalies.byKind as Record<string, number>,
          anomalyTotal: anomalies.total,
          durationMs,
        },
        build.anomalies,
      );
    }
    return {
      importId,
      recorded,
      changes,
      totals,
      counts: build.counts,
      anomalies,
      datasetSha256,
      buildSha256,
      durationMs,
    };
  });
}

export interface ShippedImport {
  /** True when the stored import already came from these files: nothing was read further. */
  skipped: boolean;
  datasetSha256: string;
  outcome?: UnitsImportOutcome;
}

/**
 * Imports the shipped files (datasets/admin-units/) unless the stored import came from the same
 * files with this importer: the check costs a read and a hash, the import a few seconds.
 */
export async function importShippedUnits(
  deps: { db: Db; clock: Clock; log?: Logger },
  dir: string = DEFAULT_DATASET_DIR,
): Promise<ShippedImport> {
  const texts = await loadSourceTexts(dir);
  const datasetSha256 = datasetChecksum(texts);
  const latest = await selectLatestRun(deps.db);
  if (
    latest?.datasetSha256 === datasetSha256 &&
    latest.importerVersion === IMPORTER_VERSION &&
    (await hasUnits(deps.db))
  ) {
    return { skipped: true, datasetSha256 };
  }
  const outcome = await importUnits(deps.db, buildAdminUnitImport(texts), {
    datasetSha256,
    now: deps.clock.now(),
  });
  deps.log?.info({ totals: outcome.totals, anomalies: outcome.anomalies.total }, 'admin units imported');
  return { skipped: false, datasetSha256, outcome };
}

export interface ImportReportQuery {
  kind?: string | undefined;
  /** Anomalies about this unit code only. */
  code?: string | undefined;
  limit?: number | undefined;
  /** `next` of the previous page (the last sequence number seen). */
  after?: string | undefined;
}

export interface ImportReport {
  run: ImportRunRecord;
  anomalies: (ImportAnomaly & { seq: number })[];
  next: string | null;
}

/** The report of the latest import, an administrator's view of what the sources got wrong. */
export async function getLatestImportReport(db: Db, query: ImportReportQuery = {}): Promise<ImportReport> {
  const run = await selectLatestRun(db);
  if (!run) {
    throw notFound('admin_unit.no_import', {
      vi: 'Chưa nhập danh mục đơn vị hành chính nào (chạy: motcua units import)',
      en: 'No administrative unit catalogue has been imported yet (run: motcua units import)',
    });
  }
  const limit = Math.min(Math.max(query.limit ?? 100, 1), 1000);
  const afterSeq = query.after === undefined ? undefined : Number(query.after);
  if (afterSeq !== undefined && !(Number.isInteger(afterSeq) && afterSeq >= 0)) {
    const message = { vi: 'Tham số "after" không hợp lệ', en: 'Invalid "after"' };
    throw validationError('admin_unit.invalid_cursor', message, [{ field: 'after', message }]);
  }
  const rows = await selectAnomalies(db, {
    importId: run.id,
    kind: query.kind,
    code: query.code,
    afterSeq,
    limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { run, anomalies: page, next: rows.length > limit && last ? String(last.seq) : null };
}
