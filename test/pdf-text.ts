/**
 * Text and structure read back from a PDF in-process (pdfjs-dist), so tests need no poppler.
 * Text is NFC-normalised: fonts may map a glyph back to decomposed Unicode.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

async function open(buffer: Uint8Array) {
  // pdfjs detaches the buffer it is given; copy so the caller's bytes stay usable.
  return getDocument({ data: new Uint8Array(buffer), verbosity: 0, useSystemFonts: false }).promise;
}

/** The text of each page, items joined with spaces or line breaks as pdfjs reports them. */
export async function pdfText(buffer: Uint8Array): Promise<string[]> {
  const pdf = await open(buffer);
  try {
    const pages: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const content = await (await pdf.getPage(n)).getTextContent();
      let text = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        text += item.str + (item.hasEOL ? '\n' : '');
      }
      pages.push(text.normalize('NFC'));
    }
    return pages;
  } finally {
    await pdf.destroy();
  }
}

export async function pdfPageCount(buffer: Uint8Array): Promise<number> {
  const pdf = await open(buffer);
  try {
    return pdf.numPages;
  } finally {
    await pdf.destroy();
  }
}

/** The document information dictionary (Title, Author, Creator, CreationDate, …). */
export async function pdfInfo(buffer: Uint8Array): Promise<Record<string, unknown>> {
  const pdf = await open(buffer);
  try {
    const { info } = await pdf.getMetadata();
    return info as Record<string, unknown>;
  } finally {
    await pdf.destroy();
  }
}

/** All pages' text on one line, whitespace collapsed: phrases match whatever the line wrapping was. */
export function flatten(pages: string[]): string {
  return pages.join(' ').replace(/\s+/g, ' ');
}

/** How many image XObjects the file declares (QR codes, barcodes, photos). */
export function pdfImageCount(buffer: Uint8Array): number {
  return (
    Buffer.from(buffer)
      .toString('latin1')
      .match(/\/Subtype\s*\/Image\b/g) ?? []
  ).length;
}
