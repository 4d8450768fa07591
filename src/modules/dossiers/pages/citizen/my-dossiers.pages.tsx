/**
 * The citizen's dossiers: `/ho-so-cua-toi` (list and drafts), `/ho-so-cua-toi/{code}` (one dossier),
 * its files, adding or removing files when a completion was asked for, sending it back, withdrawing;
 * `/kho-du-lieu` (data store) with each document's download. Every post redirects (303) on success.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, notFound } from '../../../../platform/errors.js';
import type { App } from '../../../../platform/http/app-type.js';
import { pageContext } from '../../../../platform/http/lang.js';
import type { AppContext } from '../../../../platform/module.js';
import { versionAt } from '../../../catalogue/index.js';
import { readAttachment } from '../../attachments/index.js';
import { completeDossier, withdrawDossier } from '../../citizen-actions.service.js';
import { findDocument, listDocuments, listReturnedResults } from '../../data-store.service.js';
import { addAttachment, removeAttachment } from '../../dossier-attachments.service.js';
import { getDossierForCaller } from '../../dossier-read.service.js';
import { deleteDraft, listDrafts } from '../../drafts/drafts.service.js';
import type { DossierStatus, SubState } from '../../lifecycle.js';
import { DossierPage } from './dossier.view.js';
import { m } from './messages.js';
import { decodeCursor, encodeCursor, selectMyDossiers } from './my-dossiers.repository.js';
import { DataStorePage, MyDossiersPage } from './my-dossiers.view.js';
import { DATA_STORE_PATH, dossierPath, type FormErrors, MY_DOSSIERS_PATH } from './parts.js';
import { CITIZEN, citizenOf, multipartCsrf, queryValue } from './request.js';

const PAGE = 20;
type CodeReq = { Params: { code: string } };

const BANNERS = {
  'da-nop': m.submittedBanner,
  'da-bo-sung': m.completedBanner,
  'da-rut': m.withdrawnBanner,
  tep: m.fileAddedBanner,
} as const;

const asErrors = (e: AppError, lang: 'vi' | 'en'): FormErrors =>
  e.fields.length > 0
    ? e.fields.map((f) => ({ field: f.field, text: f.message[lang] }))
    : [{ field: '', text: e.text[lang] }];

export function registerMyDossierPages(app: App, ctx: AppContext) {
  app.get(MY_DOSSIERS_PATH, CITIZEN, async (req, reply) => {
    const who = citizenOf(req);
    const after = decodeCursor(queryValue(req, 'sau'));
    const rows = await selectMyDossiers(ctx.db, who.id, after, PAGE + 1);
    const shown = rows.slice(0, PAGE);
    const last = shown.at(-1);
    const draftRows = await listDrafts(ctx, who.id);
    const now = ctx.clock.now();
    const names = new Map<string, string>();
    for (const code of new Set(draftRows.map((d) => d.procedure_code))) {
      names.set(
        code,
        await versionAt(ctx.db, code, now).then(
          (v) => v.content.name,
          () => code,
        ),
      );
    }
    return reply.html(
      <MyDossiersPage
        ctx={pageContext(req)}
        csrf={reply.generateCsrf()}
        dossiers={shown.map((r) => ({
          code: r.code,
          procedureName: r.procedure_name,
          status: r.status as DossierStatus,
          subState: r.sub_state as SubState,
          submittedAt: r.submitted_at,
          dueAt: r.due_at,
        }))}
        drafts={draftRows.map((d) => ({
          id: d.id,
          procedureCode: d.procedure_code,
          procedureName: names.get(d.procedure_code) ?? d.procedure_code,
          updatedAt: d.updated_at,
        }))}
        nextHref={
          rows.length > PAGE && last
            ? `${MY_DOSSIERS_PATH}?sau=${encodeCursor({ at: last.submitted_at, id: last.id })}`
            : null
        }
        firstHref={after ? MY_DOSSIERS_PATH : null}
      />,
    );
  });

  app.post<{ Params: { id: string } }>(`${MY_DOSSIERS_PATH}/nhap/:id/xoa`, CITIZEN, async (req, reply) => {
    await deleteDraft(ctx, citizenOf(req).id, req.params.id);
    return reply.redirect(MY_DOSSIERS_PATH, 303);
  });

  async function show(
    req: FastifyRequest<CodeReq>,
    reply: FastifyReply,
    errors: FormErrors,
    values: { reason?: string; note?: string } = {},
  ) {
    const d = await getDossierForCaller(ctx.db, citizenOf(req), req.params.code);
    const results = await listReturnedResults(ctx.db, citizenOf(req).id, d.id);
    const flag = (Object.keys(BANNERS) as (keyof typeof BANNERS)[]).find((k) => queryValue(req, k) === '1');
    return reply
      .status(errors.length > 0 ? 400 : 200)
      .html(
        <DossierPage
          ctx={pageContext(req)}
          csrf={reply.generateCsrf()}
          dossier={d}
          results={results}
          errors={errors}
          banner={flag ? BANNERS[flag][req.lang] : null}
          values={values}
        />,
      );
  }

  app.get<CodeReq>('/ho-so-cua-toi/:code', CITIZEN, async (req, reply) => show(req, reply, []));

  app.get<CodeReq & { Params: { fileId: string } }>(
    `/ho-so-cua-toi/:code/tep/:fileId`,
    CITIZEN,
    async (req, reply) => {
      const d = await getDossierForCaller(ctx.db, citizenOf(req), req.params.code);
      if (
        d.accountId !== citizenOf(req).id ||
        !d.components.some((c) => c.files.some((f) => f.id === req.params.fileId))
      )
        throw notFound('dossier.file_not_found', { vi: 'Không tìm thấy tệp.', en: 'File not found.' });
      const file = await readAttachment(ctx, req.params.fileId);
      return reply
        .type(file.mediaType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .header('cache-control', 'private, no-store')
        .send(file.stream);
    },
  );

  /** A post that changes the dossier: success redirects with a banner; a refusal shows the page with it. */
  const act = (
    path: string,
    banner: keyof typeof BANNERS,
    run: (req: FastifyRequest<CodeReq>) => Promise<unknown>,
    opts = {},
  ) =>
    app.post<CodeReq>(`/ho-so-cua-toi/:code/${path}`, { ...CITIZEN, ...opts }, async (req, reply) => {
      try {
        await run(req);
      } catch (e) {
        if (!(e instanceof AppError) || e.status >= 500 || e.kind === 'not_found') throw e;
        return show(
          req,
          reply,
          asErrors(e, req.lang),
          (req.body as Record<string, string> | undefined) ?? {},
        );
      }
      return reply.redirect(`${dossierPath(req.params.code)}?${banner}=1`, 303);
    });

  const field = (req: FastifyRequest, name: string) => {
    const v = (req.body as Record<string, unknown> | undefined)?.[name];
    return typeof v === 'string' ? v : '';
  };
  act('bo-sung', 'da-bo-sung', (req) =>
    completeDossier(ctx, citizenOf(req), req.params.code, { note: field(req, 'note') }),
  );
  act('rut', 'da-rut', (req) =>
    withdrawDossier(ctx, citizenOf(req), req.params.code, { reason: field(req, 'reason') }),
  );
  act('go-tep', 'tep', (req) => removeAttachment(ctx, citizenOf(req), req.params.code, field(req, 'fileId')));
  act(
    'them-tep',
    'tep',
    async (req) => {
      let component = '';
      for await (const part of req.parts()) {
        if (part.type === 'field') {
          if (part.fieldname === 'component') component = String(part.value);
          continue;
        }
        if (!part.filename) {
          part.file.resume();
          continue;
        }
        await addAttachment(ctx, citizenOf(req), req.params.code, component, {
          stream: part.file,
          fileName: part.filename,
        });
      }
    },
    { preValidation: multipartCsrf },
  );

  app.get(DATA_STORE_PATH, CITIZEN, async (req, reply) =>
    reply.html(
      <DataStorePage ctx={pageContext(req)} documents={await listDocuments(ctx.db, citizenOf(req).id)} />,
    ),
  );

  app.get<{ Params: { id: string } }>(`${DATA_STORE_PATH}/:id`, CITIZEN, async (req, reply) => {
    const id = req.params.id;
    const doc = /^[0-9a-f-]{36}$/i.test(id) ? await findDocument(ctx.db, citizenOf(req).id, id) : undefined;
    if (!doc)
      throw notFound('data_store.not_found', { vi: 'Không tìm thấy giấy tờ.', en: 'Document not found.' });
    const ext = doc.media_type === 'application/pdf' ? '.pdf' : '';
    return reply
      .type(doc.media_type)
      .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(`${doc.name}${ext}`)}`)
      .header('cache-control', 'private, no-store')
      .send(await ctx.files.get(doc.sha256));
  });
}
