/**
 * JSON API of administrative units (read only, public data): search, a unit at a date with its
 * parents and its place in the old→new crosswalk, and the latest import's anomaly report.
 */
import type { App } from '../../platform/http/app-type.js';
import type { AppContext } from '../../platform/module.js';
import {
  ImportReportQuery,
  ImportReportSchema,
  problemResponse,
  UnitAtQuery,
  UnitCodeParams,
  UnitDetailSchema,
  UnitListQuery,
  UnitSearchPageSchema,
} from './admin-units.schemas.js';
import { getUnitDetail, searchUnits } from './admin-units.service.js';
import { vietnamDate } from './unit-search.js';
import { getLatestImportReport } from './units-import.service.js';

const tags = ['admin-units'];
const invalid = problemResponse('A parameter is not valid: `errors` names each field (problem+json)');

export function registerAdminUnitApi(app: App, ctx: Pick<AppContext, 'db' | 'clock'>) {
  app.get(
    '/api/v1/admin-units',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Tra cứu đơn vị hành chính / Search administrative units',
        description:
          'Units in force on `at` (default today): by code or its start, by name without diacritics and with small ' +
          'typos, by level and parent. Best match first (code, code prefix, full name, name, name prefix, similar); ' +
          'without `q`, in code order. Keyset-paginated: pass `next` as `after`.',
        querystring: UnitListQuery,
        response: { 200: UnitSearchPageSchema, 400: invalid },
      },
    },
    async (req) => searchUnits(ctx.db, { ...req.query, at: req.query.at ?? vietnamDate(ctx.clock.now()) }),
  );

  app.get(
    '/api/v1/admin-units/import-report',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Báo cáo nhập dữ liệu gần nhất / Latest import report',
        description:
          'The anomalies the latest import found in the source files (codes that disagree, wrong codes, cleaned ' +
          'text, ...), in report order, optionally of one kind or about one code.',
        querystring: ImportReportQuery,
        response: { 200: ImportReportSchema, 400: invalid, 404: problemResponse('Nothing imported yet') },
      },
    },
    async (req) => {
      const report = await getLatestImportReport(ctx.db, req.query);
      return {
        import: { ...report.run, importedAt: report.run.importedAt.toISOString() },
        anomalies: report.anomalies,
        next: report.next,
      };
    },
  );

  app.get(
    '/api/v1/admin-units/:code',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Đơn vị hành chính theo mã / Administrative unit by code',
        description:
          'The unit version the code meant on `at` (default today; another code of a unit, such as 06970 for ' +
          '06978, finds it), its parent chain, and the crosswalk: predecessors (sáp nhập từ) of a unit from ' +
          '1/7/2025, successors (sáp nhập vào) of an older one, each whole or partial.',
        params: UnitCodeParams,
        querystring: UnitAtQuery,
        response: {
          200: UnitDetailSchema,
          400: invalid,
          404: problemResponse('No unit has this code on that date'),
        },
      },
    },
    async (req) => getUnitDetail(ctx.db, req.params.code, req.query.at ?? vietnamDate(ctx.clock.now())),
  );
}
