/**
 * Public pages of the procedure catalogue (issue 5 item 9), all plain GET pages that work without
 * JavaScript:
 * - `/thu-tuc?q=&field=&level=&agency=&online=&cursor=`: search and browse;
 * - `/thu-tuc/linh-vuc`: every field; `/thu-tuc/linh-vuc/{slug}/ma-qr`: a field's QR sheet to print;
 * - `/thu-tuc/{code}?at=YYYY-MM-DD`: a procedure in plain language; `/thu-tuc/{code}/ban-in`: printable.
 */
import { readFileSync } from 'node:fs';
import type { FastifyRequest } from 'fastify';
import { AppError, notFound, validationError } from '../../platform/errors.js';
import { translator } from '../../platform/html/i18n.js';
import type { App } from '../../platform/http/app-type.js';
import { pageContext } from '../../platform/http/lang.js';
import type { AppContext } from '../../platform/module.js';
import { versionAt } from './catalogue.service.js';
import { catalogueFacets, searchProcedures } from './search/search.service.js';
import { readProcedureSearchQuery } from './search/search-query.js';
import { FieldQrPage, FieldsPage } from './views/fields.view.js';
import { fill, m } from './views/messages.js';
import { CATALOGUE_PATH, FIELDS_PATH, procedureHref, STYLESHEET_PATH, searchHref } from './views/parts.js';
import { ProcedurePage, ProcedurePrintPage } from './views/procedure.view.js';
import { ProcedureSearchPage, type SearchForm } from './views/procedure-search.view.js';
import { endOfVietnamDay, fieldSlug, readDay, vietnamDay } from './views/public-format.js';
import { qrSvg } from './views/qr.js';

const STYLESHEET = readFileSync(new URL('./assets/catalogue.css', import.meta.url), 'utf8');
/** Codes of the national database (1.001193) and local codes: letters, digits, dots, dashes. */
const CODE = /^[0-9A-Za-z][0-9A-Za-z._-]{0,39}$/;
/** A field's QR sheet lists at most this many procedures (pages of 100). */
const QR_SHEET_PAGES = 10;

type Ctx = Pick<AppContext, 'db' | 'clock' | 'config'>;

const noProcedure = () =>
  notFound('catalogue.not_found', { vi: 'Không có thủ tục này', en: 'No such procedure' });

/** One value of a query parameter (the first when repeated), trimmed. */
function param(req: FastifyRequest, name: string): string {
  const value = (req.query as Record<string, unknown> | undefined)?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first.trim() : '';
}

async function searchPage(ctx: Ctx, req: FastifyRequest) {
  const page = pageContext(req);
  const form: SearchForm = {
    q: param(req, 'q'),
    field: param(req, 'field'),
    level: param(req, 'level'),
    agency: param(req, 'agency'),
    online: param(req, 'online'),
  };
  const cursor = param(req, 'cursor');
  const facets = await catalogueFacets(ctx.db);
  try {
    const query = readProcedureSearchQuery({ ...form, cursor });
    const found = await searchProcedures(ctx.db, query, ctx.clock.now());
    const results = {
      ...found,
      nextHref: found.next ? searchHref({ ...form, cursor: found.next }) : null,
      firstHref: cursor ? searchHref({ ...form }) : null,
    };
    return {
      status: 200,
      view: <ProcedureSearchPage ctx={page} form={form} facets={facets} errors={[]} results={results} />,
    };
  } catch (err) {
    if (!(err instanceof AppError) || err.kind !== 'validation') throw err;
    const errors = (err.fields.length > 0 ? err.fields : [{ field: '', message: err.text }]).map((f) => ({
      field: f.field === 'cursor' ? '' : f.field,
      text: f.message[page.lang],
    }));
    return {
      status: 400,
      view: (
        <ProcedureSearchPage ctx={page} form={form} facets={facets} errors={errors} results={undefined} />
      ),
    };
  }
}

