/**
 * The draft's content sections (thông tin chung, thành phần hồ sơ, phí, giảm phí): GET shows the
 * form from the draft; POST either moves rows (add, remove: the form comes back as typed) or saves
 * it into the draft (then redirects), or shows it again with the errors next to each field.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { forbidden } from '../../../platform/errors.js';
import type { App } from '../../../platform/http/app-type.js';
import { pageContext } from '../../../platform/http/lang.js';
import type { FormError } from '../../admin-units/index.js';
import { loadVersionContent } from '../version-content.repository.js';
import type { DraftRow } from './drafts.repository.js';
import { editRights, getDraft, getProcedure, type Procedure, saveDraft } from './drafts.service.js';
import { applyRowAction, type FormState, readAction, readFormState } from './form-state.js';
import {
  ADMINS,
  type CodeParams,
  callerOf,
  type Deps,
  noticeOf,
  pageErrors,
  rowVersionOf,
} from './page-helpers.js';
import { SECTIONS, type SectionKey } from './section-forms.js';
import { draftHref, draftRoute, SECTION_PATHS } from './views/form-parts.js';
import { SectionPage } from './views/section-forms.view.js';

/** The procedure and its draft, once the caller is known to edit the procedure's content. */
async function editable(
  deps: Deps,
  req: FastifyRequest<CodeParams>,
): Promise<{ procedure: Procedure; draft: DraftRow }> {
  const procedure = await getProcedure(deps.db, req.params.code);
  const draft = await getDraft(deps.db, procedure);
  const rights = await editRights(deps.db, req.principal, deps.clock.now());
  if (!rights.content)
    throw forbidden('catalogue.not_allowed', {
      vi: 'Chỉ quản trị hệ thống và quản trị của UBND tỉnh được sửa nội dung thủ tục.',
      en: 'Only system administrators and administrators of the provincial committee edit procedure content.',
    });
  return { procedure, draft };
}

function show(
  req: FastifyRequest,
  reply: FastifyReply,
  section: SectionKey,
  procedure: Procedure,
  draft: DraftRow,
  state: FormState,
  errors: FormError[],
  rowVersion = draft.rowVersion,
) {
  const notice = errors.length === 0 && req.method === 'GET' ? noticeOf(req) : undefined;
  return reply.html(
    <SectionPage
      ctx={pageContext(req)}
      csrf={reply.generateCsrf()}
      code={procedure.code}
      name={draft.content.name}
      section={section}
      rowVersion={rowVersion}
      content={draft.content}
      state={state}
      errors={errors}
      notice={notice}
    />,
  );
}

export function registerSectionPages(app: App, deps: Deps) {
  const officers = { config: { access: { officer: ADMINS } } };
  for (const key of Object.keys(SECTIONS) as SectionKey[]) {
    const section = SECTIONS[key];
    const path = draftRoute(SECTION_PATHS[key]);

    app.get<CodeParams>(path, officers, async (req, reply) => {
      const { procedure, draft } = await editable(deps, req);
      return show(req, reply, key, procedure, draft, section.valuesOf(draft.content), []);
    });

    app.post<CodeParams>(path, officers, async (req, reply) => {
      const { procedure, draft } = await editable(deps, req);
      const typed = readFormState(req.body, section.fields, section.groups);
      const action = readAction(req.body);
      // The row version the form was read at travels on, so that a later save still detects a
      // concurrent edit made meanwhile.
      const seen = rowVersionOf(req) ?? draft.rowVersion;
      if (action.kind !== 'save') {
        const blank = section.blank[action.group] ?? {};
        return show(req, reply, key, procedure, draft, applyRowAction(typed, action, blank), [], seen);
      }
      const base = await loadVersionContent(deps.db, draft.basedOnVersionId);
      const applied = section.apply(typed, draft.content, base);
      try {
        if (!applied.content) throw applied;
        const next = applied.content;
        await saveDraft(deps, procedure, callerOf(req), seen, () => next);
        return reply.redirect(`${draftHref(procedure.code, SECTION_PATHS[key])}?ok=saved`, 303);
      } catch (e) {
        const errors =
          e === applied
            ? applied.errors.map((x) => ({ field: x.field, text: x.message[req.lang] }))
            : pageErrors(e, req, section.paths);
        if (!errors) throw e;
        reply.status(400);
        return show(req, reply, key, procedure, draft, typed, errors, seen);
      }
    });
  }
}
