/**
 * The dossier's result (DOMAIN.md §8): prepared from the template of the procedure's result kind,
 * numbered in the competent agency's register, signed by the agency leader at the approval step
 * (which completes the dossier, status 9), kept hidden from the citizen until it is returned.
 *
 * Signing runs outside any database transaction (render, sign, store the bytes) and commits its
 * outcome after, together with the workflow's "complete": a failure leaves the dossier where it
 * was, with the error recorded on the result and a retry possible (the number taken stays).
 */

import { buffer } from 'node:stream/consumers';
import { AppError, conflict, forbidden, notFound, validationError } from '../../platform/errors.js';
import type { Principal } from '../../platform/http/access.js';
import { newId } from '../../platform/ids.js';
import type { AppContext } from '../../platform/module.js';
import { placeOf, vietnamParts } from '../../platform/pdf/index.js';
import {
  type PdfSigner,
  signerFor,
  trustedRoots,
  verifyPdfSignatures,
} from '../../platform/signing/index.js';
import { getAgency } from '../admin-units/index.js';
import { versionAt } from '../catalogue/index.js';
import { type Dossier, getDossier, readDossierAttachment, storeResultDocument } from '../dossiers/index.js';
import { applyProcessingAction, holdsCurrentStep, processingState } from '../workflow/index.js';
import { dataStorePrefix, newVerificationId, numberSymbol, symbolFor } from './codes.js';
import { renderResult } from './document.js';
import * as repo from './results.repository.js';
import { defaultSignerTitle, templateFor, validUntilFor } from './templates/index.js';

export type ResultRow = repo.ResultRow;

const vietnamIsoDate = (d: Date) => {
  const p = vietnamParts(d);
  return `${p.year}-${p.month}-${p.day}`;
};

export const verifyUrl = (baseUrl: string, verificationId: string) =>
  `${baseUrl.replace(/\/$/, '')}/verify/${verificationId}`;

export { defaultSignerTitle } from './templates/index.js';

const notSigningStep = () =>
  conflict('results.not_signing_step', {
    vi: 'Hồ sơ chưa đến bước lãnh đạo phê duyệt và ký số, hoặc bạn không giữ bước này.',
    en: 'The dossier is not at the leader’s approve-and-sign step, or you do not hold that step.',
  });

export const resultNotFound = () =>
  notFound('results.not_found', { vi: 'Không tìm thấy kết quả.', en: 'Result not found.' });

/** The result of the dossier, made now from the procedure's result kind if there is none yet. */
export async function prepareResult(ctx: AppContext, principal: Principal, d: Dossier): Promise<ResultRow> {
  const existing = await repo.selectLiveResult(ctx.db, d.id);
  if (existing) return existing;
  const version = await versionAt(ctx.db, d.procedureCode, d.receivedAt ?? d.submittedAt);
  const kind = version.content.results[0];
  const name = kind?.name?.trim() || `Kết quả giải quyết thủ tục ${d.procedureName}`;
  const agency = await getAgency(ctx.db, d.competentAgency.id);
  const template = await templateFor(ctx.db, d.procedureCode, agency.id, name);
  const now = ctx.clock.now();
  await ctx.db
    .insertInto('results')
    .values({
      id: newId(),
      dossier_id: d.id,
      source: 'generated',
      state: 'draft',
      name: template.title,
      result_code: kind?.codeValid ? kind.code : null,
      agency_id: agency.id,
      symbol: symbolFor(template.symbolKind, agency.name),
      verification_id: newVerificationId(),
      permanent: template.validityMonths === null,
      created_by: principal.id,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) => oc.column('dossier_id').where('state', '<>', 'cancelled').doNothing())
    .execute();
  const made = await repo.selectLiveResult(ctx.db, d.id);
  if (!made) throw resultNotFound();
  return made;
}

const notAPdf = () =>
  validationError(
    'results.upload_not_pdf',
    { vi: 'Kết quả tải lên phải là tệp PDF.', en: 'An uploaded result must be a PDF file.' },
    [
      {
        field: 'file',
        message: { vi: 'Kết quả tải lên phải là tệp PDF.', en: 'An uploaded result must be a PDF file.' },
      },
    ],
  );

