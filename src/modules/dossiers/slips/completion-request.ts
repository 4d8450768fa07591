/** Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02, TT 01/2018/TT-VPCP). */
import { drawTable } from '../../../platform/pdf/index.js';
import {
  BLANK,
  contactLines,
  finishSlip,
  keepWithTable,
  line,
  note,
  openSlip,
  orBlank,
  signatures,
  slipHead,
} from './slip-common.js';
import type { SlipData } from './slip-types.js';

export const COMPLETION_REQUEST_TITLE = 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ';

function missingTable(doc: PDFKit.PDFDocument, data: SlipData) {
  keepWithTable(doc);
  line(doc, ['Yêu cầu Ông/Bà bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:', true]);
  if (data.missing.length === 0) return;
  drawTable(doc, {
    columns: [
      { header: 'TT', width: 0.7, align: 'center' },
      { header: 'Tên giấy tờ', width: 4.3 },
      { header: 'Nội dung cần bổ sung/hoàn thiện', width: 5 },
    ],
    rows: data.missing.map((m, i) => [String(i + 1), m.name, m.reason]),
  });
}

export async function renderCompletionRequest(data: SlipData): Promise<Buffer> {
  const doc = openSlip(data, COMPLETION_REQUEST_TITLE);
  await slipHead(doc, data, COMPLETION_REQUEST_TITLE, `Số: ${data.completionNumber ?? '……'}/HDHS`);
  line(doc, ['Hồ sơ của: Ông/Bà '], [data.applicant.name, true]);
  line(doc, ['Nội dung yêu cầu giải quyết: '], [data.procedureName, true]);
  contactLines(doc, data.applicant, false);
  missingTable(doc, data);
  line(doc, ['Lý do: '], [orBlank(data.reason), true]);
  line(
    doc,
    ['Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ '],
    [data.officerName, true],
    [' số điện thoại '],
    [data.contactPhone ?? BLANK, true],
    [' để được hướng dẫn.'],
  );
  line(doc, ['Tra cứu tình trạng hồ sơ tại: '], [data.trackingUrl], [' — hoặc quét mã QR trên phiếu này.']);
  signatures(doc, null, { role: 'NGƯỜI HƯỚNG DẪN', name: data.officerName });
  note(doc, 'Khi nộp lại hồ sơ đã bổ sung, hoàn thiện, Ông/Bà mang theo phiếu này.');
  return finishSlip(doc);
}
