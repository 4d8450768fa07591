/**
 * Puts a CAdES signature into a PDF: @signpdf/placeholder-plain appends the signature field as an
 * incremental update of pdfkit's output (SubFilter ETSI.CAdES.detached, /M = the claimed signing
 * time, the widget on the visible block), then @signpdf/signpdf computes the /ByteRange and fills
 * /Contents with the CMS built in cms.ts. Any key holder (P12, HSM, remote service) goes through here.
 */
import { createHash, randomInt } from 'node:crypto';
import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { SignPdf } from '@signpdf/signpdf';
import { Signer, SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import { buildCadesSignature, type RawSign } from './cms.js';
import { type SignatureInfo, SigningError } from './types.js';

/**
 * Room for the CMS in /Contents, in bytes (written as twice as many hex digits). A 2048-bit
 * signer certificate plus a root is about 2.5 KB; 16 KB leaves room for a longer chain and,
 * later, a timestamp token.
 */
export const SIGNATURE_LENGTH = 16384;

export interface KeyHolder {
  certificate: Buffer;
  chain: Buffer[];
  sign: RawSign;
}

/** The adapter @signpdf/signpdf calls with the bytes outside the /Contents hole. */
class CadesSigner extends Signer {
  constructor(private readonly key: KeyHolder) {
    super();
  }

  override async sign(signedBytes: Buffer): Promise<Buffer> {
    return buildCadesSignature({
      contentDigest: createHash('sha256').update(signedBytes).digest(),
      certificate: this.key.certificate,
      chain: this.key.chain,
      sign: this.key.sign,
    });
  }
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * @signpdf/utils' PDFObject writes a non-ASCII text string as UTF-16BE bytes in a JS "binary"
 * string and then Buffer.from() re-encodes it as UTF-8, so /Name "Ủy ban…" came out as mojibake.
 * We hand it an ASCII token exactly as long as the UTF-16BE hex string and swap the two
 * afterwards: same length, so the cross-reference offsets it wrote stay right.
 */
function textToken(value: string): { token: string; hex: string } {
  const hex = `FEFF${Buffer.from(value, 'utf16le').swap16().toString('hex').toUpperCase()}`;
  let token = '';
  while (token.length < hex.length) token += ALPHANUMERIC[randomInt(ALPHANUMERIC.length)];
  return { token, hex };
}

function swapTokens(pdf: Buffer, from: number, tokens: Array<{ token: string; hex: string }>): Buffer {
  for (const { token, hex } of tokens) {
    const at = pdf.indexOf(`(${token})`, from, 'latin1');
    if (at < 0) throw new Error('signature dictionary text not found after adding the placeholder');
    pdf.write(`<${hex}>`, at, 'latin1');
  }
  return pdf;
}

/** Adds the signature field to a finished PDF (pdfkit's output or any classic-xref PDF). */
export function addSignaturePlaceholder(pdf: Buffer, info: SignatureInfo): Buffer {
  if (info.widget && info.widget.page !== 0) {
    // placeholder-plain attaches the widget to the first page of /Pages /Kids, whatever we ask.
    throw new SigningError(
      'signing.widget_not_on_first_page',
      'Khối chữ ký hiển thị phải nằm ở trang đầu của văn bản.',
      'The visible signature block must be on the first page.',
    );
  }
  const reason = textToken(info.reason);
  const location = textToken(info.location);
  const name = textToken(info.signerName);
  const contactInfo = textToken(info.contactInfo ?? '-');
  try {
    const prepared = plainAddPlaceholder({
      pdfBuffer: pdf,
      reason: reason.token,
      location: location.token,
      name: name.token,
      contactInfo: contactInfo.token,
      signingTime: info.signingTime,
      signatureLength: SIGNATURE_LENGTH,
      subFilter: SUBFILTER_ETSI_CADES_DETACHED,
      widgetRect: info.widget ? [...info.widget.rect] : [0, 0, 0, 0],
      appName: 'motcua',
    });
    return swapTokens(prepared, pdf.length - 16, [reason, location, name, contactInfo]);
  } catch (e) {
    throw new SigningError(
      'signing.not_a_pdf',
      'Không đọc được tệp PDF để ký.',
      `The PDF could not be prepared for signing: ${(e as Error).message}`,
    );
  }
}

/** Signs a PDF with a key holder: placeholder, byte range, CAdES detached CMS. */
export async function signPdfWith(pdf: Buffer, info: SignatureInfo, key: KeyHolder): Promise<Buffer> {
  const prepared = addSignaturePlaceholder(pdf, info);
  try {
    return await new SignPdf().sign(prepared, new CadesSigner(key));
  } catch (e) {
    if (/exceeds placeholder length/.test((e as Error).message)) {
      throw new SigningError(
        'signing.signature_too_long',
        'Chữ ký số dài hơn chỗ dành sẵn trong tệp PDF.',
        (e as Error).message,
      );
    }
    throw e;
  }
}