/**
 * The officer handling the dossier now uploads the result instead of having it generated: a scan
 * (signed by the leader at the approval step, invisibly) or a file signed elsewhere (kept as it is
 * if its signature holds). `fileId` is a working document of the dossier they uploaded (a PDF).
 * Replaces the draft's source; a signed result cannot be replaced.
 */
export async function useUploadedResult(
  ctx: AppContext,
  principal: Principal,
  idOrCode: string,
  file: { id: string; mediaType: string },
): Promise<ResultRow> {
  const state = await processingState(ctx, principal, idOrCode);
  if (state.head.status !== 4 || !holdsCurrentStep(state))
    throw forbidden('workflow.not_your_step', {
      vi: 'Bạn không xử lý hồ sơ này ở bước hiện tại nên không thể tải lên kết quả.',
      en: 'You do not handle this dossier at its current step, so you cannot upload its result.',
    });
  if (file.mediaType !== 'application/pdf') throw notAPdf();
  const d = await getDossier(ctx.db, state.head.id);
  const result = await prepareResult(ctx, principal, d);
  if (result.state === 'signed')
    throw conflict('results.already_signed', {
      vi: 'Kết quả đã được ký số, không thay được.',
      en: 'The result is signed already and cannot be replaced.',
    });
  await ctx.db
    .updateTable('results')
    .set({
      source: 'uploaded',
      source_file_id: file.id,
      updated_at: ctx.clock.now(),
      row_version: result.row_version + 1,
    })
    .where('id', '=', result.id)
    .where('state', '=', 'draft')
    .execute();
  return (await repo.selectResult(ctx.db, result.id))!;
}

/** Back to the document generated from the template. */
export async function useGeneratedResult(ctx: AppContext, principal: Principal, idOrCode: string) {
  const d = await getDossier(ctx.db, idOrCode);
  const result = await prepareResult(ctx, principal, d);
  if (result.state !== 'draft') return result;
  await ctx.db
    .updateTable('results')
    .set({
      source: 'generated',
      source_file_id: null,
      updated_at: ctx.clock.now(),
      row_version: result.row_version + 1,
    })
    .where('id', '=', result.id)
    .where('state', '=', 'draft')
    .execute();
  return (await repo.selectResult(ctx.db, result.id))!;
}

/**
 * An uploaded result's bytes as they will be issued: a file whose signatures already hold is kept as
 * it is (signed elsewhere); otherwise the agency signs it (no visible block: the page is not ours).
 */
async function signedUpload(
  ctx: AppContext,
  signer: PdfSigner,
  bytes: Buffer,
  info: { reason: string; location: string; signerName: string; signingTime: Date },
): Promise<Buffer> {
  const report = verifyPdfSignatures(bytes, { trustedRoots: await trustedRoots(ctx) });
  if (report.signed && report.valid) return bytes;
  if (report.signed)
    throw conflict('results.upload_signature_invalid', {
      vi: `Tệp tải lên có chữ ký số không hợp lệ (${report.summary}): hãy tải lên bản gốc hoặc bản quét chưa ký.`,
      en: `The uploaded file's signature is not valid (${report.summary}): upload the original or an unsigned scan.`,
    });
  return signer.sign(bytes, info);
}

