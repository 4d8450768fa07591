/**
 * Bordered tables whose cells wrap, breaking across pages with the header row repeated, so a
 * long list of documents stays readable on every printed page.
 */
import { bottomLimit, contentBox, FONT } from './document.js';

export interface TableColumn {
  header: string;
  /** A share of the table width; shares are normalised to the available width. */
  width: number;
  align?: 'left' | 'center' | 'right';
}

export interface TableOptions {
  columns: TableColumn[];
  rows: string[][];
  /** Rows drawn in bold, e.g. a total. */
  boldRows?: number[];
  fontSize?: number;
}

const PAD = 3;

interface Layout {
  x: number[];
  widths: number[];
  fontSize: number;
}

function layout(doc: PDFKit.PDFDocument, options: TableOptions): Layout {
  const box = contentBox(doc);
  const total = options.columns.reduce((sum, c) => sum + c.width, 0);
  const widths = options.columns.map((c) => (c.width / total) * box.width);
  const x: number[] = [];
  let at = box.left;
  for (const w of widths) {
    x.push(at);
    at += w;
  }
  return { x, widths, fontSize: options.fontSize ?? 10.5 };
}

function rowHeight(doc: PDFKit.PDFDocument, cells: string[], l: Layout, font: string): number {
  doc.font(font).fontSize(l.fontSize);
  const heights = cells.map((text, i) =>
    doc.heightOfString(text || ' ', { width: (l.widths[i] ?? 0) - 2 * PAD }),
  );
  return Math.max(...heights) + 2 * PAD;
}

function drawRow(
  doc: PDFKit.PDFDocument,
  cells: string[],
  l: Layout,
  font: string,
  aligns: TableColumn['align'][],
) {
  const top = doc.y;
  const height = rowHeight(doc, cells, l, font);
  doc.font(font).fontSize(l.fontSize).lineWidth(0.5);
  cells.forEach((text, i) => {
    const x = l.x[i] ?? 0;
    const w = l.widths[i] ?? 0;
    doc.rect(x, top, w, height).stroke();
    doc.text(text, x + PAD, top + PAD, { width: w - 2 * PAD, align: aligns[i] ?? 'left' });
  });
  doc.y = top + height;
}

/**
 * Draws the table from the cursor down. A row never splits: when it does not fit, the page
 * breaks and the header row is drawn again at the top of the next page.
 */
export function drawTable(doc: PDFKit.PDFDocument, options: TableOptions): void {
  const l = layout(doc, options);
  const headers = options.columns.map((c) => c.header);
  const headerAligns = options.columns.map(() => 'center' as const);
  const aligns = options.columns.map((c) => c.align ?? 'left');
  const headerHeight = rowHeight(doc, headers, l, FONT.bold);
  const bold = new Set(options.boldRows ?? []);
  const firstRow = options.rows[0];
  const firstHeight = firstRow ? rowHeight(doc, firstRow, l, FONT.regular) : 0;
  // Keep the header with at least one row.
  if (doc.y + headerHeight + firstHeight > bottomLimit(doc)) doc.addPage();
  drawRow(doc, headers, l, FONT.bold, headerAligns);
  options.rows.forEach((cells, index) => {
    const font = bold.has(index) ? FONT.bold : FONT.regular;
    if (doc.y + rowHeight(doc, cells, l, font) > bottomLimit(doc)) {
      doc.addPage();
      drawRow(doc, headers, l, FONT.bold, headerAligns);
    }
    drawRow(doc, cells, l, font, aligns);
  });
  doc.font(FONT.regular).fontSize(12);
  doc.x = contentBox(doc).left;
  doc.y += 4;
}

/** A dossier component as the forms list it: its name and how many originals and copies. */
export interface ComponentCopies {
  name: string;
  originals: number;
  certifiedCopies: number;
  copies: number;
}

/** "01", "02"…; nothing for none, as the forms print it. */
const copyCount = (n: number): string => (n > 0 ? String(n).padStart(2, '0') : '');

/** The forms' component table (Mẫu 01, 05): No., document, originals, certified copies, photocopies. */
export function drawComponentTable(
  doc: PDFKit.PDFDocument,
  components: readonly ComponentCopies[],
  fontSize?: number,
): void {
  drawTable(doc, {
    ...(fontSize ? { fontSize } : {}),
    columns: [
      { header: 'TT', width: 0.6, align: 'center' },
      { header: 'Tên giấy tờ', width: 4.8 },
      { header: 'Bản chính', width: 1.3, align: 'center' },
      { header: 'Bản sao chứng thực', width: 2, align: 'center' },
      { header: 'Bản photo', width: 1.3, align: 'center' },
    ],
    rows: components.map((c, i) => [
      String(i + 1),
      c.name,
      copyCount(c.originals),
      copyCount(c.certifiedCopies),
      copyCount(c.copies),
    ]),
  });
}
