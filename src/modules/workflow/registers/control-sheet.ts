/**
 * Phiếu kiểm soát quá trình giải quyết hồ sơ (Mẫu 05; TT 03/2025: Mẫu 06): the dossier's header
 * fields, its components, then every hand-over (I. of the dossier, II. of the result back to the
 * desk) with the giving step's result: trước hạn / đúng hạn / quá hạn.
 */
import {
  drawComponentTable,
  drawTable,
  ensureSpace,
  formatVietnamDateTime,
} from '../../../platform/pdf/index.js';
import type { Timeliness } from '../step-deadlines.js';
import { documentHead, finishDocument, line, openDocument, orBlank, timeOrBlank } from './document-common.js';
import type { ControlSheetData, HandoverRow } from './document-types.js';

export const TIMELINESS_MARK: Record<Timeliness, string> = {
  early: 'Trước hạn',
  on_time: 'Đúng hạn',
  late: 'Quá hạn',
};

function handoverTable(doc: PDFKit.PDFDocument, heading: string, rows: HandoverRow[]) {
  ensureSpace(doc, 90);
  line(doc, [heading, true]);
  drawTable(doc, {
    fontSize: 9.5,
    columns: [
      { header: 'Tên cơ quan, đơn vị', width: 3.4 },
      { header: 'Thời gian giao, nhận hồ sơ', width: 2.1, align: 'center' },
      { header: 'Người giao', width: 1.7, align: 'center' },
      { header: 'Người nhận', width: 1.7, align: 'center' },
      { header: 'Kết quả giải quyết hồ sơ (trước hạn/ đúng hạn/ quá hạn)', width: 1.9, align: 'center' },
      { header: 'Ghi chú', width: 1.4 },
    ],
    rows:
      rows.length === 0
        ? [['(chưa có)', '', '', '', '', '']]
        : rows.map((r, i) => [
            `${i + 1}. Giao: ${r.fromAgency}\nNhận: ${r.toAgency}`,
            formatVietnamDateTime(r.at),
            r.giver ?? '',
            r.receiver ?? '',
            r.result ? TIMELINESS_MARK[r.result] : '',
            r.note ?? '',
          ]),
  });
}

export async function renderControlSheet(data: ControlSheetData, title: string): Promise<Buffer> {
  const doc = openDocument(data, title);
  await documentHead(doc, data, title);
  line(doc, ['Mã hồ sơ: '], [data.dossierCode, true]);
  line(doc, ['Người nộp hồ sơ: '], [data.applicant.name, true]);
  if (data.owner) line(doc, ['Chủ hồ sơ: '], [data.owner.name, true]);
  line(doc, ['Địa chỉ: '], [orBlank(data.applicant.address), true]);
  line(
    doc,
    ['Số điện thoại: '],
    [orBlank(data.applicant.phone), true],
    ['     Email: '],
    [orBlank(data.applicant.email), true],
  );
  line(doc, ['Nội dung yêu cầu giải quyết: '], [data.procedureName, true]);
  line(doc, ['Ngày nhận hồ sơ: '], [timeOrBlank(data.receivedAt), true]);
  line(doc, ['Thời gian giải quyết theo quy định: '], [orBlank(data.durationText), true]);
  line(doc, ['Ngày hẹn trả kết quả: '], [timeOrBlank(data.dueAt), true]);
  ensureSpace(doc, 80);
  line(doc, ['Thành phần hồ sơ:', true]);
  drawComponentTable(doc, data.components, 9.5);
  handoverTable(
    doc,
    'I. GIAO, NHẬN HỒ SƠ',
    data.handovers.filter((r) => r.part === 'dossier'),
  );
  handoverTable(
    doc,
    'II. NHẬN KẾT QUẢ GIẢI QUYẾT HỒ SƠ',
    data.handovers.filter((r) => r.part === 'result'),
  );
  return finishDocument(doc);
}
