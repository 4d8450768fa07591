/**
 * Module admin-units (đơn vị hành chính): provinces, districts and communes as they are and were
 * (the 2025 reform, the units before it, the 2026 changes), the old→new crosswalk, and the agencies
 * that serve them. This file is the module's public API: the only file other modules import.
 */
import type { AppModule } from '../../platform/module.js';
import { registerAdminUnitApi } from './admin-units.api.js';
import { registerAdminUnitPages } from './admin-units.pages.js';
import { agencyRoutes, seedDemoAgencies } from './agencies/index.js';
import { importShippedUnits } from './units-import.service.js';

export {
  findUnitVersions,
  getUnitDetail,
  predecessorsOf,
  SEARCH_LIMIT,
  searchUnits,
  successorsOf,
  type UnitDetail,
  type UnitMatch,
  type UnitSearchHit,
  type UnitSearchPage,
  type UnitSearchQuery,
  unitAt,
} from './admin-units.service.js';
export * from './agencies/index.js';
export {
  type AdminUnitImport,
  ANOMALY_SEVERITY,
  type AnomalyKind,
  type AnomalySeverity,
  buildAdminUnitImport,
  type CodeAlias,
  CROSSWALK_EFFECTIVE,
  type CrosswalkChange,
  type CrosswalkEdge,
  countAnomalies,
  DEFAULT_DATASET_DIR,
  EDITIONS,
  type Edition,
  type ImportAnomaly,
  type ImportCounts,
  type IsoDate,
  loadSourceTexts,
  type MergeKind,
  matchKey,
  SOURCE_FILES,
  type SourceKey,
  type SourceTexts,
  searchKey,
  UnitIndex,
  type UnitLevel,
  type UnitProfile,
  type UnitType,
  type UnitVersion,
} from './import/index.js';
export { vietnamDate } from './unit-search.js';
export {
  runUnitsImportCommand,
  type UnitsImportCommandOptions,
  type UnitsImportCommandResult,
} from './units-import.command.js';
export type { TableChanges } from './units-import.repository.js';
export {
  type AnomalySummary,
  datasetChecksum,
  getLatestImportReport,
  IMPORTER_VERSION,
  type ImportOptions,
  type ImportReport,
  type ImportReportQuery,
  importShippedUnits,
  importUnits,
  type ShippedImport,
  type UnitsImportOutcome,
} from './units-import.service.js';

/**
 * The module as the composition root wires it: the units' API and public pages and the agencies'
 * API; its demo seed imports the shipped unit files when the store is empty or holds other files
 * (a hash comparison on later starts), then the demo agencies.
 */
export const adminUnitsModule: AppModule = {
  name: 'admin-units',
  routes(app, ctx) {
    registerAdminUnitApi(app, ctx);
    registerAdminUnitPages(app, ctx);
    agencyRoutes(app, ctx);
  },
  async demoSeed(ctx) {
    await importShippedUnits(ctx);
    await seedDemoAgencies(ctx);
    return [];
  },
};
