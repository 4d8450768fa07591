/**
 * Nhập danh mục thủ tục: reads a file in the national crawl's raw form or in motcua's canonical
 * form, and writes one new published version per changed procedure, in one transaction. Every
 * record ends in exactly one bucket (imported, updated, unchanged, failed); "partly parsed" counts
 * the imported, updated or unchanged records whose fields could not all be read.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../../platform/db/database.js';
import { validationError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { type CanonicalCatalogue, isCanonical, validateCanonical } from './canonical.js';
import {
  type IndexedVersion,
  insertProcedure,
  insertVersions,
  lockCatalogue,
  type NewVersion,
  selectVersionIndex,
} from './catalogue.repository.js';
import { canonicalJson, contentHash, type ProcedureContent } from './content.js';
import { parseListCsv } from './list-csv.js';
import { type ParsedField, type RawRecord, readRawRecord } from './raw-record.js';
import { refreshSearchRows } from './search/search.repository.js';
import { loadVersionContent } from './version-content.repository.js';

export interface ReportedRecord {
  index: number;
  code: string | null;
  outcome: 'imported' | 'updated' | 'unchanged' | 'failed';
  reason?: string;
  detail?: string;
  partial?: ParsedField[];
}

export interface ImportSummary {
  format: 'national_crawl' | 'canonical';
  total: number;
  imported: number;
  updated: number;
  unchanged: number;
  failed: number;
  failedByReason: Record<string, number>;
  partlyParsed: number;
  partlyParsedByField: Partial<Record<ParsedField, number>>;
  versionsWritten: number;
}

export interface ImportOutcome {
  importId: string;
  summary: ImportSummary;
  records: ReportedRecord[];
}

/** One version to write: content plus, for the canonical form, the version's own metadata. */
interface Candidate {
  index: number;
  code: string;
  localCode: string | null;
  content: ProcedureContent;
  partial: ParsedField[];
  meta?: { versionNumber: number; effectiveFrom: Date; publishedAt: Date; publishedBy: string };
}

const inputError = (vi: string, en: string) => validationError('catalogue.bad_input', { vi, en });

export function parseInput(
  text: string,
):
  | { format: 'national_crawl'; records: RawRecord[] }
  | { format: 'canonical'; catalogue: CanonicalCatalogue } {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw inputError(
      `Tệp không phải JSON hợp lệ: ${(err as Error).message}`,
      `The file is not valid JSON: ${(err as Error).message}`,
    );
  }
  if (Array.isArray(data)) {
    if (!data.every((r) => r && typeof r === 'object' && !Array.isArray(r))) {
      throw inputError(
        'Mỗi phần tử của mảng phải là một bản ghi (object)',
        'Every array element must be a record (object)',
      );
    }
    return { format: 'national_crawl', records: data as RawRecord[] };
  }
  if (isCanonical(data)) return { format: 'canonical', catalogue: validateCanonical(data) };
  throw inputError(
    'Tệp không phải danh sách bản ghi của Cổng DVCQG, cũng không phải định dạng danh mục của motcua',
    "The file is neither a list of the national portal's records nor motcua's catalogue format",
  );
}

function rawCandidates(records: RawRecord[], listCsv: string | null, out: ReportedRecord[]): Candidate[] {
  const listNames = listCsv ? parseListCsv(listCsv) : new Map<string, string>();
  const urlCount = new Map<string, number>();
  for (const r of records)
    if (r.detail_url) urlCount.set(r.detail_url, (urlCount.get(r.detail_url) ?? 0) + 1);
  const shared = new Set([...urlCount].filter(([, n]) => n > 1).map(([u]) => u));
  const seen = new Set<string>();
  const candidates: Candidate[] = [];
  records.forEach((r, index) => {
    const o = readRawRecord(r, listNames, shared);
    if (!o.ok) {
      out.push({ index, code: o.code, outcome: 'failed', reason: o.reason, detail: o.detail });
    } else if (seen.has(o.code)) {
      out.push({
        index,
        code: o.code,
        outcome: 'failed',
        reason: 'duplicate_code',
        detail: 'the code appears earlier in the file',
      });
    } else {
      seen.add(o.code);
      candidates.push({ index, code: o.code, localCode: null, content: o.content, partial: o.partial });
    }
  });
  return candidates;
}

