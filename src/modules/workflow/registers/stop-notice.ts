/** Thông báo dừng giải quyết hồ sơ (TT 03/2025 Mẫu 05; DOMAIN.md §3.3 row 15: status 8 with its reason). */
import { formatVietnamDateTime } from '../../../platform/pdf/index.js';
import {
  documentHead,
  finishDocument,
  line,
  openDocument,
  orBlank,
  signature,
  timeOrBlank,
} from './document-common.js';
import type { StopNoticeData } from './document-types.js';

export async function renderStopNotice(data: StopNoticeData, title: string): Promise<Buffer> {
  const doc = openDocument(data, title);
  await documentHead(doc, data, title, 'Số: ……/TB');
  line(doc, ['Kính gửi: Ông/Bà '], [data.applicant.name, true]);
  line(doc, ['Địa chỉ: '], [orBlank(data.applicant.address), true]);
  line(
    doc,
    ['Vào lúc '],
    [timeOrBlank(data.receivedAt), true],
    [`, ${data.receivingAgencyName} tiếp nhận hồ sơ của Ông/Bà đề nghị giải quyết thủ tục hành chính: `],
    [data.procedureName, true],
    ['; mã hồ sơ: '],
    [data.dossierCode, true],
    ['.'],
  );
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
