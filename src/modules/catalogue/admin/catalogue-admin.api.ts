/**
 * JSON API of procedure drafts, for integrators and scripts: `GET /api/v1/procedures/{code}/draft`
 * (ETag: the draft's row version), `PUT …/draft` the whole content (validated and budget-checked;
 * If-Match with the row version, 412 when someone saved meanwhile; without a draft and without
 * If-Match, one is started from the version in force), `POST …/draft/publish {effectiveFrom}`,
 * `DELETE …/draft`. Agency and system administrators (session) or tokens with `catalogue:write`;
 * the same use cases and rules as the administration pages.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AppError } from '../../../platform/errors.js';
import type { App } from '../../../platform/http/app-type.js';
import { problemBody } from '../../../platform/http/error-handler.js';
import type { ProcedureContent } from '../content.js';
import { CATALOGUE_WRITE_SCOPE } from './catalogue-admin.policy.js';
import { assertValidContent } from './draft-rules.js';
import type { DraftRow } from './drafts.repository.js';
import {
  discardDraft,
  findDraft,
  getDraft,
  getProcedure,
  publishDraft,
  saveDraft,
  startDraft,
} from './drafts.service.js';
import { ADMINS, type CodeParams, callerOf, type Deps } from './page-helpers.js';

const tags = ['catalogue'];
const WRITERS = { officer: ADMINS, token: [CATALOGUE_WRITE_SCOPE] };
const Params = Type.Object({ code: Type.String({ description: 'Mã thủ tục, e.g. 1.001193' }) });

const draftJson = (d: DraftRow) => ({
  rowVersion: d.rowVersion,
  basedOnVersionId: d.basedOnVersionId,
  createdBy: d.createdBy,
  createdAt: d.createdAt.toISOString(),
  updatedBy: d.updatedBy,
  updatedAt: d.updatedAt.toISOString(),
  content: d.content,
});

/** If-Match as a row version: `"3"`, `W/"3"` or `3`; undefined when absent, NaN when unreadable. */
function ifMatch(req: FastifyRequest): number | undefined {
  const h = req.headers['if-match'];
  if (typeof h !== 'string' || h.trim() === '') return undefined;
  const m = /^(?:W\/)?"?(\d{1,9})"?$/.exec(h.trim());
  return m ? Number(m[1]) : Number.NaN;
}

function preconditionFailed(req: FastifyRequest, reply: FastifyReply) {
  const text = {
    vi: 'Bản nháp đã thay đổi (If-Match không khớp phiên bản hiện tại): đọc lại rồi gửi lại.',
    en: 'The draft has changed (If-Match does not match its row version): read it again and resend.',
  };
  return reply
    .status(412)
    .type('application/problem+json; charset=utf-8')
    .send(problemBody(req, { status: 412, code: 'catalogue.draft_changed', text, fields: [] }));
}

const sendDraft = (reply: FastifyReply, d: DraftRow) =>
  reply.header('etag', `"${d.rowVersion}"`).send(draftJson(d));

export function registerCatalogueAdminApi(app: App, deps: Deps) {
  app.get<CodeParams>(
    '/api/v1/procedures/:code/draft',
    {
      config: { access: WRITERS },
      schema: { tags, summary: 'Bản nháp của thủ tục / A procedure’s draft', params: Params },
    },
    async (req, reply) =>
      sendDraft(reply, await getDraft(deps.db, await getProcedure(deps.db, req.params.code))),
  );

  app.put<CodeParams>(
    '/api/v1/procedures/:code/draft',
    {
      config: { access: WRITERS },
      attachValidation: true,
      schema: {
        tags,
        summary: 'Lưu toàn bộ nội dung bản nháp / Save the whole draft content',
        description:
          'Body: one version’s content (docs/catalogue.schema.json, `content`). If-Match: the row version from GET ' +
          '(412 catalogue.draft_changed on mismatch). 400 names every bad field, and refuses a workflow whose step ' +
          'budgets exceed the legal time; `warnings` lists calendar-unit or unknown legal times.',
        params: Params,
      },
    },
    async (req, reply) => {
      const procedure = await getProcedure(deps.db, req.params.code);
      const expected = ifMatch(req);
      let draft = await findDraft(deps.db, procedure);
      if (!draft && expected !== undefined) return preconditionFailed(req, reply);
      draft ??= await startDraft(deps, procedure, callerOf(req));
      if (expected !== undefined && expected !== draft.rowVersion) return preconditionFailed(req, reply);
      assertValidContent(req.body as ProcedureContent);
      const content = req.body as ProcedureContent;
      try {
        const saved = await saveDraft(deps, procedure, callerOf(req), draft.rowVersion, () => content);
        return reply
          .header('etag', `"${saved.draft.rowVersion}"`)
          .send({ ...draftJson(saved.draft), warnings: saved.warnings });
      } catch (e) {
        if (e instanceof AppError && e.code === 'catalogue.draft_changed')
          return preconditionFailed(req, reply);
        throw e;
      }
    },
  );

  app.post<CodeParams>(
    '/api/v1/procedures/:code/draft/publish',
    {
      config: { access: WRITERS },
      attachValidation: true,
      schema: {
        tags,
        summary: 'Công bố bản nháp / Publish the draft',
        description:
          'Body `{ "effectiveFrom": "YYYY-MM-DD" | date-time }` (empty: now; a past date is refused). Publishes ' +
          'version max+1 and drops the draft; 400 catalogue.no_changes when the content equals the current ' +
          'version. A retry with the same Idempotency-Key answers with the version first published.',
        params: Params,
      },
    },
    async (req, reply) => {
      const procedure = await getProcedure(deps.db, req.params.code);
      const body = (req.body ?? {}) as { effectiveFrom?: unknown };
      const expected = ifMatch(req);
      const key = req.headers['idempotency-key'];
      try {
        const v = await publishDraft(deps, procedure, callerOf(req), {
          effectiveFrom: typeof body.effectiveFrom === 'string' ? body.effectiveFrom : undefined,
          requestKey: typeof key === 'string' && key.trim() ? key.trim().slice(0, 200) : undefined,
          expectedRowVersion: expected,
        });
        return reply.status(201).send({
          code: procedure.code,
          versionNumber: v.versionNumber,
          effectiveFrom: v.effectiveFrom.toISOString(),
        });
      } catch (e) {
        if (e instanceof AppError && e.code === 'catalogue.draft_changed')
          return preconditionFailed(req, reply);
        throw e;
      }
    },
  );

  app.delete<CodeParams>(
    '/api/v1/procedures/:code/draft',
    {
      config: { access: WRITERS },
      schema: { tags, summary: 'Hủy bản nháp / Discard the draft', params: Params },
    },
    async (req, reply) => {
      const procedure = await getProcedure(deps.db, req.params.code);
      await discardDraft(deps, procedure, callerOf(req));
      return reply.status(204).send();
    },
  );
}
