/**
 * The visible signature block (khối chữ ký số hiển thị): a bordered box the caller draws with
 * pdfkit before ending the document, saying who signed, for which agency, and when. The signature
 * field's widget is then laid over exactly this box, so a viewer's click on it shows the signature.
 */
import { FONT } from '../pdf/index.js';
import { vietnamParts } from '../pdf/vietnam-time.js';
import type { SignatureWidget } from './types.js';

/** Where to draw, in pdfkit's coordinates (points, origin top left). */
export interface BlockBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface BlockText {
  signerName: string;
  agencyName: string;
  signingTime: Date;
  /** Adds "Chứng thư số demo — không có giá trị pháp lý" so a demo result is never taken for real. */
  demo?: boolean;
}

const PADDING = 6;
const COLOUR = '#1a3f8f';

/** `Thời gian ký: 05/12/2026 09:00 (giờ Việt Nam)` */
export function formatSigningTime(at: Date): string {
  const p = vietnamParts(at);
  return `Thời gian ký: ${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute} (giờ Việt Nam)`;
}

export function blockLines(text: BlockText): string[] {
  const lines = [
    `Ký bởi: ${text.signerName}`,
    `Cơ quan: ${text.agencyName}`,
    formatSigningTime(text.signingTime),
  ];
  if (text.demo) lines.push('Chứng thư số demo — không có giá trị pháp lý');
  return lines;
}

/** The 0-based index of the page being drawn, buffered pages or not. */
function currentPageIndex(doc: PDFKit.PDFDocument): number {
  const { start } = doc.bufferedPageRange();
  // pdfkit keeps unflushed pages in _pageBuffer and exposes no public "current page index".
  const buffer = (doc as unknown as { _pageBuffer?: unknown[] })._pageBuffer ?? [];
  return start + Math.max(0, buffer.indexOf(doc.page));
}

/**
 * Draws the block on the current page and returns where the signature widget goes. The cursor
 * (doc.x, doc.y) and font size are left as they were; the font is left at FONT.regular and the
 * fill colour black. Long names shrink the text (down to 6 pt) to stay inside the box.
 */
export function drawSignatureBlock(doc: PDFKit.PDFDocument, box: BlockBox, text: BlockText): SignatureWidget {
  const { x: keepX, y: keepY } = doc;
  // pdfkit has no public getter for the current font size; put it back for the caller's next line.
  const keepSize = (doc as unknown as { _fontSize?: number })._fontSize ?? 12;
  const keepBottom = doc.page.margins.bottom;
  // Drawing near the bottom margin would otherwise make pdfkit start a new page.
  doc.page.margins.bottom = 0;
  doc.save();
  doc.lineWidth(1).strokeColor(COLOUR).rect(box.x, box.y, box.width, box.height).stroke();
  doc.fillColor(COLOUR);
  const width = box.width - 2 * PADDING;
  const lines = blockLines(text);
  let size = 9;
  const heightAt = (s: number) =>
    lines.reduce((h, line) => h + doc.font(FONT.regular).fontSize(s).heightOfString(line, { width }), 0);
  while (size > 6 && heightAt(size) > box.height - 2 * PADDING) size -= 0.5;
  let y = box.y + PADDING;
  lines.forEach((line, i) => {
    doc.font(i === 0 ? FONT.bold : FONT.regular).fontSize(size);
    doc.text(line, box.x + PADDING, y, { width });
    y += doc.heightOfString(line, { width });
  });
  doc.restore();
  doc.fillColor('black').font(FONT.regular).fontSize(keepSize);
  doc.page.margins.bottom = keepBottom;
  doc.x = keepX;
  doc.y = keepY;
  const pageHeight = doc.page.height;
  return {
    page: currentPageIndex(doc),
    rect: [box.x, pageHeight - (box.y + box.height), box.x + box.width, pageHeight - box.y],
  };
}
