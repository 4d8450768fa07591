/**
 * A4 documents for printed forms and results: pdfkit with DejaVu Serif embedded. pdfkit subsets
 * the TTF through fontkit, which keeps Vietnamese precomposed and stacked diacritics intact
 * (pdf-lib's subsetting broke them, ARCHITECTURE.md §2).
 */
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);

/** Font names registered on every document. */
export const FONT = { regular: 'serif', bold: 'serif-bold', italic: 'serif-italic' } as const;

// Resolved through node's resolver so a fresh `npm ci` finds them wherever npm put the package.
const FONT_FILES: Record<(typeof FONT)[keyof typeof FONT], string> = {
  serif: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSerif.ttf'),
  'serif-bold': require.resolve('dejavu-fonts-ttf/ttf/DejaVuSerif-Bold.ttf'),
  'serif-italic': require.resolve('dejavu-fonts-ttf/ttf/DejaVuSerif-Italic.ttf'),
};

/** Margins of administrative documents (NĐ 30/2020/NĐ-CP): wide left margin for binding. */
export const A4_MARGINS = { top: 51, bottom: 51, left: 77, right: 48 } as const;

export interface A4Options {
  title: string;
  /** The issuing agency. */
  author: string;
  /** From the caller's clock, so the same input gives the same metadata. */
  createdAt: Date;
  subject?: string;
}

export function createA4Document(options: A4Options): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { ...A4_MARGINS },
    bufferPages: true,
    info: {
      Title: options.title,
      Author: options.author,
      Creator: 'motcua',
      Producer: 'motcua (pdfkit)',
      CreationDate: options.createdAt,
      ModDate: options.createdAt,
      ...(options.subject ? { Subject: options.subject } : {}),
    },
  });
  for (const [name, file] of Object.entries(FONT_FILES)) doc.registerFont(name, file);
  doc.font(FONT.regular).fontSize(12);
  return doc;
}

/** Left edge, right edge and width of the area between the margins. */
export function contentBox(doc: PDFKit.PDFDocument): { left: number; right: number; width: number } {
  const left = doc.page.margins.left;
  const right = doc.page.width - doc.page.margins.right;
  return { left, right, width: right - left };
}

/** The lowest y text may reach before pdfkit breaks the page. */
export function bottomLimit(doc: PDFKit.PDFDocument): number {
  return doc.page.height - doc.page.margins.bottom;
}

/** Starts a new page unless `height` points still fit below the cursor. */
export function ensureSpace(doc: PDFKit.PDFDocument, height: number): void {
  if (doc.y + height > bottomLimit(doc)) doc.addPage();
}

/**
 * "Trang 2/4" centred in the bottom margin of every page, when there is more than one, so
 * loose printed pages can be put back in order. Call after the last page is drawn.
 */
export function numberPages(doc: PDFKit.PDFDocument): void {
  const range = doc.bufferedPageRange();
  if (range.count < 2) return;
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const { left, width } = contentBox(doc);
    const bottom = doc.page.margins.bottom;
    // Writing inside the bottom margin would otherwise make pdfkit start a new page.
    doc.page.margins.bottom = 0;
    doc.font(FONT.regular).fontSize(9);
    doc.text(`Trang ${i - range.start + 1}/${range.count}`, left, doc.page.height - bottom / 2 - 5, {
      width,
      align: 'center',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
}

/** Ends the document and collects its bytes. */
export function toBuffer(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
