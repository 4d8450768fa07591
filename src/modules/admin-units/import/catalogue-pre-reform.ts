/**
 * The pre-reform three-level catalogue (danh mục trước sắp xếp, v2.4.1, state on 01/03/2025):
 * provinces → District[] → Ward[]. It carries no type field, so each unit's type is read from the
 * prefix of its full name; a name whose prefix fits no type of its level cannot be imported.
 */
import type { AnomalyLog } from './anomalies.js';
import {
  assembleCatalogue,
  CodeLines,
  isObject,
  type JsonObject,
  parseJsonArray,
  readNamedUnit,
  reportUnparsable,
  type UnitPlace,
} from './catalogue-common.js';
import { SOURCE_FILES } from './sources.js';
import type { Catalogue, CatalogueUnit } from './types.js';
import type { UnitLevel } from './unit-types.js';

const SOURCE = SOURCE_FILES.preReform;

interface Walk {
  log: AnomalyLog;
  lines: CodeLines;
  units: CatalogueUnit[];
}

export function parsePreReformCatalogue(text: string, log: AnomalyLog): Catalogue {
  const walk: Walk = { log, lines: new CodeLines(text), units: [] };
  for (const province of parseJsonArray(text, SOURCE)) {
    const unit = visit(walk, province, 'province', null, null);
    if (!unit || !isObject(province)) continue;
    for (const district of childArray(walk, province, 'District', unit)) {
      const districtUnit = visit(walk, district, 'district', unit.code, unit.code);
      if (!districtUnit || !isObject(district)) continue;
      for (const commune of childArray(walk, district, 'Ward', districtUnit)) {
        visit(walk, commune, 'commune', districtUnit.code, unit.code);
      }
    }
  }
  return assembleCatalogue('preReform', SOURCE, walk.units, log);
}

/**
 * Children of a unit. `null` is how the file writes a district without communes (the five island
 * districts, e.g. 318 Bạch Long Vĩ), which is true of them and not an anomaly.
 */
function childArray(walk: Walk, obj: JsonObject, key: string, parent: CatalogueUnit): unknown[] {
  const value = obj[key];
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value;
  reportUnparsable(
    { log: walk.log, source: SOURCE, level: parent.level, row: parent.row },
    [parent.code],
    `trường ${key} không phải danh sách`,
    `field ${key} is not a list`,
  );
  return [];
}

function visit(
  walk: Walk,
  obj: unknown,
  level: UnitLevel,
  parentCode: string | null,
  provinceCode: string | null,
): CatalogueUnit | undefined {
  if (!isObject(obj)) {
    reportUnparsable(
      { log: walk.log, source: SOURCE, level, row: null },
      [],
      'không phải đối tượng',
      'not an object',
    );
    return undefined;
  }
  const place: UnitPlace = { log: walk.log, source: SOURCE, level, row: walk.lines.take(obj) };
  const named = readNamedUnit(obj, place);
  if (!named) return undefined;
  if (!named.split) {
    const vi = `không nhận ra loại đơn vị trong "${named.fullName}"`;
    reportUnparsable(place, [named.code], vi, `no unit type recognised in "${named.fullName}"`);
    return undefined;
  }
  checkDeclaredParent(obj, level, parentCode, named.code, place);
  const unit: CatalogueUnit = {
    code: named.code,
    level,
    type: named.split.type,
    name: named.name,
    fullName: named.fullName,
    nameEn: named.nameEn,
    fullNameEn: named.fullNameEn,
    parentCode,
    provinceCode: provinceCode ?? named.code,
    row: place.row,
  };
  walk.units.push(unit);
  return unit;
}

/** Districts say ProvinceCode and communes say DistrictCode; both must agree with the nesting. */
function checkDeclaredParent(
  obj: JsonObject,
  level: UnitLevel,
  parentCode: string | null,
  code: string,
  place: UnitPlace,
): void {
  const field = level === 'district' ? 'ProvinceCode' : level === 'commune' ? 'DistrictCode' : null;
  if (field === null || obj[field] === parentCode) return;
  place.log.add({
    kind: 'parent_mismatch',
    source: SOURCE,
    row: place.row,
    field,
    codes: [code],
    vi: `${field} = ${JSON.stringify(obj[field])} nhưng đơn vị nằm trong ${parentCode}; theo vị trí trong tệp`,
    en: `${field} = ${JSON.stringify(obj[field])} but the unit is nested under ${parentCode}; nesting used`,
  });
}
