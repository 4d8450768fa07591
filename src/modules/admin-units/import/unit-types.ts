/**
 * Levels and types of administrative units (cấp và loại đơn vị hành chính), and reading a type
 * from the prefix of a full name ("Phường Ba Đình"), which is the only type information the
 * pre-reform catalogue and the GSO export carry.
 */

/** Cấp: tỉnh (2-digit code), huyện (3-digit, abolished 1 July 2025), xã (5-digit). */
export type UnitLevel = 'province' | 'district' | 'commune';

/** Loại đơn vị hành chính. */
export type UnitType =
  /** thành phố trực thuộc trung ương */
  | 'municipality'
  /** tỉnh */
  | 'province'
  /** quận */
  | 'urban_district'
  /** huyện */
  | 'rural_district'
  /** thị xã */
  | 'district_town'
  /** thành phố thuộc tỉnh, or thuộc thành phố trực thuộc trung ương (Thủ Đức) */
  | 'district_city'
  /** phường */
  | 'ward'
  /** xã */
  | 'commune'
  /** thị trấn */
  | 'township'
  /** đặc khu */
  | 'special_zone';

interface TypePrefix {
  prefix: string;
  type: UnitType;
}

/** Longest prefixes first, so "Thị trấn" wins over any shorter prefix it starts with. */
const PREFIXES: Record<UnitLevel, readonly TypePrefix[]> = {
  province: [
    { prefix: 'Thành phố', type: 'municipality' },
    { prefix: 'Tỉnh', type: 'province' },
  ],
  district: [
    { prefix: 'Thành phố', type: 'district_city' },
    { prefix: 'Thị xã', type: 'district_town' },
    { prefix: 'Huyện', type: 'rural_district' },
    { prefix: 'Quận', type: 'urban_district' },
  ],
  commune: [
    { prefix: 'Thị trấn', type: 'township' },
    { prefix: 'Đặc khu', type: 'special_zone' },
    { prefix: 'Phường', type: 'ward' },
    { prefix: 'Xã', type: 'commune' },
  ],
};

export const CODE_LENGTH: Record<UnitLevel, number> = { province: 2, district: 3, commune: 5 };

/** The level a code belongs to, from its length; codes of the three levels never collide. */
export function levelOfCode(code: string): UnitLevel | undefined {
  if (!/^\d+$/.test(code)) return undefined;
  return (Object.keys(CODE_LENGTH) as UnitLevel[]).find((level) => CODE_LENGTH[level] === code.length);
}

export function isCodeOfLevel(code: string, level: UnitLevel): boolean {
  return /^\d+$/.test(code) && code.length === CODE_LENGTH[level];
}

export interface SplitName {
  type: UnitType;
  /** The prefix as written in the name ("Thị Trấn" where the canonical form is "Thị trấn"). */
  writtenPrefix: string;
  canonicalPrefix: string;
  /** The name after the prefix. */
  rest: string;
}

/** Reads the type from a cleaned full name; undefined when no prefix of that level fits. */
export function splitTypePrefix(level: UnitLevel, fullName: string): SplitName | undefined {
  const lower = fullName.toLowerCase();
  for (const { prefix, type } of PREFIXES[level]) {
    const p = prefix.toLowerCase();
    if (lower.startsWith(`${p} `)) {
      return {
        type,
        writtenPrefix: fullName.slice(0, prefix.length),
        canonicalPrefix: prefix,
        rest: fullName.slice(prefix.length + 1),
      };
    }
  }
  return undefined;
}

/** The canonical prefix of a type at a level ("Phường" for ward). */
export function prefixOfType(type: UnitType): string {
  for (const level of Object.keys(PREFIXES) as UnitLevel[]) {
    const found = PREFIXES[level].find((p) => p.type === type);
    if (found) return found.prefix;
  }
  throw new Error(`no prefix for unit type ${type}`);
}

/** "Phường Phường Đúc": the type word written twice, a typo that both GSO and v2.4.1 carry. */
export function hasDoubledPrefix(split: SplitName): boolean {
  return split.rest.toLowerCase().startsWith(`${split.canonicalPrefix.toLowerCase()} `);
}

/**
 * The `CodeNameEn` values of the shipped lookup `administrative_units.json`, mapped onto our types.
 * The catalogue's `AdministrativeUnitId` is read through that file, not through numbers in code.
 */
export const TYPE_BY_LOOKUP_CODE_NAME: Readonly<Record<string, UnitType>> = {
  municipality: 'municipality',
  province: 'province',
  ward: 'ward',
  commune: 'commune',
  special_administrative_region: 'special_zone',
};
