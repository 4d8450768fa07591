/** Intake slips (Mẫu 01–03) as A4 PDFs with the dossier code as text, QR code and Code 39 barcode. */
import { renderCompletionRequest } from './completion-request.js';
import { renderReceipt } from './receipt.js';
import { renderRefusal } from './refusal.js';
import type { SlipData } from './slip-types.js';

export { COMPLETION_REQUEST_TITLE } from './completion-request.js';
export { RECEIPT_TITLE } from './receipt.js';
export { REFUSAL_TITLE } from './refusal.js';
export type { SlipComponent, SlipData, SlipFeeLine, SlipKind, SlipPerson } from './slip-types.js';

export function renderSlip(data: SlipData): Promise<Buffer> {
  switch (data.kind) {
    case 'receipt':
      return renderReceipt(data);
    case 'completion_request':
      return renderCompletionRequest(data);
    case 'refusal':
      return renderRefusal(data);
  }
}
