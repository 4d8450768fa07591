/** QR codes and Code 39 barcodes drawn as images: every printed form carries the dossier code both ways. */
import bwipjs from 'bwip-js';
import QRCode from 'qrcode';
import { contentBox, FONT } from './document.js';

/** A QR code of `text`, `size` points square, top-left at (x, y). */
export async function qrCode(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number) {
  // Medium error correction survives a smudged print; a scale-8 PNG stays sharp at any print size.
  const png = await QRCode.toBuffer(text, { type: 'png', errorCorrectionLevel: 'M', margin: 0, scale: 8 });
  doc.image(png, x, y, { width: size, height: size });
}

const TEXT_SIZE = 8;

/**
 * A Code 39 barcode in the box `w` × `h`, bars above and the human-readable text below. The text
 * is drawn by pdfkit rather than by bwip-js so it stays sharp and can be searched and copied.
 */
export async function barcode39(
  doc: PDFKit.PDFDocument,
  text: string,
  x: number,
  y: number,
  w: number,
  h: number,
) {
  // Code 39 knows upper case, digits, space and - . $ / + % only.
  const data = text.toUpperCase();
  const png = await bwipjs.toBuffer({ bcid: 'code39', text: data, scale: 2, height: 10, includetext: false });
  const barsHeight = h - TEXT_SIZE - 3;
  // Stretching only widens bars and spaces evenly, which a scanner reads the same.
  doc.image(png, x, y, { width: w, height: barsHeight });
  const saved = { x: doc.x, y: doc.y };
  doc.font(FONT.regular).fontSize(TEXT_SIZE);
  doc.text(data, x, y + barsHeight + 2, { width: w, align: 'center', lineBreak: false });
  doc.x = saved.x;
  doc.y = saved.y;
}

const QR_SIZE = 60;
const BARCODE = { width: 200, height: 46 };

/**
 * The band every form carries under its header: the dossier code as text on the left, its Code 39
 * barcode and a QR code of `lookupUrl` on the right. Leaves the cursor under the band.
 */
export async function dossierCodeBand(doc: PDFKit.PDFDocument, dossierCode: string, lookupUrl: string) {
  const box = contentBox(doc);
  const top = doc.y;
  const qrX = box.right - QR_SIZE;
  const barX = qrX - 12 - BARCODE.width;
  await qrCode(doc, lookupUrl, qrX, top, QR_SIZE);
  await barcode39(
    doc,
    dossierCode,
    barX,
    top + (QR_SIZE - BARCODE.height) / 2,
    BARCODE.width,
    BARCODE.height,
  );
  const width = barX - box.left - 10;
  doc
    .font(FONT.regular)
    .fontSize(10)
    .text('Mã hồ sơ:', box.left, top + 12, { width });
  doc.font(FONT.bold).fontSize(11).text(dossierCode, { width });
  doc.x = box.left;
  doc.y = top + QR_SIZE + 6;
}
