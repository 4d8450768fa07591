/** Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu 01, TT 01/2018/TT-VPCP). */
import {
  drawComponentTable,
  drawTable,
  formatVietnamDateTime,
  formatVnd,
} from '../../../platform/pdf/index.js';
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
import type { SlipData, SlipPerson } from './slip-types.js';

export const RECEIPT_TITLE = 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ';

const BLANK_TIME = '…… giờ …… phút, ngày ……/……/………';
const COLLECTED = { before: 'Thu trước', after: 'Thu sau' } as const;

const timeOrBlank = (at: Date | null): string => (at ? formatVietnamDateTime(at) : BLANK_TIME);

/** The owner is printed only when it is someone other than the submitter (e.g. an authorised person submits). */
function isSamePerson(a: SlipPerson, b: SlipPerson): boolean {
  if (a.idNumber && b.idNumber) return a.idNumber === b.idNumber;
  return a.name.trim().toLocaleLowerCase('vi') === b.name.trim().toLocaleLowerCase('vi');
}

function submitter(doc: PDFKit.PDFDocument, data: SlipData) {
  line(doc, [`${data.agencyName} tiếp nhận hồ sơ của:`]);
  line(doc, ['Ông/Bà: '], [data.applicant.name, true]);
  contactLines(doc, data.applicant, true);
  line(doc, ['Nội dung yêu cầu giải quyết: '], [data.procedureName, true]);
  const owner = data.owner;
  if (owner && !isSamePerson(owner, data.applicant)) {
    line(doc, ['Chủ hồ sơ: '], [owner.name, true], ['; địa chỉ: '], [orBlank(owner.address), true]);
  }
}

function components(doc: PDFKit.PDFDocument, data: SlipData) {
  keepWithTable(doc);
  line(doc, ['1. Thành phần hồ sơ nộp gồm:', true]);
  drawComponentTable(doc, data.components);
}

function fees(doc: PDFKit.PDFDocument, data: SlipData) {
  if (data.feeLines.length === 0) {
    line(doc, ['Phí, lệ phí: '], ['Không', true]);
    return;
  }
  keepWithTable(doc);
  line(doc, ['Phí, lệ phí:']);
  const total = data.feeLines.reduce((sum, f) => sum + f.amount, 0);
  const rows = data.feeLines.map((f) => [f.name, formatVnd(f.amount), COLLECTED[f.collected]]);
  drawTable(doc, {
    columns: [
      { header: 'Tên phí/lệ phí', width: 5.5 },
      { header: 'Số tiền (đồng)', width: 2, align: 'right' },
      { header: 'Hình thức thu', width: 2, align: 'center' },
    ],
    rows: [...rows, ['Tổng cộng', formatVnd(total), '']],
    boldRows: [rows.length],
  });
  for (const p of data.payments) {
    line(
      doc,
      ['Đã thu: '],
      [`${formatVnd(p.amount)} đồng`, true],
      [', biên lai số '],
      [p.receiptNumber, true],
    );
  }
}

function returnPlace(data: SlipData): string {
  switch (data.returnMethod) {
    case 'desk':
      return `Bộ phận Một cửa – ${data.agencyName}`;
    case 'post':
      return `Nhận qua dịch vụ bưu chính công ích tới địa chỉ: ${orBlank(data.returnAddress)}`;
    case 'online':
      return 'Nhận trực tuyến (tài khoản dịch vụ công và kho dữ liệu của Ông/Bà)';
  }
}

function schedule(doc: PDFKit.PDFDocument, data: SlipData) {
  line(doc, ['2. Số lượng hồ sơ: '], ['01 bộ', true]);
  line(doc, ['3. Thời gian giải quyết hồ sơ theo quy định là: '], [data.durationText ?? BLANK, true]);
  line(doc, ['4. Thời gian nhận hồ sơ: '], [timeOrBlank(data.receivedAt), true]);
  line(doc, ['5. Thời gian trả kết quả giải quyết hồ sơ: '], [timeOrBlank(data.dueAt), true]);
  fees(doc, data);
  line(doc, ['6. Đăng ký nhận kết quả tại: '], [returnPlace(data), true]);
}

export async function renderReceipt(data: SlipData): Promise<Buffer> {
  const doc = openSlip(data, RECEIPT_TITLE);
  await slipHead(doc, data, RECEIPT_TITLE);
  submitter(doc, data);
  components(doc, data);
  schedule(doc, data);
  signatures(
    doc,
    { role: 'NGƯỜI NỘP HỒ SƠ', name: data.applicant.name },
    { role: 'NGƯỜI TIẾP NHẬN HỒ SƠ', name: data.officerName },
  );
  note(doc, 'Khi đến nhận kết quả, người nhận phải mang theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả.');
  note(doc, `Tra cứu tình trạng hồ sơ: ${data.trackingUrl} — quét mã QR`);
  return finishSlip(doc);
}
