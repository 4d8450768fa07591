/**
 * The import layer of admin-units: pure reading of the shipped sources into versioned units,
 * crosswalk edges and an anomaly report. The module's own index.ts (with the database importer and
 * the HTTP routes) re-exports what other modules need from here.
 */
export {
  ANOMALY_SEVERITY,
  type AnomalyKind,
  type AnomalySeverity,
  countAnomalies,
  type ImportAnomaly,
} from './anomalies.js';
export { buildAdminUnitImport } from './build.js';
export { DEFAULT_DATASET_DIR, loadSourceTexts } from './load.js';
export {
  CROSSWALK_EFFECTIVE,
  EDITIONS,
  type IsoDate,
  SOURCE_FILES,
  type SourceKey,
  type SourceTexts,
} from './sources.js';
export { cleanText, compareNames, matchKey, type NameDifference, searchKey } from './text.js';
export type {
  AdminUnitImport,
  CodeAlias,
  CrosswalkChange,
  CrosswalkEdge,
  Edition,
  ImportCounts,
  MergeKind,
  UnitProfile,
  UnitVersion,
} from './types.js';
export { UnitIndex, type UnitIndexData } from './unit-index.js';
export type { UnitLevel, UnitType } from './unit-types.js';
