import PDFDocument from 'pdfkit';

/** A4 in PDF points, and a 15 mm margin: room for a stamp or a hole punch on the printed copy. */
const MARGIN = 42.5;

/**
 * Ghép ảnh: several photos of one paper component (a phone camera takes one page per shot) become
 * one A4 PDF, one photo per page, scaled to fit inside the margins and centred, never enlarged
 * past the page. pdfkit reads a JPEG's EXIF orientation and draws the photo upright (its
 * `ignoreOrientation` option is left off), so a portrait page shot with the phone turned prints
 * upright; PNG has no such tag. JPEG bytes are copied into the PDF as they are, not re-encoded.
 */
export async function photosToPdf(photos: Buffer[], title = 'Ảnh chụp thành phần hồ sơ'): Promise<Buffer> {
  if (photos.length === 0) throw new RangeError('photosToPdf needs at least one photo');
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, autoFirstPage: false, info: { Title: title } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  for (const photo of photos) {
    doc.addPage();
    const width = doc.page.width - 2 * MARGIN;
    const height = doc.page.height - 2 * MARGIN;
    doc.image(photo, MARGIN, MARGIN, { fit: [width, height], align: 'center', valign: 'center' });
  }
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}
