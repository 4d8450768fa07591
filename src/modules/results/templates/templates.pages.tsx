/**
 * Administration of result templates (quản trị mẫu kết quả), server-rendered, no JavaScript needed:
 * `/quan-tri/mau-ket-qua` procedures and their templates; `/quan-tri/mau-ket-qua/{code}?agency=`
 * the form of one scope (an agency's id, or `toan-tinh`), rows added and moved by submit buttons,
 * post-redirect-get, errors next to the fields with what was typed kept; `…/xem-truoc.pdf?agency=`
 * the saved template drawn on sample data. Agency administrators covering the agency, agency
 * administrators of the province's root for the province-wide template, system administrators.
 */
import { readFileSync } from 'node:fs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { auditActorOf } from '../../../platform/audit/actor.js';
import { AppError, notFound } from '../../../platform/errors.js';
import { translator } from '../../../platform/html/i18n.js';
import type { Role } from '../../../platform/http/access.js';
import type { App } from '../../../platform/http/app-type.js';
import { pageContext } from '../../../platform/http/lang.js';
import { formatVietnamDateTime } from '../../../platform/pdf/index.js';
import { type FormError, formErrors } from '../../admin-units/index.js';
import type { ResultTemplate } from './template.js';
import { selectProcedureList } from './templates.repository.js';
import {
  type Deps,
  getProcedureFacts,
  notAllowed,
  type ProcedureFacts,
  previewTemplate,
  type Rights,
  rightsOf,
  saveTemplate,
  templateOfScope,
} from './templates.service.js';
import { tm } from './views/templates.messages.js';
import {
  PROVINCE_PARAM,
  TEMPLATES_CSS_PATH,
  TEMPLATES_PATH,
  TemplateFormPage,
  type TemplateFormState,
  TemplateListPage,
  templateHref,
} from './views/templates.view.js';

