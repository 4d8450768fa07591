/**
 * PDF signing and verification (ARCHITECTURE.md §2 "signing"): PAdES baseline signatures
 * (SubFilter ETSI.CAdES.detached, SHA-256) on pdfkit documents with a visible signature block,
 * a demo PKI for demo and test installations, and an in-process verifier.
 */
export { noSigningKey, type SigningAgency, signerFor, trustedRoots } from './agency-keys.js';
export { DEMO_POLICY_OID, DEMO_ROOT_NAME } from './certificates.js';
export {
  createDemoPki,
  type DemoAgency,
  type DemoPki,
  type DemoPkiOptions,
  ROOT_KEY_NAME,
} from './demo-pki.js';
export { P12Signer } from './p12-signer.js';
export { addSignaturePlaceholder, type KeyHolder, SIGNATURE_LENGTH, signPdfWith } from './pdf-signing.js';
export type { SignatureProblemCode } from './problems.js';
export { type BlockBox, type BlockText, drawSignatureBlock, formatSigningTime } from './signature-block.js';
export type { PdfSigner, SignatureInfo, SignatureWidget, SignerIdentity, SigningErrorCode } from './types.js';
export { SigningError } from './types.js';
export {
  type SignatureProblem,
  type SignatureReport,
  type VerificationReport,
  type VerifyOptions,
  verifyPdfSignatures,
} from './verify.js';
