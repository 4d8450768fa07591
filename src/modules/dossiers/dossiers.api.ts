/**
 * JSON API of intake (paths kept stable): POST /api/v1/dossiers (Idempotency-Key), GET
 * /api/v1/dossiers/{id-or-code}, the desk's receive / request-completion / refuse, the citizen's
 * complete / withdraw, cash payments, slips as PDF and the public tracking look-up.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { validationError } from '../../platform/errors.js';
import type { App } from '../../platform/http/app-type.js';
import type { AppContext } from '../../platform/module.js';
import { completeDossier, withdrawDossier } from './citizen-actions.service.js';
import type { Dossier } from './dossier.js';
import { dossierJson, mayShowPersonalData } from './dossier-json.js';
import { getDossierForCaller } from './dossier-read.service.js';
import {
  CompletionBody,
  DossierJson,
  NewDossierBody,
  NoteBody,
  PaymentBody,
  ReasonBody,
  ReceiveBody,
  TrackingJson,
} from './dossiers.schemas.js';
import { actionLabel } from './history-labels.js';
import { receiveDossier, recordCashPayment, refuseDossier, requestCompletion } from './review.service.js';
import { SLIP_KINDS, slipPdf } from './slips.service.js';
import { submitDossier } from './submission.service.js';
import type { NewDossierInput } from './submission-input.js';
import { trackDossier } from './tracking.service.js';

const tags = ['dossiers'];
const DESK = { officer: ['one_stop'] } as const;
const CITIZEN_OR_DESK = { citizen: true, officer: ['one_stop'] } as const;
const READERS = { citizen: true, officer: 'any' } as const;
const IdParams = Type.Object({ id: Type.String({ description: 'Id (uuid) hoặc mã hồ sơ' }) });
type IdReq = { Params: { id: string } };

/** The Idempotency-Key of a submission: required, 8–200 visible ASCII characters. */
export function idempotencyKeyOf(value: unknown): string {
  const key = typeof value === 'string' ? value.trim() : '';
  if (key.length < 8 || key.length > 200 || !/^[\x21-\x7e]+$/.test(key)) {
    throw validationError('request.invalid_idempotency_key', {
      vi: 'Cần tiêu đề Idempotency-Key (8–200 ký tự ASCII, không có khoảng trắng) để gửi lại an toàn.',
      en: 'An Idempotency-Key header (8–200 ASCII characters, no spaces) is required so that retries are safe.',
    });
  }
  return key;
}

async function send(ctx: AppContext, req: FastifyRequest, reply: FastifyReply, d: Dossier, status = 200) {
  const personal = await mayShowPersonalData(ctx.db, req.principal, d);
  return reply.status(status).send(dossierJson(d, personal));
}

