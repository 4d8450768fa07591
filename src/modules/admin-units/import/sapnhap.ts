/**
 * The sapnhap.bando.com.vn table of the new communes: a second source for the 2025-07 names and
 * types, and the source of each new commune's area, population, administrative centre and position.
 * It has no GSO codes (its ids are the site's own), so rows are joined to the catalogue by province
 * and normalised name, and its province number is checked rather than trusted.
 */
import type { AnomalyLog } from './anomalies.js';
import { parseCsv, requireColumns } from './csv.js';
import {
  type CellPlace,
  type Counterpart,
  cleanCell,
  reportCsvProblems,
  reportNameDifference,
} from './report.js';
import { type CommuneIndex, findCommune, indexCommunes } from './sapnhap-match.js';
import { readProfile, SAPNHAP_COLUMNS, type SapnhapColumn, type SapnhapRow } from './sapnhap-values.js';
import { SOURCE_FILES } from './sources.js';
import { compareNames, matchKey } from './text.js';
import type { Catalogue, CatalogueUnit, UnitProfile } from './types.js';
import { prefixOfType, type UnitType } from './unit-types.js';

const SOURCE = SOURCE_FILES.sapnhap;
const REFORM: Counterpart = { vi: 'danh mục 2025-07', en: 'the 2025-07 catalogue' };
const TYPE_BY_WORD: Readonly<Record<string, UnitType>> = {
  xã: 'commune',
  phường: 'ward',
  'đặc khu': 'special_zone',
};

export interface SapnhapResult {
  rows: number;
  profiles: UnitProfile[];
}

interface Context {
  log: AnomalyLog;
  reform: Catalogue;
  provincesByName: Map<string, CatalogueUnit>;
  communes: CommuneIndex;
  seen: Set<string>;
  matched: Map<string, number>;
}

export function readSapnhap(text: string, reform: Catalogue, log: AnomalyLog): SapnhapResult {
  const { records, problems } = parseCsv(text);
  reportCsvProblems(problems, SOURCE, log);
  const [header, ...data] = records;
  if (!header) throw new Error(`${SOURCE}: empty file`);
  const columns = requireColumns(header.fields, SAPNHAP_COLUMNS, SOURCE);
  const ctx: Context = {
    log,
    reform,
    provincesByName: new Map(
      reform.units.filter((u) => u.level === 'province').map((u) => [matchKey(u.name), u]),
    ),
    communes: indexCommunes(reform),
    seen: new Set(),
    matched: new Map(),
  };
  const rows = data.flatMap((record) => {
    const values = {} as Record<SapnhapColumn, string>;
    const place = { log, source: SOURCE, row: record.line };
    for (const column of SAPNHAP_COLUMNS)
      values[column] = cleanCell(record.fields[columns[column]] ?? '', place, column);
    return readProvince(record.line, values, ctx) ?? [];
  });
  checkProvinceNumbers(rows, log);
  const profiles = rows.flatMap((row) => {
    const unit = matchUnit(row, ctx);
    return unit ? [readProfile(row, unit.code, log)] : [];
  });
  reportUnmatchedUnits(ctx);
  return { rows: data.length, profiles };
}

/** "Thủ đô Hà Nội", "thành phố Huế", "tỉnh Ninh BÌnh": the province by name, without its title. */
function readProvince(
  line: number,
  values: Record<SapnhapColumn, string>,
  ctx: Context,
): SapnhapRow | undefined {
  const written = values.tentinh;
  const name = written.replace(/^(thủ đô|thành phố|tỉnh)\s+/i, '');
  const province = ctx.provincesByName.get(matchKey(name));
  const place: CellPlace = { log: ctx.log, source: SOURCE, row: line, field: 'tentinh' };
  if (!province) {
    const vi = `Không nhận ra tỉnh "${written}"; bỏ qua dòng`;
    ctx.log.add({
      ...place,
      kind: 'unmatched_row',
      vi,
      en: `Province "${written}" not recognised; row skipped`,
    });
    return undefined;
  }
  if (!ctx.seen.has(`tentinh|${written}`)) {
    ctx.seen.add(`tentinh|${written}`);
    reportNameDifference(
      compareNames(name, province.name),
      { ...place, codes: [province.code] },
      name,
      province.name,
      REFORM,
    );
  }
  return { line, values, province };
}

