/**
 * Reading the NSO crosswalk CSV (Bảng chuyển đổi ĐVHC mới – cũ, "Tổng hợp_không merge"): two title
 * rows, one heading row per new province ("THÀNH PHỐ HÀ NỘI  "), then one row per old→new pair.
 * This file only reads and cleans rows; checking codes against the catalogues is build-crosswalk's.
 */
import type { AnomalyLog } from './anomalies.js';
import { parseCsv, requireColumns } from './csv.js';
import { cleanCell, reportCsvProblems } from './report.js';
import { SOURCE_FILES } from './sources.js';
import { cleanText } from './text.js';

const SOURCE = SOURCE_FILES.crosswalk;

const COLUMNS = [
  'Tỉnh, thành phố',
  'Tên Xã mới',
  'Mã Xã mới',
  'Tên Xã cũ',
  'Mã Xã cũ',
  'Ghi chú',
  'Quận/huyện',
  'Tỉnh cũ',
] as const;
type Column = (typeof COLUMNS)[number];

/** "Huyện Gia Lâm (018)": a name with the unit's code in brackets. */
export interface Label {
  name: string;
  code: string | null;
}

export interface CrosswalkRow {
  row: number;
  newProvince: Label;
  newName: string;
  newCode: string;
  oldName: string;
  /** Null when the cell is empty (island districts, the Kim Sơn coastal flats). */
  oldCode: string | null;
  note: string;
  oldDistrict: Label;
  oldProvince: Label;
}

export interface CrosswalkFile {
  rows: CrosswalkRow[];
  /** CSV records in the file, title and heading rows included. */
  records: number;
  headingRows: number;
}

export function parseLabel(text: string): Label {
  const match = /^(.*?)\s*\((\d+)\)$/.exec(text);
  return match ? { name: match[1] as string, code: match[2] as string } : { name: text, code: null };
}

export function parseCrosswalk(text: string, log: AnomalyLog): CrosswalkFile {
  const { records, problems } = parseCsv(text);
  reportCsvProblems(problems, SOURCE, log);
  const headerAt = records.findIndex((r) => r.fields.some((f) => cleanText(f) === 'Mã Xã mới'));
  if (headerAt < 0) throw new Error(`${SOURCE}: no header row with "Mã Xã mới"`);
  const columns = requireColumns((records[headerAt] as { fields: string[] }).fields, COLUMNS, SOURCE);
  const file: CrosswalkFile = { rows: [], records: records.length, headingRows: 0 };
  for (const record of records.slice(headerAt + 1)) {
    const cells = record.fields;
    const filled = cells.map((c, i) => (cleanText(c) === '' ? -1 : i)).filter((i) => i >= 0);
    if (filled.length === 0) continue;
    if (filled.length === 1 && filled[0] === columns['Tỉnh, thành phố']) {
      // A heading row ("THÀNH PHỐ HÀ NỘI  ") is layout, not data; only its dirt is reported.
      cleanCell(cells[filled[0]] ?? '', { log, source: SOURCE, row: record.line }, 'Tỉnh, thành phố');
      file.headingRows++;
      continue;
    }
    const row = readRow(record.line, cells, columns, log);
    if (row) file.rows.push(row);
  }
  return file;
}

function readRow(line: number, cells: string[], columns: Record<Column, number>, log: AnomalyLog) {
  const raw = (column: Column): string => cells[columns[column]] ?? '';
  const place = { log, source: SOURCE, row: line };
  const newCode = cleanCell(raw('Mã Xã mới'), place, 'Mã Xã mới');
  const oldCode = cleanCell(raw('Mã Xã cũ'), place, 'Mã Xã cũ');
  const codes = [newCode, oldCode].filter((c) => c !== '');
  if (!/^\d{5}$/.test(newCode) || !/^(\d{5})?$/.test(oldCode)) {
    log.add({
      kind: 'unparsable_row',
      source: SOURCE,
      row: line,
      codes,
      vi: `Mã xã mới "${newCode}" hoặc mã xã cũ "${oldCode}" không phải 5 chữ số; bỏ qua dòng`,
      en: `New code "${newCode}" or old code "${oldCode}" is not 5 digits; row skipped`,
    });
    return undefined;
  }
  const cell = (column: Column): string => cleanCell(raw(column), place, column, codes);
  return {
    row: line,
    newProvince: parseLabel(cell('Tỉnh, thành phố')),
    newName: cell('Tên Xã mới'),
    newCode,
    oldName: cell('Tên Xã cũ'),
    oldCode: oldCode === '' ? null : oldCode,
    note: cell('Ghi chú'),
    oldDistrict: parseLabel(cell('Quận/huyện')),
    oldProvince: parseLabel(cell('Tỉnh cũ')),
  } satisfies CrosswalkRow;
}
