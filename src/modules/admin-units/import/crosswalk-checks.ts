/**
 * Cross-checks of a crosswalk row's names and parent labels against the catalogues. They change
 * nothing in the edge; they only report. Labels repeat on many rows, so each distinct label is
 * checked once, at its first row.
 */
import type { AnomalyLog } from './anomalies.js';
import type { CrosswalkRow, Label } from './crosswalk.js';
import { type Counterpart, reportNameDifference } from './report.js';
import { SOURCE_FILES } from './sources.js';
import { compareNames, isSameName } from './text.js';
import type { Catalogue, CatalogueUnit } from './types.js';

const SOURCE = SOURCE_FILES.crosswalk;

export interface CheckContext {
  log: AnomalyLog;
  pre: Catalogue;
  reform: Catalogue;
  /** Keys of labels and names already checked. */
  seen: Set<string>;
}

const PRE: Counterpart = { vi: 'danh mục trước sắp xếp', en: 'the pre-reform catalogue' };
const REFORM: Counterpart = { vi: 'danh mục 2025-07', en: 'the 2025-07 catalogue' };

function firstTime(ctx: CheckContext, key: string): boolean {
  if (ctx.seen.has(key)) return false;
  ctx.seen.add(key);
  return true;
}

/** The new commune's name (once per spelling) and its province label. */
export function checkNewSide(row: CrosswalkRow, newUnit: CatalogueUnit, ctx: CheckContext): void {
  if (firstTime(ctx, `new|${newUnit.code}|${row.newName}`)) {
    const place = { log: ctx.log, source: SOURCE, row: row.row, field: 'Tên Xã mới', codes: [newUnit.code] };
    reportNameDifference(
      compareNames(row.newName, newUnit.fullName),
      place,
      row.newName,
      newUnit.fullName,
      REFORM,
    );
  }
  checkLabel(
    row,
    'Tỉnh, thành phố',
    row.newProvince,
    ctx.reform.byCode.get(newUnit.provinceCode),
    ctx,
    REFORM,
  );
}

/** The old commune's name against the code's catalogue name, and its district and province labels. */
export function checkOldSide(row: CrosswalkRow, oldUnit: CatalogueUnit, ctx: CheckContext): void {
  if (row.oldCode === oldUnit.code) {
    const place = { log: ctx.log, source: SOURCE, row: row.row, field: 'Tên Xã cũ', codes: [oldUnit.code] };
    reportNameDifference(
      compareNames(row.oldName, oldUnit.fullName),
      place,
      row.oldName,
      oldUnit.fullName,
      PRE,
    );
  }
  // An island district is its own "Quận/huyện" label; a commune's district is its parent.
  const district = oldUnit.level === 'district' ? oldUnit : ctx.pre.byCode.get(oldUnit.parentCode ?? '');
  checkLabel(row, 'Quận/huyện', row.oldDistrict, district, ctx, PRE);
  checkLabel(row, 'Tỉnh cũ', row.oldProvince, ctx.pre.byCode.get(oldUnit.provinceCode), ctx, PRE);
}

/**
 * A "Name (code)" label: its code must be the unit's parent's; its name is checked once per spelling,
 * also under a wrong code when it still names the parent ("Quảng Trị (44)" for Tỉnh Quảng Trị, 45).
 */
function checkLabel(
  row: CrosswalkRow,
  field: string,
  label: Label,
  parent: CatalogueUnit | undefined,
  ctx: CheckContext,
  counterpart: Counterpart,
): void {
  if (!parent) return;
  if (label.code !== parent.code) {
    ctx.log.add({
      kind: 'parent_mismatch',
      source: SOURCE,
      row: row.row,
      field,
      codes: [parent.code, label.code ?? ''],
      vi: `Cột "${field}" ghi "${label.name} (${label.code ?? '?'})", ${counterpart.vi} ghi ${parent.fullName} (${parent.code})`,
      en: `Column "${field}" says "${label.name} (${label.code ?? '?'})", ${counterpart.en} says ${parent.fullName} (${parent.code})`,
    });
  }
  if (!firstTime(ctx, `${field}|${label.name}|${label.code}`)) return;
  const place = { log: ctx.log, source: SOURCE, row: row.row, field, codes: [parent.code] };
  const difference = compareNames(label.name, parent.fullName);
  if (difference === 'different' && isSameName(compareNames(label.name, parent.name))) {
    ctx.log.add({
      kind: 'missing_type_prefix',
      source: SOURCE,
      row: row.row,
      field,
      codes: [parent.code],
      vi: `"${label.name}" thiếu từ chỉ loại; ${counterpart.vi} ghi "${parent.fullName}"`,
      en: `"${label.name}" lacks its type word; ${counterpart.en} says "${parent.fullName}"`,
    });
    return;
  }
  // Under a wrong code the label names another unit; that is the parent mismatch, not a spelling.
  if (label.code === parent.code)
    reportNameDifference(difference, place, label.name, parent.fullName, counterpart);
}
