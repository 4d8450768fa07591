/**
 * Administration pages of the catalogue (quản trị thủ tục), server-rendered, no JavaScript:
 * `/quan-tri/thu-tuc` list and search; `/quan-tri/thu-tuc/{code}` versions and history;
 * `…/phien-ban/{n}` a past version read-only; `…/ban-nhap` the draft (start with POST), its section
 * forms, an agency's workflow (`…/quy-trinh?co-quan=`), the preview, publish and discard.
 * Post-redirect-get; a bad form is shown again as typed with a message next to each field.
 */
import { readFileSync } from 'node:fs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { notFound } from '../../../platform/errors.js';
import { translator } from '../../../platform/html/i18n.js';
import type { App } from '../../../platform/http/app-type.js';
import { pageContext } from '../../../platform/http/lang.js';
import type { FormError } from '../../admin-units/index.js';
import { selectVersionAt, selectVersions } from '../catalogue.repository.js';
import { loadVersionContent } from '../version-content.repository.js';
import { vietnamToday } from './draft-rules.js';
import * as repo from './drafts.repository.js';
import {
  discardDraft,
  draftStatus,
  getDraft,
  getProcedure,
  type Procedure,
  publishDraft,
  startDraft,
} from './drafts.service.js';
import {
  ADMINS,
  bodyValue,
  type CodeParams,
  callerOf,
  type Deps,
  noticeOf,
  pageErrors,
  queryValue,
  rowVersionOf,
} from './page-helpers.js';
import { registerSectionPages } from './section-pages.js';
import { cm } from './views/catalogue-admin.messages.js';
import { DraftPage } from './views/draft.view.js';
import {
  ADMIN_PROCEDURES_PATH,
  adminProcedureHref,
  CATALOGUE_ADMIN_CSS_PATH,
  draftHref,
  draftRoute,
} from './views/form-parts.js';
import { ContentPage, ProcedureAdminPage, ProcedureListPage } from './views/procedure-admin.view.js';
import { registerWorkflowPages } from './workflow-pages.js';

const CSS = readFileSync(new URL('./views/catalogue-admin.css', import.meta.url), 'utf8');

async function showDraft(
  deps: Deps,
  req: FastifyRequest,
  reply: FastifyReply,
  procedure: Procedure,
  publish: { effectiveFrom: string; errors: FormError[] } = { effectiveFrom: '', errors: [] },
) {
  const draft = await getDraft(deps.db, procedure);
  const status = await draftStatus(deps, draft, req.principal);
  const now = deps.clock.now();
  const agencies = await repo.selectAgencyOptions(deps.db, now);
  const base = await deps.db
    .selectFrom('catalogue_procedure_versions')
    .select('version_number')
    .where('id', '=', draft.basedOnVersionId)
    .executeTakeFirstOrThrow();
  return reply.html(
    <DraftPage
      ctx={pageContext(req)}
      csrf={reply.generateCsrf()}
      code={procedure.code}
      content={draft.content}
      draft={{ ...draft, basedOn: base.version_number }}
      mayEditContent={status.rights.content}
      mayPublish={status.mayPublish && !status.unchanged}
      changes={{ unchanged: status.unchanged, ...status.changes }}
      workflowAgencies={agencies.filter((a) => status.rights.workflowOf(a.id))}
      agencyNames={new Map(agencies.map((a) => [a.code, a.name]))}
      publish={publish}
      today={vietnamToday(now)}
      notice={noticeOf(req)}
    />,
  );
}

