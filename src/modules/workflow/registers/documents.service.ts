/**
 * The processing documents of a dossier as PDF bytes, for someone who may see it: the apology letter
 * (approved, else the latest draft marked DỰ THẢO), the control sheet from its hand-overs, and the
 * stop notice of a stopped dossier. Printed with the form set the dossier was received under.
 */

import { buffer } from 'node:stream/consumers';
import { notFound } from '../../../platform/errors.js';
import type { Principal } from '../../../platform/http/access.js';
import type { AppContext } from '../../../platform/module.js';
import { placeOf } from '../../../platform/pdf/index.js';
import { signerFor } from '../../../platform/signing/index.js';
import { getAgency } from '../../admin-units/index.js';
import { type Dossier, getDossierForCaller, trackingUrl } from '../../dossiers/index.js';
import { renderApology, renderApologyForSigning } from './apology.js';
import { renderControlSheet } from './control-sheet.js';
import type { DocumentHead, DocumentPerson } from './document-types.js';
import * as repo from './documents.repository.js';
import { processingForms } from './form-numbers.js';
import { handoverRows } from './handovers.js';
import { renderStopNotice } from './stop-notice.js';

export const PROCESSING_DOCUMENTS = ['apology', 'control-sheet', 'stop-notice'] as const;
export type ProcessingDocument = (typeof PROCESSING_DOCUMENTS)[number];

const notYet = (doc: string, vi: string) =>
  notFound('workflow.document_not_issued', {
    vi: `Hồ sơ chưa có ${vi}.`,
    en: `This dossier has no ${doc} yet.`,
  });

const person = (p: Dossier['applicant']): DocumentPerson => ({
  name: p.name,
  address: p.address,
  phone: p.phone,
  email: p.email,
});

async function head(
  ctx: AppContext,
  d: Dossier,
  agencyId: string,
  formNo: string | null,
): Promise<DocumentHead> {
  const agency = await getAgency(ctx.db, agencyId);
  const parent = agency.parentId ? await getAgency(ctx.db, agency.parentId) : null;
  const formSetName = (await repo.selectFormSetName(ctx.db, d.formSet)) ?? 'Thông tư số 01/2018/TT-VPCP';
  return {
    formSetName,
    formNo,
    agencyParentName: parent?.name ?? null,
    agencyName: agency.name,
    place: placeOf(agency.name),
    issuedAt: ctx.clock.now(),
    dossierCode: d.code,
    // The QR code opens the public tracking page with a signed token, as the intake slips do.
    lookupUrl: trackingUrl(ctx.config.baseUrl, ctx.serverSecret, d.code),
  };
}

const returnPlace = (d: Dossier) =>
  d.returnMethod === 'desk'
    ? `Bộ phận Một cửa – ${d.receivingAgency.name}`
    : d.returnMethod === 'post'
      ? `địa chỉ nhận qua bưu chính: ${d.returnAddress ?? ''}`
      : 'tài khoản dịch vụ công của Ông/Bà (nhận trực tuyến)';

async function apologyPdf(ctx: AppContext, d: Dossier) {
  const letter = await repo.selectApologyToPrint(ctx.db, d.id);
  if (!letter) throw notYet('apology letter', 'phiếu xin lỗi và hẹn lại ngày trả kết quả');
  // The approved letter is the signed one, as it was signed at the approval.
  if (letter.signed_sha256) return buffer(await ctx.files.get(letter.signed_sha256));
  const form = processingForms(d.formSet).apology;
  const h = await head(ctx, d, letter.responsible_agency_id, form.no);
  const draft = letter.approved_at === null;
  return renderApology(
    {
      ...h,
      issuedAt: letter.approved_at ?? letter.drafted_at,
      draft,
      applicant: person(d.applicant),
      receivingAgencyName: d.receivingAgency.name,
      procedureName: d.procedureName,
      receivedAt: d.receivedAt,
      oldDueAt: letter.old_due_at,
      newDueAt: letter.new_due_at,
      reason: letter.reason,
      responsibleAgencyName: letter.agency_name,
      returnPlace: returnPlace(d),
      signerName: draft ? null : letter.approver_name,
    },
    form.title,
  );
}

