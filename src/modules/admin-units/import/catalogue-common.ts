/**
 * What the three JSON catalogues share: locating units in the file, reading and checking one unit's
 * code and names, and assembling a catalogue with duplicate-code checks.
 */
import type { AnomalyLog } from './anomalies.js';
import { type CellPlace, cleanCell, reportNameDifference } from './report.js';
import type { SourceFileName } from './sources.js';
import { cleanText, compareNames } from './text.js';
import type { Catalogue, CatalogueCounts, CatalogueUnit, Edition } from './types.js';
import {
  hasDoubledPrefix,
  isCodeOfLevel,
  type SplitName,
  splitTypePrefix,
  type UnitLevel,
} from './unit-types.js';

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A whole file that is not a JSON array is not dirty data but a broken file: that throws. */
export function parseJsonArray(text: string, source: SourceFileName): unknown[] {
  const parsed: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
  if (!Array.isArray(parsed)) throw new Error(`${source}: expected a JSON array at the top level`);
  return parsed;
}

/**
 * Hands out the line of each unit's "Code" key in document order. The catalogues are pretty-printed
 * with one key per line and each unit's Code before its children, so the n-th unit visited in
 * pre-order is the n-th "Code" line.
 */
export class CodeLines {
  readonly #lines: number[] = [];
  #next = 0;

  constructor(text: string) {
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
      if (/^\s*"Code"\s*:/.test(lines[i] as string)) this.#lines.push(i + 1);
    }
  }

  /**
   * The line for the next unit object; null for an object without a Code key, or when the file is
   * not laid out one key per line (then no "Code" line is found and lines are unknown).
   */
  take(obj: JsonObject): number | null {
    if (!Object.hasOwn(obj, 'Code')) return null;
    return this.#lines[this.#next++] ?? null;
  }
}

export interface UnitPlace {
  log: AnomalyLog;
  source: SourceFileName;
  level: UnitLevel;
  row: number | null;
}

export interface NamedUnit {
  code: string;
  name: string;
  fullName: string;
  nameEn: string | null;
  fullNameEn: string | null;
  /** Type read from the full name's prefix; undefined when no prefix of the level fits. */
  split: SplitName | undefined;
}

function optionalText(obj: JsonObject, key: string, place: UnitPlace, code: string): string | null {
  const value = obj[key];
  if (typeof value !== 'string' || value.trim() === '') return null;
  return cleanCell(value, place, key, [code]);
}

/** Reads Code, Name, FullName (required) and the English names; reports and skips a broken unit. */
export function readNamedUnit(obj: JsonObject, place: UnitPlace): NamedUnit | undefined {
  const code = obj.Code;
  const name = obj.Name;
  const fullName = obj.FullName;
  if (typeof code !== 'string' || !isCodeOfLevel(code, place.level)) {
    reportUnparsable(
      place,
      [],
      `mã ${JSON.stringify(code)} không hợp lệ`,
      `invalid code ${JSON.stringify(code)}`,
    );
    return undefined;
  }
  if (typeof name !== 'string' || typeof fullName !== 'string' || cleanText(fullName) === '') {
    reportUnparsable(place, [code], 'thiếu Name hoặc FullName', 'Name or FullName missing');
    return undefined;
  }
  const unit: NamedUnit = {
    code,
    name: cleanCell(name, place, 'Name', [code]),
    fullName: cleanCell(fullName, place, 'FullName', [code]),
    nameEn: optionalText(obj, 'NameEn', place, code),
    fullNameEn: optionalText(obj, 'FullNameEn', place, code),
    split: undefined,
  };
  unit.split = splitTypePrefix(place.level, unit.fullName);
  checkPrefix(unit, place);
  return unit;
}

export function reportUnparsable(place: UnitPlace, codes: string[], vi: string, en: string): void {
  place.log.add({
    kind: 'unparsable_row',
    source: place.source,
    row: place.row,
    codes,
    vi: `Không đọc được đơn vị: ${vi}; bỏ qua`,
    en: `Unit cannot be read: ${en}; skipped`,
  });
}

/** The type word's case, a doubled type word, and whether FullName is the type word plus Name. */
function checkPrefix(unit: NamedUnit, place: UnitPlace): void {
  const split = unit.split;
  if (!split) return;
  const cell = { ...place, field: 'FullName', codes: [unit.code] };
  if (split.writtenPrefix !== split.canonicalPrefix) {
    place.log.add({
      ...cell,
      kind: 'case_variant',
      vi: `Từ chỉ loại "${split.writtenPrefix}" trong "${unit.fullName}" viết khác chuẩn "${split.canonicalPrefix}"`,
      en: `Type word "${split.writtenPrefix}" in "${unit.fullName}" differs in case from "${split.canonicalPrefix}"`,
    });
  }
  reportDoubledPrefix(split, unit.fullName, cell);
  reportNameDifference(compareNames(split.rest, unit.name), cell, split.rest, unit.name, {
    vi: 'trường Name của cùng đơn vị',
    en: 'the Name field of the same unit',
  });
}

/** "Phường Phường Đúc": reported, and kept as published. */
export function reportDoubledPrefix(split: SplitName, fullName: string, place: CellPlace): void {
  if (!hasDoubledPrefix(split)) return;
  place.log.add({
    kind: 'doubled_type_prefix',
    source: place.source,
    row: place.row,
    field: place.field,
    codes: place.codes ?? [],
    vi: `Tên "${fullName}" lặp từ chỉ loại "${split.canonicalPrefix}"; giữ nguyên như bản gốc`,
    en: `Name "${fullName}" repeats the type word "${split.canonicalPrefix}"; kept as published`,
  });
}

/** Keeps the first unit of each code and reports any later duplicate. */
export function assembleCatalogue(
  edition: Edition,
  source: SourceFileName,
  units: CatalogueUnit[],
  log: AnomalyLog,
): Catalogue {
  const byCode = new Map<string, CatalogueUnit>();
  const kept: CatalogueUnit[] = [];
  for (const unit of units) {
    const first = byCode.get(unit.code);
    if (first) {
      log.add({
        kind: 'duplicate_code',
        source,
        row: unit.row,
        codes: [unit.code],
        vi: `Mã ${unit.code} đã dùng cho "${first.fullName}" (dòng ${first.row ?? '?'}); bỏ qua "${unit.fullName}"`,
        en: `Code ${unit.code} already used for "${first.fullName}" (line ${first.row ?? '?'}); "${unit.fullName}" skipped`,
      });
      continue;
    }
    byCode.set(unit.code, unit);
    kept.push(unit);
  }
  return { edition, source, units: kept, byCode };
}

export function countCatalogue(catalogue: Catalogue): CatalogueCounts {
  const counts: CatalogueCounts = { provinces: 0, districts: 0, communes: 0, communesByType: {} };
  for (const unit of catalogue.units) {
    if (unit.level === 'province') counts.provinces++;
    else if (unit.level === 'district') counts.districts++;
    else {
      counts.communes++;
      counts.communesByType[unit.type] = (counts.communesByType[unit.type] ?? 0) + 1;
    }
  }
  return counts;
}
