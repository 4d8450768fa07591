/**
 * Pages of the results module. Officers: the result page of a dossier (/can-bo/ho-so/:code/ket-qua)
 * with the leader's sign form (POST …/ky) and the desk's return forms (POST …/tra), and the batch
 * signing page (/can-bo/ky-so). Public: /verify (upload a PDF) and /verify/:id (the QR code's page).
 * Every form works without JavaScript; an action applied redirects back (303) with a banner.
 */
import { readFileSync } from 'node:fs';
import { buffer } from 'node:stream/consumers';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../../platform/errors.js';
import type { Principal } from '../../../platform/http/access.js';
import type { App } from '../../../platform/http/app-type.js';
import { pageContext } from '../../../platform/http/lang.js';
import type { AppContext } from '../../../platform/module.js';
import { getAgency } from '../../admin-units/index.js';
import { type FormErrors, getDossierForCaller } from '../../dossiers/index.js';
import { holdsCurrentStep, INBOX_PATH, leaderSigningQueue, processingState } from '../../workflow/index.js';
import { sendResultByPost } from '../post-return.service.js';
import { findLivePostalOrder, POSTAL_STATE_LABELS } from '../postal/index.js';
import { selectLiveResult } from '../results.repository.js';
import {
  defaultSignerTitle,
  signBatch,
  signDossierResult,
  useGeneratedResult,
  verifyUrl,
} from '../results.service.js';
import { returnResult } from '../return.service.js';
import { uploadResult } from '../upload-result.js';
import { verifyById, verifyUpload } from '../verify.service.js';
import { BATCH_PATH, type Banner, BatchPage, ResultPage, resultPageHref } from './result.view.js';
import { m } from './results.messages.js';
import { VERIFY_CSS_PATH, VERIFY_PATH, VerifyPage } from './verify.view.js';

const CSS = readFileSync(new URL('./verify.css', import.meta.url), 'utf8');
const PROCESSORS = {
  officer: ['one_stop', 'specialist', 'department_head', 'agency_leader', 'clerk'],
} as const;
const LEADERS = { officer: ['agency_leader'] } as const;
const DESK = { officer: ['one_stop'] } as const;
type Params = { Params: { code: string } };

