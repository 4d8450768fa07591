/**
 * The result document (kết quả giải quyết TTHC) generated from the template of the procedure's
 * result kind: national header, issuing agency, number and symbol, place and date, the title, the
 * body with the dossier's data, validity, "Nơi nhận", the signer's title and name with the visible
 * signature block, and the QR code of the public verification page. One A4 page: the signature
 * widget can only go on the first page.
 */
import {
  contentBox,
  createA4Document,
  FONT,
  formatVietnamDate,
  formatVietnamDateTime,
  formHead,
  toBuffer,
} from '../../platform/pdf/index.js';
import { drawSignatureBlock, type SignatureWidget } from '../../platform/signing/index.js';

export interface ResultDocument {
  agencyParentName: string | null;
  agencyName: string;
  place: string;
  issuedAt: Date;
  numberSymbol: string;
  /** The result kind's name, e.g. "Giấy chứng nhận đăng ký hộ kinh doanh". */
  name: string;
  resultCode: string | null;
  dossierCode: string;
  verifyUrl: string;
  procedureCode: string;
  procedureName: string;
  receivedAt: Date | null;
  receivingAgencyName: string;
  applicant: { name: string; idNumber: string | null; birthDate: string | null; address: string | null };
  owner: { name: string; idNumber: string | null; birthDate: string | null } | null;
  validUntil: Date | null;
  signer: { title: string; name: string };
  /** The visible signature block's text; the demo flag prints that the certificate has no legal value. */
  signature: { signerName: string; agencyName: string; signingTime: Date; demo: boolean };
}

const BODY = 12;

function field(doc: PDFKit.PDFDocument, label: string, value: string | null | undefined) {
  if (!value) return;
  const box = contentBox(doc);
  doc
    .font(FONT.regular)
    .fontSize(BODY)
    .text(`${label}: `, box.left + 20, doc.y, {
      width: box.width - 20,
      continued: true,
      lineGap: 2,
    });
  doc.font(FONT.bold).text(value, { lineGap: 2 });
}

function paragraph(doc: PDFKit.PDFDocument, text: string, options: { italic?: boolean } = {}) {
  const box = contentBox(doc);
  doc
    .font(options.italic ? FONT.italic : FONT.regular)
    .fontSize(BODY)
    .text(text, box.left, doc.y, { width: box.width, align: 'justify', lineGap: 2, indent: 20 });
}

const birth = (iso: string | null) => (iso ? iso.split('-').reverse().join('/') : null);

/** Draws the document; returns the PDF and where the signature widget sits (first page). */
export async function renderResult(data: ResultDocument): Promise<{ pdf: Buffer; widget: SignatureWidget }> {
  const doc = createA4Document({
    title: `${data.name} – ${data.numberSymbol}`,
    author: data.agencyName,
    subject: `Kết quả giải quyết hồ sơ ${data.dossierCode}`,
    createdAt: data.issuedAt,
  });
  await formHead(
    doc,
    {
      agencyParentName: data.agencyParentName,
      agencyName: data.agencyName,
      place: data.place,
      issuedAt: data.issuedAt,
      dossierCode: data.dossierCode,
      lookupUrl: data.verifyUrl,
    },
    data.name.toLocaleUpperCase('vi'),
    `Số: ${data.numberSymbol}`,
    BODY,
  );
  paragraph(
    doc,
    `Căn cứ hồ sơ đề nghị giải quyết thủ tục hành chính “${data.procedureName}” (mã thủ tục ${data.procedureCode}), mã hồ sơ ${data.dossierCode}, do ${data.receivingAgencyName} tiếp nhận${data.receivedAt ? ` lúc ${formatVietnamDateTime(data.receivedAt)}` : ''};`,
  );
  paragraph(
    doc,
    `${data.agencyName} cấp ${data.name.charAt(0).toLocaleLowerCase('vi')}${data.name.slice(1)} cho:`,
  );
  doc.moveDown(0.3);
  field(doc, 'Ông/Bà', data.applicant.name);
  field(doc, 'Ngày sinh', birth(data.applicant.birthDate));
  field(doc, 'Số định danh cá nhân', data.applicant.idNumber);
  field(doc, 'Nơi cư trú', data.applicant.address);
  if (data.owner) {
    field(doc, 'Chủ hồ sơ', data.owner.name);
    field(doc, 'Ngày sinh của chủ hồ sơ', birth(data.owner.birthDate));
    field(doc, 'Số định danh của chủ hồ sơ', data.owner.idNumber);
  }
  field(doc, 'Mã kết quả', data.resultCode);
  doc.moveDown(0.3);
  paragraph(
    doc,
    data.validUntil
      ? `Văn bản có hiệu lực kể từ ngày ký đến hết ngày ${formatVietnamDate(data.validUntil)}.`
      : 'Văn bản có hiệu lực kể từ ngày ký.',
  );
  paragraph(
    doc,
    `Văn bản điện tử được ký số; tra cứu tính xác thực tại ${data.verifyUrl} hoặc quét mã QR ở đầu trang.`,
    { italic: true },
  );

  // Nơi nhận (left) and the signer (right), the visible signature block between title and name.
  doc.moveDown(0.8);
  const box = contentBox(doc);
  const half = box.width / 2;
  const top = doc.y;
  doc
    .font(FONT.bold)
    .fontSize(10)
    .text('Nơi nhận:', box.left, top, { width: half - 10 });
  doc.font(FONT.regular).fontSize(9);
  for (const line of [`- Ông/Bà ${data.applicant.name};`, '- Lưu: VT, hồ sơ.'])
    doc.text(line, { width: half - 10 });
  const right = box.left + half;
  doc
    .font(FONT.bold)
    .fontSize(BODY)
    .text(data.signer.title.toLocaleUpperCase('vi'), right, top, { width: half, align: 'center' });
  const blockTop = doc.y + 6;
  const widget = drawSignatureBlock(
    doc,
    { x: right + 8, y: blockTop, width: half - 16, height: data.signature.demo ? 64 : 52 },
    data.signature,
  );
  doc
    .font(FONT.bold)
    .fontSize(BODY)
    .text(data.signer.name, right, blockTop + (data.signature.demo ? 64 : 52) + 8, {
      width: half,
      align: 'center',
    });
  if (doc.bufferedPageRange().count > 1) {
    throw new Error('A result document must fit one page: its signature block sits on the first page');
  }
  return { pdf: await toBuffer(doc), widget };
}
