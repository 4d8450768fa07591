/**
 * Checking the crosswalk's codes against the catalogues, by code **and** name.
 *
 * - A new code the 2025-07 catalogue lacks, whose name is a catalogue unit of the same province that
 *   the crosswalk never names by its own code, is the same unit under another code: the catalogue
 *   (GSO web-service) code is kept and the crosswalk's becomes an alias (Ba Chẽ: 06978 kept, 06970).
 * - An old code whose name is really another commune of the same district, found by name, is a
 *   wrong code: the edge uses the commune found and keeps the printed code for tracing (00553,
 *   01615, 02485). A name that matches no other commune is a spelling difference; the code stays.
 */
import type { AnomalyLog } from './anomalies.js';
import type { CrosswalkRow } from './crosswalk.js';
import { SOURCE_FILES } from './sources.js';
import { matchKey } from './text.js';
import type { Catalogue, CatalogueUnit } from './types.js';

const SOURCE = SOURCE_FILES.crosswalk;

/** Units of one parent by matching key, for finding a unit by its name. */
export function indexByParentAndName(catalogue: Catalogue): Map<string, CatalogueUnit[]> {
  const index = new Map<string, CatalogueUnit[]>();
  for (const unit of catalogue.units) {
    const key = `${unit.parentCode ?? ''}|${matchKey(unit.fullName)}`;
    const list = index.get(key);
    if (list) list.push(unit);
    else index.set(key, [unit]);
  }
  return index;
}

/** The one unit under `parentCode` with this name, or undefined when none or several. */
export function findByName(
  index: ReadonlyMap<string, CatalogueUnit[]>,
  parentCode: string | null,
  name: string,
): CatalogueUnit | undefined {
  const found = index.get(`${parentCode ?? ''}|${matchKey(name)}`);
  return found?.length === 1 ? found[0] : undefined;
}

/**
 * Maps each printed new code that the catalogue lacks to the catalogue code of the same unit, or to
 * null when none can be found; reports each such code once.
 */
export function resolveUnknownNewCodes(
  rows: readonly CrosswalkRow[],
  reform: Catalogue,
  log: AnomalyLog,
): Map<string, string | null> {
  const printed = new Set(rows.map((r) => r.newCode));
  const byName = indexByParentAndName(reform);
  const resolved = new Map<string, string | null>();
  for (const row of rows) {
    if (reform.byCode.has(row.newCode) || resolved.has(row.newCode)) continue;
    const count = rows.filter((r) => r.newCode === row.newCode).length;
    const unit = findByName(byName, row.newProvince.code, row.newName);
    if (unit && !printed.has(unit.code)) {
      resolved.set(row.newCode, unit.code);
      reportAlias(row, unit, count, log);
    } else {
      resolved.set(row.newCode, null);
      log.add({
        kind: 'unknown_code',
        source: SOURCE,
        row: row.row,
        field: 'Mã Xã mới',
        codes: [row.newCode],
        vi: `Mã xã mới ${row.newCode} ("${row.newName}") không có trong danh mục 2025-07 và không tìm được theo tên; bỏ ${count} dòng`,
        en: `New code ${row.newCode} ("${row.newName}") is not in the 2025-07 catalogue nor found by name; ${count} row(s) skipped`,
      });
    }
  }
  return resolved;
}

function reportAlias(row: CrosswalkRow, unit: CatalogueUnit, count: number, log: AnomalyLog): void {
  log.add({
    kind: 'code_conflict',
    source: SOURCE,
    row: row.row,
    field: 'Mã Xã mới',
    codes: [unit.code, row.newCode],
    vi:
      `Bảng chuyển đổi ghi "${row.newName}" mã ${row.newCode} (${count} dòng), danh mục của Cục Thống kê (dịch vụ web) ghi ${unit.code}; ` +
      `giữ mã ${unit.code}, ghi ${row.newCode} là mã bí danh`,
    en:
      `The crosswalk codes "${row.newName}" as ${row.newCode} (${count} rows), the statistics office's web-service catalogue as ${unit.code}; ` +
      `kept ${unit.code}, recorded ${row.newCode} as an alias`,
  });
}

export interface ResolvedOld {
  code: string | null;
  unit: CatalogueUnit | undefined;
}

/** The old commune a row means: its printed code, or the commune its name names in that district. */
export function resolveOldCommune(
  row: CrosswalkRow & { oldCode: string },
  pre: Catalogue,
  byName: ReadonlyMap<string, CatalogueUnit[]>,
  log: AnomalyLog,
): ResolvedOld {
  const printed = pre.byCode.get(row.oldCode);
  if (printed && matchKey(printed.fullName) === matchKey(row.oldName))
    return { code: row.oldCode, unit: printed };
  const district = row.oldDistrict.code ?? printed?.parentCode ?? null;
  const named = findByName(byName, district, row.oldName);
  if (named && named.code !== row.oldCode) {
    log.add({
      kind: 'wrong_old_code',
      source: SOURCE,
      row: row.row,
      field: 'Mã Xã cũ',
      codes: [named.code, row.oldCode],
      vi:
        `Mã xã cũ ${row.oldCode} là của "${printed?.fullName ?? '(không có)'}", nhưng dòng này ghi "${row.oldName}", ` +
        `mã ${named.code} trong cùng huyện; dùng mã ${named.code}`,
      en:
        `Old code ${row.oldCode} belongs to "${printed?.fullName ?? '(none)'}", but this row names "${row.oldName}", ` +
        `code ${named.code} in the same district; used ${named.code}`,
    });
    return { code: named.code, unit: named };
  }
  return { code: row.oldCode, unit: printed };
}
