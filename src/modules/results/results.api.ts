/**
 * JSON API of results (paths kept stable): POST /api/v1/dossiers/{id}/actions/sign (leader),
 * POST /api/v1/results/sign-batch (leader), POST /api/v1/dossiers/{id}/result/return (desk),
 * GET /api/v1/results/{id} (metadata) and GET /api/v1/results/{id}.pdf (the signed document:
 * officers who may see the dossier; the owner only once it is returned).
 *
 * /actions/sign is a static route beside the workflow's parametric /actions/:action: static wins in
 * the router, so "sign" is answered here.
 */
import { buffer } from 'node:stream/consumers';
import { Type } from 'typebox';
import type { Db } from '../../platform/db/database.js';
import type { Principal } from '../../platform/http/access.js';
import type { App } from '../../platform/http/app-type.js';
import { allowSameOriginFraming } from '../../platform/http/security.js';
import type { AppContext } from '../../platform/module.js';
import { getDossierForCaller } from '../dossiers/index.js';
import * as repo from './results.repository.js';
import {
  type ResultRow,
  resultNotFound,
  signBatch,
  signDossierResult,
  verifyUrl,
} from './results.service.js';
import { returnResult } from './return.service.js';
import { uploadResult } from './upload-result.js';

const tags = ['results'];
const LEADERS = { officer: ['agency_leader'] } as const;
const DESK = { officer: ['one_stop'] } as const;
const READERS = { citizen: true, officer: 'any' } as const;
const PROCESSORS = {
  officer: ['one_stop', 'specialist', 'department_head', 'agency_leader', 'clerk'],
} as const;

const ResultJson = Type.Object({
  id: Type.String(),
  dossierId: Type.String(),
  state: Type.String(),
  name: Type.String(),
  resultCode: Type.Union([Type.String(), Type.Null()]),
  numberSymbol: Type.Union([Type.String(), Type.Null()]),
  issuedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  validUntil: Type.Union([Type.String(), Type.Null()]),
  sha256: Type.Union([Type.String(), Type.Null()]),
  signerName: Type.Union([Type.String(), Type.Null()]),
  signedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  demoCertificate: Type.Union([Type.Boolean(), Type.Null()]),
  verificationUrl: Type.String(),
  returnedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  /** Only for officers: it contains the owner's ID number (DOMAIN.md §5.4). */
  dataStoreCode: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  signError: Type.Optional(Type.Union([Type.String(), Type.Null()])),
});

export function resultJson(ctx: AppContext, r: ResultRow, officer: boolean) {
  return {
    id: r.id,
    dossierId: r.dossier_id,
    state: r.state,
    name: r.name,
    resultCode: r.result_code,
    numberSymbol: r.number_symbol,
    issuedAt: r.issued_at?.toISOString() ?? null,
    validUntil: r.valid_until ? String(r.valid_until) : null,
    sha256: r.sha256,
    signerName: r.signer_name,
    signedAt: r.signed_at?.toISOString() ?? null,
    demoCertificate: r.certificate_demo,
    verificationUrl: verifyUrl(ctx.config.baseUrl, r.verification_id),
    returnedAt: r.returned_at?.toISOString() ?? null,
    ...(officer ? { dataStoreCode: r.data_store_code, signError: r.sign_error } : {}),
  };
}

/**
 * The result as the caller may see it: an officer who may see its dossier; the dossier's citizen
 * only once it is returned (DOMAIN.md §9). Anyone else: the same 404 as an unknown id.
 */
export async function resultForCaller(db: Db, principal: Principal | null, id: string): Promise<ResultRow> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw resultNotFound();
  const r = await repo.selectResult(db, id);
  if (!r || r.state === 'cancelled') throw resultNotFound();
  try {
    await getDossierForCaller(db, principal, r.dossier_id);
  } catch {
    throw resultNotFound();
  }
  if (principal?.kind === 'citizen' && !r.returned_at) throw resultNotFound();
  return r;
}

const SignBody = Type.Optional(
  Type.Object({
    signerTitle: Type.Optional(
      Type.String({ maxLength: 120, description: 'Over the signature, e.g. "KT. Chủ tịch\\nPhó Chủ tịch"' }),
    ),
  }),
);

