/**
 * The records the import produces. They are plain JSON-serialisable data: the database importer
 * writes them as they are, and the in-memory index answers questions over them.
 */
import type { ImportAnomaly } from './anomalies.js';
import type { IsoDate, SourceFileName } from './sources.js';
import type { UnitLevel, UnitType } from './unit-types.js';

/** A catalogue edition: pre-reform (v2.4.1), reform (2025-07) or its 2026 update. */
export type Edition = 'preReform' | 'reform2025' | 'update2026';

/** One unit as one catalogue file lists it, cleaned and typed. */
export interface CatalogueUnit {
  code: string;
  level: UnitLevel;
  type: UnitType;
  /** Short name ("Ba Đình"). */
  name: string;
  /** Name with its type word ("Phường Ba Đình"), the legal name. */
  fullName: string;
  /** English names are the catalogue author's own, not official; kept for the English UI. */
  nameEn: string | null;
  fullNameEn: string | null;
  /** District for a pre-reform commune, province for a district or a post-reform commune. */
  parentCode: string | null;
  provinceCode: string;
  /** Line of the unit's "Code" key in the file; null when the file's layout does not tell. */
  row: number | null;
}

export interface Catalogue {
  edition: Edition;
  source: SourceFileName;
  units: CatalogueUnit[];
  byCode: ReadonlyMap<string, CatalogueUnit>;
}

/**
 * Phiên bản đơn vị hành chính: what a code meant over a span of days. A new version starts when the
 * legal name, the type or the parent changes; a rewrite of the same name in another tone-mark
 * style or letter case is the same version, with the other spelling kept in `altNames`.
 */
export interface UnitVersion {
  code: string;
  level: UnitLevel;
  type: UnitType;
  name: string;
  fullName: string;
  nameEn: string | null;
  fullNameEn: string | null;
  parentCode: string | null;
  provinceCode: string;
  /** First day in force, inclusive; null when the sources do not say (pre-reform units). */
  validFrom: IsoDate | null;
  /** Last day in force, inclusive; null while still in force. */
  validTo: IsoDate | null;
  /** Other spellings of `fullName` seen in later editions (tone style, case). */
  altNames: string[];
  /** The edition that established this version. */
  edition: Edition;
}

/** Another code by which a source refers to a unit (Ba Chẽ: 06970 in the crosswalk, 06978 here). */
export interface CodeAlias {
  alias: string;
  code: string;
  validFrom: IsoDate | null;
  validTo: IsoDate | null;
  source: SourceFileName;
  row: number | null;
}

/** Nhập toàn bộ (whole) or nhập một phần (part of the old unit went elsewhere too). */
export type MergeKind = 'whole' | 'partial';

/**
 * What the crosswalk note says happened: merged (nhập), unchanged (giữ nguyên), renamed (đổi tên),
 * type changed (đổi loại hình), a district reorganised into a special zone (sắp xếp … thành đặc
 * khu), or a note that says none of these.
 */
export type CrosswalkChange = 'merged' | 'unchanged' | 'renamed' | 'retyped' | 'reorganised' | 'unspecified';

/** One row of the old→new crosswalk (bảng chuyển đổi), after code checks. */
export interface CrosswalkEdge {
  /** The old unit: a commune, or an island district that had no communes; null when none is given. */
  oldCode: string | null;
  oldLevel: UnitLevel | null;
  oldName: string;
  newCode: string;
  newName: string;
  kind: MergeKind;
  change: CrosswalkChange;
  /** The note (Ghi chú) as published, cleaned of stray spaces and newlines. */
  note: string;
  effectiveFrom: IsoDate;
  /** The codes exactly as printed in the crosswalk, for tracing corrections. */
  sourceOldCode: string | null;
  sourceNewCode: string;
  row: number;
}

/** Facts about a new commune from sapnhap.bando.com.vn (not official statistics). */
export interface UnitProfile {
  code: string;
  areaKm2: number | null;
  population: number | null;
  adminCentre: string | null;
  longitude: number | null;
  latitude: number | null;
  /** Free text listing the units merged into this one ("Phường Quán Thánh, Phường Trúc Bạch, …"). */
  mergedFromText: string;
  row: number;
}

export interface CatalogueCounts {
  provinces: number;
  districts: number;
  communes: number;
  communesByType: Partial<Record<UnitType, number>>;
}

export interface ImportCounts {
  preReform: CatalogueCounts;
  reform2025: CatalogueCounts;
  update2026: CatalogueCounts;
  crosswalk: {
    records: number;
    mappingRows: number;
    headingRows: number;
    oldCodes: number;
    newCodes: number;
  };
  gsoExportRows: number;
  sapnhap: { rows: number; matched: number };
  versions: number;
  aliases: number;
  edges: { whole: number; partial: number };
  anomalies: number;
}

/** Everything one import produces, in a deterministic order. */
export interface AdminUnitImport {
  versions: UnitVersion[];
  aliases: CodeAlias[];
  edges: CrosswalkEdge[];
  profiles: UnitProfile[];
  anomalies: ImportAnomaly[];
  counts: ImportCounts;
}