const CSS = readFileSync(new URL('./views/templates.css', import.meta.url), 'utf8');
const ADMINS: readonly Role[] = ['agency_admin', 'system_admin'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
type CodeParams = { Params: { procedureCode: string } };

const str = (source: unknown, name: string): string => {
  const v = (source as Record<string, unknown> | undefined)?.[name];
  const first = Array.isArray(v) ? v[0] : v;
  return typeof first === 'string' ? first.trim() : '';
};

/** The scope asked for: `toan-tinh` → the province (null), an agency id, or the caller's first scope. */
function scopeOf(req: FastifyRequest, rights: Rights): string | null {
  const raw = str(req.body, 'agency') || str(req.query, 'agency');
  if (raw === PROVINCE_PARAM) return null;
  if (raw) {
    if (!UUID.test(raw) || !rights.tree.nameOf(raw))
      throw notFound('results.template_agency_not_found', {
        vi: 'Không tìm thấy cơ quan này.',
        en: 'No such agency.',
      });
    return raw.toLowerCase();
  }
  const p = req.principal;
  const own = p?.kind === 'officer' ? p.grants.find((g) => g.role === 'agency_admin')?.agencyId : undefined;
  const first = rights.scopes.find((s) => s.agencyId === own) ?? rights.scopes[0];
  if (!first) throw notAllowed();
  return first.agencyId;
}

const stateOf = (t: ResultTemplate): TemplateFormState => ({
  title: t.title,
  symbolKind: t.symbolKind,
  intro: t.intro ?? '',
  grantLine: t.grantLine ?? '',
  closing: t.closing ?? '',
  validityMonths: t.validityMonths === null ? '' : String(t.validityMonths),
  signerTitle: t.signerTitle ?? '',
  fields: t.fields.map((f) => ({ label: f.label, source: f.source })),
});

function typedState(body: unknown): TemplateFormState {
  const count = Math.min(50, Math.max(0, Number.parseInt(str(body, 'field-count'), 10) || 0));
  return {
    title: str(body, 'title'),
    symbolKind: str(body, 'symbolKind'),
    intro: str(body, 'intro'),
    grantLine: str(body, 'grantLine'),
    closing: str(body, 'closing'),
    validityMonths: str(body, 'validityMonths'),
    signerTitle: str(body, 'signerTitle'),
    fields: Array.from({ length: count }, (_, i) => ({
      label: str(body, `field-${i}-label`),
      source: str(body, `field-${i}-source`),
    })),
  };
}

/** A row button (add, remove, up, down) applied to the typed rows; null for "save". */
function rowAction(body: unknown, s: TemplateFormState): TemplateFormState | null {
  const action = str(body, 'action');
  const rows = [...s.fields];
  if (action === 'add-field') rows.push({ label: '', source: 'applicant.name' });
  else {
    const m = /^(remove|up|down)-field-(\d{1,2})$/.exec(action);
    if (!m) return null;
    const i = Number(m[2]);
    if (i < rows.length) {
      const [row] = rows.splice(i, 1);
      if (m[1] === 'up') rows.splice(Math.max(0, i - 1), 0, row!);
      if (m[1] === 'down') rows.splice(Math.min(rows.length, i + 1), 0, row!);
    }
  }
  return { ...s, fields: rows };
}

interface Shown {
  procedure: ProcedureFacts;
  rights: Rights;
  agencyId: string | null;
  state: TemplateFormState;
  errors: FormError[];
  savedHref?: string;
}

async function show(deps: Deps, req: FastifyRequest, reply: FastifyReply, x: Shown, rowVersion?: number) {
  const { template, saved } = await templateOfScope(deps.db, x.procedure, x.agencyId);
  const savedAt = template.updatedAt ? formatVietnamDateTime(template.updatedAt) : undefined;
  const kind = saved
    ? x.agencyId === null
      ? 'province'
      : 'own'
    : template.origin === 'province'
      ? 'fromProvince'
      : 'fromDefault';
  const ok = str(req.query, 'ok') === 'saved' && req.method === 'GET';
  return reply.html(
    <TemplateFormPage
      ctx={pageContext(req)}
      csrf={reply.generateCsrf()}
      procedure={x.procedure}
      scopes={x.rights.scopes}
      agencyId={x.agencyId}
      status={{ kind, ...(savedAt ? { savedAt } : {}) }}
      rowVersion={rowVersion ?? template.rowVersion}
      state={x.state}
      errors={x.errors}
      notice={ok ? translator(req.lang)(tm.saved) : undefined}
      savedHref={x.savedHref}
    />,
  );
}

async function target(deps: Deps, req: FastifyRequest<CodeParams>) {
  const procedure = await getProcedureFacts(deps.db, req.params.procedureCode);
  const rights = await rightsOf(deps.db, req.principal);
  const agencyId = scopeOf(req, rights);
  if (!rights.may(agencyId)) throw notAllowed();
  return { procedure, rights, agencyId };
}

export function registerResultTemplatePages(app: App, deps: Deps) {
  const officers = { config: { access: { officer: ADMINS } } };
  app.get(TEMPLATES_CSS_PATH, { config: { access: 'public' } }, async (_req, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=86400').send(CSS),
  );

  app.get(TEMPLATES_PATH, officers, async (req, reply) => {
    const q = str(req.query, 'q').slice(0, 200);
    const after = str(req.query, 'sau') || null;
    const rights = await rightsOf(deps.db, req.principal);
    const agencyIds = rights.scopes.flatMap((s) => (s.agencyId ? [s.agencyId] : []));
    const rows = await selectProcedureList(deps.db, { q, after, limit: 51, agencyIds });
    const t = translator(req.lang);
    const items = rows.slice(0, 50).map((r) => ({
      code: r.code,
      name: r.name,
      resultName: r.resultName,
      saved: r.templateScopes.map((id) => (id === null ? t(tm.province) : (rights.tree.nameOf(id) ?? id))),
    }));
    return reply.html(
      <TemplateListPage
        ctx={pageContext(req)}
        q={q}
        items={items}
        next={rows.length > 50 ? (rows[49]?.code ?? null) : null}
        after={after}
        agencies={rights.scopes.map((s) => (s.agencyId === null ? t(tm.province) : s.name))}
      />,
    );
  });

  app.get<CodeParams>(`${TEMPLATES_PATH}/:procedureCode`, officers, async (req, reply) => {
    const x = await target(deps, req);
    const { template } = await templateOfScope(deps.db, x.procedure, x.agencyId);
    return show(deps, req, reply, { ...x, state: stateOf(template), errors: [] });
  });

  app.post<CodeParams>(`${TEMPLATES_PATH}/:procedureCode`, officers, async (req, reply) => {
    const x = await target(deps, req);
    const typed = typedState(req.body);
    const seen = Number.parseInt(str(req.body, 'rowVersion'), 10);
    const rowVersion = Number.isFinite(seen) && seen >= 0 ? seen : 0;
    const moved = rowAction(req.body, typed);
    if (moved) return show(deps, req, reply, { ...x, state: moved, errors: [] }, rowVersion);
    try {
      await saveTemplate(
        deps,
        { principal: req.principal, actor: auditActorOf(req.principal, req.ip) },
        x.procedure,
        { agencyId: x.agencyId, expectedRowVersion: rowVersion, input: typed },
      );
      return reply.redirect(`${templateHref(x.procedure.code, x.agencyId)}&ok=saved`, 303);
    } catch (e) {
      const errors = formErrors(e, req.lang);
      if (!errors) throw e;
      const changed = e instanceof AppError && e.code === 'results.template_changed';
      reply.status(changed ? 409 : 400);
      return show(
        deps,
        req,
        reply,
        {
          ...x,
          state: typed,
          errors,
          ...(changed ? { savedHref: templateHref(x.procedure.code, x.agencyId) } : {}),
        },
        // After a concurrent save the form carries the saved row version: saving again replaces it on purpose.
        changed ? undefined : rowVersion,
      );
    }
  });

  app.get<CodeParams>(`${TEMPLATES_PATH}/:procedureCode/xem-truoc.pdf`, officers, async (req, reply) => {
    const x = await target(deps, req);
    const pdf = await previewTemplate(deps, req.principal, x.procedure, x.agencyId);
    return reply
      .type('application/pdf')
      .header('content-disposition', `inline; filename="mau-ket-qua-${x.procedure.code}.pdf"`)
      .header('cache-control', 'no-store')
      .send(pdf);
  });
}