const text = (body: unknown, name: string): string => {
  const v = (body as Record<string, unknown> | undefined)?.[name];
  const first = Array.isArray(v) ? v[0] : v;
  return typeof first === 'string' ? first : '';
};
const list = (body: unknown, name: string): string[] => {
  const v = (body as Record<string, unknown> | undefined)?.[name];
  return (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string' && x.trim() !== '');
};

const formErrors = (err: AppError, lang: 'vi' | 'en'): FormErrors => ({
  items:
    err.fields.length > 0
      ? err.fields.map((f) => ({ field: f.field, text: f.message[lang] }))
      : [{ field: '', text: err.text[lang] }],
});

async function renderResult(
  ctx: AppContext,
  req: FastifyRequest,
  reply: FastifyReply,
  code: string,
  o: { banner?: Banner | null; posted?: Parameters<typeof ResultPage>[0]['posted']; status?: number } = {},
) {
  const principal = req.principal as Principal;
  // Only an officer who may see the dossier: else the same 404 as an unknown code.
  const d = await getDossierForCaller(ctx.db, principal, code);
  const [result, state, order] = await Promise.all([
    selectLiveResult(ctx.db, d.id),
    processingState(ctx, principal, d.id),
    findLivePostalOrder(ctx, d.id),
  ]);
  const step = state.steps.find((s) => s.id === state.head.step_id);
  const canSign =
    step?.role === 'agency_leader' &&
    state.actions.some((a) => a.action === 'complete' || a.action === 'claim');
  const canReturn = state.actions.some((a) => a.action === 'return_result') && result?.state === 'signed';
  const canUpload = state.head.status === 4 && holdsCurrentStep(state) && result?.state !== 'signed';
  const agency = await getAgency(ctx.db, d.competentAgency.id);
  const done = text(req.query, 'xong');
  const banner =
    o.banner ??
    (done === 'ky' && result?.number_symbol
      ? { text: m.signed[req.lang].replace('{n}', result.number_symbol) }
      : done === 'tra'
        ? { text: m.returned[req.lang] }
        : done === 'buu-chinh'
          ? { text: m.postSent[req.lang] }
          : done === 'tai-len'
            ? { text: m.uploadedDone[req.lang] }
            : null);
  return reply
    .status(o.status ?? 200)
    .header('cache-control', 'private, no-store')
    .html(
      <ResultPage
        ctx={pageContext(req)}
        d={d}
        result={result}
        verifyUrl={result?.state === 'signed' ? verifyUrl('', result.verification_id) : null}
        csrf={reply.generateCsrf()}
        banner={banner}
        canSign={canSign}
        canReturn={canReturn}
        canUpload={canUpload}
        defaultTitle={defaultSignerTitle(agency.name)}
        posted={o.posted ?? null}
        postal={
          order
            ? {
                itemCode: order.itemCode,
                state: order.state,
                stateLabel: POSTAL_STATE_LABELS[order.state][req.lang],
                lastError: order.lastError,
              }
            : null
        }
      />,
    );
}

/** A refused form: the page again with the message at the field; a change meanwhile: the fresh page. */
async function refused(
  ctx: AppContext,
  req: FastifyRequest<Params>,
  reply: FastifyReply,
  err: unknown,
  form: 'sign' | 'desk' | 'online' | 'post' | 'upload',
) {
  if (
    !(err instanceof AppError) ||
    !['validation', 'conflict', 'forbidden', 'unavailable'].includes(err.kind)
  )
    throw err;
  if (err.code === 'dossier.changed')
    return renderResult(ctx, req, reply, req.params.code, {
      banner: { text: err.text[req.lang], warning: true },
      status: 409,
    });
  const values = Object.fromEntries(
    [
      'signerTitle',
      'pickedUpBy',
      'recipientName',
      'recipientIdNumber',
      'authorisationNote',
      'address',
      'phone',
    ].map((k) => [k, text(req.body, k)]),
  );
  return renderResult(ctx, req, reply, req.params.code, {
    posted: { form, values, errors: formErrors(err, req.lang) },
    status: err.status,
  });
}

function registerOfficerPages(app: App, ctx: AppContext) {
  const path = `${INBOX_PATH}/:code/ket-qua`;
  app.get<Params>(path, { config: { access: PROCESSORS } }, (req, reply) =>
    renderResult(ctx, req, reply, req.params.code),
  );
  app.post<Params>(`${path}/ky`, { config: { access: LEADERS } }, async (req, reply) => {
    const d = await getDossierForCaller(ctx.db, req.principal, req.params.code);
    try {
      await signDossierResult(ctx, req.principal as Principal, d.id, {
        signerTitle: text(req.body, 'signerTitle'),
      });
      return reply.redirect(`${resultPageHref(d.code)}?xong=ky`, 303);
    } catch (err) {
      return refused(ctx, req, reply, err, 'sign');
    }
  });
  app.post<Params>(`${path}/tra`, { config: { access: DESK } }, async (req, reply) => {
    const d = await getDossierForCaller(ctx.db, req.principal, req.params.code);
    const method = text(req.body, 'method') === 'online' ? 'online' : 'desk';
    const picked = text(req.body, 'pickedUpBy');
    try {
      await returnResult(ctx, req.principal as Principal, d.id, {
        method,
        pickedUpBy: picked === 'applicant' || picked === 'authorised' ? picked : undefined,
        recipientName: text(req.body, 'recipientName'),
        recipientIdNumber: text(req.body, 'recipientIdNumber'),
        authorisationNote: text(req.body, 'authorisationNote'),
      });
      return reply.redirect(`${resultPageHref(d.code)}?xong=tra`, 303);
    } catch (err) {
      return refused(ctx, req, reply, err, method);
    }
  });
  app.post<Params>(`${path}/buu-chinh`, { config: { access: DESK } }, async (req, reply) => {
    const d = await getDossierForCaller(ctx.db, req.principal, req.params.code);
    try {
      await sendResultByPost(ctx, req.principal as Principal, d.id, {
        address: text(req.body, 'address'),
        phone: text(req.body, 'phone'),
      });
      return reply.redirect(`${resultPageHref(d.code)}?xong=buu-chinh`, 303);
    } catch (err) {
      return refused(ctx, req, reply, err, 'post');
    }
  });

  app.post<Params>(
    `${path}/tai-len`,
    {
      config: { access: PROCESSORS },
      // The body is a multipart stream read by the handler: the CSRF check takes its token from the query.
      preValidation: async (req) => {
        if (req.isMultipart()) req.body = { _csrf: text(req.query, '_csrf') };
      },
    },
    async (req, reply) => {
      const d = await getDossierForCaller(ctx.db, req.principal, req.params.code);
      try {
        await uploadResult(ctx, req, req.principal as Principal, d.id);
        return reply.redirect(`${resultPageHref(d.code)}?xong=tai-len`, 303);
      } catch (err) {
        return refused(ctx, req, reply, err, 'upload');
      }
    },
  );
  app.post<Params>(`${path}/mau`, { config: { access: PROCESSORS } }, async (req, reply) => {
    const d = await getDossierForCaller(ctx.db, req.principal, req.params.code);
    await useGeneratedResult(ctx, req.principal as Principal, d.id);
    return reply.redirect(resultPageHref(d.code), 303);
  });

  app.get(BATCH_PATH, { config: { access: LEADERS } }, async (req, reply) => {
    const rows = await leaderSigningQueue(ctx, req.principal as Principal);
    return reply
      .header('cache-control', 'private, no-store')
      .html(
        <BatchPage
          ctx={pageContext(req)}
          rows={rows}
          csrf={reply.generateCsrf()}
          banner={null}
          failures={[]}
        />,
      );
  });
  app.post(BATCH_PATH, { config: { access: LEADERS } }, async (req, reply) => {
    const principal = req.principal as Principal;
    const chosen = list(req.body, 'dossiers').slice(0, 100);
    const outcomes = chosen.length > 0 ? await signBatch(ctx, principal, chosen) : [];
    const ok = outcomes.filter((o) => o.ok).length;
    const failures = outcomes
      .filter((o) => !o.ok)
      .map((o) => ({ dossier: o.dossier, text: o.error?.message[req.lang] ?? '' }));
    const banner =
      chosen.length === 0
        ? { text: m.batchNothing[req.lang], warning: true }
        : {
            text: m.batchDone[req.lang]
              .replace('{ok}', String(ok))
              .replace('{failed}', String(failures.length)),
            warning: failures.length > 0,
          };
    const rows = await leaderSigningQueue(ctx, principal);
    return reply
      .status(chosen.length === 0 ? 400 : 200)
      .header('cache-control', 'private, no-store')
      .html(
        <BatchPage
          ctx={pageContext(req)}
          rows={rows}
          csrf={reply.generateCsrf()}
          banner={banner}
          failures={failures}
        />,
      );
  });
}

function registerVerifyPages(app: App, ctx: AppContext) {
  app.get(VERIFY_CSS_PATH, { config: { access: 'public' }, schema: { hide: true } }, async (_req, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=86400').send(CSS),
  );
  app.get(VERIFY_PATH, { config: { access: 'public' } }, async (req, reply) =>
    reply.html(<VerifyPage ctx={pageContext(req)} csrf={reply.generateCsrf()} />),
  );
  app.get<{ Params: { id: string } }>(
    `${VERIFY_PATH}/:id`,
    { config: { access: 'public' } },
    async (req, reply) => {
      const found = await verifyById(ctx, req.params.id);
      reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
      if ((req.headers.accept ?? '').includes('application/json')) {
        if (!found) return reply.status(404).send({ code: 'results.not_found', valid: false });
        return {
          valid: found.report.valid && found.intact,
          agency: found.result.agencyName,
          kind: found.result.name,
          resultCode: found.result.resultCode,
          numberSymbol: found.result.numberSymbol,
          issuedAt: found.result.issuedAt?.toISOString() ?? null,
          sha256: found.result.sha256,
          signer: found.report.signatures[0]?.signer?.commonName ?? null,
          demoCertificate: found.result.demoCertificate,
          summary: found.report.summary,
        };
      }
      return reply
        .status(found ? 200 : 404)
        .html(
          <VerifyPage ctx={pageContext(req)} csrf={reply.generateCsrf()} found={found} unknownId={!found} />,
        );
    },
  );
  app.post(
    VERIFY_PATH,
    {
      config: { access: 'public' },
      // The body is a multipart stream read by the handler: the CSRF check takes its token from the query.
      preValidation: async (req) => {
        if (req.isMultipart()) req.body = { _csrf: text(req.query, '_csrf') };
      },
    },
    async (req, reply) => {
      const page = pageContext(req);
      const again = (error: string, status = 400) =>
        reply.status(status).html(<VerifyPage ctx={page} csrf={reply.generateCsrf()} error={error} />);
      if (!req.isMultipart()) return again(m.chooseFile[req.lang]);
      const part = await req.file({ limits: { fileSize: ctx.config.uploadMaxFileMb * 1_048_576, files: 1 } });
      if (!part?.filename) return again(m.chooseFile[req.lang]);
      const bytes = await buffer(part.file);
      if (part.file.truncated) return again(m.verdictNotPdf[req.lang], 413);
      const upload = await verifyUpload(ctx, bytes);
      if (upload.verdict === 'not_pdf') return again(m.verdictNotPdf[req.lang], 422);
      return reply.html(<VerifyPage ctx={page} csrf={reply.generateCsrf()} upload={upload} />);
    },
  );
}

export function registerResultPages(app: App, ctx: AppContext) {
  registerOfficerPages(app, ctx);
  registerVerifyPages(app, ctx);
}
