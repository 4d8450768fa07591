/** QR codes as inline SVG (no image request, crisp in print), labelled for screen readers. */
import { escapeHtml } from '@kitajs/html';
import QRCode from 'qrcode';

/**
 * The SVG of a QR code for `url`, with role="img" and `label` as its accessible name. The markup
 * comes from the qrcode library (paths only, nothing from the request); the label is escaped.
 */
export async function qrSvg(url: string, label: string): Promise<string> {
  const svg = await QRCode.toString(url, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
  return svg.replace('<svg ', `<svg class="qr" role="img" aria-label="${escapeHtml(label)}" `);
}