export function registerDossierApi(app: App, ctx: AppContext) {
  const ok = { 200: DossierJson };
  app.post<{ Body: NewDossierInput }>(
    '/api/v1/dossiers',
    {
      config: { access: CITIZEN_OR_DESK },
      schema: {
        tags,
        summary: 'Nộp hồ sơ / Submit a dossier',
        body: NewDossierBody,
        response: { 200: DossierJson, 201: DossierJson },
      },
    },
    async (req, reply) => {
      const key = idempotencyKeyOf(req.headers['idempotency-key']);
      const out = await submitDossier(ctx, req.principal!, req.body, key);
      return send(ctx, req, reply, out.dossier, out.created ? 201 : 200);
    },
  );
  app.get<IdReq>(
    '/api/v1/dossiers/:id',
    {
      config: { access: READERS },
      schema: { tags, summary: 'Hồ sơ / A dossier', params: IdParams, response: ok },
    },
    async (req, reply) =>
      send(ctx, req, reply, await getDossierForCaller(ctx.db, req.principal, req.params.id)),
  );
  const action = <B>(
    path: string,
    access: object,
    body: unknown,
    summary: string,
    run: (req: FastifyRequest<IdReq & { Body: B }>) => Promise<Dossier>,
  ) =>
    app.post<IdReq & { Body: B }>(
      `/api/v1/dossiers/:id/${path}`,
      {
        config: { access: access as never },
        schema: { tags, summary, params: IdParams, body: body as never, response: ok },
      },
      async (req, reply) => send(ctx, req, reply, await run(req)),
    );
  action<Parameters<typeof receiveDossier>[3]>(
    'receive',
    DESK,
    ReceiveBody,
    'Tiếp nhận hồ sơ (Mẫu 01) / Receive',
    (req) => receiveDossier(ctx, req.principal!, req.params.id, req.body),
  );
  action<Parameters<typeof requestCompletion>[3]>(
    'request-completion',
    DESK,
    CompletionBody,
    'Yêu cầu bổ sung (Mẫu 02) / Request completion',
    (req) => requestCompletion(ctx, req.principal!, req.params.id, req.body),
  );
  action<{ reason: string }>('refuse', DESK, ReasonBody, 'Từ chối tiếp nhận (Mẫu 03) / Refuse', (req) =>
    refuseDossier(ctx, req.principal!, req.params.id, req.body),
  );
  action<{ note?: string | null }>(
    'complete',
    CITIZEN_OR_DESK,
    NoteBody,
    'Gửi lại hồ sơ đã bổ sung / Send the completed dossier',
    (req) => completeDossier(ctx, req.principal!, req.params.id, req.body),
  );
  action<{ reason: string }>('withdraw', CITIZEN_OR_DESK, ReasonBody, 'Rút hồ sơ / Withdraw', (req) =>
    withdrawDossier(ctx, req.principal!, req.params.id, req.body),
  );
  action<{ amount: number; receiptNumber: string }>(
    'payments',
    DESK,
    PaymentBody,
    'Thu tiền mặt / Record a cash payment',
    (req) => recordCashPayment(ctx, req.principal!, req.params.id, req.body),
  );
  registerSlipAndTracking(app, ctx);
}

function registerSlipAndTracking(app: App, ctx: AppContext) {
  app.get<{ Params: { id: string; kind: string } }>(
    '/api/v1/dossiers/:id/slips/:kind',
    {
      config: { access: READERS },
      schema: {
        tags,
        summary: 'Phiếu PDF (receipt.pdf, completion-request.pdf, refusal.pdf) / Slip as PDF',
        params: Type.Object({
          id: Type.String(),
          kind: Type.String({ pattern: '^(receipt|completion-request|refusal)\\.pdf$' }),
        }),
      },
    },
    async (req, reply) => {
      const kind = SLIP_KINDS[req.params.kind.replace(/\.pdf$/, '')] ?? 'receipt';
      const { code, pdf } = await slipPdf(ctx, req.principal, req.params.id, kind);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${code}-${req.params.kind}"`)
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  );
  app.get<{ Params: { code: string }; Querystring: { check?: string; t?: string } }>(
    '/api/v1/tracking/:code',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Tra cứu hồ sơ công khai / Public dossier look-up',
        params: Type.Object({ code: Type.String() }),
        querystring: Type.Object({ check: Type.Optional(Type.String()), t: Type.Optional(Type.String()) }),
        response: { 200: TrackingJson },
      },
    },
    async (req, reply) => {
      const proof = req.query.t ? { token: req.query.t } : { check: req.query.check ?? '' };
      const v = await trackDossier(ctx.db, ctx.serverSecret, req.params.code, proof);
      return reply.header('cache-control', 'no-store').send({
        ...v,
        statusName: v.statusName.vi,
        subState: v.subStateName?.vi ?? null,
        submittedAt: v.submittedAt.toISOString(),
        receivedAt: v.receivedAt?.toISOString() ?? null,
        dueAt: v.dueAt?.toISOString() ?? null,
        timeline: v.timeline.map((t) => ({
          ...t,
          at: t.at.toISOString(),
          actionName: actionLabel(t.action).vi,
        })),
      });
    },
  );
}
