/** Thông báo dừng giải quyết hồ sơ (TT 03/2025 Mẫu 05; DOMAIN.md §3.3 row 15: status 8 with its reason). */
import { formatVietnamDateTime } from '../../../platform/pdf/index.js';
import {
  addresseeAndReceipt,
  documentHead,
  finishDocument,
  line,
  openDocument,
  signature,
} from './document-common.js';
import type { StopNoticeData } from './document-types.js';

export async function renderStopNotice(data: StopNoticeData, title: string): Promise<Buffer> {
  const doc = openDocument(data, title);
  await documentHead(doc, data, title, 'Số: ……/TB');
  addresseeAndReceipt(doc, data);
  line(
    doc,
    [`${data.agencyName} thông báo dừng giải quyết hồ sơ của Ông/Bà kể từ `],
    [formatVietnamDateTime(data.stoppedAt), true],
    [', với lý do: '],
    [data.reason, true],
    ['.'],
  );
  line(doc, ['Người thực hiện: '], [data.stoppedBy, true]);
  line(doc, ['Xin thông báo để Ông/Bà được biết./.']);
  signature(doc, 'THỦ TRƯỞNG CƠ QUAN', '(Ký, ghi rõ họ tên, đóng dấu hoặc ký số)', null);
  return finishDocument(doc);
}