export function registerResultsApi(app: App, ctx: AppContext) {
  app.post<{ Params: { id: string }; Body: { signerTitle?: string } | undefined }>(
    '/api/v1/dossiers/:id/actions/sign',
    {
      config: { access: LEADERS },
      schema: {
        tags,
        summary: 'Phê duyệt và ký số kết quả / Approve and sign the result',
        description:
          'The agency leader holding the approval step signs the dossier’s result with the agency’s ' +
          'certificate (PAdES, ETSI.CAdES.detached, SHA-256, visible signature block) and the dossier is ' +
          'decided (status 9). The result is made from the template of the procedure’s result kind if ' +
          'there is none, numbered in the agency’s register. Signing runs outside any transaction: a ' +
          'failure leaves the dossier where it was (results.signing_failed 503, the error kept on the ' +
          'result) and a retry keeps the number. Errors: results.not_signing_step (409), ' +
          'workflow.not_your_step (403), results.no_signing_key (409), dossier.changed (409), dossier.not_found (404).',
        params: Type.Object({ id: Type.String({ description: 'Id (uuid) hoặc mã hồ sơ' }) }),
        body: SignBody,
        response: { 200: ResultJson },
      },
    },
    async (req) => {
      const r = await signDossierResult(ctx, req.principal!, req.params.id, {
        signerTitle: req.body?.signerTitle,
      });
      return resultJson(ctx, r, true);
    },
  );

  app.post<{ Body: { dossiers: string[]; signerTitle?: string } }>(
    '/api/v1/results/sign-batch',
    {
      config: { access: LEADERS },
      schema: {
        tags,
        summary: 'Ký số nhiều hồ sơ / Sign a batch of dossiers',
        description:
          'Signs each dossier as /actions/sign does, one after another; one failure does not stop the ' +
          'others. The answer lists each dossier with ok and its result or its error.',
        body: Type.Object({
          dossiers: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { minItems: 1, maxItems: 100 }),
          signerTitle: Type.Optional(Type.String({ maxLength: 120 })),
        }),
        response: {
          200: Type.Object({
            signed: Type.Integer(),
            failed: Type.Integer(),
            results: Type.Array(
              Type.Object({
                dossier: Type.String(),
                ok: Type.Boolean(),
                resultId: Type.Optional(Type.String()),
                numberSymbol: Type.Optional(Type.Union([Type.String(), Type.Null()])),
                error: Type.Optional(
                  Type.Object({
                    code: Type.String(),
                    message: Type.Object({ vi: Type.String(), en: Type.String() }),
                  }),
                ),
              }),
            ),
          }),
        },
      },
    },
    async (req) => {
      const results = await signBatch(ctx, req.principal!, req.body.dossiers, {
        signerTitle: req.body.signerTitle,
      });
      return {
        signed: results.filter((r) => r.ok).length,
        failed: results.filter((r) => !r.ok).length,
        results,
      };
    },
  );

  app.post<{
    Params: { id: string };
    Body: {
      method: 'desk' | 'online' | 'post';
      pickedUpBy?: 'applicant' | 'authorised';
      recipientName?: string;
      recipientIdNumber?: string;
      authorisationNote?: string;
      note?: string;
    };
  }>(
    '/api/v1/dossiers/:id/result/return',
    {
      config: { access: DESK },
      schema: {
        tags,
        summary: 'Trả kết quả / Return the result',
        description:
          'The one-stop desk returns the signed result (status 10): at the desk (pickedUpBy applicant or ' +
          'authorised, recipientName, recipientIdNumber 12 digits, for an authorised person the ' +
          'authorisation), online (the citizen sees it in their account and data store from now on). By ' +
          'post the return is recorded when the postal service reports the delivery. Errors: ' +
          'results.not_signed (409), results.pickup_required, results.recipient_name_required, ' +
          'results.recipient_id_invalid, results.recipient_not_applicant (400), workflow.* as the workflow’s ' +
          'return_result.',
        params: Type.Object({ id: Type.String({ description: 'Id (uuid) hoặc mã hồ sơ' }) }),
        body: Type.Object({
          method: Type.Union([Type.Literal('desk'), Type.Literal('online')]),
          pickedUpBy: Type.Optional(Type.Union([Type.Literal('applicant'), Type.Literal('authorised')])),
          recipientName: Type.Optional(Type.String({ maxLength: 200 })),
          recipientIdNumber: Type.Optional(Type.String({ maxLength: 20 })),
          authorisationNote: Type.Optional(Type.String({ maxLength: 500 })),
          note: Type.Optional(Type.String({ maxLength: 2000 })),
        }),
        response: { 200: ResultJson },
      },
    },
    async (req) => {
      const r = await returnResult(ctx, req.principal!, req.params.id, req.body);
      return resultJson(ctx, r, true);
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/v1/results/:id',
    {
      config: { access: READERS },
      schema: {
        tags,
        summary:
          'Kết quả: thông tin, hoặc tệp PDF đã ký với đuôi .pdf / A result’s metadata, or its signed PDF with .pdf',
        description:
          'GET /api/v1/results/{id} answers the metadata; GET /api/v1/results/{id}.pdf the signed PDF. ' +
          'Officers who may see the dossier; the dossier’s citizen only once the result is returned.',
        params: Type.Object({ id: Type.String() }),
      },
    },
    async (req, reply) => {
      const pdf = req.params.id.endsWith('.pdf');
      const r = await resultForCaller(ctx.db, req.principal, req.params.id.replace(/\.pdf$/, ''));
      if (!pdf) return resultJson(ctx, r, req.principal?.kind === 'officer');
      if (r.state !== 'signed' || !r.sha256) throw resultNotFound();
      const bytes = await buffer(await ctx.files.get(r.sha256));
      const file = `${(r.number_symbol ?? 'ket-qua').replace(/[^A-Za-z0-9-]+/g, '-')}.pdf`;
      // The result page shows it in a frame of its own.
      return allowSameOriginFraming(reply)
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${file}"`)
        .header('cache-control', 'private, no-store')
        .send(bytes);
    },
  );

  app.post<{ Params: { id: string } }>(
    '/api/v1/dossiers/:id/result/upload',
    {
      config: { access: PROCESSORS },
      schema: {
        tags,
        summary: 'Tải lên văn bản kết quả / Upload the result document',
        description:
          'multipart/form-data with one PDF part: the result is this file instead of the one generated ' +
          'from the template — a scan, signed by the leader at the approval step, or a file signed ' +
          'elsewhere, kept as it is when its signature holds (an invalid signature is refused at ' +
          'signing). The caller must handle the dossier now (status 4). Idempotency-Key header required. ' +
          'Errors: results.upload_not_pdf (400), results.already_signed (409), workflow.not_your_step (403), ' +
          'attachment.* as attachments.',
        consumes: ['multipart/form-data'],
        params: Type.Object({ id: Type.String({ description: 'Id (uuid) hoặc mã hồ sơ' }) }),
        response: { 200: ResultJson },
      },
    },
    async (req) => {
      const r = await uploadResult(ctx, req, req.principal!, req.params.id);
      return resultJson(ctx, r, true);
    },
  );
}