/**
 * The apology letter as the leader approves it, signed with the responsible agency's certificate
 * (issue 8: "the apology letters are signed the same way"), stored; returns its SHA-256. Runs before
 * the approval's transaction: a failure leaves the dossier as it was, with the error shown.
 */
export async function signApologyLetter(
  ctx: AppContext,
  d: Dossier,
  letter: {
    reason: string;
    oldDueAt: Date;
    newDueAt: Date;
    responsibleAgencyId: string;
    approvedAt: Date;
    approverName: string;
  },
): Promise<string> {
  const form = processingForms(d.formSet).apology;
  const h = await head(ctx, d, letter.responsibleAgencyId, form.no);
  const agency = await getAgency(ctx.db, letter.responsibleAgencyId);
  const signer = await signerFor(ctx, { code: agency.code, name: agency.name });
  const { pdf, widget } = await renderApologyForSigning(
    {
      ...h,
      issuedAt: letter.approvedAt,
      draft: false,
      applicant: person(d.applicant),
      receivingAgencyName: d.receivingAgency.name,
      procedureName: d.procedureName,
      receivedAt: d.receivedAt,
      oldDueAt: letter.oldDueAt,
      newDueAt: letter.newDueAt,
      reason: letter.reason,
      responsibleAgencyName: agency.name,
      returnPlace: returnPlace(d),
      signerName: letter.approverName,
      signature: {
        signerName: letter.approverName,
        agencyName: agency.name,
        signingTime: letter.approvedAt,
        demo: signer.describe().isDemo,
      },
    },
    form.title,
  );
  const signed = await signer.sign(pdf, {
    reason: `Ký số phiếu xin lỗi và hẹn lại ngày trả kết quả, hồ sơ ${d.code}`,
    location: placeOf(agency.name),
    signerName: letter.approverName,
    signingTime: letter.approvedAt,
    ...(widget ? { widget } : {}),
  });
  return (await ctx.files.put(signed)).sha256;
}

async function controlSheetPdf(ctx: AppContext, d: Dossier) {
  const form = processingForms(d.formSet).controlSheet;
  const receipt = d.slips.find((s) => s.kind === 'receipt');
  const details = (receipt?.details ?? {}) as { durationText?: string | null };
  return renderControlSheet(
    {
      ...(await head(ctx, d, d.receivingAgency.id, form.no)),
      applicant: person(d.applicant),
      owner: d.owner ? person(d.owner) : null,
      procedureName: d.procedureName,
      receivedAt: d.receivedAt,
      durationText: details.durationText ?? null,
      dueAt: d.dueAt,
      components: d.components.map((c) => ({
        name: c.name,
        originals: c.originals,
        certifiedCopies: c.certifiedCopies,
        copies: c.copies,
      })),
      handovers: handoverRows(await repo.selectStepRecords(ctx.db, d.id)),
    },
    form.title,
  );
}

async function stopNoticePdf(ctx: AppContext, d: Dossier) {
  const stop = [...d.history].reverse().find((e) => e.action === 'stop');
  if (d.status !== 8 || !stop) throw notYet('stop notice', 'thông báo dừng giải quyết hồ sơ');
  const form = processingForms(d.formSet).stopNotice;
  return renderStopNotice(
    {
      ...(await head(ctx, d, d.competentAgency.id, form.no)),
      issuedAt: stop.at,
      applicant: person(d.applicant),
      receivingAgencyName: d.receivingAgency.name,
      procedureName: d.procedureName,
      receivedAt: d.receivedAt,
      stoppedAt: stop.at,
      stoppedBy: stop.actorName,
      reason: d.refusalReason ?? stop.content ?? '',
    },
    form.title,
  );
}

/** The document as PDF bytes; 404 (as for an unknown dossier) when the caller may not see the dossier. */
export async function processingDocumentPdf(
  ctx: AppContext,
  principal: Principal | null,
  idOrCode: string,
  doc: ProcessingDocument,
): Promise<{ code: string; pdf: Buffer }> {
  const d = await getDossierForCaller(ctx.db, principal, idOrCode);
  const render = { apology: apologyPdf, 'control-sheet': controlSheetPdf, 'stop-notice': stopNoticePdf }[doc];
  return { code: d.code, pdf: await render(ctx, d) };
}
