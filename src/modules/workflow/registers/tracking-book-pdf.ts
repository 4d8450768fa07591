/** The tracking book as a printable PDF: national header, title, period, then the table in small type. */
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import {
  A4_MARGINS,
  contentBox,
  drawTable,
  FONT,
  nationalHeader,
  numberPages,
  toBuffer,
  vietnamParts,
} from '../../../platform/pdf/index.js';
import { TRACKING_COLUMNS, type TrackingBook } from './tracking-book-types.js';

/** dd/mm/yyyy hh:mm in Vietnam time, as in the workbook. */
export function formatBookTime(at: Date | null): string {
  if (!at) return '';
  const p = vietnamParts(at);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

const dmy = (day: string) => day.split('-').reverse().join('/');

const require = createRequire(import.meta.url);
const FONT_FILES = {
  [FONT.regular]: 'dejavu-fonts-ttf/ttf/DejaVuSerif.ttf',
  [FONT.bold]: 'dejavu-fonts-ttf/ttf/DejaVuSerif-Bold.ttf',
  [FONT.italic]: 'dejavu-fonts-ttf/ttf/DejaVuSerif-Italic.ttf',
};

/**
 * Landscape A4: fourteen columns do not fit a portrait page. The platform's createA4Document makes
 * portrait pages only, so this builds the same document (fonts, margins, metadata) turned sideways.
 */
function landscapeA4(book: TrackingBook): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margins: { ...A4_MARGINS },
    bufferPages: true,
    info: {
      Title: `${book.title} – ${book.agencyName}`,
      Author: book.agencyName,
      Creator: 'motcua',
      Producer: 'motcua (pdfkit)',
      CreationDate: book.generatedAt,
      ModDate: book.generatedAt,
      Subject: `Mẫu số ${book.formNo}, ${book.formSetName}`,
    },
  });
  for (const [name, file] of Object.entries(FONT_FILES)) doc.registerFont(name, require.resolve(file));
  return doc.font(FONT.regular).fontSize(12);
}

export async function trackingBookPdf(book: TrackingBook): Promise<Buffer> {
  const doc = landscapeA4(book);
  const box = contentBox(doc);
  doc
    .font(FONT.bold)
    .fontSize(9)
    .text(`Mẫu số ${book.formNo}`, box.left, 20, { width: box.width, align: 'right' });
  nationalHeader(doc, { agencyParent: book.agencyParentName, agencyName: book.agencyName });
  doc.moveDown(0.5);
  doc.font(FONT.bold).fontSize(13.5).text(book.title, box.left, doc.y, { width: box.width, align: 'center' });
  doc.font(FONT.italic).fontSize(11);
  doc.text(`Từ ngày ${dmy(book.from)} đến ngày ${dmy(book.to)}`, { width: box.width, align: 'center' });
  doc.moveDown(0.6);
  // Dates wrap at the space between day and time; the code keeps one line.
  const shares = [0.9, 3.5, 3, 1.4, 2, 2.8, 2.4, 1.9, 1.9, 1.9, 1.9, 1.9, 1.2, 1.8];
  drawTable(doc, {
    fontSize: 6.5,
    columns: TRACKING_COLUMNS.map((c, i) => ({ header: c.header, width: shares[i] ?? 1 })),
    rows: book.rows.map((r, i) => [
      String(i + 1),
      r.code,
      r.procedureName,
      String(r.sets).padStart(2, '0'),
      r.submitter,
      r.addressPhone,
      r.leadBody,
      formatBookTime(r.receivedAt),
      formatBookTime(r.dueAt),
      formatBookTime(r.forwardedAt),
      formatBookTime(r.resultOrSupplementAt),
      formatBookTime(r.returnedAt),
      '',
      r.note,
    ]),
  });
  if (book.rows.length === 0)
    doc.font(FONT.italic).fontSize(10).text('Không có hồ sơ nào trong kỳ.', box.left);
  numberPages(doc);
  return toBuffer(doc);
}
