/**
 * The signing vocabulary shared by signers, the visible signature block and the verifier.
 * A signer hides where the private key lives (a P12 file today; an HSM or a remote signing
 * service later), so callers depend on `PdfSigner` only.
 */
import { AppError } from '../errors.js';

/** Who a signer signs as, read from its certificate. */
export interface SignerIdentity {
  /** Subject common name: the agency's name for an organisation certificate. */
  commonName: string;
  /** Subject organisation (O). */
  organisation: string | null;
  /** The agency code kept in the subject (serialNumber or OU), when there is one. */
  agencyCode: string | null;
  /** Certificate serial number, lowercase hex. */
  serialNumber: string;
  /** Issuer common name (or the whole issuer name when it has no CN). */
  issuer: string;
  notBefore: Date;
  notAfter: Date;
  /** A demo certificate: no legal value (chứng thư số demo, không có giá trị pháp lý). */
  isDemo: boolean;
}

/** What goes into the signature dictionary besides the signature itself. */
export interface SignatureInfo {
  /** Lý do ký, e.g. "Ký số kết quả giải quyết thủ tục hành chính". */
  reason: string;
  /** Nơi ký, e.g. "Hạ Long, Quảng Ninh". */
  location: string;
  /** The name shown as the signer (/Name). */
  signerName: string;
  contactInfo?: string;
  /** The claimed signing time (/M), from the caller's clock. */
  signingTime: Date;
  /** Where the visible signature block is, from `drawSignatureBlock`; invisible when absent. */
  widget?: SignatureWidget;
}

/** The rectangle of a visible signature block in PDF user space (origin bottom left). */
export interface SignatureWidget {
  /** 0-based page index. The annotation can only go on the first page (see prepareForSigning). */
  page: number;
  /** [x1, y1, x2, y2] */
  rect: [number, number, number, number];
}

/** Signs a whole PDF: adds the signature field, then fills it with a CAdES detached signature. */
export interface PdfSigner {
  describe(): SignerIdentity;
  sign(pdf: Buffer, info: SignatureInfo): Promise<Buffer>;
}

export type SigningErrorCode =
  | 'signing.p12_unreadable'
  | 'signing.p12_bad_passphrase'
  | 'signing.p12_no_key'
  | 'signing.widget_not_on_first_page'
  | 'signing.not_a_pdf'
  | 'signing.signature_too_long';

/** A problem with the signing setup or input: never a partly signed file. */
export class SigningError extends AppError {
  constructor(
    readonly signingCode: SigningErrorCode,
    vi: string,
    en: string,
  ) {
    super('validation', signingCode, { vi, en });
    this.name = 'SigningError';
  }
}
