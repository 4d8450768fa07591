/**
 * The raw GSO export of the pre-reform communes (Danh mục hành chính, 18/07/2025), used as a second
 * source: every code, name, type and parent in the pre-reform catalogue is checked against it. It
 * changes nothing in the catalogue; what disagrees is reported.
 */
import type { AnomalyLog } from './anomalies.js';
import { reportDoubledPrefix } from './catalogue-common.js';
import { parseCsv, requireColumns } from './csv.js';
import {
  type CellPlace,
  type Counterpart,
  cleanCell,
  reportCsvProblems,
  reportNameDifference,
} from './report.js';
import { SOURCE_FILES } from './sources.js';
import { compareNames } from './text.js';
import type { Catalogue, CatalogueUnit } from './types.js';
import { splitTypePrefix, type UnitType } from './unit-types.js';

const SOURCE = SOURCE_FILES.gsoExport;
const COLUMNS = ['Mã', 'Tên', 'Cấp', 'Mã QH', 'Quận Huyện', 'Mã TP', 'Tỉnh / Thành Phố'] as const;
type Column = (typeof COLUMNS)[number];
const PRE: Counterpart = { vi: 'danh mục trước sắp xếp v2.4.1', en: 'the pre-reform catalogue v2.4.1' };

/** Values of "Cấp" (level) in the export. */
const TYPE_BY_LEVEL_WORD: Readonly<Record<string, UnitType>> = {
  xã: 'commune',
  phường: 'ward',
  'thị trấn': 'township',
};

interface GsoContext {
  log: AnomalyLog;
  pre: Catalogue;
  seen: Set<string>;
}

/** Checks the export against the catalogue; returns the number of data rows read. */
export function checkGsoExport(text: string, pre: Catalogue, log: AnomalyLog): number {
  const { records, problems } = parseCsv(text);
  reportCsvProblems(problems, SOURCE, log);
  const [header, ...rows] = records;
  if (!header) throw new Error(`${SOURCE}: empty file`);
  const columns = requireColumns(header.fields, COLUMNS, SOURCE);
  const ctx: GsoContext = { log, pre, seen: new Set() };
  for (const record of rows) {
    const raw = (column: Column): string => record.fields[columns[column]] ?? '';
    const row = { log, source: SOURCE, row: record.line };
    const code = cleanCell(raw('Mã'), row, 'Mã');
    const codes = [code];
    const cell = (column: Column): string => cleanCell(raw(column), row, column, codes);
    checkRow(record.line, code, cell, ctx);
  }
  reportMissingFromExport(ctx);
  return rows.length;
}

/** A well-formed code not seen before; anything else is reported and the row skipped. */
function acceptCode(code: string, place: CellPlace, ctx: GsoContext): boolean {
  if (!/^\d{5}$/.test(code)) {
    const vi = `Mã "${code}" không phải 5 chữ số; bỏ qua dòng`;
    ctx.log.add({ ...place, kind: 'unparsable_row', vi, en: `Code "${code}" is not 5 digits; row skipped` });
    return false;
  }
  if (ctx.seen.has(code)) {
    ctx.log.add({
      ...place,
      kind: 'duplicate_code',
      vi: `Mã ${code} lặp lại; bỏ qua dòng`,
      en: `Code ${code} repeated; row skipped`,
    });
    return false;
  }
  ctx.seen.add(code);
  return true;
}

function checkRow(line: number, code: string, cell: (c: Column) => string, ctx: GsoContext): void {
  const place: CellPlace = { log: ctx.log, source: SOURCE, row: line, field: 'Mã', codes: [code] };
  if (!acceptCode(code, place, ctx)) return;
  const unit = ctx.pre.byCode.get(code);
  const name = cell('Tên');
  if (unit?.level !== 'commune') {
    const vi = `Mã ${code} ("${name}") không có trong ${PRE.vi}`;
    ctx.log.add({
      ...place,
      kind: 'missing_in_source',
      vi,
      en: `Code ${code} ("${name}") is not in ${PRE.en}`,
    });
    return;
  }
  const namePlace = { ...place, field: 'Tên' };
  const split = splitTypePrefix('commune', name);
  if (split) reportDoubledPrefix(split, name, namePlace);
  reportNameDifference(compareNames(name, unit.fullName), namePlace, name, unit.fullName, PRE);
  checkType(unit, cell('Cấp'), { ...place, field: 'Cấp' });
  checkParent(unit, 'Mã QH', cell('Mã QH'), 'Quận Huyện', cell('Quận Huyện'), line, ctx);
  checkParent(unit, 'Mã TP', cell('Mã TP'), 'Tỉnh / Thành Phố', cell('Tỉnh / Thành Phố'), line, ctx);
}

function checkType(unit: CatalogueUnit, levelWord: string, place: CellPlace): void {
  const type = TYPE_BY_LEVEL_WORD[levelWord.toLowerCase()];
  if (type === unit.type) return;
  place.log.add({
    ...place,
    kind: 'type_mismatch',
    vi: `Cấp "${levelWord}" khác loại ${unit.type} của "${unit.fullName}" trong ${PRE.vi}`,
    en: `Level "${levelWord}" differs from type ${unit.type} of "${unit.fullName}" in ${PRE.en}`,
  });
}

/** A parent code column and its name column: the code must be the unit's; each name is checked once. */
function checkParent(
  unit: CatalogueUnit,
  codeColumn: Column,
  parentCode: string,
  nameColumn: Column,
  parentName: string,
  line: number,
  ctx: GsoContext,
): void {
  const expected = codeColumn === 'Mã TP' ? unit.provinceCode : (unit.parentCode ?? '');
  const place: CellPlace = { log: ctx.log, source: SOURCE, row: line, field: codeColumn, codes: [unit.code] };
  if (parentCode !== expected) {
    ctx.log.add({
      ...place,
      kind: 'parent_mismatch',
      vi: `${codeColumn} = ${parentCode} nhưng ${PRE.vi} đặt ${unit.code} dưới ${expected}`,
      en: `${codeColumn} = ${parentCode} but ${PRE.en} places ${unit.code} under ${expected}`,
    });
    return;
  }
  const parent = ctx.pre.byCode.get(expected);
  const key = `${nameColumn}|${expected}|${parentName}`;
  if (!parent || ctx.seen.has(key)) return;
  ctx.seen.add(key);
  const namePlace = { ...place, field: nameColumn, codes: [parent.code] };
  reportNameDifference(
    compareNames(parentName, parent.fullName),
    namePlace,
    parentName,
    parent.fullName,
    PRE,
  );
}

function reportMissingFromExport(ctx: GsoContext): void {
  for (const unit of ctx.pre.units) {
    if (unit.level !== 'commune' || ctx.seen.has(unit.code)) continue;
    ctx.log.add({
      kind: 'missing_in_source',
      source: SOURCE,
      row: null,
      codes: [unit.code],
      vi: `${unit.fullName} (${unit.code}) của ${PRE.vi} không có trong bản xuất GSO`,
      en: `${unit.fullName} (${unit.code}) of ${PRE.en} is not in the GSO export`,
    });
  }
}
