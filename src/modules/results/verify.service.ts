/**
 * Xác thực kết quả (issue point 6): by the QR code's verification id, what the public may know of a
 * result — issuing agency, kind, number and symbol, date, the document's SHA-256 and the signature's
 * status — and, for any uploaded PDF, whether it is an authentic, unaltered motcua result and who
 * signed it. No personal data: the applicant's name and ID are in the document, not on this page.
 */
import { createHash } from 'node:crypto';
import { buffer } from 'node:stream/consumers';
import type { AppContext } from '../../platform/module.js';
import { trustedRoots, type VerificationReport, verifyPdfSignatures } from '../../platform/signing/index.js';
import { isVerificationId } from './codes.js';
import * as repo from './results.repository.js';

export interface PublicResult {
  verificationId: string;
  agencyName: string;
  name: string;
  resultCode: string | null;
  numberSymbol: string | null;
  issuedAt: Date | null;
  validUntil: Date | null;
  sha256: string;
  signerName: string | null;
  signerTitle: string | null;
  signedAt: Date | null;
  certificateSubject: string | null;
  demoCertificate: boolean;
}

type Row = NonNullable<Awaited<ReturnType<typeof repo.selectByVerificationId>>>;
const publicOf = (r: Row): PublicResult => ({
  verificationId: r.verification_id,
  agencyName: r.agency_name,
  name: r.name,
  resultCode: r.result_code,
  numberSymbol: r.number_symbol,
  issuedAt: r.issued_at,
  validUntil: r.valid_until ? new Date(r.valid_until) : null,
  sha256: r.sha256!,
  signerName: r.signer_name,
  signerTitle: r.signer_title,
  signedAt: r.signed_at,
  certificateSubject: r.certificate_subject,
  demoCertificate: r.certificate_demo === true,
});

async function check(ctx: AppContext, pdf: Buffer): Promise<VerificationReport> {
  return verifyPdfSignatures(pdf, { trustedRoots: await trustedRoots(ctx) });
}

/** The result behind a QR code, with its stored document checked again now; undefined if unknown. */
export async function verifyById(
  ctx: AppContext,
  verificationId: string,
): Promise<{ result: PublicResult; report: VerificationReport; intact: boolean } | undefined> {
  if (!isVerificationId(verificationId)) return undefined;
  const row = await repo.selectByVerificationId(ctx.db, verificationId);
  if (!row?.sha256) return undefined;
  const pdf = await buffer(await ctx.files.get(row.sha256));
  const intact = createHash('sha256').update(pdf).digest('hex') === row.sha256;
  return { result: publicOf(row), report: await check(ctx, pdf), intact };
}

export type UploadVerdict =
  /** The very document motcua issued, signature valid. */
  | 'authentic'
  /** Signed and valid, but not a document motcua issued (or issued under another hash). */
  | 'valid_not_ours'
  /** A signature is there but does not hold: the file was changed after signing, or is forged. */
  | 'altered'
  /** No digital signature at all. */
  | 'unsigned'
  /** Not a PDF. */
  | 'not_pdf';

export interface UploadVerification {
  verdict: UploadVerdict;
  sha256: string;
  result: PublicResult | null;
  report: VerificationReport | null;
}

/** Anyone's PDF: is it a motcua result, unaltered, and who signed it. */
export async function verifyUpload(ctx: AppContext, pdf: Buffer): Promise<UploadVerification> {
  const sha256 = createHash('sha256').update(pdf).digest('hex');
  if (pdf.subarray(0, 1024).indexOf('%PDF-') < 0)
    return { verdict: 'not_pdf', sha256, result: null, report: null };
  const row = await repo.selectSignedBySha(ctx.db, sha256);
  const report = await check(ctx, pdf);
  const result = row ? publicOf(row) : null;
  if (!report.signed) return { verdict: 'unsigned', sha256, result, report };
  if (!report.valid) return { verdict: 'altered', sha256, result, report };
  return { verdict: row ? 'authentic' : 'valid_not_ours', sha256, result, report };
}
