/**
 * The shipped source files (datasets/admin-units/, see its README for origin and licence) and the
 * dates each catalogue edition is in force. The files are read as published and never edited.
 */

export const SOURCE_FILES = {
  /** thanglequoc v2.4.1: 63 provinces, 696 districts, 10,035 communes, state on 01/03/2025. */
  preReform: '2025-03_v2.4.1_63prov_696dist_10035wards_simplified.json',
  /** thanglequoc v3.0.2: 34 provinces, 3,321 communes from 01/07/2025. */
  reform2025: '2025-07_v3.0.2_34prov_3321wards_full.json',
  /** thanglequoc HEAD of 2026-08-02: Đồng Nai a city, 10 of its xã now phường. */
  update2026: '2026-07_34prov_3321wards_full.json',
  /** thanglequoc lookup of unit types, read to interpret `AdministrativeUnitId`. */
  unitTypes: 'administrative_units.json',
  /** NSO old→new commune crosswalk (Bảng chuyển đổi ĐVHC mới – cũ), sheet "Tổng hợp_không merge". */
  crosswalk: 'BangChuyendoiDVHCmoi_cu_khong_merge.csv',
  /** GSO "Danh mục hành chính" export of the pre-reform communes, 18/07/2025: second source for old codes. */
  gsoExport: 'danhmuchanhchinh.gso.gov.vn_ward_2025-07-18.csv',
  /** sapnhap.bando.com.vn table of the new communes: second source for new names, plus area and population. */
  sapnhap: 'sapnhap.bando.com.vn_ward_2025-07-17.csv',
} as const;

export type SourceKey = keyof typeof SOURCE_FILES;
export type SourceFileName = (typeof SOURCE_FILES)[SourceKey];
/** The text of every source file, as read from disk (UTF-8, byte order mark kept). */
export type SourceTexts = Readonly<Record<SourceKey, string>>;

/** The order sources are listed in reports: catalogues, then the crosswalk, then second sources. */
export const SOURCE_ORDER: readonly SourceFileName[] = Object.values(SOURCE_FILES);

/** An ISO calendar date, YYYY-MM-DD, in Vietnam's calendar (no time, no zone). */
export type IsoDate = string;

/**
 * When each catalogue edition is in force (inclusive dates; null = open).
 * - The pre-reform edition is a snapshot of 01/03/2025; its units' earlier start dates are not in
 *   any source, so they are left open rather than invented. It ends the day before the reform.
 * - The reform (Nghị quyết 202/2025/QH15 and the commune resolutions of the Standing Committee)
 *   takes effect on 01/07/2025.
 * - The 2026 edition: the shared data README gives "30/2026/QH16, in force from 30/04/2026 (as
 *   given in the source notes)", and DOMAIN.md §16 gives the same date, so that date is used for
 *   every difference between the 2025-07 and 2026-07 files (the file itself is dated 2026-07-25).
 */
export const EDITIONS = {
  preReform: { validFrom: null, validTo: '2025-06-30' },
  reform2025: { validFrom: '2025-07-01', validTo: null },
  update2026: { validFrom: '2026-04-30', validTo: null },
} as const satisfies Record<string, { validFrom: IsoDate | null; validTo: IsoDate | null }>;

/** The crosswalk describes the reform, so its edges take effect with it. */
export const CROSSWALK_EFFECTIVE: IsoDate = EDITIONS.reform2025.validFrom;

/** The day before an ISO date (for closing a version when the next one starts). */
export function dayBefore(date: IsoDate): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** Strict YYYY-MM-DD check, including that the day exists. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}
