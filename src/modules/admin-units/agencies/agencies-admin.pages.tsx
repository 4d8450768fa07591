/**
 * Administration pages of agencies (quản trị cơ quan), server-rendered, no JavaScript:
 * `GET /quan-tri/co-quan?q=` list and search; `GET /quan-tri/co-quan/moi` + `POST /quan-tri/co-quan`
 * create (system administrators); `GET|POST /quan-tri/co-quan/{code}` edit, and
 * `POST /quan-tri/co-quan/{code}/ma-dinh-danh` change the identifier code from a date (agency
 * administrators of the agency or one above it, and system administrators). Post-redirect-get;
 * a bad form is shown again with a message next to each field. agency_history records the officer.
 */
import { readFileSync } from 'node:fs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { auditActorOf } from '../../../platform/audit/actor.js';
import { validationError } from '../../../platform/errors.js';
import { translator } from '../../../platform/html/i18n.js';
import type { Role } from '../../../platform/http/access.js';
import type { App } from '../../../platform/http/app-type.js';
import { pageContext } from '../../../platform/http/lang.js';
import { newId } from '../../../platform/ids.js';
import type { AppContext } from '../../../platform/module.js';
import { selectAgencyHistory } from './agencies.repository.js';
import { changeAgencyCode, createAgency, updateAgency } from './agencies.service.js';
import { assertMayAdministerAgency, isSystemAdministrator, notYourAgency } from './agency-admin-access.js';
import {
  type Agency,
  agencyCodeHistory,
  findAgency,
  findAgencyByCode,
  getAgencyByCode,
  listAgencies,
} from './agency-lookup.service.js';
import { vietnamDate } from './agency-rules.js';
import { agencyTree } from './agency-tree.js';
import { ADMIN_CSS_PATH, type FormError, formErrors, formValue } from './views/admin-form.js';
import { am } from './views/agencies-admin.messages.js';
import {
  ADMIN_AGENCIES_PATH,
  AgencyAdminPage,
  type AgencyFormValues,
  AgencyListPage,
  agencyAdminHref,
  NewAgencyPage,
} from './views/agencies-admin.view.js';

const CSS = readFileSync(new URL('./views/admin.css', import.meta.url), 'utf8');
const ADMINS: readonly Role[] = ['agency_admin', 'system_admin'];
const SYSTEM: readonly Role[] = ['system_admin'];
type Deps = Pick<AppContext, 'db' | 'clock'>;
type CodeParams = { Params: { code: string } };

const queryValue = (req: FastifyRequest, name: string) => {
  const v = (req.query as Record<string, unknown> | undefined)?.[name];
  return typeof v === 'string' ? v.trim() : '';
};

const actorOf = (req: FastifyRequest) => auditActorOf(req.principal, req.ip);

/** The create form's hidden key as sent back (a printable ASCII token), or a fresh one. */
const formKeyOf = (req: FastifyRequest) => {
  const key = formValue(req, 'form-key');
  return /^[\x21-\x7e]{1,200}$/u.test(key) ? key : newId();
};

function readForm(req: FastifyRequest): AgencyFormValues {
  const names = ['code', 'codeValidFrom', 'codeSource', 'name', 'kind', 'parentCode', 'units'] as const;
  const values = Object.fromEntries(names.map((n) => [n, formValue(req, n)])) as Record<string, string>;
  return {
    ...(values as unknown as AgencyFormValues),
    address: formValue(req, 'address'),
    phone: formValue(req, 'phone'),
    email: formValue(req, 'email'),
  };
}

const splitUnits = (text: string) => text.split(/[\s,;]+/u).filter((u) => u !== '');

function formOf(agency: Agency, parentCode: string): AgencyFormValues {
  return {
    code: agency.code,
    codeValidFrom: '',
    codeSource: '',
    name: agency.name,
    kind: agency.kind,
    parentCode,
    units: agency.units.join(', '),
    address: agency.address ?? '',
    phone: agency.phone ?? '',
    email: agency.email ?? '',
  };
}

