/**
 * Old→new edges (quan hệ chuyển đổi) from the crosswalk rows, with codes checked against the
 * catalogues, the merge kind settled, and the units the crosswalk never maps reported.
 */
import type { AnomalyLog } from './anomalies.js';
import { compareText } from './anomalies.js';
import type { CrosswalkFile, CrosswalkRow } from './crosswalk.js';
import { type CheckContext, checkNewSide, checkOldSide } from './crosswalk-checks.js';
import { indexByParentAndName, resolveOldCommune, resolveUnknownNewCodes } from './crosswalk-codes.js';
import { type DraftEdge, settleKinds } from './crosswalk-kinds.js';
import { type NoteReading, readNote } from './crosswalk-notes.js';
import { CROSSWALK_EFFECTIVE, SOURCE_FILES } from './sources.js';
import type { Catalogue, CatalogueUnit, CodeAlias, CrosswalkEdge } from './types.js';

const SOURCE = SOURCE_FILES.crosswalk;

export interface CrosswalkBuild {
  edges: CrosswalkEdge[];
  aliases: CodeAlias[];
}

interface BuildContext extends CheckContext {
  newCodes: ReadonlyMap<string, string | null>;
  preByName: ReadonlyMap<string, CatalogueUnit[]>;
  /** Districts with at least one commune; the others (islands) map as a whole. */
  districtsWithCommunes: ReadonlySet<string>;
}

export function buildCrosswalk(
  file: CrosswalkFile,
  pre: Catalogue,
  reform: Catalogue,
  log: AnomalyLog,
): CrosswalkBuild {
  const ctx: BuildContext = {
    log,
    pre,
    reform,
    seen: new Set(),
    newCodes: resolveUnknownNewCodes(file.rows, reform, log),
    preByName: indexByParentAndName(pre),
    districtsWithCommunes: new Set(
      pre.units.filter((u) => u.level === 'commune').map((u) => u.parentCode ?? ''),
    ),
  };
  const drafts = file.rows.flatMap((row) => draftEdge(row, ctx) ?? []);
  const edges = dropDuplicates(settleKinds(drafts, log), log).sort(compareEdges);
  reportUnmapped(edges, pre, reform, log);
  return { edges, aliases: aliasesOf(file.rows, ctx.newCodes) };
}

function draftEdge(row: CrosswalkRow, ctx: BuildContext): DraftEdge | undefined {
  const newCode = ctx.reform.byCode.has(row.newCode) ? row.newCode : ctx.newCodes.get(row.newCode);
  const newUnit = newCode ? ctx.reform.byCode.get(newCode) : undefined;
  if (!newCode || !newUnit) return undefined;
  checkNewSide(row, newUnit, ctx);
  const reading = readNoteReporting(row, ctx.log);
  const old = resolveOld(row, reading, ctx);
  if (old.unit) checkOldSide(row, old.unit, ctx);
  return {
    oldCode: old.code,
    oldLevel: old.unit?.level ?? (old.code ? 'commune' : null),
    oldName: row.oldName,
    newCode,
    newName: row.newName,
    noteKind: reading.kind,
    change: reading.change,
    note: row.note,
    effectiveFrom: CROSSWALK_EFFECTIVE,
    sourceOldCode: row.oldCode,
    sourceNewCode: row.newCode,
    row: row.row,
  };
}

function readNoteReporting(row: CrosswalkRow, log: AnomalyLog): NoteReading {
  const reading = readNote(row.note);
  const place = { source: SOURCE, row: row.row, field: 'Ghi chú', codes: [row.newCode, row.oldCode ?? ''] };
  if (reading.correctedFrom) {
    const vi = `Ghi chú "${row.note}" viết sai, đọc là "${reading.correctedFrom}"`;
    log.add({
      ...place,
      kind: 'note_misspelt',
      vi,
      en: `Note "${row.note}" misspelt; read as "${reading.correctedFrom}"`,
    });
  }
  if (reading.kind === null) {
    const vi = `Ghi chú "${row.note}" không cho biết nhập toàn bộ hay một phần; xác định theo cấu trúc bảng`;
    log.add({
      ...place,
      kind: 'unknown_note',
      vi,
      en: `Note "${row.note}" says neither whole nor part; decided by the table's structure`,
    });
  }
  return reading;
}

interface ResolvedOld {
  code: string | null;
  unit: CatalogueUnit | undefined;
}

