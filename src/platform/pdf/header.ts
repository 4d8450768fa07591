/**
 * The two-column header of Vietnamese administrative documents (NĐ 30/2020/NĐ-CP, Phụ lục I):
 * issuing body on the left, national name and motto on the right, each underlined by a short rule.
 */
import { dossierCodeBand } from './codes.js';
import { contentBox, FONT } from './document.js';
import { formatPlaceAndDate } from './vietnam-time.js';

export interface Column {
  x: number;
  width: number;
}

const NATIONAL_NAME = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
const MOTTO = 'Độc lập - Tự do - Hạnh phúc';

/**
 * Left column for the issuing body, right column for the national name; shared by the lines below.
 * The header reaches a little into the side margins, as printed documents do, so that the
 * national name stays on one line at a readable size.
 */
export function headerColumns(doc: PDFKit.PDFDocument): { left: Column; right: Column } {
  const box = contentBox(doc);
  const left = box.left - 15;
  const width = box.width + 25;
  const leftWidth = Math.round(width * 0.45);
  const gutter = 8;
  return {
    left: { x: left, width: leftWidth - gutter / 2 },
    right: { x: left + leftWidth + gutter / 2, width: width - leftWidth - gutter / 2 },
  };
}

/** Largest size from `max` down to `min` at which `text` stays on one line of `width`; wraps below `min`. */
function fitSize(doc: PDFKit.PDFDocument, text: string, font: string, max: number, width: number, min = 7) {
  doc.font(font);
  let size = max;
  while (size > min && doc.fontSize(size).widthOfString(text) > width) size -= 0.5;
  return size;
}

/** A centred rule under the last line drawn, `length` points long. */
function ruleUnder(doc: PDFKit.PDFDocument, column: Column, length: number): number {
  const y = doc.y + 4;
  const x = column.x + (column.width - length) / 2;
  doc
    .moveTo(x, y)
    .lineTo(x + length, y)
    .lineWidth(0.6)
    .stroke();
  return y;
}

function drawAgency(doc: PDFKit.PDFDocument, col: Column, top: number, agency: HeaderAgency): number {
  doc.y = top;
  if (agency.agencyParent) {
    const parent = agency.agencyParent.toLocaleUpperCase('vi');
    fitSize(doc, parent, FONT.regular, 11, col.width, 9.5);
    doc.text(parent, col.x, doc.y, { width: col.width, align: 'center' });
  }
  doc.font(FONT.bold).fontSize(10.5);
  doc.text(agency.agencyName.toLocaleUpperCase('vi'), col.x, doc.y, { width: col.width, align: 'center' });
  return ruleUnder(doc, col, col.width / 3);
}

function drawNation(doc: PDFKit.PDFDocument, col: Column, top: number): number {
  const size = fitSize(doc, NATIONAL_NAME, FONT.bold, 11.5, col.width);
  doc.text(NATIONAL_NAME, col.x, top, { width: col.width, align: 'center' });
  doc.font(FONT.bold).fontSize(size + 1);
  doc.text(MOTTO, col.x, doc.y, { width: col.width, align: 'center' });
  return ruleUnder(doc, col, doc.widthOfString(MOTTO));
}

export interface HeaderAgency {
  /** The body the issuing agency belongs to, e.g. the commune's people's committee. */
  agencyParent?: string | null;
  agencyName: string;
}

/** Draws the header at the top of the current page and leaves the cursor below it at the left margin. */
export function nationalHeader(doc: PDFKit.PDFDocument, agency: HeaderAgency): void {
  const { left, right } = headerColumns(doc);
  const top = doc.page.margins.top;
  const leftBottom = drawAgency(doc, left, top, agency);
  const rightBottom = drawNation(doc, right, top);
  doc.font(FONT.regular).fontSize(12);
  doc.x = doc.page.margins.left;
  doc.y = Math.max(leftBottom, rightBottom) + 8;
}

/** `Hạ Long, ngày 05 tháng 12 năm 2026` in italics, centred under the motto (Vietnam date). */
export function placeAndDate(doc: PDFKit.PDFDocument, place: string, at: Date, y = doc.y): void {
  const { right } = headerColumns(doc);
  doc.font(FONT.italic).fontSize(12);
  doc.text(formatPlaceAndDate(place, at), right.x, y, { width: right.width, align: 'center' });
  doc.font(FONT.regular);
  doc.x = doc.page.margins.left;
}

/** What the head of every form needs besides its form number. */
export interface FormHeadData {
  agencyParentName: string | null;
  agencyName: string;
  place: string;
  issuedAt: Date;
  dossierCode: string;
  /** What the QR code opens: the public tracking page with a signed token. */
  lookupUrl: string;
}

/**
 * The head of a form under its form number: the national header, an optional number line ("Số: …")
 * left and the place and date right, the dossier code band, then the title. Leaves the cursor at the
 * start of the body, in the body's font of `bodySize` points.
 */
export async function formHead(
  doc: PDFKit.PDFDocument,
  data: FormHeadData,
  title: string,
  numberLine: string | undefined,
  bodySize: number,
) {
  nationalHeader(doc, { agencyParent: data.agencyParentName, agencyName: data.agencyName });
  const top = doc.y + 2;
  if (numberLine) {
    const { left } = headerColumns(doc);
    doc
      .font(FONT.regular)
      .fontSize(bodySize)
      .text(numberLine, left.x, top, { width: left.width, align: 'center' });
  }
  placeAndDate(doc, data.place, data.issuedAt, top);
  doc.y += 8;
  await dossierCodeBand(doc, data.dossierCode, data.lookupUrl);
  const box = contentBox(doc);
  doc.font(FONT.bold).fontSize(13.5).text(title, box.left, doc.y, { width: box.width, align: 'center' });
  doc.moveDown(0.6);
  doc.font(FONT.regular).fontSize(bodySize);
}

/** The place printed before the date: the agency's commune, ward or province ("Hạ Long"). */
export function placeOf(agencyName: string): string {
  return /(?:phường|xã|đặc khu|tỉnh)\s+(.+)$/iu.exec(agencyName)?.[1] ?? agencyName;
}