/** The parent named by its code, or a field error on `parentCode`. */
async function resolveParent(deps: Deps, code: string): Promise<string | null> {
  if (code === '') return null;
  const lang = { vi: am.parentMissing.vi, en: am.parentMissing.en };
  const parent = await findAgencyByCode(deps.db, code, deps.clock.now()).catch(() => undefined);
  if (!parent) throw validationError('agency.invalid_parent', lang, [{ field: 'parentCode', message: lang }]);
  return parent.id;
}

const renameParentField = (errors: FormError[]) =>
  errors.map((e) => (e.field === 'parentId' ? { ...e, field: 'parentCode' } : e));

async function showAgency(
  deps: Deps,
  req: FastifyRequest,
  reply: FastifyReply,
  agency: Agency,
  extra: Partial<{
    values: AgencyFormValues;
    errors: FormError[];
    codeValues: { code: string; effectiveFrom: string; source: string };
    codeErrors: FormError[];
    notice: string;
  }> = {},
) {
  const parent = agency.parentId ? await findAgency(deps.db, agency.parentId, deps.clock.now()) : undefined;
  const history = await selectAgencyHistory(deps.db, agency.id);
  return reply.html(
    <AgencyAdminPage
      ctx={pageContext(req)}
      csrf={reply.generateCsrf()}
      agency={agency}
      values={extra.values ?? formOf(agency, parent?.code ?? '')}
      errors={extra.errors ?? []}
      codeValues={extra.codeValues ?? { code: '', effectiveFrom: vietnamDate(deps.clock.now()), source: '' }}
      codeErrors={extra.codeErrors ?? []}
      periods={await agencyCodeHistory(deps.db, agency.id)}
      history={history.map((h) => ({ action: h.action, actor: h.actor, at: new Date(h.at) }))}
      notice={extra.notice}
    />,
  );
}

/** The agency of the URL, once the caller is known to administer it. */
async function administeredAgency(deps: Deps, req: FastifyRequest<CodeParams>): Promise<Agency> {
  const agency = await getAgencyByCode(deps.db, req.params.code, deps.clock.now());
  await assertMayAdministerAgency(deps.db, req.principal, agency.id);
  return agency;
}

const NOTICES = { saved: am.saved, created: am.created, code: am.codeChanged } as const;

