/**
 * The result document (kết quả giải quyết TTHC) generated from the template of the procedure's
 * result kind: national header, issuing agency, number and symbol, place and date, the title, the
 * body with the dossier's data, validity, "Nơi nhận", the signer's title and name with the visible
 * signature block, and the QR code of the public verification page. One A4 page: the signature
 * widget can only go on the first page. What the body says comes from the procedure's result
 * template (templates/): the built-in default when the agency and the province have none.
 */
import { AppError } from '../../platform/errors.js';
import {
  bottomLimit,
  contentBox,
  createA4Document,
  FONT,
  formatVietnamDate,
  formatVietnamDateTime,
  formHead,
  toBuffer,
} from '../../platform/pdf/index.js';
import { drawSignatureBlock, type SignatureWidget } from '../../platform/signing/index.js';
import {
  defaultTemplate,
  lowerFirst,
  type ResultTemplate,
  substitute,
  type TemplateValues,
} from './templates/template.js';

export interface ResultDocument {
  agencyParentName: string | null;
  agencyName: string;
  place: string;
  issuedAt: Date;
  numberSymbol: string;
  /**
   * The result's name, e.g. "Giấy chứng nhận đăng ký hộ kinh doanh": the title of the built-in
   * default template when none is given (a given template prints its own title).
   */
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

export interface RenderOptions {
  /**
   * A preview on sample data: a "MẪU XEM TRƯỚC" watermark across the page and an empty box where
   * the signature would go; nothing is signed.
   */
  preview?: boolean;
}

const BODY = 12;
const LINE_GAP = 2;

const birth = (iso: string | null) => (iso ? iso.split('-').reverse().join('/') : null);

/** What the template's placeholders and data lines read from the document's data. */
export function documentValues(data: ResultDocument, title: string): TemplateValues {
  return {
    'applicant.name': data.applicant.name,
    'applicant.birthDate': birth(data.applicant.birthDate),
    'applicant.idNumber': data.applicant.idNumber,
    'applicant.address': data.applicant.address,
    'owner.name': data.owner?.name ?? null,
    'owner.birthDate': birth(data.owner?.birthDate ?? null),
    'owner.idNumber': data.owner?.idNumber ?? null,
    'dossier.code': data.dossierCode,
    'procedure.name': data.procedureName,
    'procedure.code': data.procedureCode,
    'result.code': data.resultCode,
    receivedAt: data.receivedAt ? formatVietnamDateTime(data.receivedAt) : null,
    agency: data.agencyName,
    receivingAgency: data.receivingAgencyName,
    title,
    'title.lower': lowerFirst(title),
    place: data.place,
  };
}

function field(doc: PDFKit.PDFDocument, label: string, value: string | null | undefined) {
  if (!value) return;
  const box = contentBox(doc);
  doc
    .font(FONT.regular)
    .fontSize(BODY)
    .text(`${label}: `, box.left + 20, doc.y, {
      width: box.width - 20,
      continued: true,
      lineGap: LINE_GAP,
    });
  doc.font(FONT.bold).text(value, { lineGap: LINE_GAP });
}

function paragraph(doc: PDFKit.PDFDocument, text: string, options: { italic?: boolean } = {}) {
  const box = contentBox(doc);
  doc
    .font(options.italic ? FONT.italic : FONT.regular)
    .fontSize(BODY)
    .text(text, box.left, doc.y, { width: box.width, align: 'justify', lineGap: LINE_GAP, indent: 20 });
}

/** Lines of a multi-line template text, placeholders filled, empty lines dropped. */
function paragraphsOf(text: string | null, values: TemplateValues): string[] {
  if (!text) return [];
  return substitute(text, values)
    .text.split(/\r?\n/)
    .map((l) => l.replace(/[ \t]+/g, ' ').trim())
    .filter((l) => l.length > 0);
}

export const templateTooLong = () =>
  new AppError('validation', 'results.template_too_long', {
    vi: 'Nội dung mẫu kết quả quá dài: văn bản phải nằm trọn trên một trang A4 vì chữ ký số đặt ở trang đầu. Hãy rút gọn phần căn cứ, bớt dòng thông tin hoặc phần kết.',
    en: 'The result template is too long: the document must fit one A4 page, because the digital signature sits on the first page. Shorten the intro, drop some data lines or the closing.',
  });

/** The template's body: intro, grant line, data lines, closing; then validity and the e-sign note. */
function drawBody(doc: PDFKit.PDFDocument, data: ResultDocument, template: ResultTemplate) {
  const values = documentValues(data, template.title);
  for (const p of paragraphsOf(template.intro, values)) paragraph(doc, p);
  for (const p of paragraphsOf(template.grantLine, values)) paragraph(doc, p);
  doc.moveDown(0.3);
  for (const f of template.fields) field(doc, f.label, values[f.source]);
  doc.moveDown(0.3);
  for (const p of paragraphsOf(template.closing, values)) paragraph(doc, p);
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
}

/** Where a preview's signature would go: a dashed box saying so, nothing signed. */
function unsignedBox(doc: PDFKit.PDFDocument, box: { x: number; y: number; width: number; height: number }) {
  const bottom = doc.page.margins.bottom;
  doc.page.margins.bottom = 0;
  doc.save();
  doc.lineWidth(0.8).dash(3, { space: 3 }).strokeColor('#777777');
  doc.rect(box.x, box.y, box.width, box.height).stroke();
  doc.undash();
  doc.fillColor('#555555').font(FONT.italic).fontSize(9);
  doc.text('Vị trí chữ ký số của cơ quan (chưa ký)', box.x + 6, box.y + box.height / 2 - 6, {
    width: box.width - 12,
    align: 'center',
  });
  doc.restore();
  doc.fillColor('black');
  doc.page.margins.bottom = bottom;
  const h = doc.page.height;
  return {
    page: 0,
    rect: [box.x, h - (box.y + box.height), box.x + box.width, h - box.y],
  } as SignatureWidget;
}

/** "MẪU XEM TRƯỚC — không có giá trị" across the middle of the page, light, over everything. */
function watermark(doc: PDFKit.PDFDocument) {
  const text = 'MẪU XEM TRƯỚC — không có giá trị';
  const bottom = doc.page.margins.bottom;
  doc.page.margins.bottom = 0;
  const cx = doc.page.width / 2;
  const cy = doc.page.height / 2;
  doc.save();
  doc.font(FONT.bold);
  let size = 34;
  while (size > 12 && doc.fontSize(size).widthOfString(text) > 560) size -= 1;
  const w = doc.widthOfString(text);
  doc.rotate(-35, { origin: [cx, cy] });
  doc.fillColor('#b00000').fillOpacity(0.2);
  doc.text(text, cx - w / 2, cy - size / 2, { lineBreak: false });
  doc.restore();
  doc.fillColor('black').fillOpacity(1);
  doc.page.margins.bottom = bottom;
}

/** Nơi nhận (left) and the signer (right), the visible signature block between title and name. */
function drawSignatureArea(doc: PDFKit.PDFDocument, data: ResultDocument, preview: boolean): SignatureWidget {
  doc.moveDown(0.8);
  const box = contentBox(doc);
  const half = box.width / 2;
  const top = doc.y;
  const blockHeight = data.signature.demo || preview ? 64 : 52;
  const title = data.signer.title.toLocaleUpperCase('vi');
  doc.font(FONT.bold).fontSize(BODY);
  const needed =
    doc.heightOfString(title, { width: half }) +
    6 +
    blockHeight +
    8 +
    doc.heightOfString(data.signer.name, { width: half });
  if (top + needed > bottomLimit(doc) || doc.bufferedPageRange().count > 1) throw templateTooLong();
  doc
    .font(FONT.bold)
    .fontSize(10)
    .text('Nơi nhận:', box.left, top, { width: half - 10 });
  doc.font(FONT.regular).fontSize(9);
  for (const line of [`- Ông/Bà ${data.applicant.name};`, '- Lưu: VT, hồ sơ.'])
    doc.text(line, { width: half - 10 });
  const right = box.left + half;
  doc.font(FONT.bold).fontSize(BODY).text(title, right, top, { width: half, align: 'center' });
  const blockBox = { x: right + 8, y: doc.y + 6, width: half - 16, height: blockHeight };
  const widget = preview ? unsignedBox(doc, blockBox) : drawSignatureBlock(doc, blockBox, data.signature);
  doc
    .font(FONT.bold)
    .fontSize(BODY)
    .text(data.signer.name, right, blockBox.y + blockHeight + 8, { width: half, align: 'center' });
  return widget;
}

/**
 * Draws the document from the template (the built-in default when none is given); returns the PDF
 * and where the signature widget sits (first page). A template whose body would push the signature
 * off the first page is refused with `results.template_too_long`.
 */
export async function renderResult(
  data: ResultDocument,
  template: ResultTemplate = defaultTemplate(data.procedureCode, data.name),
  options: RenderOptions = {},
): Promise<{ pdf: Buffer; widget: SignatureWidget }> {
  const title = template.title;
  const doc = createA4Document({
    title: `${title} – ${data.numberSymbol}`,
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
    title.toLocaleUpperCase('vi'),
    `Số: ${data.numberSymbol}`,
    BODY,
  );
  drawBody(doc, data, template);
  const widget = drawSignatureArea(doc, data, options.preview === true);
  if (doc.bufferedPageRange().count > 1) throw templateTooLong();
  if (options.preview) watermark(doc);
  return { pdf: await toBuffer(doc), widget };
}
