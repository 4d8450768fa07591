/**
 * JSON API of agencies (read only): `GET /api/v1/agencies` and `GET /api/v1/agencies/{code}`. Creating
 * and editing agencies needs officers and roles (the identity module), so no write route exists yet.
 */
import type { App } from '../../../platform/http/app-type.js';
import type { AppContext } from '../../../platform/module.js';
import {
  AgencyAtQuery,
  AgencyCodeParams,
  AgencyDetailSchema,
  AgencyListQuery,
  AgencyPageSchema,
  agencyJson,
  agencySummaryJson,
} from './agencies.schemas.js';
import {
  agencyCodeHistory,
  childAgencies,
  findAgency,
  getAgencyByCode,
  listAgencies,
} from './agency-lookup.service.js';

const tags = ['agencies'];

export function registerAgencyApi(app: App, ctx: Pick<AppContext, 'db' | 'clock'>) {
  app.get(
    '/api/v1/agencies',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Danh sách cơ quan / List agencies',
        description:
          'Agencies holding an identifier code on `at` (default today), by name, keyset-paginated: pass `next` as `after`. ' +
          'Filters combine: `kind`, `unit` served, `parent` (the code of the agency directly above), `q` (name or code).',
        querystring: AgencyListQuery,
        response: { 200: AgencyPageSchema },
      },
    },
    async (req) => {
      const page = await listAgencies(ctx.db, { ...req.query, at: req.query.at ?? ctx.clock.now() });
      return { items: page.items.map(agencyJson), next: page.next };
    },
  );

  app.get(
    '/api/v1/agencies/:code',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Cơ quan theo mã định danh / Agency by identifier code',
        description:
          'The agency that held the code on `at` (default today); old codes answer at their dates.',
        params: AgencyCodeParams,
        querystring: AgencyAtQuery,
        response: { 200: AgencyDetailSchema },
      },
    },
    async (req) => {
      const at = req.query.at ?? ctx.clock.now();
      const agency = await getAgencyByCode(ctx.db, req.params.code, at);
      const parent = agency.parentId ? await findAgency(ctx.db, agency.parentId, at) : undefined;
      return {
        ...agencyJson(agency),
        parent: parent ? agencySummaryJson(parent) : null,
        children: (await childAgencies(ctx.db, agency.id, at)).map(agencySummaryJson),
        codes: await agencyCodeHistory(ctx.db, agency.id),
      };
    },
  );
}
