/**
 * An agency's internal workflow in the draft (`…/ban-nhap/quy-trinh?co-quan={agency code}`): steps
 * added, removed and moved by submit buttons; on save the step budgets are checked against the
 * procedure's legal time (refused when they exceed it; saved with a warning when it is in calendar
 * units or unknown). System administrators, and agency administrators covering the agency.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { forbidden, notFound } from '../../../platform/errors.js';
import type { Lang } from '../../../platform/html/i18n.js';
import { translator } from '../../../platform/html/i18n.js';
import type { App } from '../../../platform/http/app-type.js';
import { pageContext } from '../../../platform/http/lang.js';
import type { FormError } from '../../admin-units/index.js';
import type { ProcedureContent } from '../content.js';
import { hoursText, legalTimeOf, parseDecimal, unitName, workflowBudget } from './draft-rules.js';
import { type AgencyOption, type DraftRow, selectAgencyOptions } from './drafts.repository.js';
import { editRights, getDraft, getProcedure, type Procedure, saveDraft } from './drafts.service.js';
import { applyRowAction, type FormState, readAction, readFormState } from './form-state.js';
import {
  ADMINS,
  type CodeParams,
  callerOf,
  type Deps,
  noticeOf,
  pageErrors,
  queryValue,
  rowVersionOf,
} from './page-helpers.js';
import { cm } from './views/catalogue-admin.messages.js';
import { WorkflowPage } from './views/draft.view.js';
import { draftRoute } from './views/form-parts.js';
import {
  applyWorkflow,
  BLANK_STEP,
  levelOfAgencyKind,
  WORKFLOW_FIELDS,
  WORKFLOW_GROUPS,
  withoutWorkflow,
  workflowOf,
  workflowValues,
} from './workflow-form.js';

interface Target {
  procedure: Procedure;
  draft: DraftRow;
  agency: AgencyOption;
}

async function target(deps: Deps, req: FastifyRequest<CodeParams>): Promise<Target> {
  const procedure = await getProcedure(deps.db, req.params.code);
  const draft = await getDraft(deps.db, procedure);
  const code = queryValue(req, 'co-quan');
  const now = deps.clock.now();
  const agency = (await selectAgencyOptions(deps.db, now)).find((a) => a.code === code);
  if (!agency)
    throw notFound('catalogue.agency_not_found', {
      vi: `Không có cơ quan mã ${code}`,
      en: `No agency with code ${code}`,
    });
  const rights = await editRights(deps.db, req.principal, now);
  if (!rights.workflowOf(agency.id))
    throw forbidden('catalogue.not_allowed', {
      vi: 'Bạn không quản trị cơ quan này nên không sửa được quy trình nội bộ của cơ quan.',
      en: 'You do not administer this agency, so you may not change its internal workflow.',
    });
  return { procedure, draft, agency };
}

/** The budget box: total typed so far, the legal time, and the refusal or warning. */
function budgetOf(content: ProcedureContent, state: FormState, lang: Lang, refusal?: string) {
  const t = translator(lang);
  const steps = (state.rows.step ?? []).map((r) => {
    const h = r.hours ? parseDecimal(r.hours) : null;
    return { budgetMinutes: h == null ? null : Math.round(h * 60) };
  });
  const { check, message } = workflowBudget(content, steps);
  const legal = legalTimeOf(content);
  const legalText =
    legal.value === null || legal.unit === null
      ? t(cm.unknownLegal)
      : `${String(legal.value).replace('.', lang === 'vi' ? ',' : '.')} ${t(unitName(legal.unit))}${
          'legalMinutes' in check && legal.unit !== 'gio'
            ? ` (${hoursText(check.legalMinutes, lang)} ${t(cm.hoursUnit)})`
            : ''
        }`;
  const refused = refusal !== undefined || check.status === 'exceeds';
  return {
    totalMinutes: check.totalMinutes,
    legalText,
    refused,
    message: refusal ?? (message ? t(message) : null),
  };
}

function show(
  req: FastifyRequest,
  reply: FastifyReply,
  x: Target,
  state: FormState,
  errors: FormError[],
  rowVersion: number,
) {
  const level = levelOfAgencyKind(x.agency.kind);
  const saved = workflowOf(x.draft.content, x.agency.code, level).saved;
  const refusal = errors.find((e) => e.field === 'steps' && /giờ|hours/.test(e.text))?.text;
  return reply.html(
    <WorkflowPage
      ctx={pageContext(req)}
      csrf={reply.generateCsrf()}
      code={x.procedure.code}
      agency={{ code: x.agency.code, name: x.agency.name }}
      rowVersion={rowVersion}
      saved={saved}
      state={state}
      errors={errors}
      budget={budgetOf(x.draft.content, state, req.lang, refusal)}
      notice={errors.length === 0 && req.method === 'GET' ? noticeOf(req) : undefined}
    />,
  );
}

export function registerWorkflowPages(app: App, deps: Deps) {
  const officers = { config: { access: { officer: ADMINS } } };
  const path = draftRoute('quy-trinh');

  app.get<CodeParams>(path, officers, async (req, reply) => {
    const x = await target(deps, req);
    const { workflow } = workflowOf(x.draft.content, x.agency.code, levelOfAgencyKind(x.agency.kind));
    return show(req, reply, x, workflowValues(workflow), [], x.draft.rowVersion);
  });

  app.post<CodeParams>(path, officers, async (req, reply) => {
    const x = await target(deps, req);
    const level = levelOfAgencyKind(x.agency.kind);
    const typed = readFormState(req.body, WORKFLOW_FIELDS, WORKFLOW_GROUPS);
    const action = readAction(req.body);
    const seen = rowVersionOf(req) ?? x.draft.rowVersion;
    const back = `${path.replace(':code', encodeURIComponent(x.procedure.code))}?co-quan=${encodeURIComponent(x.agency.code)}`;
    const raw = (req.body as Record<string, unknown> | undefined)?.action;
    if (raw === 'remove-workflow') {
      await saveDraft(deps, x.procedure, callerOf(req), seen, (c) => withoutWorkflow(c, x.agency.code));
      return reply.redirect(`${back}&ok=saved`, 303);
    }
    if (action.kind !== 'save')
      return show(req, reply, x, applyRowAction(typed, action, BLANK_STEP), [], seen);
    const applied = applyWorkflow(typed, x.draft.content, x.agency.code, level);
    try {
      if (!applied.content) throw applied;
      const next = applied.content;
      await saveDraft(deps, x.procedure, callerOf(req), seen, () => next);
      return reply.redirect(`${back}&ok=saved`, 303);
    } catch (e) {
      const errors =
        e === applied
          ? applied.errors.map((f) => ({ field: f.field, text: f.message[req.lang] }))
          : pageErrors(e, req)?.map((f) =>
              f.field && /^workflows\.\d+/.test(f.field) ? { ...f, field: 'steps' } : f,
            );
      if (!errors) throw e;
      reply.status(400);
      return show(req, reply, x, typed, errors, seen);
    }
  });
}
