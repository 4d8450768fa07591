/**
 * Unit versions (phiên bản đơn vị hành chính) from the three catalogue editions.
 *
 * The reform of 1 July 2025 is a break for every unit: districts were abolished, every commune got
 * a province as parent, and provinces that kept their code took in others' territory. So each
 * pre-reform unit's version ends on 30 June 2025 and each 2025-07 unit starts a version on 1 July,
 * even when a code and name carry over (the crosswalk says how they relate).
 *
 * Between the 2025-07 and 2026-07 editions the codes are the same, and a code starts a new version
 * only for a real change: another legal name, type or parent. A rewrite of the same name in another
 * tone-mark style or letter case stays in the version, as an alternative spelling.
 */
import type { AnomalyLog } from './anomalies.js';
import { compareText } from './anomalies.js';
import { reportNameDifference } from './report.js';
import { dayBefore, EDITIONS, type IsoDate } from './sources.js';
import { compareNames, isSameName } from './text.js';
import type { Catalogue, CatalogueUnit, Edition, UnitVersion } from './types.js';

function versionOf(
  unit: CatalogueUnit,
  edition: Edition,
  validFrom: IsoDate | null,
  validTo: IsoDate | null,
) {
  const version: UnitVersion = {
    code: unit.code,
    level: unit.level,
    type: unit.type,
    name: unit.name,
    fullName: unit.fullName,
    nameEn: unit.nameEn,
    fullNameEn: unit.fullNameEn,
    parentCode: unit.parentCode,
    provinceCode: unit.provinceCode,
    validFrom,
    validTo,
    altNames: [],
    edition,
  };
  return version;
}

/** True when the later unit is a real change of the earlier one, not a respelling. */
export function isNewVersion(before: CatalogueUnit | UnitVersion, after: CatalogueUnit): boolean {
  return (
    before.type !== after.type ||
    before.parentCode !== after.parentCode ||
    !isSameName(compareNames(before.fullName, after.fullName))
  );
}

/**
 * @param otherNames names other sources give each new code (the crosswalk's "Tên Xã mới"), used
 *   only to flag a rename that is probably a spelling correction.
 */
export function buildVersions(
  pre: Catalogue,
  reform: Catalogue,
  update: Catalogue,
  log: AnomalyLog,
  otherNames: ReadonlyMap<string, readonly string[]> = new Map(),
): UnitVersion[] {
  const versions = pre.units.map((u) =>
    versionOf(u, 'preReform', EDITIONS.preReform.validFrom, EDITIONS.preReform.validTo),
  );
  const open = new Map<string, UnitVersion>();
  for (const unit of reform.units) {
    const version = versionOf(unit, 'reform2025', EDITIONS.reform2025.validFrom, null);
    versions.push(version);
    open.set(unit.code, version);
  }
  versions.push(...applyUpdate(open, update, log, otherNames));
  return versions.sort(compareVersions);
}

/** Closes or respells the open versions according to the update; returns the versions it starts. */
function applyUpdate(
  open: Map<string, UnitVersion>,
  update: Catalogue,
  log: AnomalyLog,
  otherNames: ReadonlyMap<string, readonly string[]>,
): UnitVersion[] {
  const startsOn = EDITIONS.update2026.validFrom;
  const started: UnitVersion[] = [];
  for (const unit of update.units) {
    const current = open.get(unit.code);
    open.delete(unit.code);
    if (current && !isNewVersion(current, unit)) {
      keepSpelling(current, unit, update, log);
      continue;
    }
    if (current) {
      current.validTo = dayBefore(startsOn);
      reportLikelyCorrection(current, unit, otherNames.get(unit.code) ?? [], update, log);
    }
    started.push(versionOf(unit, 'update2026', startsOn, null));
  }
  // A code the update no longer lists was abolished when the update took effect.
  for (const gone of open.values()) gone.validTo = dayBefore(startsOn);
  return started;
}

function keepSpelling(current: UnitVersion, unit: CatalogueUnit, update: Catalogue, log: AnomalyLog): void {
  const difference = compareNames(unit.fullName, current.fullName);
  if (difference === 'identical' || difference === 'cleanup') return;
  if (!current.altNames.includes(unit.fullName)) current.altNames.push(unit.fullName);
  reportNameDifference(
    difference,
    { log, source: update.source, row: unit.row, field: 'FullName', codes: [unit.code] },
    unit.fullName,
    current.fullName,
    {
      vi: 'danh mục 2025-07, cùng mã; không tạo phiên bản mới',
      en: 'the 2025-07 catalogue, same code; not a new version',
    },
  );
}

/**
 * A rename between editions may be the correction of a typo rather than a legal rename: Xã Phó Bảng
 * (2025-07) becomes Xã Phố Bảng (2026-07), but the NSO crosswalk of July 2025 already spells it Phố
 * Bảng. The catalogue cannot tell the two apart, so the new version stands and the evidence is
 * reported for a person to decide.
 */
function reportLikelyCorrection(
  before: UnitVersion,
  after: CatalogueUnit,
  otherNames: readonly string[],
  update: Catalogue,
  log: AnomalyLog,
): void {
  if (before.type !== after.type || before.parentCode !== after.parentCode) return;
  const witness = otherNames.find((name) => isSameName(compareNames(name, after.fullName)));
  if (witness === undefined) return;
  log.add({
    kind: 'name_mismatch',
    source: update.source,
    row: after.row,
    field: 'FullName',
    codes: [after.code],
    vi:
      `Đổi tên "${before.fullName}" → "${after.fullName}" có thể chỉ là sửa lỗi chính tả: bảng chuyển đổi 2025 đã ghi "${witness}"; ` +
      'vẫn tạo phiên bản mới',
    en:
      `Rename "${before.fullName}" → "${after.fullName}" may only fix a typo: the 2025 crosswalk already says "${witness}"; ` +
      'versioned as a rename',
  });
}

export function compareVersions(a: UnitVersion, b: UnitVersion): number {
  return compareText(a.code, b.code) || compareText(a.validFrom ?? '', b.validFrom ?? '');
}