/** The site numbers provinces 1–34; each number must name one province (Yên Bình, Lào Cai, has 13). */
function checkProvinceNumbers(rows: readonly SapnhapRow[], log: AnomalyLog): void {
  const votes = new Map<string, Map<string, number>>();
  for (const row of rows) {
    const tally = votes.get(row.values.matinh) ?? new Map<string, number>();
    tally.set(row.province.code, (tally.get(row.province.code) ?? 0) + 1);
    votes.set(row.values.matinh, tally);
  }
  for (const row of rows) {
    const tally = [...(votes.get(row.values.matinh) ?? [])].sort((a, b) => b[1] - a[1]);
    const [majority] = tally[0] ?? [];
    if (majority === undefined || majority === row.province.code) continue;
    log.add({
      kind: 'wrong_province_number',
      source: SOURCE,
      row: row.line,
      field: 'matinh',
      codes: [row.province.code, majority],
      vi: `Số tỉnh ${row.values.matinh} của trang là tỉnh ${majority}, nhưng dòng này ghi "${row.values.tentinh}" (${row.province.code}); theo tên tỉnh`,
      en: `Site province number ${row.values.matinh} is province ${majority}, but this row says "${row.values.tentinh}" (${row.province.code}); name used`,
    });
  }
}

function matchUnit(row: SapnhapRow, ctx: Context): CatalogueUnit | undefined {
  const type = TYPE_BY_WORD[row.values.loai.toLowerCase()];
  const written = `${type ? prefixOfType(type) : row.values.loai} ${row.values.tenhc}`;
  const { unit, how, candidates } = findCommune(ctx.communes, row.province.code, type, row.values.tenhc);
  const place: CellPlace = {
    log: ctx.log,
    source: SOURCE,
    row: row.line,
    field: 'tenhc',
    codes: unit ? [unit.code] : [],
  };
  if (!unit) {
    reportUnmatchedRow(place, written, row.province, candidates);
    return undefined;
  }
  const first = ctx.matched.get(unit.code);
  if (first !== undefined) {
    const vi = `${unit.fullName} (${unit.code}) đã khớp với dòng ${first}; bỏ qua dòng này`;
    ctx.log.add({
      ...place,
      kind: 'duplicate_code',
      vi,
      en: `${unit.fullName} (${unit.code}) already matched by line ${first}; row skipped`,
    });
    return undefined;
  }
  ctx.matched.set(unit.code, row.line);
  if (how === 'other_type') {
    const vi = `Bảng sapnhap ghi "${written}", ${REFORM.vi} ghi "${unit.fullName}" (${unit.code}); khớp theo tên, giữ loại của danh mục`;
    const en = `The sapnhap table says "${written}", ${REFORM.en} says "${unit.fullName}" (${unit.code}); matched by name, catalogue type kept`;
    ctx.log.add({ ...place, kind: 'type_mismatch', field: 'loai', vi, en });
  } else {
    reportNameDifference(compareNames(written, unit.fullName), place, written, unit.fullName, REFORM);
  }
  return unit;
}

function reportUnmatchedRow(
  place: CellPlace,
  written: string,
  province: CatalogueUnit,
  candidates: CatalogueUnit[],
) {
  const why =
    candidates.length > 1
      ? { vi: 'nhiều đơn vị cùng tên', en: 'several units share the name' }
      : { vi: 'không có', en: 'none' };
  place.log.add({
    ...place,
    kind: 'unmatched_row',
    codes: candidates.map((u) => u.code),
    vi: `Không khớp được "${written}" của ${province.fullName} với ${REFORM.vi} (${why.vi}); không lấy số liệu`,
    en: `"${written}" of ${province.fullName} cannot be matched to ${REFORM.en} (${why.en}); no profile taken`,
  });
}

function reportUnmatchedUnits(ctx: Context): void {
  for (const unit of ctx.reform.units) {
    if (unit.level !== 'commune' || ctx.matched.has(unit.code)) continue;
    ctx.log.add({
      kind: 'missing_in_source',
      source: SOURCE,
      row: null,
      codes: [unit.code],
      vi: `${unit.fullName} (${unit.code}, ${unit.provinceCode}) không có dòng nào khớp trong bảng sapnhap`,
      en: `${unit.fullName} (${unit.code}, ${unit.provinceCode}) matches no row of the sapnhap table`,
    });
  }
}
