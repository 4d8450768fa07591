/** Parts the processing documents share: form number, national header, codes, lines, signature, draft mark. */
import {
  contentBox,
  createA4Document,
  ensureSpace,
  FONT,
  formatVietnamDateTime,
  formHead,
  numberPages,
  toBuffer,
} from '../../../platform/pdf/index.js';
import { type BlockText, drawSignatureBlock, type SignatureWidget } from '../../../platform/signing/index.js';
import type { DocumentHead } from './document-types.js';

export const BLANK = '……………………';
export const BODY_SIZE = 11;
export const orBlank = (v: string | null | undefined): string => (v?.trim() ? v : BLANK);
export const timeOrBlank = (at: Date | null): string =>
  at ? formatVietnamDateTime(at) : '…… giờ …… phút, ngày ……/……/………';

export function openDocument(head: DocumentHead, title: string): PDFKit.PDFDocument {
  const label = head.formNo ? `Mẫu số ${head.formNo}, ${head.formSetName}` : title;
  return createA4Document({
    title: `${title} – ${head.dossierCode}`,
    author: head.agencyName,
    createdAt: head.issuedAt,
    subject: label,
  });
}

function formNumber(doc: PDFKit.PDFDocument, head: DocumentHead) {
  if (!head.formNo) return;
  const box = contentBox(doc);
  doc
    .font(FONT.bold)
    .fontSize(9)
    .text(`Mẫu số ${head.formNo}`, box.left, 20, { width: box.width, align: 'right' });
  doc.font(FONT.italic).fontSize(8);
  doc.text(`Ban hành kèm theo ${head.formSetName}`, box.left, doc.y, { width: box.width, align: 'right' });
}

/** Form number, header, number line and place-and-date, the codes, then the title (and a subtitle). */
export async function documentHead(
  doc: PDFKit.PDFDocument,
  head: DocumentHead,
  title: string,
  numberLine?: string,
) {
  formNumber(doc, head);
  await formHead(doc, { ...head, lookupUrl: head.lookupUrl }, title, numberLine, BODY_SIZE);
}

/** A run of text; `true` marks the values filled in, printed bold. */
export type Segment = [text: string, bold?: boolean];

/** The letter's addressee and what was received when ("Kính gửi…", "Vào lúc … tiếp nhận hồ sơ…"), then `more`. */
export function addresseeAndReceipt(
  doc: PDFKit.PDFDocument,
  data: {
    applicant: { name: string; address: string | null };
    receivedAt: Date | null;
    receivingAgencyName: string;
    procedureName: string;
    dossierCode: string;
  },
  ...more: Segment[]
) {
  line(doc, ['Kính gửi: Ông/Bà '], [data.applicant.name, true]);
  line(doc, ['Địa chỉ: '], [orBlank(data.applicant.address), true]);
  line(
    doc,
    ['Vào lúc '],
    [timeOrBlank(data.receivedAt), true],
    [`, ${data.receivingAgencyName} tiếp nhận hồ sơ của Ông/Bà đề nghị giải quyết thủ tục hành chính: `],
    [data.procedureName, true],
    ['; mã hồ sơ: '],
    [data.dossierCode, true],
    ...more,
    ['.'],
  );
}

export function line(doc: PDFKit.PDFDocument, ...segments: Segment[]) {
  const box = contentBox(doc);
  ensureSpace(doc, BODY_SIZE * 1.6);
  doc.x = box.left;
  segments.forEach(([text, bold], i) => {
    doc.font(bold ? FONT.bold : FONT.regular).fontSize(BODY_SIZE);
    doc.text(text, { width: box.width, continued: i < segments.length - 1, lineGap: 2 });
  });
  doc.font(FONT.regular);
}

/**
 * One signature block on the right: role, how to sign, room to sign, then the name. With `signed`,
 * the room holds the visible digital-signature block and the widget's place is returned.
 */
export function signature(
  doc: PDFKit.PDFDocument,
  role: string,
  how: string,
  name: string | null,
  signed?: BlockText,
): SignatureWidget | null {
  doc.moveDown(0.8);
  ensureSpace(doc, 100);
  const box = contentBox(doc);
  const width = box.width / 2;
  const x = box.left + width;
  const top = doc.y;
  doc.font(FONT.bold).fontSize(BODY_SIZE).text(role, x, top, { width, align: 'center' });
  doc.font(FONT.italic).fontSize(10).text(how, x, doc.y, { width, align: 'center' });
  const widget = signed
    ? drawSignatureBlock(doc, { x: x + 8, y: doc.y + 2, width: width - 16, height: 40 }, signed)
    : null;
  if (name)
    doc
      .font(FONT.bold)
      .fontSize(BODY_SIZE)
      .text(name, x, top + 72, { width, align: 'center' });
  doc.font(FONT.regular).fontSize(BODY_SIZE);
  doc.x = box.left;
  doc.y = top + 100;
  return widget;
}

/** "DỰ THẢO" across every page, light grey, so a draft cannot pass for the approved letter. */
function draftWatermark(doc: PDFKit.PDFDocument) {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const cx = doc.page.width / 2;
    const cy = doc.page.height / 2;
    doc.save();
    doc.rotate(-35, { origin: [cx, cy] });
    doc.font(FONT.bold).fontSize(96).fillColor('#c8c8c8', 0.5);
    doc.text('DỰ THẢO', cx - 300, cy - 50, { width: 600, align: 'center', lineBreak: false });
    doc.restore();
    doc.fillColor('black', 1);
    doc.page.margins.bottom = bottom;
  }
}

export function finishDocument(doc: PDFKit.PDFDocument, draft = false): Promise<Buffer> {
  if (draft) draftWatermark(doc);
  numberPages(doc);
  return toBuffer(doc);
}