function resolveOld(row: CrosswalkRow, reading: NoteReading, ctx: BuildContext): ResolvedOld {
  if (row.oldCode === null) return resolveMissingOld(row, reading, ctx);
  const resolved = resolveOldCommune({ ...row, oldCode: row.oldCode }, ctx.pre, ctx.preByName, ctx.log);
  if (!resolved.unit) {
    ctx.log.add({
      kind: 'unknown_code',
      source: SOURCE,
      row: row.row,
      field: 'Mã Xã cũ',
      codes: [row.oldCode],
      vi: `Mã xã cũ ${row.oldCode} ("${row.oldName}") không có trong danh mục trước sắp xếp; giữ nguyên mã như in`,
      en: `Old code ${row.oldCode} ("${row.oldName}") is not in the pre-reform catalogue; kept as printed`,
    });
  }
  return resolved;
}

/**
 * A row without an old code. An island district that had no communes and was reorganised whole
 * into a special zone is that district; anything else (the Kim Sơn coastal flats) has no code.
 */
function resolveMissingOld(row: CrosswalkRow, reading: NoteReading, ctx: BuildContext): ResolvedOld {
  const districtCode = row.oldDistrict.code;
  const district = districtCode ? ctx.pre.byCode.get(districtCode) : undefined;
  const isIsland =
    district && reading.change === 'reorganised' && !ctx.districtsWithCommunes.has(district.code);
  const place = { source: SOURCE, row: row.row, field: 'Mã Xã cũ', codes: [row.newCode] };
  if (district && isIsland) {
    ctx.log.add({
      ...place,
      kind: 'missing_old_code',
      codes: [district.code, row.newCode],
      vi: `Không có mã xã cũ; ${district.fullName} (${district.code}) không có xã nên dùng mã huyện`,
      en: `No old commune code; ${district.fullName} (${district.code}) had no communes, so the district code is used`,
    });
    return { code: district.code, unit: district };
  }
  ctx.log.add({
    ...place,
    kind: 'missing_old_code',
    vi: `Không có mã cho "${row.oldName}"; giữ quan hệ không có mã cũ`,
    en: `No code for "${row.oldName}"; edge kept without an old code`,
  });
  return { code: null, unit: undefined };
}

function dropDuplicates(edges: CrosswalkEdge[], log: AnomalyLog): CrosswalkEdge[] {
  const seen = new Map<string, CrosswalkEdge>();
  return edges.filter((edge) => {
    if (edge.oldCode === null) return true;
    const key = `${edge.oldCode}>${edge.newCode}`;
    const first = seen.get(key);
    if (!first) {
      seen.set(key, edge);
      return true;
    }
    log.add({
      kind: 'duplicate_edge',
      source: SOURCE,
      row: edge.row,
      codes: [edge.oldCode, edge.newCode],
      vi: `Cặp ${edge.oldCode} → ${edge.newCode} đã có ở dòng ${first.row}; bỏ dòng này`,
      en: `Pair ${edge.oldCode} → ${edge.newCode} already given on line ${first.row}; this row skipped`,
    });
    return false;
  });
}

function reportUnmapped(
  edges: readonly CrosswalkEdge[],
  pre: Catalogue,
  reform: Catalogue,
  log: AnomalyLog,
): void {
  const olds = new Set(edges.map((e) => e.oldCode));
  const news = new Set(edges.map((e) => e.newCode));
  const report = (unit: CatalogueUnit, vi: string, en: string) =>
    log.add({ kind: 'unmapped_unit', source: SOURCE, row: null, codes: [unit.code], vi, en });
  for (const unit of pre.units) {
    if (unit.level === 'commune' && !olds.has(unit.code)) {
      report(
        unit,
        `${unit.fullName} (${unit.code}) không có xã mới nào`,
        `${unit.fullName} (${unit.code}) has no successor`,
      );
    }
  }
  for (const unit of reform.units) {
    if (unit.level === 'commune' && !news.has(unit.code)) {
      report(
        unit,
        `${unit.fullName} (${unit.code}) không có xã cũ nào`,
        `${unit.fullName} (${unit.code}) has no predecessor`,
      );
    }
  }
}

function aliasesOf(rows: readonly CrosswalkRow[], newCodes: ReadonlyMap<string, string | null>): CodeAlias[] {
  const aliases: CodeAlias[] = [];
  for (const [alias, code] of newCodes) {
    if (code === null) continue;
    const row = rows.find((r) => r.newCode === alias)?.row ?? null;
    aliases.push({ alias, code, validFrom: CROSSWALK_EFFECTIVE, validTo: null, source: SOURCE, row });
  }
  return aliases.sort((a, b) => compareText(a.alias, b.alias));
}

export function compareEdges(a: CrosswalkEdge, b: CrosswalkEdge): number {
  return compareText(a.oldCode ?? '', b.oldCode ?? '') || compareText(a.newCode, b.newCode) || a.row - b.row;
}
