/** Parts every intake slip shares: form number, header, codes, labelled lines and signatures. */
import {
  contentBox,
  createA4Document,
  ensureSpace,
  FONT,
  formHead,
  numberPages,
  toBuffer,
} from '../../../platform/pdf/index.js';
import type { SlipData, SlipPerson } from './slip-types.js';

/** What a blank on the paper form looks like when a value is unknown. */
export const BLANK = '……………………';

export const BODY_SIZE = 11;
const LINE_GAP = 1;

export function openSlip(data: SlipData, title: string): PDFKit.PDFDocument {
  return createA4Document({
    title: `${title} – ${data.dossierCode}`,
    author: data.agencyName,
    createdAt: data.issuedAt,
    subject: `Mẫu số ${data.formNo}, ${data.formSetName}`,
  });
}

/** "Mẫu số 01" and the instrument that issued it, small, top right inside the top margin. */
function formNumber(doc: PDFKit.PDFDocument, data: SlipData) {
  const box = contentBox(doc);
  doc.font(FONT.bold).fontSize(9);
  doc.text(`Mẫu số ${data.formNo}`, box.left, 20, { width: box.width, align: 'right' });
  doc.font(FONT.italic).fontSize(8);
  doc.text(`Ban hành kèm theo ${data.formSetName}`, box.left, doc.y, { width: box.width, align: 'right' });
}

/**
 * Form number, national header, an optional number line ("Số: …") left and the place and date
 * right, the codes, then the title. Leaves the cursor at the start of the body.
 */
export async function slipHead(doc: PDFKit.PDFDocument, data: SlipData, title: string, numberLine?: string) {
  formNumber(doc, data);
  await formHead(doc, { ...data, lookupUrl: data.trackingUrl }, title, numberLine, BODY_SIZE);
}

/** Page numbers, then the bytes. */
export function finishSlip(doc: PDFKit.PDFDocument): Promise<Buffer> {
  numberPages(doc);
  return toBuffer(doc);
}

/** Keeps a heading with the table under it: moves to a new page unless heading and a row or two fit. */
export function keepWithTable(doc: PDFKit.PDFDocument) {
  ensureSpace(doc, 80);
}

/** A run of text; `true` marks the parts printed in bold (the values filled in). */
export type Segment = [text: string, bold?: boolean];

/** One paragraph from the left margin, wrapping across the full width. */
export function line(doc: PDFKit.PDFDocument, ...segments: Segment[]) {
  const box = contentBox(doc);
  ensureSpace(doc, BODY_SIZE * 1.6);
  doc.x = box.left;
  segments.forEach(([text, bold], i) => {
    const last = i === segments.length - 1;
    doc.font(bold ? FONT.bold : FONT.regular).fontSize(BODY_SIZE);
    doc.text(text, { width: box.width, continued: !last, lineGap: LINE_GAP });
  });
  doc.font(FONT.regular);
}

/** An italic note, e.g. the reminder to bring the slip. */
export function note(doc: PDFKit.PDFDocument, text: string) {
  const box = contentBox(doc);
  doc.font(FONT.italic).fontSize(10).text(text, box.left, doc.y, { width: box.width, lineGap: 1 });
  doc.font(FONT.regular).fontSize(BODY_SIZE);
}

export const orBlank = (value: string | null | undefined): string => (value?.trim() ? value : BLANK);

/** Address, phone and e-mail, then the ID number when asked for (Mẫu 01). */
export function contactLines(doc: PDFKit.PDFDocument, person: SlipPerson, withId: boolean) {
  line(doc, ['Địa chỉ: '], [orBlank(person.address), true]);
  line(
    doc,
    ['Số điện thoại: '],
    [orBlank(person.phone), true],
    ['     Email: '],
    [orBlank(person.email), true],
  );
  if (withId) line(doc, ['Số định danh cá nhân/CCCD/Hộ chiếu: '], [orBlank(person.idNumber), true]);
}

export interface Signer {
  role: string;
  name: string | null;
}

const SIGNATURE_HEIGHT = 98;

/** Signature columns side by side: role in bold, "(Ký và ghi rõ họ tên)", room to sign, then the name. */
export function signatures(doc: PDFKit.PDFDocument, left: Signer | null, right: Signer) {
  doc.moveDown(0.5);
  ensureSpace(doc, SIGNATURE_HEIGHT);
  const box = contentBox(doc);
  const width = box.width / 2;
  const top = doc.y;
  const columns: [Signer | null, number][] = [
    [left, box.left],
    [right, box.left + width],
  ];
  for (const [signer, x] of columns) {
    if (!signer) continue;
    doc.font(FONT.bold).fontSize(BODY_SIZE).text(signer.role, x, top, { width, align: 'center' });
    doc.font(FONT.italic).fontSize(11).text('(Ký và ghi rõ họ tên)', x, doc.y, { width, align: 'center' });
    if (signer.name)
      doc
        .font(FONT.bold)
        .fontSize(BODY_SIZE)
        .text(signer.name, x, top + 72, { width, align: 'center' });
  }
  doc.font(FONT.regular).fontSize(BODY_SIZE);
  doc.x = box.left;
  doc.y = top + SIGNATURE_HEIGHT;
}
