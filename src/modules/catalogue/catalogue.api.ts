/**
 * JSON API of the procedure catalogue (public data): search with filters and facets, and a
 * procedure's version in force now or at a past instant.
 */
import type { App } from '../../platform/http/app-type.js';
import type { AppContext } from '../../platform/module.js';
import {
  FacetsSchema,
  ProcedureAtQuery,
  ProcedureCodeParams,
  ProcedureListQuery,
  ProcedurePageSchema,
  ProcedureVersionSchema,
  problemResponse,
} from './search/search.schemas.js';
import { catalogueFacets, procedureAt, readInstant, searchProcedures } from './search/search.service.js';
import { readProcedureSearchQuery } from './search/search-query.js';

const tags = ['catalogue'];
const invalid = problemResponse('A parameter is not valid: `errors` names each field (problem+json)');
/** Public lists change when a version is published or comes into force: a minute of caching is safe. */
const CACHE = 'public, max-age=60';

export function registerCatalogueApi(app: App, ctx: Pick<AppContext, 'db' | 'clock'>) {
  app.get(
    '/api/v1/procedures',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Tra cứu thủ tục hành chính / Search procedures',
        description:
          'Procedures in force now, by words of the name (diacritics optional, small typos and everyday words such ' +
          'as "sổ đỏ" understood), by code or its start, or by local code; filtered by field, level, agency and ' +
          'online level. Best match first; without `q`, in name order. Keyset-paginated: pass `next` as `cursor`.',
        querystring: ProcedureListQuery,
        response: { 200: ProcedurePageSchema, 400: invalid },
      },
    },
    async (req, reply) => {
      const query = readProcedureSearchQuery(req.query as Record<string, unknown>);
      const page = await searchProcedures(ctx.db, query, ctx.clock.now());
      reply.header('cache-control', CACHE);
      return { items: page.hits, next: page.next, total: page.total, totalCapped: page.totalCapped };
    },
  );

  app.get(
    '/api/v1/procedures/facets',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Bộ lọc tra cứu thủ tục / Procedure search facets',
        description:
          'How many procedures in force each field, level, agency and online level has, largest first.',
        response: { 200: FacetsSchema },
      },
    },
    async (_req, reply) => {
      const facets = await catalogueFacets(ctx.db);
      reply.header('cache-control', CACHE);
      return facets;
    },
  );

  app.get(
    '/api/v1/procedures/:code',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Thủ tục theo mã / Procedure by code',
        description:
          'The published version in force now, or at `at` (a past instant), with its full content: agencies, ' +
          'components, channels and times, fees, legal basis, results, internal workflows.',
        params: ProcedureCodeParams,
        querystring: ProcedureAtQuery,
        response: {
          200: ProcedureVersionSchema,
          400: invalid,
          404: problemResponse('No procedure has this code, or none of its versions was in force then'),
        },
      },
    },
    async (req, reply) => {
      const at = req.query.at === undefined ? ctx.clock.now() : readInstant(req.query.at);
      const v = await procedureAt(ctx.db, req.params.code, at);
      reply.header('cache-control', CACHE);
      return {
        code: v.code,
        localCode: v.localCode,
        versionNumber: v.versionNumber,
        effectiveFrom: v.effectiveFrom.toISOString(),
        publishedAt: v.publishedAt.toISOString(),
        content: v.content,
      };
    },
  );
}
