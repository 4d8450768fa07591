/**
 * Public pages of administrative units: `GET /don-vi-hanh-chinh?q=&ngay=&cap=&thuoc=&sau=` (search
 * form and results) and `GET /don-vi-hanh-chinh/{code}?ngay=` (a unit on a date, with what it was
 * merged from or into). Plain GET forms: they work without JavaScript.
 */
import { readFileSync } from 'node:fs';
import type { FastifyRequest } from 'fastify';
import { AppError, notFound, validationError } from '../../platform/errors.js';
import { type Lang, translator } from '../../platform/html/i18n.js';
import type { App } from '../../platform/http/app-type.js';
import { pageContext } from '../../platform/http/lang.js';
import type { AppContext } from '../../platform/module.js';
import {
  findUnitVersions,
  getUnitDetail,
  searchUnits,
  type UnitSearchPage,
  unitAt,
} from './admin-units.service.js';
import type { UnitLevel } from './import/index.js';
import { readTypedDate, vietnamDate } from './unit-search.js';
import { m } from './views/messages.js';
import { PAGES_PATH, STYLESHEET_PATH, searchHref } from './views/parts.js';
import { NotInForceView, UnitDetailView } from './views/unit-detail.view.js';
import { resultsCaption, type SearchForm, UnitSearchView } from './views/unit-search.view.js';

const STYLESHEET = readFileSync(new URL('./views/admin-units.css', import.meta.url), 'utf8');
const LEVELS: readonly string[] = ['province', 'district', 'commune'];
const PAGE_SIZE = 20;

/** One value of a query parameter (the first when repeated), trimmed. */
function param(req: FastifyRequest, name: string): string {
  const value = (req.query as Record<string, unknown> | undefined)?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first.trim() : '';
}

function checkForm(form: SearchForm, lang: Lang): { field: string; text: string }[] {
  const t = translator(lang);
  const errors: { field: string; text: string }[] = [];
  if (form.q.length > 100) errors.push({ field: 'q', text: t(m.queryTooLong) });
  if (!readTypedDate(form.ngay)) errors.push({ field: 'ngay', text: t(m.invalidDate) });
  if (form.cap && !LEVELS.includes(form.cap)) errors.push({ field: 'cap', text: t(m.invalidLevel) });
  if (form.thuoc && !/^(\d{2}|\d{3})$/.test(form.thuoc)) errors.push({ field: '', text: t(m.invalidParent) });
  return errors;
}

async function findPage(
  ctx: Pick<AppContext, 'db'>,
  form: SearchForm,
  after: string,
): Promise<UnitSearchPage> {
  const browsing = !form.q && !form.cap && !form.thuoc;
  return searchUnits(ctx.db, {
    q: form.q || undefined,
    level: browsing ? 'province' : ((form.cap || undefined) as UnitLevel | undefined),
    parent: form.thuoc || undefined,
    at: form.ngay,
    limit: browsing ? 100 : PAGE_SIZE,
    after: after || undefined,
  });
}

async function caption(ctx: Pick<AppContext, 'db'>, form: SearchForm, lang: Lang): Promise<string> {
  if (form.thuoc) {
    const parent = await unitAt(ctx.db, form.thuoc, form.ngay);
    return resultsCaption(lang, 'children', form.ngay, parent?.fullName ?? form.thuoc);
  }
  return resultsCaption(lang, !form.q && !form.cap ? 'provinces' : 'search', form.ngay);
}

export function registerAdminUnitPages(app: App, ctx: Pick<AppContext, 'db' | 'clock'>) {
  app.get(STYLESHEET_PATH, { config: { access: 'public' }, schema: { hide: true } }, async (_req, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=86400').send(STYLESHEET),
  );

  app.get(PAGES_PATH, { config: { access: 'public' } }, async (req, reply) => {
    const page = pageContext(req);
    const form: SearchForm = {
      q: param(req, 'q'),
      ngay: param(req, 'ngay') || vietnamDate(ctx.clock.now()),
      cap: param(req, 'cap'),
      thuoc: param(req, 'thuoc'),
    };
    const after = param(req, 'sau');
    const errors = checkForm(form, page.lang);
    form.ngay = readTypedDate(form.ngay) ?? form.ngay;
    if (errors.length > 0) {
      return reply
        .status(400)
        .html(<UnitSearchView ctx={page} form={form} errors={errors} results={undefined} />);
    }
    let found: UnitSearchPage;
    try {
      found = await findPage(ctx, form, after);
    } catch (err) {
      if (!(err instanceof AppError) || err.kind !== 'validation') throw err;
      const invalid = [{ field: '', text: translator(page.lang)(m.invalidPage) }];
      return reply
        .status(400)
        .html(<UnitSearchView ctx={page} form={form} errors={invalid} results={undefined} />);
    }
    const { q, ngay, cap, thuoc } = form;
    const results = {
      caption: await caption(ctx, form, page.lang),
      at: found.at,
      items: found.items,
      nextHref: found.next ? searchHref({ q, ngay, cap, thuoc, sau: found.next }) : null,
      firstHref: after ? searchHref({ q, ngay, cap, thuoc }) : null,
    };
    return reply.html(<UnitSearchView ctx={page} form={form} errors={[]} results={results} />);
  });

  app.get<{ Params: { code: string } }>(
    `${PAGES_PATH}/:code`,
    { config: { access: 'public' } },
    async (req, reply) => {
      const page = pageContext(req);
      const code = req.params.code;
      if (!/^\d{2,5}$/.test(code)) {
        throw notFound('admin_unit.not_found', { vi: 'Không có đơn vị hành chính này', en: 'No such unit' });
      }
      const typed = param(req, 'ngay');
      const at = typed ? readTypedDate(typed) : vietnamDate(ctx.clock.now());
      if (!at) {
        throw validationError('admin_unit.invalid_date', m.invalidDate, [
          { field: 'ngay', message: m.invalidDate },
        ]);
      }
      try {
        const detail = await getUnitDetail(ctx.db, code, at);
        return reply.html(<UnitDetailView ctx={page} detail={detail} />);
      } catch (err) {
        if (!(err instanceof AppError) || err.kind !== 'not_found') throw err;
        const versions = await findUnitVersions(ctx.db, code);
        if (versions.length === 0) throw err;
        return reply.status(404).html(<NotInForceView ctx={page} code={code} at={at} versions={versions} />);
      }
    },
  );
}
