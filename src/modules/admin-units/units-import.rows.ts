/**
 * What the unit import stores: each table's key and columns with their SQL types, and the build's
 * records as rows of those tables. Pure.
 */
import { type AdminUnitImport, SOURCE_FILES } from './import/index.js';
import type { SyncedTable } from './units-import.repository.js';

export const TABLES = {
  versions: {
    table: 'admin_unit_versions',
    key: ['code', 'edition'],
    columns: [
      ['code', 'text'],
      ['edition', 'text'],
      ['level', 'text'],
      ['type', 'text'],
      ['name', 'text'],
      ['full_name', 'text'],
      ['name_en', 'text'],
      ['full_name_en', 'text'],
      ['parent_code', 'text'],
      ['province_code', 'text'],
      ['valid_from', 'date'],
      ['valid_to', 'date'],
      ['alt_names', 'text[]'],
    ],
  },
  aliases: {
    table: 'admin_unit_aliases',
    key: ['alias', 'code'],
    columns: [
      ['alias', 'text'],
      ['code', 'text'],
      ['valid_from', 'date'],
      ['valid_to', 'date'],
      ['source', 'text'],
      ['source_row', 'int'],
    ],
  },
  mappings: {
    table: 'admin_unit_mappings',
    key: ['source', 'source_row'],
    columns: [
      ['source', 'text'],
      ['source_row', 'int'],
      ['old_code', 'text'],
      ['old_level', 'text'],
      ['old_name', 'text'],
      ['new_code', 'text'],
      ['new_name', 'text'],
      ['kind', 'text'],
      ['change', 'text'],
      ['note', 'text'],
      ['effective_from', 'date'],
      ['source_old_code', 'text'],
      ['source_new_code', 'text'],
    ],
  },
  profiles: {
    table: 'admin_unit_profiles',
    key: ['code'],
    columns: [
      ['code', 'text'],
      ['area_km2', 'double precision'],
      ['population', 'int'],
      ['admin_centre', 'text'],
      ['longitude', 'double precision'],
      ['latitude', 'double precision'],
      ['merged_from_text', 'text'],
      ['source', 'text'],
      ['source_row', 'int'],
    ],
  },
} as const satisfies Record<string, SyncedTable>;

export type TableName = keyof typeof TABLES;

/** The stored rows of each table, as column-keyed objects. */
export function rowsOf(build: AdminUnitImport): Record<TableName, Record<string, unknown>[]> {
  return {
    versions: build.versions.map((v) => ({
      code: v.code,
      edition: v.edition,
      level: v.level,
      type: v.type,
      name: v.name,
      full_name: v.fullName,
      name_en: v.nameEn,
      full_name_en: v.fullNameEn,
      parent_code: v.parentCode,
      province_code: v.provinceCode,
      valid_from: v.validFrom,
      valid_to: v.validTo,
      alt_names: v.altNames,
    })),
    aliases: build.aliases.map((a) => ({
      alias: a.alias,
      code: a.code,
      valid_from: a.validFrom,
      valid_to: a.validTo,
      source: a.source,
      source_row: a.row,
    })),
    mappings: build.edges.map((e) => ({
      source: SOURCE_FILES.crosswalk,
      source_row: e.row,
      old_code: e.oldCode,
      old_level: e.oldLevel,
      old_name: e.oldName,
      new_code: e.newCode,
      new_name: e.newName,
      kind: e.kind,
      change: e.change,
      note: e.note,
      effective_from: e.effectiveFrom,
      source_old_code: e.sourceOldCode,
      source_new_code: e.sourceNewCode,
    })),
    profiles: build.profiles.map((p) => ({
      code: p.code,
      area_km2: p.areaKm2,
      population: p.population,
      admin_centre: p.adminCentre,
      longitude: p.longitude,
      latitude: p.latitude,
      merged_from_text: p.mergedFromText,
      source: SOURCE_FILES.sapnhap,
      source_row: p.row,
    })),
  };
}