export function registerCatalogueAdminPages(app: App, deps: Deps) {
  const officers = { config: { access: { officer: ADMINS } } };
  app.get(CATALOGUE_ADMIN_CSS_PATH, { config: { access: 'public' } }, async (_req, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=86400').send(CSS),
  );

  app.get(ADMIN_PROCEDURES_PATH, officers, async (req, reply) => {
    const q = queryValue(req, 'q').slice(0, 200);
    const after = queryValue(req, 'sau') || null;
    const rows = await repo.selectProcedureList(deps.db, { q, after, limit: 51 });
    const next = rows.length > 50 ? (rows[49]?.code ?? null) : null;
    return reply.html(
      <ProcedureListPage ctx={pageContext(req)} q={q} items={rows.slice(0, 50)} next={next} after={after} />,
    );
  });

  app.get<CodeParams>(`${ADMIN_PROCEDURES_PATH}/:code`, officers, async (req, reply) => {
    const procedure = await getProcedure(deps.db, req.params.code);
    const versions = await selectVersions(deps.db, procedure.id);
    const inForce = await selectVersionAt(deps.db, procedure.code, deps.clock.now());
    const draft = await repo.selectDraft(deps.db, procedure.id);
    return reply.html(
      <ProcedureAdminPage
        ctx={pageContext(req)}
        csrf={reply.generateCsrf()}
        code={procedure.code}
        current={inForce ? { ...inForce, content: await loadVersionContent(deps.db, inForce.id) } : null}
        versions={versions}
        hasDraft={draft !== undefined}
        notice={noticeOf(req)}
      />,
    );
  });

  app.get<{ Params: { code: string; number: string } }>(
    `${ADMIN_PROCEDURES_PATH}/:code/phien-ban/:number`,
    officers,
    async (req, reply) => {
      const procedure = await getProcedure(deps.db, req.params.code);
      const t = translator(req.lang);
      const version = (await selectVersions(deps.db, procedure.id)).find(
        (v) => String(v.versionNumber) === req.params.number,
      );
      if (!version)
        throw notFound('catalogue.version_not_found', {
          vi: `Thủ tục ${procedure.code} không có phiên bản ${req.params.number}`,
          en: `Procedure ${procedure.code} has no version ${req.params.number}`,
        });
      return reply.html(
        <ContentPage
          ctx={pageContext(req)}
          title={`${procedure.code} — ${t(cm.version)} ${version.versionNumber}`}
          note={t(cm.readOnly)}
          back={{ href: adminProcedureHref(procedure.code), text: t(cm.backToProcedure) }}
          content={await loadVersionContent(deps.db, version.id)}
          today={vietnamToday(deps.clock.now())}
        />,
      );
    },
  );

  app.post<CodeParams>(draftRoute(), officers, async (req, reply) => {
    const procedure = await getProcedure(deps.db, req.params.code);
    await startDraft(deps, procedure, callerOf(req));
    return reply.redirect(`${draftHref(procedure.code)}?ok=started`, 303);
  });

  app.get<CodeParams>(draftRoute(), officers, async (req, reply) => {
    const procedure = await getProcedure(deps.db, req.params.code);
    return showDraft(deps, req, reply, procedure);
  });

  app.get<CodeParams>(draftRoute('xem-truoc'), officers, async (req, reply) => {
    const procedure = await getProcedure(deps.db, req.params.code);
    const draft = await getDraft(deps.db, procedure);
    const t = translator(req.lang);
    return reply.html(
      <ContentPage
        ctx={pageContext(req)}
        title={`${t(cm.previewTitle)} — ${procedure.code}`}
        note={t(cm.previewNote)}
        back={{ href: draftHref(procedure.code), text: t(cm.backToDraft) }}
        content={draft.content}
        today={vietnamToday(deps.clock.now())}
      />,
    );
  });

  app.post<CodeParams>(draftRoute('cong-bo'), officers, async (req, reply) => {
    const procedure = await getProcedure(deps.db, req.params.code);
    const effectiveFrom = bodyValue(req, 'effectiveFrom');
    try {
      await publishDraft(deps, procedure, callerOf(req), {
        effectiveFrom,
        draftId: bodyValue(req, 'draftId') || undefined,
        expectedRowVersion: rowVersionOf(req),
      });
      return reply.redirect(`${adminProcedureHref(procedure.code)}?ok=published`, 303);
    } catch (e) {
      const errors = pageErrors(e, req);
      if (!errors) throw e;
      reply.status(400);
      return showDraft(deps, req, reply, procedure, { effectiveFrom, errors });
    }
  });

  app.post<CodeParams>(draftRoute('huy'), officers, async (req, reply) => {
    const procedure = await getProcedure(deps.db, req.params.code);
    await discardDraft(deps, procedure, callerOf(req));
    return reply.redirect(`${adminProcedureHref(procedure.code)}?ok=discarded`, 303);
  });

  registerSectionPages(app, deps);
  registerWorkflowPages(app, deps);
}
