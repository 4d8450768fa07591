/**
 * The dossier page (/can-bo/ho-so/:code) and its actions (POST /can-bo/ho-so/:code/thao-tac/:action).
 * An action applied redirects back (303) with a banner. A refused one shows the page again with the
 * message in Vietnamese at the top: a field error keeps what was typed; a form read from an older
 * state of the dossier (row version), or a change made meanwhile by someone else, shows the fresh
 * state with a clear message instead of applying anything.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../../platform/errors.js';
import type { Principal } from '../../../platform/http/access.js';
import type { App } from '../../../platform/http/app-type.js';
import { pageContext } from '../../../platform/http/lang.js';
import type { AppContext } from '../../../platform/module.js';
import { readWorkingParts } from '../../dossiers/index.js';
import { APPLIED_ACTIONS, type AppliedAction, applyProcessingAction } from '../processing.service.js';
import type { ActionFormsProps } from './action-forms.view.js';
import { type Banner, OfficerDossierView } from './dossier.view.js';
import { actionName, m } from './officer.messages.js';
import { loadOfficerDossier, type OfficerDossierPage } from './officer-dossier.service.js';
import { field, fieldErrors, INBOX_PATH, officerDossierHref } from './officer-parts.js';
import { PROCESSORS } from './officer-work.service.js';

type Params = { Params: { code: string } };
type ActionParams = { Params: { code: string; action: string } };
const FIELDS = ['note', 'reason', 'assignee', 'targetStep', 'receiptNumber', 'amount', 'method', 'newDueAt'];

const isApplied = (a: string): a is AppliedAction => (APPLIED_ACTIONS as readonly string[]).includes(a);

async function render(
  ctx: AppContext,
  req: FastifyRequest,
  reply: FastifyReply,
  code: string,
  o: { banner?: Banner | null; posted?: ActionFormsProps['posted']; status?: number } = {},
) {
  const page = await loadOfficerDossier(ctx, req.principal as Principal, code, req.ip);
  const done = field(req.query, 'xong');
  const banner =
    o.banner ??
    (!o.posted && isApplied(done) ? { text: `${m.done[req.lang]}: ${actionName(done)[req.lang]}.` } : null);
  const current = page.steps.find((s) => s.id === page.state.head.step_id);
  return reply
    .status(o.status ?? 200)
    .header('cache-control', 'private, no-store')
    .html(
      <OfficerDossierView
        ctx={pageContext(req)}
        page={page}
        banner={banner}
        now={ctx.clock.now()}
        forms={{
          csrf: reply.generateCsrf(),
          earlierSteps: current ? page.steps.filter((s) => s.position < current.position) : [],
          assignees: page.assignees,
          posted: o.posted ?? null,
          waitingFiles: page.workingFiles.filter(
            (f) => f.historyId === null && f.uploadedById === req.principal?.id,
          ),
        }}
      />,
    );
}

/** A datetime-local value is Viet Nam time (UTC+7, no daylight saving). */
function isoOfLocal(text: string): string | undefined {
  const v = text.trim();
  if (v === '') return undefined;
  const at = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(v) ? new Date(`${v}+07:00`) : null;
  return at && !Number.isNaN(at.getTime()) ? at.toISOString() : v;
}

function inputOf(form: Record<string, string>) {
  const text = (k: string) => (form[k]?.trim() ? form[k] : undefined);
  const target = text('targetStep');
  const amount = text('amount')?.replace(/[.\s,đ]/g, '');
  const method = text('method');
  return {
    note: text('note'),
    reason: text('reason'),
    assignee: text('assignee'),
    targetStep: target === undefined ? undefined : Number(target),
    receiptNumber: text('receiptNumber'),
    amount: amount === undefined ? undefined : Number(amount),
    method: method === 'cash' || method === 'transfer' ? method : undefined,
    newDueAt: isoOfLocal(form.newDueAt ?? ''),
  };
}

