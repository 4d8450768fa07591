/**
 * Module catalogue (danh mục thủ tục hành chính): procedures with immutable published versions,
 * components, channels, fees, internal workflows, the import of the national portal's records and
 * the canonical JSON format. This file is the module's public API.
 */
import type { AppModule } from '../../platform/module.js';
import { registerCatalogueAdmin } from './admin/index.js';
import { registerCatalogueApi } from './catalogue.api.js';
import { runCatalogueImport } from './catalogue.command.js';
import { registerCataloguePages } from './catalogue.pages.js';
import { hasProcedures } from './catalogue.service.js';
import { refreshSearchJob } from './search/refresh-search.job.js';

export {
  CANONICAL_FORMAT,
  type CanonicalCatalogue,
  catalogueJsonSchema,
  validateCanonical,
} from './canonical.js';
export {
  formatSummary,
  runCatalogueExport,
  runCatalogueImport,
  SHIPPED_LIST,
  SHIPPED_RECORDS,
} from './catalogue.command.js';
export { exportCatalogue, hasProcedures, type ProcedureVersion, versionAt } from './catalogue.service.js';
export {
  type ImportOutcome,
  type ImportSummary,
  importCatalogue,
  type ReportedRecord,
} from './catalogue-import.service.js';
export type { Level, OnlineLevel, ProcedureContent, StepKind, TimeUnit, WorkflowContent } from './content.js';
export { type HighlightSegment, highlightName } from './search/highlight.js';
export { CATALOGUE_REFRESH_SEARCH_JOB, refreshSearch } from './search/refresh-search.job.js';
export { refreshSearchRows } from './search/search.repository.js';
export {
  type CatalogueFacets,
  catalogueFacets,
  type ProcedureSearchHit,
  type ProcedureSearchPage,
  searchProcedures,
} from './search/search.service.js';
export { type ProcedureSearchQuery, readProcedureSearchQuery } from './search/search-query.js';
export { isPreparationNote } from './views/public-format.js';
export {
  type BudgetCheck,
  checkWorkflowBudget,
  defaultWorkflow,
  legalWorkingMinutes,
} from './workflow-budget.js';

/** The module as the composition root wires it; the demo seed imports the shipped records once. */
export const catalogueModule: AppModule = {
  name: 'catalogue',
  jobs: (ctx) => [refreshSearchJob(ctx)],
  async routes(app, ctx) {
    await registerCatalogueApi(app, ctx);
    await registerCataloguePages(app, ctx);
    await registerCatalogueAdmin(app, ctx);
  },
  async demoSeed(ctx) {
    if (await hasProcedures(ctx.db)) return [];
    const started = performance.now();
    const outcome = await runCatalogueImport(ctx, { print: () => {} });
    ctx.log.info(
      { ...outcome.summary, ms: Math.round(performance.now() - started) },
      'procedure catalogue imported',
    );
    return [];
  },
};
