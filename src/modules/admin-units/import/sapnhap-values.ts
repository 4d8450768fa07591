/**
 * The figures of a sapnhap row: area, population, administrative centre and position. The site
 * writes "đang cập nhật" (being updated) for unknown values, sometimes uses thousands separators, and
 * has a few impossible figures; each is reported, and an unknown or impossible figure is stored as
 * null rather than guessed.
 */
import type { AnomalyLog } from './anomalies.js';
import { SOURCE_FILES } from './sources.js';
import { searchKey } from './text.js';
import type { CatalogueUnit, UnitProfile } from './types.js';

/** The columns the import reads; the site's own ids (id, ma, cay, maxa, khoa) are left out. */
export const SAPNHAP_COLUMNS = [
  'matinh',
  'tentinh',
  'loai',
  'tenhc',
  'dientichkm2',
  'dansonguoi',
  'trungtamhc',
  'kinhdo',
  'vido',
  'truocsapnhap',
] as const;
export type SapnhapColumn = (typeof SAPNHAP_COLUMNS)[number];

/** A row with its cells cleaned once, and the province its name gives. */
export interface SapnhapRow {
  line: number;
  values: Readonly<Record<SapnhapColumn, string>>;
  province: CatalogueUnit;
}

/**
 * Bounds outside which a figure is not believed. In the table itself the next-largest population
 * after an outlier of 653,422 for a rural xã is 294,400 (Đặc khu Phú Quốc), while figures under 100
 * (5, 25, 40 …) cannot be a commune's; an area of 0 km² cannot be either. Vietnam, islands included,
 * lies within 102°–118° E and 6°–24° N.
 */
const PLAUSIBLE = {
  population: { min: 100, max: 500_000 },
  areaKm2: { min: 0.01, max: 5_000 },
  longitude: { min: 102, max: 118 },
  latitude: { min: 6, max: 24 },
} as const;

const NOT_YET_KNOWN = 'dang cap nhat';

interface Place {
  log: AnomalyLog;
  row: SapnhapRow;
  code: string;
}

function report(
  place: Place,
  field: SapnhapColumn,
  kind: 'missing_value' | 'number_format' | 'implausible_value',
  vi: string,
  en: string,
) {
  place.log.add({
    kind,
    source: SOURCE_FILES.sapnhap,
    row: place.row.line,
    field,
    codes: [place.code],
    vi,
    en,
  });
}

/** A number cell: null when empty, "đang cập nhật", unreadable or implausible, each reported. */
function readNumber(place: Place, field: SapnhapColumn, bounds: { min: number; max: number }): number | null {
  const text = place.row.values[field];
  if (text === '' || searchKey(text) === NOT_YET_KNOWN) {
    const shown = text === '' ? 'trống' : `"${text}"`;
    report(
      place,
      field,
      'missing_value',
      `"${field}" ${shown}; lưu là chưa biết`,
      `"${field}" is ${text === '' ? 'empty' : `"${text}"`}; stored as unknown`,
    );
    return null;
  }
  let digits = text;
  if (/^\d{1,3}(,\d{3})+$/.test(text)) {
    digits = text.replace(/,/g, '');
    report(
      place,
      field,
      'number_format',
      `"${field}" có dấu phân cách hàng nghìn "${text}"; đọc là ${digits}`,
      `"${field}" has thousands separators "${text}"; read as ${digits}`,
    );
  }
  const value = /^-?\d+(\.\d+)?$/.test(digits) ? Number(digits) : Number.NaN;
  if (Number.isNaN(value) || value < bounds.min || value > bounds.max) {
    const vi = `"${field}" = "${text}" ngoài khoảng hợp lý ${bounds.min}–${bounds.max}; lưu là chưa biết`;
    report(
      place,
      field,
      'implausible_value',
      vi,
      `"${field}" = "${text}" is outside ${bounds.min}–${bounds.max}; stored as unknown`,
    );
    return null;
  }
  return value;
}

function readText(place: Place, field: SapnhapColumn): string | null {
  const text = place.row.values[field];
  if (text !== '' && searchKey(text) !== NOT_YET_KNOWN) return text;
  report(
    place,
    field,
    'missing_value',
    `"${field}" chưa có ("${text}"); lưu là chưa biết`,
    `"${field}" not given ("${text}"); stored as unknown`,
  );
  return null;
}

export function readProfile(row: SapnhapRow, code: string, log: AnomalyLog): UnitProfile {
  const place: Place = { log, row, code };
  return {
    code,
    areaKm2: readNumber(place, 'dientichkm2', PLAUSIBLE.areaKm2),
    population: readNumber(place, 'dansonguoi', PLAUSIBLE.population),
    adminCentre: readText(place, 'trungtamhc'),
    longitude: readNumber(place, 'kinhdo', PLAUSIBLE.longitude),
    latitude: readNumber(place, 'vido', PLAUSIBLE.latitude),
    mergedFromText: row.values.truocsapnhap,
    row: row.line,
  };
}