export function registerAgencyAdminPages(app: App, deps: Deps) {
  app.get(ADMIN_CSS_PATH, { config: { access: 'public' } }, async (_req, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=86400').send(CSS),
  );

  app.get(ADMIN_AGENCIES_PATH, { config: { access: { officer: ADMINS } } }, async (req, reply) => {
    const q = queryValue(req, 'q');
    if (q === '') {
      return reply.html(
        <AgencyListPage
          ctx={pageContext(req)}
          q={q}
          items={[]}
          parentNames={new Map()}
          next={null}
          canCreate={isSystemAdministrator(req.principal)}
          tree={await agencyTree(deps.db, deps.clock.now())}
        />,
      );
    }
    const page = await listAgencies(deps.db, {
      q: q || undefined,
      after: queryValue(req, 'sau') || undefined,
      limit: 50,
      at: deps.clock.now(),
    });
    const parentIds = [...new Set(page.items.map((a) => a.parentId).filter((id): id is string => !!id))];
    const parents = await Promise.all(parentIds.map((id) => findAgency(deps.db, id, deps.clock.now())));
    const parentNames = new Map(parents.filter((p) => !!p).map((p) => [p!.id, p!.name]));
    return reply.html(
      <AgencyListPage
        ctx={pageContext(req)}
        q={q}
        items={page.items}
        parentNames={parentNames}
        next={page.next}
        canCreate={isSystemAdministrator(req.principal)}
      />,
    );
  });

  app.get(`${ADMIN_AGENCIES_PATH}/moi`, { config: { access: { officer: SYSTEM } } }, async (req, reply) => {
    const values = readForm({ body: {} } as FastifyRequest);
    values.kind = 'commune_committee';
    values.codeValidFrom = vietnamDate(deps.clock.now());
    return reply.html(
      <NewAgencyPage
        ctx={pageContext(req)}
        csrf={reply.generateCsrf()}
        formKey={newId()}
        values={values}
        errors={[]}
      />,
    );
  });

  app.post(ADMIN_AGENCIES_PATH, { config: { access: { officer: SYSTEM } } }, async (req, reply) => {
    const v = readForm(req);
    const formKey = formKeyOf(req);
    try {
      const parentId = await resolveParent(deps, v.parentCode);
      const agency = await createAgency(
        deps,
        {
          code: v.code,
          codeValidFrom: v.codeValidFrom || undefined,
          codeSource: v.codeSource || null,
          kind: v.kind,
          name: v.name,
          parentId,
          units: splitUnits(v.units),
          address: v.address,
          phone: v.phone,
          email: v.email,
        } as Parameters<typeof createAgency>[1],
        actorOf(req),
        formKey,
      );
      return reply.redirect(`${agencyAdminHref(agency.code)}?ok=created`, 303);
    } catch (e) {
      const errors = formErrors(e, req.lang, (code) => (code === 'agency.code_taken' ? 'code' : undefined));
      if (!errors) throw e;
      reply.status(400);
      return reply.html(
        <NewAgencyPage
          ctx={pageContext(req)}
          csrf={reply.generateCsrf()}
          formKey={formKey}
          values={v}
          errors={renameParentField(errors)}
        />,
      );
    }
  });

  app.get<CodeParams>(
    `${ADMIN_AGENCIES_PATH}/:code`,
    { config: { access: { officer: ADMINS } } },
    async (req, reply) => {
      const agency = await administeredAgency(deps, req);
      const ok = queryValue(req, 'ok') as keyof typeof NOTICES;
      const notice = NOTICES[ok] ? translator(req.lang)(NOTICES[ok]) : undefined;
      return showAgency(deps, req, reply, agency, notice ? { notice } : {});
    },
  );

  app.post<CodeParams>(
    `${ADMIN_AGENCIES_PATH}/:code`,
    { config: { access: { officer: ADMINS } } },
    async (req, reply) => {
      const agency = await administeredAgency(deps, req);
      const v = readForm(req);
      try {
        const parentId = await resolveParent(deps, v.parentCode);
        if (parentId !== agency.parentId) {
          if (parentId === null && !isSystemAdministrator(req.principal)) throw notYourAgency();
          if (parentId) await assertMayAdministerAgency(deps.db, req.principal, parentId);
        }
        const input = { kind: v.kind, name: v.name, parentId, units: splitUnits(v.units) };
        const saved = await updateAgency(
          deps,
          agency.id,
          { ...input, address: v.address, phone: v.phone, email: v.email },
          actorOf(req),
        );
        return reply.redirect(`${agencyAdminHref(saved.code)}?ok=saved`, 303);
      } catch (e) {
        const errors = formErrors(e, req.lang);
        if (!errors) throw e;
        reply.status(400);
        return showAgency(deps, req, reply, agency, { values: v, errors: renameParentField(errors) });
      }
    },
  );

  app.post<CodeParams>(
    `${ADMIN_AGENCIES_PATH}/:code/ma-dinh-danh`,
    { config: { access: { officer: ADMINS } } },
    async (req, reply) => {
      const agency = await administeredAgency(deps, req);
      const cv = {
        code: formValue(req, 'newCode'),
        effectiveFrom: formValue(req, 'effectiveFrom'),
        source: formValue(req, 'source'),
      };
      try {
        const saved = await changeAgencyCode(
          deps,
          agency.id,
          { code: cv.code, effectiveFrom: cv.effectiveFrom || undefined, source: cv.source || null },
          actorOf(req),
        );
        return reply.redirect(`${agencyAdminHref(saved.code)}?ok=code`, 303);
      } catch (e) {
        const errors = formErrors(e, req.lang, (code) =>
          code === 'agency.code_change_too_early' ? 'effectiveFrom' : 'newCode',
        );
        if (!errors) throw e;
        const codeErrors = errors.map((x) => (x.field === 'code' ? { ...x, field: 'newCode' } : x));
        reply.status(400);
        return showAgency(deps, req, reply, agency, { codeValues: cv, codeErrors });
      }
    },
  );
}