function canonicalCandidates(c: CanonicalCatalogue): Candidate[] {
  return c.procedures.flatMap((p, index) =>
    p.versions.map((v) => ({
      index,
      code: p.code,
      localCode: p.localCode,
      content: {
        ...v.content,
        workflows: v.content.workflows.map((w) => ({ ...w, agencyCode: w.agencyCode ?? null })),
      } as ProcedureContent,
      partial: v.content.parseIssues as ParsedField[],
      meta: {
        versionNumber: v.versionNumber,
        effectiveFrom: new Date(v.effectiveFrom),
        publishedAt: new Date(v.publishedAt),
        publishedBy: v.publishedBy,
      },
    })),
  );
}

type VersionIndex = Awaited<ReturnType<typeof selectVersionIndex>>;

const ONLINE_RANK = { none: 0, mot_phan: 1, toan_trinh: 2 } as const;

/**
 * The new national content with the local parts of the latest version kept: agencies' own workflows,
 * fee reductions, and an online level an administrator raised above what the import rule gives.
 */
export function withLocalParts(national: ProcedureContent, latest: ProcedureContent): ProcedureContent {
  const seen = new Set(national.feeReductions.map((r) => canonicalJson(r)));
  const raised =
    latest.onlineLevelSource === 'administrator' &&
    ONLINE_RANK[latest.onlineLevel] > ONLINE_RANK[national.onlineLevel];
  return {
    ...national,
    ...(raised ? { onlineLevel: latest.onlineLevel, onlineLevelSource: 'administrator' as const } : {}),
    feeReductions: [
      ...national.feeReductions,
      ...latest.feeReductions.filter((r) => !seen.has(canonicalJson(r))),
    ],
    workflows: [
      ...national.workflows.filter((w) => !w.agencyCode),
      ...latest.workflows.filter((w) => !!w.agencyCode),
    ].sort((a, b) => (a.level < b.level ? -1 : a.level > b.level ? 1 : 0)),
  };
}

/**
 * A national record's content as the new version holds it: the latest version's local parts kept
 * when an administrator published it (its content differs from what the national data gave).
 */
async function mergedContent(trx: Db, c: Candidate, latest: IndexedVersion | undefined) {
  if (c.meta || !latest?.id || latest.hash === latest.nationalHash) return c.content;
  return withLocalParts(c.content, await loadVersionContent(trx, latest.id));
}

/**
 * Decides one candidate against the stored versions (kept current in `index`): unchanged when a
 * version of that procedure has the same content hash (canonical form), or when the latest version
 * came from the same national content (national crawl: its national hash, so that a version an
 * administrator published since does not count as a difference).
 */
async function planCandidate(
  trx: Db,
  index: VersionIndex,
  c: Candidate,
  now: Date,
  publishedBy: string,
  pending: NewVersion[],
): Promise<'imported' | 'updated' | 'unchanged'> {
  const hash = contentHash(c.content);
  let entry = index.get(c.code);
  const isNew = entry === undefined;
  if (!entry) {
    entry = { id: await insertProcedure(trx, c.code, c.localCode, now), versions: [] };
    index.set(c.code, entry);
  }
  const latest = entry.versions.at(-1);
  if (c.meta ? entry.versions.some((v) => v.hash === hash) : latest?.nationalHash === hash)
    return 'unchanged';
  const content = await mergedContent(trx, c, latest);
  const storedHash = content === c.content ? hash : contentHash(content);
  const next = (latest?.number ?? 0) + 1;
  const meta = c.meta ?? { versionNumber: next, effectiveFrom: now, publishedAt: now, publishedBy };
  const versionNumber = entry.versions.some((v) => v.number === meta.versionNumber)
    ? next
    : meta.versionNumber;
  const nationalHash = c.meta ? null : hash;
  pending.push({
    procedureId: entry.id,
    content,
    meta: { ...meta, versionNumber, contentHash: storedHash, nationalHash },
  });
  entry.versions.push({ number: versionNumber, hash: storedHash, nationalHash: nationalHash ?? storedHash });
  entry.versions.sort((a, b) => a.number - b.number);
  return isNew ? 'imported' : 'updated';
}