/**
 * The posted form: urlencoded, or multipart when it sends working documents. The files are stored
 * first (bytes durable, attached to nothing); the action then carries them, with the ones a refused
 * attempt kept (ticked boxes `fileIds`). Only someone who may act now gets files stored at all.
 */
async function postedForm(
  ctx: AppContext,
  req: FastifyRequest,
  principal: Principal,
  page: OfficerDossierPage,
  fields: Record<string, string[]>,
): Promise<{ body: unknown; fileIds: string[] }> {
  if (!req.isMultipart()) return { body: req.body, fileIds: [] };
  if (page.state.actions.length === 0) {
    // Nothing may be done now: the files are not read; the action below is refused as usual.
    for await (const part of req.parts()) if (part.type === 'file') part.file.resume();
    return { body: {}, fileIds: [] };
  }
  const { files } = await readWorkingParts(ctx, req, principal, page.d.id, fields);
  return { body: fields, fileIds: [...(fields.fileIds ?? []), ...files.map((f) => f.id)] };
}

async function act(ctx: AppContext, req: FastifyRequest<ActionParams>, reply: FastifyReply) {
  const { code, action } = req.params;
  const principal = req.principal as Principal;
  // Unknown or invisible dossier: 404 before anything else.
  const before = await loadOfficerDossier(ctx, principal, code, req.ip);
  let posted: Awaited<ReturnType<typeof postedForm>>;
  const fields: Record<string, string[]> = {};
  try {
    posted = await postedForm(ctx, req, principal, before, fields);
  } catch (err) {
    if (!(err instanceof AppError) || err.kind !== 'validation') throw err;
    // A refused file (type, size, virus): nothing was applied; the message sits at the file field,
    // what was typed stays, and the files stored before it wait, ticked, for the next try.
    const form = Object.fromEntries(FIELDS.map((k) => [k, field(fields, k)]));
    const errors = { items: [{ field: 'files', text: err.text[req.lang] }] };
    return render(ctx, req, reply, code, { posted: { action, form, errors }, status: err.status });
  }
  const form = Object.fromEntries(FIELDS.map((k) => [k, field(posted.body, k)]));
  const changed = { text: m.changed[req.lang], warning: true };
  if (!isApplied(action))
    return render(ctx, req, reply, code, {
      status: 400,
      posted: { action, form, errors: { items: [{ field: '', text: m.unknownAction[req.lang] }] } },
    });
  const version = field(posted.body, 'rowVersion');
  if (version !== '' && version !== String(before.state.head.row_version))
    return render(ctx, req, reply, code, { banner: changed, status: 409 });
  try {
    const input = inputOf(form) as Parameters<typeof applyProcessingAction>[4];
    await applyProcessingAction(ctx, principal, before.d.id, action, { ...input, fileIds: posted.fileIds });
    return reply.redirect(`${officerDossierHref(before.d.code)}?xong=${action}`, 303);
  } catch (err) {
    if (!(err instanceof AppError) || !['validation', 'conflict', 'forbidden'].includes(err.kind)) throw err;
    if (err.code === 'dossier.changed')
      return render(ctx, req, reply, code, { banner: changed, status: 409 });
    const errors = fieldErrors(err, req.lang);
    return render(ctx, req, reply, code, { posted: { action, form, errors }, status: err.status });
  }
}

export function registerDossierActionPages(app: App, ctx: AppContext) {
  app.get<Params>(`${INBOX_PATH}/:code`, { config: { access: PROCESSORS } }, (req, reply) =>
    render(ctx, req, reply, req.params.code),
  );
  app.post<ActionParams>(
    `${INBOX_PATH}/:code/thao-tac/:action`,
    {
      config: { access: PROCESSORS },
      // A form with files is a multipart stream read by the handler: the CSRF check takes its token from the query.
      preValidation: async (req) => {
        if (req.isMultipart()) req.body = { _csrf: field(req.query, '_csrf') };
      },
    },
    (req, reply) => act(ctx, req, reply),
  );
}
