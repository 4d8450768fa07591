/**
 * The two-level catalogues after the reform (2025-07 and 2026-07, same shape): provinces → Wards[].
 * Here the type is a field (`AdministrativeUnitId`, read through the shipped lookup file); the
 * prefix of the full name is checked against it, and the field wins when they disagree.
 */
import type { AnomalyLog } from './anomalies.js';
import {
  assembleCatalogue,
  CodeLines,
  isObject,
  type JsonObject,
  type NamedUnit,
  parseJsonArray,
  readNamedUnit,
  reportUnparsable,
  type UnitPlace,
} from './catalogue-common.js';
import { SOURCE_FILES, type SourceFileName } from './sources.js';
import type { Catalogue, CatalogueUnit, Edition } from './types.js';
import { TYPE_BY_LOOKUP_CODE_NAME, type UnitType } from './unit-types.js';

const LEVEL_TYPES: Record<'province' | 'commune', readonly UnitType[]> = {
  province: ['municipality', 'province'],
  commune: ['ward', 'commune', 'special_zone'],
};

/** Reads administrative_units.json into id → type. A broken lookup file stops the import. */
export function parseUnitTypeLookup(text: string): Map<number, UnitType> {
  const types = new Map<number, UnitType>();
  for (const entry of parseJsonArray(text, SOURCE_FILES.unitTypes)) {
    const id = isObject(entry) ? entry.Id : undefined;
    const codeName = isObject(entry) ? entry.CodeNameEn : undefined;
    const type = typeof codeName === 'string' ? TYPE_BY_LOOKUP_CODE_NAME[codeName] : undefined;
    if (typeof id !== 'number' || type === undefined) {
      throw new Error(`${SOURCE_FILES.unitTypes}: unknown entry ${JSON.stringify(entry)}`);
    }
    types.set(id, type);
  }
  return types;
}

interface Walk {
  log: AnomalyLog;
  source: SourceFileName;
  lines: CodeLines;
  types: ReadonlyMap<number, UnitType>;
  units: CatalogueUnit[];
}

export function parseCurrentCatalogue(
  text: string,
  edition: Exclude<Edition, 'preReform'>,
  types: ReadonlyMap<number, UnitType>,
  log: AnomalyLog,
): Catalogue {
  const source = SOURCE_FILES[edition];
  const walk: Walk = { log, source, lines: new CodeLines(text), types, units: [] };
  for (const province of parseJsonArray(text, source)) {
    const unit = visit(walk, province, 'province', null);
    if (!unit || !isObject(province)) continue;
    const wards = province.Wards;
    if (!Array.isArray(wards)) {
      const place = { log, source, level: 'province' as const, row: unit.row };
      reportUnparsable(place, [unit.code], 'trường Wards không phải danh sách', 'field Wards is not a list');
      continue;
    }
    for (const ward of wards) visit(walk, ward, 'commune', unit.code);
  }
  return assembleCatalogue(edition, source, walk.units, log);
}

function visit(
  walk: Walk,
  obj: unknown,
  level: 'province' | 'commune',
  provinceCode: string | null,
): CatalogueUnit | undefined {
  if (!isObject(obj)) {
    const place = { log: walk.log, source: walk.source, level, row: null };
    reportUnparsable(place, [], 'không phải đối tượng', 'not an object');
    return undefined;
  }
  const place: UnitPlace = { log: walk.log, source: walk.source, level, row: walk.lines.take(obj) };
  const named = readNamedUnit(obj, place);
  if (!named) return undefined;
  const type = resolveType(walk, obj, named, place);
  if (!type) return undefined;
  if (provinceCode !== null) checkProvinceCode(obj, provinceCode, named.code, place);
  const unit: CatalogueUnit = {
    code: named.code,
    level,
    type,
    name: named.name,
    fullName: named.fullName,
    nameEn: named.nameEn,
    fullNameEn: named.fullNameEn,
    parentCode: provinceCode,
    provinceCode: provinceCode ?? named.code,
    row: place.row,
  };
  walk.units.push(unit);
  return unit;
}

/** The declared type, checked against the level and the full name's prefix. */
function resolveType(walk: Walk, obj: JsonObject, named: NamedUnit, place: UnitPlace): UnitType | undefined {
  const id = obj.AdministrativeUnitId;
  const declared = typeof id === 'number' ? walk.types.get(id) : undefined;
  const allowed = LEVEL_TYPES[place.level as 'province' | 'commune'];
  const type = declared && allowed.includes(declared) ? declared : named.split?.type;
  if (!type || !allowed.includes(type)) {
    const vi = `AdministrativeUnitId ${JSON.stringify(id)} và tên "${named.fullName}" không cho biết loại đơn vị`;
    reportUnparsable(
      place,
      [named.code],
      vi,
      `neither AdministrativeUnitId ${JSON.stringify(id)} nor the name give a type`,
    );
    return undefined;
  }
  if (named.split && named.split.type !== type) reportTypeMismatch(named, type, place);
  return type;
}

function reportTypeMismatch(named: NamedUnit, type: UnitType, place: UnitPlace): void {
  place.log.add({
    kind: 'type_mismatch',
    source: place.source,
    row: place.row,
    field: 'AdministrativeUnitId',
    codes: [named.code],
    vi: `Loại khai báo (${type}) khác loại theo tên "${named.fullName}"; dùng loại khai báo`,
    en: `Declared type (${type}) differs from the type in the name "${named.fullName}"; declared type used`,
  });
}

function checkProvinceCode(obj: JsonObject, provinceCode: string, code: string, place: UnitPlace): void {
  if (obj.ProvinceCode === provinceCode) return;
  place.log.add({
    kind: 'parent_mismatch',
    source: place.source,
    row: place.row,
    field: 'ProvinceCode',
    codes: [code],
    vi: `ProvinceCode = ${JSON.stringify(obj.ProvinceCode)} nhưng đơn vị nằm trong tỉnh ${provinceCode}; theo vị trí trong tệp`,
    en: `ProvinceCode = ${JSON.stringify(obj.ProvinceCode)} but the unit is nested under province ${provinceCode}; nesting used`,
  });
}
