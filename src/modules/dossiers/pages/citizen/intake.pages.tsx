/**
 * `GET|POST /nop-ho-so/{code}`: the online intake form. The multipart post carries the typed values
 * and new files into a server-side draft, then saves it ("Lưu nháp"), removes a file, merges a slot's
 * photos, or submits ("Nộp hồ sơ") under the draft's idempotency key. Nothing uploaded is lost by a
 * validation error: the form comes back with the draft's files listed and each message by its field.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../../../platform/errors.js';
import type { App } from '../../../../platform/http/app-type.js';
import { pageContext } from '../../../../platform/http/lang.js';
import { newId } from '../../../../platform/ids.js';
import type { AppContext } from '../../../../platform/module.js';
import { type ProcedureVersion, versionAt } from '../../../catalogue/index.js';
import { type Draft, type DraftContent, emptyContent } from '../../drafts/draft.js';
import * as drafts from '../../drafts/drafts.service.js';
import { IntakeFormPage } from './intake.view.js';
import { applicantFromAccount, centresOffered, communesOffered, slotsOf } from './intake-choices.js';
import { contentOf, type Fields, keyOf, readIntakeForm } from './intake-form.js';
import { m } from './messages.js';
import { dossierPath, type FormErrors, intakePath } from './parts.js';
import { CITIZEN, citizenOf, multipartCsrf, queryValue } from './request.js';

type Params = { Params: { code: string } };

/** Thrown inside the parts loop: this draft's key already made a dossier. */
class Submitted {
  constructor(readonly code: string) {}
}

const isOnline = (v: ProcedureVersion) =>
  v.content.onlineLevel !== 'none' || v.content.channels.some((c) => c.kind === 'online');

async function render(
  ctx: AppContext,
  req: FastifyRequest,
  reply: FastifyReply,
  s: {
    version: ProcedureVersion;
    values: DraftContent;
    draft: Draft | null;
    errors: FormErrors;
    saved?: boolean;
  },
) {
  const who = citizenOf(req);
  const now = ctx.clock.now();
  const [slots, communes, centres] = await Promise.all([
    slotsOf(ctx.db, s.version, who.id),
    communesOffered(ctx.db, now),
    centresOffered(ctx.db, now),
  ]);
  const page = pageContext(req);
  const csrf = reply.generateCsrf();
  return reply
    .status(s.errors.length > 0 ? 400 : 200)
    .html(
      <IntakeFormPage
        ctx={page}
        action={`${intakePath(s.version.code)}?_csrf=${encodeURIComponent(csrf)}`}
        procedure={{ code: s.version.code, name: s.version.content.name }}
        slots={slots}
        values={s.values}
        draft={s.draft}
        communes={communes}
        centres={centres}
        errors={s.errors}
        saved={s.saved ?? false}
      />,
    );
}

const notOnlineError = (req: FastifyRequest) => [{ field: '', text: m.notOnline[req.lang] }];

export function registerIntakePages(app: App, ctx: AppContext) {
  app.get<Params>('/nop-ho-so/:code', CITIZEN, async (req, reply) => {
    const who = citizenOf(req);
    const version = await versionAt(ctx.db, req.params.code, ctx.clock.now());
    const draftId = queryValue(req, 'nhap');
    const draft = draftId ? await drafts.getDraft(ctx, who.id, draftId) : null;
    const values = draft?.content ?? {
      ...emptyContent(newId()),
      applicant: await applicantFromAccount(ctx.db, who.id),
    };
    return render(ctx, req, reply, {
      version,
      values,
      draft,
      errors: isOnline(version) ? [] : notOnlineError(req),
      saved: queryValue(req, 'da-luu') === '1',
    });
  });

  app.post<Params>('/nop-ho-so/:code', { ...CITIZEN, preValidation: multipartCsrf }, async (req, reply) => {
    const who = citizenOf(req);
    const version = await versionAt(ctx.db, req.params.code, ctx.clock.now());
    let draft: Draft | null = null;
    let created = false;
    // The draft the form names, or a new one with the form's key (made on the first file or after).
    // A draft already submitted under that key sends the person to the dossier (a double click).
    const ensureDraft = async (fields: Fields): Promise<Draft> => {
      if (draft) return draft;
      const key = keyOf(fields, newId);
      if (fields.draftId) {
        draft = await drafts.getDraft(ctx, who.id, fields.draftId).catch(async (e) => {
          if (!(e instanceof AppError && e.code === 'draft.not_found')) throw e;
          const code = await drafts.findSubmittedByKey(ctx, who.id, key);
          if (code) throw new Submitted(code);
          return null;
        });
        if (draft) return draft;
      }
      created = true;
      draft = await drafts.createDraft(ctx, who.id, version.code, emptyContent(key));
      return draft;
    };
    let form: Awaited<ReturnType<typeof readIntakeForm>>;
    let d: Draft;
    try {
      form = await readIntakeForm(req, req.lang, async (fields, slot, file) => {
        const target = await ensureDraft(fields);
        await drafts.addDraftUpload(ctx, who.id, target.id, slot, file);
      });
      d = await ensureDraft(form.fields);
    } catch (e) {
      if (e instanceof Submitted) return reply.redirect(`${dossierPath(e.code)}?da-nop=1`, 303);
      throw e;
    }
    const { fields } = form;
    const slots = version.content.components.map((_c, i) => i);
    const values = contentOf(fields, d.content.key, slots);
    const rowVersion = created ? d.rowVersion : Number(fields.rowVersion) || 0;
    const action = fields.action ?? 'save';
    const errors: FormErrors = [...form.errors];
    const again = async (more: FormErrors) => {
      const fresh = await drafts.getDraft(ctx, who.id, d.id);
      return render(ctx, req, reply, { version, values, draft: fresh, errors: [...errors, ...more] });
    };
    try {
      await drafts.saveDraft(ctx, who.id, d.id, rowVersion, values);
    } catch (e) {
      if (e instanceof AppError && e.kind === 'conflict')
        return again([{ field: '', text: e.text[req.lang] }]);
      throw e;
    }
    try {
      if (action.startsWith('remove:')) await drafts.removeDraftFile(ctx, who.id, d.id, action.slice(7));
      else if (action.startsWith('merge:'))
        await drafts.mergeDraftPhotos(ctx, who.id, d.id, Number(action.slice(6)));
      if (errors.length > 0) return again([]);
      if (action === 'submit') {
        const out = await drafts.submitDraft(ctx, { ...who, kind: 'citizen' }, d.id);
        return reply.redirect(`${dossierPath(out.dossier.code)}?da-nop=1`, 303);
      }
    } catch (e) {
      if (!(e instanceof AppError) || e.status >= 500 || e.kind === 'unauthenticated') throw e;
      if (e.code === 'dossier.idempotency_key_reused') {
        const code = await drafts.findSubmittedByKey(ctx, who.id, d.content.key);
        if (code) return reply.redirect(`${dossierPath(code)}?da-nop=1`, 303);
      }
      const fieldErrors = e.fields.map((f) => ({ field: f.field, text: f.message[req.lang] }));
      return again(fieldErrors.length > 0 ? fieldErrors : [{ field: '', text: e.text[req.lang] }]);
    }
    return reply.redirect(`${intakePath(version.code)}?nhap=${d.id}&da-luu=1`, 303);
  });
}