/** Takes the register's number once; a retry after a failed signature keeps it. */
async function numbered(ctx: AppContext, r: ResultRow): Promise<ResultRow> {
  if (r.number_symbol) return r;
  return ctx.db.transaction().execute(async (trx) => {
    const fresh = await trx
      .selectFrom('results')
      .selectAll()
      .where('id', '=', r.id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (fresh.number_symbol) return fresh;
    const year = Number(vietnamParts(ctx.clock.now()).year);
    const n = await repo.takeNumber(trx, fresh.agency_id, year);
    return trx
      .updateTable('results')
      .set({
        register_year: year,
        register_number: n,
        number_symbol: numberSymbol(n, fresh.symbol),
        updated_at: ctx.clock.now(),
      })
      .where('id', '=', fresh.id)
      .returningAll()
      .executeTakeFirstOrThrow();
  });
}

export interface SignInput {
  /** Over the signature, e.g. "KT. Chủ tịch / Phó Chủ tịch"; default from the kind of agency. */
  signerTitle?: string | undefined;
}

/**
 * Approve and sign: the leader holding the approval step signs the dossier's result with the
 * agency's certificate, and the dossier is decided (status 9) in the same transaction that records
 * the signed result. Returns the signed result.
 */
export async function signDossierResult(
  ctx: AppContext,
  principal: Principal,
  idOrCode: string,
  input: SignInput = {},
): Promise<ResultRow> {
  let state = await processingState(ctx, principal, idOrCode);
  const atSigning = state.steps.find((s) => s.id === state.head.step_id)?.role === 'agency_leader';
  // A leader signing an unclaimed approval step of their agency takes it first (recorded as a claim).
  if (atSigning && state.actions.some((a) => a.action === 'claim')) {
    await applyProcessingAction(ctx, principal, state.head.id, 'claim');
    state = await processingState(ctx, principal, state.head.id);
  }
  const step = state.steps.find((s) => s.id === state.head.step_id);
  if (step?.role !== 'agency_leader' || !state.actions.some((a) => a.action === 'complete')) {
    if (state.actor.kind !== 'officer' || state.actions.length === 0)
      throw forbidden('workflow.not_your_step', {
        vi: 'Bạn không giữ bước xử lý hiện tại của hồ sơ này.',
        en: 'You do not hold the current step of this dossier.',
      });
    throw notSigningStep();
  }
  const d = await getDossier(ctx.db, state.head.id);
  let result = await prepareResult(ctx, principal, d);
  if (result.state !== 'signed') result = await numbered(ctx, result);
  const agency = await getAgency(ctx.db, result.agency_id);
  const parent = agency.parentId ? await getAgency(ctx.db, agency.parentId) : null;
  const now = ctx.clock.now();
  const template = await templateFor(ctx.db, d.procedureCode, result.agency_id, result.name);
  const validUntil = result.valid_until
    ? new Date(result.valid_until)
    : validUntilFor(template.validityMonths, now);
  const signerTitle = input.signerTitle?.trim() || template.signerTitle || defaultSignerTitle(agency.name);

  let signed: {
    sha256: string;
    size: number;
    identity: ReturnType<Awaited<ReturnType<typeof signerFor>>['describe']>;
  };
  if (result.state === 'signed') {
    // Signed before, but the dossier did not move (it changed meanwhile): only the decision is left.
    signed = {
      sha256: result.sha256!,
      size: Number(result.size),
      identity: (await signerFor(ctx, { code: agency.code, name: agency.name })).describe(),
    };
  } else {
    try {
      const signer = await signerFor(ctx, { code: agency.code, name: agency.name });
      const identity = signer.describe();
      const info = {
        reason: `Ký số ${result.name} số ${result.number_symbol}, hồ sơ ${d.code}`,
        location: placeOf(agency.name),
        signerName: principal.name,
        signingTime: now,
      };
      if (result.source === 'uploaded' && result.source_file_id) {
        const upload = await readDossierAttachment(ctx, result.source_file_id);
        const stored = await ctx.files.put(
          await signedUpload(ctx, signer, await buffer(upload.stream), info),
        );
        signed = { sha256: stored.sha256, size: stored.size, identity };
      } else {
        const { pdf, widget } = await renderResult(
          {
            agencyParentName: parent?.name ?? null,
            agencyName: agency.name,
            place: placeOf(agency.name),
            issuedAt: now,
            numberSymbol: result.number_symbol!,
            name: result.name,
            resultCode: result.result_code,
            dossierCode: d.code,
            verifyUrl: verifyUrl(ctx.config.baseUrl, result.verification_id),
            procedureCode: d.procedureCode,
            procedureName: d.procedureName,
            receivedAt: d.receivedAt,
            receivingAgencyName: d.receivingAgency.name,
            applicant: d.applicant,
            owner: d.owner,
            validUntil,
            signer: { title: signerTitle, name: principal.name },
            signature: {
              signerName: principal.name,
              agencyName: agency.name,
              signingTime: now,
              demo: identity.isDemo,
            },
          },
          template,
        );
        const bytes = await signer.sign(pdf, { ...info, widget });
        const stored = await ctx.files.put(bytes);
        signed = { sha256: stored.sha256, size: stored.size, identity };
      }
    } catch (e) {
      await ctx.db
        .updateTable('results')
        .set({
          sign_error: e instanceof AppError ? e.text.vi : (e as Error).message,
          sign_failed_at: now,
          updated_at: now,
        })
        .where('id', '=', result.id)
        .execute();
      ctx.log.error({ err: e, dossier: d.code }, 'signing the result failed');
      if (e instanceof AppError) throw e;
      throw new AppError('unavailable', 'results.signing_failed', {
        vi: 'Ký số không thành công; hồ sơ giữ nguyên. Hãy thử lại.',
        en: 'Signing failed; the dossier is unchanged. Try again.',
      });
    }
  }

  const ownerIdNumber = d.owner?.idNumber ?? d.applicant.idNumber;
  await applyProcessingAction(ctx, principal, d.id, 'complete', {
    note: `Phê duyệt và ký số ${result.name} số ${result.number_symbol}`,
    alongside: async (trx) => {
      const code = await storeResultDocument(trx, {
        resultId: result.id,
        accountId: d.accountId,
        ownerIdNumber,
        prefix: dataStorePrefix({
          ownerIdNumber: ownerIdNumber ?? d.code,
          resultCode: result.result_code,
          numberSymbol: result.number_symbol!,
        }),
        name: `${result.name} số ${result.number_symbol}`,
        sha256: signed.sha256,
        size: signed.size,
        dossierId: d.id,
        issuedAt: now,
        now,
      });
      const moved = await trx
        .updateTable('results')
        .set({
          state: 'signed',
          sha256: signed.sha256,
          size: signed.size,
          issued_at: result.issued_at ?? now,
          signed_at: result.signed_at ?? now,
          signer_id: result.signer_id ?? principal.id,
          signer_name: result.signer_name ?? principal.name,
          signer_title: result.signer_title ?? signerTitle,
          // A date, as the Vietnam calendar gives it: a Date would go through the process's time zone.
          valid_until: result.valid_until ?? (validUntil ? vietnamIsoDate(validUntil) : null),
          permanent: validUntil === null,
          certificate_subject: signed.identity.commonName,
          certificate_serial: signed.identity.serialNumber,
          certificate_demo: signed.identity.isDemo,
          data_store_code: code,
          sign_error: null,
          sign_failed_at: null,
          updated_at: now,
          row_version: result.row_version + 1,
        })
        .where('id', '=', result.id)
        .where('row_version', '=', result.row_version)
        .executeTakeFirst();
      if (Number(moved.numUpdatedRows) !== 1) {
        throw conflict('dossier.changed', {
          vi: 'Kết quả vừa được người khác thay đổi: hãy tải lại trang.',
          en: 'The result was changed by someone else: reload the page.',
        });
      }
    },
  });
  return (await repo.selectResult(ctx.db, result.id))!;
}

export interface BatchOutcome {
  dossier: string;
  ok: boolean;
  resultId?: string;
  numberSymbol?: string | null;
  error?: { code: string; message: { vi: string; en: string } };
}

/** Signs several dossiers one after another; one failure does not stop the others. */
export async function signBatch(
  ctx: AppContext,
  principal: Principal,
  dossiers: string[],
  input: SignInput = {},
): Promise<BatchOutcome[]> {
  const out: BatchOutcome[] = [];
  for (const dossier of [...new Set(dossiers)]) {
    try {
      const r = await signDossierResult(ctx, principal, dossier, input);
      out.push({ dossier, ok: true, resultId: r.id, numberSymbol: r.number_symbol });
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      out.push({ dossier, ok: false, error: { code: e.code, message: e.text } });
    }
  }
  return out;
}