function summarise(
  format: ImportSummary['format'],
  total: number,
  records: ReportedRecord[],
  versionsWritten: number,
): ImportSummary {
  const s: ImportSummary = {
    format,
    total,
    imported: 0,
    updated: 0,
    unchanged: 0,
    failed: 0,
    failedByReason: {},
    partlyParsed: 0,
    partlyParsedByField: {},
    versionsWritten,
  };
  for (const r of records) {
    s[r.outcome] += 1;
    if (r.reason) s.failedByReason[r.reason] = (s.failedByReason[r.reason] ?? 0) + 1;
    if (r.partial?.length) {
      s.partlyParsed += 1;
      for (const f of r.partial) s.partlyParsedByField[f] = (s.partlyParsedByField[f] ?? 0) + 1;
    }
  }
  return s;
}

export interface ImportInput {
  text: string;
  /** all_lists.csv of the portal, to detect records holding another procedure's page. */
  listCsv?: string | null;
  sourceFile: string;
  now: Date;
  publishedBy?: string;
}

export async function importCatalogue(db: Db, input: ImportInput): Promise<ImportOutcome> {
  const parsed = parseInput(input.text);
  const records: ReportedRecord[] = [];
  const candidates =
    parsed.format === 'national_crawl'
      ? rawCandidates(parsed.records, input.listCsv ?? null, records)
      : canonicalCandidates(parsed.catalogue);
  const total =
    parsed.format === 'national_crawl' ? parsed.records.length : parsed.catalogue.procedures.length;
  const publishedBy = input.publishedBy ?? `import:${input.sourceFile.split(/[\\/]/).pop()}`;
  const importId = newId();
  return db.transaction().execute(async (trx) => {
    await lockCatalogue(trx);
    const index = await selectVersionIndex(trx);
    const pending: NewVersion[] = [];
    const perProcedure = new Map<number, ReportedRecord>();
    for (const c of candidates) {
      const outcome = await planCandidate(trx, index, c, input.now, publishedBy, pending);
      const prev = perProcedure.get(c.index);
      // A canonical procedure with several versions counts once: its strongest change.
      const rank = { unchanged: 0, updated: 1, imported: 2 } as const;
      if (!prev || rank[outcome] > rank[prev.outcome as keyof typeof rank]) {
        perProcedure.set(c.index, {
          index: c.index,
          code: c.code,
          outcome,
          ...(c.partial.length ? { partial: c.partial } : {}),
        });
      }
    }
    await insertVersions(trx, pending, input.now);
    await refreshSearchRows(trx, [...new Set(pending.map((p) => p.procedureId))], input.now);
    const versionsWritten = pending.length;
    records.push(...perProcedure.values());
    records.sort((a, b) => a.index - b.index);
    const summary = summarise(parsed.format, total, records, versionsWritten);
    await trx
      .insertInto('catalogue_imports')
      .values({
        id: importId,
        imported_at: input.now,
        source_file: input.sourceFile,
        source_sha256: createHash('sha256').update(input.text).digest('hex'),
        format: parsed.format,
        summary: JSON.stringify(summary),
        report: JSON.stringify(records.filter((r) => r.outcome === 'failed' || r.partial)),
      })
      .execute();
    return { importId, summary, records };
  });
}