/** The version to show: in force now, or at the end of the day asked for with ?at=. */
async function shownVersion(ctx: Ctx, req: FastifyRequest<{ Params: { code: string } }>) {
  const code = req.params.code;
  if (!CODE.test(code)) throw noProcedure();
  const typed = param(req, 'at');
  const at = typed ? readDay(typed) : null;
  if (at === undefined) {
    const message = {
      vi: 'Ngày không hợp lệ: hãy viết YYYY-MM-DD, ví dụ 2025-07-01',
      en: 'Not a valid date: write YYYY-MM-DD, e.g. 2025-07-01',
    };
    throw validationError('catalogue.invalid_date', message, [{ field: 'at', message }]);
  }
  const now = ctx.clock.now();
  const version = await versionAt(ctx.db, code, at ? endOfVietnamDay(at) : now);
  return { version, at, today: vietnamDay(now) };
}

/** Every procedure of a field, in name order, for its QR sheet. */
async function proceduresOfField(ctx: Ctx, field: string) {
  const procedures: { code: string; name: string }[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < QR_SHEET_PAGES; i++) {
    const found = await searchProcedures(
      ctx.db,
      { field, limit: 100, ...(cursor ? { cursor } : {}) },
      ctx.clock.now(),
    );
    procedures.push(...found.hits.map((h) => ({ code: h.code, name: h.name })));
    if (!found.next) break;
    cursor = found.next;
  }
  return procedures;
}

export function registerCataloguePages(app: App, ctx: Ctx) {
  app.get(STYLESHEET_PATH, { config: { access: 'public' }, schema: { hide: true } }, async (_req, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=86400').send(STYLESHEET),
  );

  app.get(CATALOGUE_PATH, { config: { access: 'public' } }, async (req, reply) => {
    const { status, view } = await searchPage(ctx, req);
    return reply.status(status).html(view);
  });

  app.get(FIELDS_PATH, { config: { access: 'public' } }, async (req, reply) => {
    const facets = await catalogueFacets(ctx.db);
    return reply.html(<FieldsPage ctx={pageContext(req)} fields={facets.fields} />);
  });

  app.get<{ Params: { fieldSlug: string } }>(
    `${FIELDS_PATH}/:fieldSlug/ma-qr`,
    { config: { access: 'public' } },
    async (req, reply) => {
      const page = pageContext(req);
      const facets = await catalogueFacets(ctx.db);
      const field = facets.fields.find((f) => fieldSlug(f.name) === req.params.fieldSlug)?.name;
      if (!field)
        throw notFound('catalogue.field_not_found', { vi: 'Không có lĩnh vực này', en: 'No such field' });
      const url = `${ctx.config.baseUrl}${searchHref({ field })}`;
      const svg = await qrSvg(url, fill(translator(page.lang)(m.qrOf), { url }));
      const procedures = await proceduresOfField(ctx, field);
      const today = vietnamDay(ctx.clock.now());
      return reply.html(
        <FieldQrPage ctx={page} field={field} url={url} qrSvg={svg} procedures={procedures} today={today} />,
      );
    },
  );

  app.get<{ Params: { code: string } }>(
    `${CATALOGUE_PATH}/:code`,
    { config: { access: 'public' } },
    async (req, reply) => {
      const shown = await shownVersion(ctx, req);
      return reply.html(<ProcedurePage ctx={pageContext(req)} {...shown} />);
    },
  );

  app.get<{ Params: { code: string } }>(
    `${CATALOGUE_PATH}/:code/ban-in`,
    { config: { access: 'public' } },
    async (req, reply) => {
      const page = pageContext(req);
      const shown = await shownVersion(ctx, req);
      const pageUrl = `${ctx.config.baseUrl}${procedureHref(shown.version.code)}`;
      const svg = await qrSvg(pageUrl, fill(translator(page.lang)(m.qrOf), { url: pageUrl }));
      return reply.html(<ProcedurePrintPage ctx={page} {...shown} qrSvg={svg} pageUrl={pageUrl} />);
    },
  );
}
